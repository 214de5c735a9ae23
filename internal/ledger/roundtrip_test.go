package ledger

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"github.com/xuri/excelize/v2"
)

// TestFullRoundTrip: JSON -> .xlsx -> JSON over testdata/full.json, which
// uses every field. Each fact the workbook has a place for comes back from
// the ledger sheet, or is in the sheet made for it (未完成事项, 问责情况);
// what a ledger has no column for is listed below, so that a loss is a
// decision and not an accident.
func TestFullRoundTrip(t *testing.T) {
	a, err := notice.Unmarshal(readFile(t, "../../testdata/full.json"))
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
	if a.Issuer != b.Issuer || a.Date != b.Date {
		t.Errorf("issuer, date: %q %q -> %q %q", a.Issuer, a.Date, b.Issuer, b.Date)
	}
	if len(a.Categories) != len(b.Categories) {
		t.Fatalf("categories %d -> %d", len(a.Categories), len(b.Categories))
	}
	// Not in a ledger row: the subcategory (no column), the description
	// (joined to the title as "title。description"), the deadline's words
	// (the cell is a real date, so that Excel sorts it and flags it overdue),
	// the status words beyond the five labels (统计 counts the labels), the
	// actions' dates (inside their text), the source position, and how the
	// source notice laid the issue out (markers, layout: for the text writer).
	// Of a category, its lead paragraph has no place either.
	lossy := func(is notice.Issue) string {
		is.Subcategory, is.SubcategoryNumber, is.Description = "", 0, ""
		is.DeadlineText, is.StatusText, is.Source = "", "", nil
		is.Markers, is.Layout = "", ""
		for i := range is.Actions {
			is.Actions[i].Dates = nil
		}
		js, _ := json.Marshal(is)
		return string(js)
	}
	for ci := range a.Categories {
		ca, cb := a.Categories[ci], b.Categories[ci]
		if ca.Title != cb.Title || len(ca.Issues) != len(cb.Issues) {
			t.Errorf("category %d: %q (%d issues) -> %q (%d)", ci+1, ca.Title, len(ca.Issues), cb.Title, len(cb.Issues))
			continue
		}
		for ii := range ca.Issues {
			x, y := ca.Issues[ii], cb.Issues[ii]
			want := x.Title
			if x.Description != "" {
				want += "。" + x.Description
			}
			if y.Title != want {
				t.Errorf("issue %d title %q -> %q", x.Number, want, y.Title)
			}
			y.Title = x.Title
			if gx, gy := lossy(x), lossy(y); gx != gy {
				t.Errorf("issue %d:\n got %s\nwant %s", x.Number, gy, gx)
			}
		}
	}
	// Pending items and accountability: their own sheets hold every figure.
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text := func(sheet string) string {
		rows, _ := f.GetRows(sheet)
		return fmt.Sprint(rows)
	}
	pending := text(SheetPending)
	for _, p := range a.Pending {
		for _, w := range []string{p.Title, p.Explanation, p.NextSteps, fmt.Sprint(p.Issue), notice.ChineseDate(p.Deadline)} {
			if !strings.Contains(pending, w) {
				t.Errorf("未完成事项 lacks %q", w)
			}
		}
	}
	acc := text(SheetAccount)
	for k, v := range a.Accountability.Measures {
		if !strings.Contains(acc, fmt.Sprintf("%s %d", k, v)) {
			t.Errorf("问责情况 lacks %s %d", k, v)
		}
	}
	for k, v := range a.Accountability.Ranks {
		if !strings.Contains(acc, fmt.Sprintf("%s %d", k, v)) {
			t.Errorf("问责情况 lacks %s %d", k, v)
		}
	}
	if !strings.Contains(acc, fmt.Sprintf("%d人", a.Accountability.Total)) {
		t.Errorf("问责情况 lacks the total %d", a.Accountability.Total)
	}
}
