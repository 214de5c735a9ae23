package merge

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/rectify/rectify/internal/check"
	"github.com/rectify/rectify/internal/ledger"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/safeio"
	"github.com/rectify/rectify/internal/xlsxzip"
)

// Sheet names of the supervisor's workbook.
const (
	SheetSummary  = "汇总"
	SheetIssues   = "全部问题"
	SheetOverdue  = "超期未完成"
	SheetAccount  = "问责情况"
	SheetFindings = "校对"
	SheetFiles    = "文件清单"
)

// Rows of every sheet: title, a note line, the header, then data.
const (
	headerRow    = 3
	firstDataRow = 4
)

// chartUnits caps the units the completion chart shows: past that the
// bars are unreadable, and the lowest are the ones a supervisor acts on.
const chartUnits = 40

// summaryHeads are 汇总's columns; the letters below name them in formulas.
var summaryHeads = []string{"序号", "单位", "巡察轮次", "问题数", "已完成", "基本完成", "正在整改", "未完成", "长期坚持", "未写明",
	"完成率", "超期未完成", "问责人数", "通报称问题数", "通报称已完成", "合计核对", "校对错误", "来源文件"}

const (
	colIssues   = "D"
	colDone     = "E"
	colRate     = "K"
	firstSumCol = 4  // D: the counts added up in the total row start here
	lastSumCol  = 13 // M
	colCheckErr = 17 // Q
)

var summaryWidths = []float64{6, 24, 16, 8, 8, 8, 8, 8, 8, 8, 9, 9, 9, 9, 9, 24, 8, 40}

var levelWords = map[string]string{Conflict: "不一致", check.Error: "错误", check.Warning: "警告", check.Info: "提示"}

// book is the workbook being written, with its styles.
type book struct {
	f     *excelize.File
	st    *ledger.Styles
	alert int // a flagged cell: red text
}

// WriteXLSX writes the supervisor's workbook.
func WriteXLSX(r *Result, w io.Writer) error {
	// Its stream writers' temporary files go to our own temporary folder,
	// removed on an interrupt; parts are deflated on every core.
	f := excelize.NewFile(excelize.Options{TmpDir: safeio.TempDir()})
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return xlsxzip.New(w) })
	if err := f.SetDefaultFont("宋体"); err != nil {
		return err
	}
	st, err := ledger.NewStyles(f)
	if err != nil {
		return err
	}
	alert, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11, Color: "C00000"},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border: []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
			{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}})
	if err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: generator, Title: "巡察整改情况汇总表"}); err != nil {
		return err
	}
	b := &book{f: f, st: st, alert: alert}
	f.SetSheetName("Sheet1", SheetSummary)
	for _, step := range []func(*Result) error{b.summary, b.issues, b.overdue, b.accountability, b.findings, b.files} {
		if err := step(r); err != nil {
			return err
		}
	}
	// The cached values are ours; spreadsheet programs recompute on opening.
	full := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// prepare sets what a sheet needs before its rows stream: frozen header, a
// filter over the data rows, print setup (landscape A4, header repeated, one
// page wide with fit-to-page on).
func (b *book) prepare(name string, heads []string, rows int, first bool) error {
	f := b.f
	if !first {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(len(heads))
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", firstDataRow), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if rows > 0 {
		if err := f.AutoFilter(name, fmt.Sprintf("A%d:%s%d", headerRow, lastCol, headerRow+rows), nil); err != nil {
			return err
		}
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, headerRow, headerRow), Scope: name}); err != nil {
		return err
	}
	orient, size, fitW, fitH := "landscape", 9, 1, 0
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return nil
}

// stream opens the sheet's stream and writes its title, note and header.
func (b *book) stream(name, title, note string, heads []string, widths []float64) (*excelize.StreamWriter, error) {
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(len(heads))
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: b.st.Title, Value: title}}, excelize.RowOpts{Height: 36}); err != nil {
		return nil, err
	}
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: b.st.Sub, Value: note}}, excelize.RowOpts{Height: 22}); err != nil {
		return nil, err
	}
	cells := make([]any, len(heads))
	for i, h := range heads {
		cells[i] = excelize.Cell{StyleID: b.st.Header, Value: h}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", headerRow), cells, excelize.RowOpts{Height: 30}); err != nil {
		return nil, err
	}
	if err := sw.MergeCell("A1", lastCol+"1"); err != nil {
		return nil, err
	}
	return sw, sw.MergeCell("A2", lastCol+"2")
}

