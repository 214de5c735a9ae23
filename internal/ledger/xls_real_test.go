package ledger

import (
	"encoding/csv"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rectify/rectify/internal/testutil"
)

// realXLS are workbooks saved by Excel and WPS themselves
// (testdata/xls-real/README.md): each is read, or refused with a message
// that says why; cells are [sheet, row, col (0-based), text] read by hand
// from the file in LibreOffice.
var realXLS = []struct {
	file   string
	refuse string // the message's words, for a file we cannot read
	cells  [][4]string
}{
	{file: "namesdemo.xls", cells: [][4]string{{"Sheet3", "0", "1", "Jan"}, {"Seamus O'Reilly", "", "", ""}}},
	{file: "formula_test_sjmachin.xls", cells: [][4]string{{"Sheet1", "1", "1", "МОСКВА Москва"}, {"Sheet1", "3", "1", "ABCDEF"}, {"Sheet1", "5", "1", "TRUE"}, {"Sheet1", "6", "1", "#DIV/0!"}}},
	{file: "xf_class.xls", cells: [][4]string{{"table1", "0", "0", "RED"}, {"table1", "3", "2", "RIGHT"}}},
	{file: "profiles.xls", cells: [][4]string{{"PROFILEDEF", "1", "0", "P8.2"}, {"PROFILEDEF", "1", "1", "100"}, {"PROFILELEVELS", "1", "1", "2.5%"}}}, // a percent format: read as shown, as 整改进度 columns are
	{file: "invalid_formula.xls", cells: [][4]string{{"Sheet1", "0", "0", "#REF!"}}},                                                                   // WPS's cached result
	{file: "DateFormats.xls", cells: [][4]string{{"Sheet1", "0", "1", "2007-08-10"}, {"Sheet1", "2", "0", "UK date"}}},
	{file: "1904DateWindowing.xls", cells: [][4]string{{"Sheet1", "0", "0", "2000-01-01"}}},
	{file: "Employee.xls", cells: [][4]string{{"Sheet1", "1", "1", "Employee Info"}}},
	{file: "chinese-provinces.xls", cells: [][4]string{{"provinces", "1", "1", "安徽省"}, {"provinces", "2", "1", "北京市"}}},
	{file: "BOOK_in_capitals.xls", cells: [][4]string{{"301. exposures by cpty and agreement_301_NTTX_EXCEL.rpt", "0", "0", "301. Exposures by Counterparty and Agreement Detail"}}},
	{file: "xor-encryption-abc.xls", refuse: "设有打开密码"},
	{file: "testEXCEL_95.xls", refuse: "Excel 95 或更早版本"},
	{file: "biff4_no_format_no_window2.xls", refuse: "Excel 95 或更早版本"},
}

// TestRealXLS: our BIFF8 reader on files saved by Excel and WPS reads the
// cells read by hand, and every cell LibreOffice's own CSV export has.
func TestRealXLS(t *testing.T) {
	dir := "../../testdata/xls-real"
	read := map[string][]Grid{}
	for _, c := range realXLS {
		data, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		grids, err := gridsXLS(data)
		if c.refuse != "" {
			if err == nil || !strings.Contains(err.Error(), c.refuse) {
				t.Errorf("%s: %v, want a refusal saying %q", c.file, err, c.refuse)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		read[c.file] = grids
		for _, want := range c.cells {
			g := gridNamed(grids, want[0])
			if g == nil {
				t.Errorf("%s: no sheet %q", c.file, want[0])
				continue
			}
			if want[1] == "" {
				continue
			}
			r, _ := strconv.Atoi(want[1])
			col, _ := strconv.Atoi(want[2])
			if got := g.cell(r, col); got != want[3] {
				t.Errorf("%s %s!R%dC%d = %q, want %q", c.file, want[0], r+1, col+1, got, want[3])
			}
		}
	}
	testutil.Need(t, "soffice")
	tmp := t.TempDir()
	var files []string
	for f := range read {
		data, _ := os.ReadFile(filepath.Join(dir, f))
		os.WriteFile(filepath.Join(tmp, f), data, 0o644)
		files = append(files, f)
	}
	// Every sheet, UTF-8, values rather than as shown.
	testutil.Soffice(t, tmp, append([]string{"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", "csv"}, files...)...)
	for f, grids := range read {
		for _, g := range grids {
			lo := readCSVRows(t, filepath.Join(tmp, "csv", strings.TrimSuffix(f, ".xls")+"-"+g.Sheet+".csv"))
			compareWithLibreOffice(t, f+" "+g.Sheet, &g, lo)
		}
	}
}

// readCSVRows reads a CSV file keeping its empty lines as empty rows
// (encoding/csv skips them, which would move every row below).
func readCSVRows(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	var rows [][]string
	next := 1 // the line the next record would start on without blank lines
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			t.Fatal(err)
		}
		line, _ := r.FieldPos(0)
		for ; next < line; next++ {
			rows = append(rows, nil)
		}
		last, _ := r.FieldPos(len(rec) - 1)
		next = last + strings.Count(rec[len(rec)-1], "\n") + 1
		rows = append(rows, rec)
	}
}

