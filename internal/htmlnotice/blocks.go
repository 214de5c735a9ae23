package htmlnotice

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockElements start and end a paragraph, as a browser lays them out.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Section: true,
	atom.Article: true, atom.Blockquote: true, atom.Pre: true, atom.Dd: true, atom.Dt: true,
	atom.Dl: true, atom.Center: true, atom.Header: true, atom.Footer: true, atom.Main: true,
	atom.Aside: true, atom.Figure: true, atom.Figcaption: true, atom.Hr: true, atom.Address: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Caption: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Body: true, atom.Form: true, atom.Fieldset: true,
}

// A line is one line of the article as a browser shows it; indented when
// the page indents it (CSS text-indent, or leading no-break or full-width
// spaces, as pages pasted from Word have).
type line struct {
	text     string
	indented bool
}

// A block is a paragraph (its lines, cut by <br>) or a data table.
type block struct {
	lines []line
	table *grid
	node  *html.Node // the <table> a grid was laid out from
}

// A grid is an HTML table laid out as the browser lays it: a cell spanning
// rows or columns has its text in its top-left slot and a merge.
type grid struct {
	rows   [][]string
	merges [][4]int // r1, c1, r2, c2
}

// maxGridCols bounds a data table's width: ledgers have a dozen columns;
// a wider table is read as text.
const maxGridCols = 64

type walker struct {
	blocks  []block
	cur     strings.Builder
	curIndt bool // the line being built is indented
	lines   []line
	pre     int  // inside <pre>: white space kept
	noGrids bool // tables are read as blocks, cell by cell
	// space: white space seen since the last character written (written
	// before the next one, if any); lineBreak: it had a line break.
	space, lineBreak bool
}

// tableText reads a table that is not a ledger as a browser shows its
// text: cell by cell, row by row, each cell's paragraphs and lines as
// they are.
func tableText(t *html.Node) []block {
	w := walker{noGrids: true}
	w.walk(t)
	w.endBlock()
	return w.blocks
}

// walk reads n's content into blocks.
func (w *walker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		return
	}
	switch {
	case n.DataAtom == atom.Br:
		w.endLine()
		return
	case n.DataAtom == atom.Table:
		if g := dataTable(n); g != nil && !w.noGrids {
			w.endBlock()
			w.blocks = append(w.blocks, block{table: g, node: n})
			return
		}
	case n.DataAtom == atom.Img:
		return
	}
	isBlock := blockElements[n.DataAtom]
	if isBlock {
		w.endBlock()
		if textIndent(n) {
			w.curIndt = true
		}
	}
	if n.DataAtom == atom.Pre {
		w.pre++
	}
	if n.DataAtom == atom.Li {
		w.cur.WriteString(listLabel(n))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if n.DataAtom == atom.Pre {
		w.pre--
	}
	if isBlock {
		w.endBlock()
	}
}

func (w *walker) text(s string) {
	if w.pre > 0 {
		for i, piece := range strings.Split(s, "\n") {
			if i > 0 {
				w.endLine()
			}
			w.cur.WriteString(piece)
		}
		return
	}
	// HTML white space collapses to one space; no-break and full-width
	// spaces stay (at a line's start they are its indent). A run of white
	// space with a line break between two wide characters is dropped, as
	// browsers drop it (CSS Text 3 segment breaks): Word's "save as web
	// page" and CMS editors wrap long Chinese lines in the source.
	for _, r := range s {
		switch r {
		case ' ', '\t', '\f':
			w.space = true
			continue
		case '\n', '\r':
			w.space, w.lineBreak = true, true
			continue
		}
		if w.space && w.cur.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(w.cur.String())
			if !(w.lineBreak && wide(last) && wide(r)) {
				w.cur.WriteByte(' ')
			}
		}
		w.space, w.lineBreak = false, false
		w.cur.WriteRune(r)
	}
}

// wide reports a character of the East Asian scripts and their
// punctuation, between which a source line break is no space.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}

func (w *walker) endLine() {
	w.space, w.lineBreak = false, false
	raw := w.cur.String()
	w.cur.Reset()
	indented := w.curIndt || strings.HasPrefix(raw, "\u00a0\u00a0") || strings.HasPrefix(raw, "\u3000")
	w.curIndt = false
	raw = strings.Map(func(r rune) rune {
		if r == '\u00a0' {
			return ' '
		}
		return r
	}, raw)
	if t := strings.TrimSpace(raw); t != "" {
		w.lines = append(w.lines, line{text: t, indented: indented})
	}
}

