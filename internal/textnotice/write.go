package textnotice

import (
	"strconv"
	"strings"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
)

// Default patterns for a notice that brings none (a ledger, say), in the
// numbering order of GB/T 9704 clause 7.3.3 under a level-1 heading.
var defaultStyle = notice.Style{
	Category:    "（{cn}）{title}",
	Subcategory: "{n}.{title}",
	Issue:       "（{n}）关于“{title}”的问题",
	Progress:    "整改情况（{status}）：{actions}",
	Pending:     "{n}.关于“{title}”的问题",
}

// StyleOf returns the notice's own patterns with defaults for the missing.
func StyleOf(n *notice.Notice) notice.Style {
	st := defaultStyle
	if n.Style != nil {
		for _, f := range []struct {
			dst *string
			src string
		}{
			{&st.Category, n.Style.Category}, {&st.Subcategory, n.Style.Subcategory},
			{&st.Issue, n.Style.Issue}, {&st.Progress, n.Style.Progress}, {&st.Pending, n.Style.Pending},
		} {
			if f.src != "" {
				*f.dst = f.src
			}
		}
	}
	return st
}

// Fill replaces a pattern's placeholders.
func Fill(pattern string, num int, title string) string {
	r := strings.NewReplacer("{n}", strconv.Itoa(num), "{cn}", notice.CNNumeral(num),
		"{circled}", circled(num), "{latin}", latin(num), "{title}", title)
	return r.Replace(pattern)
}

// latin is the letter numbering a list a）b）c）.
func latin(n int) string {
	if n >= 1 && n <= 26 {
		return string(rune('a' + n - 1))
	}
	return strconv.Itoa(n)
}

func circled(n int) string {
	if n >= 1 && n <= 20 {
		return string(rune('①' + n - 1))
	}
	return strconv.Itoa(n)
}

// Block is one paragraph of the notice as writers see it, with its role so
// that the PDF writer can pick a face for it.
type Block struct {
	Role string // see the Role constants
	Text string
}

// Paragraph roles.
const (
	RoleDocNumber = "doc_number"
	RoleTitle     = "title"
	RoleAddressee = "addressee"
	RoleBody      = "body"
	RoleHeading1  = "heading1" // 一、 黑体
	RoleHeading2  = "heading2" // （一） 楷体 lead sentence
	RoleHeading3  = "heading3" // 1. and （1） as body
	RoleSignature = "signature"
	RoleDate      = "date"
)

