package render_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/pdftext"
	"github.com/rectify/rectify/internal/render"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/typeset"
)

// allNotices is the corpus notice and every notice in testdata/notices.
func allNotices() []string {
	files, _ := filepath.Glob(testutil.Testdata("notices", "*.txt"))
	return append([]string{testutil.Testdata("corpus", "notice-2025-extracted.txt")}, files...)
}

// TestLayoutReadBack reads our PDFs back with our own PDF reader and checks
// the layout as a proof-reader with a ruler would, for the corpus notice and
// every notice in testdata/notices, plain and with 版头 and 版记:
//   - at least 98% of body glyphs start on the half-cell grid;
//   - no line is wider than the type area's 28 cells;
//   - no Latin word, number, e-mail address or URL is split across lines;
//   - the title is the source's text, its lines kept, broken further only
//     at word boundaries (the issuer first);
//   - page numbers where GB/T 9704 §7.5 puts them, the 版记 on the last,
//     even page.
func TestLayoutReadBack(t *testing.T) {
	files := allNotices()
	set, err := render.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		n := testutil.ReadNotice(t, file)
		blocks := testutil.Blocks(n)
		for _, v := range testutil.Variants() {
			t.Run(filepath.Base(file)+"/"+v.Name, func(t *testing.T) {
				lay := typeset.Default()
				doc, err := typeset.Typeset(blocks, v.Header, v.Colophon, lay, set)
				if err != nil {
					t.Fatal(err)
				}
				data, err := render.PDF(doc, set, render.Meta{})
				if err != nil {
					t.Fatal(err)
				}
				pages, err := pdftext.Pages(context.Background(), data, pdftext.Options{})
				if err != nil {
					t.Fatal(err)
				}
				checkLayout(t, pages, blocks, lay, set, v.Colophon.Printer != "")
				checkSourceTitle(t, file, n, blocks)
			})
		}
	}
}

const ptToMM = 25.4 / 72

// readLine is one line of glyphs read back: same size, same baseline.
type readLine struct {
	y, size float64 // mm from the page's top, pt
	glyphs  []pdftext.Glyph
}

func (l readLine) text() string {
	var b strings.Builder
	for _, g := range l.glyphs {
		b.WriteString(g.Text)
	}
	return b.String()
}

func readLines(p pdftext.Page) []readLine {
	var lines []readLine
	for _, g := range p.Glyphs {
		if strings.TrimSpace(g.Text) == "" {
			continue
		}
		y := (p.Height - g.Y) * ptToMM
		i := sort.Search(len(lines), func(i int) bool { return lines[i].y > y-0.3 })
		if i < len(lines) && math.Abs(lines[i].y-y) < 0.3 && math.Abs(lines[i].size-g.Size) < 0.5 {
			lines[i].glyphs = append(lines[i].glyphs, g)
			continue
		}
		lines = append(lines, readLine{})
		copy(lines[i+1:], lines[i:])
		lines[i] = readLine{y: y, size: g.Size, glyphs: []pdftext.Glyph{g}}
	}
	for _, l := range lines {
		sort.SliceStable(l.glyphs, func(a, b int) bool { return l.glyphs[a].X < l.glyphs[b].X })
	}
	return lines
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.5 }

func checkLayout(t *testing.T, pages []pdftext.Page, blocks []typeset.Block, lay typeset.Layout, set *render.FontSet, colophon bool) {
	half := lay.Cell() / 2
	bottom := lay.Top + lay.AreaHeight
	var onGrid, body int
	var offGrid []string
	var all []string // every line's text, for the word check
	var title []readLine
	for pi, p := range pages {
		lines := readLines(p)
		for _, l := range lines {
			all = append(all, l.text())
			if pi == 0 && near(l.size, lay.Title.Size) {
				title = append(title, l)
			}
			if !near(l.size, lay.Body.Size) || l.y > bottom || (pi == 0 && (len(title) == 0 || l.y < title[0].y)) {
				continue // not body text: title, page number, 版记, or the 版头 above the title
			}
			first, last := l.glyphs[0], l.glyphs[len(l.glyphs)-1]
			end := last.X + last.W
			if strings.ContainsAny(last.Text, "，。、；：）》」』】〕〉”’") {
				end = last.X + half/ptToMM // a closing mark's ink is in its left half
			}
			if first.X*ptToMM < lay.Left-0.05 || end*ptToMM > lay.Left+lay.AreaWidth+0.05 {
				t.Errorf("page %d: line %q spans %.2f–%.2f mm, outside the 28 cells", pi+1, l.text(), first.X*ptToMM, end*ptToMM)
			}
			for _, g := range l.glyphs {
				body++
				k := (g.X*ptToMM - lay.Left) / half
				if math.Abs(k-math.Round(k))*half < 0.05 {
					onGrid++
				} else if len(offGrid) < 5 {
					offGrid = append(offGrid, fmt.Sprintf("%q on page %d at %.2f half cells", g.Text, pi+1, k))
				}
			}
		}
	}
	if body == 0 {
		t.Fatal("no body text read back")
	}
	if share := float64(onGrid) / float64(body); share < 0.98 {
		t.Errorf("%.1f%% of %d body glyphs on the half-cell grid, want >= 98%% (off: %v)", 100*share, body, offGrid)
	} else {
		t.Logf("%.2f%% of %d body glyphs on the half-cell grid", 100*share, body)
	}
	checkWords(t, blocks, all, lay)
	checkTitle(t, blocks, title)
	checkPageNumbers(t, pages, lay, set, colophon)
}

