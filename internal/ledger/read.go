package ledger

import (
	"cmp"
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
	// Hidden marks the columns the sheet hides (only the first maxCols).
	Hidden []bool
	// HiddenSheet: the workbook hides the sheet (a list for drop-downs, an
	// older copy): read only when no sheet in view holds a ledger.
	HiddenSheet bool
}

func (g *Grid) hideColumn(c int) {
	if c < 0 || c >= maxCols {
		return
	}
	if g.Hidden == nil {
		g.Hidden = make([]bool, maxCols)
	}
	g.Hidden[c] = true
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
	return fromGrids(grids)
}

// fromGrids reads every sheet that holds a ledger, in workbook order:
// offices keep one sheet per 巡察组 or per category, beside a cover, a 统计
// sheet and 填表说明 that are no ledger. When several sheets hold issues, a
// sheet without categories of its own becomes a category named by the
// sheet; a sheet that only repeats issues already read is left out. The 填报单位 and date may stand on any sheet (a cover).
func fromGrids(grids []Grid) (*notice.Notice, error) {
	var n *notice.Notice
	var firstErr error
	var sheets []*notice.Notice
	var names []string
	ledgers := make([]bool, len(grids))
	shown := false // a sheet in view holds a ledger header
	for i := range grids {
		ledgers[i] = findHeader(&grids[i]).score > 0
		shown = shown || ledgers[i] && !grids[i].HiddenSheet
	}
	for i := range grids {
		if !ledgers[i] || shown && grids[i].HiddenSheet {
			continue
		}
		name := grids[i].Sheet
		one, err := fromGrid(&grids[i])
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if repeats(one, sheets) {
			continue // a view of issues already read (未完成事项, 销号清单)
		}
		sheets, names = append(sheets, one), append(names, name)
	}
	switch len(sheets) {
	case 0:
		if firstErr != nil {
			return nil, firstErr
		}
		return nil, ErrNoHeader
	case 1:
		n = sheets[0]
	default:
		n = &notice.Notice{Format: notice.FormatVersion}
		for i, one := range sheets {
			if len(one.Categories) == 1 && one.Categories[0].Title == "" {
				one.Categories[0].Title = names[i]
			}
			for _, c := range one.Categories {
				c.Number = len(n.Categories) + 1
				n.Categories = append(n.Categories, c)
			}
			n.Unplaced = append(n.Unplaced, one.Unplaced...)
			if n.Issuer == "" {
				n.Issuer = one.Issuer
			}
			if n.Date == "" {
				n.Date = one.Date
			}
		}
	}
	// A cover sheet (封面) may name the unit and the date.
	for i := range grids {
		if n.Issuer != "" && n.Date != "" {
			break
		}
		if !ledgers[i] {
			unit, date, _ := fillLines(&grids[i], min(len(grids[i].Rows), headerSearch))
			n.Issuer = cmp.Or(n.Issuer, unit)
			n.Date = cmp.Or(n.Date, date)
		}
	}
	return n, nil
}