// Blocks lays the notice out as paragraphs in reading order: the one place
// that decides what text a notice has, shared by the text and PDF writers.
func Blocks(n *notice.Notice) []Block {
	st := StyleOf(n)
	var out []Block
	add := func(role, text string) {
		if strings.TrimSpace(text) != "" {
			out = append(out, Block{role, text})
		}
	}
	// Unplaced text goes back where it stood: the first line above the
	// title (an issuer's mark), anything else after the date.
	// A web page's furniture before the first issue goes back around the
	// title: its breadcrumb above, 发布时间 and 【字体】 lines under it. An
	// issue list in an attachment goes after the date, behind the unplaced
	// paragraphs that stood before it (附件, its title).
	var top, head, preList, tail []string
	var first *notice.Source
	if is := n.Issues(); len(is) > 0 {
		first = is[0].Source
	}
	attachment := false // an unplaced 附件 before the list (or of no known place)
	for _, u := range n.Unplaced {
		if attachmentRe.MatchString(u.Text) && (u.Source == nil || first != nil && before(u.Source, first)) {
			attachment = true
		}
	}
	inAttachment := false
	for _, u := range n.Unplaced {
		early := u.Source != nil && u.Source.Page <= 1 && (first == nil || before(u.Source, first))
		if attachment && attachmentRe.MatchString(u.Text) {
			inAttachment = true
		}
		if u.Source == nil && colophonRe.MatchString(u.Text) {
			inAttachment = false // the 版记 closes the document
		}
		switch {
		case u.Source != nil && u.Source.Line == 1 && u.Source.Page <= 1, early && breadcrumbRe.MatchString(u.Text):
			top = append(top, u.Text)
		case early && webFurnitureRe.MatchString(u.Text):
			head = append(head, u.Text)
		case inAttachment && (u.Source == nil || first == nil || before(u.Source, first)):
			preList = append(preList, u.Text)
		default:
			tail = append(tail, u.Text)
		}
	}
	for _, t := range top {
		add(RoleBody, t)
	}
	below := n.Style != nil && n.Style.DocNumberBelow
	if !below {
		add(RoleDocNumber, n.DocNumber)
	}
	title := n.Title
	if title == "" {
		title = "关于巡察整改进展情况的通报"
	}
	if n.Issuer != "" && !strings.HasPrefix(title, n.Issuer) {
		title = n.Issuer + title
	}
	lines, sub := titleAndSubtitle(n)
	if lines != nil {
		for _, l := range lines {
			add(RoleTitle, l)
		}
	} else {
		add(RoleTitle, title)
	}
	for _, l := range sub {
		add(RoleBody, l)
	}
	for _, h := range head {
		add(RoleBody, h)
	}
	if below {
		add(RoleDocNumber, n.DocNumber)
	}
	if n.Addressee != "" {
		add(RoleAddressee, n.Addressee+"：")
	}
	for _, p := range strings.Split(n.Preamble, "\n") {
		add(RoleBody, p)
	}
	decimal := n.Style != nil && decimalGroupRe.MatchString(n.Style.Category)
	wroteIssues := false
	for _, s := range n.Sections {
		if decimal {
			// Groups numbered "2.1" stand in parts numbered "2".
			add(RoleHeading1, strconv.Itoa(s.Number)+s.Title)
		} else {
			add(RoleHeading1, notice.CNNumeral(s.Number)+"、"+s.Title)
		}
		for _, p := range s.Paragraphs {
			add(roleOf(p), p)
		}
		switch s.Kind {
		case notice.SectionIssues:
			out = append(out, issueBlocks(n, st, sectionCategories(n, s), s.Title)...)
			wroteIssues = true
		case notice.SectionPending:
			out = append(out, pendingBlocks(n, st)...)
		}
	}
	if !wroteIssues && !attachment {
		out = append(out, issueBlocks(n, st, n.Categories, "")...)
	}
	for _, c := range n.Closing {
		add(RoleBody, c)
	}
	add(RoleSignature, n.Issuer)
	if n.Date != "" && !(len(sub) > 0 && strings.Contains(sub[0], notice.ChineseDate(n.Date))) {
		add(RoleDate, notice.ChineseDate(n.Date)) // unless the subtitle dates it
	}
	if attachment {
		for _, t := range preList {
			add(RoleBody, t)
		}
		out = append(out, issueBlocks(n, st, n.Categories, "")...)
	}
	for _, t := range tail {
		add(RoleBody, t)
	}
	return out
}

// decimalGroupRe is a category numbering "2.{n}" of a decimal outline.
var decimalGroupRe = lazyre.New(`^\d{1,2}[.．]\{n\}`)

// titleLines are the title's lines as the source set them, while they
// still say the notice's title.
func titleLines(n *notice.Notice) []string {
	title, _ := titleAndSubtitle(n)
	return title
}

// titleAndSubtitle splits the title as set into the title's lines and the
// lines under it that are no part of it (a report's "——…会议上" and who
// gave it), while the first still say the notice's title.
func titleAndSubtitle(n *notice.Notice) (title, sub []string) {
	if n.Style == nil || len(n.Style.Title) == 0 || n.Title == "" {
		return nil, nil
	}
	lines := n.Style.Title
	k := len(lines)
	for i, l := range lines {
		if i > 0 && strings.HasPrefix(l, "—") {
			k = i
			break
		}
	}
	if !strings.HasSuffix(strings.Join(lines[:k], ""), n.Title) {
		return nil, nil
	}
	return lines[:k], lines[k:]
}

func roleOf(p string) string {
	switch k, _, _, _ := marker(p); k {
	case kindCNDun, kindDecimal1:
		return RoleHeading1
	case kindParenCN, kindDecimal2:
		return RoleHeading2
	case kindArabicDot, kindParenArabic, kindDecimal3:
		return RoleHeading3
	}
	return RoleBody
}

