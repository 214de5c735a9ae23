package pdftext

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rectify/rectify/internal/notice"
)

// TestNoToUnicode: PDFs whose fonts lack a ToUnicode map (made from other
// fixtures by testdata/pdf-no-tounicode/make.sh). Where the embedded
// TrueType program has a cmap the data are those of the PDF with the map;
// where nothing can be recovered the file is refused with ErrNoUnicode;
// where one face lacks it, its glyphs are kept as U+FFFD in their places.
func TestNoToUnicode(t *testing.T) {
	read := func(t *testing.T, path string) (*notice.Notice, error) {
		return Read(context.Background(), mustRead(t, "../../testdata/"+path), Options{})
	}
	for stripped, original := range map[string]string{
		"pdf-no-tounicode/fpdf-embedded.pdf":     "pdf/rectify-aspects.pdf",
		"pdf-no-tounicode/chromium-truetype.pdf": "pdf/chromium-aspects-truetype.pdf",
	} {
		got, err := read(t, stripped)
		if err != nil {
			t.Fatalf("%s: %v", stripped, err)
		}
		want, err := read(t, original)
		if err != nil {
			t.Fatalf("%s: %v", original, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s reads differently from %s", stripped, original)
		}
	}
	// Also re-writers that lost the text: glyphs named by CID with no map
	// (a PostScript print distilled by ps2pdf), a map onto control
	// characters (mutool convert). Read as letters they were garbage.
	for _, f := range []string{"pdf-no-tounicode/word-not-embedded.pdf", "pdf-no-tounicode/libreoffice-type1.pdf",
		"pdf-no-tounicode/ps2pdf-cid-names.pdf", "pdf-no-tounicode/mutool-convert.pdf"} {
		if _, err := read(t, f); !errors.Is(err, ErrNoUnicode) {
			t.Errorf("%s: err = %v, want ErrNoUnicode", f, err)
		}
	}

	// The bold face sets the title and the section headings.
	got, err := read(t, "pdf-no-tounicode/libreoffice-bold-only.pdf")
	if err != nil {
		t.Fatal(err)
	}
	want, err := read(t, "pdf/libreoffice_scheme-aspects.pdf")
	if err != nil {
		t.Fatal(err)
	}
	// The issuer's name above the title is bold too: undecoded, the two
	// are one block of U+FFFD, kept as the title.
	if n := utf8.RuneCountInString(want.Issuer + want.Title); got.Title != strings.Repeat(Undecodable, n) {
		t.Errorf("title = %q, want %d × U+FFFD (the issuer's name and the title)", got.Title, n)
	}
	// The issue headings are regular: the issues are all found. (Without
	// the section headings the text after the list joins its last action.)
	titles := func(n *notice.Notice) (ts []string) {
		for _, c := range n.Categories {
			for _, is := range c.Issues {
				ts = append(ts, is.Title)
			}
		}
		return ts
	}
	if g, w := titles(got), titles(want); !reflect.DeepEqual(g, w) {
		t.Errorf("issues = %q, want %q", g, w)
	}
	if strings.Contains(got.Preamble, "#") || !strings.Contains(got.Preamble, Undecodable) {
		t.Errorf("a heading's glyphs should be kept as U+FFFD, not guessed: %q", got.Preamble)
	}
}
