package merge

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/rectify/rectify/internal/testutil"
)

// recalcProfile makes LibreOffice recalculate every formula when it loads
// an .xlsx (by default it may trust the cached values we wrote).
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// TestLibreOfficeRecalculates opens the workbook in LibreOffice, which
// recomputes every formula, and reads each sheet back as CSV: every formula
// cell must come out as the value merge wrote.
func TestLibreOfficeRecalculates(t *testing.T) {
	testutil.Need(t, "soffice")
	tr := loadTruth(t)
	data := written(t, WriteXLSX, mergeFolder(t, filepath.Join(testDir, "in"), tr.Today))
	dir := t.TempDir()
	user := filepath.Join(dir, "lo-profile", "user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sum.xlsx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	// Comma, quote, UTF-8, from line 1, raw values (not as shown), all sheets.
	testutil.Soffice(t, dir, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "sum.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	formulas := 0
	for _, sheet := range f.GetSheetList() {
		raw, err := os.ReadFile(filepath.Join(dir, "sum-"+sheet+".csv"))
		if err != nil {
			t.Fatalf("LibreOffice wrote no CSV for %s: %v", sheet, err)
		}
		lo, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		for r, row := range rows {
			for c, ours := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, _ := f.GetCellFormula(sheet, cell)
				if formula == "" {
					continue
				}
				formulas++
				theirs := ""
				if r < len(lo) && c < len(lo[r]) {
					theirs = lo[r][c]
				}
				a, errA := strconv.ParseFloat(ours, 64)
				b, errB := strconv.ParseFloat(strings.TrimSuffix(theirs, "%"), 64)
				if strings.HasSuffix(theirs, "%") {
					b /= 100 // a percentage cell comes out as shown even unformatted
				}
				if errA != nil || errB != nil || math.Abs(a-b) > 1e-9 {
					t.Errorf("%s!%s =%s: merge wrote %q, LibreOffice computes %q", sheet, cell, formula, ours, theirs)
				}
			}
		}
	}
	if formulas < 10 {
		t.Errorf("only %d formula cells checked", formulas)
	}
	fmt.Fprintf(os.Stderr, "LibreOffice recalculated %d formula cells\n", formulas)
}
