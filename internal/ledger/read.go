package ledger

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
	"github.com/xuri/excelize/v2"
)

// Limits on what a reader accepts: a ledger is far smaller, a zip bomb is not.
const (
	maxUnzipped  = 256 << 20
	maxXMLPart   = 64 << 20
	maxRows      = 1 << 20 // Excel's sheet limit, 1,048,576 rows
	maxCols      = 200
	headerSearch = 20 // header rows are looked for among the first rows
)

// Grid is one sheet as text cells, with what the text loses: which cells are
// real dates (as ISO at their shown precision) and the merged ranges.
type Grid struct {
	Sheet  string
	Rows   [][]string
	Dates  map[[2]int]string // [row, col] → ISO date
	Merges []Merge
}

// Merge is a merged range, 0-based and inclusive.
type Merge struct{ R1, C1, R2, C2 int }

func (g *Grid) cell(r, c int) string {
	if r < len(g.Rows) && c < len(g.Rows[r]) {
		return strings.TrimSpace(g.Rows[r][c])
	}
	return ""
}

// ReadOptions selects a sheet.
type ReadOptions struct {
	Sheet string
}

// ErrNoHeader is returned when no sheet has a ledger header.
var ErrNoHeader = errors.New("没有找到整改台账的表头（应有“序号”“存在问题”“整改措施”“完成情况”等列）")

// Read reads a ledger of the given kind ("xlsx", "xls" or "csv").
func Read(data []byte, kind string, opt ReadOptions) (*notice.Notice, error) {
	var grids []Grid
	var err error
	switch kind {
	case "xlsx":
		grids, err = gridsXLSX(data)
	case "xls":
		grids, err = gridsXLS(data)
	case "csv":
		var g Grid
		g, err = gridCSV(data)
		grids = []Grid{g}
	default:
		return nil, fmt.Errorf("不支持的台账格式 %s", kind)
	}
	if err != nil {
		return nil, err
	}
	if opt.Sheet != "" {
		for _, g := range grids {
			if g.Sheet == opt.Sheet {
				return fromGrid(&g)
			}
		}
		var names []string
		for _, g := range grids {
			names = append(names, g.Sheet)
		}
		return nil, fmt.Errorf("没有名为“%s”的工作表（有：%s）", opt.Sheet, strings.Join(names, "、"))
	}
	// Pick the sheet that looks most like a ledger.
	best, bestScore := -1, 0
	for i := range grids {
		if _, _, score := findHeader(&grids[i]); score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return nil, ErrNoHeader
	}
	return fromGrid(&grids[best])
}

// findHeader finds the header row (and a second header row under a merged
// group) and maps columns to fields. score counts the fields found.
func findHeader(g *Grid) (cols map[int]Field, dataStart int, score int) {
	bestRow := -1
	for r := 0; r < min(len(g.Rows), headerSearch); r++ {
		seen := map[Field]bool{}
		for c := range g.Rows[r] {
			if f := fieldOf(g.cell(r, c)); f != FieldNone {
				seen[f] = true
			}
		}
		if len(seen) > score {
			score, bestRow = len(seen), r
		}
	}
	if score < 3 || !hasCore(g, bestRow) {
		return nil, 0, 0
	}
	cols = map[int]Field{}
	width := len(g.Rows[bestRow])
	if bestRow+1 < len(g.Rows) {
		width = max(width, len(g.Rows[bestRow+1]))
	}
	sub := 0
	for c := 0; c < width; c++ {
		f := fieldOf(g.cell(bestRow, c))
		// A group cell over two rows ("责任主体" over 责任领导/责任单位/责任人):
		// the row below names the column.
		if bestRow+1 < len(g.Rows) {
			if f2 := fieldOf(g.cell(bestRow+1, c)); f2 != FieldNone && (f == FieldNone || g.cell(bestRow, c) == "" || isGroupCell(g, bestRow, c)) {
				f = f2
				sub++
			}
		}
		if f != FieldNone && !containsField(cols, f) {
			cols[c] = f
		}
	}
	dataStart = bestRow + 1
	if sub > 0 {
		dataStart++
		score += sub
	}
	return cols, dataStart, len(cols)
}

