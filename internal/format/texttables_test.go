package format

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil/golden"
)

// TestTextTables: a notice whose issue list is a table copied out of Word
// or a web page (tab-separated cells under a ledger's header) reads as a
// ledger inside the notice; the gold is written by hand from the text.
func TestTextTables(t *testing.T) {
	in := "../../testdata/text-tables/media-table.txt"
	data, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	n, err := Read(context.Background(), "text", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"1 意识形态阵地管理存在漏洞 completed 1 2024-10",
		"2 媒体融合发展推进较慢 in_progress 1 2025-06",
		"3 财务报销审核不严 completed 1 立行立改",
		"4 党员教育管理不够严格 completed 1 长期坚持",
	}
	got := n.Issues()
	if len(got) != len(want) {
		t.Fatalf("issues = %d, want %d", len(got), len(want))
	}
	for i, is := range got {
		if g := fmt.Sprintf("%d %s %s %d %s", is.Number, is.Title, is.Status, len(is.Actions), is.Deadline); g != want[i] {
			t.Errorf("issue %d = %s, want %s", i+1, g, want[i])
		}
	}
	if n.Issuer != "中共霞浦县融媒体中心支部委员会" || n.Date != "2025-03-05" || len(n.Sections) != 3 || n.Sections[1].Kind != notice.SectionIssues {
		t.Errorf("issuer %q, date %q, sections %+v", n.Issuer, n.Date, n.Sections)
	}
	if n.Stated["issues"] != 4 || n.Stated[notice.Completed] != 3 || n.Stated[notice.InProgress] != 1 {
		t.Errorf("stated = %v", n.Stated)
	}
	if len(n.Unplaced) > 0 {
		t.Errorf("unplaced: %+v", n.Unplaced)
	}
	b, err := notice.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "../../testdata/text-tables/media-table.golden.json", b)
}
