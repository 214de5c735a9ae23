package textnotice

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
)

// Marker kinds, listed in the order of GB/T 9704's numbering hierarchy
// (clause 7.3.3): 一、 > （一） > 1. > （1） > ①, with 1） after （1）. The
// order is only the usual one: a notice may nest its levels in any order,
// and the grammar reads the nesting from the notice itself.
const (
	kindNone = iota - 1
	kindCNDun
	kindParenCN
	kindArabicDot
	kindParenArabic
	kindArabicParen
	kindCircled
	kindProblem // 问题1： / 问题一：
	kindOrdinal // 第一，/ 第二、 heading an issue, as courts and procuratorates number them
	kindLatin   // a） b） / （a）, as in lists drawn up like contracts
	// kindProblemLabel is an unnumbered "问题：" opening a paragraph: in a
	// list without numbers (问题：… 措施：… 整改情况：…) each issue starts
	// there; right under a numbered heading it is that issue's
	// description (problemUnderHeading).
	kindProblemLabel
	// kindBracketProblem is 【问题一】, as schools and hospitals set them
	// with 【整改措施】【整改进展】 under each.
	kindBracketProblem
	// A decimal outline, as companies number their documents: parts
	// "1 …", groups "2.1 …", items "2.1.1 …"; the number is the last
	// figure, the parents' figures are kept as written.
	kindDecimal1
	kindDecimal2
	kindDecimal3
)

var markerRes = []*lazyre.Regexp{
	kindCNDun:          lazyre.New(`^([一二三四五六七八九十百千零〇]{1,8})[、．]\s*`),
	kindParenCN:        lazyre.New(`^（([一二三四五六七八九十百千零〇]{1,8})）\s*`),
	kindArabicDot:      lazyre.New(`^(\d{1,6})\s*[.．、]\s*`),
	kindParenArabic:    lazyre.New(`^（(\d{1,6})）\s*`),
	kindArabicParen:    lazyre.New(`^(\d{1,3})[）)]\s*`),
	kindCircled:        lazyre.New(`^([①-⑳])\s*`),
	kindProblem:        lazyre.New(`^问题\s*(\d{1,3}|[一二三四五六七八九十]{1,4})\s*[：:、.．]\s*`),
	kindOrdinal:        lazyre.New(`^第([一二三四五六七八九十]{1,4})[，、]\s*`),
	kindLatin:          lazyre.New(`^[（(]?([a-z])[）)]\s*`),
	kindProblemLabel:   lazyre.New(`^(?:存在)?问题()[：:]\s*`),
	kindBracketProblem: lazyre.New(`^【问题\s*(\d{1,3}|[一二三四五六七八九十]{1,4})】\s*`),
	kindDecimal1:       lazyre.New(`^(\d{1,2})\s*`),
	kindDecimal2:       lazyre.New(`^\d{1,2}[.．](\d{1,2})\s*`),
	kindDecimal3:       lazyre.New(`^\d{1,2}[.．]\d{1,2}[.．](\d{1,2})[.．]?\s*`),
}

// unitAfterNumber are the characters that make a number a quantity, not a
// decimal heading: "15日", "2.5万元", "3个问题".
const unitAfterNumber = "年月日号个项条名人次万亿元件家所户处台辆倍分秒时天周岁余届期批份篇场座亩米吨"

// marker finds a paragraph's numbering: its kind, number and the text after it.
func marker(s string) (kind, num int, rest, mark string) {
	for k, re := range markerRes {
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		numText := s[m[2]:m[3]]
		switch k {
		case kindCNDun, kindParenCN, kindOrdinal:
			num = notice.CNNumber(numText)
		case kindLatin:
			num = int(numText[0]-'a') + 1
		case kindProblemLabel:
			num = 0 // numbered in order by the list
		case kindCircled:
			num = int([]rune(numText)[0]-'①') + 1
		case kindProblem, kindBracketProblem:
			if num, _ = strconv.Atoi(numText); num == 0 {
				num = notice.CNNumber(numText)
			}
		default:
			num, _ = strconv.Atoi(numText)
		}
		rest = s[m[1]:]
		if (k == kindArabicDot || k == kindArabicParen || k == kindLatin) && (rest == "" || []rune(rest)[0] < 0x80) {
			continue // "82.5分" and "163.com" are not headings
		}
		if k >= kindDecimal1 && !decimalHeading(k, rest) {
			continue
		}
		return k, num, rest, s[:m[1]]
	}
	return kindNone, 0, s, ""
}

var (
	// A status in brackets opening a paragraph: （已完成）…, 【已完成】…
	bracketStatusRe = lazyre.New(`^[（【\[]([^）】\]]{2,10})[）】\]][：:]?\s*`)
	digitsRe        = lazyre.New(`\d+`)
	ordinalRe       = lazyre.New(`^[一二三四五六七八九十]{1,3}是`)
	docNumberRe     = lazyre.New(`^\S{1,12}〔\d{4}〕\d{1,4}号$`)
)

// label kinds
const (
	lblNone = iota
	lblActions
	lblProgress
	lblStatus
	lblDeadline
	lblLeader
	lblUnit
	lblPerson
	lblExplain
	lblNext
	lblProblem
	lblRemarks
	lblContact
)

// labelKinds is the vocabulary of labels offices put before the parts of an
// issue; labelRe and labelIndexes are built from it.
var labelKinds = map[string]int{
	"整改情况": lblActions, "整改措施": lblActions, "措施": lblActions, "整改举措": lblActions, "主要措施": lblActions, "具体措施": lblActions,
	"整改落实情况": lblActions, "落实情况": lblActions, "整改工作情况": lblActions,
	"整改措施及进展": lblActions, "整改措施及进展情况": lblActions, "整改措施和进展": lblActions, "整改措施及成效": lblActions,
	"整改措施及完成情况": lblActions, "整改措施及落实情况": lblActions,
	"整改进展情况": lblProgress, "整改进展": lblProgress, "整改结果": lblProgress, "整改成效": lblProgress,
	"整改进度": lblProgress, "进展情况": lblProgress, "目前进展": lblProgress,
	"完成情况": lblStatus, "整改状态": lblStatus, "完成状态": lblStatus, "整改完成情况": lblStatus,
	"销号情况": lblStatus, "是否销号": lblStatus, // the ledger's header words for the status
	"整改时限": lblDeadline, "完成时限": lblDeadline, "时限要求": lblDeadline, "完成时间": lblDeadline, "整改期限": lblDeadline,
	"完成期限": lblDeadline, "整改时间": lblDeadline, "整改完成时限": lblDeadline,
	"责任领导": lblLeader, "牵头领导": lblLeader, "分管领导": lblLeader, "牵头责任领导": lblLeader,
	"责任单位": lblUnit, "责任部门": lblUnit, "责任科室": lblUnit, "牵头单位": lblUnit,
	"责任股室": lblUnit, "责任处室": lblUnit, "责任部室": lblUnit, "牵头部门": lblUnit,
	"责任人": lblPerson, "整改责任人": lblPerson, "具体责任人": lblPerson, "直接责任人": lblPerson,
	"责任主体":     lblUnit,
	"基本完成情况说明": lblExplain, "情况说明": lblExplain, "未完成原因": lblExplain, "原因分析": lblExplain,
	"下一步整改措施": lblNext, "下一步措施": lblNext, "下步措施": lblNext, "下一步工作": lblNext,
	"存在问题": lblProblem, "问题表现": lblProblem, "主要问题": lblProblem, "问题描述": lblProblem,
	"备注": lblRemarks,
	// Who helps the unit answering for the issue: no field of its own,
	// kept as a remark under its label.
	"配合单位": lblRemarks, "配合部门": lblRemarks, "协办单位": lblRemarks, "配合科室": lblRemarks, "配合股室": lblRemarks,
	"结果": lblProgress, "整改进展情况说明": lblProgress,
	"联系方式": lblContact,
}

