package typeset_test

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/render"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/testutil/golden"
	. "github.com/rectify/rectify/internal/typeset"
)

func corpusDoc(t testing.TB) (*Doc, []Block) {
	t.Helper()
	set, err := render.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	blocks := testutil.Blocks(testutil.CorpusNotice(t))
	doc, err := Typeset(blocks, Header{}, Colophon{}, Default(), set)
	if err != nil {
		t.Fatal(err)
	}
	return doc, blocks
}

// TestGrid checks the corpus notice against the figures of GB/T 9704.
func TestGrid(t *testing.T) {
	doc, blocks := corpusDoc(t)
	lay := doc.Layout
	cell, pitch := lay.Cell(), lay.Pitch()
	for _, p := range doc.Pages {
		body := 0
		for _, l := range p.Lines {
			em := l.Size * 25.4 / 72
			if l.Role == "folio" {
				continue
			}
			body++
			top, bottom := l.Y-0.88*em, l.Y+0.12*em
			if top < lay.Top-0.01 || bottom > lay.Top+lay.AreaHeight+0.01 {
				t.Errorf("page %d: line %q outside the type area vertically (%.2f..%.2f)", p.Number, l.Text(), top, bottom)
			}
			cells := 0.0
			for _, g := range l.Glyphs {
				if g.X < lay.Left-0.01 || g.X+g.Adv > lay.Left+lay.AreaWidth+0.01 {
					t.Errorf("page %d: %q at x=%.2f outside the type area", p.Number, string(g.R), g.X)
				}
				cells += g.Adv / cell
			}
			if l.Role != "title" && cells > float64(lay.Chars)+0.01 {
				t.Errorf("page %d: line %q takes %.2f cells, more than %d", p.Number, l.Text(), cells, lay.Chars)
			}
			// Lines sit on the grid: the baseline of row k.
			row := (l.Y - lay.Top - (pitch-em)/2 - 0.88*em) / pitch
			if math.Abs(row-math.Round(row)) > 0.01 {
				t.Errorf("page %d: line %q off the grid (row %.3f)", p.Number, l.Text(), row)
			}
		}
		if body > lay.Lines {
			t.Errorf("page %d has %d lines, more than %d", p.Number, body, lay.Lines)
		}
	}
	// Page numbers: "— N —", 7 mm under the type area, odd right, even left,
	// one character in.
	for _, p := range doc.Pages {
		var folio *Line
		for i := range p.Lines {
			if p.Lines[i].Role == "folio" {
				folio = &p.Lines[i]
			}
		}
		if folio == nil {
			t.Errorf("page %d has no page number", p.Number)
			continue
		}
		if want := fmt.Sprintf("— %d —", p.Number); folio.Text() != want {
			t.Errorf("page number %q, want %q", folio.Text(), want)
		}
		em := folio.Size * 25.4 / 72
		first, last := folio.Glyphs[0], folio.Glyphs[len(folio.Glyphs)-1]
		if p.Number%2 == 1 && math.Abs(last.X+last.Adv-(lay.Left+lay.AreaWidth-em)) > 0.01 {
			t.Errorf("odd page %d: number ends at %.2f, want one character in from the right", p.Number, last.X+last.Adv)
		}
		if p.Number%2 == 0 && math.Abs(first.X-(lay.Left+em)) > 0.01 {
			t.Errorf("even page %d: number starts at %.2f, want one character in from the left", p.Number, first.X)
		}
		set, _ := render.Bundled()
		_, _, _, top, _ := set.Ink(first.Face, '—')
		if dashTop := folio.Y - top*em; math.Abs(dashTop-(lay.Top+lay.AreaHeight+7)) > 0.01 {
			t.Errorf("page %d: dash top at %.2f mm, want 7 mm under the type area", p.Number, dashTop)
		}
		if folio.Scale != 1 || math.Abs(first.Adv-em) > 0.01 || math.Abs(set.Advance(first.Face, '—')-1) > 0.001 {
			t.Errorf("page %d: the page number is scaled (%.3f) or its dash is not one em (%.2f mm)", p.Number, folio.Scale, first.Adv)
		}
	}
	// Every character of the text is set once, in order.
	var want, got strings.Builder
	for _, b := range blocks {
		want.WriteString(strings.ReplaceAll(b.Text, " ", ""))
	}
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			if l.Role != "folio" {
				got.WriteString(strings.ReplaceAll(l.Text(), " ", ""))
			}
		}
	}
	if got.String() != want.String() {
		t.Errorf("set text differs from the notice's text")
	}
	// At least the four faces: title, 黑体, 楷体, body.
	for role, face := range map[string]Face{"title": FaceTitle, "heading1": FaceHei, "heading2": FaceKai, "body": FaceFang} {
		if !doc.Faces[role][face] {
			t.Errorf("%s not set in %s: %v", role, face, doc.Faces[role])
		}
	}
}

