package ledger

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/safeio"
	"github.com/rectify/rectify/internal/xlsxzip"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the exported workbook.
const (
	SheetLedger  = "整改台账"
	SheetStats   = "统计"
	SheetPending = "未完成事项"
	SheetAccount = "问责情况"
)

// fontName is the Chinese face set in every cell: 宋体 is on every office PC.
const fontName = "宋体"

// column widths in Excel units (one CJK character ≈ 2 units at 11 pt).
var colWidth = map[Field]float64{
	FieldNumber: 6, FieldCategory: 16, FieldTitle: 24, FieldActions: 60, FieldLeader: 10,
	FieldUnit: 14, FieldPerson: 10, FieldDeadline: 13, FieldProgress: 24, FieldStatus: 11, FieldRemarks: 12,
}

// firstDataRow: title, 填报 line, header, then data.
const (
	headerRow    = 3
	firstDataRow = 4
)

// Options for the workbook.
type Options struct {
	Today time.Time // the 填报时间 when the notice has no date
}

// Write builds the ledger and summary workbook for a notice.
func Write(n *notice.Notice, opt Options) ([]byte, error) {
	var buf bytes.Buffer
	if err := WriteTo(&buf, n, opt); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteTo writes the ledger and summary workbook for a notice to w.
func WriteTo(w io.Writer, n *notice.Notice, opt Options) error {
	plan := &ledgerPlan{}
	for i := range n.Categories {
		plan.add(n.Categories[i].Title, len(n.Categories[i].Issues))
	}
	rows := func(mk *rowMaker, yield func(*ledgerRow) error) error {
		var r ledgerRow
		for i := range n.Categories {
			for j := range n.Categories[i].Issues {
				if err := mk.make(&n.Categories[i].Issues[j], &r); err != nil {
					return err
				}
				if err := yield(&r); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return writeWorkbook(w, n, plan, rows, opt)
}

// writeWorkbook writes the workbook. head carries everything but the
// categories' issues, whose rows come from rows; plan was made from the
// same categories.
func writeWorkbook(w io.Writer, head *notice.Notice, plan *ledgerPlan, rows rowSource, opt Options) error {
	f := excelize.NewFile(excelize.Options{TmpDir: safeio.TempDir()})
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return xlsxzip.New(w) })
	if err := f.SetDefaultFont(fontName); err != nil {
		return err
	}
	f.SetSheetName("Sheet1", SheetLedger)
	st, err := NewStyles(f)
	if err != nil {
		return err
	}
	if err := writeLedgerSheet(f, head, plan, rows, st, opt); err != nil {
		return err
	}
	if err := writeStats(f, head, st, plan.spans); err != nil {
		return err
	}
	if len(head.Pending) > 0 {
		if err := writePending(f, head, st); err != nil {
			return err
		}
	}
	if head.Accountability != nil {
		if err := writeAccountability(f, head.Accountability, st); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// ledgerPlan is what the ledger sheet must know before its first row: the
// number of issues, the rows each category spans, and which columns have
// anything at all.
type ledgerPlan struct {
	issues int
	spans  []catSpan
	has    [FieldRemarks + 1]bool // by Field
}

// add counts one category's k issues, in order.
func (p *ledgerPlan) add(title string, k int) {
	if k == 0 {
		return
	}
	first := firstDataRow + p.issues
	if n := len(p.spans); n > 0 && p.spans[n-1].title == title {
		p.spans[n-1].end += k
	} else {
		p.spans = append(p.spans, catSpan{title, first, first + k - 1})
	}
	p.issues += k
}

// see notes which columns an issue fills, as it is written.
func (p *ledgerPlan) see(is *notice.Issue) {
	if rs := is.Responsible; rs != nil {
		p.has[FieldLeader] = p.has[FieldLeader] || rs.Leader != ""
		p.has[FieldUnit] = p.has[FieldUnit] || rs.Unit != ""
		p.has[FieldPerson] = p.has[FieldPerson] || rs.Person != ""
	}
	p.has[FieldProgress] = p.has[FieldProgress] || is.Progress != ""
	p.has[FieldDeadline] = p.has[FieldDeadline] || is.Deadline != ""
	p.has[FieldStatus] = p.has[FieldStatus] || is.Status != ""
	p.has[FieldActions] = p.has[FieldActions] || len(is.Actions) > 0
}

// Styles are the cell styles of rectify's workbooks, exported so that other
// workbooks (the supervisor's merge) look the same.
type Styles struct {
	Title, Sub, Header, Text, Center, Date, Month, Year, Percent, Total, TotalPct int
	Note                                                                          int // a wrapped remark under a table
}

// NewStyles registers the styles in f.
func NewStyles(f *excelize.File) (*Styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := &excelize.Font{Family: fontName, Size: 11}
	wrapLeft := &excelize.Alignment{Vertical: "center", WrapText: true}
	wrapCenter := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	mk := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		if err != nil {
			panic(err) // only on a programming error in the style literals
		}
		return id
	}
	dateFmt := func(code string) *string { return &code }
	s := &Styles{
		Title:   mk(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: 18, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		Sub:     mk(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}),
		Note:    mk(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: 10}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}}),
		Header:  mk(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: 11, Bold: true}, Alignment: wrapCenter, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}}),
		Text:    mk(&excelize.Style{Font: font, Alignment: wrapLeft, Border: border}),
		Center:  mk(&excelize.Style{Font: font, Alignment: wrapCenter, Border: border}),
		Date:    mk(&excelize.Style{Font: font, Alignment: wrapCenter, Border: border, CustomNumFmt: dateFmt("yyyy\"年\"m\"月\"d\"日\"")}),
		Month:   mk(&excelize.Style{Font: font, Alignment: wrapCenter, Border: border, CustomNumFmt: dateFmt("yyyy\"年\"m\"月\"")}),
		Year:    mk(&excelize.Style{Font: font, Alignment: wrapCenter, Border: border, CustomNumFmt: dateFmt("yyyy\"年\"")}),
		Percent: mk(&excelize.Style{Font: font, Alignment: wrapCenter, Border: border, NumFmt: 10}),
		Total:   mk(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: 11, Bold: true}, Alignment: wrapCenter, Border: border}),
	}
	s.TotalPct = mk(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: 11, Bold: true}, Alignment: wrapCenter, Border: border, NumFmt: 10})
	return s, nil
}