// labelNames are the label words, longest first so that 整改进展情况 wins
// over 整改进展.
var labelNames = func() []string {
	var l []string
	for k := range labelKinds {
		l = append(l, k)
	}
	sort.Slice(l, func(i, j int) bool {
		if len(l[i]) != len(l[j]) {
			return len(l[i]) > len(l[j])
		}
		return l[i] < l[j]
	})
	return l
}()

// A labelled part: 整改情况（已完成）：…, 整改措施：…
var labelRe = lazyre.New(`^(` + strings.Join(labelNames, "|") + `)(?:（([^）]{0,12})）)?[：:]\s*`)

// A label set in square brackets, with or without a colon: 【整改措施】…
var bracketLabelRe = lazyre.New(`^【(` + strings.Join(labelNames, "|") + `)】[：:]?\s*`)

func label(s string) (kind int, name, bracket, rest string) {
	if m := bracketLabelRe.FindStringSubmatchIndex(s); m != nil {
		name = s[m[2]:m[3]]
		return labelKinds[name], name, "", s[m[1]:]
	}
	m := labelRe.FindStringSubmatchIndex(s)
	if m == nil {
		return lblNone, "", "", s
	}
	name = s[m[2]:m[3]]
	if m[4] >= 0 {
		bracket = s[m[4]:m[5]]
	}
	return labelKinds[name], name, bracket, s[m[1]:]
}

// decimalHeading reports whether the text after a decimal number opens a
// heading: a Chinese word that is no unit of the number; a part "1 …" is a
// short line without punctuation, since a bare number before Chinese may
// open any paragraph.
func decimalHeading(k int, rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("“《‘", r) || strings.ContainsRune(unitAfterNumber, r) {
		return false
	}
	return k != kindDecimal1 || displayWidth(rest) <= 40 && !strings.ContainsAny(rest, "。，；：、")
}

// unplaced keeps a paragraph the grammar has no place for, with where it
// stood, so that nothing read is lost.
func (p *parser) unplaced(q Para) {
	u := notice.Unplaced{Text: q.Text}
	if q.Page > 0 || q.Line > 0 {
		u.Source = &notice.Source{Page: q.Page, Line: q.Line}
	}
	p.n.Unplaced = append(p.n.Unplaced, u)
}

// WithTables reads the paragraphs of a source that also holds ledger
// tables (a Word file, a web page, text with tab-separated tables) and adds
// the tables' issues, each under the part heading it stood in. Paragraphs in
// which the grammar finds no notice beside a ledger are kept as unplaced
// text (a ledger's 填表说明), so that the text around the table is not lost.
func WithTables(paras []Para, tables []*notice.Notice, headings []string) (*notice.Notice, error) {
	n, err := Parse(paras)
	if err != nil {
		if len(tables) == 0 || (len(paras) > 0 && !errors.Is(err, ErrNoNotice)) {
			return nil, err
		}
		n = kept(paras)
	}
	n.AddTables(tables, headings)
	return n, nil
}

// kept is a notice holding only the paragraphs, as unplaced text.
func kept(paras []Para) *notice.Notice {
	p := &parser{n: &notice.Notice{Format: notice.FormatVersion}}
	for _, q := range paras {
		if strings.TrimSpace(q.Text) != "" {
			p.unplaced(q)
		}
	}
	return p.n
}

// before orders source positions, unknown ones last.
func before(a, b *notice.Source) bool {
	switch {
	case a == nil || b == nil:
		return a != nil
	case a.Page != b.Page:
		return a.Page < b.Page
	}
	return a.Line < b.Line
}

// ErrNoNotice is returned when a text has nothing of a notice in it.
var ErrNoNotice = errors.New("没有找到通报的内容（标题、问题清单或整改情况）")

// Parse reads a notice from its paragraphs. Which numbering level holds the
// issues is decided from what the paragraphs say: an issue is the heading
// that a status or progress part follows.
func Parse(paras []Para) (*notice.Notice, error) {
	p := &parser{paras: paras, n: &notice.Notice{Format: notice.FormatVersion}}
	if len(paras) == 0 {
		return nil, errors.New("文件中没有文字")
	}
	p.parse()
	n := p.n
	if n.Title == "" && len(n.Categories) == 0 && len(n.Sections) == 0 {
		return nil, ErrNoNotice
	}
	return n, nil
}

type parser struct {
	paras []Para
	n     *notice.Notice
	style notice.Style
	// statedIssues is the number of issues the text says it lists, when it
	// says so: evidence for which level holds them.
	statedIssues int
}

func (p *parser) parse() {
	paras := p.paras
	end := len(paras)
	for _, q := range paras {
		if m := statedPartsRe.FindStringSubmatch(q.Text); m != nil {
			p.statedIssues = count(m[2])
			break
		}
		if m := statedIssuesRe.FindStringSubmatch(q.Text); m != nil {
			p.statedIssues = atoi(m[1] + m[2])
			break
		}
	}
	// An issue list set as an attachment after the signature and date.
	attach := attachmentStart(paras)
	if attach > 0 {
		end = attach
	}
	afterDate := end // what follows the date up to here has no place
	// Signature and date at the end, within the last eight paragraphs
	// that are not a web page's furniture or the 版记.
	for i, seen := end-1, 0; i >= 0 && seen < 8; i-- {
		if t := paras[i].Text; !webFurnitureRe.MatchString(t) && !colophonRe.MatchString(t) && !attachmentNoteRe.MatchString(t) {
			seen++
		}
		if d := notice.ParseWholeDate(paras[i].Text); d != "" {
			p.n.Date = d
			end = i
			if i > 0 && isSignature(paras[i-1].Text) {
				p.n.Issuer = paras[i-1].Text
				end = i - 1
			}
			// What follows the date (a note, a 抄送 line) has no place in
			// the model: keep it where it was.
			for _, q := range paras[i+1 : afterDate] {
				p.unplaced(q)
			}
			break
		}
	}
	if p.n.Date == "" {
		// No signature date (a report made at a meeting): a 版记 at the
		// end is still no part of the text.
		for end > 0 && colophonRe.MatchString(paras[end-1].Text) {
			end--
		}
		// A signature without its date (a web page that shows the date
		// as 发布时间 instead): the last paragraph before any furniture,
		// when it names an office as signatures do.
		j := end - 1
		for j > 0 && webFurnitureRe.MatchString(paras[j].Text) {
			j--
		}
		rest := end // what follows has no place in the model
		if j > 0 && isSignature(paras[j].Text) && officeNameRe.MatchString(paras[j].Text) {
			p.n.Issuer = paras[j].Text
			rest, end = j+1, j
		}
		for _, q := range paras[rest:] {
			p.unplaced(q)
		}
	}
	// Header: everything before the first paragraph that reads as prose.
	body := 0
	for body < end {
		t := paras[body].Text
		if k, _, _, _ := marker(t); k == kindCNDun || k == kindDecimal1 || strings.ContainsAny(t, "。；") || displayWidth(t) > 60 {
			break
		}
		body++
	}
	p.header(paras[:body])
	// Level-1 sections, unless the notice numbers its issues themselves
	// "一、" (a short notice without narrative parts).
	var heads []int
	top := topKind(paras[body:end])
	topIssues := p.issueLevel(paras[body:end]) == top
	for i := body; i < end && !topIssues; i++ {
		if k, _, rest, _ := marker(paras[i].Text); k == top && displayWidth(rest) < 50 {
			heads = append(heads, i)
		}
	}
	bodyEnd := end
	closingStart := p.narrativeAfterList(body, p.closingStart(body, end), heads)
	if closingStart < end {
		bodyEnd = closingStart
		for _, c := range paras[closingStart:end] {
			p.n.Closing = append(p.n.Closing, c.Text)
		}
	}
	preEnd := bodyEnd
	if len(heads) > 0 {
		preEnd = heads[0]
	}
	// Without sections, the issue list follows the preamble directly.
	var pre []string
	listStart := preEnd
	if len(heads) == 0 {
		listStart = body
		for listStart < bodyEnd {
			if k, _, _, _ := marker(paras[listStart].Text); k != kindNone {
				break
			}
			listStart++
		}
	}
	for _, q := range paras[body:min(preEnd, listStart)] {
		pre = append(pre, q.Text)
	}
	p.n.Preamble = strings.Join(pre, "\n")
	if len(heads) == 0 {
		cats, lead, _ := p.issueList(paras[listStart:bodyEnd])
		p.n.Categories = cats
		if len(lead) > 0 {
			p.n.Preamble = strings.Join(append(pre, lead...), "\n")
		}
	}
	var bySection []sectionCats
	for hi, h := range heads {
		stop := bodyEnd
		if hi+1 < len(heads) {
			stop = heads[hi+1]
		}
		_, num, title, _ := marker(paras[h].Text)
		sec := notice.Section{Number: num, Title: title}
		content := paras[h+1 : max(h+1, stop)]
		switch {
		case pendingTitleRe.MatchString(title):
			sec.Kind = notice.SectionPending
			sec.Paragraphs = p.pendingList(content)
		default:
			cats, lead, ok := p.issueList(content)
			if ok {
				sec.Kind = notice.SectionIssues
				sec.Paragraphs = lead
				bySection = append(bySection, sectionCats{sec.Number, sec.Title, cats})
			} else {
				for _, c := range content {
					sec.Paragraphs = append(sec.Paragraphs, c.Text)
				}
			}
			if accountabilityTitleRe.MatchString(title) {
				p.accountability(sec.Paragraphs)
			}
		}
		p.n.Sections = append(p.n.Sections, sec)
	}
	p.mergeSections(bySection)
	if attach > 0 {
		p.attachment(paras[attach:])
	}
	sort.SliceStable(p.n.Unplaced, func(i, j int) bool { return before(p.n.Unplaced[i].Source, p.n.Unplaced[j].Source) })
	p.linkPending()
	p.facts()
	if !p.style.IsZero() {
		st := p.style
		p.n.Style = &st
	}
}