// TestKinsoku: no line of the corpus layout breaks a 禁则.
func TestKinsoku(t *testing.T) {
	doc, _ := corpusDoc(t)
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			rs := []rune(l.Text())
			if len(rs) == 0 || l.Role == "folio" {
				continue
			}
			if strings.ContainsRune("，。、；：？！）》」』】〕〉”’…—%‰", rs[0]) {
				t.Errorf("page %d: line starts with %q: %s", p.Number, string(rs[0]), l.Text())
			}
			if strings.ContainsRune("（《「『【〔〈“‘", rs[len(rs)-1]) {
				t.Errorf("page %d: line ends with %q: %s", p.Number, string(rs[len(rs)-1]), l.Text())
			}
		}
	}
}

// TestBreaks is the conformance table of the line-break rules.
func TestBreaks(t *testing.T) {
	cases := []struct {
		text string
		at   int // rune offset
		ok   bool
	}{
		{"学习，贯彻", 2, false},    // before ，
		{"学习（贯彻）", 3, false},   // after （
		{"学习——贯彻", 3, false},   // inside ——
		{"学习……贯彻", 3, false},   // inside ……
		{"得分82.5分", 4, false},  // inside 82.5
		{"2024年", 2, false},    // inside 2024
		{"G235线", 2, false},    // inside G235
		{"学习贯彻", 2, true},      // between two ideographs
		{"完成90%", 4, false},    // before %
		{"《条例》学习", 4, true},    // after 》
		{"“当下改”的举措", 1, false}, // after “
		{"“当下改”的举措", 4, false}, // before ”
	}
	for _, c := range cases {
		if got := Breaks(c.text)[c.at]; got != c.ok {
			t.Errorf("Breaks(%q)[%d] = %v, want %v", c.text, c.at, got, c.ok)
		}
	}
}

// TestGoldenLayout records the positions of lines (not PDF bytes).
func TestGoldenLayout(t *testing.T) {
	doc, _ := corpusDoc(t)
	var b bytes.Buffer
	for _, p := range doc.Pages {
		fmt.Fprintf(&b, "== page %d\n", p.Number)
		for _, l := range p.Lines {
			fmt.Fprintf(&b, "%6.2f %6.2f %-9s %s\n", l.Y, l.Glyphs[0].X, l.Role, l.Text())
		}
	}
	golden.Check(t, "../../testdata/layout/corpus.golden", b.Bytes())
}