// catSpan is the rows one category covers in the ledger sheet.
type catSpan struct {
	title      string
	first, end int // sheet rows, inclusive
}

// DeadlineCell turns a deadline into a cell value and its style: real dates
// are Excel dates shown at their precision, words stay text.
func DeadlineCell(d string, st *Styles) (any, int) {
	parts := strings.Split(d, "-")
	nums := make([]int, 0, 3)
	for _, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return d, st.Center
		}
		nums = append(nums, v)
	}
	switch len(nums) {
	case 1: // a year runs to its end
		return time.Date(nums[0], 12, 31, 0, 0, 0, 0, time.UTC), st.Year
	case 2: // a month runs to its last day
		return time.Date(nums[0], time.Month(nums[1])+1, 0, 0, 0, 0, 0, time.UTC), st.Month
	case 3:
		return time.Date(nums[0], time.Month(nums[1]), nums[2], 0, 0, 0, 0, time.UTC), st.Date
	}
	return d, st.Center
}

// actionsCell writes one action a line, with its ordinal, so that the cell
// reads like the notice and imports back to the same actions.
func actionsCell(is *notice.Issue) string {
	if len(is.Actions) == 1 && is.Lead == "" && !is.Ordinals {
		return is.Actions[0].Text
	}
	var b strings.Builder
	size := len(is.Lead) + 1
	for _, a := range is.Actions {
		size += len(a.Text) + 10
	}
	b.Grow(size)
	if is.Lead != "" {
		b.WriteString(is.Lead)
		b.WriteByte('\n')
	}
	for i, a := range is.Actions {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(notice.CNNumeral(i + 1))
		b.WriteString("是")
		b.WriteString(a.Text)
	}
	return b.String()
}

