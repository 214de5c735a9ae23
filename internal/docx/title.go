package docx

import (
	"fmt"

	"github.com/rectify/rectify/internal/textnotice"
	"github.com/rectify/rectify/internal/typeset"
)

// titleLines sets the notice as the PDF writer does, with the same fonts,
// and reads off each title block's lines (block index → lines). Measuring
// only: a character no font has counts one cell (Chinese) or half a cell,
// so that a .docx is written whatever the fonts lack.
func titleLines(blocks []textnotice.Block, lay typeset.Layout, pg Page, fonts typeset.Fonts) (map[int][]string, error) {
	tb := make([]typeset.Block, len(blocks))
	for i, b := range blocks {
		tb[i] = typeset.Block{Role: b.Role, Text: b.Text}
	}
	doc, err := typeset.Typeset(tb, typeset.Header{Mark: pg.Mark, DocNumber: pg.DocNumber}, typeset.Colophon{}, lay, measuring{fonts})
	if err != nil {
		return nil, fmt.Errorf("排版失败：%w", err)
	}
	lines := map[int][]string{}
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			if l.Role == "title" {
				lines[l.Para] = append(lines[l.Para], l.Text())
			}
		}
	}
	return lines, nil
}

// measuring is the PDF writer's fonts with a width for every character.
type measuring struct{ typeset.Fonts }

var allFaces = []typeset.Face{typeset.FaceFang, typeset.FaceSong, typeset.FaceHei, typeset.FaceKai, typeset.FaceTitle}

func (m measuring) Has(f typeset.Face, r rune) bool {
	if m.Fonts.Has(f, r) {
		return true
	}
	for _, g := range allFaces {
		if m.Fonts.Has(g, r) {
			return false // another face in the chain has it
		}
	}
	return true
}

func (m measuring) Advance(f typeset.Face, r rune) float64 {
	if m.Fonts.Has(f, r) {
		return m.Fonts.Advance(f, r)
	}
	if r >= 0x2E80 {
		return 1
	}
	return 0.5
}
