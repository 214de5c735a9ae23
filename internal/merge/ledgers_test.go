package merge

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
)

// TestLedgerFolder: the supervisor's folder of unit ledgers in ten layouts
// and producers (testdata/merge/make_ledgers.sh, from the blind ledgers of
// testdata/ledgers/blind2). What each unit's row must say is written here by
// hand from the files: issues, completed, overdue on 2026-01-01, the files
// merged and left out, how the unit was told.
func TestLedgerFolder(t *testing.T) {
	res := mergeFolder(t, filepath.Join(testDir, "ledgers"), "2026-01-01")
	want := map[string]struct {
		issues, done, overdue int
		files, dups           int
		by                    string // how its first file's unit was told
	}{
		// Its October .xls says 中共…党组, its December .xlsx the plain name;
		// December's 已完成 for issue 2 supersedes October's 正在推进.
		"某某县审计局":      {4, 3, 0, 2, 0, "发文机关或填报单位"},
		"某某县医疗保障局":    {4, 1, 2, 1, 0, "发文机关或填报单位"},
		"中共某某乡委员会":    {3, 1, 1, 1, 0, "发文机关或填报单位"}, // three lists, one set of issues
		"某某县住房和城乡建设局": {4, 1, 2, 1, 1, "发文机关或填报单位"}, // the .xls copy is a duplicate
		"某某镇人民政府":     {3, 0, 2, 1, 0, "发文机关或填报单位"}, // statuses only as fill colours
		"某某县教育局":      {3, 1, 1, 1, 0, "发文机关或填报单位"}, // Excel's Unicode text
		"某某区商务局":      {3, 1, 1, 1, 0, "发文机关或填报单位"}, // semicolons
		"某某县市场监督管理局":  {3, 1, 1, 1, 0, "发文机关或填报单位"}, // a Word table
		"某某县林业局":      {2, 1, 0, 1, 0, "文件名"},
		"某某县统计局":      {1, 1, 0, 1, 0, "文件夹名"},
	}
	if len(res.Units) != len(want) {
		var names []string
		for _, u := range res.Units {
			names = append(names, u.Name)
		}
		t.Errorf("%d units %q, want %d", len(res.Units), names, len(want))
	}
	total := 0
	for _, u := range res.Units {
		w, ok := want[u.Name]
		if !ok {
			t.Errorf("unexpected unit %q (files %q)", u.Name, u.Files)
			continue
		}
		total += u.Total
		if u.Total != w.issues || u.Counts[notice.Completed] != w.done || u.Overdue != w.overdue || len(u.Files) != w.files || len(u.Duplicates) != w.dups {
			t.Errorf("%s: %d issues, %d done, %d overdue, files %q, duplicates %q; want %d, %d, %d, %d files, %d duplicates",
				u.Name, u.Total, u.Counts[notice.Completed], u.Overdue, u.Files, u.Duplicates, w.issues, w.done, w.overdue, w.files, w.dups)
		}
		if by := fileNamed(res, u.Files[0]).UnitBy; by != w.by {
			t.Errorf("%s: told by %q, want %q", u.Name, by, w.by)
		}
	}
	if total != 30 {
		t.Errorf("%d issues in all, want 30", total)
	}
	if res.Failed() != 1 {
		t.Errorf("%d files failed, want 1 (卫健局台账.csv)", res.Failed())
	}
	if f := fileNamed(res, "卫健局台账.csv"); f == nil || !strings.Contains(f.Error, "编码") {
		t.Errorf("卫健局台账.csv: %+v, want a failure naming the encoding", f)
	}
	found := false
	for _, f := range res.Findings {
		if f.Code == "status-differs" && f.Unit == "某某县审计局" && f.Issue == 2 {
			found = strings.Contains(f.Message, "按日期较晚的审计局台账（12月更新）.xlsx统计") && strings.Contains(f.Message, "2025年10月15日")
			if !found {
				t.Errorf("conflict says %q, want the later report named and both dates", f.Message)
			}
		}
	}
	if !found {
		t.Error("no status conflict for 审计局 issue 2")
	}
}

func fileNamed(res *Result, path string) *File {
	for _, f := range res.Files {
		if f.Path == path {
			return f
		}
	}
	return nil
}
