package typeset

import (
	"math"
	"testing"
)

// Boxes by hand: the rules of the line-breaking pass one by one, on a grid
// of 10 mm cells (half cell 5 mm).
const testCell = 10.0

func mk(text string) []box {
	var out []box
	for _, r := range text {
		b := box{r: r, adv: testCell, half: testCell / 2}
		switch {
		case r == '（' || r == '《' || r == '“':
			b.mark = opening
		case r == '）' || r == '》' || r == '，' || r == '：' || r == '。' || r == '”':
			b.mark = closing
		case isWordChar(r):
			b.adv = testCell / 2
		}
		out = append(out, b)
	}
	return out
}

func widths(bs []box) []float64 {
	var w []float64
	for _, b := range bs {
		w = append(w, b.adv+b.extra)
	}
	return w
}

// Rule 1: of two adjacent marks, the closing one before another mark loses
// its blank half; an opening mark after an opening mark loses its left half
// and its glyph moves left by as much.
func TestRuleAdjacentMarks(t *testing.T) {
	for _, c := range []struct {
		text  string
		tight int // index of the compressed mark
	}{{"甲）：乙", 1}, {"甲》，乙", 1}, {"甲》（乙", 1}, {"甲。”乙", 1}, {"甲（“乙", 2}, {"甲，“乙", 1}} {
		bs := mk(c.text)
		compressPairs(bs)
		for i, b := range bs {
			want := testCell
			if i == c.tight {
				want = testCell / 2
			}
			if b.adv != want {
				t.Errorf("%s: box %d (%c) is %.1f mm, want %.1f", c.text, i, b.r, b.adv, want)
			}
		}
		if b := bs[c.tight]; b.mark == opening && b.off != -testCell/2 {
			t.Errorf("%s: compressed opening mark drawn at %.1f, want %.1f", c.text, b.off, -testCell/2)
		}
	}
	// A mark beside an ideograph keeps its cell.
	bs := mk("甲，乙（丙）")
	compressPairs(bs)
	if lineWidth(bs) != 6*testCell {
		t.Errorf("marks beside ideographs were compressed: %v", widths(bs))
	}
}

// Rule 2: a line over by a comma pulls it in by compressing marks, the last
// first, instead of pushing the character before it out and spreading.
func TestRulePushIn(t *testing.T) {
	// 8 cells wide; "甲乙，丙丁戊己庚，" is 9 cells: one over.
	bs := mk("甲乙，丙丁戊己庚，辛")
	ok := Breaks("甲乙，丙丁戊己庚，辛")
	lines := setLines(bs, ok, 8*testCell, 0)
	if len(lines) != 2 || len(lines[0]) != 9 {
		t.Fatalf("first line has %d characters, want 9 (the comma pulled in)", len(lines[0]))
	}
	if w := lineWidth(lines[0]); math.Abs(w-8*testCell) > 0.01 {
		t.Errorf("first line is %.1f mm, want %.1f", w, 8*testCell)
	}
	if !lines[0][8].tight || !lines[0][2].tight {
		t.Errorf("both commas should be compressed: %v", widths(lines[0]))
	}
	for _, b := range lines[0] {
		if b.extra != 0 {
			t.Errorf("a pushed-in line is not spread: %v", widths(lines[0]))
			break
		}
	}
	// Over by more than a cell: no push-in; the character before the comma
	// goes over and the line is spread.
	bs = mk("甲乙丙丁戊己庚，辛")
	lines = setLines(bs, Breaks("甲乙丙丁戊己庚，辛"), 7*testCell, 0)
	if len(lines[0]) != 6 {
		t.Errorf("first line has %d characters, want 6 (庚， pushed out)", len(lines[0]))
	}
}

// Rule 3: a short line is spread in half cells: first the halves rule 1
// took are given back, then half a cell after marks, then between
// ideographs; never inside a Latin word.
func TestRuleSpreadOrder(t *testing.T) {
	// (a) "》，" compressed to 1.5 cells; a line short by half a cell gets
	// the half back, nothing else moves.
	bs := mk("甲》，乙")
	compressPairs(bs)
	spread(bs, 4*testCell)
	if bs[1].tight || lineWidth(bs) != 4*testCell || bs[0].extra+bs[2].extra != 0 {
		t.Errorf("(a) want the pair's half given back: %v", widths(bs))
	}
	// (b) short by one cell, two marks: half a cell after each.
	bs = mk("甲，乙丙丁，戊己")
	spread(bs, 9*testCell)
	if bs[1].extra != testCell/2 || bs[5].extra != testCell/2 {
		t.Errorf("(b) want half a cell after each comma: %v", widths(bs))
	}
	// (c) no marks, short by a cell: two half cells between ideographs,
	// evenly placed, none inside "ab12".
	bs = mk("甲乙丙ab12丁戊己")
	spread(bs, 9*testCell)
	var at []int
	for i, b := range bs {
		if b.extra != 0 {
			at = append(at, i)
			if b.extra != testCell/2 {
				t.Errorf("(c) extra %.2f at %d, want half a cell", b.extra, i)
			}
		}
		if b.extra != 0 && isWordChar(b.r) && i+1 < len(bs) && isWordChar(bs[i+1].r) {
			t.Errorf("(c) space inside a Latin word at %d", i)
		}
	}
	if len(at) != 2 || lineWidth(bs) != 9*testCell {
		t.Errorf("(c) want two half cells, got them at %v: %v", at, widths(bs))
	}
	// Everything stays on the half-cell grid.
	x := 0.0
	for _, b := range bs {
		if r := math.Mod(x, testCell/2); r > 0.001 && r < testCell/2-0.001 {
			t.Errorf("glyph %c at %.2f off the half-cell grid", b.r, x)
		}
		x += b.adv + b.extra
	}
}

// Rule 4: words stay whole; a word longer than a line breaks after @ . / -.
func TestRuleWordsWhole(t *testing.T) {
	text := "邮箱为甲乙sngyyqgwh@163.com。"
	lines := setLines(mk(text), Breaks(text), 12*testCell, 0)
	var got []string
	for _, l := range lines {
		s := ""
		for _, b := range l {
			s += string(b.r)
		}
		got = append(got, s)
	}
	if len(got) != 2 || got[1] != "sngyyqgwh@163.com。" {
		t.Errorf("lines %q: the address must not be split", got)
	}
	long := "见https://www.example.gov.cn/zwgk/tzgg/2025/notice.html"
	lines = setLines(mk(long), Breaks(long), 10*testCell, 0)
	if len(lines[0]) < 4 {
		t.Errorf("a URL longer than a line starts on the line it follows, not on a new one: first line %d boxes", len(lines[0]))
	}
	for _, l := range lines[:len(lines)-1] {
		if last := l[len(l)-1].r; last != '/' && last != '.' && last != '见' {
			t.Errorf("a URL longer than a line breaks after / or ., not after %q", last)
		}
	}
}

// Rule 3c: where Chinese meets digits, before any space between ideographs.
func TestRuleSpreadWestern(t *testing.T) {
	bs := mk("甲乙2024丙丁")
	spread(bs, 7*testCell)
	if bs[1].extra != testCell/2 || bs[5].extra != testCell/2 {
		t.Errorf("want half a cell on each side of 2024: %v", widths(bs))
	}
	for _, i := range []int{0, 2, 3, 4, 6} {
		if bs[i].extra != 0 {
			t.Errorf("extra after box %d: %v", i, widths(bs))
		}
	}
}
