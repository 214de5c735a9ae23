package render_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rectify/rectify/internal/render"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/typeset"
)

// TestCharactersPredicted: the characters typeset.Characters predicts per
// face, before any layout, are exactly those the laid-out pages hold, for
// the corpus notice and every notice in testdata/notices, plain and with
// 版头 and 版记; only page-number digits a short document does not reach
// may be extra. A PDF written from the prediction (the convert path) is
// the PDF written from the pages, byte for byte, where nothing is extra.
func TestCharactersPredicted(t *testing.T) {
	files := allNotices()
	set, err := render.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	lay := typeset.Default()
	for _, file := range files {
		blocks := testutil.Blocks(testutil.ReadNotice(t, file))
		for _, v := range testutil.Variants() {
			t.Run(filepath.Base(file)+"/"+v.Name, func(t *testing.T) {
				predicted := typeset.Characters(blocks, v.Header, v.Colophon, lay, set)
				doc, err := typeset.Typeset(blocks, v.Header, v.Colophon, lay, set)
				if err != nil {
					t.Fatal(err)
				}
				used := map[typeset.Face]map[rune]bool{}
				for _, p := range doc.Pages {
					for _, l := range p.Lines {
						for _, g := range l.Glyphs {
							if used[g.Face] == nil {
								used[g.Face] = map[rune]bool{}
							}
							used[g.Face][g.R] = true
							if !predicted[g.Face][g.R] {
								t.Errorf("%q in face %s is on page %d but was not predicted", g.R, g.Face, p.Number)
							}
						}
					}
				}
				extra := false
				for face, rs := range predicted {
					for r := range rs {
						if used[face][r] {
							continue
						}
						extra = true
						if face != lay.Folio.Face || !strings.ContainsRune("0123456789", r) {
							t.Errorf("%q in face %s was predicted but is not on the pages", r, face)
						}
					}
				}
				if extra {
					return
				}
				meta := render.Meta{Title: "标题", Date: time.Date(2025, 6, 24, 0, 0, 0, 0, time.UTC)}
				want, err := render.PDF(doc, set, meta)
				if err != nil {
					t.Fatal(err)
				}
				got, err := render.NewWriter(predicted, set, lay, meta).Write(doc)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("the PDF written from the prediction differs from the one written from the pages")
				}
			})
		}
	}
}

// TestWriterUnprepared: pages holding characters the writer was not
// prepared for are still drawn with all their glyphs embedded.
func TestWriterUnprepared(t *testing.T) {
	set, err := render.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	lay := typeset.Default()
	blocks := []typeset.Block{{Role: "title", Text: "关于整改情况的通报"}, {Role: "body", Text: "正文一段，含数字2025和字母abc。"}}
	doc, err := typeset.Typeset(blocks, typeset.Header{}, typeset.Colophon{}, lay, set)
	if err != nil {
		t.Fatal(err)
	}
	meta := render.Meta{Date: time.Date(2025, 6, 24, 0, 0, 0, 0, time.UTC)}
	want, err := render.PDF(doc, set, meta)
	if err != nil {
		t.Fatal(err)
	}
	few := map[typeset.Face]map[rune]bool{typeset.FaceFang: {'正': true}}
	got, err := render.NewWriter(few, set, lay, meta).Write(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("a writer prepared for too few characters wrote a different PDF")
	}
}
