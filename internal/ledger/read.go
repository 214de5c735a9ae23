package ledger

import (
	"cmp"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
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
	// Links are the targets of cells' hyperlinks (a 佐证材料 file) and
	// Comments the text of their comments (批注), by [row, col]: kept in the
	// remarks of the issue on that row. nil when the sheet has none.
	Links, Comments map[[2]int]string
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

// Read reads a ledger of the given kind ("xlsx", "xls", "csv" or "xmlss",
// Excel 2003 XML).
func Read(data []byte, kind string, opt ReadOptions) (*notice.Notice, error) {
	var grids []Grid
	var err error
	switch kind {
	case "xlsx":
		grids, err = gridsXLSX(data)
	case "xls":
		grids, err = gridsXLS(data)
	case "xmlss":
		grids, err = gridsSpreadsheetML(data)
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
			// A view of issues already read (未完成事项, 销号清单), or
			// one of the “三张清单” (问题清单, 任务清单, 责任清单) adding
			// its columns to the same issues: what it adds is kept.
			fillIn(one, sheets)
			continue
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

// The 填报单位 line names the unit, the 填报日期 line (often the same line)
// the date; 报送 and 填表 say the same, and （盖章） may stand on either side
// of the colon.
var (
	fillUnitRe = lazyre.New(`(?:填报|报送|填表)单位\s*(?:（盖章）|\(盖章\))?\s*[:：]\s*(.+?)\s*(?:（盖章）|\(盖章\))?\s*(?:(?:填报|报送|填表)?(?:时间|日期)\s*[:：].*)?$`)
	fillDateRe = lazyre.New(`(?:填报|报送|填表)?(?:时间|日期)\s*[:：]\s*(.+)$`)
	wideSpaces = strings.NewReplacer("\u3000", " ", "\u00a0", " ")
)

// fillLines reads the unit and date from the lines above a header (rows
// before end) and the unit a title line names.
func fillLines(g *Grid, end int) (unit, date, titleUnit string) {
	for r := 0; r < end && r < len(g.Rows); r++ {
		// Full-width and no-break spaces part 填报单位 from 填报时间 as often
		// as ASCII ones; the patterns' \s knows only ASCII.
		line := strings.TrimSpace(wideSpaces.Replace(strings.Join(g.Rows[r], " ")))
		if m := fillUnitRe.FindStringSubmatch(line); m != nil && unit == "" {
			unit = strings.TrimSpace(m[1])
		}
		if m := fillDateRe.FindStringSubmatch(line); m != nil && date == "" {
			if d := notice.FindDates(m[1]); len(d) > 0 {
				date = d[0].ISO
			} else if f := strings.Fields(m[1]); len(f) > 0 {
				if d := notice.ParseDeadline(f[0]); len(d) == 10 && d[4] == '-' {
					date = d // 2025-12-05, 2025/12/5, 2025.12.05
				}
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

// fillIn gives the earlier sheets' issues what a later sheet listing the
// same issues (by title) says and they leave blank: the 任务清单's actions,
// deadline and status, the 责任清单's leader, unit and person.
func fillIn(one *notice.Notice, earlier []*notice.Notice) {
	byTitle := map[string]*notice.Issue{}
	for _, e := range earlier {
		for ci := range e.Categories {
			for ii := range e.Categories[ci].Issues {
				is := &e.Categories[ci].Issues[ii]
				if _, ok := byTitle[is.Title]; !ok {
					byTitle[is.Title] = is
				}
			}
		}
	}
	for _, c := range one.Categories {
		for _, from := range c.Issues {
			to := byTitle[from.Title]
			if len(to.Actions) == 0 && to.Lead == "" {
				to.Lead, to.Actions, to.Ordinals = from.Lead, from.Actions, from.Ordinals
			}
			if to.Status == "" && to.StatusText == "" {
				to.Status, to.StatusText = from.Status, from.StatusText
			}
			if to.Deadline == "" {
				to.Deadline, to.DeadlineText = from.Deadline, from.DeadlineText
			}
			// Not the remarks: a view's own columns (问题序号, 情况说明)
			// describe the view.
			to.Progress = cmp.Or(to.Progress, from.Progress)
			if r := from.Responsible; r != nil {
				if to.Responsible == nil {
					to.Responsible = &notice.Responsible{}
				}
				to.Responsible.Leader = cmp.Or(to.Responsible.Leader, r.Leader)
				to.Responsible.Unit = cmp.Or(to.Responsible.Unit, r.Unit)
				to.Responsible.Person = cmp.Or(to.Responsible.Person, r.Person)
			}
		}
	}
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
	numbered := false // an issue with its own 序号 has been read: the sheet numbers its issues
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
		if h.extra != nil || len(g.Rows[r]) > h.width || g.Links != nil || g.Comments != nil {
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
		if numbered && fill.lone(r) {
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
		group := 0 // the category a compound 序号 names (一-1, 2-3)
		if catTitle == "" && section != "" {
			catTitle = section
			if sectionNum > 0 {
				catNum = sectionNum
			}
		} else if catTitle == "" {
			if group = numberGroup(fill.own(r, FieldNumber)); group > 0 {
				catNum = group
			}
		}
		if cat == nil || cat.Title != catTitle || group > 0 && cat.Number != group {
			n.Categories = append(n.Categories, notice.Category{Number: catNum, Title: catTitle})
			cat = &n.Categories[len(n.Categories)-1]
			firstOf = append(firstOf, len(all))
		}
		seq++
		numbered = numbered || fill.own(r, FieldNumber) != ""
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

// FromTable reads a document's index-th table (a Word or web page table:
// rows of text, merged ranges as r1, c1, r2, c2) as a ledger, with the unit
// and date that the last lines above it state (takeLines: a title and a 填报
// line stand right above a ledger); nil when it is no ledger.
func FromTable(index int, rows [][]string, merges [][4]int, above []string) *notice.Notice {
	g := &Grid{Sheet: fmt.Sprintf("表格%d", index), Rows: rows, Dates: map[[2]int]string{}}
	for _, m := range merges {
		g.Merges = append(g.Merges, Merge{R1: m[0], C1: m[1], R2: m[2], C2: m[3]})
	}
	n, err := FromGrid(g)
	if err != nil {
		return nil
	}
	takeLines(n, above[max(0, len(above)-4):])
	return n
}

// takeLines gives a ledger read from a table (FromGrid) the unit and date
// that the lines written above the table state — a title such as
// “某某县市场监督管理局巡察反馈问题整改台账”, a “填报单位：… 填报日期：…”
// line — as a sheet's rows above its header would, where the table names
// none itself.
func takeLines(n *notice.Notice, lines []string) {
	g := Grid{}
	for _, l := range lines {
		g.Rows = append(g.Rows, []string{l})
	}
	unit, date, titleUnit := fillLines(&g, len(g.Rows))
	n.Issuer = cmp.Or(n.Issuer, unit, titleUnit)
	n.Date = cmp.Or(n.Date, date)
}

// FromGrid reads a ledger from cells that came from elsewhere (a table in a
// Word notice): the same header synonyms and row rules as a sheet.
func FromGrid(g *Grid) (*notice.Notice, error) { return fromGrid(g) }
