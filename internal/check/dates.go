package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
)

var (
	// After a date, words that make it the date of something referred to
	// (a speech given, a document issued), not of an action taken.
	referredAfter = lazyre.New(`^[^，。；]{0,30}?(讲话|指示|批示|贺信|致信|回信|论述|座谈会上|会议上的|印发的|发布的|出台的|颁布|施行|起施行|实施的|修订的|通过的)`)
	// Before a date in the same clause: studying or citing.
	referredBefore = lazyre.New(`(学习|传达|贯彻|根据|按照|依据|对照)[^，。；]{0,20}$`)
	// A plan or deadline: "计划于2025年12月底前", "力争2025年内".
	plannedBefore  = lazyre.New(`(计划|预计|力争|确保|拟|将|争取|预期|要求|截止)[^，。；]{0,4}$`)
	plannedAfter   = lazyre.New(`^\s*(底前|底|前|以前|之前|内|以内|中旬前|上旬前|下旬前)`)
	referredObject = lazyre.New(`^[^，。；]{0,30}?(精神|讲话|指示|文件|通知|意见|决定|条例|办法)`)
	// A written date with its day, in Chinese or numeric form; and a month.
	writtenDay   = lazyre.New(`(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-./](\d{1,2})[-./](\d{1,2})(?:[^\d.]|$))`)
	writtenMonth = lazyre.New(`(\d{4})\s*年\s*(\d{1,2})\s*月`)
)

// checkCalendar finds dates that do not exist (2025年2月30日, 2025年13月):
// the reader keeps what it can of them, so the clerk must be told.
func checkCalendar(n *notice.Notice, _ Options) []Finding {
	var fs []Finding
	seen := map[string]bool{}
	report := func(date, s string, at, issue int) {
		if seen[date] {
			return
		}
		seen[date] = true
		what := "日期"
		if issue > 0 {
			what = fmt.Sprintf("问题（%d）中的日期", issue)
		}
		fs = append(fs, Finding{Level: Error, Code: "date-invalid", Issue: issue,
			Message: fmt.Sprintf("%s“%s”不存在：“%s”", what, date, excerpt(s, at, at+len(date)))})
	}
	visit := func(s string, issue int) {
		if !strings.ContainsAny(s, "年-./") {
			return
		}
		for _, m := range writtenDay.Regexp().FindAllStringSubmatchIndex(s, -1) {
			y, mo, d := atoi(s, m[2], m[3]), atoi(s, m[4], m[5]), atoi(s, m[6], m[7])
			if m[4] < 0 {
				mo, d = atoi(s, m[8], m[9]), atoi(s, m[10], m[11])
			}
			if mo < 1 || mo > 12 || d < 1 || d > notice.DaysIn(y, mo) {
				end := m[1]
				if m[4] < 0 && end > m[11] {
					end = m[11]
				}
				report(strings.TrimSpace(s[m[0]:end]), s, m[0], issue)
			}
		}
		for _, m := range writtenMonth.Regexp().FindAllStringSubmatchIndex(s, -1) {
			if mo := atoi(s, m[4], m[5]); mo < 1 || mo > 12 {
				report(s[m[0]:m[1]], s, m[0], issue)
			}
		}
	}
	eachText(n, visit)
	for _, is := range n.Issues() {
		visit(is.DeadlineText, is.Number)
	}
	for _, p := range n.Pending {
		visit(p.DeadlineText, p.Issue)
	}
	return fs
}

func atoi(s string, from, to int) int {
	if from < 0 {
		return 0
	}
	v, _ := strconv.Atoi(s[from:to])
	return v
}

