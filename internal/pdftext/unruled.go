package pdftext

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// A table drawn without vertical rules is found from its text: the
// three-line table (三线表: a rule above, one under the column headings,
// one below) and the borderless table WPS and Word export. The evidence
// asked for is strong, since the text of anything else must stay in the
// body: a heading line of at least three cells set apart by gutters, rows
// below whose text keeps out of those gutters, and (checked by the caller)
// headings that are a ledger's.

// gutterEm is the narrowest gap, in ems, between the text of two columns:
// cells are padded on both sides, a word space is a quarter em and Chinese
// text is set solid.
const gutterEm = 0.6

// maxTries bounds the tables tried on one page, and the glyphs they read
// together may be at most twice the page's: each try reads the lines below
// its headings, and a page of crafted lines could offer one at every line.
const maxTries = 32

// minHeads and maxHeads bound the headed columns of a table without
// vertical rules (a ledger has a dozen; more are not columns, and would
// cost a pass over the page each).
const minHeads, maxHeads = 3, 64

type span struct{ lo, hi float64 }

// unruledTables finds the tables of a page drawn without vertical rules,
// away from its ruled tables.
func unruledTables(p Page, ruled []Table) []Table {
	in := func(g Glyph) bool {
		for _, t := range ruled {
			if g.X >= t.Left-snap && g.X <= t.Right+snap && g.Y >= t.Bottom-snap && g.Y <= t.Top+snap {
				return true
			}
		}
		return false
	}
	groups := ruleGroups(p, ruled)
	if len(groups) == 0 && !wideGaps(p) {
		return nil // the usual page: no cheaper way to say there is no table
	}
	var idx []int
	for i, g := range p.Glyphs {
		if g.Size > 0 && !blank(g.Text) && !in(g) {
			idx = append(idx, i)
		}
	}
	lines := glyphLines(p, idx)
	var out []Table
	used := make([]bool, len(lines))
	tries, budget := 0, 2*len(idx)
	afford := func(ks []int) bool { // whether a try of these lines is within the bounds
		tries++
		for _, k := range ks {
			budget -= len(lines[k])
		}
		return tries <= maxTries && budget >= 0
	}
	// Three-line tables (and tables ruled across only): the rules give
	// the table's top, the headings' foot and the bottom.
	for _, rs := range groups {
		top, head, bottom := rs[0].Y0, rs[1].Y0, rs[len(rs)-1].Y0
		open := len(rs) == 2 // no bottom rule: the table goes on over the page
		var heads, data []int
		for k, l := range lines {
			y := p.Glyphs[l[0]].Y
			switch {
			case y < top && y > head:
				heads = append(heads, k)
			case y < head && (y > bottom || open):
				data = append(data, k)
			}
		}
		if len(heads) == 0 || len(data) == 0 || slices.ContainsFunc(slices.Concat(heads, data), func(k int) bool { return used[k] }) {
			continue
		}
		if open { // the rows that fit the headings, as for a borderless table
			var hg []int
			for _, k := range heads {
				hg = append(hg, lines[k]...)
			}
			size := typeSize(p, hg)
			anchors := chunks(p, hg, gutterEm*size)
			n := 1
			for n < len(data) && gapBelow(p, lines[data[n-1]], lines[data[n]]) < 2.5*size && !crosses(p, lines[data[n]], anchors, size) &&
				math.Abs(typeSize(p, lines[data[n]])-size) <= 0.2*size {
				n++
			}
			data = data[:n]
			bottom = p.Glyphs[lines[data[n-1]][0]].Y - 0.5*size
		}
		var inner []float64
		for _, r := range rs[2:max(2, len(rs)-1)] {
			inner = append(inner, r.Y0)
		}
		if !afford(slices.Concat(heads, data)) {
			break
		}
		if t, ok := unruledTable(p, lines, heads, data, span{rs[0].X0, rs[0].X1}, top, head, bottom, inner); ok {
			out = append(out, t)
			for _, k := range slices.Concat(heads, data) {
				used[k] = true
			}
		}
	}
	// Borderless tables: a line of headings, then the rows that fit it.
	for k := 0; k < len(lines); k++ {
		if used[k] {
			continue
		}
		size := typeSize(p, lines[k])
		anchors := chunks(p, lines[k], gutterEm*size)
		if len(anchors) < minHeads || len(anchors) > maxHeads || !allText(p, lines[k]) {
			continue
		}
		if tries >= maxTries || budget < 0 {
			break
		}
		heads := []int{k}
		// A caption right above, centred over the headings and in the
		// table's size, is the table's (a row across it in Word).
		if c := k - 1; c >= 0 && !used[c] && gapBelow(p, lines[c], lines[k]) < 2*size && math.Abs(typeSize(p, lines[c])-size) <= 0.2*size {
			if cap := chunks(p, lines[c], gutterEm*size); len(cap) == 1 &&
				math.Abs((cap[0].lo+cap[0].hi)/2-(anchors[0].lo+anchors[len(anchors)-1].hi)/2) < 2*size {
				heads = []int{c, k}
			}
		}
		j := k + 1
		// A heading wrapped in its cell ("序" over "号"): lines close
		// below whose every chunk lies under a heading, or is a short
		// heading itself (headings centred in their cells stand on
		// different lines when some wrap).
		for ; j < len(lines) && !used[j] && gapBelow(p, lines[j-1], lines[j]) < 1.8*size &&
			(under(p, lines[j], anchors, size) || headingLike(p, lines[j], size)); j++ {
			heads = append(heads, j)
		}
		var data []int
		for ; j < len(lines) && !used[j] && gapBelow(p, lines[j-1], lines[j]) < 2.5*size && !crosses(p, lines[j], anchors, size) &&
			math.Abs(typeSize(p, lines[j])-size) <= 0.2*size; j++ { // a table is set in one size
			data = append(data, j)
		}
		if len(data) == 0 {
			continue
		}
		if !afford(slices.Concat(heads, data)) {
			break
		}
		first, last := lines[heads[0]], lines[data[len(data)-1]]
		top := p.Glyphs[first[0]].Y + 1.1*size
		bottom := p.Glyphs[last[0]].Y - 0.5*size
		head := (p.Glyphs[lines[heads[len(heads)-1]][0]].Y - 0.3*size + p.Glyphs[lines[data[0]][0]].Y + 0.9*size) / 2
		if t, ok := unruledTable(p, lines, heads, data, span{math.Inf(1), math.Inf(-1)}, top, head, bottom, nil); ok {
			out = append(out, t)
			k = j - 1
		}
	}
	return out
}

