package ledger

// What each row of a ledger sheet is: a heading, a total, a footer, a further
// row of the issue above, a note; and its cells as the sheet shows them.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
)

// A row that starts with one of these ends the table: signatures and notes.
var footerRe = lazyre.New(`^(填表人|审核人|制表人|填报人|联系人|联系电话|注[:：]|说明[:：]|备注[:：]|(?:填表|填报|制表)说明|(?:单位)?(?:主要)?负责人[:：（(])`)

// totalRow: a 合计/小计 row between or below the issues, never an issue.
func totalRow(first string) bool {
	return strings.HasPrefix(first, "合计") || strings.HasPrefix(first, "小计") || strings.HasPrefix(first, "总计")
}

// rowText is a row's cells joined, for a row kept as unplaced.
func rowText(row []string) string {
	var parts []string
	for _, v := range row {
		if v = clean(v); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " ")
}

var numericRe = lazyre.New(`^\d+(\.\d+)?$`)

var sectionMarkRe = lazyre.New(`^(?:([一二三四五六七八九十]+)[、.．]|[（(]([一二三四五六七八九十]+)[）)]|(\d+)[、.．])\s*`)

// sectionRow recognises a category heading written as a row of its own
// ("一、贯彻落实党中央决策部署方面", often merged across the table): one
// cell of text and nothing else, merged across columns or outside the
// columns that hold an issue's own text. It returns the heading's number
// (0 when unnumbered) and title.
func sectionRow(g *Grid, cols map[int]Field, r int) (int, string, bool) {
	at, text := -1, ""
	for c, v := range g.Rows[r] {
		if v = strings.TrimSpace(v); v != "" {
			if at >= 0 {
				return 0, "", false
			}
			at, text = c, v
		}
	}
	if at < 0 || numericRe.MatchString(text) {
		return 0, "", false
	}
	switch cols[at] {
	case FieldTitle, FieldActions, FieldProgress:
		if !isGroupCell(g, r, at) {
			return 0, "", false
		}
	}
	title := clean(text)
	num := 0
	if m := sectionMarkRe.FindStringSubmatch(title); m != nil {
		title = strings.TrimSpace(title[len(m[0]):])
		for _, d := range m[1:] {
			if d == "" {
				continue
			}
			if v, err := strconv.Atoi(d); err == nil {
				num = v
			} else {
				num = notice.CNNumber(d)
			}
		}
	}
	if title == "" {
		return 0, "", false
	}
	return num, title, true
}

// filler reads the cells of data rows as a reader of the sheet sees them: a
// merged range's value in every cell it covers, and a blank category carried
// down from the row above (CSV and .xls lose merges). It keeps what it needs
// of earlier rows, so that fromGrid can drop each row once it is read.
type filler struct {
	g      *Grid
	col    [numFields]int // each field's column (findHeader gives a field one), -1 when absent
	merges [][]mergeValue // per column, by first row
	carry  string         // the last category seen
}

type mergeValue struct {
	r1, r2 int
	value  string
}

func newFiller(g *Grid, cols map[int]Field) *filler {
	f := &filler{g: g, merges: make([][]mergeValue, maxCols)}
	for i := range f.col {
		f.col[i] = -1
	}
	for c, fl := range cols {
		f.col[fl] = c
	}
	for _, m := range g.Merges {
		v := g.cell(m.R1, m.C1)
		for c := m.C1; c <= m.C2 && c < maxCols; c++ {
			f.merges[c] = append(f.merges[c], mergeValue{m.R1, m.R2, v})
		}
	}
	for _, ms := range f.merges {
		slices.SortFunc(ms, func(a, b mergeValue) int { return a.r1 - b.r1 })
	}
	return f
}

// see updates the carried category with row r's own cell; call it for
// every row in order, before get.
func (f *filler) see(r int) {
	if c := f.col[FieldCategory]; c >= 0 {
		if v := f.g.cell(r, c); v != "" {
			f.carry = v
		}
	}
}

// get is row r's cell of a field.
func (f *filler) get(r int, fl Field) string {
	c := f.col[fl]
	if c < 0 {
		return ""
	}
	if v := f.at(r, c); v != "" {
		return v
	}
	if fl == FieldCategory {
		return f.carry
	}
	return ""
}

// at is the cell at row r, column c, with a merged range's value in every
// cell it covers.
func (f *filler) at(r, c int) string {
	if v := f.g.cell(r, c); v != "" || c >= maxCols {
		return v
	}
	// Ranges do not overlap: the last one starting at or above r is the
	// only one that can cover it.
	ms := f.merges[c]
	if i, _ := slices.BinarySearchFunc(ms, r+1, func(m mergeValue, t int) int { return m.r1 - t }); i > 0 && ms[i-1].r2 >= r {
		return ms[i-1].value
	}
	return ""
}