// responsible is an issue's 责任领导, 责任单位 or 责任人.
func responsible(is *notice.Issue, fl Field) string {
	rs := is.Responsible
	switch {
	case rs == nil:
		return ""
	case fl == FieldLeader:
		return rs.Leader
	case fl == FieldUnit:
		return rs.Unit
	}
	return rs.Person
}

// LineCount estimates how many lines a wrapped cell needs at a width.
func LineCount(s string, width float64) int {
	perLine := max(width-1.5, 2) // cell padding
	lines, w := 0, 0.0
	for _, r := range s {
		switch {
		case r == '\n':
			lines += max(1, int(w/perLine+0.999))
			w = 0
		case r < 0x1100:
			w += 1.1
		default:
			w += 2.05
		}
	}
	return lines + max(1, int(w/perLine+0.999))
}

// ledgerRow is one issue's row of 整改台账, ready for the stream writer.
type ledgerRow struct {
	cells  []excelize.Cell // one per exportFields column
	height float64
}

// rowSource yields the notice's issues in order, each made into its row by
// mk (in memory, or decoded one at a time from a stream on a goroutine of
// its own, which then also makes the rows).
type rowSource func(mk *rowMaker, yield func(*ledgerRow) error) error

// rowMaker makes the ledger's rows, one issue after the other; it notes in
// the plan which columns have anything.
type rowMaker struct {
	plan      *ledgerPlan
	st        *Styles
	row, last int // the next row to make, the last the plan has
	span      int // the next category span to start
}

// make fills r with issue is's row. An empty text is left without a value
// (the cell keeps its style and border) rather than written as "".
func (mk *rowMaker) make(is *notice.Issue, r *ledgerRow) error {
	if mk.row > mk.last {
		return errChanged
	}
	plan, st := mk.plan, mk.st
	plan.see(is)
	if len(r.cells) != len(exportFields) {
		r.cells = make([]excelize.Cell, len(exportFields))
	}
	lines := 1
	text := func(i int, fl Field, v string, style int) {
		r.cells[i] = excelize.Cell{StyleID: style}
		if v == "" {
			return
		}
		r.cells[i].Value = v
		if fl != FieldCategory {
			lines = max(lines, LineCount(v, colWidth[fl]))
		}
	}
	for i, fl := range exportFields {
		switch fl {
		case FieldNumber:
			r.cells[i] = excelize.Cell{StyleID: st.Center, Value: is.Number}
		case FieldDeadline:
			r.cells[i] = excelize.Cell{StyleID: st.Center}
			if is.Deadline != "" {
				r.cells[i].Value, r.cells[i].StyleID = DeadlineCell(is.Deadline, st)
			}
		case FieldCategory:
			cat := "" // the category shows once, in the merged cell of its span
			if mk.span < len(plan.spans) && plan.spans[mk.span].first == mk.row {
				cat = plan.spans[mk.span].title
				mk.span++
			}
			text(i, fl, cat, st.Center)
		case FieldTitle:
			title := is.Title
			if is.Description != "" {
				title += "。" + is.Description
			}
			text(i, fl, title, st.Text)
		case FieldActions:
			text(i, fl, actionsCell(is), st.Text)
		case FieldLeader, FieldUnit, FieldPerson:
			text(i, fl, responsible(is, fl), st.Center)
		case FieldProgress:
			text(i, fl, is.Progress, st.Text)
		case FieldStatus:
			text(i, fl, notice.StatusLabel[is.Status], st.Center)
		case FieldRemarks:
			text(i, fl, is.Remarks, st.Text)
		}
	}
	// Excel does not grow rows on open: set the height the text needs.
	r.height = min(409, float64(lines)*14.5+6)
	mk.row++
	return nil
}