// attachmentNoteRe is a line naming an attachment ("附件：…问题清单.xls").
var attachmentNoteRe = lazyre.New(`^附件\s*\d{0,2}[：:]`)

// attachmentRe is the word 附件 alone on its line, heading an attachment.
var attachmentRe = lazyre.New(`^附件\s*\d{0,2}[：:]?$`)

// attachmentStart finds an attachment after the signature date that holds
// a numbered list (附件 / its title / 一、… 1.…): the issue list of a notice
// that is itself a short letter. It returns its first paragraph, or 0.
func attachmentStart(paras []Para) int {
	for i := 1; i < len(paras); i++ {
		if !attachmentRe.MatchString(paras[i].Text) {
			continue
		}
		dated := false
		for _, q := range paras[max(0, i-3):i] {
			dated = dated || notice.ParseWholeDate(q.Text) != ""
		}
		if !dated {
			continue
		}
		for _, q := range paras[i+1:] {
			if k, _, _, _ := marker(q.Text); k != kindNone {
				return i
			}
		}
	}
	return 0
}

// attachment reads the attachment's list as the notice's issues; the word
// 附件 and the attachment's title before it are kept as unplaced.
func (p *parser) attachment(ps []Para) {
	// The 版记 (抄送, 印发) closes the document after its attachments.
	end := len(ps)
	for end > 0 && colophonRe.MatchString(ps[end-1].Text) {
		end--
	}
	for _, q := range ps[end:] {
		p.unplaced(q)
	}
	ps = ps[:end]
	j := 0
	for j < len(ps) {
		if k, _, _, _ := marker(ps[j].Text); k != kindNone {
			break
		}
		p.unplaced(ps[j])
		j++
	}
	cats, lead, ok := p.issueList(ps[j:])
	for _, l := range lead {
		p.n.Closing = append(p.n.Closing, l)
	}
	if !ok {
		for _, q := range ps[j:] {
			p.unplaced(q)
		}
		return
	}
	p.n.Categories = append(p.n.Categories, cats...)
}

// topKind is the numbering of the level-1 parts: 一、, or in a decimal
// outline without any 一、 the parts "1 …" over groups "2.1 …".
func topKind(ps []Para) int {
	count := map[int]int{}
	for _, q := range ps {
		k, _, _, _ := marker(q.Text)
		count[k]++
	}
	if count[kindCNDun] == 0 && count[kindDecimal1] >= 2 && count[kindDecimal2] > 0 {
		return kindDecimal1
	}
	return kindCNDun
}

// sectionCats is the issue list one level-1 part holds.
type sectionCats struct {
	number int
	title  string
	cats   []notice.Category
}

// mergeSections gathers the issue lists. Usually one part ("二、巡察反馈问题
// 的整改情况") holds them all; some notices use the parts themselves as the
// categories ("一、党的领导方面" … "二、全面从严治党方面"), and then each part
// without a category level of its own becomes one category.
func (p *parser) mergeSections(parts []sectionCats) {
	if len(parts) == 1 {
		p.n.Categories = append(p.n.Categories, parts[0].cats...)
		return
	}
	for _, part := range parts {
		cats := part.cats
		if len(cats) == 1 && cats[0].Title == "" {
			cats[0].Number, cats[0].Title = part.number, part.title
		}
		for i := range cats {
			cats[i].Section = part.number
		}
		p.n.Categories = append(p.n.Categories, cats...)
	}
}

// formLineRe is a form's fill-in or note line: 填报单位：…, 填表人：…,
// 审核人：…, 填表说明：….
var formLineRe = lazyre.New(`^(?:填报|报送|填表|制表)(?:单位|日期|时间|人)\s*(?:（盖章）)?\s*[：:]|^(?:审核人|审批人|联系人|负责人|填表说明|填报说明)\s*[：:]`)

// officeNameRe is the end of an office's name, as a signature gives it.
var officeNameRe = lazyre.New(`(?:委员会|党委|党组|党工委|工委|总支|支部|局|办公室|政府|法院|检察院|医院|学校|学院|大学|中学|小学|公司|集团|中心|街道|管委会|管理委员会|厅|巡察办|纪委|监委)$`)

func isSignature(s string) bool {
	return displayWidth(s) <= 40 && !strings.ContainsAny(s, "。；，：") && !isStarter(s)
}

// colophonRe is a line of the 版记: 抄送：…, or the printer and the date
// it printed (柘荣县人民法院办公室 2025年6月12日印发).
var colophonRe = lazyre.New(`^(?:抄送|印送|分送)[：:]|^\S{2,40}?\d{4}年\d{1,2}月\d{1,2}日印发$`)

var closingRe = lazyre.New(`欢迎|监督|联系方式|联系电话|联系人|特此通报|特此报告|意见建议|意见和建议|举报|电子邮箱|通信地址|^附件\d*[：:]`)

var yearMonthRe = lazyre.New(`\d{4}年\d{1,2}月`)

// narrativeAfterList moves the start of the closing paragraphs back over
// the notice's own words after its issue list ("针对…，给予…处分1人。下一步，…"):
// prose after the list's last numbered item (an action set one a
// paragraph, not a part's heading) that is no label, status or deadline, and
// so cannot continue that item.
func (p *parser) narrativeAfterList(body, start int, heads []int) int {
	i := start
	for i > body {
		t := p.paras[i-1].Text
		if k, _, _, _ := marker(t); k != kindNone || !strings.Contains(t, "。") || ordinalRe.MatchString(t) || bracketStatusRe.MatchString(t) {
			break
		}
		if _, n, _, _ := label(t); n != "" {
			break
		}
		if st, _ := statusOnly(t); st != "" {
			break
		}
		if strings.Count(t, "。") == 1 && yearMonthRe.MatchString(t) {
			break // "计划于2025年12月底前全部完成。": the item's deadline
		}
		i--
	}
	if i == start || i <= body || slices.Contains(heads, i-1) {
		return start
	}
	prev := p.paras[i-1].Text
	if kind, _, _, rest := label(prev); closesIssue(kind) {
		return i // after the last issue's 整改时限/责任单位 lines
	} else if kind == lblProgress {
		if st, _ := statusClause(rest); st != "" {
			return i // after "整改进度：已完成。", a verdict and nothing else
		}
	}
	if k, _, rest, _ := marker(prev); k == kindNone || !strings.Contains(rest, "。") {
		return start
	}
	return i
}

