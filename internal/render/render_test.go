package render_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/pdftext"
	"github.com/rectify/rectify/internal/render"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/textnotice"
	"github.com/rectify/rectify/internal/typeset"
	"github.com/rectify/rectify/templates"
)

func renderCorpus(t testing.TB) ([]byte, []typeset.Block) {
	t.Helper()
	n := testutil.CorpusNotice(t)
	return renderNotice(t, n, render.Meta{Title: n.Title, Author: n.Issuer, Date: time.Date(2025, 6, 24, 0, 0, 0, 0, time.UTC)})
}

// renderNotice typesets a notice with the bundled fonts and draws it.
func renderNotice(t testing.TB, n *notice.Notice, meta render.Meta) ([]byte, []typeset.Block) {
	t.Helper()
	set, err := render.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	blocks := testutil.Blocks(n)
	doc, err := typeset.Typeset(blocks, typeset.Header{}, typeset.Colophon{}, typeset.Default(), set)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := render.PDF(doc, set, meta)
	if err != nil {
		t.Fatal(err)
	}
	return pdf, blocks
}

func writeTemp(t *testing.T, data []byte) string {
	p := filepath.Join(t.TempDir(), "notice.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPopplerReadsBack: poppler reads every character back, in order.
func TestPopplerReadsBack(t *testing.T) {
	bin := testutil.Need(t, "pdftotext")
	pdf, blocks := renderCorpus(t)
	out, err := exec.Command(bin, "-enc", "UTF-8", writeTemp(t, pdf), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\f' || r == '\u00a0' {
				return -1
			}
			return r
		}, s)
	}
	got := squash(string(out))
	// Drop the page numbers "— N —" poppler reads at each page's foot.
	for i := 40; i >= 1; i-- {
		got = strings.ReplaceAll(got, "—"+strconv.Itoa(i)+"—", "")
	}
	var want strings.Builder
	for _, b := range blocks {
		want.WriteString(squash(b.Text))
	}
	if got != want.String() {
		g, w := []rune(got), []rune(want.String())
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		t.Errorf("poppler reads differently from character %d: got %q, want %q", i, string(g[i:min(len(g), i+30)]), string(w[i:min(len(w), i+30)]))
	}
}

// TestQPDFCheck: the file is structurally sound.
func TestQPDFCheck(t *testing.T) {
	bin := testutil.Need(t, "qpdf")
	pdf, _ := renderCorpus(t)
	out, err := exec.Command(bin, "--check", writeTemp(t, pdf)).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// TestFontsEmbedded: every font is embedded, at least four faces, as subsets.
func TestFontsEmbedded(t *testing.T) {
	bin := testutil.Need(t, "pdffonts")
	pdf, _ := renderCorpus(t)
	out, err := exec.Command(bin, writeTemp(t, pdf)).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	if len(lines) < 4 {
		t.Errorf("only %d fonts: %s", len(lines), out)
	}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) < 5 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	// Subsets: the 35 MB of bundled fonts come to well under 1 MB here.
	if len(pdf) > 1<<20 {
		t.Errorf("PDF is %d bytes: fonts not subset?", len(pdf))
	}
}

func TestMetadataNamesFonts(t *testing.T) {
	pdf, _ := renderCorpus(t)
	s := string(pdf)
	if !strings.Contains(s, "/Subject") {
		t.Fatal("no Subject in the document information")
	}
}

func TestRejectsNonTrueType(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "simhei.ttf"), []byte("OTTO not a truetype font"), 0o644)
	_, notes, err := render.LoadFonts(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "simhei.ttf") {
		t.Errorf("notes = %v", notes)
	}
}

