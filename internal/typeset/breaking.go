package typeset

import (
	"fmt"
	"math"
	"strings"

	"github.com/go-text/typesetting/segmenter"
	"golang.org/x/text/width"
)

// Fonts tells the typesetter what a face holds: whether it has a glyph, how
// wide it is and where its ink lies, in em. Its methods are called from
// several goroutines at once (paragraphs are set in parallel).
type Fonts interface {
	Has(f Face, r rune) bool
	Advance(f Face, r rune) float64
	// Ink is the glyph's bounding box in em: x from the origin rightwards,
	// y from the baseline upwards. ok is false for a glyph with no ink.
	Ink(f Face, r rune) (x0, y0, x1, y1 float64, ok bool)
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
	if e.Rune > 0xFFFF { // the PDF's two-byte character codes cannot show it, whatever the fonts
		return fmt.Sprintf("字符“%c”（U+%04X）是扩展区的生僻字，PDF 正文无法写入，请换用常用字；所在段落：“%s”", e.Rune, e.Rune, string(p))
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
// full-width punctuation). Quotes, dashes, ellipses and the middle dot are
// ambiguous in Unicode but each takes one character position in Chinese
// text (GB/T 15834).
func isWide(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF { // CJK Unified Ideographs, most of a notice: all wide
		return true
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return strings.ContainsRune("“”‘’—…·", r)
}

// Marks whose ink sits on one side of their cell (GB/T 15834 placement in
// simplified Chinese): opening marks on the right half, closing and pausing
// marks on the left. The font decides in the end: a mark is compressible
// only if its ink really lies in that half (see measure).
const (
	openingMarks = "（《「『【〔〈“‘"
	closingMarks = "）》」』】〕〉”’，。、；："
)

type markKind int

const (
	notMark    markKind = iota
	opening             // blank left half: may lose it
	closing             // blank right half: may lose it
	centredish          // a mark whose ink does not leave a half blank
)

// box is one glyph being set.
type box struct {
	r     rune
	face  Face
	adv   float64 // the room it takes on the line, mm
	off   float64 // where its origin sits inside that room, mm
	mark  markKind
	half  float64 // half a grid cell, mm: the unit of compression
	tight bool    // set in half its cell (compressed)
	pair  bool    // compressed by the adjacent-marks rule (undone first when spreading)
	extra float64 // space added after it when the line is spread, mm
}

// compress takes the blank half of a mark away.
func (b *box) compress() {
	b.tight = true
	b.adv -= b.half
	if b.mark == opening {
		b.off -= b.half
	}
}

func (b *box) uncompress() {
	b.tight, b.pair = false, false
	b.adv += b.half
	if b.mark == opening {
		b.off += b.half
	}
}

func (b *box) compressible() bool { return !b.tight && (b.mark == opening || b.mark == closing) }

// measure turns text into boxes on a grid of cell mm (the glyphs are
// squeezed horizontally to cell/em). Wide characters take one cell: a font
// whose quote is narrow gets it placed in a full cell at its side (opening
// marks to the right, closing to the left). Digits take half a cell each
// (tabular figures), and so do letters and signs a font draws half-width;
// letters and signs of a proportional font keep their own widths, and each
// run of narrow characters (a word, a number, an address) is padded to a
// whole number of half cells, so what follows it is back on the grid.
// Spacing narrow letters and points out to half cells would leave gaps of
// more than 0.1 em inside a word, which text extraction (poppler) takes for
// spaces ("P P P", "82. 5").
func measure(fonts Fonts, text string, faces []Face, size, cell float64) ([]box, error) {
	em := size * ptToMM
	squeeze := cell / em
	half := cell / 2
	rs := []rune(text)
	boxes := make([]box, len(rs))
	for i, r := range rs {
		f, ok := faceFor(fonts, faces[i], r)
		if !ok {
			return nil, &MissingGlyphError{Rune: r, Paragraph: text}
		}
		nat := fonts.Advance(f, r) * em * squeeze
		b := box{r: r, face: f, half: half}
		switch {
		case r >= 0x4E00 && r <= 0x9FFF: // an ideograph, most of a notice: wide, no mark
			b.adv = cell
			b.off = (cell - nat) / 2
		case strings.ContainsRune(openingMarks, r):
			b.adv, b.mark = cell, opening
			b.off = max(0, cell-nat)
		case strings.ContainsRune(closingMarks, r):
			b.adv, b.mark = cell, closing
		case isWide(r):
			b.adv = cell
			b.off = (cell - nat) / 2
		case strings.ContainsRune("0123456789", r) && nat <= 1.1*half, math.Abs(nat-half) < 0.05*half:
			b.adv = half
		default:
			b.adv = nat
		}
		if b.mark != notMark {
			// The font decides: compressible only if the ink stays in the
			// half the mark keeps.
			x0, _, x1, _, inked := fonts.Ink(f, r)
			l, rgt := b.off+x0*em*squeeze, b.off+x1*em*squeeze
			const slack = 0.04 // of a cell
			if !inked || (b.mark == opening && l < half-slack*cell) || (b.mark == closing && rgt > half+slack*cell) {
				b.mark = centredish
			}
		}
		boxes[i] = b
	}
	// Pad each run of narrow characters to the half-cell grid.
	for i := 0; i < len(boxes); {
		j, w := i, 0.0
		for ; j < len(boxes) && !isWide(boxes[j].r); j++ {
			w += boxes[j].adv
		}
		if j > i {
			boxes[j-1].adv += math.Ceil(w/half-0.01)*half - w
			i = j
		} else {
			i++
		}
	}
	return boxes, nil
}

// compressPairs is rule 1: of two adjacent marks, the blank between them is
// halved. A closing mark before another mark loses its right half (）： 》，
// 》（ 。” ）、); otherwise an opening mark after an opening mark loses its
// left half (（“ 《“).
func compressPairs(boxes []box) {
	for i := 0; i+1 < len(boxes); i++ {
		a, b := &boxes[i], &boxes[i+1]
		if a.mark == notMark || b.mark == notMark {
			continue
		}
		switch {
		case a.mark == closing && !a.tight:
			a.compress()
			a.pair = true
		case a.mark == opening && b.mark == opening && !b.tight:
			b.compress()
			b.pair = true
		}
	}
}

// Breaks returns the positions (rune offsets) where a line may end in text,
// by UAX #14 with the 禁则 of GB/T 9704 on top: no line starts with closing
// or pausing marks, none ends with an opening mark, "——" and "……" stay
// whole, and so does any run of Latin letters, digits and ASCII signs: a
// word, a number, an e-mail address, a URL.
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
		case isWordChar(prev) && isWordChar(next):
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

// isWordChar: the characters of a Latin word, number, e-mail address or URL.
func isWordChar(r rune) bool { return r > ' ' && r < 0x7f }

// setLines breaks boxes into lines of width mm (the first narrower by
// indent) and adjusts each line but the last to fill it exactly; see the
// package comment for the rules and their order.
func setLines(boxes []box, ok []bool, width, indent float64) [][]box {
	const eps = 0.01
	compressPairs(boxes)
	var lines [][]box
	for s := 0; s < len(boxes); {
		avail := width
		if len(lines) == 0 {
			avail -= indent
		}
		// The longest run from s that fits and ends at a break opportunity.
		w, e, i := 0.0, -1, s
		for i < len(boxes) && w+boxes[i].adv <= avail+eps {
			w += boxes[i].adv
			i++
			if i == len(boxes) || ok[i] {
				e = i
			}
		}
		if i == len(boxes) {
			lines = append(lines, boxes[s:])
			break
		}
		next := i + 1
		for next < len(boxes) && !ok[next] {
			next++
		}
		switch {
		case pushIn(boxes[s:next], avail):
			// Rule 2: the segment that overflows is pulled in by
			// compressing marks on the line.
			e = next
		case e <= s:
			// A word longer than a line, the only case a word is broken.
			e = breakWord(boxes, s, i, avail)
		case lineWidth(boxes[e:next]) > width+eps && avail-lineWidth(boxes[s:e]) >= width/4:
			// Such a word starts where it is, if a quarter of the line is
			// left, rather than leaving a loose line.
			e = breakWord(boxes, e, i, avail-lineWidth(boxes[s:e]))
		}
		spread(boxes[s:e], avail)
		lines = append(lines, boxes[s:e])
		s = e
	}
	return lines
}

// pushIn fits line into avail by compressing its marks, the last first, if
// it is over by at most one cell and has marks enough. It reports whether
// it did.
func pushIn(line []box, avail float64) bool {
	if len(line) == 0 {
		return false
	}
	over := lineWidth(line) - avail
	if over > 2*line[0].half+0.01 {
		return false
	}
	var marks []int
	got := 0.0
	for i := len(line) - 1; i >= 0 && got < over-0.01; i-- {
		// Never both of two adjacent marks: their glyphs would share an
		// origin, and a reader could not tell their order; never an
		// opening mark that starts the line (it would stick out).
		before := (i == 0 || line[i-1].tight) && line[i].mark == opening
		after := i+1 < len(line) && line[i+1].tight && line[i].mark == closing
		if line[i].compressible() && !before && !after {
			line[i].compress()
			marks = append(marks, i)
			got += line[i].half
		}
	}
	if got < over-0.01 {
		for _, i := range marks {
			line[i].uncompress()
		}
		return false
	}
	return true
}

// breakWord breaks a word longer than a line: after the last @ . / - _ that
// leaves the line at least half full, else at the last character that fits,
// never before a closing or after an opening mark.
func breakWord(boxes []box, s, fit int, avail float64) int {
	brk := fit
	w := lineWidth(boxes[s:fit])
	for j := fit - 1; j > s && w >= avail/2; j-- {
		if strings.ContainsRune("@./-_", boxes[j].r) {
			brk = j + 1
			break
		}
		w -= boxes[j].adv
	}
	for brk > s+1 && (strings.ContainsRune(noStart, boxes[brk].r) || strings.ContainsRune(noEnd, boxes[brk-1].r)) {
		brk--
	}
	return max(brk, s+1)
}

// spread fills a short line, in this order and each step only as far as
// needed: (3a) marks compressed by the adjacent-marks rule get their half
// back; (3b) half a cell is added on the blank side of marks (after closing,
// before opening ones), at most one a mark, spread along the line; (3c)
// likewise where Chinese meets Latin letters or digits (CLREQ's space
// between Han and Western text); (3d) half cells go between ideographs,
// evenly placed; (3e) what is left, less than half a cell when the glyphs
// are on the grid, is shared by all gaps outside Latin words.
func spread(line []box, avail float64) {
	const eps = 0.01
	if len(line) == 0 {
		return
	}
	half := line[0].half
	short := avail - lineWidth(line)
	for i := len(line) - 1; i >= 0 && short >= half-eps; i-- {
		if line[i].pair {
			line[i].uncompress()
			short -= half
		}
	}
	var marks, western, gaps []int // indices of boxes that may take extra after them
	for i := 0; i+1 < len(line); i++ {
		a, b := line[i], line[i+1]
		switch {
		case a.mark == closing || b.mark == opening:
			marks = append(marks, i)
		case a.mark != notMark || b.mark != notMark || a.r == ' ' || b.r == ' ':
		case isWide(a.r) != isWide(b.r):
			western = append(western, i)
		case isWide(a.r) && isWide(b.r):
			gaps = append(gaps, i)
		}
	}
	for _, once := range [][]int{marks, western} {
		if k := min(len(once), int((short+eps)/half)); k > 0 {
			for _, i := range evenly(once, k) {
				line[i].extra += half
				short -= half
			}
		}
	}
	for len(gaps) > 0 && short >= half-eps {
		for _, i := range evenly(gaps, min(len(gaps), int((short+eps)/half))) {
			line[i].extra += half
			short -= half
		}
	}
	if short > eps {
		var all []int
		for i := 0; i+1 < len(line); i++ {
			if !(isWordChar(line[i].r) && isWordChar(line[i+1].r)) {
				all = append(all, i)
			}
		}
		for _, i := range all {
			line[i].extra += short / float64(len(all))
		}
	}
}

// evenly picks k of cands spread along them.
func evenly(cands []int, k int) []int {
	out := make([]int, 0, k)
	for j := 0; j < k; j++ {
		out = append(out, cands[(2*j+1)*len(cands)/(2*k)])
	}
	return out
}

func lineWidth(bs []box) float64 {
	w := 0.0
	for _, b := range bs {
		w += b.adv + b.extra
	}
	return w
}

// measureIn sets text in one face, returning its boxes and total width.
func measureIn(fonts Fonts, text string, face Face, size, cell float64) ([]box, float64, error) {
	faces := make([]Face, len([]rune(text)))
	for i := range faces {
		faces[i] = face
	}
	boxes, err := measure(fonts, text, faces, size, cell)
	if err != nil {
		return nil, 0, err
	}
	compressPairs(boxes)
	return boxes, lineWidth(boxes), nil
}
