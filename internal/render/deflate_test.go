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
// compressed by deflateContents, is byte for byte the file fpdf writes with
// compression on. If fpdf changes how it lays out a file, deflateContents
// returns it uncompressed and this fails.
func TestContentsCompressed(t *testing.T) {
	want := fpdfDocument(t, true)
	plain := fpdfDocument(t, false)
	if bytes.Equal(want, plain) {
		t.Fatal("fpdf wrote the same file with compression on and off")
	}
	got := deflateContents(plain)
	if !bytes.Equal(got, want) {
		t.Errorf("deflateContents: %d bytes, fpdf compressing itself: %d bytes; they differ", len(got), len(want))
	}
}

// TestContentsLeftAlone: a file not laid out as fpdf lays it out comes back
// unchanged.
func TestContentsLeftAlone(t *testing.T) {
	plain := fpdfDocument(t, false)
	for name, pdf := range map[string][]byte{
		"no startxref":    bytes.ReplaceAll(plain, []byte("startxref"), []byte("startxrex")),
		"truncated":       plain[:len(plain)/2],
		"shifted objects": append([]byte("%comment\n"), plain...),
		"empty":           nil,
	} {
		if got := deflateContents(pdf); !bytes.Equal(got, pdf) {
			t.Errorf("%s: changed", name)
		}
	}
}