// unruledTable lays a grid over the lines of a table found without
// vertical rules: columns at the gutters between the headings, a row for
// the headings and one for each row of cells below (at the inner rules if
// it has them), and fills it as a ruled table's. Lines in the headings'
// band with fewer cells than the fullest (a caption set in the table)
// become rows across the table, before the headings.
func unruledTable(p Page, lines [][]int, heads, data []int, frame span, top, head, bottom float64, inner []float64) (Table, bool) {
	var headGlyphs, all []int
	for _, k := range heads {
		headGlyphs = append(headGlyphs, lines[k]...)
	}
	size := typeSize(p, headGlyphs)
	// The headings' line is the one with the most cells; lines above it in
	// the band are captions.
	best, bestN := 0, 0
	for i, k := range heads {
		if n := len(chunks(p, lines[k], gutterEm*size)); n > bestN {
			best, bestN = i, n
		}
	}
	if bestN < minHeads {
		return Table{}, false
	}
	captions := heads[:best]
	heads = heads[best:]
	headGlyphs = headGlyphs[:0]
	for _, k := range heads {
		headGlyphs = append(headGlyphs, lines[k]...)
	}
	anchors := chunks(p, headGlyphs, gutterEm*size)
	if len(anchors) < minHeads || len(anchors) > maxHeads {
		return Table{}, false
	}
	for _, k := range slices.Concat(heads, data) {
		all = append(all, lines[k]...)
	}
	cover := chunks(p, all, gutterEm*size)
	// Between each two headings, the widest gutter the text leaves.
	xs := []float64{min(frame.lo, cover[0].lo) - 1}
	for i := 0; i+1 < len(anchors); i++ {
		best := span{}
		for c := 0; c+1 < len(cover); c++ {
			g := span{cover[c].hi, cover[c+1].lo}
			if g.lo >= anchors[i].hi-0.01 && g.hi <= anchors[i+1].lo+0.01 && g.hi-g.lo > best.hi-best.lo {
				best = g
			}
		}
		if best.hi <= best.lo {
			return Table{}, false // text runs across: not columns
		}
		xs = append(xs, (best.lo+best.hi)/2)
	}
	xs = append(xs, max(frame.hi, cover[len(cover)-1].hi)+1)
	// Text on one line of one cell is set together: a line with text
	// apart within a column means the headings did not give the columns.
	for _, k := range slices.Concat(heads, data) {
		last := -1 // the column of the line's chunk before
		for _, c := range chunks(p, lines[k], gutterEm*size) {
			col := sort.SearchFloat64s(xs, c.lo) - 1
			if col == last {
				return Table{}, false
			}
			last = col
		}
	}
	// Rows: the caption lines, the headings, then the rows of cells.
	ys := []float64{top}
	for _, k := range captions[min(1, len(captions)):] {
		ys = append(ys, p.Glyphs[lines[k][0]].Y+1.1*size)
	}
	if len(captions) > 0 {
		ys = append(ys, p.Glyphs[lines[heads[0]][0]].Y+1.1*size)
	}
	ys = append(ys, head)
	centred := false
	if len(inner) > 0 {
		ys = append(ys, inner...)
	} else {
		breaks, c := rowBreaks(p, lines, data, xs, size)
		ys, centred = append(ys, breaks...), c
	}
	ys = append(ys, bottom)
	slices.SortFunc(ys, func(a, b float64) int { return cmp.Compare(b, a) })
	ys = slices.CompactFunc(ys, func(a, b float64) bool { return math.Abs(a-b) < 0.5 })
	rows, cols := len(ys)-1, len(xs)-1
	if rows < 2 || rows*cols > 100000 {
		return Table{}, false
	}
	t := Table{Page: p.Number, Top: ys[0], Bottom: ys[rows], Left: xs[0], Right: xs[cols], cols: xs, rows: ys,
		cell: make([]int, rows*cols), slack: 2 * size}
	cells := newDisjoint(rows * cols)
	for r := 0; r < len(captions); r++ { // a caption spans the table
		for c := 1; c < cols; c++ {
			cells.union(r*cols, r*cols+c)
		}
	}
	if centred {
		spanRows(p, lines, data, xs, ys, len(captions)+1, size, cells)
	}
	for i := range t.cell {
		t.cell[i] = cells.find(i)
	}
	t.fill(p, 0)
	return t, len(t.glyphs) > 0
}

