package check

import (
	"cmp"
	"fmt"
	"strings"
	"unicode"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
)

// checkPending compares the pending list with the statuses.
func checkPending(n *notice.Notice, _ Options) []Finding {
	var fs []Finding
	listed := map[int]bool{}
	for _, p := range n.Pending {
		if p.Issue == 0 {
			fs = append(fs, Finding{Level: Error, Code: "pending-unknown",
				Message: fmt.Sprintf("需要进一步整改的事项“%s”在问题清单中找不到对应的问题", p.Title)})
			continue
		}
		listed[p.Issue] = true
		is := n.IssueByNumber(p.Issue)
		if is == nil {
			fs = append(fs, Finding{Level: Error, Code: "pending-unknown", Issue: p.Issue,
				Message: fmt.Sprintf("需要进一步整改的事项指向问题（%d），但问题清单中没有这个问题", p.Issue)})
		} else if is.Status == notice.Completed {
			fs = append(fs, Finding{Level: Error, Code: "pending-completed", Issue: p.Issue, Location: where(is),
				Message: fmt.Sprintf("问题（%d）“%s”已标为%s，却列在需要进一步整改的事项中", p.Issue, is.Title, statusWords(is))})
		}
	}
	if len(n.Sections) > 0 || len(n.Pending) > 0 {
		for _, is := range n.Issues() {
			if is.Status != "" && is.Status != notice.Completed && is.Status != notice.Ongoing && !listed[is.Number] && len(n.Pending) > 0 {
				fs = append(fs, Finding{Level: Warning, Code: "pending-missing", Issue: is.Number, Location: where(is),
					Message: fmt.Sprintf("问题（%d）“%s”%s，但没有列入需要进一步整改的事项", is.Number, is.Title, statusWords(is))})
			}
		}
	}
	return fs
}

func statusWords(is *notice.Issue) string {
	if is.StatusText != "" {
		return "“" + is.StatusText + "”"
	}
	return "“" + notice.StatusLabel[is.Status] + "”"
}

// checkDeadlines flags deadlines already passed for issues not completed.
func checkDeadlines(n *notice.Notice, opt Options) []Finding {
	today := opt.Today
	if today == "" {
		today = n.Date
	}
	if today == "" {
		return nil
	}
	var fs []Finding
	for _, is := range n.Issues() {
		if d := is.Deadline; Overdue(is, today) {
			fs = append(fs, Finding{Level: Warning, Code: "deadline-passed", Issue: is.Number, Location: where(is),
				Message: fmt.Sprintf("问题（%d）“%s”整改时限%s已过（截至%s），仍为%s", is.Number, is.Title,
					notice.ChineseDate(d), notice.ChineseDate(today), statusWords(is))})
		}
	}
	return fs
}

// Overdue reports whether an issue is unfinished past its deadline on day
// today (ISO): not completed nor ongoing, with a dated deadline before today.
func Overdue(is *notice.Issue, today string) bool {
	d := is.Deadline
	if d == "" || d[0] < '0' || d[0] > '9' || is.Status == notice.Completed || is.Status == notice.Ongoing {
		return false
	}
	return before(d, today)
}

// before reports whether deadline d ended before day t: a month deadline
// runs to the month's end.
func before(d, t string) bool {
	l := min(len(d), len(t))
	return d[:l] < t[:l]
}

// checkStatuses flags issues without a status, status words outside the
// vocabulary, a status its own progress text contradicts, and issues
// without actions.
func checkStatuses(n *notice.Notice, _ Options) []Finding {
	var fs []Finding
	for _, is := range n.Issues() {
		switch {
		case is.Status == "":
			fs = append(fs, Finding{Level: Warning, Code: "status-missing", Issue: is.Number, Location: where(is),
				Message: fmt.Sprintf("问题（%d）“%s”没有写明完成情况", is.Number, is.Title)})
		case is.StatusText != "":
			if st, _ := notice.ParseStatus(is.StatusText); st == "" {
				fs = append(fs, Finding{Level: Warning, Code: "status-word", Issue: is.Number, Location: where(is),
					Message: fmt.Sprintf("问题（%d）的完成情况“%s”不是规范用语（已完成、基本完成、正在整改、未完成、长期坚持）", is.Number, is.StatusText)})
			}
		}
		if said, word := progressVerdict(is); said != "" {
			fs = append(fs, Finding{Level: Warning, Code: "status-contradiction", Issue: is.Number, Location: where(is),
				Message: fmt.Sprintf("问题（%d）的完成情况是“%s”，整改进展却写“%s”（%s）：请核对哪个是对的", is.Number,
					cmp.Or(is.StatusText, notice.StatusLabel[is.Status]), word, shorten(is.Progress))})
		}
		if len(is.Actions) == 0 || (len(is.Actions) == 1 && strings.TrimSpace(is.Actions[0].Text) == "") {
			fs = append(fs, Finding{Level: Warning, Code: "no-actions", Issue: is.Number, Location: where(is),
				Message: fmt.Sprintf("问题（%d）“%s”没有整改措施", is.Number, is.Title)})
		}
	}
	return fs
}

