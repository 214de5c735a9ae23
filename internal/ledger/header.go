package ledger

// Header detection: where a sheet's header stands and what its columns mean.

import (
	"strings"
	"unicode/utf8"

	"github.com/rectify/rectify/internal/notice"
)

// header is where a sheet's header stands and what its columns mean.
type header struct {
	cols  map[int]Field  // column → field
	marks map[int]string // tick columns under a status group ("完成情况" over 已完成/正在推进): column → its status word
	// extra are the columns that name no field of the model (佐证材料,
	// 整改目标, a second 责任人), by header, in order; their text is kept
	// in the remarks under that header, so that nothing is lost.
	extra []extraColumn
	width int // the header's width: cells right of it are kept as extra too
	// titleHead is the header's text over the title column: a row that has
	// it there may be the header written again.
	titleHead string
	top       int // the first header row
	start     int // the first data row
	score     int // the fields found: how much the sheet looks like a ledger
}

type extraColumn struct {
	col   int
	label string
}

// findHeader finds the header: the row naming the most fields among the
// first rows, grown into a band over the rows its merged cells span (two-
// and three-row headers: "整改措施" over 具体措施/责任单位/责任人, "责任主体"
// over 责任领导/…), or, without merges, over a row of sub-headers below it.
// Each column means what the lowest header cell over it that names a field
// says; a column whose lowest cell is a status word ("已完成", "正在推进")
// under a status group is a tick column. The score is zero for a sheet
// without a header that names an issue's title or actions.
func findHeader(g *Grid) header {
	bestRow, best := -1, 0
	for r := 0; r < min(len(g.Rows), headerSearch); r++ {
		seen := map[Field]bool{}
		for c := range g.Rows[r] {
			if f := fieldOf(g.cell(r, c)); f != FieldNone {
				seen[f] = true
			}
		}
		if len(seen) > best {
			best, bestRow = len(seen), r
		}
	}
	if best < 3 {
		return header{}
	}
	// The merges near the header, by the cells they cover.
	merged := map[[2]int]string{}
	var near []Merge
	for _, m := range g.Merges {
		if m.R1 <= bestRow+3 && m.R2 >= bestRow-3 && m.R2-m.R1 < 8 {
			near = append(near, m)
		}
	}
	top, bottom := bestRow, bestRow
	for grown := true; grown; {
		grown = false
		for _, m := range near {
			if m.R1 <= bottom && m.R2 >= top && m.R2 > m.R1 && (m.R1 < top || m.R2 > bottom) {
				top, bottom, grown = min(top, m.R1), max(bottom, m.R2), true
			}
		}
	}
	if bottom == bestRow && bottom+1 < len(g.Rows) && subHeaderRow(g, bestRow, bottom+1) {
		bottom++
	}
	for _, m := range near {
		v := g.cell(m.R1, m.C1)
		for r := max(m.R1, top); r <= min(m.R2, bottom); r++ {
			for c := m.C1; c <= m.C2 && c < maxCols; c++ {
				merged[[2]int{r, c}] = v
			}
		}
	}
	var at func(r, c int) string
	at = func(r, c int) string {
		if v := g.cell(r, c); v != "" {
			return v
		}
		if v, ok := merged[[2]int{r, c}]; ok {
			return v
		}
		// A group over sub-headers that lost its merge (CSV): the blank
		// cells right of the group, over sub-headers of their own, are
		// the group's.
		if r < bottom && c > 0 && g.cell(bottom, c) != "" && g.cell(bottom, c-1) != "" {
			return at(r, c-1)
		}
		return ""
	}
	width := 0
	for r := top; r <= bottom; r++ {
		width = max(width, len(g.Rows[r]))
	}
	h := header{cols: map[int]Field{}, top: top, start: bottom + 1}
	for c := 0; c < min(width, maxCols); c++ {
		lowest, naming := "", ""
		f := FieldNone
		for r := bottom; r >= top && f == FieldNone; r-- {
			v := at(r, c)
			if lowest == "" {
				lowest = v
			}
			f, naming = fieldOf(v), v
		}
		if f == FieldStatus && lowest != "" && fieldOf(lowest) == FieldNone {
			if _, ok := notice.ParseStatus(cleanHeader(lowest)); ok {
				if h.marks == nil {
					h.marks = map[int]string{}
				}
				h.marks[c] = cleanHeader(lowest)
				continue
			}
		}
		switch label := cleanHeader(lowest); {
		case f != FieldNone && !containsField(h.cols, f):
			h.cols[c] = f
			if f == FieldTitle {
				h.titleHead = naming
			}
		case g.Hidden != nil && g.Hidden[c]:
			// A hidden column the model has no field for is the office's
			// own bookkeeping (问题编码), not part of what it reports.
		case label != "":
			h.extra = append(h.extra, extraColumn{c, label})
		case f != FieldNone:
			h.extra = append(h.extra, extraColumn{c, cleanHeader(at(top, c))})
		}
	}
	h.width = min(width, maxCols)
	if !containsField(h.cols, FieldTitle) && !containsField(h.cols, FieldActions) {
		return header{}
	}
	h.score = len(h.cols) + len(h.marks)
	return h
}

// subHeaderRow: row r below the header row names fields or statuses in
// columns the header row leaves blank (a two-row header whose merges were
// lost, as in CSV), and holds nothing else.
func subHeaderRow(g *Grid, head, r int) bool {
	named := 0
	for c, v := range g.Rows[r] {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		_, status := notice.ParseStatus(cleanHeader(v))
		if fieldOf(v) == FieldNone && !(status && utf8.RuneCountInString(v) > 1) {
			return false
		}
		if g.cell(head, c) == "" || isGroupCell(g, head, c) {
			named++
		}
	}
	return named > 0
}

// isGroupCell: a cell merged across columns in the header row, or an empty
// cell covered by such a merge.
func isGroupCell(g *Grid, r, c int) bool {
	for _, m := range g.Merges {
		if r >= m.R1 && r <= m.R2 && c >= m.C1 && c <= m.C2 && m.C2 > m.C1 {
			return true
		}
	}
	return false
}

func containsField(m map[int]Field, f Field) bool {
	for _, v := range m {
		if v == f {
			return true
		}
	}
	return false
}

// repeatedHeader: row r writes the header again (a ledger put together from
// several blocks, each under its own heading with its own header row).
func repeatedHeader(g *Grid, f *filler, h header, r int) bool {
	if c := f.col[FieldTitle]; c < 0 || g.cell(r, c) != h.titleHead {
		return false
	}
	named := 0
	for c, f := range h.cols {
		if v := g.cell(r, c); len(v) <= 48 && v != "" && fieldOf(v) == f {
			named++
		}
	}
	return named >= 3
}