func writeLedgerSheet(f *excelize.File, n *notice.Notice, plan *ledgerPlan, rows rowSource, st *Styles, opt Options) error {
	sheet := SheetLedger
	last := firstDataRow + plan.issues - 1
	lastCol, _ := excelize.ColumnNumberToName(len(exportFields))
	// Sheet-level finish, set before streaming: the stream writer keeps it.
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", firstDataRow), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if plan.issues > 0 {
		if err := f.AutoFilter(sheet, fmt.Sprintf("A%d:%s%d", headerRow, lastCol, last), nil); err != nil {
			return err
		}
		statusCol := colOf(FieldStatus)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", statusCol, firstDataRow, statusCol, last)
		var words []string
		for _, s := range notice.Statuses {
			words = append(words, notice.StatusLabel[s])
		}
		if err := dv.SetDropList(words); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, "完成情况", "请从下拉列表中选择："+strings.Join(words, "、"))
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
		red, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
		if err != nil {
			return err
		}
		dl := colOf(FieldDeadline)
		// Overdue: not completed, and a real date deadline before today.
		formula := fmt.Sprintf(`AND($%s%d<>"%s",ISNUMBER($%s%d),$%s%d<TODAY())`, statusCol, firstDataRow, notice.StatusLabel[notice.Completed], dl, firstDataRow, dl, firstDataRow)
		if err := f.SetConditionalFormat(sheet, fmt.Sprintf("A%d:%s%d", firstDataRow, lastCol, last), []excelize.ConditionalFormatOptions{
			{Type: "formula", Criteria: formula, Format: &red},
		}); err != nil {
			return err
		}
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headerRow, headerRow), Scope: sheet}); err != nil {
		return err
	}
	if err := pageSetup(f, sheet, "landscape"); err != nil {
		return err
	}
	// The stream writer writes <dimension> before the rows: give it the
	// range the rows will fill (title to 填表人 line), for readers that trust
	// it. The row under the table is kept for the note on empty columns,
	// known only once the rows are written.
	lastRow := max(last, headerRow) + 3
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", lastCol, lastRow)); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, fl := range exportFields {
		if err := sw.SetColWidth(i+1, i+1, colWidth[fl]); err != nil {
			return err
		}
	}
	issuer := n.Issuer
	title := issuer + "巡察反馈问题整改台账"
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.Title, Value: title}}, excelize.RowOpts{Height: 36}); err != nil {
		return err
	}
	date := n.Date
	if date == "" {
		date = opt.Today.Format("2006-01-02")
	}
	fill := fmt.Sprintf("填报单位：%s        填报时间：%s", issuer, notice.ChineseDate(date))
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: st.Sub, Value: fill}}, excelize.RowOpts{Height: 22}); err != nil {
		return err
	}
	header := make([]any, len(exportFields))
	for i, fl := range exportFields {
		header[i] = excelize.Cell{StyleID: st.Header, Value: headerWord(fl)}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", headerRow), header, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	row := firstDataRow
	cells := make([]any, len(exportFields))
	err = rows(&rowMaker{plan: plan, st: st, row: firstDataRow, last: last}, func(r *ledgerRow) error {
		for i := range r.cells {
			cells[i] = &r.cells[i]
		}
		if err := sw.SetRow(rowRef(row), cells, excelize.RowOpts{Height: r.height}); err != nil {
			return err
		}
		row++
		return nil
	})
	if err != nil {
		return err
	}
	if row != last+1 {
		return errChanged
	}
	foot := max(last, headerRow) + 2
	if note := emptyColumnsNote(plan); note != "" {
		height := float64(LineCount(note, totalWidth()))*13 + 6
		if err := sw.SetRow(fmt.Sprintf("A%d", foot), []any{excelize.Cell{StyleID: st.Note, Value: note}}, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
		if err := sw.MergeCell(fmt.Sprintf("A%d", foot), fmt.Sprintf("%s%d", lastCol, foot)); err != nil {
			return err
		}
	}
	foot++
	if err := sw.SetRow(fmt.Sprintf("A%d", foot), []any{excelize.Cell{StyleID: st.Sub, Value: "填表人：                审核人："}}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", lastCol+"1"); err != nil {
		return err
	}
	if err := sw.MergeCell("A2", lastCol+"2"); err != nil {
		return err
	}
	catCol := colOf(FieldCategory)
	for _, s := range plan.spans {
		if s.end > s.first {
			if err := sw.MergeCell(fmt.Sprintf("%s%d", catCol, s.first), fmt.Sprintf("%s%d", catCol, s.end)); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

// emptyColumnsNote says which columns are empty in every row because the
// source does not carry them (a notice names no 责任人 and writes progress
// into its measures), so that a reader of the ledger knows why. "" when
// every column has something.
func emptyColumnsNote(plan *ledgerPlan) string {
	if plan.issues == 0 {
		return ""
	}
	has := plan.has
	var names []string
	for _, fl := range []Field{FieldLeader, FieldUnit, FieldPerson, FieldDeadline, FieldProgress, FieldStatus} {
		if !has[fl] {
			names = append(names, "“"+headerWord(fl)+"”")
		}
	}
	if len(names) == 0 {
		return ""
	}
	note := "注：原材料中没有" + strings.Join(names, "") + "的内容，这些列留空，请按实际填写。"
	if !has[FieldProgress] && has[FieldActions] {
		note += "整改进展已写在“整改措施”列中。"
	}
	return note
}

// totalWidth is the width of the exported ledger's columns together.
func totalWidth() float64 {
	w := 0.0
	for _, fl := range exportFields {
		w += colWidth[fl]
	}
	return w
}

// errChanged: the categories yielded are not those the plan was made from
// (a file that changed between the two reads of a stream).
var errChanged = errors.New("数据在读取过程中发生了变化，请重试")

// rowRef is the reference of a row's first cell, without fmt.
func rowRef(row int) string { return "A" + strconv.Itoa(row) }

func colOf(fl Field) string {
	for i, f := range exportFields {
		if f == fl {
			name, _ := excelize.ColumnNumberToName(i + 1)
			return name
		}
	}
	return ""
}

// writeStats writes issues by status per category as formulas over the
// ledger sheet, so the figures stay right when a supervisor edits statuses.
func writeStats(f *excelize.File, n *notice.Notice, st *Styles, spans []catSpan) error {
	sheet := SheetStats
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	heads := []string{"序号", "问题类别", "问题数"}
	for _, s := range notice.Statuses {
		heads = append(heads, notice.StatusLabel[s])
	}
	heads = append(heads, "完成率")
	lastCol, _ := excelize.ColumnNumberToName(len(heads))
	f.SetCellValue(sheet, "A1", n.Issuer+"巡察反馈问题整改情况统计表")
	f.MergeCell(sheet, "A1", lastCol+"1")
	f.SetCellStyle(sheet, "A1", lastCol+"1", st.Title)
	f.SetRowHeight(sheet, 1, 36)
	for i, h := range heads {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		f.SetCellValue(sheet, cell, h)
	}
	f.SetCellStyle(sheet, "A2", lastCol+"2", st.Header)
	f.SetColWidth(sheet, "A", "A", 6)
	f.SetColWidth(sheet, "B", "B", 36)
	f.SetColWidth(sheet, "C", lastCol, 11)
	title, status := colOf(FieldTitle), colOf(FieldStatus)
	ref := func(col string, s catSpan) string {
		return fmt.Sprintf("'%s'!%s%d:%s%d", SheetLedger, col, s.first, col, s.end)
	}
	row := 3
	for i, s := range spans {
		name := s.title
		if name == "" {
			name = "（未分类）"
		}
		f.SetCellValue(sheet, fmt.Sprintf("A%d", row), i+1)
		f.SetCellValue(sheet, fmt.Sprintf("B%d", row), name)
		f.SetCellFormula(sheet, fmt.Sprintf("C%d", row), fmt.Sprintf("COUNTA(%s)", ref(title, s)))
		for j, stt := range notice.Statuses {
			col, _ := excelize.ColumnNumberToName(4 + j)
			f.SetCellFormula(sheet, fmt.Sprintf("%s%d", col, row), fmt.Sprintf(`COUNTIF(%s,"%s")`, ref(status, s), notice.StatusLabel[stt]))
		}
		f.SetCellFormula(sheet, fmt.Sprintf("%s%d", lastCol, row), fmt.Sprintf("IF(C%d=0,0,D%d/C%d)", row, row, row))
		f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), st.Center)
		f.SetCellStyle(sheet, fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), st.Text)
		f.SetCellStyle(sheet, fmt.Sprintf("C%d", row), fmt.Sprintf("%s%d", lastCol, row), st.Center)
		f.SetCellStyle(sheet, fmt.Sprintf("%s%d", lastCol, row), fmt.Sprintf("%s%d", lastCol, row), st.Percent)
		f.SetRowHeight(sheet, row, float64(LineCount(name, 36))*14.5+6)
		row++
	}
	total := row
	f.SetCellValue(sheet, fmt.Sprintf("A%d", total), "合计")
	f.MergeCell(sheet, fmt.Sprintf("A%d", total), fmt.Sprintf("B%d", total))
	for c := 3; c < len(heads); c++ {
		col, _ := excelize.ColumnNumberToName(c)
		if row > 3 {
			f.SetCellFormula(sheet, fmt.Sprintf("%s%d", col, total), fmt.Sprintf("SUM(%s3:%s%d)", col, col, row-1))
		} else {
			f.SetCellValue(sheet, fmt.Sprintf("%s%d", col, total), 0)
		}
	}
	f.SetCellFormula(sheet, fmt.Sprintf("%s%d", lastCol, total), fmt.Sprintf("IF(C%d=0,0,D%d/C%d)", total, total, total))
	f.SetCellStyle(sheet, fmt.Sprintf("A%d", total), fmt.Sprintf("%s%d", lastCol, total), st.Total)
	f.SetCellStyle(sheet, fmt.Sprintf("%s%d", lastCol, total), fmt.Sprintf("%s%d", lastCol, total), st.TotalPct)
	if err := pageSetup(f, sheet, "portrait"); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", lastCol, total)); err != nil {
		return err
	}
	if len(spans) == 0 {
		return nil
	}
	return f.AddChart(sheet, fmt.Sprintf("B%d", total+2), &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{
			{Name: fmt.Sprintf("'%s'!$C$2", sheet), Categories: fmt.Sprintf("'%s'!$B$3:$B$%d", sheet, total-1), Values: fmt.Sprintf("'%s'!$C$3:$C$%d", sheet, total-1)},
			{Name: fmt.Sprintf("'%s'!$D$2", sheet), Categories: fmt.Sprintf("'%s'!$B$3:$B$%d", sheet, total-1), Values: fmt.Sprintf("'%s'!$D$3:$D$%d", sheet, total-1)},
		},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各类别问题整改完成情况"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 720, Height: uint(max(320, 28*len(spans)+120))},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
	})
}