// spanRows merges the cells that a centred cell's text spans, in a table
// whose cells are set centred and have no rules between rows: a cell's text
// stands in the middle of the rows it spans, so its span is the rows it
// runs over, with as many empty cells of its column above as below (a
// category cell beside its issues). first is the first row of cells.
func spanRows(p Page, lines [][]int, data []int, xs, ys []float64, first int, size float64, cells disjoint) {
	cols := len(xs) - 1
	rows := len(ys) - 1
	rowOf := func(y float64) int { return max(sort.Search(len(ys), func(k int) bool { return ys[k] < y })-1, 0) }
	for c := 0; c < cols; c++ {
		// The column's text, line by line: the y of each line with text here.
		var at []float64
		filled := make([]bool, rows)
		for _, k := range data {
			for _, gi := range lines[k] {
				g := p.Glyphs[gi]
				if col := sort.SearchFloat64s(xs, g.X+min(g.W, g.Size)/4) - 1; col == c {
					at = append(at, g.Y)
					filled[rowOf(g.Y+0.35*g.Size)] = true
					break
				}
			}
		}
		for i := 0; i < len(at); {
			j := i + 1
			for j < len(at) && at[j-1]-at[j] <= 1.6*size {
				j++
			}
			r1, r2 := rowOf(at[i]+0.35*size), rowOf(at[j-1]+0.35*size)
			for r1-1 >= first && r2+1 < rows && !filled[r1-1] && !filled[r2+1] {
				r1, r2 = r1-1, r2+1
			}
			for r := r1 + 1; r <= r2; r++ {
				cells.union(r1*cols+c, r*cols+c)
			}
			i = j
		}
	}
}