// height is the row height the wrapped texts need at the columns' widths.
func height(widths []float64, texts map[int]string) float64 {
	lines := 1
	for col, s := range texts {
		lines = max(lines, ledger.LineCount(s, widths[col]))
	}
	return min(409, float64(lines)*14.5+6)
}

func (b *book) text(v any) excelize.Cell   { return excelize.Cell{StyleID: b.st.Text, Value: v} }
func (b *book) center(v any) excelize.Cell { return excelize.Cell{StyleID: b.st.Center, Value: v} }

// note is the line under each title: the date and what was merged.
func note(r *Result) string {
	failed := r.Failed()
	s := fmt.Sprintf("统计截至：%s        共%d个单位，%d份文件", notice.ChineseDate(r.Today), len(r.Units), len(r.Files))
	if failed > 0 {
		s += fmt.Sprintf("（%d份未能读取，见“%s”）", failed, SheetFiles)
	}
	return s
}

func (b *book) summary(r *Result) error {
	name := SheetSummary
	n := len(r.Units)
	if err := b.prepare(name, summaryHeads, n, true); err != nil {
		return err
	}
	total := firstDataRow + n
	if n > 0 {
		shown := min(n, chartUnits)
		title := "各单位整改完成率"
		if shown < n {
			title = fmt.Sprintf("完成率最低的%d个单位", shown)
		}
		ref := func(col string) string {
			return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", name, col, firstDataRow, col, firstDataRow+shown-1)
		}
		one := 1.0
		zero := 0.0
		if err := b.f.AddChart(name, fmt.Sprintf("B%d", total+2), &excelize.Chart{
			Type:      excelize.Bar,
			Series:    []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$%s$%d", name, colRate, headerRow), Categories: ref("B"), Values: ref(colRate)}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			XAxis:     excelize.ChartAxis{ReverseOrder: true},
			YAxis:     excelize.ChartAxis{Maximum: &one, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
			Dimension: excelize.ChartDimension{Width: 760, Height: uint(max(320, 22*shown+120))},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0%"}},
		}); err != nil {
			return err
		}
	}
	sw, err := b.stream(name, "巡察整改情况汇总表", note(r), summaryHeads, summaryWidths)
	if err != nil {
		return err
	}
	for i, u := range r.Units {
		row := firstDataRow + i
		cells := []any{b.center(i + 1), b.text(u.Name), b.center(u.Round), b.center(u.Total)}
		for _, s := range countKeys {
			cells = append(cells, b.center(u.Counts[s]))
		}
		cells = append(cells,
			excelize.Cell{StyleID: b.st.Percent, Formula: fmt.Sprintf("IF(%s%d=0,0,%s%d/%s%d)", colIssues, row, colDone, row, colIssues, row), Value: u.Rate},
			b.center(u.Overdue), b.center(u.AccountTotal), b.center(stated(u.Stated, "issues")), b.center(stated(u.Stated, notice.Completed)))
		check := excelize.Cell{StyleID: b.st.Center, Value: ""}
		if u.Mismatch != "" {
			check = excelize.Cell{StyleID: b.alert, Value: "不符：" + u.Mismatch}
		} else if len(u.Stated) > 0 || u.StatedRate > 0 {
			check.Value = "相符"
		}
		sources := strings.Join(u.Files, "\n")
		if len(u.Duplicates) > 0 {
			sources += "\n（重复未计：" + strings.Join(u.Duplicates, "、") + "）"
		}
		cells = append(cells, check, b.center(u.CheckErrors), b.text(sources))
		h := height(summaryWidths, map[int]string{1: u.Name, 15: check.Value.(string), 17: sources})
		if err := sw.SetRow(fmt.Sprintf("A%d", row), cells, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
	}
	// The total row adds the counts with formulas, so that a supervisor who
	// corrects a unit's figure sees the total follow.
	cells := []any{excelize.Cell{StyleID: b.st.Total, Value: "合计"}, excelize.Cell{StyleID: b.st.Total}, excelize.Cell{StyleID: b.st.Total}}
	sums := map[int]int{}
	for _, u := range r.Units {
		vals := []int{u.Total}
		for _, s := range countKeys {
			vals = append(vals, u.Counts[s])
		}
		vals = append(vals, 0, u.Overdue, u.AccountTotal)
		for i, v := range vals {
			sums[firstSumCol+i] += v
		}
		sums[colCheckErr] += u.CheckErrors
	}
	sumCell := func(col int) excelize.Cell {
		c, _ := excelize.ColumnNumberToName(col)
		if n == 0 {
			return excelize.Cell{StyleID: b.st.Total, Value: 0}
		}
		return excelize.Cell{StyleID: b.st.Total, Formula: fmt.Sprintf("SUM(%s%d:%s%d)", c, firstDataRow, c, total-1), Value: sums[col]}
	}
	for col := firstSumCol; col <= lastSumCol; col++ {
		if col == 11 { // K: the rate of the totals, not a sum of rates
			rate := 0.0
			if sums[firstSumCol] > 0 {
				rate = float64(sums[firstSumCol+1]) / float64(sums[firstSumCol])
			}
			cells = append(cells, excelize.Cell{StyleID: b.st.TotalPct, Formula: fmt.Sprintf("IF(%s%d=0,0,%s%d/%s%d)", colIssues, total, colDone, total, colIssues, total), Value: rate})
			continue
		}
		cells = append(cells, sumCell(col))
	}
	cells = append(cells, excelize.Cell{StyleID: b.st.Total}, excelize.Cell{StyleID: b.st.Total}, excelize.Cell{StyleID: b.st.Total}, sumCell(colCheckErr), excelize.Cell{StyleID: b.st.Total})
	if err := sw.SetRow(fmt.Sprintf("A%d", total), cells, excelize.RowOpts{Height: 22}); err != nil {
		return err
	}
	if err := sw.MergeCell(fmt.Sprintf("A%d", total), fmt.Sprintf("C%d", total)); err != nil {
		return err
	}
	return sw.Flush()
}

// stated is a stated figure, or an empty cell when the files state none.
func stated(m map[string]int, key string) any {
	if v, ok := m[key]; ok {
		return v
	}
	return ""
}

var issueHeads = []string{"序号", "单位", "问题类别", "问题序号", "存在问题", "完成情况", "整改时限", "责任领导", "责任单位", "责任人", "是否超期", "来源"}
var issueWidths = []float64{7, 20, 20, 8, 40, 10, 13, 10, 14, 10, 8, 30}

// issueCells are the cells every issue sheet shares: unit to responsible.
func (b *book) issueCells(seq int, is *Issue) []any {
	dl, dlStyle := any(""), b.st.Center
	if is.Deadline != "" {
		dl, dlStyle = ledger.DeadlineCell(is.Deadline, b.st)
	}
	r := is.Responsible
	return []any{b.center(seq), b.text(is.Unit), b.text(is.Category), b.center(is.Number), b.text(is.Title),
		b.center(notice.StatusLabel[is.Status]), excelize.Cell{StyleID: dlStyle, Value: dl}, b.center(r.Leader), b.center(r.Unit), b.center(r.Person)}
}

func (b *book) issues(r *Result) error {
	count := 0
	for _, u := range r.Units {
		count += len(u.Issues)
	}
	if err := b.prepare(SheetIssues, issueHeads, count, false); err != nil {
		return err
	}
	sw, err := b.stream(SheetIssues, "巡察反馈问题整改情况明细", note(r), issueHeads, issueWidths)
	if err != nil {
		return err
	}
	row := firstDataRow
	for _, u := range r.Units {
		for _, is := range u.Issues {
			over := ""
			if is.Overdue {
				over = "超期"
			}
			src := strings.Join(is.Sources, "\n")
			cells := append(b.issueCells(row-firstDataRow+1, is), excelize.Cell{StyleID: b.st.Center, Value: over}, b.text(src))
			if is.Overdue {
				cells[10] = excelize.Cell{StyleID: b.alert, Value: over}
			}
			h := height(issueWidths, map[int]string{1: is.Unit, 2: is.Category, 4: is.Title, 11: src})
			if err := sw.SetRow(fmt.Sprintf("A%d", row), cells, excelize.RowOpts{Height: h}); err != nil {
				return err
			}
			row++
		}
	}
	return sw.Flush()
}

var overdueHeads = []string{"序号", "单位", "问题类别", "问题序号", "存在问题", "完成情况", "整改时限", "责任领导", "责任单位", "责任人", "超期天数", "来源"}

func (b *book) overdue(r *Result) error {
	var list []*Issue
	for _, u := range r.Units {
		for _, is := range u.Issues {
			if is.Overdue {
				list = append(list, is)
			}
		}
	}
	// The longest overdue first; within a day, in 汇总's unit order.
	sort.SliceStable(list, func(i, j int) bool { return list[i].DaysOverdue > list[j].DaysOverdue })
	if err := b.prepare(SheetOverdue, overdueHeads, len(list), false); err != nil {
		return err
	}
	sw, err := b.stream(SheetOverdue, "超期未完成的问题", fmt.Sprintf("截至%s，整改时限已过仍未完成的问题共%d个（已完成、长期坚持的不计）", notice.ChineseDate(r.Today), len(list)), overdueHeads, issueWidths)
	if err != nil {
		return err
	}
	for i, is := range list {
		src := strings.Join(is.Sources, "\n")
		cells := append(b.issueCells(i+1, is), excelize.Cell{StyleID: b.alert, Value: is.DaysOverdue}, b.text(src))
		h := height(issueWidths, map[int]string{1: is.Unit, 2: is.Category, 4: is.Title, 11: src})
		if err := sw.SetRow(fmt.Sprintf("A%d", firstDataRow+i), cells, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func (b *book) accountability(r *Result) error {
	var units []*Unit
	perMeasure := map[string]int{}
	for _, u := range r.Units {
		if u.Accountability == nil {
			continue
		}
		units = append(units, u)
		for k, v := range u.Accountability.Measures {
			perMeasure[k] += v
		}
	}
	measures := make([]string, 0, len(perMeasure))
	for k := range perMeasure {
		measures = append(measures, k)
	}
	// The measures used most come first, as reports list them.
	sort.Slice(measures, func(i, j int) bool {
		if perMeasure[measures[i]] != perMeasure[measures[j]] {
			return perMeasure[measures[i]] > perMeasure[measures[j]]
		}
		return measures[i] < measures[j]
	})
	heads := append([]string{"序号", "单位", "问责人数"}, measures...)
	heads = append(heads, "各处理方式合计")
	widths := []float64{6, 24, 10}
	for range measures {
		widths = append(widths, 11)
	}
	widths = append(widths, 12)
	if err := b.prepare(SheetAccount, heads, len(units), false); err != nil {
		return err
	}
	sw, err := b.stream(SheetAccount, "问责情况", fmt.Sprintf("按单位和处理方式统计；%d个单位写明了问责情况，其余%d个单位没有", len(units), len(r.Units)-len(units)), heads, widths)
	if err != nil {
		return err
	}
	firstM, _ := excelize.ColumnNumberToName(4)
	lastM, _ := excelize.ColumnNumberToName(3 + len(measures))
	for i, u := range units {
		row := firstDataRow + i
		cells := []any{b.center(i + 1), b.text(u.Name), b.center(u.AccountTotal)}
		sum := 0
		for _, m := range measures {
			if v, ok := u.Accountability.Measures[m]; ok {
				cells = append(cells, b.center(v))
				sum += v
			} else {
				cells = append(cells, b.center(""))
			}
		}
		if len(measures) > 0 {
			cells = append(cells, excelize.Cell{StyleID: b.st.Center, Formula: fmt.Sprintf("SUM(%s%d:%s%d)", firstM, row, lastM, row), Value: sum})
		} else {
			cells = append(cells, b.center(0))
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", row), cells, excelize.RowOpts{Height: height(widths, map[int]string{1: u.Name})}); err != nil {
			return err
		}
	}
	total := firstDataRow + len(units)
	cells := []any{excelize.Cell{StyleID: b.st.Total, Value: "合计"}, excelize.Cell{StyleID: b.st.Total}}
	all := 0
	for _, u := range units {
		all += u.AccountTotal
	}
	sumsByCol := []int{all}
	grand := 0
	for _, m := range measures {
		sumsByCol = append(sumsByCol, perMeasure[m])
		grand += perMeasure[m]
	}
	sumsByCol = append(sumsByCol, grand)
	for i, v := range sumsByCol {
		c, _ := excelize.ColumnNumberToName(3 + i)
		if len(units) == 0 {
			cells = append(cells, excelize.Cell{StyleID: b.st.Total, Value: 0})
			continue
		}
		cells = append(cells, excelize.Cell{StyleID: b.st.Total, Formula: fmt.Sprintf("SUM(%s%d:%s%d)", c, firstDataRow, c, total-1), Value: v})
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", total), cells, excelize.RowOpts{Height: 22}); err != nil {
		return err
	}
	if err := sw.MergeCell(fmt.Sprintf("A%d", total), fmt.Sprintf("B%d", total)); err != nil {
		return err
	}
	return sw.Flush()
}

var findingHeads = []string{"序号", "单位", "文件", "级别", "问题序号", "位置", "说明"}
var findingWidths = []float64{7, 20, 28, 8, 8, 18, 60}

func (b *book) findings(r *Result) error {
	list := sortedFindings(r)
	if err := b.prepare(SheetFindings, findingHeads, len(list), false); err != nil {
		return err
	}
	sw, err := b.stream(SheetFindings, "校对发现的问题和各单位材料之间的不一致", note(r), findingHeads, findingWidths)
	if err != nil {
		return err
	}
	for i, fd := range list {
		issue := any("")
		if fd.Issue > 0 {
			issue = fd.Issue
		}
		level := b.center(levelWords[fd.Level])
		if fd.Level == Conflict || fd.Level == check.Error {
			level.StyleID = b.alert
		}
		cells := []any{b.center(i + 1), b.text(fd.Unit), b.text(fd.File), level, b.center(issue), b.text(fd.Location), b.text(fd.Message)}
		h := height(findingWidths, map[int]string{1: fd.Unit, 2: fd.File, 5: fd.Location, 6: fd.Message})
		if err := sw.SetRow(fmt.Sprintf("A%d", firstDataRow+i), cells, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// sortedFindings orders findings by unit as 汇总 lists them, then
// disagreements, errors, warnings and notes, each by issue.
func sortedFindings(r *Result) []*Finding {
	order := map[string]int{}
	for i, u := range r.Units {
		order[u.Name+"\x00"] = i
	}
	rank := map[string]int{Conflict: 0, check.Error: 1, check.Warning: 2, check.Info: 3}
	list := append([]*Finding(nil), r.Findings...)
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if order[a.Unit+"\x00"] != order[b.Unit+"\x00"] {
			return order[a.Unit+"\x00"] < order[b.Unit+"\x00"]
		}
		if rank[a.Level] != rank[b.Level] {
			return rank[a.Level] < rank[b.Level]
		}
		return a.Issue < b.Issue
	})
	return list
}

var fileHeads = []string{"序号", "文件", "格式", "单位", "单位依据", "巡察轮次", "问题数", "处理结果"}
var fileWidths = []float64{6, 36, 7, 22, 14, 16, 8, 50}

func (b *book) files(r *Result) error {
	if err := b.prepare(SheetFiles, fileHeads, len(r.Files), false); err != nil {
		return err
	}
	sw, err := b.stream(SheetFiles, "收到的文件", note(r), fileHeads, fileWidths)
	if err != nil {
		return err
	}
	for i, fl := range r.Files {
		outcome := b.text(fl.Outcome)
		if fl.Error != "" {
			outcome.StyleID = b.alert
		}
		cells := []any{b.center(i + 1), b.text(fl.Path), b.center(fl.Format), b.text(fl.Unit), b.center(fl.UnitBy), b.center(fl.Round), b.center(fl.Issues), outcome}
		h := height(fileWidths, map[int]string{1: fl.Path, 3: fl.Unit, 7: fl.Outcome})
		if err := sw.SetRow(fmt.Sprintf("A%d", firstDataRow+i), cells, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
	}
	return sw.Flush()
}
