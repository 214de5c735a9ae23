package render

import (
	"bytes"
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

// TestContentsCompressed: fpdf's file with compression off, its pages then
// compressed by finishPDF (no fonts to add), is byte for byte the file fpdf
// writes with compression on. If fpdf changes how it lays out a file,
// finishPDF refuses it and this fails.
func TestContentsCompressed(t *testing.T) {
	want := fpdfDocument(t, true)
	plain := fpdfDocument(t, false)
	if bytes.Equal(want, plain) {
		t.Fatal("fpdf wrote the same file with compression on and off")
	}
	got, ok := finishPDF(plain, nil)
	if !ok || !bytes.Equal(got, want) {
		t.Errorf("finishPDF: %d bytes (ok %v), fpdf compressing itself: %d bytes; they differ", len(got), ok, len(want))
	}
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