// checkWords: every run of ASCII letters, digits and signs that fits on a
// line is read back whole on one line.
func checkWords(t *testing.T, blocks []typeset.Block, lines []string, lay typeset.Layout) {
	joined := "\n" + strings.Join(lines, "\n") + "\n"
	for _, b := range blocks {
		for _, w := range strings.FieldsFunc(b.Text, func(r rune) bool { return r <= ' ' || r >= 0x7f }) {
			if utf8.RuneCountInString(w) < 2 || utf8.RuneCountInString(w) > lay.Chars {
				continue
			}
			if !strings.Contains(joined, w) {
				t.Errorf("%q is split across lines", w)
			}
		}
	}
}

// titleWords are words of the genre no title line may split.
var titleWords = []string{"巡察", "巡视", "整改", "进展", "情况", "通报", "反馈", "意见", "问题", "落实", "县委", "市委", "党组", "委员会", "关于"}

func checkTitle(t *testing.T, blocks []typeset.Block, lines []readLine) {
	var given []string // the title's lines as the source has them, or one
	for _, b := range blocks {
		if b.Role == "title" {
			given = append(given, b.Text)
		}
	}
	var got []string
	for _, l := range lines {
		got = append(got, l.text())
	}
	if strings.Join(got, "") != strings.Join(given, "") {
		t.Errorf("title read back as %q, want %q", got, given)
		return
	}
	breaks := map[int]bool{} // rune offsets where a read-back line ends
	n := 0
	for _, l := range got[:len(got)-1] {
		n += utf8.RuneCountInString(l)
		breaks[n] = true
	}
	n = 0
	for _, g := range given[:len(given)-1] {
		n += utf8.RuneCountInString(g)
		if !breaks[n] {
			t.Errorf("the source's title line %q is not kept as a line: %q", g, got)
		}
	}
	for i := 1; i < len(got); i++ {
		joint := got[i-1] + "|" + got[i]
		for _, w := range titleWords {
			rs := []rune(w)
			for k := 1; k < len(rs); k++ {
				if strings.Contains(joint, string(rs[:k])+"|"+string(rs[k:])) {
					t.Errorf("title breaks inside %q: %q", w, got)
				}
			}
		}
	}
	// A title given as one line that needs more: the issuer first.
	if k := strings.Index(given[0], "关于"); len(given) == 1 && k > 0 && len(got) > 1 && !strings.HasPrefix(given[0][:k], got[0]) {
		t.Errorf("title's first break is not between the issuer and 关于: %q", got)
	}
}

