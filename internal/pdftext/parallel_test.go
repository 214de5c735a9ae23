package pdftext

import (
	"context"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
)

// TestParallelPagesSame: pages read on several goroutines are the pages
// read on one, glyph for glyph, for every producer's 29-page notice and the
// corpus PDF (their pages share fonts, which are loaded once and copied).
func TestParallelPagesSame(t *testing.T) {
	for _, f := range producerNotices(t) {
		data := mustRead(t, f)
		read := func(procs int) []Page {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			pages, err := Pages(context.Background(), data, Options{})
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			return pages
		}
		one, four := read(1), read(4)
		if !reflect.DeepEqual(one, four) {
			t.Errorf("%s: pages read on 4 goroutines differ from pages read on one", filepath.Base(f))
		}
		if l1, l4 := func() any { defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1)); return Lines(one) }(), Lines(four); !reflect.DeepEqual(l1, l4) {
			t.Errorf("%s: lines differ", filepath.Base(f))
		}
	}
}