// closesIssue reports the labels that close an issue's parts rather than
// open text that runs on: the deadline, who answers for it, its status.
func closesIssue(kind int) bool {
	switch kind {
	case lblDeadline, lblLeader, lblUnit, lblPerson, lblStatus, lblRemarks:
		return true
	}
	return false
}

// closingStart finds where the closing paragraphs begin: the run of
// paragraphs before the signature that invite comment or give the contact.
func (p *parser) closingStart(body, end int) int {
	i := end
	for i > body {
		t := p.paras[i-1].Text
		if k, _, _, _ := marker(t); k != kindNone || !closingRe.MatchString(t) || ordinalRe.MatchString(t) {
			break
		}
		if _, n, _, _ := label(t); n != "" && n != "联系方式" {
			break
		}
		i--
	}
	return i
}

func (p *parser) header(hs []Para) {
	var title, sub []string
	for _, h := range hs {
		t := h.Text
		switch {
		case len(title) > 0 && (strings.HasPrefix(t, "—") || len(sub) > 0) && !strings.HasSuffix(t, "：") && !strings.HasSuffix(t, ":"):
			// A report made at a meeting: "——2025年10月28日在…会议上" under
			// the title, then who gave it ("县审计局局长 林美华").
			sub = append(sub, t)
		case docNumberRe.MatchString(strings.ReplaceAll(t, " ", "")):
			p.n.DocNumber = strings.ReplaceAll(t, " ", "")
			p.style.DocNumberBelow = len(title) > 0
		case strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":"):
			p.n.Addressee = strings.TrimRight(t, "：:")
		case webFurnitureRe.MatchString(t):
			// Copied from a web page: the breadcrumb, 发布时间/浏览次数,
			// 【字体：大 中 小】 are the page's, not the notice's.
			p.unplaced(h)
		case formLineRe.MatchString(t):
			// A form's lines beside a ledger table (填报单位：…, 填表人：…,
			// 填表说明：…): the ledger reads the unit and date from them; no
			// title.
			p.unplaced(h)
		case strings.HasSuffix(t, "文件") && len(title) == 0 && len(hs) > 1:
			// The issuer's mark (发文机关标志) above the title: the PDF
			// writer takes it from --mark; kept so that nothing is lost.
			p.unplaced(h)
		default:
			title = append(title, t)
		}
	}
	t := strings.Join(title, "")
	if t == "" {
		return
	}
	if len(sub) > 0 {
		// The subtitle's date is the report's, when no signature dates it.
		if ds := notice.FindDates(sub[0]); len(ds) > 0 && p.n.Date == "" && len(ds[0].ISO) == 10 {
			p.n.Date = ds[0].ISO
		}
		defer func() { p.style.Title = append(slices.Clone(title), sub...) }()
	}
	issuer := ""
	if p.n.Issuer != "" && strings.HasPrefix(t, p.n.Issuer) {
		issuer = p.n.Issuer
	} else if i := strings.Index(t, "关于"); i > 0 {
		issuer = strings.TrimSpace(t[:i])
	}
	if issuer != "" {
		t = strings.TrimSpace(strings.TrimPrefix(t, issuer))
		if p.n.Issuer == "" {
			p.n.Issuer = issuer
		}
	}
	p.n.Title = t
	// Keep the title as set when writing issuer and title on one line
	// would change it: lines, spaces, an issuer named otherwise than signed.
	if len(title) > 1 || title[0] != p.n.Issuer+p.n.Title {
		p.style.Title = title
	}
}

// breadcrumb is where a web page says the notice stands, above its title:
// its first words, or a path of ">".
const (
	breadcrumbLead = `首页|当前位置|您当前的位置|您的位置`
	breadcrumbPath = `[^>]>[^>]+>`
)

var breadcrumbRe = lazyre.New(`^(?:` + breadcrumbLead + `)|` + breadcrumbPath)

// webFurnitureRe is a line of a government web page around the notice:
// breadcrumb, publication data, font size and print links, sharing,
// previous and next articles. It is two patterns, the words a line starts
// with and those it may hold anywhere, so that each one's filter turns a
// body line away at once (one alternation of both would need only a
// "：", which nearly every labelled line holds).
var webFurnitureRe = furniture{
	lead: lazyre.New(`^(?:` + breadcrumbLead + `|(?:发布时间|发布日期|发布机构|信息来源|来源|作者|浏览次数|点击次数|访问次数|阅读次数)[：:]|` +
		`【?打印】?$|分享到|(?:上一篇|下一篇)[：:])`),
	anywhere: lazyre.New(breadcrumbPath + `|字体[：:]\s*[【\[]?大|打印本页|关闭窗口`),
}

type furniture struct{ lead, anywhere *lazyre.Regexp }

func (f furniture) MatchString(s string) bool {
	return f.lead.MatchString(s) || f.anywhere.MatchString(s)
}

// labelVerdict is statusClause for the clause that opens a progress
// label's value, where a bare 完成 is the verdict ("整改结果：完成。").
func labelVerdict(c string) (status, words string) {
	if st, w := statusClause(c); st != "" {
		return st, w
	}
	if w := strings.Trim(c, "。；;，, "); w == "完成" {
		return notice.Completed, w
	}
	return "", ""
}

// lastVerdict is the status of the last of two or more clauses that are all
// verdicts ("未完成，正在推进。"), or "".
func lastVerdict(s string) (status, words string) {
	clauses := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("，。；,;", r) })
	if len(clauses) < 2 {
		return "", ""
	}
	for _, c := range clauses {
		if status, words = labelVerdict(c); status == "" {
			return "", ""
		}
	}
	return status, words
}

// headingLabelsRe is a heading whose title is followed by labelled parts in
// brackets and nothing else: "…的问题（责任人：张三，整改时限：6月底）".
var headingLabelsRe = lazyre.New(`^(.+)（((?:` + strings.Join(labelNames, "|") + `)[：:][^（）]*)）$`)

// planRe is a sentence that only says when the rest will be done.
var planRe = lazyre.New(`^(?:计划|预计|力争|确保|拟)于?[^。；，]{0,30}?完成[^。；，]{0,12}[。；]?$`)

var (
	pendingTitleRe        = lazyre.New(`进一步整改|尚未完成|未完成|尚需|仍需|未整改到位|需要.{0,6}整改的|持续整改的事项`)
	accountabilityTitleRe = lazyre.New(`处理|问责|追责|责任追究|执纪`)
)

// item is one issue being read.
type item struct {
	is       notice.Issue
	heading  string
	actions  []string // paragraphs of the actions part
	progress []string // paragraphs of a separate progress part
	status   string   // explicit status words found so far
	statusIn string   // where: "bracket", "label", "sentence"
	deadline string
	hasActs  bool
	// layout is the issue's paragraphs as the source set them, with
	// placeholders for the values (see notice.Issue.Layout).
	layout []string
}

// put adds a piece of layout to the paragraph being read.
func (it *item) put(piece string) {
	it.layout[len(it.layout)-1] += piece
}

// has reports whether the layout already holds a placeholder.
func (it *item) has(ph string) bool {
	for _, l := range it.layout {
		if strings.Contains(l, ph) {
			return true
		}
	}
	return false
}