// TestTitleWords: a long title breaks between the issuer and "关于…" first,
// then into balanced lines, never inside a word of the genre; the text is
// set exactly as given.
func TestTitleWords(t *testing.T) {
	set, _ := render.Bundled()
	words := []string{"巡察", "巡视", "整改", "进展", "情况", "通报", "反馈", "意见", "问题", "落实", "县委", "市委", "二〇二五年度"}
	for _, c := range []struct{ title, first string }{
		{"中共某某县委员会办公室关于二〇二五年度巡察反馈问题整改落实进展情况的通报", "中共某某县委员会办公室"},
		{"中共柘荣县城郊乡委员会关于县委巡察反馈意见整改进展情况的通报", "中共柘荣县城郊乡委员会"},
		{"寿宁工业园区管理委员会关于巡察整改进展情况的通报", "寿宁工业园区管理委员会"},
		{"关于县委第三巡察组巡察反馈意见集中整改进展情况和下一步整改落实工作安排的通报", ""},
	} {
		doc, err := Typeset([]Block{{Role: "title", Text: c.title}}, Header{}, Colophon{}, Default(), set)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		var lens []int
		for _, l := range doc.Pages[0].Lines {
			if l.Role == "title" {
				lines = append(lines, l.Text())
				lens = append(lens, len([]rune(l.Text())))
			}
		}
		if strings.Join(lines, "") != c.title {
			t.Errorf("title set as %q, want %q", strings.Join(lines, ""), c.title)
		}
		if c.first != "" && lines[0] != c.first {
			t.Errorf("%s: first line %q, want the issuer %q", c.title, lines[0], c.first)
		}
		rest := lens
		if c.first != "" {
			rest = lens[1:]
		}
		for i := 1; i < len(rest); i++ {
			if d := rest[i] - rest[i-1]; d > 5 || d < -5 {
				t.Errorf("%s: lines %q are not balanced", c.title, lines)
			}
		}
		for i := 1; i < len(lines); i++ {
			joint := lines[i-1] + "|" + lines[i]
			for _, w := range words {
				for k := 1; k < len([]rune(w)); k++ {
					if strings.Contains(joint, string([]rune(w)[:k])+"|"+string([]rune(w)[k:])) {
						t.Errorf("%s: line break inside %q: %q", c.title, w, lines)
					}
				}
			}
		}
	}
}

// TestTitleSourceLines: title blocks in a row are the source's own title
// lines: one title, on consecutive rows, each line as given.
func TestTitleSourceLines(t *testing.T) {
	set, _ := render.Bundled()
	doc, err := Typeset([]Block{{Role: "title", Text: "福安市市场监督管理局"}, {Role: "title", Text: "关于市委巡察整改情况的通报"}, {Role: "body", Text: "正文。"}}, Header{}, Colophon{}, Default(), set)
	if err != nil {
		t.Fatal(err)
	}
	ls := doc.Pages[0].Lines
	if ls[0].Text() != "福安市市场监督管理局" || ls[1].Text() != "关于市委巡察整改情况的通报" || ls[1].Role != "title" {
		t.Fatalf("title lines %q %q", ls[0].Text(), ls[1].Text())
	}
	if d := ls[1].Y - ls[0].Y; math.Abs(d-Default().Pitch()) > 0.01 {
		t.Errorf("title lines %.2f mm apart, want one row", d)
	}
}

// TestHalfWidthDigits: digits take half a cell each, and every run of
// narrow characters (a proportional "G", an address) ends on the half-cell
// grid, so the characters after "2024" or "G235" are back on the grid.
func TestHalfWidthDigits(t *testing.T) {
	set, _ := render.Bundled()
	lay := Default()
	doc, err := Typeset([]Block{{Role: "body", Text: "于2024年5月13日至G235线，电话0593-5530106，邮箱abc@163.com。"}}, Header{}, Colophon{}, lay, set)
	if err != nil {
		t.Fatal(err)
	}
	half := lay.Cell() / 2
	onGrid := func(x float64) bool { k := (x - lay.Left) / half; return math.Abs(k-math.Round(k)) < 0.01 }
	for _, l := range doc.Pages[0].Lines {
		if l.Role != "body" {
			continue
		}
		for i, g := range l.Glyphs {
			digitsOnly := true // g is in a run of digits (not after "G" or "0593-")
			for j := i; j >= 0 && l.Glyphs[j].R < 0x7f; j-- {
				digitsOnly = digitsOnly && l.Glyphs[j].R >= '0' && l.Glyphs[j].R <= '9'
			}
			switch {
			case g.R >= '0' && g.R <= '9' && digitsOnly:
				if g.Adv < half-0.01 || !onGrid(g.X+g.Off) {
					t.Errorf("%q takes %.2f mm at %.2f, want half a cell on the grid", string(g.R), g.Adv, g.X)
				}
			case g.R > 0x7f:
				if math.Abs(g.Adv-2*half) > 0.01 || !onGrid(g.X+g.Off) {
					t.Errorf("%q takes %.2f mm at %.2f, want a cell on the grid", string(g.R), g.Adv, g.X)
				}
			}
		}
	}
}

