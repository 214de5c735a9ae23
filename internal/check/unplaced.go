package check

import (
	"fmt"

	"github.com/rectify/rectify/internal/notice"
)

// checkUnplaced warns about text the reader kept but could not place in any
// part of the notice, with where it stood, so that a clerk can look at it.
func checkUnplaced(n *notice.Notice, _ Options) []Finding {
	var fs []Finding
	for _, u := range n.Unplaced {
		loc := ""
		if u.Source != nil {
			loc = Where(*u.Source)
		}
		fs = append(fs, Finding{Level: Warning, Code: "unplaced", Location: loc,
			Message: fmt.Sprintf("这段文字没能归入通报的任何部分（已原样保留在数据的 unplaced 中）：“%s”", shorten(u.Text))})
	}
	return fs
}

// shorten cuts a long text to its first sixty characters.
func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "……"
	}
	return s
}
