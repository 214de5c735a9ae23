package check

import (
	"fmt"

	"github.com/rectify/rectify/internal/notice"
)

// checkNumbering finds duplicated, missing and out-of-order numbers.
func checkNumbering(n *notice.Notice, _ Options) []Finding {
	var fs []Finding
	issues := n.Issues()
	// Numbers that restart at 1 in every category (序号 counted per
	// category, as many ledgers and notices do) are checked per category.
	restarts := len(n.Categories) > 1
	for _, c := range n.Categories {
		if len(c.Issues) > 0 && c.Issues[0].Number != 1 {
			restarts = false
		}
	}
	seen := map[int]*notice.Issue{}
	prev := 0
	starts := map[int]bool{} // index of each category's first issue
	if restarts {
		i := 0
		for _, c := range n.Categories {
			starts[i] = true
			i += len(c.Issues)
		}
	}
	for i, is := range issues {
		// A ledger of several sheets (one per 巡察组) numbers each sheet
		// from 1 as well.
		if i > 0 && (starts[i] || sheetOf(is) != sheetOf(issues[i-1])) {
			seen, prev = map[int]*notice.Issue{}, 0
		}
		if first, dup := seen[is.Number]; dup {
			fs = append(fs, Finding{Level: Error, Code: "issue-duplicate", Issue: is.Number, Location: where(is),
				Message: fmt.Sprintf("问题序号（%d）重复：“%s”与“%s”", is.Number, first.Title, is.Title)})
		} else {
			seen[is.Number] = is
		}
		switch {
		case is.Number < prev:
			fs = append(fs, Finding{Level: Warning, Code: "issue-order", Issue: is.Number, Location: where(is),
				Message: fmt.Sprintf("问题序号（%d）排在（%d）之后，顺序颠倒", is.Number, prev)})
		case is.Number > prev+1 && prev > 0:
			fs = append(fs, Finding{Level: Warning, Code: "issue-gap", Issue: is.Number, Location: where(is),
				Message: fmt.Sprintf("问题序号从（%d）跳到（%d），中间缺少%s", prev, is.Number, rangeText(prev+1, is.Number-1))})
		}
		if is.Number > prev {
			prev = is.Number
		}
	}
	if len(issues) > 0 && issues[0].Number > 1 {
		fs = append(fs, Finding{Level: Warning, Code: "issue-gap", Issue: issues[0].Number, Location: where(issues[0]),
			Message: fmt.Sprintf("问题序号从（%d）开始，缺少%s", issues[0].Number, rangeText(1, issues[0].Number-1))})
	}
	cprev := 0
	cseen := map[int]bool{}
	for _, c := range n.Categories {
		if c.Number == 0 || c.Section != 0 {
			continue // parts as categories are numbered with the parts
		}
		switch {
		case cseen[c.Number]:
			fs = append(fs, Finding{Level: Error, Code: "category-duplicate",
				Message: fmt.Sprintf("类别序号%d重复（“%s”）", c.Number, c.Title)})
		case c.Number != cprev+1:
			fs = append(fs, Finding{Level: Warning, Code: "category-order",
				Message: fmt.Sprintf("类别序号%d之后是%d（“%s”），不连续", cprev, c.Number, c.Title)})
		}
		cseen[c.Number] = true
		cprev = c.Number
	}
	return fs
}

// sheetOf is the ledger sheet an issue was read from, or "".
func sheetOf(is *notice.Issue) string {
	if is.Source == nil {
		return ""
	}
	return is.Source.Sheet
}

func rangeText(a, b int) string {
	if a == b {
		return fmt.Sprintf("（%d）", a)
	}
	return fmt.Sprintf("（%d）至（%d）", a, b)
}