// narrowQuotes is a font set whose body face draws quotes narrow (0.3 em,
// ink across the whole advance), like many Chinese fonts.
type narrowQuotes struct{ Fonts }

func (n narrowQuotes) Advance(f Face, r rune) float64 {
	if strings.ContainsRune("“”‘’", r) {
		return 0.3
	}
	return n.Fonts.Advance(f, r)
}

func (n narrowQuotes) Ink(f Face, r rune) (x0, y0, x1, y1 float64, ok bool) {
	if strings.ContainsRune("“”‘’", r) {
		return 0.05, 0.5, 0.25, 0.8, true
	}
	return n.Fonts.Ink(f, r)
}

// TestNarrowQuotesInFullCells: a font without full-width quotes still gives
// each quote a full cell, the opening one drawn at the cell's right, the
// closing one at its left.
func TestNarrowQuotesInFullCells(t *testing.T) {
	set, _ := render.Bundled()
	lay := Default()
	doc, err := Typeset([]Block{{Role: "body", Text: "开展“当下改”工作"}}, Header{}, Colophon{}, lay, narrowQuotes{set})
	if err != nil {
		t.Fatal(err)
	}
	cell := lay.Cell()
	em := lay.Body.Size * 25.4 / 72
	for _, g := range doc.Pages[0].Lines[0].Glyphs {
		if math.Abs(g.Adv-cell) > 0.01 {
			t.Errorf("%q takes %.2f mm, want a cell", string(g.R), g.Adv)
		}
		nat := 0.3 * em * cell / em
		switch g.R {
		case '“':
			if math.Abs(g.Off-(cell-nat)) > 0.01 {
				t.Errorf("opening quote drawn %.2f mm into its cell, want %.2f (right-aligned)", g.Off, cell-nat)
			}
		case '”':
			if g.Off != 0 {
				t.Errorf("closing quote drawn %.2f mm into its cell, want 0 (left-aligned)", g.Off)
			}
		}
	}
}

// TestPageNumbers75: §7.5 and §7.4.1 with a 版记: text ending on an odd page
// puts the 版记 at the foot of the next page, which is numbered; an even last
// page with room takes it and keeps its number; an even last page without
// room is followed by a blank page and the 版记 page, neither numbered.
func TestPageNumbers75(t *testing.T) {
	set, _ := render.Bundled()
	lay := Default()
	col := Colophon{CC: "县委巡察办", Printer: "某某管理委员会办公室", PrintDate: "2025年6月24日"}
	for _, c := range []struct {
		paras int
		want  []int // printed page numbers, 0 for none
	}{
		{10, []int{1, 2}},
		{30, []int{1, 2}},
		{42, []int{1, 2, 0, 0}},
		{50, []int{1, 2, 3, 4}},
	} {
		var blocks []Block
		for i := 0; i < c.paras; i++ {
			blocks = append(blocks, Block{Role: "body", Text: "短段。"})
		}
		doc, err := Typeset(blocks, Header{}, col, lay, set)
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, p := range doc.Pages {
			folio := 0
			for _, l := range p.Lines {
				if l.Role == "folio" {
					folio, _ = strconv.Atoi(strings.Trim(l.Text(), "— "))
				}
			}
			if folio != p.Number {
				t.Errorf("page number %d printed as %d", p.Number, folio)
			}
			got = append(got, folio)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%d paragraphs: page numbers %v, want %v", c.paras, got, c.want)
		}
		last := doc.Pages[len(doc.Pages)-1]
		if len(doc.Pages)%2 != 0 || last.Lines[len(last.Lines)-1].Role != "colophon" && (len(last.Lines) < 2 || last.Lines[len(last.Lines)-2].Role != "colophon") {
			t.Errorf("%d paragraphs: the 版记 is not on the last, even page", c.paras)
		}
	}
}

