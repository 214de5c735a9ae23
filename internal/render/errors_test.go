package render

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"github.com/rectify/rectify/fonts"
	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/typeset"
)

// TestFontErrorsInChinese: a font that cannot be cut for the PDF is
// reported in Chinese, naming the font and its file, with no English from
// the libraries underneath.
func TestFontErrorsInChinese(t *testing.T) {
	f, err := newFont("仿宋_GB2312（本机 /fonts/simfang.ttf）", "office-fang", fonts.NotoSerifFolio)
	if err != nil {
		t.Fatal(err)
	}
	f.Path = "/fonts/simfang.ttf"
	f.Data = f.Data[:200] // the file changed under us: its tables now lie beyond its end
	set := &FontSet{Faces: map[typeset.Face]*Font{typeset.FaceSong: f}}
	lay := typeset.Default()
	doc, err := typeset.Typeset(nil, typeset.Header{}, typeset.Colophon{}, lay, set)
	if err != nil {
		t.Fatal(err)
	}
	doc.Pages[0].Lines = []typeset.Line{{Y: 50, Size: 14, Glyphs: []typeset.Glyph{{R: '1', X: 30, Face: typeset.FaceSong}}}}
	_, err = PDF(doc, set, Meta{})
	var de *diag.Error
	if !errors.As(err, &de) {
		t.Fatalf("got %v, want a diag.Error", err)
	}
	if de.File != f.Path || !strings.Contains(de.Msg, "仿宋_GB2312") {
		t.Errorf("error %q does not name the font and its file", err)
	}
	msg := strings.ReplaceAll(strings.ReplaceAll(err.Error(), f.Name, ""), f.Path, "")
	for _, r := range msg {
		if r < unicode.MaxASCII && unicode.IsLetter(r) {
			t.Fatalf("English in %q", err)
		}
	}
}