// rowBreaks are the tops of the rows of cells after the first, in a table
// without rules between its rows. The lines are first taken together where
// their text overlaps (a cell's text centred beside two lines of another
// bridges them). Where rows are set apart by more space than the lines
// within a cell, by that space; else, where each such block holds one
// number in the column of numbers (序号), by block; else a row starts at
// each line with a number there when the first line has one (cells set at
// the top), or two rows part where the lines between their numbers are
// furthest apart (cells centred); else each block is a row.
func rowBreaks(p Page, lines [][]int, data []int, xs []float64, size float64) (out []float64, centred bool) {
	if len(data) < 2 {
		return nil, false
	}
	head := func(k int) float64 { return p.Glyphs[lines[k][0]].Y + 0.9*size }
	foot := func(k int) float64 { return p.Glyphs[lines[k][0]].Y - 0.25*size }
	type block struct {
		top, bottom float64
		first, n    int // of data
	}
	var blocks []block
	for i, k := range data {
		if n := len(blocks); n > 0 && head(k) >= blocks[n-1].bottom {
			blocks[n-1].bottom = min(blocks[n-1].bottom, foot(k))
			blocks[n-1].n++
			continue
		}
		blocks = append(blocks, block{head(k), foot(k), i, 1})
	}
	breaks := func(keep func(i int) bool) []float64 {
		for i := 1; i < len(blocks); i++ {
			if keep(i) {
				out = append(out, (blocks[i-1].bottom+blocks[i].top)/2)
			}
		}
		return out
	}
	gaps := make([]float64, len(blocks)-1)
	for i := range gaps {
		gaps[i] = blocks[i].bottom - blocks[i+1].top
	}
	sorted := slices.Sorted(slices.Values(gaps))
	jump, at := 0.0, 0.0
	for i := 0; i+1 < len(sorted); i++ {
		if d := sorted[i+1] - sorted[i]; d > jump {
			jump, at = d, (sorted[i]+sorted[i+1])/2
		}
	}
	// The column of numbers: the one in which most lines that have text
	// there hold a number alone.
	numbers := make([]int, len(xs)-1)
	texts := make([]map[int]string, len(data))
	for i, k := range data {
		texts[i] = map[int]string{}
		for _, gi := range lines[k] {
			g := p.Glyphs[gi]
			c := sort.SearchFloat64s(xs, g.X+min(g.W, g.Size)/4) - 1
			if c >= 0 && c < len(numbers) {
				texts[i][c] += g.Text
			}
		}
		for c, s := range texts[i] {
			if numeral(s) {
				numbers[c]++
			}
		}
	}
	col := slices.Index(numbers, slices.Max(numbers))
	isNumber := func(i int) bool { return numbers[col] >= 2 && numeral(texts[i][col]) }
	centred = numbers[col] >= 2 && !isNumber(0)
	// part splits rows that hold two numbers (a cell centred across both
	// bridged them) where the lines between the two are furthest apart;
	// starts[i] says that line i begins a row.
	part := func(starts []bool) {
		prev := -1
		for i := range data {
			if starts[i] {
				prev = -1
			}
			if !isNumber(i) {
				continue
			}
			if prev >= 0 {
				best, at := prev+1, -1.0
				for m := prev + 1; m <= i; m++ {
					if g := gapBelow(p, lines[data[m-1]], lines[data[m]]); g > at {
						best, at = m, g
					}
				}
				out = append(out, (foot(data[best-1])+head(data[best]))/2)
			}
			prev = i
		}
	}
	if jump >= 0.3*size {
		out = breaks(func(i int) bool { return gaps[i-1] > at })
		starts := make([]bool, len(data))
		for i := 1; i < len(blocks); i++ {
			starts[blocks[i].first] = gaps[i-1] > at
		}
		part(starts)
		return out, centred
	}
	if numbers[col] < 2 {
		return breaks(func(int) bool { return true }), centred
	}
	one := true
	for _, b := range blocks {
		n := 0
		for i := b.first; i < b.first+b.n; i++ {
			if isNumber(i) {
				n++
			}
		}
		one = one && n == 1
	}
	if one {
		return breaks(func(int) bool { return true }), centred
	}
	if isNumber(0) { // cells set at the top: a row starts at each number
		for i := 1; i < len(data); i++ {
			if isNumber(i) {
				out = append(out, (foot(data[i-1])+head(data[i]))/2)
			}
		}
		return out, centred
	}
	// Cells centred: two rows part between their numbers.
	part(make([]bool, len(data)))
	return out, centred
}

