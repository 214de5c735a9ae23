package render

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/rectify/rectify/fonts"
)

// fpdfDocument writes a few pages of Chinese text with fpdf, compressed by
// fpdf itself or not.
func fpdfDocument(t *testing.T, compress bool) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.SetCreationDate(time.Date(2025, 6, 24, 0, 0, 0, 0, time.UTC))
	pdf.AddUTF8FontFromBytes("folio", "", fonts.NotoSerifFolio)
	for p := range 5 {
		pdf.AddPage()
		pdf.SetFont("folio", "", 14)
		for l := range 20 {
			pdf.Text(20, float64(20+10*l), "— 1234567890 —")
		}
		pdf.Text(100, 280, "— "+string(rune('1'+p))+" —")
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestContentsCompressed: fpdf's file with compression off, finished by
// finishPDF with no fonts to add, holds what fpdf writes with compression
// on: the same objects byte for byte, but for the page content streams,
// compressed by another zlib, which inflate to the same contents; the same
// trailer. If fpdf changes how it lays out a file, finishPDF refuses it
// and this fails.
func TestContentsCompressed(t *testing.T) {
	want := fpdfDocument(t, true)
	plain := fpdfDocument(t, false)
	if bytes.Equal(want, plain) {
		t.Fatal("fpdf wrote the same file with compression on and off")
	}
	got, ok := finishPDF(plain, nil)
	if !ok {
		t.Fatal("finishPDF refused fpdf's file")
	}
	gotObjs, gx, ok1 := objectsOf(got)
	wantObjs, wx, ok2 := objectsOf(want)
	if !ok1 || !ok2 || len(gotObjs) != len(wantObjs) {
		t.Fatalf("objects: %d (%v), fpdf compressing: %d (%v)", len(gotObjs), ok1, len(wantObjs), ok2)
	}
	streams := 0
	for i, g := range gotObjs {
		a, b := got[g.start:g.end], want[wantObjs[i].start:wantObjs[i].end]
		if bytes.Equal(a, b) {
			continue
		}
		da, ok1 := inflated(a)
		db, ok2 := inflated(b)
		if !ok1 || !ok2 || !bytes.Equal(da, db) {
			t.Errorf("object %d differs:\n%.200q\nfpdf:\n%.200q", g.num, a, b)
		}
		streams++
	}
	if streams < 5 {
		t.Errorf("%d streams compressed differently from fpdf's, want the 5 pages'", streams)
	}
	if !bytes.Equal(got[gx.trailer:gx.startxref], want[wx.trailer:wx.startxref]) {
		t.Errorf("trailers differ")
	}
}

// inflated is the data of a /FlateDecode stream object.
func inflated(obj []byte) ([]byte, bool) {
	m := regexp.MustCompile(`(?s)^\d+ 0 obj\n<</Filter /FlateDecode /Length (\d+)>>\nstream\n`).FindSubmatch(obj)
	if m == nil {
		return nil, false
	}
	n, _ := strconv.Atoi(string(m[1]))
	rest := obj[len(m[0]):]
	if n > len(rest) {
		return nil, false
	}
	zr, err := zlib.NewReader(bytes.NewReader(rest[:n]))
	if err != nil {
		return nil, false
	}
	data, err := io.ReadAll(zr)
	return data, err == nil
}

// TestNotFpdfLayout: a file not laid out as fpdf lays it out is refused.
func TestNotFpdfLayout(t *testing.T) {
	plain := fpdfDocument(t, false)
	for name, pdf := range map[string][]byte{
		"no startxref":    bytes.ReplaceAll(plain, []byte("startxref"), []byte("startxrex")),
		"truncated":       plain[:len(plain)/2],
		"shifted objects": append([]byte("%comment\n"), plain...),
		"empty":           nil,
	} {
		if _, ok := finishPDF(pdf, nil); ok {
			t.Errorf("%s: not refused", name)
		}
	}
}

// framedDocument is a small file as Write has fpdf write it: fonts
// selected by name, text in Identity-H codes, no fpdf font.
func framedDocument(t testing.TB) []byte {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.SetCreationDate(time.Date(2025, 6, 24, 0, 0, 0, 0, time.UTC))
	for p := range 2 {
		pdf.AddPage()
		pdf.RawWriteStr("BT /F1 14.00 Tf ET")
		pdf.Text(20, 20, identityH("— "+string(rune('1'+p))+" —"))
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// folioFont is the page-number font cut to a few characters, embedded.
func folioFont(t testing.TB) *embeddedFont {
	f, err := newFont("页码", "folio", fonts.NotoSerifFolio)
	if err != nil {
		t.Fatal(err)
	}
	gids := map[rune]uint16{}
	for _, r := range "— 0123456789" {
		gids[r] = f.metrics(r, false).gid
	}
	sub, err := subsetTrueType(f.Data, gids)
	if err != nil {
		t.Fatal(err)
	}
	e, err := embedFont("F1", f.Family, sub)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestFontsAdded: the font is named in the pages' resources, its objects
// are in the cross-reference table and counted by the trailer's /Size; a
// file whose resources already name fonts is refused.
func TestFontsAdded(t *testing.T) {
	plain := framedDocument(t)
	out, ok := finishPDF(plain, []*embeddedFont{folioFont(t)})
	if !ok {
		t.Fatal("finishPDF refused fpdf's file")
	}
	objs, x, ok := objectsOf(out)
	if !ok {
		t.Fatal("the finished file's cross-reference table does not read back")
	}
	if len(objs) != x.size-1 || !bytes.Contains(out[x.trailer:], []byte("/Size "+strconv.Itoa(x.size)+"\n")) {
		t.Errorf("%d objects, trailer %q", len(objs), out[x.trailer:x.startxref])
	}
	for _, want := range []string{"/Font <<\n/F1 ", "/Subtype /Type0", "/CIDToGIDMap ", "/FontFile2 ", "+folio"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("no %q in the finished file", want)
		}
	}
	withFont := fpdfDocument(t, false)
	if _, ok := finishPDF(withFont, []*embeddedFont{folioFont(t)}); ok {
		t.Error("a file with fpdf's own font in its resources was not refused")
	}
}

// FuzzFinishPDF feeds mangled files to finishPDF: no input may panic, and
// a file it finishes reads back.
func FuzzFinishPDF(f *testing.F) {
	f.Add(framedDocument(f))
	font := folioFont(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if out, ok := finishPDF(data, []*embeddedFont{font}); ok {
			if _, _, ok := objectsOf(out); !ok {
				t.Error("the finished file does not read back")
			}
		}
	})
}
