package check

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/rectify/rectify/internal/notice"
)

// checkTotals compares the totals the text states with the list.
func checkTotals(n *notice.Notice, _ Options) []Finding {
	var fs []Finding
	issues := n.Issues()
	counts := n.CountByStatus()
	if want, ok := n.Stated["issues"]; ok && want != len(issues) {
		fs = append(fs, Finding{Level: Error, Code: "stated-issues",
			Message: fmt.Sprintf("文中称共反馈问题%d个，但问题清单列出%d个", want, len(issues))})
	}
	for _, st := range notice.Statuses {
		if want, ok := n.Stated[st]; ok && want != counts[st] {
			fs = append(fs, Finding{Level: Error, Code: "stated-status",
				Message: fmt.Sprintf("文中称%s%d个，但问题清单中%s的有%d个", notice.StatusLabel[st], want, notice.StatusLabel[st], counts[st])})
		}
	}
	// The stated parts against the stated whole: "10个问题…已完成8个，正在整改3个".
	if total, ok := n.Stated["issues"]; ok {
		parts, named := 0, []string{}
		for _, st := range notice.Statuses {
			if v, ok := n.Stated[st]; ok {
				parts += v
				named = append(named, fmt.Sprintf("%s%d个", notice.StatusLabel[st], v))
			}
		}
		// One stated part may leave the rest unsaid; two or more claim the whole.
		if parts > total || len(named) >= 2 && parts != total {
			fs = append(fs, Finding{Level: Error, Code: "stated-parts",
				Message: fmt.Sprintf("文中称共反馈问题%d个，但%s相加为%d个", total, strings.Join(named, "、"), parts)})
		}
	}
	if n.StatedRate > 0 && len(issues) > 0 {
		done := float64(counts[notice.Completed]) / float64(len(issues)) * 100
		withBasic := float64(counts[notice.Completed]+counts[notice.BasicallyCompleted]) / float64(len(issues)) * 100
		// A rate is right when it matches either reading, rounded as written.
		if math.Abs(done-n.StatedRate) > 0.51 && math.Abs(withBasic-n.StatedRate) > 0.51 {
			fs = append(fs, Finding{Level: Error, Code: "stated-rate",
				Message: fmt.Sprintf("文中称完成率%g%%，但按问题清单计算为%.1f%%（已完成%d个/共%d个）", n.StatedRate, done, counts[notice.Completed], len(issues))})
		}
	}
	return fs
}

// checkAccountability adds up the persons per measure and per rank.
func checkAccountability(n *notice.Notice, _ Options) []Finding {
	a := n.Accountability
	if a == nil {
		return nil
	}
	var fs []Finding
	sum := func(m map[string]int) int {
		s := 0
		for _, v := range m {
			s += v
		}
		return s
	}
	if a.Total > 0 && len(a.Measures) > 0 && sum(a.Measures) != a.Total {
		fs = append(fs, Finding{Level: Error, Code: "accountability-measures",
			Message: fmt.Sprintf("问责共%d人，但各处理方式人数相加为%d人（%s）", a.Total, sum(a.Measures), mapText(a.Measures))})
	}
	if a.Total > 0 && len(a.Ranks) > 0 && sum(a.Ranks) != a.Total {
		fs = append(fs, Finding{Level: Error, Code: "accountability-ranks",
			Message: fmt.Sprintf("问责共%d人，但按职级人数相加为%d人（%s）", a.Total, sum(a.Ranks), mapText(a.Ranks))})
	}
	if a.Total == 0 && len(a.Measures) > 0 && len(a.Ranks) > 0 && sum(a.Measures) != sum(a.Ranks) {
		fs = append(fs, Finding{Level: Error, Code: "accountability-ranks",
			Message: fmt.Sprintf("各处理方式人数相加为%d人，按职级相加为%d人，两者不一致", sum(a.Measures), sum(a.Ranks))})
	}
	return fs
}

func mapText(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := ""
	for i, k := range keys {
		if i > 0 {
			s += "，"
		}
		s += fmt.Sprintf("%s%d人", k, m[k])
	}
	return s
}