// issueList reads a section's paragraphs as a list of issues. It returns
// the categories, the lead paragraphs before the list, and whether there was
// a list at all.
func (p *parser) issueList(ps []Para) ([]notice.Category, []string, bool) {
	level := p.issueLevel(ps)
	if level == kindNone {
		return nil, nil, false
	}
	// The group levels are the other heading kinds met before the first
	// issue, outermost first: the notice's own nesting, whatever its order
	// ("1.…方面" over "（一）…" issues as well as "（一）" over "1.").
	var ups []int
	seen := map[int]bool{}
	first := -1
	for i, q := range ps {
		k, _, rest, _ := marker(q.Text)
		if k == level {
			first = i
			break
		}
		if k != kindNone && !seen[k] && displayWidth(rest) < 60 && !strings.Contains(rest, "。") {
			seen[k] = true
			ups = append(ups, k)
		}
	}
	catLevel, subLevel := kindNone, kindNone
	if len(ups) > 0 {
		catLevel = ups[0]
	}
	if len(ups) > 1 {
		subLevel = ups[1]
	}
	var lead []string
	var cats []notice.Category
	var cur *item
	sub, subNum := "", 0
	finish := func() {
		if cur == nil {
			return
		}
		is := p.finishIssue(cur)
		if len(cats) == 0 {
			cats = append(cats, notice.Category{Issues: []notice.Issue{}})
		}
		c := &cats[len(cats)-1]
		c.Issues = append(c.Issues, is)
		cur = nil
	}
	issues := 0
	for i, q := range ps {
		k, num, rest, mark := marker(q.Text)
		if k == kindProblemLabel && level != kindProblemLabel {
			k = kindNone
		}
		switch {
		case k == level && k != kindNone:
			finish()
			issues++
			if k == kindProblemLabel {
				num = issues
			}
			cur = &item{is: notice.Issue{Number: num, Subcategory: sub, SubcategoryNumber: subNum, Source: &notice.Source{Page: q.Page, Line: q.Line}}}
			// "1.问题：…措施：…": the label 问题 belongs to the numbering.
			if k2, _, r2, m2 := marker(rest); k2 == kindProblemLabel && k != kindProblemLabel {
				rest, mark = r2, mark+m2
			}
			head, tail := rest, ""
			// A heading may carry its progress inline: "（1）…的问题。整改情况：已完成。…"
			verdict := ""
			inner := ""
			if m := headingLabelsRe.FindStringSubmatchIndex(rest); m != nil && m[4] > 0 {
				// "…的问题（责任人：…，整改时限：…）": who and by when, in brackets.
				head, inner = rest[:m[4]-len("（")], rest[m[4]:m[5]]
			} else if loc := firstLabel(rest); loc != nil && loc[0] > 0 {
				head, tail = rest[:loc[0]], rest[loc[0]:]
			} else if loc := bracketStatusInline(rest); loc > 0 {
				head, tail = rest[:loc], rest[loc:]
			} else if at, v := verdictAfterTitle(rest); at > 0 {
				head, verdict, tail = rest[:at], v, rest[at+len(v):]
			}
			cur.heading = strings.TrimSpace(head)
			title, pattern, desc := issueTitle(cur.heading)
			cur.is.Title = title
			headLayout := numberPattern(mark, k) + pattern
			if desc != "" {
				cur.is.Description = desc
				headLayout += "{description}"
			}
			headLayout += head[len(strings.TrimRight(head, " ")):]
			cur.layout = []string{headLayout}
			if verdict != "" {
				words := strings.TrimRight(verdict, "。")
				st, _ := statusClause(words)
				cur.setStatus(st, words, "heading")
				cur.put("{status}" + verdict[len(words):])
			}
			if inner != "" {
				cur.put("（")
				p.issueParts(cur, inner)
				cur.put("）")
			}
			if tail != "" {
				p.issueParts(cur, tail)
			}
			if p.style.Issue == "" {
				if desc != "" {
					pattern = strings.TrimSuffix(pattern, "。") // the stop before the description
				}
				p.style.Issue = numberPattern(mark, k) + pattern
			}
		case k == catLevel && k != kindNone && i != first && isHeadingText(rest):
			finish()
			title, pattern := groupTitle(rest)
			cats = append(cats, notice.Category{Number: num, Title: title, Issues: []notice.Issue{}})
			if p.style.Category == "" {
				p.style.Category = numberPattern(mark, k) + pattern
			}
			sub, subNum = "", 0
		case k == subLevel && k != kindNone && isHeadingText(rest):
			finish()
			title, pattern := groupTitle(rest)
			sub, subNum = title, num
			if p.style.Subcategory == "" {
				p.style.Subcategory = numberPattern(mark, k) + pattern
			}
		case cur != nil:
			p.issuePart(cur, q.Text)
		case len(cats) == 0:
			lead = append(lead, q.Text)
		default:
			// Words between a category heading and its first issue.
			c := &cats[len(cats)-1]
			if c.Lead != "" {
				c.Lead += "\n"
			}
			c.Lead += q.Text
		}
	}
	finish()
	return cats, lead, len(cats) > 0
}

func isHeadingText(s string) bool { return displayWidth(s) < 60 }

// verdictAfterTitle finds a heading's second sentence when it is a bare
// verdict, as audit reports write each item: "1.非税收入未及时缴库。已整改。
// 相关单位已…". It returns where the verdict starts and the verdict with
// its stop, or -1.
func verdictAfterTitle(s string) (int, string) {
	i := strings.Index(s, "。")
	if i <= 0 {
		return -1, ""
	}
	at := i + len("。")
	rest := s[at:]
	j := strings.Index(rest, "。")
	if j <= 0 {
		return -1, ""
	}
	v := rest[:j+len("。")]
	if st, _ := statusClause(v); st == "" {
		return -1, ""
	}
	return at, v
}

// problemUnderHeading reports an unnumbered "问题：" paragraph right under
// a numbered heading: the issue's description, not an issue of its own.
func problemUnderHeading(ps []Para, i int) bool {
	if k, _, _, _ := marker(ps[i].Text); k != kindProblemLabel || i == 0 {
		return false
	}
	k, _, _, _ := marker(ps[i-1].Text)
	return k != kindNone && k != kindProblemLabel
}

// bracketStatusInline finds "（已完成）" right after an issue heading's title
// ("（1）…问题（已完成）：一是…"), returning where it starts or -1.
func bracketStatusInline(s string) int {
	for _, open := range []string{"（", "【"} {
		idx := 0
		for {
			j := strings.Index(s[idx:], open)
			if j < 0 {
				break
			}
			j += idx
			if m := bracketStatusRe.FindStringSubmatch(s[j:]); m != nil {
				if st, _ := notice.FindStatus(m[1]); st != "" && j > 0 {
					return j
				}
			}
			idx = j + len(open)
		}
	}
	return -1
}