func gridNamed(grids []Grid, name string) *Grid {
	for i := range grids {
		if grids[i].Sheet == name {
			return &grids[i]
		}
	}
	return nil
}

var (
	loDate = regexp.MustCompile(`^(\d\d)/(\d\d)/(\d{4})$`)
	loTime = regexp.MustCompile(`^\d\d:\d\d:\d\d [AP]M$`)
	loErr  = regexp.MustCompile(`^Err:\d+$`)
)

// compareWithLibreOffice compares every cell; what LibreOffice writes
// differently by design is read in our terms first (README in testdata).
func compareWithLibreOffice(t *testing.T, what string, g *Grid, lo [][]string) {
	t.Helper()
	rows := max(len(lo), len(g.Rows))
	bad := 0
	for r := range rows {
		width := 0
		if r < len(lo) {
			width = len(lo[r])
		}
		if r < len(g.Rows) {
			width = max(width, len(g.Rows[r]))
		}
		for c := range width {
			want := ""
			if r < len(lo) && c < len(lo[r]) {
				want = strings.TrimSpace(lo[r][c])
			}
			got := g.cell(r, c)
			if sameCell(got, want) {
				continue
			}
			if bad++; bad <= 5 {
				t.Errorf("%s R%dC%d: ours %q, LibreOffice %q", what, r+1, c+1, got, want)
			}
		}
	}
}

func sameCell(ours, lo string) bool {
	switch {
	case ours == lo:
		return true
	case loErr.MatchString(lo): // LibreOffice recalculated; we keep the saved result
		return true
	case loDate.MatchString(lo):
		m := loDate.FindStringSubmatch(lo)
		// LibreOffice recalculates TODAY() on load; we keep the saved result.
		return ours == m[3]+"-"+m[1]+"-"+m[2] || lo == time.Now().Format("01/02/2006")
	case loTime.MatchString(lo):
		tm, err := time.Parse("03:04:05 PM", lo)
		v, err2 := strconv.ParseFloat(ours, 64)
		day := float64(tm.Hour()*3600+tm.Minute()*60+tm.Second()) / 86400
		return err == nil && err2 == nil && math.Abs(v-day) < 1.0/86400
	case lo == "1" && ours == "TRUE", lo == "0" && ours == "FALSE":
		return true
	case strings.HasSuffix(lo, "%"):
		p, err := strconv.ParseFloat(strings.TrimSuffix(lo, "%"), 64)
		v, err2 := strconv.ParseFloat(ours, 64)
		return err == nil && err2 == nil && math.Abs(v-p/100) < 1e-9
	}
	a, err := strconv.ParseFloat(ours, 64)
	b, err2 := strconv.ParseFloat(lo, 64)
	return err == nil && err2 == nil && math.Abs(a-b) <= 1e-9*max(1, math.Abs(a))
}