// extra is row r's text in the columns that name no field, each under its
// header ("佐证材料：会议记录"), and in cells right of the header, under
// their column's number.
func (f *filler) extra(r int, h header) string {
	var parts []string
	for _, x := range h.extra {
		if v := clean(f.at(r, x.col)); v != "" {
			if link := f.g.Links[[2]int{r, x.col}]; link != "" && link != v {
				v += "（" + link + "）"
			}
			parts = append(parts, x.label+"："+v)
		}
	}
	if f.g.Links != nil || f.g.Comments != nil {
		for c := range min(len(f.g.Rows[r]), maxCols) {
			if link := f.g.Links[[2]int{r, c}]; link != "" && !slices.ContainsFunc(h.extra, func(x extraColumn) bool { return x.col == c }) {
				parts = append(parts, "链接："+link)
			}
			if note := clean(f.g.Comments[[2]int{r, c}]); note != "" {
				parts = append(parts, "批注："+note)
			}
		}
	}
	for c := h.width; c < len(f.g.Rows[r]); c++ {
		if v := clean(f.g.cell(r, c)); v != "" {
			parts = append(parts, fmt.Sprintf("第%d列：%s", c+1, v))
		}
	}
	return strings.Join(parts, "；")
}

// own is row r's own cell of a field: its text, or the value of a merged
// range that starts on row r; a range begun above gives nothing.
func (f *filler) own(r int, fl Field) string {
	c := f.col[fl]
	if c < 0 {
		return ""
	}
	if v := f.g.cell(r, c); v != "" {
		return v
	}
	ms := f.merges[c]
	if i, _ := slices.BinarySearchFunc(ms, r+1, func(m mergeValue, t int) int { return m.r1 - t }); i > 0 && ms[i-1].r1 == r {
		return ms[i-1].value
	}
	return ""
}

// continues: row r is a further row of the issue above: its 序号 and 问题
// are blank or merged from above (one measure a row), and it starts no
// category of its own.
func (f *filler) continues(r int, open *rowCells) bool {
	if f.col[FieldNumber] < 0 && f.col[FieldTitle] < 0 || f.own(r, FieldTitle) != "" || f.own(r, FieldCategory) != "" {
		return false
	}
	// The number blank, or the open issue's number written again on each
	// of its rows ("1", "1", "1" beside one merged 问题).
	num := f.own(r, FieldNumber)
	return num == "" || f.col[FieldTitle] >= 0 && strings.TrimSpace(num) == strings.TrimSpace(open.number)
}

// issueFields are the columns that say something about an issue besides its
// number, title and category.
var issueFields = []Field{FieldActions, FieldLeader, FieldUnit, FieldPerson, FieldDeadline, FieldProgress, FieldStatus, FieldRemarks}

// bare: row r's own cells say nothing about an issue besides its number and
// title (and no tick stands in a status column).
func (f *filler) bare(r int, marks map[int]string) bool {
	for _, fl := range issueFields {
		if f.own(r, fl) != "" {
			return false
		}
	}
	for c := range marks {
		if f.g.cell(r, c) != "" {
			return false
		}
	}
	return true
}

// lone: row r holds a title and nothing else, not even a number: where the
// sheet numbers its issues, a note between them ("以下为移交问题"), neither
// an issue nor a heading. (A sheet that numbers none lists issues so.)
func (f *filler) lone(r int) bool {
	return f.col[FieldNumber] >= 0 && f.own(r, FieldNumber) == "" && f.own(r, FieldTitle) != "" && f.bare(r, nil)
}

// mark is the status word of the tick column row r ticks ("√" under
// 已完成), or "".
func (f *filler) mark(r int, marks map[int]string) string {
	for c := 0; c < len(f.g.Rows[r]); c++ {
		if w, ok := marks[c]; ok {
			switch v := f.g.cell(r, c); v {
			case "", "×", "✗", "否", "无", "-", "—", "/":
			default:
				return w
			}
		}
	}
	return ""
}

// headingRow recognises a category heading written in the issue columns:
// a number and a title and nothing else, numbered 一/（一） or numbered 1
// above issues numbered 1.1, 1.2 ("1 政治建设方面存在的问题").
func headingRow(g *Grid, f *filler, h header, r int) (int, string, bool) {
	num, title := f.own(r, FieldNumber), f.own(r, FieldTitle)
	if num == "" || title == "" || !f.bare(r, h.marks) {
		return 0, "", false
	}
	num = strings.TrimSpace(num)
	m := numberMarkRe.FindStringSubmatch(num)
	if m == nil {
		return 0, "", false
	}
	if !strings.ContainsAny(m[1], "0123456789") {
		return notice.CNNumber(m[1]), clean(title), true
	}
	for next := r + 1; next < len(g.Rows) && next < r+50; next++ {
		if v := strings.TrimSpace(f.own(next, FieldNumber)); v != "" {
			if rest, ok := strings.CutPrefix(v, m[1]); ok && (strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "－")) {
				return issueNumber(m[1]), clean(title), true
			}
			break
		}
	}
	return 0, "", false
}

// date is row r's cell of a field when it is a real date (ISO at the
// precision its format shows).
func (f *filler) date(r int, fl Field) string {
	if c := f.col[fl]; c >= 0 {
		return f.g.Dates[[2]int{r, c}]
	}
	return ""
}