func writePending(f *excelize.File, n *notice.Notice, st *Styles) error {
	sheet := SheetPending
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	heads := []string{"序号", "问题序号", "问题", "情况说明", "下一步整改措施", "整改时限"}
	widths := []float64{6, 9, 28, 40, 40, 13}
	f.SetCellValue(sheet, "A1", n.Issuer+"需要进一步整改的事项")
	f.MergeCell(sheet, "A1", "F1")
	f.SetCellStyle(sheet, "A1", "F1", st.Title)
	f.SetRowHeight(sheet, 1, 36)
	for i, h := range heads {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetCellValue(sheet, col+"2", h)
		f.SetColWidth(sheet, col, col, widths[i])
	}
	f.SetCellStyle(sheet, "A2", "F2", st.Header)
	for i, p := range n.Pending {
		r := i + 3
		f.SetCellValue(sheet, fmt.Sprintf("A%d", r), i+1)
		if p.Issue > 0 {
			f.SetCellValue(sheet, fmt.Sprintf("B%d", r), p.Issue)
		}
		f.SetCellValue(sheet, fmt.Sprintf("C%d", r), p.Title)
		f.SetCellValue(sheet, fmt.Sprintf("D%d", r), p.Explanation)
		f.SetCellValue(sheet, fmt.Sprintf("E%d", r), p.NextSteps)
		f.SetCellStyle(sheet, fmt.Sprintf("A%d", r), fmt.Sprintf("B%d", r), st.Center)
		f.SetCellStyle(sheet, fmt.Sprintf("C%d", r), fmt.Sprintf("E%d", r), st.Text)
		if p.Deadline != "" {
			v, s := DeadlineCell(p.Deadline, st)
			f.SetCellValue(sheet, fmt.Sprintf("F%d", r), v)
			f.SetCellStyle(sheet, fmt.Sprintf("F%d", r), fmt.Sprintf("F%d", r), s)
		} else {
			f.SetCellStyle(sheet, fmt.Sprintf("F%d", r), fmt.Sprintf("F%d", r), st.Center)
		}
		lines := max(LineCount(p.Title, 28), LineCount(p.Explanation, 40), LineCount(p.NextSteps, 40))
		f.SetRowHeight(sheet, r, float64(lines)*14.5+6)
	}
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:F%d", len(n.Pending)+2)); err != nil {
		return err
	}
	return pageSetup(f, sheet, "landscape")
}

