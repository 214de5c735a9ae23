package check

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil"
)

func read(t *testing.T, path string) *notice.Notice { return testutil.ReadNotice(t, path) }

func codes(fs []Finding) map[string][]Finding {
	m := map[string][]Finding{}
	for _, f := range fs {
		m[f.Code] = append(m[f.Code], f)
	}
	return m
}

func TestCorpusNotice(t *testing.T) {
	n := read(t, "../../testdata/corpus/notice-2025-extracted.txt")
	fs := Check(n, Options{})
	if HasErrors(fs) {
		t.Errorf("errors on a consistent notice: %+v", fs)
	}
	before := map[int]string{}
	for _, f := range codes(fs)["date-before-inspection"] {
		before[f.Issue] += f.Message
	}
	if !strings.Contains(before[17], "2020年11月4日") || !strings.Contains(before[54], "2024年3月1日") {
		t.Errorf("issues 17 and 54 not flagged: %v", before)
	}
	if _, ok := before[2]; ok {
		t.Errorf("issue 2's speech of 2020年7月21日 is a date referred to, not an action: %s", before[2])
	}
}

func TestPlantedFaults(t *testing.T) {
	fs := Check(read(t, "../../testdata/check/planted-faults.txt"), Options{})
	c := codes(fs)
	for _, code := range []string{"stated-issues", "accountability-measures", "issue-duplicate", "date-after-notice"} {
		if len(c[code]) == 0 || c[code][0].Level != Error {
			t.Errorf("planted fault %s not found as an error", code)
		}
	}
	if d := c["date-after-notice"]; len(d) != 1 || d[0].Issue != 2 {
		t.Errorf("date-after-notice = %+v, want only issue 2 (plans such as 计划于…底前 are not actions)", d)
	}
	// The clean original has none of them.
	if fs := Check(read(t, "../../testdata/notices/scheme-aspects.txt"), Options{}); HasErrors(fs) {
		t.Errorf("clean notice has errors: %+v", fs)
	}
}

// issue builds a minimal issue.
func issue(num int, status string, acts ...string) notice.Issue {
	is := notice.Issue{Number: num, Title: "问题" + notice.CNNumeral(num), Status: status, StatusText: notice.StatusLabel[status]}
	for _, a := range acts {
		is.Actions = append(is.Actions, notice.Action{Text: a})
	}
	return is
}

func model(issues ...notice.Issue) *notice.Notice {
	return &notice.Notice{Format: 1, Date: "2025-06-24",
		Inspection: &notice.Inspection{Start: "2024-05-13"},
		Categories: []notice.Category{{Number: 1, Title: "类别", Issues: issues}}}
}

// Each rule: a model that trips it and one that does not.
func TestRules(t *testing.T) {
	ok := func() *notice.Notice {
		return model(issue(1, notice.Completed, "2024年9月1日召开会议。"), issue(2, notice.Completed, "建立制度。"))
	}
	cases := []struct {
		code  string
		level string
		bad   func(n *notice.Notice)
	}{
		{"stated-issues", Error, func(n *notice.Notice) { n.Stated = map[string]int{"issues": 3} }},
		{"stated-status", Error, func(n *notice.Notice) { n.Stated = map[string]int{notice.Completed: 1} }},
		{"stated-rate", Error, func(n *notice.Notice) { n.StatedRate = 50 }},
		{"accountability-measures", Error, func(n *notice.Notice) {
			n.Accountability = &notice.Accountability{Total: 3, Measures: map[string]int{"批评教育": 1}}
		}},
		{"accountability-ranks", Error, func(n *notice.Notice) {
			n.Accountability = &notice.Accountability{Total: 3, Ranks: map[string]int{"科级干部": 2}}
		}},
		{"issue-duplicate", Error, func(n *notice.Notice) { n.Categories[0].Issues[1].Number = 1 }},
		{"issue-gap", Warning, func(n *notice.Notice) { n.Categories[0].Issues[1].Number = 4 }},
		{"issue-order", Warning, func(n *notice.Notice) {
			n.Categories[0].Issues = append(n.Categories[0].Issues, issue(1, notice.Completed, "x"))
			n.Categories[0].Issues[2].Number = 0
		}},
		{"category-order", Warning, func(n *notice.Notice) { n.Categories[0].Number = 2 }},
		{"date-after-notice", Error, func(n *notice.Notice) { n.Categories[0].Issues[0].Actions[0].Text = "2025年7月1日召开会议。" }},
		{"date-before-inspection", Warning, func(n *notice.Notice) { n.Categories[0].Issues[0].Actions[0].Text = "2024年3月1日召开会议。" }},
		{"pending-completed", Error, func(n *notice.Notice) { n.Pending = []notice.Pending{{Issue: 1, Title: "问题一"}} }},
		{"pending-unknown", Error, func(n *notice.Notice) { n.Pending = []notice.Pending{{Issue: 9, Title: "问题九"}} }},
		{"pending-missing", Warning, func(n *notice.Notice) {
			n.Categories[0].Issues[1].Status = notice.InProgress
			n.Categories[0].Issues = append(n.Categories[0].Issues, issue(3, notice.InProgress, "x"))
			n.Pending = []notice.Pending{{Issue: 3, Title: "问题三"}}
		}},
		{"deadline-passed", Warning, func(n *notice.Notice) {
			n.Categories[0].Issues[1].Status = notice.InProgress
			n.Categories[0].Issues[1].Deadline = "2025-03"
		}},
		{"status-word", Warning, func(n *notice.Notice) { n.Categories[0].Issues[1].StatusText = "差不多了" }},
		{"status-missing", Warning, func(n *notice.Notice) { n.Categories[0].Issues[1].Status = "" }},
		{"no-actions", Warning, func(n *notice.Notice) { n.Categories[0].Issues[1].Actions = nil }},
		{"status-contradiction", Warning, func(n *notice.Notice) {
			n.Categories[0].Issues[1].StatusText, n.Categories[0].Issues[1].Progress = "已完成", "制度草案已起草，审议程序尚未完成"
		}},
		{"stated-parts", Error, func(n *notice.Notice) {
			n.Stated = map[string]int{"issues": 2, notice.Completed: 2, notice.InProgress: 1}
		}},
		{"date-invalid", Error, func(n *notice.Notice) { n.Categories[0].Issues[0].Actions[0].Text = "2025年2月30日召开会议。" }},
		{"deadline-before-feedback", Warning, func(n *notice.Notice) {
			n.Inspection.Feedback = "2024-08-01"
			n.Categories[0].Issues[1].Deadline = "2024-07"
		}},
	}
	for _, c := range cases {
		t.Run(c.code, func(t *testing.T) {
			if got := codes(Check(ok(), Options{}))[c.code]; len(got) > 0 {
				t.Fatalf("passing case reports %s: %+v", c.code, got)
			}
			n := ok()
			c.bad(n)
			got := codes(Check(n, Options{}))[c.code]
			if len(got) == 0 {
				t.Fatalf("failing case does not report %s", c.code)
			}
			if got[0].Level != c.level || got[0].Message == "" {
				t.Errorf("%s: level %s, message %q", c.code, got[0].Level, got[0].Message)
			}
		})
	}
}