// issueLevel decides which marker kind holds the issues: the kind of the
// heading that most progress parts follow (a measures or status label, a
// status in brackets, a sentence that is only a verdict). When the evidence
// follows a run of numbered lines of one kind (actions set one a line,
// "（1）…（2）…目前，该问题已整改完成。"), it counts for the heading above
// the run.
func (p *parser) issueLevel(ps []Para) int {
	votes := map[int]int{}
	var stack []int // marker kinds of the paragraphs before, nearest last
	runKind := kindNone
	runLen := 0
	voted := map[int]bool{}
	for i, q := range ps {
		k, _, rest, _ := marker(q.Text)
		if problemUnderHeading(ps, i) {
			k = kindNone
		}
		inline := false
		if k != kindNone {
			if k == runKind {
				runLen++
			} else {
				runKind, runLen = k, 1
			}
			stack = append(stack, k)
			if loc := firstLabel(rest); loc != nil && loc[0] > 0 && isProgressLabel(rest[loc[0]:]) {
				inline = true
			} else if bracketStatusInline(rest) > 0 {
				inline = true
			} else if at, _ := verdictAfterTitle(rest); at > 0 {
				inline = true
			}
			if !inline {
				continue
			}
		} else {
			runLen = 0
			runKind = kindNone
		}
		labelled := inline || isProgressPara(q.Text)
		if !(labelled || numberedActions(q.Text)) || len(stack) == 0 || voted[i] {
			continue
		}
		voted[i] = true
		target := stack[len(stack)-1]
		if !inline && i > 0 {
			// Walk back over a run of numbered lines of one kind.
			j := i - 1
			n := 0
			for j >= 0 {
				kj, _, _, _ := marker(ps[j].Text)
				if kj != target {
					break
				}
				n++
				j--
			}
			for n >= 2 && j >= 0 {
				if kj, _, _, _ := marker(ps[j].Text); kj != kindNone {
					target = kj
					break
				}
				j--
			}
		}
		if !labelled && target == kindCNDun {
			continue // "一、…" parts tell their work "一是…二是…" too
		}
		votes[target]++
	}
	best, bestN := kindNone, 0
	for k, v := range votes {
		if v > bestN || (v == bestN && k > best) {
			best, bestN = k, v
		}
	}
	if best == kindNone {
		best = p.levelByCount(ps)
	}
	return best
}

// levelByCount is the last evidence for a list without labels, statuses or
// numbered actions: the heading kind that occurs as many times as the
// notice says it has issues ("共反馈问题8个").
func (p *parser) levelByCount(ps []Para) int {
	if p.statedIssues == 0 {
		return kindNone
	}
	count := map[int]int{}
	for _, q := range ps {
		if k, _, rest, _ := marker(q.Text); k != kindNone && isHeadingText(rest) {
			count[k]++
		}
	}
	best := kindNone
	for k, n := range count {
		if n == p.statedIssues && (best == kindNone || k > best) {
			best = k
		}
	}
	return best
}

// numberedActions reports a paragraph of numbered actions ("一是…二是…",
// "①…②…"): what follows an issue's heading even without a label.
func numberedActions(s string) bool {
	if k, _, _, _ := marker(s); k != kindNone {
		return false
	}
	_, acts, markers := splitActions(s)
	return markers != "" && len(acts) >= 2
}

func isProgressLabel(s string) bool {
	k, _, _, _ := label(s)
	return k == lblActions || k == lblProgress || k == lblStatus
}

func isProgressPara(s string) bool {
	if s == "" {
		return false
	}
	if isProgressLabel(s) {
		return true
	}
	if st, _ := statusSentence(sentences(s)[0]); st != "" {
		return true
	}
	if m := bracketStatusRe.FindStringSubmatch(s); m != nil {
		st, _ := notice.FindStatus(m[1])
		return st != ""
	}
	return false
}

// issuePart adds one paragraph to an issue.
func (p *parser) issuePart(it *item, s string) {
	it.layout = append(it.layout, "")
	p.issueParts(it, s)
}

// issueParts reads a paragraph, or the inline tail of a heading, into the
// issue; several labels may share it ("整改措施：…整改进度：已完成。").
func (p *parser) issueParts(it *item, s string) {
	locs := labelIndexes(s)
	if len(locs) > 1 && locs[0][0] == 0 {
		for j, l := range locs {
			stop := len(s)
			if j+1 < len(locs) {
				stop = locs[j+1][0]
			}
			p.issuePart1(it, s[l[0]:stop])
		}
		return
	}
	p.issuePart1(it, s)
}

// trailing is the run of spaces and marks that closes s, which layouts keep
// around a value.
func trailing(s, marks string) string {
	return s[len(strings.TrimRight(s, marks)):]
}

func (p *parser) issuePart1(it *item, s string) {
	kind, name, bracket, rest := label(s)
	if k, _, r, _ := marker(s); k == kindProblemLabel && kind == lblNone {
		kind, rest = lblProblem, r // 问题：… under a numbered heading
	}
	prefix := s[:len(s)-len(rest)] // the label as written, with its colon
	if kind == lblNone {
		if m := bracketStatusRe.FindStringSubmatchIndex(s); m != nil {
			if st, _ := notice.FindStatus(s[m[2]:m[3]]); st != "" {
				words := s[m[2]:m[3]]
				it.setStatus(st, words, "bracket")
				if p.style.Progress == "" {
					p.style.Progress = "（{status}）" + sepAfter(s[:m[1]]) + "{actions}"
				}
				it.put(s[:m[2]] + "{status}" + s[m[3]:m[1]])
				if body := s[m[1]:]; strings.TrimSpace(body) != "" {
					// After the actions, the text after a status is progress:
					// the layout holds {actions} once.
					if it.has("{actions}") && !it.has("{progress}") {
						it.progress = append(it.progress, body)
						it.hasActs = false
						it.put("{progress}")
						return
					}
					it.actions = append(it.actions, body)
					it.hasActs = true
					if !it.has("{actions}") {
						it.put("{actions}")
					}
				}
				return
			}
		}
		// Continuation: an ordinal or plain paragraph adds to the part last opened.
		if len(it.progress) > 0 && !it.hasActs {
			it.progress = append(it.progress, s)
		} else {
			it.actions = append(it.actions, s)
			it.hasActs = true
			if !it.has("{actions}") {
				it.put("{actions}")
			}
		}
		return
	}
	switch kind {
	case lblActions, lblProgress:
		body := rest
		pattern := name
		layout := prefix
		if bracket != "" {
			if st, _ := notice.FindStatus(bracket); st != "" {
				it.setStatus(st, bracket, "bracket")
				pattern += "（{status}）"
				layout = strings.Replace(prefix, bracket, "{status}", 1)
			}
		}
		pattern += "："
		// "整改情况：已完成。一是…": a short first sentence that is a status.
		// A progress part keeps it: there the status is part of the text.
		onlyStatus := false
		if sent, after, ok := leadSentence(body); ok {
			if st, _ := labelVerdict(sent); st != "" {
				words := strings.TrimRight(sent, "。；，")
				it.setStatus(st, words, "sentence")
				if kind == lblActions {
					layout += "{status}" + body[len(words):len(body)-len(after)]
					body = after
					pattern += "{status}" + string([]rune(sent)[len([]rune(sent))-1:])
					onlyStatus = body == ""
				}
			}
		}
		// "整改结果：未完成，正在推进。": verdicts only, the last one counts.
		if st, w := lastVerdict(body); st != "" && kind == lblProgress {
			it.setStatus(st, w, "sentence")
		}
		// "整改情况：已完成" on a line of its own, the measures under a
		// label of their own after it: this part was the status alone.
		if onlyStatus {
			it.put(layout)
			return
		}
		// A second measures label after the actions ("整改措施：…" then
		// "整改情况：正在整改。"): the layout holds {actions} once, or
		// every round trip would write the actions again; what follows
		// its status is the issue's progress.
		if kind == lblActions && body != "" && it.has("{actions}") && !it.has("{progress}") {
			kind = lblProgress
		}
		// "整改情况：未完成（原因：…），计划于12月底前完成。": after the
		// verdict only the plan is left, which is progress, not a measure.
		if kind == lblActions && it.statusIn == "sentence" && planRe.MatchString(body) {
			kind = lblProgress
		}
		if kind == lblActions {
			if p.style.Progress == "" {
				p.style.Progress = pattern + "{actions}"
			}
			if body != "" {
				it.actions = append(it.actions, body)
			}
			it.hasActs = true
			switch {
			case it.has("{actions}"):
				it.put(layout)
			case body == "" && !strings.Contains(layout, "{"):
				// "整改措施：" alone, its actions in the paragraphs under it.
				it.put(layout + "\n{actions}")
			default:
				it.put(layout + "{actions}")
			}
		} else {
			it.progress = append(it.progress, body)
			it.hasActs = false
			it.put(layout + "{progress}")
		}
	case lblStatus:
		if st, _ := notice.FindStatus(rest); st != "" && displayWidth(rest) <= 16 {
			words := strings.TrimRight(rest, "。；  ")
			it.setStatus(st, words, "label")
			it.put(prefix + "{status}" + rest[len(words):])
		} else {
			it.progress = append(it.progress, rest)
			it.hasActs = false
			it.put(prefix + "{progress}")
		}
	case lblDeadline:
		it.deadline = rest
		it.put(prefix + "{deadline}" + trailing(rest, "。；;，, "))
	case lblLeader, lblUnit, lblPerson:
		if it.is.Responsible == nil {
			it.is.Responsible = &notice.Responsible{}
		}
		v := strings.TrimRight(rest, "。；，  ")
		ph := "{person}"
		switch kind {
		case lblLeader:
			it.is.Responsible.Leader, ph = v, "{leader}"
		case lblUnit:
			it.is.Responsible.Unit, ph = v, "{unit}"
		default:
			it.is.Responsible.Person = v
		}
		it.put(prefix + ph + rest[len(v):])
	case lblRemarks:
		it.is.Remarks = rest
		it.put(prefix + "{remarks}")
	case lblProblem:
		if it.is.Description == "" {
			it.is.Description = rest
			it.put(prefix + "{description}")
		} else {
			it.is.Description += rest
		}
	default:
		it.actions = append(it.actions, s)
		it.hasActs = true
		if !it.has("{actions}") {
			it.put("{actions}")
		}
	}
}

