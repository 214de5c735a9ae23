package pdftext

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/rectify/rectify/internal/ledger"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
)

// Table is a ruled table found on a page: its cells' text, row by row, as a
// spreadsheet would hold it (a merged cell's text in its top-left cell, the
// merge recorded), and the glyphs it took from the page.
type Table struct {
	Page                     int
	Top, Bottom, Left, Right float64
	Rows                     [][]string
	Merges                   [][4]int  // r1, c1, r2, c2, inclusive
	cols, rows               []float64 // the grid's lines: x ascending, y from the top
	cell                     []int     // grid cell (r*cols+c) → the merged cell it is part of
	glyphs                   []int     // indices into the page's glyphs
	// slack is how far its column lines may lie from those of the same
	// table on the next page: a table without vertical rules has them in
	// the gutters, which the text of each page leaves a little differently.
	slack float64
}

// snap is how far apart two rules' positions may be and still be one line
// of the grid (borders drawn as bars, half-point offsets between producers).
const snap = 2.0

// maxGridPairs bounds the horizontal × vertical lines of a page that are
// paired to find tables (a 200-row, 20-column table has 4,000 pairs).
const maxGridPairs = 1 << 20

// Tables finds the tables of a page: grids of at least two rows and two
// columns whose borders are drawn, and tables drawn without vertical rules
// (three-line and borderless, see unruled.go). A table's glyphs are those
// that fall in one of its cells (by a point near the glyph's left edge, see
// fill).
func Tables(p Page) []Table {
	ruled := ruledTables(p)
	tables := append(ruled, unruledTables(p, ruled)...)
	sort.SliceStable(tables, func(i, j int) bool { return tables[i].Top > tables[j].Top })
	return tables
}

// ruledTables finds the grids whose borders are drawn.
func ruledTables(p Page) []Table {
	var hs, vs []Rule
	for _, r := range p.Rules {
		switch {
		case r.horizontal() && r.X1-r.X0 >= 2*snap:
			hs = append(hs, r)
		case r.vertical() && r.Y1-r.Y0 >= 2*snap:
			vs = append(vs, r)
		}
	}
	if len(hs) < 3 || len(vs) < 3 {
		return nil
	}
	hs, vs = joinRules(hs, true), joinRules(vs, false)
	if len(hs)*len(vs) > maxGridPairs {
		return nil // a chart or a pattern, not a table: pairing its lines would take long
	}
	var tables []Table
	for _, grid := range connected(hs, vs) {
		if t, ok := gridTable(p, grid.h, grid.v); ok {
			tables = append(tables, t)
		}
	}
	return tables
}

