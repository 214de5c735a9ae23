package merge

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/rectify/rectify/internal/format"
	"github.com/rectify/rectify/internal/notice"
	_ "github.com/rectify/rectify/internal/testutil/golden" // the shared -update flag
)

// truth is what scripts/genmerge planted in testdata/merge/in.
type truth struct {
	Today string `json:"today"`
	Units []struct {
		Name   string `json:"name"`
		Issues []struct {
			Number   int    `json:"number"`
			Status   string `json:"status"`
			Deadline string `json:"deadline"`
		} `json:"issues"`
		Accountability int            `json:"accountability"`
		Stated         map[string]int `json:"stated"`
		Files          []string       `json:"files"`
		Duplicates     []string       `json:"duplicates"`
		Conflicts      int            `json:"conflicts"`
	} `json:"units"`
	Broken []string `json:"broken"`
}

const testDir = "../../testdata/merge"

func loadTruth(t *testing.T) *truth {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testDir, "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var tr truth
	if err := json.Unmarshal(data, &tr); err != nil {
		t.Fatal(err)
	}
	return &tr
}

// mergeFolder reads every file under dir as the command does and merges.
func mergeFolder(t *testing.T, dir, today string) *Result {
	t.Helper()
	m := New(Options{Today: today})
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		kind := format.FromPath(p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n, err := format.Read(context.Background(), kind, data, format.Options{File: rel})
		if err != nil {
			m.Fail(rel, kind, err)
			return nil
		}
		m.Add(rel, kind, n)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m.Result()
}

// expected is a unit's 汇总 row, counted here from the planted truth.
type expected struct {
	issues, overdue, account int
	counts                   map[string]int
	rate                     float64
	statedIssues, statedDone string
	mismatch                 bool
	checkErrors              int
}

// overdueOn says, on its own terms, whether a planted issue is overdue:
// unfinished (not completed, not ongoing) with a dated deadline whose last
// day is before today.
func overdueOn(status, deadline, today string) bool {
	if status == notice.Completed || status == notice.Ongoing {
		return false
	}
	var end time.Time
	switch parts := strings.Split(deadline, "-"); len(parts) {
	case 1:
		y, err := strconv.Atoi(parts[0])
		if err != nil {
			return false // words such as 立行立改
		}
		end = time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
	case 2:
		y, _ := strconv.Atoi(parts[0])
		m, _ := strconv.Atoi(parts[1])
		end = time.Date(y, time.Month(m+1), 0, 0, 0, 0, 0, time.UTC)
	default:
		end, _ = time.Parse("2006-01-02", deadline)
	}
	day, _ := time.Parse("2006-01-02", today)
	return end.Before(day)
}

func expect(tr *truth) map[string]expected {
	out := map[string]expected{}
	for _, u := range tr.Units {
		e := expected{issues: len(u.Issues), account: u.Accountability, counts: map[string]int{}}
		for _, is := range u.Issues {
			e.counts[is.Status]++
			if overdueOn(is.Status, is.Deadline, tr.Today) {
				e.overdue++
			}
		}
		e.rate = float64(e.counts[notice.Completed]) / float64(e.issues)
		if v, ok := u.Stated["issues"]; ok {
			e.statedIssues = strconv.Itoa(v)
			if v != e.issues {
				e.mismatch, e.checkErrors = true, e.checkErrors+1
			}
		}
		if v, ok := u.Stated[notice.Completed]; ok {
			e.statedDone = strconv.Itoa(v)
			if v != e.counts[notice.Completed] {
				e.mismatch, e.checkErrors = true, e.checkErrors+1
			}
		}
		out[u.Name] = e
	}
	return out
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return v
}

// TestSummaryMatchesPlantedFigures merges the mixed folder and checks every
// 汇总 figure against the figures counted from what was planted: the unit
// sent twice counts once with the notice's less advanced status, the exact
// copy not at all, the broken PDF is listed, the contradicted total flagged.
func TestSummaryMatchesPlantedFigures(t *testing.T) {
	tr := loadTruth(t)
	res := mergeFolder(t, filepath.Join(testDir, "in"), tr.Today)
	data := written(t, WriteXLSX, res)
	f, err := excelize.OpenReader(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(SheetSummary, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := expect(tr)
	col := map[string]int{}
	for i, h := range rows[headerRow-1] {
		col[h] = i
	}
	get := func(r []string, h string) string {
		if i := col[h]; i < len(r) {
			return r[i]
		}
		return ""
	}
	seen := map[string]bool{}
	var lastRate float64
	var sumIssues, sumDone, sumOverdue, sumAccount float64
	for _, r := range rows[firstDataRow-1:] {
		name := get(r, "单位")
		if r[0] == "合计" {
			if num(t, get(r, "问题数")) != sumIssues || num(t, get(r, "已完成")) != sumDone ||
				num(t, get(r, "超期未完成")) != sumOverdue || num(t, get(r, "问责人数")) != sumAccount {
				t.Errorf("total row %v, want issues %v done %v overdue %v accountability %v", r, sumIssues, sumDone, sumOverdue, sumAccount)
			}
			if math.Abs(num(t, get(r, "完成率"))-sumDone/sumIssues) > 1e-9 {
				t.Errorf("total rate %s, want %v", get(r, "完成率"), sumDone/sumIssues)
			}
			break
		}
		e, ok := want[name]
		if !ok {
			t.Errorf("unexpected unit row %q", name)
			continue
		}
		if seen[name] {
			t.Errorf("unit %s has two rows", name)
		}
		seen[name] = true
		if got := num(t, get(r, "问题数")); got != float64(e.issues) {
			t.Errorf("%s: %v issues, want %d", name, got, e.issues)
		}
		for _, st := range notice.Statuses {
			if got := num(t, get(r, notice.StatusLabel[st])); got != float64(e.counts[st]) {
				t.Errorf("%s: %s %v, want %d", name, notice.StatusLabel[st], got, e.counts[st])
			}
		}
		if got := num(t, get(r, "未写明")); got != 0 {
			t.Errorf("%s: %v issues without status, want 0", name, got)
		}
		rate := num(t, get(r, "完成率"))
		if math.Abs(rate-e.rate) > 1e-9 {
			t.Errorf("%s: rate %v, want %v", name, rate, e.rate)
		}
		if rate < lastRate {
			t.Errorf("%s: rows not sorted by completion rate (%v after %v)", name, rate, lastRate)
		}
		lastRate = rate
		if got := num(t, get(r, "超期未完成")); got != float64(e.overdue) {
			t.Errorf("%s: %v overdue, want %d", name, got, e.overdue)
		}
		if got := num(t, get(r, "问责人数")); got != float64(e.account) {
			t.Errorf("%s: accountability %v, want %d", name, got, e.account)
		}
		if get(r, "通报称问题数") != e.statedIssues || get(r, "通报称已完成") != e.statedDone {
			t.Errorf("%s: stated %q/%q, want %q/%q", name, get(r, "通报称问题数"), get(r, "通报称已完成"), e.statedIssues, e.statedDone)
		}
		if flagged := strings.HasPrefix(get(r, "合计核对"), "不符"); flagged != e.mismatch {
			t.Errorf("%s: 合计核对 %q, want mismatch=%v", name, get(r, "合计核对"), e.mismatch)
		}
		// The fixtures are otherwise clean: the proof-reader's errors are
		// the contradicted totals, one per stated figure the list belies.
		if got := num(t, get(r, "校对错误")); got != float64(e.checkErrors) {
			t.Errorf("%s: %v check errors, want %d", name, got, e.checkErrors)
		}
		sumIssues += float64(e.issues)
		sumDone += float64(e.counts[notice.Completed])
		sumOverdue += float64(e.overdue)
		sumAccount += float64(e.account)
	}
	if len(seen) != len(want) {
		t.Errorf("%d unit rows, want %d", len(seen), len(want))
	}

	// The same unit's files, the duplicates and the broken file, as listed.
	for _, u := range tr.Units {
		var got *Unit
		for _, ru := range res.Units {
			if ru.Name == u.Name {
				got = ru
			}
		}
		if got == nil {
			continue
		}
		if fmt.Sprint(got.Files) != fmt.Sprint(u.Files) || fmt.Sprint(got.Duplicates) != fmt.Sprint(nonNil(u.Duplicates)) {
			t.Errorf("%s: files %v duplicates %v, want %v and %v", u.Name, got.Files, got.Duplicates, u.Files, u.Duplicates)
		}
		conflicts := 0
		for _, fd := range res.Findings {
			if fd.Unit == u.Name && fd.Level == Conflict {
				conflicts++
			}
		}
		if conflicts != u.Conflicts {
			t.Errorf("%s: %d conflicts listed, want %d", u.Name, conflicts, u.Conflicts)
		}
	}
	files, _ := f.GetRows(SheetFiles)
	for _, b := range tr.Broken {
		found := false
		for _, r := range files[firstDataRow-1:] {
			if len(r) > 7 && r[1] == b && strings.HasPrefix(r[7], "未汇总：") {
				found = true
			}
		}
		if !found {
			t.Errorf("broken file %s not listed as failed in %s", b, SheetFiles)
		}
	}

	// Every issue once in 全部问题, every overdue one in 超期未完成.
	issues, _ := f.GetRows(SheetIssues)
	overdue, _ := f.GetRows(SheetOverdue)
	if got := len(issues) - headerRow; got != int(sumIssues) {
		t.Errorf("%s has %d rows, want %v", SheetIssues, got, sumIssues)
	}
	if got := len(overdue) - headerRow; got != int(sumOverdue) {
		t.Errorf("%s has %d rows, want %v", SheetOverdue, got, sumOverdue)
	}
}

func nonNil(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// TestPrintReady: every sheet prints landscape, one page wide with
// fit-to-page on, its header repeated; the lists have filters and a frozen
// header.
func TestPrintReady(t *testing.T) {
	tr := loadTruth(t)
	data := written(t, WriteXLSX, mergeFolder(t, filepath.Join(testDir, "in"), tr.Today))
	f, err := excelize.OpenReader(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	names := f.GetSheetList()
	if fmt.Sprint(names) != fmt.Sprint([]string{SheetSummary, SheetIssues, SheetOverdue, SheetAccount, SheetFindings, SheetFiles}) {
		t.Fatalf("sheets %v", names)
	}
	titles := map[string]bool{}
	dn := f.GetDefinedName()
	for _, d := range dn {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo == fmt.Sprintf("'%s'!$3:$3", d.Scope)
		}
	}
	for _, s := range names {
		pl, err := f.GetPageLayout(s)
		if err != nil {
			t.Fatal(err)
		}
		props, _ := f.GetSheetProps(s)
		if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
			props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not landscape, one page wide with fit-to-page on", s)
		}
		if !titles[s] {
			t.Errorf("%s: header row not repeated on every page", s)
		}
		panes, _ := f.GetPanes(s)
		if !panes.Freeze || panes.YSplit != headerRow {
			t.Errorf("%s: header not frozen", s)
		}
	}
	for _, s := range []string{SheetIssues, SheetOverdue, SheetFindings} {
		found := false
		for _, d := range dn {
			found = found || (d.Name == "_xlnm._FilterDatabase" && d.Scope == s)
		}
		if !found {
			t.Errorf("%s has no filter", s)
		}
	}
	// 汇总 has its chart.
	charts := 0
	for _, name := range zipNames(t, data) {
		if strings.HasPrefix(name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 1 {
		t.Errorf("%d charts, want 1", charts)
	}
}

// TestUnitKey: the same unit written differently meets itself; different
// units stay apart.
func TestUnitKey(t *testing.T) {
	same := [][2]string{
		{"中共寿宁县财政局党组", "寿宁县财政局"},
		{"寿宁县　财政局", "寿宁县财政局"},
		{"寿宁县财政局（盖章）", "寿宁县财政局"},
		{"中国共产党寿宁县委员会组织部", "寿宁县委员会组织部"},
		{"ＸＸ县第２中学", "XX县第2中学"},
	}
	for _, p := range same {
		if UnitKey(p[0]) != UnitKey(p[1]) {
			t.Errorf("%q and %q should be one unit (%q, %q)", p[0], p[1], UnitKey(p[0]), UnitKey(p[1]))
		}
	}
	apart := [][2]string{
		{"寿宁县财政局", "寿宁县财政局国库支付中心"},
		{"中共寿宁县委", "寿宁县"},
		{"寿宁县教育局", "寿宁县教育局党委"},
	}
	for _, p := range apart {
		if UnitKey(p[0]) == UnitKey(p[1]) {
			t.Errorf("%q and %q should stay two units", p[0], p[1])
		}
	}
}

// TestUnitFromFileName: the unit in the names offices give files.
func TestUnitFromFileName(t *testing.T) {
	for in, want := range map[string]string{
		"寿宁县林业局整改台账.xlsx":        "寿宁县林业局",
		"寿宁县林业局巡察整改进展情况的通报.pdf":  "寿宁县林业局",
		"关于寿宁县林业局巡察整改情况的报告.docx": "寿宁县林业局",
		"2025_寿宁县林业局_台账(1).xls":  "寿宁县林业局",
		"寿宁县林业局 - 副本.csv":        "寿宁县林业局",
		"整改台账.xlsx":              "",
		"ledger-2025.xlsx":       "",
	} {
		if got := unitFromFileName(in); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

// TestRounds: two rounds of one unit are two rows; a file without a round
// joins the unit's only round.
func TestRounds(t *testing.T) {
	mk := func(issuer, start string, statuses ...string) *notice.Notice {
		n := &notice.Notice{Format: 1, Issuer: issuer}
		if start != "" {
			n.Inspection = &notice.Inspection{Start: start}
		}
		c := notice.Category{Number: 1, Title: "类别"}
		for i, s := range statuses {
			c.Issues = append(c.Issues, notice.Issue{Number: i + 1, Title: fmt.Sprintf("问题%d", i+1), Status: s})
		}
		n.Categories = []notice.Category{c}
		return n
	}
	m := New(Options{Today: "2026-01-01"})
	m.Add("a/2023.json", "json", mk("某局", "2023-04-01", notice.Completed))
	m.Add("a/2025.json", "json", mk("某局", "2025-03-10", notice.InProgress, notice.Completed))
	res := m.Result()
	if len(res.Units) != 2 {
		t.Fatalf("%d units, want one per round", len(res.Units))
	}
	m = New(Options{Today: "2026-01-01"})
	m.Add("b/notice.json", "json", mk("某局", "2025-03-10", notice.InProgress, notice.Completed))
	m.Add("b/ledger.json", "json", mk("某局", "", notice.Completed, notice.Completed))
	res = m.Result()
	if len(res.Units) != 1 || res.Units[0].Total != 2 || res.Units[0].Counts[notice.Completed] != 1 {
		t.Fatalf("ledger without a round should merge into the notice's unit: %+v", res.Units)
	}
}

// TestOwnOutputRecognised: a summary left among the inputs is known as ours
// in each of its formats.
func TestOwnOutputRecognised(t *testing.T) {
	tr := loadTruth(t)
	res := mergeFolder(t, filepath.Join(testDir, "in"), tr.Today)
	for name, w := range map[string]func(*Result, io.Writer) error{"xlsx": WriteXLSX, "json": WriteJSON, "csv": WriteCSV} {
		if !IsOwnOutput(written(t, w, res)) {
			t.Errorf("%s output not recognised as merge's own", name)
		}
	}
	for _, p := range []string{"寿宁县教育局整改台账.xls", "财政局整改台账.xlsx", "交通运输局.json", "寿宁县卫生健康局_整改台账_2025.csv"} {
		data, _ := os.ReadFile(filepath.Join(testDir, "in", p))
		if IsOwnOutput(data) {
			t.Errorf("%s taken for merge's own output", p)
		}
	}
}

func zipNames(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range zr.File {
		out = append(out, f.Name)
	}
	return out
}

// written is what a writer writes for r.
func written(t *testing.T, w func(*Result, io.Writer) error, r *Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := w(r, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSameUnitTwice: a notice and its ledger that differ — a title written
// otherwise (matched by number), a different deadline, an issue only the
// ledger has — merge into one unit, every difference listed, and the
// stricter reading counted.
func TestSameUnitTwice(t *testing.T) {
	issue := func(num int, title, status, deadline string) notice.Issue {
		return notice.Issue{Number: num, Title: title, Status: status, Deadline: deadline}
	}
	pub := &notice.Notice{Format: 1, Issuer: "中共某县某局党组", Categories: []notice.Category{{Number: 1, Title: "类别", Issues: []notice.Issue{
		issue(1, "学习制度执行不严格", notice.Completed, "2025-06"),
		issue(2, "关于“资金拨付滞后”的问题", notice.InProgress, "2025-12"),
	}}}}
	led := &notice.Notice{Format: 1, Issuer: "某县 某局", Categories: []notice.Category{{Number: 1, Title: "类别", Issues: []notice.Issue{
		issue(1, "党组学习制度执行不严格的问题", notice.Completed, "2025-06"), // same number, other words
		issue(2, "资金拨付滞后", notice.InProgress, "2025-09-30"),     // same title once folded, earlier deadline
		issue(3, "公务接待手续不全", notice.NotStarted, "2025-10"),
	}}}}
	m := New(Options{Today: "2025-11-01"})
	m.Add("某局/通报.pdf", "pdf", pub)
	m.Add("某局/台账.xlsx", "xlsx", led)
	m.Add("某局/台账 - 副本.xlsx", "xlsx", led)
	res := m.Result()
	if len(res.Units) != 1 {
		t.Fatalf("%d units, want 1", len(res.Units))
	}
	u := res.Units[0]
	if u.Name != "某县某局" || u.Total != 3 || u.Counts[notice.Completed] != 1 || u.Overdue != 2 || len(u.Duplicates) != 1 {
		t.Errorf("unit %q: %d issues, %v, %d overdue, duplicates %v; want 某县某局, 3, 1 completed, 2 overdue, 1 duplicate",
			u.Name, u.Total, u.Counts, u.Overdue, u.Duplicates)
	}
	codes := map[string]int{}
	for _, f := range res.Findings {
		if f.Level == Conflict {
			codes[f.Code]++
		}
	}
	// Which file lacks issue 3 depends on which is read first (path order).
	if codes["deadline-differs"] != 1 || codes["issue-only-here"]+codes["issue-missing-here"] != 1 || len(codes) != 2 {
		t.Errorf("conflicts %v, want one deadline-differs and one issue listed by one file only", codes)
	}
	if d := u.Issues[1].Deadline; d != "2025-09-30" {
		t.Errorf("deadline %s, want the earlier 2025-09-30", d)
	}
}
