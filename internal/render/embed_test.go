package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/typeset"
)

// fpdfEmbedding draws doc as the writer did before it embedded the fonts
// itself: each face cut by subsetTrueType and handed to fpdf as one of its
// own UTF-8 fonts, which fpdf cuts again and embeds.
func fpdfEmbedding(t *testing.T, doc *typeset.Doc, set *FontSet, meta Meta) []byte {
	t.Helper()
	lay := doc.Layout
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: lay.PageWidth, Ht: lay.PageHeight}})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCreationDate(meta.Date)
	for face, chars := range charactersOf(doc) {
		f := set.Faces[face]
		gids := map[rune]uint16{}
		for r := range chars {
			gids[r] = f.metrics(r, false).gid
		}
		sub, err := subsetTrueType(f.Data, gids)
		if err != nil {
			t.Fatal(err)
		}
		pdf.AddUTF8FontFromBytes(f.Family, "", sub.data)
	}
	for _, p := range doc.Pages {
		pdf.AddPage()
		for _, r := range p.Rules {
			red, green, blue := rgb(r.Color)
			pdf.SetDrawColor(red, green, blue)
			pdf.SetLineWidth(r.Width)
			pdf.Line(r.X1, r.Y, r.X2, r.Y)
		}
		for _, l := range p.Lines {
			red, green, blue := rgb(l.Color)
			pdf.SetTextColor(red, green, blue)
			for _, r := range runs(l, set) {
				pdf.SetFont(set.Faces[r.face].Family, "", l.Size)
				pdf.RawWriteStr(strconv.FormatFloat(r.scale*100, 'f', 3, 64) + " Tz")
				pdf.RawWriteStr(strconv.FormatFloat(r.spacing, 'f', 4, 64) + " Tc")
				pdf.Text(r.x, l.Y, r.text)
			}
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFontsAsFpdfEmbeds: the fonts we embed show every page exactly as
// fpdf's own embedding of the same fonts does: poppler and MuPDF draw
// every page pixel for pixel the same, and poppler reads the same text
// from both. For the corpus notice with 版头 (red type and rules) and 版记
// in the bundled fonts, and for a notice in fonts made by other tools,
// with hinting programs (DejaVu and Liberation, where installed).
func TestFontsAsFpdfEmbeds(t *testing.T) {
	pdftoppm := testutil.Need(t, "pdftoppm")
	mutool := testutil.Need(t, "mutool")
	pdftotext := testutil.Need(t, "pdftotext")
	set, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("bundled", func(t *testing.T) {
		v := testutil.Variants()[1] // with 版头 and 版记
		doc, err := typeset.Typeset(testutil.Blocks(testutil.CorpusNotice(t)), v.Header, v.Colophon, typeset.Default(), set)
		if err != nil {
			t.Fatal(err)
		}
		sameAsFpdf(t, doc, set, pdftoppm, mutool, pdftotext)
	})
	t.Run("other makers", func(t *testing.T) {
		other := &FontSet{Faces: map[typeset.Face]*Font{}}
		for face, file := range map[typeset.Face]string{
			typeset.FaceFang: "dejavu/DejaVuSerif.ttf", typeset.FaceTitle: "dejavu/DejaVuSans-Bold.ttf",
			typeset.FaceHei: "liberation/LiberationSans-Bold.ttf", typeset.FaceKai: "liberation/LiberationSerif-Italic.ttf",
			typeset.FaceSong: "liberation/LiberationSerif-Regular.ttf", typeset.FaceFallback: "dejavu/DejaVuSans.ttf",
		} {
			data, err := os.ReadFile(filepath.Join("/usr/share/fonts/truetype", file))
			if err != nil {
				t.Skipf("%s is not installed", file)
			}
			if other.Faces[face], err = newFont(file, "f-"+string(face), data); err != nil {
				t.Fatal(err)
			}
		}
		blocks := []typeset.Block{
			{Role: "title", Text: "Rectification Progress Report (2024), Inspection Round 3"},
			{Role: "heading1", Text: "I. Issues found and what was done"},
			{Role: "heading2", Text: "(1) Weak supervision. Measures: audits, «reviews» and “training”."},
			{Role: "body", Text: "Çà et là: 12 of 15 measures (80.0%) were completed by 30 June; 3 remain — see Appendix B, or write to office@example.gov.cn."},
			{Role: "signature", Text: "Inspection Office"},
			{Role: "date", Text: "24 June 2025"},
		}
		doc, err := typeset.Typeset(blocks, typeset.Header{}, typeset.Colophon{}, typeset.Default(), other)
		if err != nil {
			t.Fatal(err)
		}
		sameAsFpdf(t, doc, other, pdftoppm, mutool, pdftotext)
	})
}

// sameAsFpdf compares doc written by PDF with fpdfEmbedding's file, drawn
// by poppler and MuPDF and read by pdftotext.
func sameAsFpdf(t *testing.T, doc *typeset.Doc, set *FontSet, pdftoppm, mutool, pdftotext string) {
	t.Helper()
	meta := Meta{Title: "通报", Date: time.Date(2025, 6, 24, 0, 0, 0, 0, time.UTC)}
	ours, err := PDF(doc, set, meta)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string][]byte{"ours": ours, "fpdf": fpdfEmbedding(t, doc, set, meta)}
	for name, data := range files {
		p := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, cmd := range [][]string{
			{pdftoppm, "-r", "72", "-gray", p, filepath.Join(dir, name+"-poppler")},
			{mutool, "draw", "-q", "-r", "72", "-c", "gray", "-o", filepath.Join(dir, name+"-mupdf-%03d.pgm"), p},
			{pdftotext, "-layout", p, filepath.Join(dir, name+".txt")},
		} {
			if out, err := exec.Command(cmd[0], cmd[1:]...).CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", cmd, err, out)
			}
		}
	}
	for _, kind := range []string{"poppler", "mupdf"} {
		pages, _ := filepath.Glob(filepath.Join(dir, "ours-"+kind+"*"))
		slices.Sort(pages)
		if len(pages) != len(doc.Pages) {
			t.Fatalf("%s drew %d pages of %d", kind, len(pages), len(doc.Pages))
		}
		for i, p := range pages {
			a, _ := os.ReadFile(p)
			b, err := os.ReadFile(filepath.Join(dir, "fpdf"+filepath.Base(p)[len("ours"):]))
			if err != nil || !bytes.Equal(a, b) {
				t.Errorf("%s: page %d differs from fpdf's embedding (%v)", kind, i+1, err)
			}
		}
	}
	a, _ := os.ReadFile(filepath.Join(dir, "ours.txt"))
	b, _ := os.ReadFile(filepath.Join(dir, "fpdf.txt"))
	if len(a) < 100 || !bytes.Equal(a, b) {
		t.Errorf("pdftotext reads %d bytes from ours, %d from fpdf's embedding; they differ:\n%s", len(a), len(b),
			testutil.LineDiff(string(b), string(a), "fpdf", "ours"))
	}
}

// TestIdentityH: each character is its two-byte Unicode value; one
// beyond the BMP its two UTF-16 halves.
func TestIdentityH(t *testing.T) {
	got := identityH("通A（𠀀")
	want := "\x90\x1a\x00\x41\xff\x08\xd8\x40\xdc\x00"
	if got != want {
		t.Errorf("identityH = % x, want % x", got, want)
	}
}