func sepAfter(s string) string {
	if strings.HasSuffix(s, "：") {
		return "："
	}
	return ""
}

// setStatus records an explicit verdict. When an issue states more than
// one, the last one written wins: "整改情况（正在整改）：……目前已完成整改。"
// is completed. Words such as 完成 inside an action are no verdict at all.
func (it *item) setStatus(st, words, where string) {
	it.is.Status, it.is.StatusText, it.statusIn = st, words, where
}

var monthOnlyRe = lazyre.New(`^(\d{1,2})月`)

// deadline reads a deadline as written: its ISO form, and the words when
// they say more than the ISO form would be written as ("2025年8月底",
// "12月底"). A month without a year is in the notice's year, or the next
// one when the month has passed by the notice's date.
func (p *parser) deadline(words string) (iso, text string) {
	words = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(words), "。；;，,"))
	if words == "" {
		return "", ""
	}
	iso = notice.ParseDeadline(words)
	if m := monthOnlyRe.FindStringSubmatch(words); m != nil && iso == words && len(p.n.Date) >= 7 {
		y, mo := atoi(p.n.Date[:4]), atoi(m[1])
		if mo >= 1 && mo <= 12 {
			if mo < atoi(p.n.Date[5:7]) {
				y++
			}
			iso = notice.ISODate(y, mo, 0)
		}
	}
	if deadlineText(iso) != words {
		text = words
	}
	return iso, text
}

// leadSentence splits off the first sentence of s.
func leadSentence(s string) (sent, rest string, ok bool) {
	i := strings.IndexAny(s, "。；，")
	if i < 0 {
		if displayWidth(s) <= 12 {
			return s, "", true
		}
		return "", s, false
	}
	_, w := firstRune(s[i:])
	return s[:i+w], strings.TrimSpace(s[i+w:]), true
}

func firstRune(s string) (rune, int) {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return 0, 0
	}
	return r, n
}

func (p *parser) finishIssue(it *item) notice.Issue {
	acts := strings.Join(it.actions, "\n")
	// A verdict closing the actions ("……纳入年度考核。目前已完成整改。") is
	// the issue's progress, not part of an action.
	if rest, tail, st, w := trailingStatus(acts); tail != "" && len(it.progress) == 0 {
		acts = rest
		it.progress = append(it.progress, strings.TrimSpace(tail))
		if it.has("{status}") {
			// The heading or a label already gave the status where the
			// layout writes it back ("…（长期坚持）" … "该项工作将长期
			// 坚持。"): the sentence is progress text.
			it.statusIn = "sentence"
		} else {
			it.setStatus(st, w, "sentence")
		}
		sep := ""
		if strings.HasSuffix(rest, "\n") || strings.HasPrefix(tail, "\n") || rest == "" {
			sep = "\n"
		}
		for i, l := range it.layout {
			if strings.Contains(l, "{actions}") {
				if rest == "" {
					it.layout[i] = strings.Replace(l, "{actions}", "{progress}", 1)
				} else {
					it.layout[i] = strings.Replace(l, "{actions}", "{actions}"+sep+"{progress}", 1)
				}
				break
			}
		}
	}
	is := it.is
	var layout []string
	for _, l := range it.layout {
		if l != "" { // numbered action lines live in {actions}
			layout = append(layout, l)
		}
	}
	is.Layout = strings.Join(layout, "\n")
	prog := strings.Join(it.progress, "")
	if strings.TrimSpace(acts) == "" && prog != "" && it.statusIn != "sentence" {
		acts, prog = prog, ""
		// The progress part was the measures ("整改进展：一是…。目前已整改
		// 到位。"): a verdict closing it is the issue's status, as after
		// the actions.
		ph := "{actions}"
		if rest, tail, st, w := trailingStatus(acts); tail != "" && strings.TrimSpace(rest) != "" {
			acts, prog = rest, strings.TrimSpace(tail)
			it.setStatus(st, w, "sentence")
			is.Status, is.StatusText = st, w
			ph = "{actions}{progress}"
		}
		for i, l := range layout {
			if strings.Contains(l, "{progress}") && !strings.Contains(is.Layout, "{actions}") {
				layout[i] = strings.Replace(l, "{progress}", ph, 1)
				break
			}
		}
		is.Layout = strings.Join(layout, "\n")
	}
	is.Progress = prog
	lead, actions, markers := splitActions(acts)
	is.Lead = lead
	is.Actions = actions
	is.Ordinals = markers != "" && len(actions) == 1
	if markers != "{cn}是" {
		is.Markers = markers
	}
	if is.Actions == nil {
		is.Actions = []notice.Action{}
	}
	if is.Status == "" {
		// No explicit status: the progress text, then the actions, may say it.
		for _, src := range []string{prog, lead, acts} {
			if st, w := notice.FindStatus(src); st != "" && w != "完成" {
				is.Status, is.StatusText = st, w
				break
			}
		}
	}
	is.Deadline, is.DeadlineText = p.deadline(it.deadline)
	if is.Deadline == "" {
		is.Deadline = notice.FindDeadline(prog)
		if is.Deadline == "" && is.Status != notice.Completed {
			is.Deadline = notice.FindDeadline(acts)
		}
	}
	return is
}

var (
	quotedTitleRe = lazyre.New(`^关于“(.+)”(的问题|问题|方面的问题|方面问题|问题的整改|的整改情况|方面)(.*)$`)
	groupQuoteRe  = lazyre.New(`^(在|关于)“(.+)”(方面|问题的整改|的问题|问题|方面的问题)?(.*)$`)
)