func TestSignature(t *testing.T) {
	set, _ := render.Bundled()
	lay := Default()
	doc, err := Typeset([]Block{{Role: "body", Text: "正文。"}, {Role: "signature", Text: "寿宁工业园区管理委员会"}, {Role: "date", Text: "2025年6月24日"}}, Header{}, Colophon{}, lay, set)
	if err != nil {
		t.Fatal(err)
	}
	var sig, date Line
	for _, l := range doc.Pages[0].Lines {
		switch l.Role {
		case "signature":
			sig = l
		case "date":
			date = l
		}
	}
	cell := lay.Cell()
	right := lay.Left + lay.AreaWidth
	last := sig.Glyphs[len(sig.Glyphs)-1]
	if math.Abs(last.X+last.Adv-(right-2*cell)) > 0.01 {
		t.Errorf("signature ends at %.2f, want two characters from the right (%.2f)", last.X+last.Adv, right-2*cell)
	}
	if math.Abs(date.Glyphs[0].X-(sig.Glyphs[0].X+2*cell)) > 0.01 {
		t.Errorf("date starts at %.2f, want two characters right of the signature (%.2f)", date.Glyphs[0].X, sig.Glyphs[0].X+2*cell)
	}
	if date.Y-sig.Y < lay.Pitch()-0.01 {
		t.Errorf("date not on the line under the signature")
	}
	// A long date and a short signature: the date keeps two characters from
	// the right and the signature moves left.
	doc, _ = Typeset([]Block{{Role: "signature", Text: "某局"}, {Role: "date", Text: "2025年12月24日"}}, Header{}, Colophon{}, lay, set)
	for _, l := range doc.Pages[0].Lines {
		if l.Role == "date" {
			g := l.Glyphs[len(l.Glyphs)-1]
			if math.Abs(g.X+g.Adv-(right-2*cell)) > 0.01 {
				t.Errorf("long date ends at %.2f, want %.2f", g.X+g.Adv, right-2*cell)
			}
		}
	}
}

func TestMissingGlyph(t *testing.T) {
	set, _ := render.Bundled()
	_, err := Typeset([]Block{{Role: "body", Text: "这里有一个私用区字符\U000F0001。"}}, Header{}, Colophon{}, Default(), set)
	if err == nil || !strings.Contains(err.Error(), "U+F0001") || !strings.Contains(err.Error(), "这里有一个私用区字符") {
		t.Errorf("want a clear error naming the character and its paragraph, got %v", err)
	}
}

// BenchmarkTypesetCorpus times typesetting only: the notice is read and
// the fonts loaded before the loop.
func BenchmarkTypesetCorpus(b *testing.B) {
	set, err := render.Bundled()
	if err != nil {
		b.Fatal(err)
	}
	blocks := testutil.Blocks(testutil.CorpusNotice(b))
	for b.Loop() {
		if _, err := Typeset(blocks, Header{}, Colophon{}, Default(), set); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOrphansAndWidows: a paragraph does not leave its first line alone at
// a page's foot, nor its last line alone at the head of the next page.
func TestOrphansAndWidows(t *testing.T) {
	set, _ := render.Bundled()
	long := strings.Repeat("整改工作扎实推进，成效明显。", 6) // about three lines
	pageOf := func(doc *Doc, text string) []int {
		var pages []int
		for _, p := range doc.Pages {
			for _, l := range p.Lines {
				if l.Role == "body" && strings.Contains(long, l.Text()) && len(l.Text()) > 0 {
					pages = append(pages, p.Number)
				}
			}
		}
		return pages
	}
	for _, before := range []int{21, 20, 19} { // the paragraph would start on the last row, or end one line over
		var blocks []Block
		for i := 0; i < before; i++ {
			blocks = append(blocks, Block{Role: "body", Text: "短段。"})
		}
		blocks = append(blocks, Block{Role: "body", Text: long})
		doc, err := Typeset(blocks, Header{}, Colophon{}, Default(), set)
		if err != nil {
			t.Fatal(err)
		}
		pages := pageOf(doc, long)
		count := map[int]int{}
		for _, p := range pages {
			count[p]++
		}
		for p, n := range count {
			if n == 1 && len(pages) > 1 {
				t.Errorf("after %d short paragraphs: one line of the paragraph alone on page %d (%v)", before, p, pages)
			}
		}
	}
}
