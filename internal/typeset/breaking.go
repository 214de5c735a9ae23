package typeset

import (
	"fmt"
	"strings"

	"github.com/go-text/typesetting/segmenter"
	"golang.org/x/text/width"
)

// Fonts tells the typesetter what a face holds: whether it has a glyph and
// how wide it is, in em.
type Fonts interface {
	Has(f Face, r rune) bool
	Advance(f Face, r rune) float64
}

// MissingGlyphError names a character no font in the chain has.
type MissingGlyphError struct {
	Rune      rune
	Paragraph string
}

func (e *MissingGlyphError) Error() string {
	p := []rune(e.Paragraph)
	if len(p) > 30 {
		p = append(p[:30], []rune("……")...)
	}
	return fmt.Sprintf("字符“%c”（U+%04X）所有字体都没有，无法排印；所在段落：“%s”", e.Rune, e.Rune, string(p))
}

// chain is the per-character fallback order after a role's own face.
var chain = []Face{FaceFang, FaceFallback}

// faceFor picks the first face in the role's chain that has r.
func faceFor(fonts Fonts, want Face, r rune) (Face, bool) {
	if fonts.Has(want, r) {
		return want, true
	}
	for _, f := range chain {
		if f != want && fonts.Has(f, r) {
			return f, true
		}
	}
	return "", false
}

// isWide reports whether r takes a full grid cell (CJK ideographs, kana,
// full-width punctuation).
func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	// Dashes and ellipses are ambiguous in Unicode but full-width in Chinese
	// text. Quotes are set at the font's own width: many Chinese fonts draw
	// them narrow, and a narrow quote in a full cell leaves a gap.
	return r == '—' || r == '…' || r == '·'
}

// box is one glyph being set: its rune, face and advance in mm.
type box struct {
	r    rune
	face Face
	adv  float64
}

// measure turns text into boxes: wide characters take exactly one cell (the
// grid pitch), others their font advance scaled to the same squeeze.
func measure(fonts Fonts, text string, faces []Face, size, cell float64) ([]box, error) {
	em := size * ptToMM
	squeeze := cell / em // <1 when the grid is tighter than the type size
	rs := []rune(text)
	boxes := make([]box, len(rs))
	for i, r := range rs {
		f, ok := faceFor(fonts, faces[i], r)
		if !ok {
			return nil, &MissingGlyphError{Rune: r, Paragraph: text}
		}
		adv := cell
		if !isWide(r) {
			adv = fonts.Advance(f, r) * em * squeeze
		}
		boxes[i] = box{r, f, adv}
	}
	return boxes, nil
}

// Breaks returns the positions (rune offsets) where a line may end in text,
// by UAX #14 with the 禁则 of GB/T 9704 on top: no line starts with closing
// or pausing marks, none ends with an opening mark, "——" and "……", digit
// runs and Latin words stay whole.
func Breaks(text string) []bool {
	rs := []rune(text)
	ok := make([]bool, len(rs)+1) // ok[i]: a line may end before rs[i]
	var seg segmenter.Segmenter
	seg.Init(rs)
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		ok[l.Offset+len(l.Text)] = true
	}
	for i := 1; i < len(rs); i++ {
		if !ok[i] {
			continue
		}
		prev, next := rs[i-1], rs[i]
		switch {
		case strings.ContainsRune(noStart, next), strings.ContainsRune(noEnd, prev):
			ok[i] = false
		case prev == next && (prev == '—' || prev == '…'):
			ok[i] = false
		case isDigitish(prev) && isDigitish(next), isLatin(prev) && isLatin(next):
			ok[i] = false
		}
	}
	return ok
}

// 禁则 sets of GB/T 9704 as the spec lists them.
const (
	noStart = "，。、；：？！）》」』】〕〉”’…—%‰,.;:?!)]}"
	noEnd   = "（《「『【〔〈“‘([{"
)

func isDigitish(r rune) bool { return (r >= '0' && r <= '9') || r == '.' }
func isLatin(r rune) bool    { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }

// breakLines fits boxes into lines of the given width; the first line is
// narrower by indent. It returns the rune offsets where lines start.
func breakLines(boxes []box, ok []bool, widthMM, indent, cell float64) []int {
	starts := []int{0}
	lineStart, w := 0, indent
	lastOK := -1
	for i := 0; i < len(boxes); i++ {
		if i > lineStart && ok[i] {
			lastOK = i
		}
		if w+boxes[i].adv > widthMM+0.01 && i > lineStart {
			brk := lastOK
			if brk <= lineStart || indentOf(len(starts), indent)+lineWidth(boxes[lineStart:brk]) < widthMM-3*cell {
				// No opportunity, or one that leaves the line too loose (a long
				// e-mail address or URL follows): break inside the run, short of
				// the marks that may not start or end a line.
				brk = i
				// Prefer the end of a part of the address: after @ . / - _.
				for j := i - 1; j > lineStart && !isWide(boxes[j].r); j-- {
					if strings.ContainsRune("@./-_", boxes[j].r) && indentOf(len(starts), indent)+lineWidth(boxes[lineStart:j+1]) >= widthMM-3*cell {
						brk = j + 1
						break
					}
				}
				for brk > lineStart+1 && (strings.ContainsRune(noStart, boxes[brk].r) || strings.ContainsRune(noEnd, boxes[brk-1].r)) {
					brk--
				}
			}
			starts = append(starts, brk)
			lineStart, w, lastOK = brk, 0, -1
			i = brk - 1
			continue
		}
		w += boxes[i].adv
	}
	return starts
}

func lineWidth(bs []box) float64 {
	w := 0.0
	for _, b := range bs {
		w += b.adv
	}
	return w
}

func indentOf(line int, indent float64) float64 {
	if line == 1 {
		return indent
	}
	return 0
}

// measureIn sets text in one face, returning its boxes and total width.
func measureIn(fonts Fonts, text string, face Face, size, cell float64) ([]box, float64, error) {
	faces := make([]Face, len([]rune(text)))
	for i := range faces {
		faces[i] = face
	}
	boxes, err := measure(fonts, text, faces, size, cell)
	return boxes, lineWidth(boxes), err
}
