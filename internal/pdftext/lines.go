package pdftext

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/parallel"
	"github.com/rectify/rectify/internal/textnotice"
)

// line is a run of glyphs on one baseline.
type line struct {
	text   string
	norm   string // text normalised for the grammar
	x0, x1 float64
	y      float64
	size   float64
	page   int
	aside  bool // drawn at an angle to the body: a watermark, a stamp
}

// Lines rebuilds the lines of every page in reading order: by baseline from
// the top, each left to right. Glyphs drawn twice (fake bold) count once;
// page numbers and running heads and feet are dropped. It consumes the
// pages: their glyphs are sorted, filtered and overwritten in place (a copy
// of every glyph cost more than the sorting).
func Lines(pages []Page) []textnotice.Line {
	all := make([][]line, len(pages))
	parallel.Each(len(pages), maxReaders, func(i int) { all[i] = pageLines(pages[i]) }) // the pages' lines are independent
	dropFurniture(all)
	// The body's left edge and type size: the commonest line start and size.
	starts := map[int]int{}
	var sizes []float64
	for _, pl := range all {
		for _, l := range pl {
			if l.aside {
				continue
			}
			starts[int(math.Round(l.x0))]++
			sizes = append(sizes, l.size)
		}
	}
	if len(sizes) == 0 {
		return nil
	}
	sort.Float64s(sizes)
	size := sizes[len(sizes)/2]
	// The left edge is the smallest common start: continuation lines start
	// there, first lines one indent to the right (and may be the majority
	// in a notice of short paragraphs).
	total := 0
	for _, n := range starts {
		total += n
	}
	left, found := 0, false
	for x, n := range starts {
		if n >= max(2, total/20) && (!found || x < left) {
			left, found = x, true
		}
	}
	var out []textnotice.Line
	for pi, pl := range all {
		for i, l := range pl {
			tl := textnotice.Line{
				Text: l.norm, Raw: l.text, Page: pages[pi].Number, Line: i + 1,
				HasIndent: true, Indented: l.x0-float64(left) > 1.2*size,
				Width: (l.x1 - float64(left)) / size,
			}
			if i == len(pl)-1 {
				tl.PageEnd, tl.BreakAfter = true, true
			} else if l.aside || pl[i+1].aside {
				tl.BreakAfter = true // text at an angle is a paragraph of its own
			} else if gap := l.y - pl[i+1].y; gap > 2.2*math.Max(l.size, pl[i+1].size) {
				tl.BreakAfter = true // an empty line between
			}
			if tl.Text != "" {
				out = append(out, tl)
			}
		}
	}
	return out
}

// pageLines rebuilds one page's lines; it overwrites p.Glyphs.
func pageLines(p Page) []line {
	offPage := func(g Glyph) bool { // not printed, not read (poppler's rule too)
		return g.Size <= 0 || g.X+g.W < 0 || g.Y+g.Size < 0 || g.X > p.Width || g.Y > p.Height || blank(g.Text) && g.Text != " "
	}
	gs := p.Glyphs[:0] // filtered in place: never ahead of the glyph read
	for _, g := range p.Glyphs {
		if !offPage(g) {
			gs = append(gs, g)
		}
	}
	lines := baselines(gs, p.Number)
	// Text at an angle to the body is read in its own direction, as lines
	// after the body's: glyphs turned back by their angle, then grouped the
	// same way, each angle apart.
	var aside []TurnedGlyph
	for _, g := range p.Turned {
		if !offPage(g.Glyph) {
			sin, cos := math.Sincos(-float64(g.Angle))
			g.X, g.Y = g.X*cos-g.Y*sin, g.X*sin+g.Y*cos
			aside = append(aside, g)
		}
	}
	slices.SortStableFunc(aside, func(a, b TurnedGlyph) int { return cmp.Compare(a.Angle, b.Angle) })
	var run []Glyph
	for start := 0; start < len(aside); {
		end := start + 1
		for end < len(aside) && math.Abs(float64(aside[end].Angle-aside[start].Angle)) < 0.01 {
			end++
		}
		run = run[:0]
		for _, g := range aside[start:end] {
			run = append(run, g.Glyph)
		}
		for _, l := range baselines(run, p.Number) {
			l.aside = true
			lines = append(lines, l)
		}
		start = end
	}
	for i := range lines {
		lines[i].norm = textnotice.NormalizeLine(lines[i].text)
	}
	return lines
}