// BenchmarkRenderCorpus times drawing the typeset corpus notice into a PDF
// only: reading and typesetting it happen before the loop.
func BenchmarkRenderCorpus(b *testing.B) {
	set, err := render.Bundled()
	if err != nil {
		b.Fatal(err)
	}
	n := testutil.CorpusNotice(b)
	doc, err := typeset.Typeset(testutil.Blocks(n), typeset.Header{}, typeset.Colophon{}, typeset.Default(), set)
	if err != nil {
		b.Fatal(err)
	}
	meta := render.Meta{Title: n.Title, Author: n.Issuer, Date: time.Date(2025, 6, 24, 0, 0, 0, 0, time.UTC)}
	for b.Loop() {
		if _, err := render.PDF(doc, set, meta); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRoundTrip: the notice PDF imports back to the same data.
func TestRoundTrip(t *testing.T) {
	for _, src := range []string{"../../testdata/corpus/notice-2025-extracted.txt", "../../testdata/notices/scheme-mixed-status.txt", "../../testdata/notices/scheme-flat-labels.txt"} {
		t.Run(filepath.Base(src), func(t *testing.T) {
			data, _ := os.ReadFile(src)
			want, err := textnotice.Read(data)
			if err != nil {
				t.Fatal(err)
			}
			got := renderAndRead(t, want)
			for _, n := range []*notice.Notice{got, want} {
				for _, is := range n.Issues() {
					is.Source = nil
				}
				n.Style = nil
			}
			a, _ := notice.Marshal(got)
			b, _ := notice.Marshal(want)
			if string(a) != string(b) {
				t.Errorf("PDF reads back differently")
			}
		})
	}
}

// TestOfficeFonts: fonts are taken by the names they give themselves, not
// by file names (internal/fontfind's tests cover finding them by name): a
// 楷体 font saved as SIMFANG.TTF is not taken for 仿宋.
func TestOfficeFonts(t *testing.T) {
	dir := t.TempDir()
	kai, err := os.ReadFile("../../fonts/LXGWWenKaiMono-Regular-subset.ttf")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "SIMFANG.TTF"), kai, 0o644)
	set, notes, err := render.LoadFonts(dir, false)
	if err != nil || len(notes) != 0 {
		t.Fatalf("%v %v", err, notes)
	}
	if name := set.Faces[typeset.FaceFang].Name; !strings.Contains(name, "内置") {
		t.Errorf("body face = %q, want the bundled one", name)
	}
	if _, _, err := render.LoadFonts(filepath.Join(dir, "nope"), false); err == nil {
		t.Errorf("a missing --font-dir is not an error")
	}
}

// TestScaleRoundTrip: a notice of 3,000 issues in 60 categories (numbers
// past 一百 and 1000) goes to PDF and back unchanged. The 100,000-issue run
// is by hand (README) and is measured in the notes.
func TestScaleRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	want, err := templates.WithText(testutil.Synthetic(3000))
	if err != nil {
		t.Fatal(err)
	}
	got := renderAndRead(t, want)
	if len(got.Issues()) != 3000 || len(got.Categories) != 60 {
		t.Fatalf("%d issues in %d categories", len(got.Issues()), len(got.Categories))
	}
	wi := want.Issues()
	for i, is := range got.Issues() {
		w := wi[i]
		if is.Number != w.Number || is.Title != w.Title || is.Status != w.Status || is.Deadline != w.Deadline || len(is.Actions) != len(w.Actions) {
			t.Fatalf("issue %d: %+v\nwant %+v", i+1, is, w)
		}
		for j := range is.Actions {
			if is.Actions[j].Text != w.Actions[j].Text {
				t.Fatalf("issue %d action %d: %q, want %q", is.Number, j+1, is.Actions[j].Text, w.Actions[j].Text)
			}
		}
	}
}

func renderAndRead(t testing.TB, n *notice.Notice) *notice.Notice {
	t.Helper()
	pdf, _ := renderNotice(t, n, render.Meta{})
	got, err := pdftext.Read(context.Background(), pdf, pdftext.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func BenchmarkRoundTrip3000(b *testing.B) {
	n, _ := templates.WithText(testutil.Synthetic(3000))
	for b.Loop() {
		renderAndRead(b, n)
	}
}