// issueTitle takes the title out of an issue heading: the words inside
// 关于“…”的问题, or the first sentence without 的问题. It returns the title,
// the heading's pattern with {title}, and any description after the title.
func issueTitle(head string) (title, pattern, desc string) {
	if m := quotedTitleRe.FindStringSubmatch(head); m != nil {
		tail := m[3]
		if tail != "" && !strings.ContainsAny(tail[:min(len(tail), 3)], "。") && displayWidth(tail) > 2 {
			desc = strings.TrimLeft(tail, "。：")
			tail = ""
		} else if strings.HasPrefix(tail, "。") && len(tail) > len("。") {
			desc = strings.TrimPrefix(tail, "。")
			tail = "。"
		}
		return m[1], "关于“{title}”" + m[2] + tail, desc
	}
	first, rest, _ := leadSentenceAt(head, "。")
	t := strings.TrimRight(first, "。")
	suffix := first[len(t):]
	for _, s := range []string{"的问题", "问题"} {
		if s == "问题" && strings.Contains(t[strings.LastIndex(t, "，")+1:], "存在") {
			break // "…，存在超标准接待问题": 问题 is the object of 存在
		}
		if strings.HasSuffix(t, s) && displayWidth(t) > displayWidth(s)+3 {
			t = strings.TrimSuffix(t, s)
			suffix = s + suffix
			// "关于…的问题" without quotes: the words between are the title.
			if inner := strings.TrimPrefix(t, "关于"); inner != t && displayWidth(inner) > 4 {
				return inner, "关于{title}" + suffix, strings.TrimSpace(rest)
			}
			break
		}
	}
	return t, "{title}" + suffix, strings.TrimSpace(rest)
}

func leadSentenceAt(s, sep string) (string, string, bool) {
	i := strings.Index(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i+len(sep)], s[i+len(sep):], true
}

// groupTitle takes the title out of a category heading: "在“…”方面" and
// "关于“…”问题的整改" keep the words in quotes.
func groupTitle(s string) (title, pattern string) {
	if m := groupQuoteRe.FindStringSubmatch(s); m != nil && m[4] == "" {
		return m[2], m[1] + "“{title}”" + m[3]
	}
	t := strings.TrimRight(s, "。")
	return t, "{title}" + s[len(t):]
}

// numberPattern turns a heading's numbering into a pattern: "（3）" → "（{n}）".
func numberPattern(mark string, kind int) string {
	switch kind {
	case kindCNDun, kindParenCN, kindOrdinal:
		m := markerRes[kind].FindStringSubmatch(mark)
		return strings.Replace(mark, m[1], "{cn}", 1)
	case kindLatin:
		m := markerRes[kind].FindStringSubmatch(mark)
		return strings.Replace(mark, m[1], "{latin}", 1)
	case kindCircled:
		return "{circled}" + strings.TrimLeft(mark, "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
	case kindProblemLabel:
		return mark
	case kindDecimal1, kindDecimal2, kindDecimal3:
		m := markerRes[kind].FindStringSubmatchIndex(mark)
		return mark[:m[2]] + "{n}" + mark[m[3]:]
	case kindProblem, kindBracketProblem:
		if !digitsRe.MatchString(mark) {
			m := markerRes[kind].FindStringSubmatch(mark)
			return strings.Replace(mark, m[1], "{cn}", 1)
		}
	}
	return digitsRe.ReplaceAllString(mark, "{n}")
}

// pendingList reads the 需要进一步整改的事项 section; it returns the lead
// paragraphs before the first item.
func (p *parser) pendingList(ps []Para) []string {
	var lead []string
	var cur *notice.Pending
	var layout []string
	field := lblExplain
	flush := func() {
		if cur != nil {
			cur.Layout = strings.Join(layout, "\n")
			p.n.Pending = append(p.n.Pending, *cur)
			cur = nil
		}
	}
	for _, q := range ps {
		k, num, rest, mark := marker(q.Text)
		headW := displayWidth(rest)
		if loc := firstLabel(rest); loc != nil {
			headW = displayWidth(rest[:loc[0]])
		}
		if k > kindCNDun && headW < 80 && (cur == nil || !isPendingLabel(rest)) {
			if _, name, _, _ := label(rest); name == "" {
				flush()
				cur = &notice.Pending{Number: num}
				head := rest
				var tail string
				if loc := firstLabel(rest); loc != nil && loc[0] > 0 {
					head, tail = rest[:loc[0]], rest[loc[0]:]
				}
				bare := strings.TrimRight(strings.TrimSpace(head), "。")
				title, pattern, desc := issueTitle(bare)
				cur.Title = title
				if p.style.Pending == "" {
					p.style.Pending = numberPattern(mark, k) + pattern
				}
				layout = []string{numberPattern(mark, k) + pattern + head[len(bare):]}
				if desc != "" {
					// Words after the title without a label: the explanation.
					cur.Explanation = desc
					layout[0] = numberPattern(mark, k) + strings.TrimSuffix(pattern, "。") + "。{explanation}" + head[len(bare):]
				}
				field = lblExplain
				if tail != "" {
					field = p.pendingParts(cur, tail, field, layout)
				}
				continue
			}
		}
		if cur == nil {
			lead = append(lead, q.Text)
			continue
		}
		// A paragraph of its own without a label after the deadline is no
		// deadline: reading it as one would replace the deadline read.
		if field == lblDeadline && (cur.Deadline != "" || cur.DeadlineText != "") {
			if loc := firstLabel(q.Text); loc == nil || loc[0] != 0 {
				p.unplaced(q)
				continue
			}
		}
		layout = append(layout, "")
		field = p.pendingParts(cur, q.Text, field, layout)
	}
	flush()
	return lead
}

func isPendingLabel(s string) bool {
	k, _, _, _ := label(s)
	return k == lblExplain || k == lblNext || k == lblDeadline
}

func (p *parser) pendingParts(cur *notice.Pending, s string, field int, layout []string) int {
	locs := labelIndexes(s)
	if len(locs) == 0 || locs[0][0] != 0 {
		locs = append([][]int{{0, 0}}, locs...)
	}
	for j, l := range locs {
		stop := len(s)
		if j+1 < len(locs) {
			stop = locs[j+1][0]
		}
		part := s[l[0]:stop]
		kind, _, _, rest := label(part)
		prefix := ""
		if kind != lblNone {
			field = kind
			prefix = part[:len(part)-len(rest)]
			part = rest
		}
		ph := "{explanation}"
		switch field {
		case lblNext, lblActions:
			cur.NextSteps += part
			ph = "{next_steps}"
		case lblDeadline:
			cur.Deadline, cur.DeadlineText = p.deadline(part)
			ph = "{deadline}" + trailing(part, "。；;，, ")
		default:
			cur.Explanation += part
		}
		if prefix != "" || !strings.Contains(strings.Join(layout, ""), ph) {
			layout[len(layout)-1] += prefix + ph
		}
	}
	return field
}

// linkPending gives each pending item its issue number by title, and each
// issue without a deadline the deadline its pending item states.
func (p *parser) linkPending() {
	issues := p.n.Issues()
	for i := range p.n.Pending {
		pd := &p.n.Pending[i]
		var match *notice.Issue
		for _, is := range issues {
			if is.Title == pd.Title {
				match = is
				break
			}
		}
		if match == nil {
			for _, is := range issues {
				if is.Title != "" && pd.Title != "" && (strings.Contains(is.Title, pd.Title) || strings.Contains(pd.Title, is.Title)) {
					match = is
					break
				}
			}
		}
		if match != nil {
			pd.Issue = match.Number
			if match.Deadline == "" {
				match.Deadline, match.DeadlineText = pd.Deadline, pd.DeadlineText
			}
		}
	}
}

// labelIndexes finds every labelled part in s ("整改措施：", "整改情况（已完成）：")
// as [start, end] byte offsets. It looks back from each colon, which is far
// cheaper than an unanchored regexp over long paragraphs.
func labelIndexes(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		j := indexAny(s[i:], "：:")
		if j < 0 {
			break
		}
		colon := i + j
		_, w := firstRune(s[colon:])
		before := s[:colon]
		if strings.HasSuffix(before, "）") {
			if k := strings.LastIndex(before, "（"); k >= 0 && displayWidth(before[k:]) <= 14 {
				before = before[:k]
			}
		}
		for _, name := range labelNames {
			if strings.HasSuffix(before, name) {
				out = append(out, []int{len(before) - len(name), colon + w})
				break
			}
		}
		i = colon + w
	}
	return out
}

func firstLabel(s string) []int {
	if l := labelIndexes(s); len(l) > 0 {
		return l[0]
	}
	return nil
}