// baselines groups glyphs into lines by baseline, from the top, each left
// to right; it reorders gs.
func baselines(gs []Glyph, page int) []line {
	// From the top, then left to right; a line is the run of glyphs whose
	// baselines lie within a third of the type size of its first one.
	slices.SortStableFunc(gs, func(a, b Glyph) int {
		if c := cmp.Compare(b.Y, a.Y); c != 0 {
			return c
		}
		return cmp.Compare(a.X, b.X)
	})
	var lines []line
	var sizes []float64 // makeLine's buffer
	start := 0          // of the current line in gs
	for i, g := range gs {
		if i > start && math.Abs(g.Y-gs[start].Y) > 0.35*math.Max(g.Size, gs[start].Size) {
			lines = append(lines, makeLine(gs[start:i], page, &sizes))
			start = i
		}
	}
	if start < len(gs) {
		lines = append(lines, makeLine(gs[start:], page, &sizes))
	}
	return lines
}

// makeLine orders glyphs by x, drops glyphs drawn twice at (nearly) the same
// place, and puts a space where a gap separates Latin words or numbers. It
// reorders and overwrites gs, and uses *sizes as its buffer.
func makeLine(gs []Glyph, page int, sizes *[]float64) line {
	slices.SortStableFunc(gs, func(a, b Glyph) int { return cmp.Compare(a.X, b.X) })
	var b strings.Builder
	kept := gs[:0] // filtered in place: never ahead of the glyph read
	for _, g := range gs {
		if n := len(kept); n > 0 {
			prev := kept[n-1]
			if prev.Text == g.Text && math.Abs(prev.X-g.X) < 0.2*g.Size && math.Abs(prev.Y-g.Y) < 0.2*g.Size {
				continue // drawn twice for bold
			}
		}
		kept = append(kept, g)
	}
	for i, g := range kept {
		if i > 0 {
			prev := kept[i-1]
			end := prev.X + prev.W
			if prev.W == 0 {
				end = prev.X + 0.5*prev.Size
			}
			gap := g.X - end
			if gap > 0.25*g.Size && !wideText(prev.Text) && !wideText(g.Text) && prev.Text != " " && g.Text != " " {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.Text)
	}
	sz := (*sizes)[:0]
	for _, g := range kept {
		sz = append(sz, g.Size)
	}
	sort.Float64s(sz)
	*sizes = sz
	last := kept[len(kept)-1]
	w := last.W
	if w == 0 {
		w = last.Size
	}
	return line{text: b.String(), x0: kept[0].X, x1: last.X + w, y: kept[0].Y, size: sz[len(sz)/2], page: page}
}

// blank reports whether s is only white space (strings.TrimSpace(s) == ""),
// without TrimSpace's slow path for the CJK glyphs that are most of a page.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func wideText(s string) bool {
	for _, r := range s {
		return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || r == '“' || r == '”' || r == '‘' || r == '’'
	}
	return false
}

// dropFurniture removes page numbers, text at an angle to the body drawn
// on more than one page (a watermark such as "内部资料"), and a first or
// last line of a page that repeats on other pages and stands apart from
// the text by more than a line's space (running heads and feet). Text lines that happen to repeat
// at page tops sit at the normal line pitch and stay.
func dropFurniture(all [][]line) {
	edge := map[string]int{}
	asides := map[string]int{} // pages on which each text at an angle is drawn
	for _, pl := range all {
		seen := map[string]bool{}
		for _, l := range pl {
			if l.aside && !seen[l.text] {
				seen[l.text] = true
				asides[l.text]++
			}
		}
		if len(pl) == 0 {
			continue
		}
		edge[pl[0].text]++
		if len(pl) > 1 {
			edge[pl[len(pl)-1].text]++
		}
	}
	for pi, pl := range all {
		var kept []line
		for i, l := range pl {
			if l.aside && asides[l.text] >= 2 {
				continue // a watermark, drawn on every page
			}
			t := strings.TrimSpace(l.text)
			atEdge := i == 0 || i == len(pl)-1
			if textnotice.IsPageNumber(t) && (atEdge || i >= len(pl)-2) {
				continue
			}
			apart := false
			if i == 0 && len(pl) > 1 {
				apart = l.y-pl[1].y > 2.2*math.Max(l.size, pl[1].size)
			} else if i == len(pl)-1 && i > 0 {
				apart = pl[i-1].y-l.y > 2.2*math.Max(l.size, pl[i-1].size)
			}
			if atEdge && apart && edge[l.text] >= 3 && len([]rune(t)) <= 40 && notice.ParseWholeDate(t) == "" {
				continue
			}
			kept = append(kept, l)
		}
		all[pi] = kept
	}
}
