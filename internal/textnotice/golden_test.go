package textnotice

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil/golden"
)

// inputs are the text notices under testdata: the corpus notice and our own
// notices written in other offices' numbering schemes.
func inputs(t testing.TB) []string {
	files, _ := filepath.Glob("../../testdata/notices/*.txt")
	files = append(files, "../../testdata/corpus/notice-2025-extracted.txt")
	if len(files) < 4 {
		t.Fatal("fixtures missing")
	}
	return files
}

func readNotice(t testing.TB, path string) *notice.Notice {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := Read(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return n
}

func TestGolden(t *testing.T) {
	for _, in := range inputs(t) {
		t.Run(filepath.Base(in), func(t *testing.T) {
			got, err := notice.Marshal(readNotice(t, in))
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, strings.TrimSuffix(in, ".txt")+".golden.json", got)
		})
	}
}

// stripSources drops what legitimately changes when text is rewritten: the
// line numbers of sources and the recorded style.
func stripSources(n *notice.Notice) {
	for _, is := range n.Issues() {
		is.Source = nil
	}
	for i := range n.Unplaced {
		n.Unplaced[i].Source = nil
	}
}

// TestTextRoundTrip: text -> model -> text -> model gives the same model.
func TestTextRoundTrip(t *testing.T) {
	for _, in := range inputs(t) {
		t.Run(filepath.Base(in), func(t *testing.T) {
			a := readNotice(t, in)
			b, err := Read(Write(a))
			if err != nil {
				t.Fatal(err)
			}
			stripSources(a)
			stripSources(b)
			ja, _ := notice.Marshal(a)
			jb, _ := notice.Marshal(b)
			if !bytes.Equal(ja, jb) {
				t.Errorf("round trip changed the model:\n%s", firstDiff(string(ja), string(jb)))
			}
		})
	}
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + la[i] + "\n  vs " + lb[i]
		}
	}
	return "lengths differ"
}

func FuzzRead(f *testing.F) {
	// Seeds are slices of the fixtures: small inputs keep the instrumented
	// fuzzer fast; the whole files are covered by the golden tests.
	for _, in := range inputs(f) {
		data, _ := os.ReadFile(in)
		for off := 0; off < len(data); off += 3000 {
			f.Add(data[off:min(len(data), off+3000)])
		}
	}
	f.Add([]byte("一、\n（1）\n整改情况（已完成）：一是二是"))
	f.Add([]byte("\f\f— 1 —\n(1)关于“\n整改情况:"))
	f.Add([]byte("二、情况\n序号\t问题\t完成情况\n1\t学习不深入\t已完成\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Tab-separated tables: every other one taken, as a ledger reader
		// would take those it can read.
		taken := 0
		if _, err := ReadTables(data, func(rows [][]string) *notice.Notice {
			if taken++; taken%2 == 0 {
				return nil
			}
			return &notice.Notice{Categories: []notice.Category{{Issues: []notice.Issue{{Title: rows[0][0]}}}}}
		}); err != nil && !errors.Is(err, ErrNoNotice) && err.Error() == "" {
			t.Fatal("an error without words")
		}
		n, err := Read(data)
		if err != nil {
			return
		}
		// Whatever was read must survive JSON and the text writer.
		j, err := notice.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := notice.Unmarshal(j); err != nil {
			t.Fatalf("written JSON does not read back: %v", err)
		}
		_ = Write(n)
	})
}

func BenchmarkReadCorpus(b *testing.B) {
	data, err := os.ReadFile("../../testdata/corpus/notice-2025-extracted.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTextKeepsSource: writing a notice read from text gives back the
// source's paragraphs character for character: numbering as the source
// numbered it, title lines, issuer, label words, deadlines as written. For a
// clean notice (one paragraph a line) that is the file itself.
func TestTextKeepsSource(t *testing.T) {
	for _, in := range inputs(t) {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var want strings.Builder
			for _, p := range Paragraphs(string(data)) {
				want.WriteString(p.Text + "\n")
			}
			got := string(Write(readNotice(t, in)))
			if got != want.String() {
				t.Errorf("the text writer changed the notice:\n%s", firstDiff(want.String(), got))
			}
			if clean := want.String() == string(data); clean && got != string(data) {
				t.Errorf("a clean notice did not come back byte for byte")
			}
		})
	}
}

// TestUnplacedKept: text the grammar cannot place (an issuer's mark above
// the title, notes after the date) is kept with its line and written back
// where it stood.
func TestUnplacedKept(t *testing.T) {
	in := "../../testdata/check/unplaced.txt"
	data, _ := os.ReadFile(in)
	n := readNotice(t, in)
	if len(n.Unplaced) != 3 || n.Unplaced[0].Source.Line != 1 || n.Unplaced[2].Text != "抄送：县委巡察办。" {
		t.Errorf("unplaced = %+v", n.Unplaced)
	}
	if got := string(Write(n)); got != string(data) {
		t.Errorf("written back differently:\n%s", firstDiff(string(data), got))
	}
}

// TestSecondMeasuresLabel: an issue that says "整改措施：…" and then
// "整改情况：正在整改。" (or "整改情况：已完成。后续…") is written back as
// written, and every txt -> json -> txt round trip gives the same text: the
// actions are not written twice.
func TestSecondMeasuresLabel(t *testing.T) {
	const head = "某某局\n关于巡察整改情况的通报\n现将整改进展情况公布如下。\n一、整改落实情况\n"
	const tail = "某某局\n2025年6月30日\n"
	for name, issue := range map[string]string{
		"status only":      "（一）食品安全监管薄弱\n整改措施：制定抽检计划，抽检批次增加15%。\n整改情况：正在整改。\n",
		"status and text":  "（一）食品安全监管薄弱\n整改措施：制定抽检计划。\n整改情况：已完成。抽检批次增加15%。\n",
		"bracketed status": "（一）食品安全监管薄弱\n整改措施：制定抽检计划。\n（已完成）抽检批次增加15%。\n",
	} {
		t.Run(name, func(t *testing.T) {
			// Blank lines between paragraphs, so that no line joining is involved.
			src := strings.ReplaceAll(head+issue+tail, "\n", "\n\n")
			var want strings.Builder
			for _, p := range Paragraphs(src) {
				want.WriteString(p.Text + "\n")
			}
			text := src
			for round := 1; round <= 3; round++ {
				n, err := Read([]byte(text))
				if err != nil {
					t.Fatal(err)
				}
				data, err := json.Marshal(n)
				if err != nil {
					t.Fatal(err)
				}
				var back notice.Notice
				if err := json.Unmarshal(data, &back); err != nil {
					t.Fatal(err)
				}
				if got := string(Write(&back)); got != want.String() {
					t.Fatalf("round %d changed the notice:\n%s", round, firstDiff(want.String(), got))
				} else {
					text = strings.ReplaceAll(got, "\n", "\n\n")
				}
			}
		})
	}
}