func numeral(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !isDigit(r) && r != '.' }) < 0
}

// ruleGroups are the page's horizontal rules, away from its ruled tables,
// in sets of at least two of the same extent, each from the top: the
// three rules of a three-line table (two where it goes on over the page),
// or the rules between the rows of a table ruled across only.
func ruleGroups(p Page, ruled []Table) [][]Rule {
	var hs []Rule
	for _, r := range p.Rules {
		if r.horizontal() {
			hs = append(hs, r)
		}
	}
	if len(hs) < 2 {
		return nil
	}
	joined := joinRules(hs, true) // a border drawn cell by cell is one rule
	hs = hs[:0]
	for _, r := range joined {
		if r.X1-r.X0 < 60 {
			continue
		}
		inside := false
		for _, t := range ruled {
			if r.Y0 >= t.Bottom-snap && r.Y0 <= t.Top+snap && r.X0 >= t.Left-snap && r.X1 <= t.Right+snap {
				inside = true
			}
		}
		if !inside {
			hs = append(hs, r)
		}
	}
	// By extent, then from the top: rules of one extent are neighbours.
	slices.SortStableFunc(hs, func(a, b Rule) int {
		return cmp.Or(cmp.Compare(math.Round(a.X0/(2*snap)), math.Round(b.X0/(2*snap))),
			cmp.Compare(math.Round(a.X1/(2*snap)), math.Round(b.X1/(2*snap))), cmp.Compare(b.Y0, a.Y0))
	})
	var groups [][]Rule
	for i := 0; i < len(hs); {
		g := []Rule{hs[i]}
		j := i + 1
		for ; j < len(hs) && math.Abs(hs[j].X0-hs[i].X0) <= 2*snap && math.Abs(hs[j].X1-hs[i].X1) <= 2*snap; j++ {
			if g[len(g)-1].Y0-hs[j].Y0 > snap {
				g = append(g, hs[j])
			}
		}
		if len(g) >= 2 {
			groups = append(groups, g)
		}
		i = j
	}
	return groups
}

// wideGaps says whether some baseline of the page, in the order the glyphs
// are drawn, has two gaps of more than an em: a line of cells. Body text
// is set solid, so most pages are passed over at this glance.
func wideGaps(p Page) bool {
	gaps := 0
	lastY := math.NaN()
	for i := 1; i < len(p.Glyphs); i++ {
		a, b := p.Glyphs[i-1], p.Glyphs[i]
		if a.Y != b.Y && math.Abs(a.Y-b.Y) > 0.2*b.Size {
			continue
		}
		if b.X-(a.X+a.W) > b.Size && !blank(b.Text) {
			if a.Y == lastY || math.Abs(a.Y-lastY) <= 0.2*b.Size {
				gaps++
				if gaps >= minHeads-1 {
					return true
				}
			} else {
				gaps, lastY = 1, a.Y
			}
		}
	}
	return false
}