// checkDeadlineRange warns about a deadline before the inspection's feedback
// (or its end, when the feedback date is not given): rectification starts
// from the feedback, so such a deadline is a slip of the year or month.
func checkDeadlineRange(n *notice.Notice, _ Options) []Finding {
	if n.Inspection == nil {
		return nil
	}
	from, what := n.Inspection.Feedback, "巡察反馈日期"
	if from == "" {
		from, what = n.Inspection.End, "巡察结束日期"
	}
	if from == "" {
		return nil
	}
	var fs []Finding
	for _, is := range n.Issues() {
		if is.Deadline != "" && after(from, is.Deadline) {
			fs = append(fs, Finding{Level: Warning, Code: "deadline-before-feedback", Issue: is.Number, Location: where(is),
				Message: fmt.Sprintf("问题（%d）的整改时限%s早于%s%s", is.Number, deadlineText(is), what, notice.ChineseDate(from))})
		}
	}
	return fs
}

func deadlineText(is *notice.Issue) string {
	if is.DeadlineText != "" {
		return "“" + is.DeadlineText + "”"
	}
	return notice.ChineseDate(is.Deadline)
}

// actionDates are the dates in an action's text that date the action itself,
// with their offsets.
func actionDates(text string) []notice.DateMention {
	var out []notice.DateMention
	for _, d := range notice.FindDates(text) {
		before, after := text[:d.Start], text[d.End:]
		if referredAfter.MatchString(after) {
			continue
		}
		if referredBefore.MatchString(before) && referredObject.MatchString(after) {
			continue
		}
		if plannedBefore.MatchString(before) || plannedAfter.MatchString(after) {
			continue
		}
		if insideBrackets(before) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// insideBrackets reports whether the text before a point leaves a 《 or 〔 open.
func insideBrackets(before string) bool {
	depth := 0
	for _, r := range before {
		switch r {
		case '《', '〔', '〈':
			depth++
		case '》', '〕', '〉':
			depth--
		}
	}
	return depth > 0
}

// checkDates flags actions dated after the notice (an error: the notice
// cannot report the future) or before the inspection began (a warning: an
// action taken before the inspection is not its rectification).
func checkDates(n *notice.Notice, _ Options) []Finding {
	var fs []Finding
	start := ""
	if n.Inspection != nil {
		start = n.Inspection.Start
	}
	for _, is := range n.Issues() {
		for ai, a := range is.Actions {
			for _, d := range actionDates(a.Text) {
				switch {
				case n.Date != "" && after(d.ISO, n.Date):
					fs = append(fs, Finding{Level: Error, Code: "date-after-notice", Issue: is.Number, Location: where(is),
						Message: fmt.Sprintf("问题（%d）第%d条措施的日期“%s”晚于通报日期%s：“%s”", is.Number, ai+1,
							a.Text[d.Start:d.End], notice.ChineseDate(n.Date), excerpt(a.Text, d.Start, d.End))})
				case start != "" && strings.Count(d.ISO, "-") == 2 && d.ISO < start:
					fs = append(fs, Finding{Level: Warning, Code: "date-before-inspection", Issue: is.Number, Location: where(is),
						Message: fmt.Sprintf("问题（%d）第%d条措施的日期“%s”早于巡察开始日期%s：“%s”", is.Number, ai+1,
							a.Text[d.Start:d.End], notice.ChineseDate(start), excerpt(a.Text, d.Start, d.End))})
				}
			}
		}
	}
	return fs
}

// after reports whether date a lies after date b, comparing at the coarser
// of the two precisions (2025-07 is not after 2025-07-15).
func after(a, b string) bool {
	l := min(len(a), len(b))
	return a[:l] > b[:l]
}

// excerpt quotes the clause around a span.
func excerpt(s string, from, to int) string {
	start := strings.LastIndexAny(s[:from], "。；") + 1
	if start > 0 {
		start += len("。") - 1
	}
	end := len(s)
	if i := strings.IndexAny(s[to:], "。；"); i >= 0 {
		end = to + i
	}
	ex := s[start:end]
	if r := []rune(ex); len(r) > 60 {
		ex = string(r[:60]) + "……"
	}
	return ex
}
