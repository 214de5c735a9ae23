package render

import (
	"os"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/typeset"
	"golang.org/x/image/font/sfnt"
)

// TestBeyondBMPNotSet: a font that maps a character beyond the BMP (here
// 𠮷, U+20BB7, as SimSun-ExtB maps Extension B) does not offer it to the
// typesetter, because the PDF's two-byte character codes cannot show it:
// the user is told the character cannot be set, instead of a page with a
// missing glyph.
func TestBeyondBMPNotSet(t *testing.T) {
	data, err := os.ReadFile("testdata/beyond-bmp.ttf")
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	sf, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if g, _ := sf.GlyphIndex(&buf, 0x20BB7); g == 0 {
		t.Fatal("the fixture does not map U+20BB7: remake it with make-beyond-bmp.py")
	}
	f, err := newFont("beyond-bmp.ttf", "beyond", data)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Has('1') {
		t.Error("the font's own digit is not offered")
	}
	if f.Has(0x20BB7) {
		t.Error("U+20BB7 is offered, but the PDF cannot show it")
	}
}

// TestBeyondBMPMessage: the notice with 𠮷 is refused in words that say
// why, naming the paragraph.
func TestBeyondBMPMessage(t *testing.T) {
	set, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	blocks := []typeset.Block{{Role: "body", Text: "𠮷野家门店的整改情况。"}}
	_, err = typeset.Typeset(blocks, typeset.Header{}, typeset.Colophon{}, typeset.Default(), set)
	if err == nil || !strings.Contains(err.Error(), "U+20BB7）是扩展区的生僻字，PDF 正文无法写入") || !strings.Contains(err.Error(), "𠮷野家门店") {
		t.Errorf("error: %v", err)
	}
}