// joinRules merges rules on one line that touch or overlap (a border drawn
// cell by cell is one line).
func joinRules(rs []Rule, horizontal bool) []Rule {
	key := func(r Rule) (pos, lo, hi float64) {
		if horizontal {
			return r.Y0, r.X0, r.X1
		}
		return r.X0, r.Y0, r.Y1
	}
	sort.Slice(rs, func(i, j int) bool {
		pi, li, _ := key(rs[i])
		pj, lj, _ := key(rs[j])
		if math.Abs(pi-pj) > snap/2 {
			return pi < pj
		}
		return li < lj
	})
	var out []Rule
	for _, r := range rs {
		if n := len(out); n > 0 {
			pp, _, ph := key(out[n-1])
			p, l, h := key(r)
			if math.Abs(p-pp) <= snap/2 && l <= ph+snap {
				if horizontal {
					out[n-1].X1 = max(ph, h)
				} else {
					out[n-1].Y1 = max(ph, h)
				}
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

type ruleSet struct{ h, v []Rule }

// connected groups the rules into sets that touch: one set a table.
func connected(hs, vs []Rule) []ruleSet {
	touching := newDisjoint(len(hs) + len(vs))
	for i, h := range hs {
		for j, v := range vs {
			if v.X0 >= h.X0-snap && v.X0 <= h.X1+snap && h.Y0 >= v.Y0-snap && h.Y0 <= v.Y1+snap {
				touching.union(i, len(hs)+j)
			}
		}
	}
	sets := map[int]*ruleSet{}
	var order []int
	get := func(root int) *ruleSet {
		s := sets[root]
		if s == nil {
			s = &ruleSet{}
			sets[root] = s
			order = append(order, root)
		}
		return s
	}
	for i, h := range hs {
		s := get(touching.find(i))
		s.h = append(s.h, h)
	}
	for j, v := range vs {
		s := get(touching.find(len(hs) + j))
		s.v = append(s.v, v)
	}
	out := make([]ruleSet, 0, len(order))
	for _, root := range order {
		out = append(out, *sets[root])
	}
	return out
}

// positions are the distinct values, within snap of each other, ascending.
func positions(vals []float64) []float64 {
	slices.Sort(vals)
	var out []float64
	for _, v := range vals {
		if n := len(out); n > 0 && v-out[n-1] <= snap {
			continue
		}
		out = append(out, v)
	}
	return out
}

// gridTable reads one set of rules as a grid and fills its cells.
func gridTable(p Page, hs, vs []Rule) (Table, bool) {
	var yv, xv []float64
	for _, h := range hs {
		yv = append(yv, h.Y0)
	}
	for _, v := range vs {
		xv = append(xv, v.X0)
	}
	ys, xs := positions(yv), positions(xv)
	slices.Reverse(ys) // rows from the top
	rows, cols := len(ys)-1, len(xs)-1
	if rows < 2 || cols < 2 || rows*cols > 100000 {
		return Table{}, false
	}
	// A border between two neighbouring cells is there when a rule covers
	// its middle.
	covered := func(rs []Rule, horizontal bool, pos, mid float64) bool {
		for _, r := range rs {
			if horizontal && math.Abs(r.Y0-pos) <= snap && r.X0-snap <= mid && mid <= r.X1+snap {
				return true
			}
			if !horizontal && math.Abs(r.X0-pos) <= snap && r.Y0-snap <= mid && mid <= r.Y1+snap {
				return true
			}
		}
		return false
	}
	cells := newDisjoint(rows * cols)
	for r := 0; r < rows; r++ {
		ymid := (ys[r] + ys[r+1]) / 2
		for c := 0; c < cols; c++ {
			xmid := (xs[c] + xs[c+1]) / 2
			if c+1 < cols && !covered(vs, false, xs[c+1], ymid) {
				cells.union(r*cols+c, r*cols+c+1)
			}
			if r+1 < rows && !covered(hs, true, ys[r+1], xmid) {
				cells.union(r*cols+c, (r+1)*cols+c)
			}
		}
	}
	t := Table{Page: p.Number, Top: ys[0], Bottom: ys[rows], Left: xs[0], Right: xs[cols], cols: xs, rows: ys,
		cell: make([]int, rows*cols)}
	for i := range t.cell {
		t.cell[i] = cells.find(i)
	}
	t.fill(p, 0)
	return t, len(t.glyphs) > 0
}

// fill assigns the page's glyphs to the cells and sets the cells' text.
// above is how far above the top border a glyph still belongs to the first
// row: a merged cell broken by the page end draws its text across the
// break, partly above the continuing table.
func (t *Table) fill(p Page, above float64) {
	xs, ys := t.cols, t.rows
	rows, cols := len(ys)-1, len(xs)-1
	t.glyphs = t.glyphs[:0]
	cells := map[int][]int{} // root cell → glyph indices
	for i, g := range p.Glyphs {
		// Near the glyph's left edge: a character too wide for a narrow
		// column is drawn on past its right border.
		x, y := g.X+min(g.W, g.Size)/4, g.Y+g.Size*0.35
		if x < t.Left || x > t.Right || y > t.Top+above || y < t.Bottom {
			continue
		}
		c := sort.SearchFloat64s(xs, x) - 1
		r := max(sort.Search(len(ys), func(k int) bool { return ys[k] < y })-1, 0)
		if c < 0 || c >= cols || r >= rows {
			continue
		}
		root := t.cell[r*cols+c]
		cells[root] = append(cells[root], i)
		t.glyphs = append(t.glyphs, i)
	}
	// Each merged set's extent, from its cells.
	type extent struct{ r1, c1, r2, c2 int }
	ext := map[int]*extent{}
	for i, root := range t.cell {
		r, c := i/cols, i%cols
		e := ext[root]
		if e == nil {
			ext[root] = &extent{r, c, r, c}
			continue
		}
		e.r1, e.c1, e.r2, e.c2 = min(e.r1, r), min(e.c1, c), max(e.r2, r), max(e.c2, c)
	}
	t.Rows = make([][]string, rows)
	for r := range t.Rows {
		t.Rows[r] = make([]string, cols)
	}
	t.Merges = nil
	roots := make([]int, 0, len(ext))
	for root := range ext {
		roots = append(roots, root)
	}
	sort.Ints(roots)
	for _, root := range roots {
		e := ext[root]
		t.Rows[e.r1][e.c1] = cellText(p, cells[root])
		if e.r2 > e.r1 || e.c2 > e.c1 {
			t.Merges = append(t.Merges, [4]int{e.r1, e.c1, e.r2, e.c2})
		}
	}
}

// cellText is a cell's glyphs as text: its lines, top to bottom, joined
// without a break (a cell's lines are wraps far more often than
// paragraphs), except before a line that opens a numbered item.
func cellText(p Page, idx []int) string {
	if len(idx) == 0 {
		return ""
	}
	sub := Page{Number: p.Number, Width: p.Width, Height: p.Height, Glyphs: make([]Glyph, len(idx))}
	for k, i := range idx {
		sub.Glyphs[k] = p.Glyphs[i]
	}
	var b strings.Builder
	for k, l := range pageLines(sub) {
		text := strings.TrimSpace(l.text)
		if k > 0 && opensItem(text) {
			b.WriteByte('\n')
		}
		b.WriteString(text)
	}
	return b.String()
}

// opensItem reports whether a line starts a numbered item: "1.", "2、",
// "（3）", "(4)", "①", "一是", "二、".
func opensItem(s string) bool {
	r := []rune(s)
	if len(r) < 2 {
		return false
	}
	switch {
	case r[0] >= '①' && r[0] <= '⑳':
		return true
	case r[0] == '（' || r[0] == '(':
		return len(r) > 2 && (isDigit(r[1]) || strings.ContainsRune("一二三四五六七八九十", r[1]))
	case isDigit(r[0]):
		k := 1
		for k < len(r) && isDigit(r[k]) {
			k++
		}
		return k < len(r) && strings.ContainsRune(".．、", r[k]) && (k+1 >= len(r) || !isDigit(r[k+1]))
	case strings.ContainsRune("一二三四五六七八九十", r[0]):
		return r[1] == '是' || r[1] == '、'
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// ledgerTable is a ruled table (with its continuations on the following
// pages) whose header is a ledger's.
type ledgerTable struct {
	parts   []Table // on its first page, then its continuations
	n       *notice.Notice
	heading string // the level-1 heading above it, or ""
}

// takeLedgerTables reads the pages' ruled tables that are ledgers and
// removes their glyphs from the pages. Other tables stay text.
func takeLedgerTables(pages []Page) []ledgerTable {
	var all []Table
	for _, p := range pages {
		all = append(all, Tables(p)...)
	}
	if len(all) == 0 {
		return nil
	}
	byNumber := map[int]Page{}
	for _, p := range pages {
		byNumber[p.Number] = p
	}
	// Each page's lines, read once, before any table's glyphs leave it: for
	// the headings above the tables and for what stands above a
	// continuation.
	lines := map[int][]line{}
	heading := ""
	headingAt := map[int]string{} // table index → the heading above it
	next := 0
	for _, p := range pages {
		lines[p.Number] = linesOf(p)
		for _, l := range lines[p.Number] {
			for next < len(all) && all[next].Page == p.Number && l.y < all[next].Top {
				headingAt[next] = heading
				next++
			}
			if notice.SectionNumber(l.norm) > 0 {
				heading = l.norm
			}
		}
		for next < len(all) && all[next].Page == p.Number {
			headingAt[next] = heading
			next++
		}
	}
	var out []ledgerTable
	taken := map[int]map[int]bool{} // page number → glyph indices
	for i := 0; i < len(all); {
		// The table, with its continuations at the top of the next pages.
		parts := []Table{all[i]}
		j := i + 1
		for j < len(all) && continues(lines[all[j].Page], parts[len(parts)-1], all[j]) {
			part := all[j]
			part.fill(byNumber[part.Page], 2.5*typeSize(byNumber[part.Page], part.glyphs))
			parts = append(parts, part)
			j++
		}
		g, at := joinParts(parts)
		if n, err := ledger.FromGrid(g); err == nil {
			n = placed(n, at)
			out = append(out, ledgerTable{parts: parts, n: n, heading: headingAt[i]})
			for _, t := range parts {
				if taken[t.Page] == nil {
					taken[t.Page] = map[int]bool{}
				}
				for _, k := range t.glyphs {
					taken[t.Page][k] = true
				}
			}
		}
		i = j
	}
	for pi := range pages {
		drop := taken[pages[pi].Number]
		if len(drop) == 0 {
			continue
		}
		kept := make([]Glyph, 0, len(pages[pi].Glyphs)-len(drop))
		for k, g := range pages[pi].Glyphs {
			if !drop[k] {
				kept = append(kept, g)
			}
		}
		pages[pi].Glyphs = kept
	}
	return out
}

// typeSize is the median size of the glyphs at idx (10 when there are none).
func typeSize(p Page, idx []int) float64 {
	if len(idx) == 0 {
		return 10
	}
	sizes := make([]float64, len(idx))
	for k, i := range idx {
		sizes[k] = p.Glyphs[i].Size
	}
	slices.Sort(sizes)
	return sizes[len(sizes)/2]
}

// asLedger reads a PDF that is a ledger printed (one table, and around it
// no more than a ledger's title, 填报 and 填表人 lines): those lines become
// the grid's rows above and below the table, as the sheet had them, and the
// ledger reader reads them (issuer, date). ok is false for a notice.
func asLedger(pages []Page, t ledgerTable) (*notice.Notice, bool) {
	const maxAround = 8
	first := t.parts[0]
	var before, after []string
	var beforeAt, afterAt []rowAt
	for _, p := range pages {
		for _, l := range linesOf(p) {
			// The row as drawn, spaces kept (the sheet's "（盖章）    填报时间：").
			text, norm := strings.TrimSpace(l.text), strings.TrimSpace(l.norm)
			if norm == "" || textnotice.IsPageNumber(norm) {
				continue
			}
			if notice.SectionNumber(norm) > 0 || len(before)+len(after) >= maxAround {
				return nil, false
			}
			if p.Number < first.Page || p.Number == first.Page && l.y > first.Top {
				before, beforeAt = append(before, text), append(beforeAt, rowAt{p.Number, 0})
			} else {
				after, afterAt = append(after, text), append(afterAt, rowAt{p.Number, 0})
			}
		}
	}
	table, tableAt := joinParts(t.parts) // afresh: the ledger reader fills a grid's merged cells in place
	width := len(table.Rows[0])
	row := func(text string) []string {
		r := make([]string, width)
		r[0] = text
		return r
	}
	g := &ledger.Grid{Sheet: table.Sheet, Dates: table.Dates}
	// Each line a row merged across the table, as a sheet's title is.
	line := func(text string) {
		g.Merges = append(g.Merges, ledger.Merge{R1: len(g.Rows), C1: 0, R2: len(g.Rows), C2: width - 1})
		g.Rows = append(g.Rows, row(text))
	}
	for _, text := range before {
		line(text)
	}
	g.Rows = append(g.Rows, table.Rows...)
	for _, m := range table.Merges {
		m.R1, m.R2 = m.R1+len(before), m.R2+len(before)
		g.Merges = append(g.Merges, m)
	}
	for _, text := range after {
		line(text)
	}
	n, err := ledger.FromGrid(g)
	if err != nil {
		return nil, false
	}
	return placed(n, slices.Concat(beforeAt, tableAt, afterAt)), true
}

// continues reports whether table b goes on with table a: b is the first
// table of the page after a's (whose lines are given), with the same
// columns, and nothing but the page's furniture stands between them.
func continues(lines []line, a, b Table) bool {
	if b.Page != a.Page+1 || len(a.cols) != len(b.cols) {
		return false
	}
	for k := range a.cols {
		if math.Abs(a.cols[k]-b.cols[k]) > max(2*snap, a.slack, b.slack) {
			return false
		}
	}
	for _, l := range lines {
		if l.y > b.Top+1 && !textnotice.IsPageNumber(l.norm) && len([]rune(l.norm)) > 12 &&
			(l.x1 < b.Left || l.x0 > b.Right || l.y > b.Top+3*l.size) {
			return false // body text above it: a new table
		}
	}
	return true
}

// joinParts makes one grid of a table and its continuations; a header row
// the next page repeats is dropped, and a merged cell that the page break
// cut in two is one cell again.
func joinParts(parts []Table) (*ledger.Grid, []rowAt) {
	g := &ledger.Grid{Sheet: fmt.Sprintf("第%d页表格", parts[0].Page), Dates: map[[2]int]string{}}
	var at []rowAt
	for k, t := range parts {
		rows := slices.Clone(t.Rows)
		skip := 0
		if k > 0 && len(rows) > 0 {
			for _, h := range parts[0].Rows[:min(2, len(parts[0].Rows))] {
				if slices.Equal(rows[0], h) {
					skip = 1
				}
			}
		}
		base := len(g.Rows) - skip
		joined := map[[2]int]int{} // the part's merged cell (r1, c1) → the grid's row it joins
		if k > 0 && skip < len(rows) {
			joined = joinCut(g, t, skip, base)
			rows[skip] = slices.Clone(rows[skip])
			for cell := range joined {
				rows[cell[0]][cell[1]] = ""
			}
		}
		g.Rows = append(g.Rows, rows[skip:]...)
		for r := skip; r < len(rows); r++ {
			at = append(at, rowAt{t.Page, r + 1})
		}
		for _, m := range t.Merges {
			if m[0] < skip {
				continue
			}
			if _, ok := joined[[2]int{m[0], m[1]}]; ok {
				continue // its extent is in the joined merge
			}
			g.Merges = append(g.Merges, ledger.Merge{R1: m[0] + base, C1: m[1], R2: m[2] + base, C2: m[3]})
		}
	}
	return g, at
}

// rowAt is where a grid row stands in the PDF: the page, and the row of
// that page's table (0: a line outside the table).
type rowAt struct{ page, row int }

// placed gives the issues and the unplaced rows read from a table the
// places a reader of the PDF finds them at (第2页表格第3行), instead of the
// rows of the grid the ledger reader numbered.
func placed(n *notice.Notice, at []rowAt) *notice.Notice {
	fix := func(s *notice.Source) *notice.Source {
		if s == nil || s.Row < 1 || s.Row > len(at) {
			return s
		}
		a := at[s.Row-1]
		if a.row == 0 {
			return &notice.Source{Page: a.page}
		}
		return &notice.Source{Page: a.page, Row: a.row}
	}
	for _, is := range n.Issues() {
		is.Source = fix(is.Source)
	}
	for i := range n.Unplaced {
		n.Unplaced[i].Source = fix(n.Unplaced[i].Source)
	}
	return n
}

// joinCut finds the merged cells cut by the page break between the grid so
// far and part t, whose first row below its repeated header is first (base:
// the grid row of the part's row 0), and joins them in g: Calc and Chromium
// draw a cell's text once, on the page where the middle of the cell falls,
// so one half is empty. At least one half must span rows (a category cell):
// an empty cell of an ordinary row is not the half of another.
func joinCut(g *ledger.Grid, t Table, first, base int) map[[2]int]int {
	joined := map[[2]int]int{}
	last := len(g.Rows) - 1
	if last < 0 {
		return joined
	}
	cols := len(t.cols) - 1
	for c := 0; c < cols; c++ {
		root := t.cell[first*cols+c]
		r1, c1 := root/cols, root%cols
		if r1 != first || c1 != c {
			continue // not a cell that starts in the first row, or seen
		}
		r2, c2 := r1, c1
		for _, m := range t.Merges {
			if m[0] == r1 && m[1] == c1 {
				r2, c2 = m[2], m[3]
			}
		}
		// The grid's cell over the last row at these columns.
		prev, mi := ledger.Merge{R1: last, C1: c1, R2: last, C2: c1}, -1
		for i, m := range g.Merges {
			if m.R2 == last && m.C1 <= c1 && c1 <= m.C2 {
				prev, mi = m, i
			}
		}
		if prev.C1 != c1 || prev.C2 != c2 || c1 >= len(g.Rows[prev.R1]) {
			continue
		}
		above, below := g.Rows[prev.R1][c1], t.Rows[r1][c1]
		if prev.R2 == prev.R1 && r2 == r1 || (above == "") == (below == "") {
			continue
		}
		g.Rows[prev.R1][c1] = above + below
		joinedMerge := ledger.Merge{R1: prev.R1, C1: c1, R2: r2 + base, C2: c2}
		if mi >= 0 {
			g.Merges[mi] = joinedMerge
		} else {
			g.Merges = append(g.Merges, joinedMerge)
		}
		joined[[2]int{r1, c1}] = prev.R1
	}
	return joined
}

// linesOf is the page's lines, leaving its glyphs as they are (pageLines
// filters and sorts them in place, and the tables hold indices into them).
func linesOf(p Page) []line {
	p.Glyphs = slices.Clone(p.Glyphs)
	return pageLines(p)
}

// disjoint is a union-find over 0..n-1 whose roots are the smallest member
// (a merged cell's root is its top-left grid cell).
type disjoint []int

func newDisjoint(n int) disjoint {
	d := make(disjoint, n)
	for i := range d {
		d[i] = i
	}
	return d
}

func (d disjoint) find(i int) int {
	for d[i] != i {
		d[i] = d[d[i]]
		i = d[i]
	}
	return i
}

func (d disjoint) union(a, b int) {
	ra, rb := d.find(a), d.find(b)
	if ra < rb {
		d[rb] = ra
	} else {
		d[ra] = rb
	}
}