// sectionCategories are the categories a level-1 part holds: all of them
// when the notice keeps its list in one part.
func sectionCategories(n *notice.Notice, s notice.Section) []notice.Category {
	var out []notice.Category
	for _, c := range n.Categories {
		if c.Section == s.Number {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		for _, c := range n.Categories {
			if c.Section == 0 {
				out = append(out, c)
			}
		}
	}
	return out
}

// issueBlocks writes categories and their issues; a category that is the
// level-1 part itself (partTitle) has its heading written already.
func issueBlocks(n *notice.Notice, st notice.Style, cats []notice.Category, partTitle string) []Block {
	var out []Block
	pendingFor := map[int]string{} // an issue's pending item's deadline
	for _, p := range n.Pending {
		pendingFor[p.Issue] = p.Deadline
	}
	for ci, c := range cats {
		if c.Title != "" && !(c.Section != 0 && c.Title == partTitle) {
			num := c.Number
			if num == 0 {
				num = ci + 1
			}
			h := Fill(st.Category, num, c.Title)
			out = append(out, Block{roleOf(h), h})
		}
		for _, l := range strings.Split(c.Lead, "\n") {
			if l != "" {
				out = append(out, Block{roleOf(l), l})
			}
		}
		sub, subN := "", 0
		for _, is := range c.Issues {
			if is.Subcategory != sub {
				sub = is.Subcategory
				if sub != "" {
					subN++
					if is.SubcategoryNumber > 0 {
						subN = is.SubcategoryNumber
					}
					h := Fill(st.Subcategory, subN, sub)
					out = append(out, Block{roleOf(h), h})
				}
			}
			pd, pending := pendingFor[is.Number]
			out = append(out, issueText(st, is, pending && pd == is.Deadline)...)
		}
	}
	return out
}

// issueText writes one issue: through its own layout when the source gave
// one, else in the notice's style. Facts the layout has no place for are
// added in the usual words, so that nothing is lost; the deadline is left to
// the pending item when that states the same one (pendingSays).
func issueText(st notice.Style, is notice.Issue, pendingSays bool) []Block {
	status := is.StatusText
	if status == "" {
		status = notice.StatusLabel[is.Status]
	}
	acts := ActionsText(is)
	deadline := deadlineWords(is.Deadline, is.DeadlineText)
	r := is.Responsible
	if r == nil {
		r = &notice.Responsible{}
	}
	var out []Block
	layout := is.Layout
	if layout == "" {
		h := Fill(st.Issue, is.Number, is.Title)
		if is.Description != "" {
			if !strings.HasSuffix(h, "。") {
				h += "。"
			}
			h += is.Description
		}
		out = append(out, Block{roleOf(h), h})
		prog := st.Progress
		if status == "" {
			prog = strings.NewReplacer("（{status}）", "", "{status}。", "", "{status}，", "", "{status}", "").Replace(prog)
		}
		out = append(out, Block{RoleBody, strings.NewReplacer("{status}", status, "{actions}", acts).Replace(prog)})
		if is.Progress != "" {
			out = append(out, Block{RoleBody, "整改进展：" + is.Progress})
		}
		layout = "{n}{actions}{progress}" // what the default lines above hold
	} else {
		fill := strings.NewReplacer("{n}", strconv.Itoa(is.Number), "{cn}", notice.CNNumeral(is.Number),
			"{circled}", circled(is.Number), "{latin}", latin(is.Number), "{title}", is.Title, "{description}", is.Description,
			"{status}", status, "{actions}", acts, "{progress}", is.Progress, "{deadline}", deadline,
			"{leader}", r.Leader, "{unit}", r.Unit, "{person}", r.Person, "{remarks}", is.Remarks)
		i := 0
		for _, raw := range strings.Split(layout, "\n") {
			// A label the source set alone on its line ("整改措施：" over
			// its actions) has no placeholder: it stays.
			alone := !strings.Contains(raw, "{")
			for _, l := range strings.Split(fill.Replace(raw), "\n") {
				i++
				if k, _, _, rest := label(l); strings.TrimSpace(l) == "" || !alone && k != lblNone && strings.TrimSpace(rest) == "" {
					continue // a label whose value is gone
				}
				role := RoleBody
				if i == 1 {
					role = roleOf(l)
				}
				out = append(out, Block{role, l})
			}
		}
		if !strings.Contains(layout, "{description}") && is.Description != "" {
			out[0].Text += is.Description
		}
	}
	if is.Deadline != "" && !pendingSays && !strings.Contains(layout, "{deadline}") &&
		notice.FindDeadline(acts) != is.Deadline && notice.FindDeadline(is.Progress) != is.Deadline {
		out = append(out, Block{RoleBody, "整改时限：" + deadline})
	}
	for _, f := range []struct{ ph, k, v string }{{"{leader}", "责任领导", r.Leader}, {"{unit}", "责任单位", r.Unit},
		{"{person}", "责任人", r.Person}, {"{remarks}", "备注", is.Remarks}} {
		if f.v != "" && !strings.Contains(layout, f.ph) {
			out = append(out, Block{RoleBody, f.k + "：" + f.v})
		}
	}
	return out
}

// deadlineWords writes a deadline as the source did when it kept the words.
func deadlineWords(iso, words string) string {
	if words != "" {
		return words
	}
	return deadlineText(iso)
}

func deadlineText(d string) string {
	if d != "" && d[0] >= '0' && d[0] <= '9' {
		return notice.ChineseDate(d)
	}
	return d
}

// ActionsText writes an issue's actions as the source wrote them: numbered
// its way (一是/二是 unless Markers says otherwise) when there is more than
// one (or a lead), plain otherwise.
func ActionsText(is notice.Issue) string {
	if len(is.Actions) == 1 && is.Lead == "" && !is.Ordinals {
		return is.Actions[0].Text
	}
	markers := is.Markers
	if markers == "" {
		markers = "{cn}是"
	}
	return is.Lead + numberActions(is.Actions, markers)
}

func pendingBlocks(n *notice.Notice, st notice.Style) []Block {
	var out []Block
	for i, p := range n.Pending {
		num := p.Number
		if num == 0 {
			num = i + 1
		}
		deadline := deadlineWords(p.Deadline, p.DeadlineText)
		layout := p.Layout
		if layout == "" {
			lbl := "情况说明"
			if is := n.IssueByNumber(p.Issue); is != nil && is.Status == notice.BasicallyCompleted {
				lbl = "基本完成情况说明"
			}
			layout = st.Pending + "\n" + lbl + "：{explanation}\n下一步整改措施：{next_steps}\n整改时限：{deadline}"
		}
		fill := strings.NewReplacer("{n}", strconv.Itoa(num), "{cn}", notice.CNNumeral(num), "{circled}", circled(num),
			"{title}", p.Title, "{explanation}", p.Explanation, "{next_steps}", p.NextSteps, "{deadline}", deadline)
		for j, l := range strings.Split(fill.Replace(layout), "\n") {
			if k, _, _, rest := label(l); strings.TrimSpace(l) == "" || k != lblNone && strings.TrimSpace(rest) == "" {
				continue
			}
			role := RoleBody
			if j == 0 {
				role = roleOf(l)
			}
			out = append(out, Block{role, l})
		}
		for _, f := range []struct{ ph, k, v string }{{"{explanation}", "情况说明", p.Explanation},
			{"{next_steps}", "下一步整改措施", p.NextSteps}, {"{deadline}", "整改时限", deadline}} {
			if f.v != "" && !strings.Contains(layout, f.ph) {
				out = append(out, Block{RoleBody, f.k + "：" + f.v})
			}
		}
	}
	return out
}

// Write gives the notice as clean text: one paragraph a line, in the
// notice's own numbering, ready to paste into Word.
func Write(n *notice.Notice) []byte {
	var b strings.Builder
	for _, bl := range Blocks(n) {
		b.WriteString(bl.Text)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}
