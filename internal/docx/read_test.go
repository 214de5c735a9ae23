package docx

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/testutil/golden"
)

// fixtures are our .docx files (testdata/docx/make.py) and, where the file
// was made from a text notice, that notice: the Word file must read exactly
// as its text does.
var fixtures = []struct{ docx, text string }{
	{"numbered-aspects.docx", "scheme-aspects.txt"},
	{"numbered-parts.docx", "scheme-parts.txt"},
	{"numbered-mixed.docx", "scheme-mixed-status.txt"},
	{"numbered-latin.docx", "tax-theme-ab.txt"},
	{"numbered-diyi.docx", "court-diyi.txt"},
	{"numbered-decimal.docx", "soe-decimal.txt"},
	{"numbered-bracket.docx", "school-bracket.txt"},
	{"libreoffice-numbered.docx", "scheme-parts.txt"},
	{"libreoffice-text.docx", "scheme-flat-labels.lines.txt"},
	{"table.docx", ""},
	{"tracked.docx", ""},
}

func readFixture(t *testing.T, name string) *notice.Notice {
	t.Helper()
	data, err := os.ReadFile(testutil.Testdata("docx", name))
	if err != nil {
		t.Fatal(err)
	}
	n, err := Read(context.Background(), data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return n
}

func stripSources(n *notice.Notice) {
	for _, is := range n.Issues() {
		is.Source = nil
	}
	for i := range n.Unplaced {
		n.Unplaced[i].Source = nil // another file, other line numbers
	}
}

func TestGolden(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.docx, func(t *testing.T) {
			got, err := notice.Marshal(readFixture(t, f.docx))
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, testutil.Testdata("docx", strings.TrimSuffix(f.docx, ".docx")+".golden.json"), got)
		})
	}
}

// TestReadsAsText: a Word file whose labels are automatic numbering reads
// as the text notice it was made from, label for label.
func TestReadsAsText(t *testing.T) {
	for _, f := range fixtures {
		if f.text == "" {
			continue
		}
		t.Run(f.docx, func(t *testing.T) {
			got := readFixture(t, f.docx)
			want := testutil.ReadNotice(t, testutil.Testdata("notices", f.text))
			stripSources(got)
			stripSources(want)
			a, _ := notice.Marshal(got)
			b, _ := notice.Marshal(want)
			if !bytes.Equal(a, b) {
				t.Errorf("%s reads differently from %s:\n%s", f.docx, f.text, firstDiff(string(a), string(b)))
			}
		})
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n docx: " + al[i] + "\n text: " + bl[i]
		}
	}
	return "lengths differ"
}

// TestRoundTrip: every fixture read, written as our .docx and read again
// gives the same data (sources aside: they say where a fact stood in the
// file it was read from); written and read once more, identical bytes of
// JSON, sources included.
func TestRoundTrip(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.docx, func(t *testing.T) {
			first := readFixture(t, f.docx)
			again := func(n *notice.Notice) *notice.Notice {
				t.Helper()
				m, err := Read(context.Background(), writeNotice(t, n, Page{}))
				if err != nil {
					t.Fatalf("reading our own .docx: %v", err)
				}
				return m
			}
			second := again(first)
			third := again(second)
			b2, _ := notice.Marshal(second)
			b3, _ := notice.Marshal(third)
			if !bytes.Equal(b2, b3) {
				t.Errorf("second and third reading differ:\n%s", firstDiff(string(b2), string(b3)))
			}
			stripSources(first)
			stripSources(second)
			if f.docx == "table.docx" {
				// A table has no numbering scheme or paragraph layout to
				// record; written back, the issues are text in the default
				// scheme, which the second reading records. Nothing else
				// may differ.
				if first.Style == nil || second.Style == nil {
					second.Style = first.Style
				} else {
					for _, f := range []struct{ dst, src *string }{
						{&second.Style.Category, &first.Style.Category}, {&second.Style.Subcategory, &first.Style.Subcategory},
						{&second.Style.Issue, &first.Style.Issue}, {&second.Style.Progress, &first.Style.Progress},
						{&second.Style.Pending, &first.Style.Pending},
					} {
						*f.dst = *f.src
					}
				}
				for _, is := range second.Issues() {
					is.Layout = ""
				}
			}
			b1, _ := notice.Marshal(first)
			b2, _ = notice.Marshal(second)
			if !bytes.Equal(b1, b2) {
				t.Errorf(".docx → JSON → .docx → JSON differs:\n%s", firstDiff(string(b2), string(b1)))
			}
		})
	}
}

// TestTextNoticesRoundTrip: every text notice (our schemes and the corpus)
// written as our .docx, with or without 版头 and 版记, reads back as the
// same data.
func TestTextNoticesRoundTrip(t *testing.T) {
	files, _ := filepath.Glob(testutil.Testdata("notices", "*.txt"))
	files = append(files, testutil.Testdata("corpus", "notice-2025-extracted.txt"))
	for _, in := range files {
		t.Run(filepath.Base(in), func(t *testing.T) {
			want := testutil.ReadNotice(t, in)
			stripSources(want)
			b, _ := notice.Marshal(want)
			// Plain, and with the red header and the colophon: the
			// office's furniture, which the grammar keeps as unplaced text
			// (its words exactly, nothing else).
			for _, pg := range []Page{{}, {Mark: "测试局文件", CC: "县委巡察办", Printer: "测试局办公室", PrintDate: "2025年6月24日"}} {
				got, err := Read(context.Background(), writeNotice(t, want, pg))
				if err != nil {
					t.Fatal(err)
				}
				if pg.Mark != "" {
					furniture := []string{pg.Mark, "抄送：" + pg.CC + "。", pg.Printer + pg.PrintDate + "印发"}
					var kept []string
					var rest []notice.Unplaced
					for _, u := range got.Unplaced {
						if slices.Contains(furniture, u.Text) {
							kept = append(kept, u.Text)
						} else {
							rest = append(rest, u)
						}
					}
					if len(got.Unplaced) > 0 && !slices.Equal(kept, furniture) {
						t.Errorf("the 版头 and 版记 read back as %q, want %q", kept, furniture)
					}
					got.Unplaced = rest
				}
				stripSources(got)
				if pg.Mark != "" && got.Style != nil && want.Style != nil && want.Style.DocNumberBelow {
					// Under the 版头 the 发文字号 stands above the title.
					got.Style.DocNumberBelow = true
				}
				a, _ := notice.Marshal(got)
				if !bytes.Equal(a, b) {
					t.Errorf("%s → .docx (%+v) → data differs:\n%s", filepath.Base(in), pg, firstDiff(string(a), string(b)))
				}
			}
		})
	}
}

// TestLedgerFormLines: the form's lines above a Word ledger table (填报单位：…
// 填报日期：…, 填表人：… 审核人：…) give the unit and the date and are kept
// as they stand; they are no part of the title.
func TestLedgerFormLines(t *testing.T) {
	n, err := Read(context.Background(), readFile(t, "../../testdata/ledgers/blind2/writer-table.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if n.Title != "某某县市场监督管理局巡察反馈问题整改台账" || n.Issuer != "某某县市场监督管理局" || n.Date != "2025-09-28" {
		t.Errorf("title %q issuer %q date %q", n.Title, n.Issuer, n.Date)
	}
	var kept []string
	for _, u := range n.Unplaced {
		kept = append(kept, u.Text)
	}
	if want := []string{"填报单位：某某县市场监督管理局 填报日期：2025年9月28日", "填表人：何静 审核人：许刚"}; !reflect.DeepEqual(kept, want) {
		t.Errorf("kept %q, want %q", kept, want)
	}
}