// glyphLines groups glyph indices into lines by baseline, from the top,
// each left to right.
func glyphLines(p Page, idx []int) [][]int {
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := cmp.Compare(p.Glyphs[b].Y, p.Glyphs[a].Y); c != 0 {
			return c
		}
		return cmp.Compare(p.Glyphs[a].X, p.Glyphs[b].X)
	})
	var out [][]int
	start := 0
	for i := 1; i <= len(idx); i++ {
		if i == len(idx) || math.Abs(p.Glyphs[idx[i]].Y-p.Glyphs[idx[start]].Y) > 0.35*math.Max(p.Glyphs[idx[i]].Size, p.Glyphs[idx[start]].Size) {
			l := slices.Clone(idx[start:i])
			slices.SortStableFunc(l, func(a, b int) int { return cmp.Compare(p.Glyphs[a].X, p.Glyphs[b].X) })
			out = append(out, l)
			start = i
		}
	}
	return out
}

// chunks are the spans of x the glyphs cover, joined where less than gap
// apart.
func chunks(p Page, idx []int, gap float64) []span {
	spans := make([]span, 0, len(idx))
	for _, i := range idx {
		g := p.Glyphs[i]
		if blank(g.Text) {
			continue
		}
		w := g.W
		if w <= 0 {
			w = 0.5 * g.Size
		}
		spans = append(spans, span{g.X, g.X + w})
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.lo, b.lo) })
	var out []span
	for _, s := range spans {
		if n := len(out); n > 0 && s.lo-out[n-1].hi < gap {
			out[n-1].hi = max(out[n-1].hi, s.hi)
			continue
		}
		out = append(out, s)
	}
	return out
}

// gapBelow is the space from line a's baseline down to line b's.
func gapBelow(p Page, a, b []int) float64 { return p.Glyphs[a[0]].Y - p.Glyphs[b[0]].Y }

// under says whether each chunk of the line lies under one of the headings.
func under(p Page, l []int, anchors []span, size float64) bool {
	for _, c := range chunks(p, l, gutterEm*size) {
		if !slices.ContainsFunc(anchors, func(a span) bool { return c.lo >= a.lo-0.5*size && c.hi <= a.hi+0.5*size }) {
			return false
		}
	}
	return true
}

// crosses says whether the line's text runs across the space between two
// headings, where a gutter must be: body text, not a row of cells.
func crosses(p Page, l []int, anchors []span, size float64) bool {
	for _, c := range chunks(p, l, gutterEm*size) {
		for i := 0; i+1 < len(anchors); i++ {
			if c.lo <= anchors[i].hi && c.hi >= anchors[i+1].lo {
				return true
			}
		}
	}
	return false
}

// headingLike says whether a line could be column headings: words only,
// no figures, each cell's text short.
func headingLike(p Page, l []int, size float64) bool {
	for _, i := range l {
		if strings.ContainsFunc(p.Glyphs[i].Text, func(r rune) bool { return unicode.IsDigit(r) || r == '（' || r == '(' }) {
			return false
		}
	}
	for _, c := range chunks(p, l, gutterEm*size) {
		if c.hi-c.lo > 6.5*size {
			return false
		}
	}
	return true
}

// allText says whether a line is words (headings), not numbers or marks
// alone.
func allText(p Page, l []int) bool {
	han := 0
	for _, i := range l {
		for _, r := range p.Glyphs[i].Text {
			if unicode.Is(unicode.Han, r) {
				han++
			}
		}
	}
	return han >= 2*minHeads
}
