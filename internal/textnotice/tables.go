package textnotice

import (
	"strings"

	"github.com/rectify/rectify/internal/notice"
)

// ReadTables reads a notice from text file bytes like Read, and reads each
// table the text holds as tab-separated lines (a table copied out of Word,
// WPS or a web page: "序号\t存在问题\t整改措施\t完成情况") with table, a
// ledger's reader the caller gives (this package cannot import it). A
// table it reads is taken out of the text and its issues put in the notice
// (notice.AddTables), under the level-1 heading above it; one it cannot
// read stays in the text, so that nothing vanishes.
func ReadTables(data []byte, table func(rows [][]string) *notice.Notice) (*notice.Notice, error) {
	text, err := Decode(data)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(text, "\n")
	var tables []*notice.Notice
	var headings []string
	heading := ""
	for i := 0; i < len(lines); {
		if t := strings.TrimSpace(NormalizeLine(strings.TrimRight(lines[i], "\r"))); notice.SectionNumber(t) > 0 {
			heading = t
		}
		j := i
		for j < len(lines) && strings.Count(lines[j], "\t") >= 2 {
			j++
		}
		if j-i < 2 {
			i = max(j, i+1)
			continue
		}
		var rows [][]string
		for _, l := range lines[i:j] {
			var row []string
			for _, c := range strings.Split(strings.TrimRight(l, "\r"), "\t") {
				row = append(row, strings.TrimSpace(NormalizeLine(c)))
			}
			rows = append(rows, row)
		}
		if t := table(rows); t != nil && len(t.Issues()) > 0 {
			tables = append(tables, t)
			headings = append(headings, heading)
			for k := i; k < j; k++ {
				lines[k] = "" // read: its lines keep their numbers, empty
			}
		}
		i = j
	}
	if len(tables) == 0 {
		return Parse(Paragraphs(text))
	}
	return WithTables(Paragraphs(strings.Join(lines, "\n")), tables, headings)
}