func writeAccountability(f *excelize.File, a *notice.Accountability, st *Styles) error {
	sheet := SheetAccount
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	f.SetColWidth(sheet, "A", "A", 16)
	f.SetColWidth(sheet, "B", "B", 10)
	f.SetColWidth(sheet, "D", "D", 16)
	f.SetColWidth(sheet, "E", "E", 10)
	f.SetCellValue(sheet, "A1", "问责情况")
	f.MergeCell(sheet, "A1", "E1")
	f.SetCellStyle(sheet, "A1", "E1", st.Title)
	table := func(col1, col2, head string, m map[string]int) {
		f.SetCellValue(sheet, col1+"2", head)
		f.SetCellValue(sheet, col2+"2", "人数")
		f.SetCellStyle(sheet, col1+"2", col2+"2", st.Header)
		keys := sortedKeys(m)
		r := 3
		for _, k := range keys {
			f.SetCellValue(sheet, fmt.Sprintf("%s%d", col1, r), k)
			f.SetCellValue(sheet, fmt.Sprintf("%s%d", col2, r), m[k])
			f.SetCellStyle(sheet, fmt.Sprintf("%s%d", col1, r), fmt.Sprintf("%s%d", col2, r), st.Center)
			r++
		}
		f.SetCellValue(sheet, fmt.Sprintf("%s%d", col1, r), "合计")
		if r > 3 {
			f.SetCellFormula(sheet, fmt.Sprintf("%s%d", col2, r), fmt.Sprintf("SUM(%s3:%s%d)", col2, col2, r-1))
		} else {
			f.SetCellValue(sheet, fmt.Sprintf("%s%d", col2, r), 0)
		}
		f.SetCellStyle(sheet, fmt.Sprintf("%s%d", col1, r), fmt.Sprintf("%s%d", col2, r), st.Total)
	}
	table("A", "B", "处理方式", a.Measures)
	table("D", "E", "职级", a.Ranks)
	last := 3 + max(len(a.Measures), len(a.Ranks))
	if a.Total > 0 {
		last += 2
		f.SetCellValue(sheet, fmt.Sprintf("A%d", last), fmt.Sprintf("通报所述问责总人数：%d人", a.Total))
		f.SetCellStyle(sheet, fmt.Sprintf("A%d", last), fmt.Sprintf("A%d", last), st.Sub)
	}
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:E%d", last)); err != nil {
		return err
	}
	return pageSetup(f, sheet, "portrait")
}

// pageSetup prints a sheet on A4 in the given orientation, scaled to one
// page wide and as many pages tall as it needs. Excel and LibreOffice honour
// the fitToWidth/fitToHeight numbers only when the sheet's fitToPage flag is
// on; without it 统计 printed across five pages.
func pageSetup(f *excelize.File, sheet, orientation string) error {
	size, fitW, fitH := 9, 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return err
	}
	fit, center := true, true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Horizontally: &center})
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Larger groups first, then by name, as reports list them.
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && (m[keys[j]] > m[keys[j-1]] || (m[keys[j]] == m[keys[j-1]] && keys[j] < keys[j-1])); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