func TestReferredDates(t *testing.T) {
	for text, want := range map[string]int{
		"组织学习习近平总书记2020年7月21日在企业家座谈会上的重要讲话精神。": 0,
		"2022年9月8日向全国专精特新中小企业发展大会致贺信精神。":       0,
		"学习《关于2020年1月1日起施行的规定》。":               0,
		"计划于2025年12月底前完成。":                     0,
		"2020年11月4日，已退还垃圾清理费2.55万元。":           1,
		"并于2024年3月1日、2025年2月27日召开班子会议。":        2,
	} {
		if got := len(actionDates(text)); got != want {
			t.Errorf("actionDates(%q) = %d dates, want %d", text, got, want)
		}
	}
}

func TestSurface(t *testing.T) {
	fs := Check(model(issue(1, notice.Completed, "x")), Options{Raw: []RawLine{
		{Line: 1, Text: "2025年06月24日"}, {Line: 2, Text: "召开会议,学习文件"}, {Line: 3, Text: "2025年6月24日，召开会议。"},
	}})
	c := codes(fs)
	if len(c["date-leading-zero"]) != 1 || c["date-leading-zero"][0].Location != "第1行" {
		t.Errorf("leading zero: %+v", c["date-leading-zero"])
	}
	if len(c["half-width-punct"]) != 1 || c["half-width-punct"][0].Location != "第2行" {
		t.Errorf("half-width: %+v", c["half-width-punct"])
	}
}

func TestGlyphs(t *testing.T) {
	n := model(issue(1, notice.Completed, "邀请上海湜清公司人员。"))
	fs := Check(n, Options{Covers: func(r rune) bool { return r != '湜' }})
	g := codes(fs)["missing-glyph"]
	if len(g) != 1 || !strings.Contains(g[0].Message, "湜") || g[0].Issue != 1 {
		t.Errorf("missing glyph: %+v", g)
	}
}

// TestUnplaced: text the grammar cannot place (an issuer's mark above the
// title, notes after the date) is kept in the data and reported with where
// it stood.
func TestUnplaced(t *testing.T) {
	n := read(t, "../../testdata/check/unplaced.txt")
	got := codes(Check(n, Options{}))["unplaced"]
	want := []struct{ loc, text string }{{"第1行", "霞浦县档案馆文件"}, {"第22行", "（此件主动公开）"}, {"第23行", "抄送：县委巡察办。"}}
	if len(got) != len(want) {
		t.Fatalf("unplaced findings = %+v, want %d", got, len(want))
	}
	for i, w := range want {
		if got[i].Level != Warning || got[i].Location != w.loc || !strings.Contains(got[i].Message, w.text) {
			t.Errorf("finding %d = %+v, want %s at %s", i, got[i], w.text, w.loc)
		}
	}
	if len(n.Issues()) != 5 || n.Date != "2025-05-06" {
		t.Errorf("the notice itself still reads: %d issues, date %q", len(n.Issues()), n.Date)
	}
}