// checkPageNumbers: every page numbered "— N —" (one-em dashes, digits not
// scaled) 7 mm under the type area, odd right and even left one character
// in, except a blank page before the 版记 page and that page; the 版记 on
// the last, even page.
func checkPageNumbers(t *testing.T, pages []pdftext.Page, lay typeset.Layout, set *render.FontSet, colophon bool) {
	bottom := lay.Top + lay.AreaHeight
	em := lay.Folio.Size * ptToMM
	_, _, _, dashTop, _ := set.Ink(typeset.FaceSong, '—')
	unnumbered := map[int]bool{}
	if colophon {
		if len(pages)%2 != 0 {
			t.Errorf("%d pages: the 版记 is not on an even page", len(pages))
		}
		if len(pages) >= 2 && len(pages[len(pages)-2].Glyphs) == 0 {
			unnumbered[len(pages)-1], unnumbered[len(pages)] = true, true
		}
		var last []string
		for _, l := range readLines(pages[len(pages)-1]) {
			if l.y < bottom {
				last = append(last, l.text())
			}
		}
		if len(last) < 2 || !strings.HasSuffix(last[len(last)-1], "印发") {
			t.Errorf("the last page does not end with the 版记: %q", last)
		}
	}
	for pi, p := range pages {
		num := pi + 1
		var folio *readLine
		lines := readLines(p)
		for i := range lines {
			if lines[i].y > bottom {
				folio = &lines[i]
			}
		}
		if unnumbered[num] {
			if folio != nil {
				t.Errorf("page %d (the 版记 page or the blank page before it) is numbered %q", num, folio.text())
			}
			continue
		}
		if folio == nil {
			t.Errorf("page %d has no page number", num)
			continue
		}
		if want := fmt.Sprintf("—%d—", num); folio.text() != want {
			t.Errorf("page %d: page number %q, want %q", num, folio.text(), want)
			continue
		}
		if y := folio.y - dashTop*em; math.Abs(y-(bottom+lay.FolioOffset)) > 0.05 {
			t.Errorf("page %d: the dash's top is %.2f mm under the type area, want %.0f", num, y-bottom, lay.FolioOffset)
		}
		first, last := folio.glyphs[0], folio.glyphs[len(folio.glyphs)-1]
		for _, g := range folio.glyphs {
			r, _ := utf8.DecodeRuneInString(g.Text)
			if want := set.Advance(typeset.FaceSong, r) * lay.Folio.Size; math.Abs(g.W-want) > 0.01 {
				t.Errorf("page %d: %q is %.2f pt wide, want %.2f (not scaled)", num, g.Text, g.W, want)
			}
		}
		if math.Abs(first.W-lay.Folio.Size) > 0.01 {
			t.Errorf("page %d: the dash is %.2f pt, want one em", num, first.W)
		}
		if num%2 == 1 && math.Abs((last.X+last.W)*ptToMM-(lay.Left+lay.AreaWidth-em)) > 0.05 {
			t.Errorf("odd page %d: number ends at %.2f mm, want one character in from the right", num, (last.X+last.W)*ptToMM)
		}
		if num%2 == 0 && math.Abs(first.X*ptToMM-(lay.Left+em)) > 0.05 {
			t.Errorf("even page %d: number starts at %.2f mm, want one character in from the left", num, first.X*ptToMM)
		}
	}
}

// checkSourceTitle: the title set is the source's title, word for word (the
// source may break it over lines or put a space after the issuer, and a
// notice copied from a web page has the page's lines above it, kept as
// unplaced text).
func checkSourceTitle(t *testing.T, file string, n *notice.Notice, blocks []typeset.Block) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	title, docNumber := "", ""
	for _, b := range blocks {
		switch b.Role {
		case "title":
			title += squash(b.Text)
		case "doc_number":
			docNumber = squash(b.Text)
		}
	}
	// A 发文字号 may stand above the title, as GB/T 9704 sets it.
	source := strings.TrimPrefix(squash(string(data)), docNumber)
	for _, u := range n.Unplaced {
		if strings.HasPrefix(source, squash(u.Text)) {
			source = source[len(squash(u.Text)):]
		}
	}
	if !strings.HasPrefix(source, title) {
		t.Errorf("title %q is not the source's (which begins %q)", title, string([]rune(source)[:min(40, len([]rune(source)))]))
	}
}

// TestGridMuPDF: the half-cell grid measured by another reader, MuPDF (the
// measure the grid was first found lacking by), on the corpus notice.
func TestGridMuPDF(t *testing.T) {
	bin := testutil.Need(t, "mutool")
	pdf, _ := renderCorpus(t)
	out, err := exec.Command(bin, "draw", "-F", "stext", "-o", "-", writeTemp(t, pdf)).Output()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Pages []struct {
			Fonts []struct {
				Size  float64 `xml:"size,attr"`
				Chars []struct {
					X float64 `xml:"x,attr"`
					Y float64 `xml:"y,attr"`
					C string  `xml:"c,attr"`
				} `xml:"char"`
			} `xml:"block>line>font"`
		} `xml:"page"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	lay := typeset.Default()
	half := lay.Cell() / 2
	body, on := 0, 0
	for pi, p := range doc.Pages {
		for _, f := range p.Fonts {
			if math.Abs(f.Size-lay.Body.Size) > 0.5 {
				continue // title, page number
			}
			for _, c := range f.Chars {
				if pi == 0 && c.Y*ptToMM < lay.Top+2*lay.Pitch() || strings.TrimSpace(c.C) == "" {
					continue // the title's rows
				}
				body++
				if k := (c.X*ptToMM - lay.Left) / half; math.Abs(k-math.Round(k))*half < 0.05 {
					on++
				}
			}
		}
	}
	share := float64(on) / float64(max(body, 1))
	t.Logf("MuPDF: %.2f%% of %d body glyphs on the half-cell grid", 100*share, body)
	if body < 10000 || share < 0.98 {
		t.Errorf("MuPDF reads %.2f%% of %d body glyphs on the half-cell grid, want >= 98%% of the corpus notice's", 100*share, body)
	}
}
