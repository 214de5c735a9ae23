package ledger

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/testutil/golden"
	"github.com/rectify/rectify/internal/textnotice"
	"github.com/xuri/excelize/v2"
)

type goldRow struct {
	Number                                                  int
	Category, Title, Deadline, Leader, Unit, Person, Status string
	Actions                                                 int
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// heldOut maps each ledger fixture to the layout (in gold.json) it was
// written from by testdata/ledgers/make_ledgers.py.
var heldOut = map[string]string{
	"two-row-header.xlsx": "two-row-header", "two-row-header.xls": "two-row-header",
	"utf8-bom.csv": "two-row-header", "gbk.csv": "two-row-header", "gb18030.csv": "two-row-header",
	"utf16le.csv": "two-row-header", "utf16be.csv": "two-row-header",
	"wps-sections.xlsx": "wps-sections", "wps-sections.xls": "wps-sections",
	"excel-combined.xlsx": "excel-combined", "excel-combined.xls": "excel-combined",
}

// TestHeldOutLedgers: ledgers of other layouts import to the rows they were
// written from (testdata/ledgers/make_ledgers.py wrote both).
func TestHeldOutLedgers(t *testing.T) {
	var gold map[string][]goldRow
	if err := json.Unmarshal(readFile(t, "../../testdata/ledgers/gold.json"), &gold); err != nil {
		t.Fatal(err)
	}
	for file, layout := range heldOut {
		t.Run(file, func(t *testing.T) {
			n, err := Read(readFile(t, "../../testdata/ledgers/"+file), strings.TrimPrefix(filepath.Ext(file), "."), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			issues := n.Issues()
			want := gold[layout]
			if len(want) == 0 || len(issues) != len(want) {
				t.Fatalf("issues = %d, want %d", len(issues), len(want))
			}
			for i, g := range want {
				is := issues[i]
				r := is.Responsible
				if r == nil {
					r = &notice.Responsible{}
				}
				got := goldRow{is.Number, categoryOf(n, is), is.Title, is.Deadline, r.Leader, r.Unit, r.Person, is.Status, len(is.Actions)}
				if got != g {
					t.Errorf("row %d:\n got %+v\nwant %+v", i+1, got, g)
				}
			}
			goldenJSON(t, "../../testdata/ledgers/"+file+".golden.json", n)
		})
	}
}

// TestXLSMatchesXLSX: every ledger layout in testdata, saved as .xls by
// LibreOffice (testdata/ledgers/make.sh), imports to the same JSON as its
// .xlsx, sources included.
func TestXLSMatchesXLSX(t *testing.T) {
	pairs := map[string]string{"../../testdata/corpus/ledger-2025.xlsx": "../../testdata/ledgers/corpus-ledger-2025.xls"}
	xlsx, _ := filepath.Glob("../../testdata/ledgers/*.xlsx")
	for _, x := range xlsx {
		if strings.HasSuffix(x, "office-template.xlsx") { // a blank template, not a ledger
			continue
		}
		pairs[x] = strings.TrimSuffix(x, "x")
	}
	if len(pairs) < 4 {
		t.Fatalf("only %d ledger layouts found", len(pairs))
	}
	for x, xls := range pairs {
		t.Run(filepath.Base(xls), func(t *testing.T) {
			a, err := Read(readFile(t, x), "xlsx", ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			b, err := Read(readFile(t, xls), "xls", ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			ja, _ := notice.Marshal(a)
			jb, _ := notice.Marshal(b)
			if !bytes.Equal(ja, jb) {
				t.Errorf("%s and %s import differently:\n%s\n---\n%s", x, xls, ja, jb)
			}
		})
	}
}

func categoryOf(n *notice.Notice, is *notice.Issue) string {
	for _, c := range n.Categories {
		for i := range c.Issues {
			if &c.Issues[i] == is {
				return c.Title
			}
		}
	}
	return ""
}

func goldenJSON(t *testing.T, path string, n *notice.Notice) {
	t.Helper()
	got, err := notice.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, path, got)
}

func TestCorpusLedger(t *testing.T) {
	n, err := Read(readFile(t, "../../testdata/corpus/ledger-2025.xlsx"), "xlsx", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := n.CountByStatus()
	if len(n.Issues()) != 63 || len(n.Categories) != 21 || c[notice.Completed] != 60 || c[notice.BasicallyCompleted] != 3 {
		t.Errorf("corpus ledger: %d issues, %d categories, %v", len(n.Issues()), len(n.Categories), c)
	}
	if n.Issuer != "寿宁工业园区管理委员会" || n.Date != "2025-06-20" {
		t.Errorf("issuer/date = %q %q", n.Issuer, n.Date)
	}
	is := n.IssueByNumber(2)
	if is.Deadline != "2024-12" || is.Responsible == nil || is.Responsible.Unit != "财务股" || len(is.Actions) != 2 {
		t.Errorf("issue 2 = %+v", is)
	}
	goldenJSON(t, "../../testdata/corpus/ledger-2025.golden.json", n)
}

func corpusNotice(t testing.TB) *notice.Notice { return testutil.CorpusNotice(t) }

// TestRoundTrip: notice -> workbook -> notice gives back the same issues.
func TestRoundTrip(t *testing.T) {
	for _, src := range []string{"../../testdata/corpus/notice-2025-extracted.txt", "../../testdata/notices/scheme-aspects.txt", "../../testdata/notices/scheme-flat-labels.txt"} {
		t.Run(filepath.Base(src), func(t *testing.T) {
			a, err := textnotice.Read(readFile(t, src))
			if err != nil {
				t.Fatal(err)
			}
			data, err := Write(a, Options{})
			if err != nil {
				t.Fatal(err)
			}
			b, err := Read(data, "xlsx", ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			ia, ib := a.Issues(), b.Issues()
			if len(ia) != len(ib) {
				t.Fatalf("issues %d -> %d", len(ia), len(ib))
			}
			for i := range ia {
				x, y := ia[i], ib[i]
				if x.Number != y.Number || x.Title != y.Title || x.Status != y.Status || x.Deadline != y.Deadline || x.Subcategory != "" && false {
					t.Errorf("issue %d: %q %s %q -> %q %s %q", x.Number, x.Title, x.Status, x.Deadline, y.Title, y.Status, y.Deadline)
				}
				if fmt.Sprint(texts(x)) != fmt.Sprint(texts(y)) {
					t.Errorf("issue %d actions differ:\n%v\n%v", x.Number, texts(x), texts(y))
				}
			}
			if len(a.Categories) != len(b.Categories) {
				t.Errorf("categories %d -> %d", len(a.Categories), len(b.Categories))
			}
		})
	}
}

func texts(is *notice.Issue) []string {
	var out []string
	for _, a := range is.Actions {
		out = append(out, a.Text)
	}
	return out
}

// TestWorkbookFinish checks the items of the finish a supervisor expects.
func TestWorkbookFinish(t *testing.T) {
	data, err := Write(corpusNotice(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := strings.Join(f.GetSheetList(), ",")
	if sheets != "整改台账,统计,未完成事项,问责情况" {
		t.Errorf("sheets = %s", sheets)
	}
	if v, _ := f.GetCellValue(SheetLedger, "A1"); v != "寿宁工业园区管理委员会巡察反馈问题整改台账" {
		t.Errorf("title = %q", v)
	}
	if v, _ := f.GetCellValue(SheetLedger, "A2"); !strings.Contains(v, "填报单位：寿宁工业园区管理委员会") || !strings.Contains(v, "填报时间：2025年6月24日") {
		t.Errorf("填报 line = %q", v)
	}
	head, _ := f.GetRows(SheetLedger)
	if got := strings.Join(head[2], ","); got != "序号,问题类别,存在问题,整改措施,责任领导,责任单位,责任人,整改时限,整改进展情况,完成情况,备注" {
		t.Errorf("header = %s", got)
	}
	panes, _ := f.GetPanes(SheetLedger)
	if !panes.Freeze || panes.YSplit != 3 {
		t.Errorf("panes = %+v", panes)
	}
	dvs, _ := f.GetDataValidations(SheetLedger)
	if len(dvs) != 1 || !strings.Contains(dvs[0].Formula1, "已完成") || dvs[0].Sqref != "J4:J66" {
		t.Errorf("data validations = %+v", dvs)
	}
	cf, _ := f.GetConditionalFormats(SheetLedger)
	if len(cf) != 1 {
		t.Errorf("conditional formats = %+v", cf)
	}
	merges, _ := f.GetMergeCells(SheetLedger)
	catMerges := 0
	for _, m := range merges {
		if strings.HasPrefix(m.GetStartAxis(), "B") {
			catMerges++
		}
	}
	if catMerges < 15 {
		t.Errorf("category merges = %d", catMerges)
	}
	layout, _ := f.GetPageLayout(SheetLedger)
	if layout.Orientation == nil || *layout.Orientation != "landscape" || layout.FitToWidth == nil || *layout.FitToWidth != 1 || *layout.Size != 9 {
		t.Errorf("page layout = %+v", layout)
	}
	names := f.GetDefinedName()
	found := false
	for _, dn := range names {
		if dn.Name == "_xlnm.Print_Titles" && strings.Contains(dn.RefersTo, "$3:$3") {
			found = true
		}
	}
	if !found {
		t.Errorf("no print titles: %+v", names)
	}
	// Row 8 (issue 5) holds three actions of long text: its height shows it all.
	h, _ := f.GetRowHeight(SheetLedger, 8)
	acts, _ := f.GetCellValue(SheetLedger, "D8")
	if lines := LineCount(acts, colWidth[FieldActions]); h < float64(lines)*14 {
		t.Errorf("row 8 height %.1f too small for %d lines", h, lines)
	}
	style, _ := f.GetCellStyle(SheetLedger, "D8")
	st, _ := f.GetStyle(style)
	if st.Font == nil || st.Font.Family != "宋体" || !st.Alignment.WrapText || len(st.Border) != 4 {
		t.Errorf("cell style = %+v", st)
	}
	// 统计: formulas per category and a 合计 row.
	rows, _ := f.GetRows(SheetStats)
	lastRow := len(rows)
	if v, _ := f.GetCellValue(SheetStats, fmt.Sprintf("A%d", lastRow)); v != "合计" {
		t.Errorf("last stats row = %q", v)
	}
	if fm, _ := f.GetCellFormula(SheetStats, fmt.Sprintf("C%d", lastRow)); fm != fmt.Sprintf("SUM(C3:C%d)", lastRow-1) {
		t.Errorf("total formula = %q", fm)
	}
	if fm, _ := f.GetCellFormula(SheetStats, "D3"); !strings.Contains(fm, "COUNTIF('整改台账'!J4:J6,\"已完成\")") {
		t.Errorf("D3 formula = %q", fm)
	}
	charts := 0
	for _, fn := range []string{"xl/charts/chart1.xml"} {
		if _, ok := f.Pkg.Load(fn); ok {
			charts++
		}
	}
	if charts != 1 {
		t.Errorf("no chart in 统计")
	}
	// Computed totals as a supervisor sees them (excelize's calculator).
	for col, want := range map[string]string{"C": "63", "D": "60", "E": "3"} {
		v, err := f.CalcCellValue(SheetStats, fmt.Sprintf("%s%d", col, lastRow))
		if err != nil || v != want {
			t.Errorf("合计 %s = %q (%v), want %s", col, v, err, want)
		}
	}
}

// FuzzRead: small seeds only (a large .xlsx seed made the fuzzer spend its
// time shrinking it): short CSVs, a hand-made one-sheet .xlsx of about 1 KB,
// and the smallest LibreOffice .xls.
func FuzzRead(f *testing.F) {
	f.Add([]byte("序号,存在问题,整改措施,完成情况\n1,学习不够,\"一是学习。\n二是考核。\",已完成\n"), "csv")
	f.Add([]byte("\xef\xbb\xbf编号,反馈问题,整改举措\r\n1,a,b\r\n"), "csv")
	f.Add([]byte("\xff\xfe\xf2\x5e\xf7\x53,\x00\x1b\x6e\n\x00"), "csv")
	// the blind ledgers' shapes: a status group over tick columns, a heading
	// row in the issue columns, a measure on a row of its own, 1 over 1.1,
	// a note row, 小计 and 填表说明
	f.Add([]byte("序号,问题,整改措施,完成情况,\n,,,已完成,正在推进\n一,党的领导方面,,,\n1,问题,措施,√,\n,,措施二,,√\n"+
		"2,说明行,,,\n以下为移交问题,,,,\n小计,1,,,\n3,问题三,,否,\n填表说明：x\n"), "csv")
	f.Add([]byte("序号,问题,整改措施,整改时限,整改进展\n1,政治建设方面,,,\n1.1,甲,措施,2025年第四季度,持续推进\n1.2,乙,,2025.6.30,未销号\n"), "csv")
	f.Add(miniXLSX(f, `<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="inlineStr"><is><t>整改措施</t></is></c></row>`+
		`<row r="2"><c><v>1</v></c><c t="inlineStr"><is><t>问题</t></is></c><c t="str"><v>一是学习</v></c><c s="1"><v>45747</v></c></row>`,
		`<si><t>序号</t></si><si><r><t>存在问题</t></r></si>`, `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>`, false), "xlsx")
	xls, _ := os.ReadFile("../../testdata/ledgers/excel-combined.xls")
	f.Add(xls, "xls")
	// the second round's shapes: ';' and tab separators, Unicode text, 销号
	// and 整改进度 columns, compound 序号, comments and hyperlinks
	f.Add([]byte("序号;存在问题;整改措施;整改进度;是否销号\r\n一-1;\"a;b\";\"c\r\nd\";80%;否\r\n二-1;e;f;100%;是\r\n"), "csv")
	f.Add([]byte("\xff\xfe\x8f\x5e\xf7\x53\t\x00\x58\x5b\x28\x57\xee\x95\x98\x98\t\x00\x74\x65\x39\x65\xaa\x63\xbd\x65\n\x00"), "txt")
	for _, name := range []string{"blind2/wps-xml.xlsx", "blind2/three-lists.xlsx", "blind2/xlwt-1904.xls", "blind2/wps-xml.xls"} {
		data, _ := os.ReadFile("../../testdata/ledgers/" + name)
		f.Add(data, strings.TrimPrefix(filepath.Ext(name), "."))
	}
	f.Fuzz(func(t *testing.T, data []byte, kind string) {
		switch kind {
		case "csv", "xlsx", "xls":
		case "txt":
			if n, ok := FromText(data); ok {
				if _, err := notice.Marshal(n); err != nil {
					t.Fatal(err)
				}
			}
			return
		default:
			return
		}
		n, err := readContained(data, kind)
		if err != nil {
			return
		}
		if _, err := notice.Marshal(n); err != nil {
			t.Fatal(err)
		}
	})
}

// readContained reads a fuzzed file. The .xls reader is our own code now,
// so a panic anywhere fails the test.
func readContained(data []byte, kind string) (*notice.Notice, error) {
	return Read(data, kind, ReadOptions{})
}

func BenchmarkWriteCorpus(b *testing.B) {
	n := corpusNotice(b)
	for b.Loop() {
		if _, err := Write(n, Options{Today: time.Now()}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadCorpusLedger(b *testing.B) {
	data := readFile(b, "../../testdata/corpus/ledger-2025.xlsx")
	for b.Loop() {
		if _, err := Read(data, "xlsx", ReadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestFillTemplate(t *testing.T) {
	n := corpusNotice(t)
	data, err := FillTemplate(n, "../../testdata/ledgers/office-template.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	back, err := Read(data, "xlsx", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(back.Issues()); got != 63 {
		t.Fatalf("filled template reads back %d issues", got)
	}
	if c := back.CountByStatus(); c[notice.Completed] != 60 || c[notice.BasicallyCompleted] != 3 {
		t.Errorf("statuses = %v", c)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(data))
	defer f.Close()
	if v, _ := f.GetCellValue("台账", "A1"); v != "巡察反馈问题整改落实情况台账" {
		t.Errorf("template title lost: %q", v)
	}
	if v, _ := f.GetCellValue("台账", "A2"); !strings.Contains(v, "填报单位：寿宁工业园区管理委员会") || !strings.Contains(v, "2025年6月24日") {
		t.Errorf("填报 line = %q", v)
	}
	// The footer moved below the 63 rows; the template's cell style is kept.
	if v, _ := f.GetCellValue("台账", "A67"); !strings.HasPrefix(v, "填表人") {
		t.Errorf("footer not kept below the rows: A67 = %q", v)
	}
	id, _ := f.GetCellStyle("台账", "C50")
	st, _ := f.GetStyle(id)
	if st.Font == nil || st.Font.Family != "仿宋" || len(st.Fill.Color) == 0 || !strings.HasSuffix(st.Fill.Color[0], "FFF2CC") {
		t.Errorf("row 50 does not keep the template's style: %+v %+v", st.Font, st.Fill)
	}
	if v, _ := f.GetCellValue("台账", "F8"); v != "2025年12月" {
		t.Errorf("deadline of issue 5 = %q", v)
	}
}

// TestLibreOfficeReadsWorkbook: an independent reader opens the corpus
// workbook and sees every issue and the 合计 row 63 / 60 / 3.
func TestLibreOfficeReadsWorkbook(t *testing.T) {
	testutil.Need(t, "soffice")
	dir := t.TempDir()
	data, err := Write(corpusNotice(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "c.xlsx"), data, 0o644)
	testutil.Soffice(t, dir, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "c.xlsx")
	stats := readCSVRows(t, filepath.Join(dir, "c-统计.csv"))
	last := stats[len(stats)-1]
	if last[0] != "合计" || last[2] != "63" || last[3] != "60" || last[4] != "3" {
		t.Errorf("LibreOffice's 合计 row = %v", last)
	}
	ledger := readCSVRows(t, filepath.Join(dir, "c-整改台账.csv"))
	issues := 0
	for _, r := range ledger[3:] {
		if len(r) > 2 && r[2] != "" {
			issues++
		}
	}
	if issues != 63 {
		t.Errorf("LibreOffice sees %d issue rows, want 63", issues)
	}
}

// BenchmarkWrite100k: the scale the issue names, 100,000 issues.
func BenchmarkWrite100k(b *testing.B) {
	n := testutil.Synthetic(100000)
	for b.Loop() {
		if _, err := Write(n, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLibreOfficePrintsFitted: printed by LibreOffice, every sheet of the
// corpus workbook is one page wide (each ledger page carries the header's
// first and last column), and 统计, 未完成事项 and 问责情况 take one page each
// (统计 once printed across five).
func TestLibreOfficePrintsFitted(t *testing.T) {
	testutil.Need(t, "soffice")
	pdftotext := testutil.Need(t, "pdftotext")
	dir := t.TempDir()
	data, err := Write(corpusNotice(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "c.xlsx"), data, 0o644)
	testutil.Soffice(t, dir, "--convert-to", "pdf", "c.xlsx")
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "c.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	sheetOf := func(p string) string {
		switch {
		case strings.Contains(p, "整改情况统计表"):
			return SheetStats
		case strings.Contains(p, "需要进一步整改的事项"):
			return SheetPending
		case strings.Contains(p, "处理方式"):
			return SheetAccount
		}
		return SheetLedger
	}
	count := map[string]int{}
	for i, p := range pages {
		s := sheetOf(p)
		count[s]++
		if s == SheetLedger && (!strings.Contains(p, "序号") || !strings.Contains(p, "备注")) {
			t.Errorf("page %d of the ledger lacks a column: not fitted to the width", i+1)
		}
	}
	for _, s := range []string{SheetStats, SheetPending, SheetAccount} {
		if count[s] != 1 {
			t.Errorf("%s prints on %d pages, want 1", s, count[s])
		}
	}
	t.Logf("pages per sheet: %v", count)
}

// TestEmptyColumnsNote: a ledger made from notice text says under the table
// why 责任领导/责任单位/责任人 and 整改进展情况 are empty; one made from a
// ledger that has them says nothing.
func TestEmptyColumnsNote(t *testing.T) {
	note := func(n *notice.Notice) string {
		data, err := Write(n, Options{})
		if err != nil {
			t.Fatal(err)
		}
		f, _ := excelize.OpenReader(bytes.NewReader(data))
		defer f.Close()
		rows, _ := f.GetRows(SheetLedger)
		for _, r := range rows {
			if len(r) > 0 && strings.HasPrefix(r[0], "注：") {
				return r[0]
			}
		}
		return ""
	}
	got := note(corpusNotice(t))
	for _, w := range []string{"“责任领导”“责任单位”“责任人”“整改进展情况”", "整改措施"} {
		if !strings.Contains(got, w) {
			t.Errorf("note from notice text = %q, lacks %s", got, w)
		}
	}
	led, err := Read(readFile(t, "../../testdata/ledgers/wps-sections.xlsx"), "xlsx", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := note(led); got != "" {
		t.Errorf("a ledger with every column gets a note: %q", got)
	}
}

// TestDimensions: every sheet we write declares the range it uses, so that
// streaming readers (openpyxl read-only) see all rows.
func TestDimensions(t *testing.T) {
	data, err := Write(corpusNotice(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(data))
	defer f.Close()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	dimRe := regexp.MustCompile(`<dimension ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"`)
	for i, sheet := range f.GetSheetList() {
		rc, err := zr.Open(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
		if err != nil {
			t.Fatal(err)
		}
		x, _ := io.ReadAll(rc)
		rc.Close()
		m := dimRe.FindSubmatch(x)
		rows, _ := f.GetRows(sheet)
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		col, _ := excelize.ColumnNumberToName(width)
		if want := fmt.Sprintf("A1:%s%d", col, len(rows)); m == nil || string(m[1]) != want {
			t.Errorf("%s: dimension %q, cells span %s", sheet, m, want)
		}
	}
}
