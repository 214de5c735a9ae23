package pdftext

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestLibraryReadsProducers: the mandated library, not our own object
// layer, reads the PDFs of every producer we have (a routing mistake would
// silently read them all with ours), with the same text.
func TestLibraryReadsProducers(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/pdf/*_notice-2025-extracted.pdf")
	files = append(files, "../../testdata/corpus/notice-2025-libreoffice.pdf")
	if len(files) < 5 {
		t.Fatalf("only %d sample PDFs", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, ok := libDoc(data, newGuard(context.Background()))
		if !ok {
			t.Errorf("%s: routed away from the library", f)
			continue
		}
		lib, err, ok := readWithLib(d)
		if !ok || err != nil {
			t.Errorf("%s: the library failed (%v)", f, err)
			continue
		}
		own := readPages(newDoc(data, newGuard(context.Background())))
		if a, b := pageText(lib), pageText(own); a != b {
			t.Errorf("%s: the library's objects give other text than ours:\n%.200q\n%.200q", f, a, b)
		}
	}
}

func pageText(pages []Page) string {
	var s []rune
	for _, p := range pages {
		for _, g := range p.Glyphs {
			s = append(s, []rune(g.Text)...)
		}
		s = append(s, '\f')
	}
	return string(s)
}