// TestCalendar: dates that do not exist, in the forms clerks write them;
// real ones (a leap day, a month alone, a decimal figure) are not flagged.
func TestCalendar(t *testing.T) {
	for text, bad := range map[string]string{
		"2025年2月30日召开会议。":          "2025年2月30日",
		"于2025年4月31日前完成。":          "2025年4月31日",
		"2025.06.31印发制度。":          "2025.06.31",
		"2025-11-31完成验收。":          "2025-11-31",
		"计划2025年13月底前完成。":          "2025年13月",
		"2024年2月29日召开会议。":          "",
		"2025年12月完成；2025年6月30日验收。": "",
		"投入资金2025.5万元。":            "",
		"2025年 6 月 30 日完成。":        "",
	} {
		n := model(issue(1, notice.Completed, text))
		got := codes(Check(n, Options{}))["date-invalid"]
		switch {
		case bad == "" && len(got) > 0:
			t.Errorf("%s: flagged %+v", text, got)
		case bad != "" && (len(got) != 1 || !strings.Contains(got[0].Message, "“"+bad+"”")):
			t.Errorf("%s: findings %+v, want one naming %s", text, got, bad)
		}
	}
}

// TestNumbersRestartPerCategory: 序号 counted again from 1 in every category
// (ledgers from many offices) is no duplicate; a number twice within one
// category still is.
func TestNumbersRestartPerCategory(t *testing.T) {
	mk := func(nums ...[]int) *notice.Notice {
		n := &notice.Notice{Format: 1}
		for ci, list := range nums {
			c := notice.Category{Number: ci + 1, Title: fmt.Sprint("类别", ci+1)}
			for _, v := range list {
				c.Issues = append(c.Issues, notice.Issue{Number: v, Title: fmt.Sprint("问题", ci, v), Actions: []notice.Action{}})
			}
			n.Categories = append(n.Categories, c)
		}
		return n
	}
	codes := func(n *notice.Notice) []string {
		var out []string
		for _, f := range Check(n, Options{}) {
			if strings.HasPrefix(f.Code, "issue-") {
				out = append(out, f.Code)
			}
		}
		return out
	}
	if got := codes(mk([]int{1, 2, 3}, []int{1, 2})); len(got) != 0 {
		t.Errorf("restarting numbers: %v", got)
	}
	if got := codes(mk([]int{1, 2, 2}, []int{1, 2})); !slices.Contains(got, "issue-duplicate") {
		t.Errorf("a duplicate within a category is not found: %v", got)
	}
	if got := codes(mk([]int{1, 2}, []int{2, 3})); !slices.Contains(got, "issue-duplicate") {
		t.Errorf("numbers running on with a repeat are not found: %v", got)
	}
	// two sheets, each numbered from 1, the first over two categories
	n := mk([]int{1, 2}, []int{3}, []int{1})
	for ci, sheet := range []string{"一组", "一组", "二组"} {
		for ii := range n.Categories[ci].Issues {
			n.Categories[ci].Issues[ii].Source = &notice.Source{Sheet: sheet, Row: ii + 2}
		}
	}
	if got := codes(n); len(got) != 0 {
		t.Errorf("sheets numbered from 1: %v", got)
	}
}

// TestStatusContradiction: a status its own progress text contradicts is
// flagged, done against not done only; a progress text that goes on about
// what follows, or a status that may sit beside either, is not.
func TestStatusContradiction(t *testing.T) {
	for _, c := range []struct {
		status, progress string
		flagged          bool
	}{
		{notice.Completed, "正在推进，预计年底完成", true},
		{notice.Completed, "制度草案已起草，审议程序尚未完成", true},
		{notice.Completed, "各项措施正在整改中", true},
		{notice.InProgress, "已完成验收的项目逐一复核。", false},
		{notice.Completed, "正在推进的项目预计年底完成", false},
		{notice.InProgress, "已全部完成整改", true},
		{notice.NotStarted, "2025年5月已完成整改", true},
		{notice.Completed, "已完成，下一步将持续巩固整改成果", false},
		{notice.Completed, "2025年5月已全部完成整改", false},
		{notice.InProgress, "已完成调研，正在推进", false},
		{notice.Ongoing, "已完成", false},
		{notice.BasicallyCompleted, "正在整改", false},
		{notice.Completed, "召开专题会议2次", false},
	} {
		is := issue(1, c.status, "建立制度。")
		is.Progress = c.progress
		got := codes(Check(model(is), Options{}))["status-contradiction"]
		if (len(got) > 0) != c.flagged {
			t.Errorf("%s beside %q: flagged %v, want %v", c.status, c.progress, len(got) > 0, c.flagged)
		}
		if len(got) > 0 && !strings.Contains(got[0].Message, c.progress[:6]) {
			t.Errorf("message %q does not quote the progress", got[0].Message)
		}
	}
}