func hasCore(g *Grid, r int) bool {
	for c := range g.Rows[r] {
		switch fieldOf(g.cell(r, c)) {
		case FieldTitle, FieldActions:
			return true
		}
	}
	return false
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

var footerRe = lazyre.New(`^(填表人|审核人|制表人|填报人|联系人|联系电话|注[:：]|说明[:：]|备注[:：])`)
var fillRe = lazyre.New(`填报单位[:：]\s*(.+?)(?:（盖章）|\(盖章\))?\s*(?:填报时间|填报日期|时间)[:：]\s*(.+)$`)

var fillUnitRe = lazyre.New(`^填报单位[:：]\s*(.+?)\s*(?:（盖章）|\(盖章\))?$`)

// A ledger's title: the unit, then what the ledger is about, ending in
// 台账 (or 清单, 情况表…). The unit is what comes before 关于, or else
// before the first word of the subject (县委巡察, 整改…), and must end like the
// name of a unit, so that a title without one (“巡察反馈问题整改台账”)
// names none.
var (
	ledgerTitleRe = lazyre.New(`(?:台账|台帐|清单|情况表|一览表|统计表)\s*(?:[（(][^）)]*[）)])?$`)
	titleYearRe   = lazyre.New(`^\d{4}\s*年度?\s*`)
	subjectRe     = lazyre.New(`(?:[省市县区州盟旗]委)?(?:第[一二三四五六七八九十\d]+轮)?(?:巡察|巡视)|第[一二三四五六七八九十\d]+轮|落实|反馈|整改`)
	unitSuffixRe  = lazyre.New(`(?:局|委|办|院|校|中心|公司|集团|镇|乡|街道|所|站|部|厅|处|队|馆|会|社|行|党组|党委|支部|总支|政府|医院|学校|大学|学院|中学|小学|幼儿园|委员会|办公室|管委会|场|室)$`)
)

// unitOfTitle is the unit a ledger's title line names, or "".
func unitOfTitle(line string) string {
	line = clean(line)
	if !ledgerTitleRe.MatchString(line) {
		return ""
	}
	line = line[len(titleYearRe.FindString(line)):]
	cut := strings.Index(line, "关于")
	if cut < 0 {
		loc := subjectRe.FindStringIndex(line)
		if loc == nil {
			return ""
		}
		cut = loc[0]
	}
	unit := strings.TrimSpace(line[:cut])
	if utf8.RuneCountInString(unit) < 2 || !unitSuffixRe.MatchString(unit) {
		return ""
	}
	return unit
}

// fromGrid turns a ledger sheet into the model.
func fromGrid(g *Grid) (*notice.Notice, error) {
	cols, start, _ := findHeader(g)
	if cols == nil {
		return nil, ErrNoHeader
	}
	n := &notice.Notice{Format: notice.FormatVersion}
	// Title and 填报 lines above the header: the 填报单位 line names the
	// unit; without one, a title such as “某某县卫生健康局巡察整改台账” does.
	titleUnit := ""
	for r := 0; r < start && r < len(g.Rows); r++ {
		line := strings.TrimSpace(strings.Join(g.Rows[r], " "))
		if m := fillRe.FindStringSubmatch(line); m != nil {
			n.Issuer = strings.TrimSpace(m[1])
			if d := notice.FindDates(m[2]); len(d) > 0 {
				n.Date = d[0].ISO
			}
		} else if m := fillUnitRe.FindStringSubmatch(line); m != nil {
			n.Issuer = strings.TrimSpace(m[1])
		} else if u := unitOfTitle(line); u != "" && titleUnit == "" {
			titleUnit = u
		}
	}
	if n.Issuer == "" {
		n.Issuer = titleUnit
	}
	fill := newFiller(g, cols)
	var cat *notice.Category
	// All issues in one array sized by the rows, sliced per category at the
	// end: growing each category's slice by doubling cost more memory than
	// the issues themselves for a sheet of a million rows.
	all := make([]notice.Issue, 0, max(0, len(g.Rows)-start))
	firstOf := []int{}
	seq := 0
	section, sectionNum := "", 0 // the heading row ("一、…方面") the rows below belong to
	// This loop decides what each row is (heading, issue, footer) and takes
	// its cells; reading the cells' text into the issue (actions split,
	// status, deadline) is most of the work and is done by workers.
	work := newIssueWorkers()
	lastCatRaw, lastCat := "", ""
	batch := make([]rowCells, 0, rowBatch)
	for r := start; r < len(g.Rows); r++ {
		if r > start {
			g.Rows[r-1] = nil // read: let it go (a 100,000-row ledger is large)
		}
		fill.see(r)
		get := func(f Field) string { return fill.get(r, f) }
		first := ""
		for _, v := range g.Rows[r] {
			if strings.TrimSpace(v) != "" {
				first = strings.TrimSpace(v)
				break
			}
		}
		if first == "" {
			continue
		}
		if footerRe.MatchString(first) {
			break
		}
		if num, heading, ok := sectionRow(g, cols, r); ok {
			section, sectionNum = heading, num
			continue
		}
		rc := rowCells{title: get(FieldTitle), actions: get(FieldActions)}
		if rc.actions == "" && cleansToNothing(rc.title) {
			continue
		}
		// Rows of a category repeat its cell (merged or carried down):
		// clean it once.
		if raw := get(FieldCategory); raw != lastCatRaw {
			lastCatRaw, lastCat = raw, clean(raw)
		}
		catTitle := lastCat
		catNum := len(n.Categories) + 1
		if catTitle == "" && section != "" {
			catTitle = section
			if sectionNum > 0 {
				catNum = sectionNum
			}
		}
		if cat == nil || cat.Title != catTitle {
			n.Categories = append(n.Categories, notice.Category{Number: catNum, Title: catTitle})
			cat = &n.Categories[len(n.Categories)-1]
			firstOf = append(firstOf, len(all))
		}
		seq++
		all = append(all, notice.Issue{Number: seq, Source: &notice.Source{Sheet: g.Sheet, Row: r + 1}})
		rc.is = &all[len(all)-1] // all never grows past its capacity: no move
		rc.number, rc.progress, rc.status = get(FieldNumber), get(FieldProgress), get(FieldStatus)
		rc.deadline, rc.deadlineDate = get(FieldDeadline), fill.date(r, FieldDeadline)
		rc.leader, rc.unit, rc.person = get(FieldLeader), get(FieldUnit), get(FieldPerson)
		rc.remarks = get(FieldRemarks)
		if batch = append(batch, rc); len(batch) == rowBatch {
			work.do(batch)
			batch = make([]rowCells, 0, rowBatch)
		}
	}
	work.do(batch)
	work.wait()
	for i := range n.Categories {
		end := len(all)
		if i+1 < len(firstOf) {
			end = firstOf[i+1]
		}
		n.Categories[i].Issues = all[firstOf[i]:end:end]
	}
	if seq == 0 {
		return nil, errors.New("台账表头下没有问题行")
	}
	return n, nil
}

// rowCells is what a data row's cells say, as the sheet shows them (merged
// and carried values filled in), and the issue they are read into.
type rowCells struct {
	is                            *notice.Issue
	title, actions, number        string
	progress, status              string
	deadline, deadlineDate        string
	leader, unit, person, remarks string
}

// rowBatch rows are handed to a worker at a time.
const rowBatch = 512

// issueWorkers read batches of rows into their issues, one worker a CPU.
type issueWorkers struct {
	batches chan []rowCells
	wg      sync.WaitGroup
}

func newIssueWorkers() *issueWorkers {
	w := &issueWorkers{batches: make(chan []rowCells, 4)}
	for range max(1, runtime.GOMAXPROCS(0)) {
		w.wg.Go(func() {
			for b := range w.batches {
				for i := range b {
					b[i].read()
				}
			}
		})
	}
	return w
}

func (w *issueWorkers) do(b []rowCells) {
	if len(b) > 0 {
		w.batches <- b
	}
}

func (w *issueWorkers) wait() {
	close(w.batches)
	w.wg.Wait()
}

// read fills the issue from the row's cells.
func (rc *rowCells) read() {
	is := rc.is
	if v, err := strconv.Atoi(strings.TrimSpace(rc.number)); err == nil && v > 0 {
		is.Number = v
	}
	is.Title = issueTitle(clean(rc.title))
	cell := normalizeCell(rc.actions)
	lead, acts := textnotice.SplitActions(cell)
	is.Lead, is.Actions = lead, acts
	is.Ordinals = len(acts) == 1 && strings.HasPrefix(strings.TrimPrefix(cell, lead), "一是")
	if is.Actions == nil {
		is.Actions = []notice.Action{}
	}
	is.Progress = clean(rc.progress)
	statusText := clean(rc.status)
	if st, ok := notice.ParseStatus(statusText); ok {
		is.Status, is.StatusText = st, statusText
	} else if st, w := notice.FindStatus(is.Progress); st != "" {
		is.Status, is.StatusText = st, w
	} else if statusText != "" {
		is.StatusText = statusText
	}
	is.Deadline = rc.deadlineDate
	if is.Deadline == "" {
		is.Deadline = deadlineText(rc.deadline)
	}
	leader, unit, person := clean(rc.leader), clean(rc.unit), clean(rc.person)
	if leader+unit+person != "" {
		is.Responsible = &notice.Responsible{Leader: leader, Unit: unit, Person: person}
	}
	is.Remarks = clean(rc.remarks)
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
	if v := f.g.cell(r, c); v != "" {
		return v
	}
	// Ranges do not overlap: the last one starting at or above r is the
	// only one that can cover it.
	ms := f.merges[c]
	if i, _ := slices.BinarySearchFunc(ms, r+1, func(m mergeValue, t int) int { return m.r1 - t }); i > 0 && ms[i-1].r2 >= r {
		return ms[i-1].value
	}
	if fl == FieldCategory {
		return f.carry
	}
	return ""
}

// date is row r's cell of a field when it is a real date (ISO at the
// precision its format shows).
func (f *filler) date(r int, fl Field) string {
	if c := f.col[fl]; c >= 0 {
		return f.g.Dates[[2]int{r, c}]
	}
	return ""
}

// deadlineText reads a deadline written as text, such as "2025年12月",
// "2025.12" or "立行立改", parsed or kept.
func deadlineText(text string) string {
	text = clean(text)
	if text == "" {
		return ""
	}
	if v, err := strconv.ParseFloat(text, 64); err == nil && v > 20000 && v < 80000 && v == math.Trunc(v) {
		if t, err := excelize.ExcelDateToTime(v, false); err == nil {
			return t.Format("2006-01-02") // a date serial that lost its format (CSV)
		}
	}
	return notice.ParseDeadline(text)
}

// cleansToNothing is clean(s) == "" without building the cleaned text when
// s has none of the characters clean drops (markdown emphasis, zero-width
// marks): then only white space cleans to nothing.
func cleansToNothing(s string) bool {
	if strings.ContainsAny(s, "*_\u200b\ufeff") {
		return clean(s) == ""
	}
	return strings.TrimSpace(s) == ""
}

func clean(s string) string {
	return strings.TrimSpace(textnotice.NormalizeLine(strings.ReplaceAll(s, "\n", "")))
}

// normalizeCell normalises each line of a multi-line cell, keeping the lines.
func normalizeCell(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = textnotice.NormalizeLine(l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

var quotedRe = lazyre.New(`^关于“(.+)”的?问题$`)

// issueTitle keeps the words inside 关于“…”的问题 when a cell has the wrapper.
func issueTitle(s string) string {
	if m := quotedRe.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return s
}

// FromGrid reads a ledger from cells that came from elsewhere (a table in a
// Word notice): the same header synonyms and row rules as a sheet.
func FromGrid(g *Grid) (*notice.Notice, error) { return fromGrid(g) }