// progressVerdict is the status word of an issue's progress text when it
// says done where the status says not, or the reverse (a ledger's 完成情况
// column 已完成 beside 整改进展 "尚未完成…", a status not updated after the
// work was done). Basically done and ongoing are left alone: either may sit
// beside both.
func progressVerdict(is *notice.Issue) (status, word string) {
	if is.Progress == "" || is.Progress == is.StatusText {
		return "", ""
	}
	said, word := clauseVerdict(is.Progress)
	done := func(s string) (bool, bool) {
		switch s {
		case notice.Completed:
			return true, true
		case notice.InProgress, notice.NotStarted:
			return false, true
		}
		return false, false
	}
	a, okA := done(is.Status)
	b, okB := done(said)
	if !okA || !okB || a == b {
		return "", ""
	}
	return said, word
}

// clauseVerdict is the status a text ends a clause on, from its last such
// clause: "……，目前正在推进" and "审议程序尚未完成" say it; "已完成验收的项目
// 逐一复核" (a status word inside a noun phrase) and "预计年底完成" (a plan;
// words under three characters) do not.
func clauseVerdict(text string) (status, word string) {
	clauses := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("，。；,;！!", r) })
	for i := len(clauses) - 1; i >= 0; i-- {
		c := strings.TrimSpace(clauses[i])
		st, w := notice.FindStatus(c)
		if st != "" && len([]rune(w)) >= 3 && (strings.HasSuffix(c, w) || strings.HasSuffix(c, w+"中")) {
			return st, w
		}
	}
	return "", ""
}

var (
	zeroDateRe = lazyre.New(`\d{4}\s*年\s*0\d\s*月|月\s*0\d\s*日`)
	halfPunct  = lazyre.New(`\p{Han}\s*[,;:?!()]|[,;:?!(]\s*\p{Han}`)
)

// maxSurface caps the surface findings per kind: past that, one summary.
const maxSurface = 10

// checkSurface finds GB/T 9704 faults in the source as written: dates with
// leading zeros and half-width punctuation in Chinese text.
func checkSurface(_ *notice.Notice, opt Options) []Finding {
	var fs []Finding
	zero, half := 0, 0
	for _, l := range opt.Raw {
		loc := Where(notice.Source{Page: l.Page, Line: l.Line})
		if m := zeroDateRe.FindString(l.Text); m != "" {
			zero++
			if zero <= maxSurface {
				fs = append(fs, Finding{Level: Warning, Code: "date-leading-zero", Location: loc,
					Message: fmt.Sprintf("日期“%s”的月、日不应有前导零（GB/T 9704：如 2025年6月24日）", strings.TrimSpace(m))})
			}
		}
		if m := halfPunct.FindString(l.Text); m != "" {
			half++
			if half <= maxSurface {
				fs = append(fs, Finding{Level: Warning, Code: "half-width-punct", Location: loc,
					Message: fmt.Sprintf("中文中使用了半角标点“%s”，应使用全角标点", strings.TrimFunc(m, func(r rune) bool { return unicode.Is(unicode.Han, r) || r == ' ' }))})
			}
		}
	}
	if zero > maxSurface {
		fs = append(fs, Finding{Level: Warning, Code: "date-leading-zero", Message: fmt.Sprintf("另有%d行日期有前导零", zero-maxSurface)})
	}
	if half > maxSurface {
		fs = append(fs, Finding{Level: Warning, Code: "half-width-punct", Message: fmt.Sprintf("另有%d行使用了半角标点", half-maxSurface)})
	}
	return fs
}

// checkGlyphs finds characters the configured fonts cannot render.
func checkGlyphs(n *notice.Notice, opt Options) []Finding {
	if opt.Covers == nil {
		return nil
	}
	var fs []Finding
	seen := map[rune]bool{}
	eachText(n, func(s string, issue int) {
		for _, r := range s {
			if r <= ' ' || r == undecodable || seen[r] || opt.Covers(r) {
				continue
			}
			seen[r] = true
			ctx := ""
			if i := strings.IndexRune(s, r); i >= 0 {
				ctx = excerpt(s, i, i+len(string(r)))
			}
			fs = append(fs, Finding{Level: Error, Code: "missing-glyph", Issue: issue,
				Message: fmt.Sprintf("字符“%c”（U+%04X）所配置的字体都没有，无法排印：“%s”", r, r, ctx)})
		}
	})
	return fs
}

// eachText calls visit with every text of the notice that a writer prints,
// and the number of the issue it belongs to (0: none).
func eachText(n *notice.Notice, visit func(s string, issue int)) {
	for _, t := range []string{n.Issuer, n.Title, n.Preamble, n.Addressee, n.DocNumber} {
		visit(t, 0)
	}
	for _, s := range n.Sections {
		visit(s.Title, 0)
		for _, p := range s.Paragraphs {
			visit(p, 0)
		}
	}
	for _, c := range n.Categories {
		visit(c.Title, 0)
		for _, is := range c.Issues {
			visit(is.Title+is.Description+is.Lead+is.Progress, is.Number)
			for _, a := range is.Actions {
				visit(a.Text, is.Number)
			}
		}
	}
	for _, p := range n.Pending {
		visit(p.Title+p.Explanation+p.NextSteps, p.Issue)
	}
	for _, c := range n.Closing {
		visit(c, 0)
	}
	for _, u := range n.Unplaced {
		visit(u.Text, 0)
	}
}