// header is where a sheet's header stands and what its columns mean.
type header struct {
	cols  map[int]Field  // column → field
	marks map[int]string // tick columns under a status group ("完成情况" over 已完成/正在推进): column → its status word
	// extra are the columns that name no field of the model (佐证材料,
	// 整改目标, a second 责任人), by header, in order; their text is kept
	// in the issue's remarks under that header, so that nothing is lost.
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

// A row that starts with one of these ends the table: signatures and notes.
var footerRe = lazyre.New(`^(填表人|审核人|制表人|填报人|联系人|联系电话|注[:：]|说明[:：]|备注[:：]|(?:填表|填报|制表)说明|(?:单位)?(?:主要)?负责人[:：（(])`)

// totalRow: a 合计/小计 row between or below the issues, never an issue.
func totalRow(first string) bool {
	return strings.HasPrefix(first, "合计") || strings.HasPrefix(first, "小计") || strings.HasPrefix(first, "总计")
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

// The 填报单位 line names the unit, the 填报日期 line (often the same line)
// the date; 报送 and 填表 say the same, and （盖章） may stand on either side
// of the colon.
var (
	fillUnitRe = lazyre.New(`(?:填报|报送|填表)单位\s*(?:（盖章）|\(盖章\))?\s*[:：]\s*(.+?)\s*(?:（盖章）|\(盖章\))?\s*(?:(?:填报|报送|填表)?(?:时间|日期)\s*[:：].*)?$`)
	fillDateRe = lazyre.New(`(?:填报|报送|填表)?(?:时间|日期)\s*[:：]\s*(.+)$`)
)

// fillLines reads the unit and date from the lines above a header (rows
// before end) and the unit a title line names.
func fillLines(g *Grid, end int) (unit, date, titleUnit string) {
	for r := 0; r < end && r < len(g.Rows); r++ {
		line := strings.TrimSpace(strings.Join(g.Rows[r], " "))
		if m := fillUnitRe.FindStringSubmatch(line); m != nil && unit == "" {
			unit = strings.TrimSpace(m[1])
		}
		if m := fillDateRe.FindStringSubmatch(line); m != nil && date == "" {
			if d := notice.FindDates(m[1]); len(d) > 0 {
				date = d[0].ISO
			}
		}
		if u := unitOfTitle(line); u != "" && titleUnit == "" {
			titleUnit = u
		}
	}
	return unit, date, titleUnit
}

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

// repeats: every issue of one is an issue of an earlier sheet, by title.
func repeats(one *notice.Notice, earlier []*notice.Notice) bool {
	if len(earlier) == 0 {
		return false
	}
	seen := map[string]bool{}
	for _, e := range earlier {
		for _, c := range e.Categories {
			for _, is := range c.Issues {
				seen[is.Title] = true
			}
		}
	}
	for _, c := range one.Categories {
		for _, is := range c.Issues {
			if !seen[is.Title] {
				return false
			}
		}
	}
	return true
}

// fromGrid turns a ledger sheet into the model.
func fromGrid(g *Grid) (*notice.Notice, error) {
	h := findHeader(g)
	if h.score == 0 {
		return nil, ErrNoHeader
	}
	cols, start := h.cols, h.start
	n := &notice.Notice{Format: notice.FormatVersion}
	// Title and 填报 lines above the header: the 填报单位 line names the
	// unit; without one, a title such as “某某县卫生健康局巡察整改台账” does.
	unit, date, titleUnit := fillLines(g, start)
	n.Issuer, n.Date = cmp.Or(unit, titleUnit), date
	fill := newFiller(g, cols)
	var cat *notice.Category
	// All issues in one array sized by the rows, sliced per category at the
	// end: growing each category's slice by doubling cost more memory than
	// the issues themselves for a sheet of a million rows.
	all := make([]notice.Issue, 0, max(0, len(g.Rows)-start))
	firstOf := []int{}
	seq := 0
	section, sectionNum := "", 0 // the heading row ("一、…方面") the rows below belong to
	// This loop decides what each row is (heading, issue, a further row of
	// the issue above, total, footer) and takes its cells; reading the
	// cells' text into the issue (actions split, status, deadline) is most
	// of the work and is done by workers once the issue's last row is seen.
	work := newIssueWorkers()
	lastCatRaw, lastCat := "", ""
	batch := make([]rowCells, 0, rowBatch)
	// The issue being read is the batch's last row, open (further rows of
	// it may follow) until a heading or the next issue starts; a full batch
	// is handed to the workers only then.
	open := false
	closeIssue := func() { open = false }
	repeated := false // a header row written again has been seen
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
		if totalRow(first) {
			continue
		}
		if repeatedHeader(g, fill, h, r) {
			// The block above this header had the heading above the
			// sheet's first header: that heading is its category.
			if !repeated && len(n.Categories) > 0 && n.Categories[0].Title == "" && h.top > 0 {
				if num, heading, ok := sectionRow(g, cols, h.top-1); ok && !ledgerTitleRe.MatchString(heading) && !fillUnitRe.MatchString(heading) {
					n.Categories[0].Number, n.Categories[0].Title = max(num, 1), heading
				}
			}
			repeated = true
			closeIssue()
			continue
		}
		if num, heading, ok := sectionRow(g, cols, r); ok {
			closeIssue()
			section, sectionNum = heading, num
			continue
		}
		if num, heading, ok := headingRow(g, fill, h, r); ok {
			closeIssue()
			section, sectionNum = heading, num
			continue
		}
		rc := rowCells{title: get(FieldTitle), actions: get(FieldActions)}
		if h.marks != nil {
			rc.mark = fill.mark(r, h.marks)
		}
		if h.extra != nil || len(g.Rows[r]) > h.width {
			rc.extra = fill.extra(r, h)
		}
		if open && fill.continues(r, &batch[len(batch)-1]) {
			batch[len(batch)-1].add(&rc, fill, r)
			continue
		}
		if rc.actions == "" && cleansToNothing(rc.title) {
			if text := rowText(g.Rows[r]); text != clean(fill.own(r, FieldNumber)) {
				// Text where no issue is, in no column of its own: kept
				// with its place, for check to show.
				n.Unplaced = append(n.Unplaced, notice.Unplaced{Text: text, Source: &notice.Source{Sheet: g.Sheet, Row: r + 1}})
			}
			continue
		}
		if fill.lone(r) {
			n.Unplaced = append(n.Unplaced, notice.Unplaced{Text: rowText(g.Rows[r]), Source: &notice.Source{Sheet: g.Sheet, Row: r + 1}})
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
		if len(batch) == rowBatch {
			work.do(batch)
			batch = make([]rowCells, 0, rowBatch)
		}
		batch, open = append(batch, rc), true
	}
	work.do(batch)
	work.wait()
	if len(n.Date) >= 7 {
		for i := range all {
			datedByMonth(&all[i], n.Date)
		}
	}
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

// rowCells is what a data row's cells say, as the sheet shows them (merged
// and carried values filled in), and the issue they are read into.
type rowCells struct {
	is                            *notice.Issue
	title, actions, number        string
	progress, status, mark        string
	deadline, deadlineDate        string
	leader, unit, person, remarks string
	extra                         string // the extra columns' text, "佐证材料：…"
	// more holds every row of an issue that spans several rows (merged
	// 序号/问题 cells over one measure a row, or measures on rows of their
	// own with 序号 and 问题 left blank), the first one included.
	more []rowCells
}

// add takes row r, a further row of the open issue.
func (rc *rowCells) add(next *rowCells, f *filler, r int) {
	if rc.more == nil {
		first := *rc
		first.is = nil
		rc.more = []rowCells{first}
	}
	next.progress, next.status = f.get(r, FieldProgress), f.get(r, FieldStatus)
	next.deadline, next.deadlineDate = f.get(r, FieldDeadline), f.date(r, FieldDeadline)
	next.leader, next.unit, next.person = f.get(r, FieldLeader), f.get(r, FieldUnit), f.get(r, FieldPerson)
	next.remarks = f.get(r, FieldRemarks)
	rc.more = append(rc.more, *next)
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
	if v := issueNumber(rc.number); v > 0 {
		is.Number = v
	}
	is.Title = issueTitle(clean(rc.title))
	if rc.more != nil {
		rc.readRows()
		return
	}
	cell := normalizeCell(rc.actions)
	lead, acts := textnotice.SplitActions(cell)
	is.Lead, is.Actions = lead, acts
	is.Ordinals = len(acts) == 1 && strings.HasPrefix(strings.TrimPrefix(cell, lead), "一是")
	if is.Actions == nil {
		is.Actions = []notice.Action{}
	}
	is.Progress = clean(rc.progress)
	is.Status, is.StatusText = statusOf(clean(rc.status), rc.mark, is.Progress)
	is.Deadline, is.DeadlineText = deadlineOf(rc.deadline, rc.deadlineDate)
	leader, unit, person := clean(rc.leader), clean(rc.unit), clean(rc.person)
	if leader+unit+person != "" {
		is.Responsible = &notice.Responsible{Leader: leader, Unit: unit, Person: person}
	}
	is.Remarks = joinTexts(addDistinct(addDistinct(nil, rc.remarks), rc.extra))
}

// readRows reads an issue that spans several rows: every row's measures are
// its actions, in order; whoever answers for any of them answers for it; it
// is due when its last measure is; and it is as far along as its least
// finished measure.
func (rc *rowCells) readRows() {
	is := rc.is
	is.Actions = []notice.Action{}
	var seenActs, leaders, units, persons, progress, remarks []string
	rank := len(statusRank)
	deadline, deadlineWords, deadlineKey := "", "", ""
	for _, p := range rc.more {
		if a := normalizeCell(p.actions); a != "" && !slices.Contains(seenActs, a) {
			seenActs = append(seenActs, a)
			lead, acts := textnotice.SplitActions(a)
			if lead != "" {
				is.Actions = append(is.Actions, notice.Action{Text: lead})
			}
			is.Actions = append(is.Actions, acts...)
		}
		leaders, units, persons = addDistinct(leaders, p.leader), addDistinct(units, p.unit), addDistinct(persons, p.person)
		progress, remarks = addDistinct(progress, p.progress), addDistinct(remarks, p.remarks)
		remarks = addDistinct(remarks, p.extra)
		if st, text := statusOf(clean(p.status), p.mark, clean(p.progress)); st != "" && statusRank[st] < rank {
			rank, is.Status, is.StatusText = statusRank[st], st, text
		}
		if d, words := deadlineOf(p.deadline, p.deadlineDate); d != "" {
			if k := dateKey(d); deadline == "" || k > deadlineKey {
				deadline, deadlineWords, deadlineKey = d, words, k
			}
		}
	}
	is.Deadline, is.DeadlineText = deadline, deadlineWords
	is.Progress, is.Remarks = joinTexts(progress), joinTexts(remarks)
	if len(leaders)+len(units)+len(persons) > 0 {
		is.Responsible = &notice.Responsible{Leader: strings.Join(leaders, "、"), Unit: strings.Join(units, "、"), Person: strings.Join(persons, "、")}
	}
}

// statusRank orders the statuses from least to most finished.
var statusRank = map[string]int{notice.NotStarted: 0, notice.InProgress: 1, notice.Ongoing: 2,
	notice.BasicallyCompleted: 3, notice.Completed: 4}

// dateKey sorts ISO dates of any precision by the last day they cover
// ("2025-12" after "2025-12-15"); text deadlines ("立行立改") sort first.
func dateKey(d string) string {
	if len(d) < 4 || d[0] < '0' || d[0] > '9' {
		return ""
	}
	return d + "-99-99"[len(d)-4:]
}

func addDistinct(list []string, v string) []string {
	if v = clean(v); v != "" && !slices.Contains(list, v) {
		list = append(list, v)
	}
	return list
}

// joinTexts joins a column's texts from several rows into one.
func joinTexts(list []string) string {
	var b strings.Builder
	for i, v := range list {
		if i > 0 && !strings.HasSuffix(list[i-1], "。") && !strings.HasSuffix(list[i-1], "；") {
			b.WriteString("；")
		}
		b.WriteString(v)
	}
	return b.String()
}

// ledgerStatusWords are ways ledgers say how far an issue is that the
// notice vocabulary leaves out, looked for in a progress text when it has
// none of the vocabulary's words.
var ledgerStatusWords = []struct{ word, status string }{
	{"持续推进", notice.InProgress}, {"正在办理", notice.InProgress}, {"办理中", notice.InProgress},
	{"已办结", notice.Completed}, {"已落实", notice.Completed}, {"未销号", notice.InProgress},
	{"进行中", notice.InProgress}, {"正在进行", notice.InProgress}, {"长期", notice.Ongoing},
}

// statusOf reads a row's status: the status column's words, a tick under a
// status column, or else the first status word of the progress text. A bare
// 否 (是否完成) says only that the issue is not finished: the progress text
// says how far it is, when it says so.
func statusOf(status, mark, progress string) (string, string) {
	fromProgress := func() (string, string) {
		if st, w := notice.FindStatus(progress); st != "" {
			return st, w
		}
		for _, w := range ledgerStatusWords {
			if strings.Contains(progress, w.word) {
				return w.status, w.word
			}
		}
		return "", ""
	}
	if status == "" && mark != "" {
		status = mark
	}
	if st, ok := notice.ParseStatus(status); ok {
		if st == notice.NotStarted && (status == "否" || status == "×") {
			if p, w := fromProgress(); p != "" && p != notice.Completed {
				return p, w
			}
		}
		return st, status
	}
	for _, w := range ledgerStatusWords {
		if strings.Contains(status, w.word) {
			return w.status, status
		}
	}
	if st, w := fromProgress(); st != "" {
		return st, w
	}
	return "", status
}

var monthOnlyRe = lazyre.New(`^(\d{1,2})\s*月(?:份)?\s*(?:底|末|中旬|上旬|下旬)?\s*(?:前|之前|以前)?(?:完成)?$`)

// datedByMonth gives a deadline written as a month alone ("12月底前") the
// year of the ledger's date, or the next year when the month has passed by
// then; the words stay in deadline_text.
func datedByMonth(is *notice.Issue, date string) {
	d := is.Deadline
	if !strings.Contains(d, "月") || is.DeadlineText != "" {
		return
	}
	m := monthOnlyRe.FindStringSubmatch(d)
	if m == nil {
		return
	}
	month, _ := strconv.Atoi(m[1])
	year, _ := strconv.Atoi(date[:4])
	now, _ := strconv.Atoi(date[5:7])
	if month < 1 || month > 12 {
		return
	}
	if month < now {
		year++
	}
	is.Deadline, is.DeadlineText = notice.ISODate(year, month, 0), d
}

// deadlineOf is a deadline cell read: the real date, or the text parsed;
// and the cell's words when the date alone would lose what they say (a
// quarter or a half year is due at its last month: "2025年第四季度" →
// 2025-12 and those words).
func deadlineOf(text, date string) (string, string) {
	if date != "" {
		return date, ""
	}
	if m := periodRe.FindStringSubmatch(clean(text)); m != nil {
		y, _ := strconv.Atoi(m[1])
		month := 6
		switch {
		case m[2] != "":
			month = 3 * max(1, issueNumber(m[2]))
		case m[3] == "下":
			month = 12
		}
		return notice.ISODate(y, month, 0), clean(text)
	}
	return deadlineText(text), ""
}

var periodRe = lazyre.New(`^(\d{4})\s*年\s*(?:第\s*([一二三四1-4])\s*季度|([上下])半年)(?:末|底)?(?:前|之前|以前)?(?:完成)?$`)

var numberMarkRe = lazyre.New(`^[（(]?([一二三四五六七八九十百]+|\d+(?:[.\-－]\d+)*)[）)]?[、.．]?$`)

// issueNumber reads a 序号 cell: 3, "3", "（三）", "三、", and "1.3" (the
// third issue under heading 1). It is 0 when the cell is no number.
func issueNumber(s string) int {
	s = strings.TrimSpace(s)
	if v, err := strconv.Atoi(s); err == nil {
		return max(0, v)
	}
	m := numberMarkRe.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	d := m[1]
	if i := strings.LastIndexAny(d, ".-－"); i >= 0 {
		_, size := utf8.DecodeRuneInString(d[i:])
		d = d[i+size:]
	}
	if v, err := strconv.Atoi(d); err == nil {
		return v
	}
	return max(0, notice.CNNumber(d))
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
			parts = append(parts, x.label+"："+v)
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

// lone: row r holds a title and nothing else, not even a number, where the
// sheet numbers its issues: a note between the issues ("以下为移交问题"),
// neither an issue nor a heading.
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