func (w *walker) endBlock() {
	w.endLine()
	if len(w.lines) > 0 {
		w.blocks = append(w.blocks, block{lines: w.lines})
		w.lines = nil
	}
}

// textIndent reports a positive CSS text-indent in the element's style.
func textIndent(n *html.Node) bool {
	m := textIndentRe.FindStringSubmatch(strings.ToLower(attr(n, "style")))
	if m == nil {
		return false
	}
	v, err := strconv.ParseFloat(m[1], 64)
	return err == nil && v > 0
}

var textIndentRe = regexp.MustCompile(`text-indent\s*:\s*([0-9.]+)`)

// listLabel is the number a browser draws before an item of a numbered
// list (<ol>, decimal); bullets and unnumbered lists draw none the grammar
// could use.
func listLabel(li *html.Node) string {
	ol := li.Parent
	if ol == nil || ol.DataAtom != atom.Ol || (attr(ol, "type") != "" && attr(ol, "type") != "1") ||
		strings.Contains(strings.ToLower(attr(ol, "style")+attr(li, "style")), "none") {
		return ""
	}
	k, _ := strconv.Atoi(attr(ol, "start"))
	if k == 0 {
		k = 1
	}
	for c := ol.FirstChild; c != nil && c != li; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Li {
			k++
		}
	}
	return strconv.Itoa(k) + "."
}

// tableRows are a table's rows in order (thead, tbody, tfoot as written),
// not its nested tables' rows.
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.DataAtom == atom.Tr {
					rows = append(rows, r)
				}
			}
		}
	}
	return rows
}

func cells(tr *html.Node) []*html.Node {
	var out []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			out = append(out, c)
		}
	}
	return out
}

// dataTable lays a table out as a grid when it holds data: two rows or
// more, two columns or more, no table inside a cell and not too wide. A
// table used for page layout (one column, or tables in its cells) is nil:
// its cells are read as blocks.
func dataTable(t *html.Node) *grid {
	rows := tableRows(t)
	if len(rows) < 2 {
		return nil
	}
	for _, tr := range rows {
		for _, td := range cells(tr) {
			if findFirst(td, atom.Table) != nil {
				return nil
			}
		}
	}
	g := &grid{rows: make([][]string, len(rows))}
	filled := make([][]bool, len(rows))
	width := 0
	for r, tr := range rows {
		c := 0
		for _, td := range cells(tr) {
			for c < len(filled[r]) && filled[r][c] {
				c++
			}
			cs := span(attr(td, "colspan"), 1, maxGridCols+1)
			rs := span(attr(td, "rowspan"), 1, len(rows)-r)
			if attr(td, "rowspan") == "0" {
				rs = len(rows) - r // to the end of the table
			}
			if c+cs > maxGridCols {
				return nil
			}
			for i := r; i < r+rs; i++ {
				for len(filled[i]) < c+cs {
					filled[i] = append(filled[i], false)
					g.rows[i] = append(g.rows[i], "")
				}
				for j := c; j < c+cs; j++ {
					filled[i][j] = true
				}
			}
			g.rows[r][c] = cellText(td)
			if rs > 1 || cs > 1 {
				g.merges = append(g.merges, [4]int{r, c, r + rs - 1, c + cs - 1})
			}
			c += cs
			width = max(width, c)
		}
	}
	if width < 2 {
		return nil
	}
	for i := range g.rows {
		for len(g.rows[i]) < width {
			g.rows[i] = append(g.rows[i], "")
		}
	}
	return g
}

func span(v string, lo, hi int) int {
	k, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || k < lo {
		return lo
	}
	return min(k, hi)
}

// cellText is a cell's text, its paragraphs and lines on lines of their own.
func cellText(td *html.Node) string {
	var w walker
	for c := td.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	w.endBlock()
	var out []string
	for _, b := range w.blocks {
		for _, l := range b.lines {
			out = append(out, l.text)
		}
	}
	return strings.Join(out, "\n")
}
