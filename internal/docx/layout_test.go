package docx

import (
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/pdftext"
	"github.com/rectify/rectify/internal/render"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/textnotice"
	"github.com/rectify/rectify/internal/typeset"
	"github.com/rectify/rectify/templates"
)

// writeNotice writes a notice as our .docx with the default layout.
func writeNotice(t testing.TB, n *notice.Notice, pg Page) []byte {
	t.Helper()
	lay, err := templates.Layout("")
	if err != nil {
		t.Fatal(err)
	}
	n, err = templates.WithText(n)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Write(textnotice.Blocks(n), lay, pg, bundledFonts(t))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// bundledFonts are the fonts shipped with rectify, which measure the text
// as the PDF writer does.
func bundledFonts(t testing.TB) typeset.Fonts {
	t.Helper()
	set, _, err := render.LoadFonts("", false)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// fontsConf makes LibreOffice see only the bundled fonts, under the names
// our .docx asks for: the layout must hold with fonts that are not the
// office's, and the test must not depend on the machine's fonts.
func fontsConf(t *testing.T, dir string) string {
	fontDir, err := filepath.Abs(filepath.Join("..", "..", "fonts"))
	if err != nil {
		t.Fatal(err)
	}
	alias := func(name, to string) string {
		return fmt.Sprintf(`<alias binding="strong"><family>%s</family><prefer><family>%s</family></prefer></alias>`, name, to)
	}
	conf := `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
		`<dir>` + fontDir + `</dir><cachedir>` + filepath.Join(dir, "fc-cache") + `</cachedir>` +
		alias("仿宋_GB2312", "Zhuque Fangsong") + alias("黑体", "Noto Sans SC") + alias("楷体_GB2312", "LXGW WenKai") +
		alias("方正小标宋简体", "Noto Serif SC Black") + alias("宋体", "Noto Serif SC") +
		`</fontconfig>`
	path := filepath.Join(dir, "fonts.conf")
	if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// renderWithLibreOffice converts our .docx to PDF with LibreOffice.
func renderWithLibreOffice(t *testing.T, docx []byte) []byte {
	testutil.Need(t, "soffice")
	dir := t.TempDir()
	t.Setenv("FONTCONFIG_FILE", fontsConf(t, dir))
	in := filepath.Join(dir, "notice.docx")
	if err := os.WriteFile(in, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	// Keep the blank pages LibreOffice inserts before an even-page section
	// (headless export leaves them out), as printing double-sided must.
	testutil.Soffice(t, dir, "--convert-to", `pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}`, "--outdir", dir, in)
	pdf, err := os.ReadFile(filepath.Join(dir, "notice.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdffonts", filepath.Join(dir, "notice.pdf")).Output(); err == nil {
		if !strings.Contains(string(out), "ZhuqueFangsong") {
			t.Errorf("LibreOffice did not set the body in the bundled 仿宋 (fontconfig setup):\n%s", out)
		}
	}
	return pdf
}

type pdfLine struct {
	y          float64 // baseline, pt from the page's bottom
	x0, x1     float64
	beforeLast float64 // where the last glyph starts
	size       float64
	text       string
}

// pageLines groups a page's glyphs into lines by baseline.
func pageLines(p pdftext.Page) []pdfLine {
	byY := map[int][]pdftext.Glyph{}
	for _, g := range p.Glyphs {
		if strings.TrimSpace(g.Text) == "" {
			continue
		}
		byY[int(math.Round(g.Y*2))] = append(byY[int(math.Round(g.Y*2))], g)
	}
	var out []pdfLine
	for y, gs := range byY {
		sort.Slice(gs, func(i, j int) bool { return gs[i].X < gs[j].X })
		last := gs[len(gs)-1]
		l := pdfLine{y: float64(y) / 2, x0: gs[0].X, x1: last.X + last.W, beforeLast: last.X, size: gs[0].Size}
		for _, g := range gs {
			l.text += g.Text
		}
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].y > out[j].y })
	return out
}

// allHan reports whether a line has only Chinese characters and full-width
// marks, each one grid cell wide in any Chinese font.
func allHan(s string) bool {
	for _, r := range s {
		if r < 0x3000 {
			return false
		}
	}
	return true
}

// TestLibreOfficeGrid: LibreOffice renders our .docx of the corpus notice
// with 22 lines a page on the 28.95 pt pitch, 28 characters in a full line
// within the 156 mm type area (the character grid: without the body's scale
// each character would take two cells, 14 a line), and page numbers
// "— N —" 7 mm under the type area, odd pages right and even pages left,
// one character in.
func TestLibreOfficeGrid(t *testing.T) {
	pdf := renderWithLibreOffice(t, writeNotice(t, testutil.CorpusNotice(t), Page{}))
	pages, err := pdftext.Pages(context.Background(), pdf, pdftext.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const mm = 72 / 25.4
	lay, _ := templates.Layout("")
	pitch := lay.AreaHeight / float64(lay.Lines) * mm
	left, right := lay.Left*mm, (lay.Left+lay.AreaWidth)*mm
	fullPages, fullLines, maxLines, hanging := 0, 0, 0, 0
	for pi, p := range pages {
		areaTop, areaBottom := p.Height-lay.Top*mm, p.Height-(lay.Top+lay.AreaHeight)*mm
		var body []pdfLine
		var folio *pdfLine
		for _, l := range pageLines(p) {
			if l.y < areaBottom {
				l := l
				folio = &l
				continue
			}
			body = append(body, l)
		}
		num := pi + 1
		if len(body) > lay.Lines {
			t.Errorf("page %d has %d lines, more than %d", num, len(body), lay.Lines)
		}
		maxLines = max(maxLines, len(body))
		if len(body) == lay.Lines {
			fullPages++
		}
		for i, l := range body {
			// LibreOffice (7.4) reads w:overflowPunct inverted: our "no
			// hanging punctuation", which Word and WPS obey, lets a closing
			// mark hang past the right edge after a full line. Only that is
			// let through.
			x1 := l.x1
			if rs := []rune(l.text); x1 > right+0.5 && strings.ContainsRune("，。、；：？！）》”’", rs[len(rs)-1]) {
				x1 = l.beforeLast
				hanging++
			}
			if l.y > areaTop || l.x0 < left-0.5 || x1 > right+0.5 {
				t.Errorf("page %d: line %q outside the type area (x %.1f..%.1f, baseline %.1f)", num, l.text, l.x0, l.x1, l.y)
			}
			// Lines of one size sit whole pitches apart (a line mixing 楷体
			// and 仿宋 may sit a point lower: its tallest face sets the baseline).
			if i > 0 && body[i-1].size == l.size {
				steps := (body[i-1].y - l.y) / pitch
				if math.Abs(steps-math.Round(steps)) > 0.05 {
					t.Errorf("page %d: line %q is %.2f pitches under the one above, off the grid", num, l.text, steps)
				}
			}
			// A full line of Chinese, flush with both edges, has 28
			// characters, or fewer where 禁则 or a run of digits moved one on.
			// LibreOffice keeps the grid's cell in 1/100 mm (15.73 pt, Word's
			// is 15.79) and centres the 28 cells: 0.8 pt in from each edge.
			if math.Abs(l.x0-left) < 1 && math.Abs(l.x1-right) < 1.5 && allHan(l.text) {
				switch n := len([]rune(l.text)); {
				case n > lay.Chars:
					t.Errorf("page %d: full line %q has %d characters, more than %d", num, l.text, n, lay.Chars)
				case n == lay.Chars:
					fullLines++
				}
			}
		}
		if folio == nil {
			t.Errorf("page %d has no page number", num)
			continue
		}
		if want := "—" + strconv.Itoa(num) + "—"; strings.ReplaceAll(folio.text, " ", "") != want {
			t.Errorf("page %d: page number %q, want %q", num, folio.text, want)
		}
		em := lay.Folio.Size
		if num%2 == 1 && math.Abs(folio.x1-(right-em)) > 1 {
			t.Errorf("odd page %d: number ends at %.1f pt, want %.1f (one character in from the right)", num, folio.x1, right-em)
		}
		if num%2 == 0 && math.Abs(folio.x0-(left+em)) > 1 {
			t.Errorf("even page %d: number starts at %.1f pt, want %.1f (one character in from the left)", num, folio.x0, left+em)
		}
		// The number's top (about 0.8 em over its baseline) 7 mm under the type area.
		if top := folio.y + 0.8*em; math.Abs(top-(areaBottom-lay.FolioOffset*mm)) > 2 {
			t.Errorf("page %d: number's top %.1f mm under the type area, want %.0f", num, (areaBottom-top)/mm, lay.FolioOffset)
		}
	}
	t.Logf("%d pages, %d with %d lines, %d full lines of %d characters, %d closing marks hanging (LibreOffice)",
		len(pages), fullPages, lay.Lines, fullLines, lay.Chars, hanging)
	if maxLines != lay.Lines || fullPages < len(pages)/2 {
		t.Errorf("only %d of %d pages hold %d lines", fullPages, len(pages), lay.Lines)
	}
	if fullLines < 100 {
		t.Errorf("only %d lines of exactly %d characters fill the type area's width", fullLines, lay.Chars)
	}
}

// TestLibreOfficeColophonAndTitle: LibreOffice renders a notice with a 版记
// on the last page only, at its foot, and that page is even and numbered:
// the corpus notice's text ends on an odd page (29) and the 版记 takes the
// next; archive-toplevel's ends on an even page (2), so a blank page
// without a number comes between. The corpus title, written as one line,
// is broken where the PDF writer breaks it (issuer, then 关于…), centred.
func TestLibreOfficeColophonAndTitle(t *testing.T) {
	corpus := testutil.CorpusNotice(t)
	corpus.Style.Title = nil
	pg := Page{CC: "县委巡察办", Printer: "寿宁工业园区管理委员会办公室", PrintDate: "2025年6月24日"}
	const mm = 72 / 25.4
	lay, _ := templates.Layout("")
	for _, c := range []struct {
		name            string
		n               *notice.Notice
		textEnds, pages int
	}{
		{"corpus", corpus, 29, 30},
		{"archive-toplevel", testutil.ReadNotice(t, testutil.Testdata("notices", "archive-toplevel.txt")), 2, 4},
	} {
		pdf := renderWithLibreOffice(t, writeNotice(t, c.n, pg))
		pages, err := pdftext.Pages(context.Background(), pdf, pdftext.Options{})
		if err != nil {
			t.Fatal(err)
		}
		last := len(pages)
		if last != c.pages {
			t.Errorf("%s: %d pages, want %d (text ends on page %d)", c.name, last, c.pages, c.textEnds)
		}
		if last%2 != 0 {
			t.Errorf("%s: %d pages: the 版记's page is odd", c.name, last)
		}
		found := 0
		for pi, p := range pages {
			areaTop := p.Height - lay.Top*mm
			areaBottom := p.Height - (lay.Top+lay.AreaHeight)*mm
			lines := pageLines(p)
			if pi+1 > c.textEnds && pi+1 < last && len(lines) > 0 {
				t.Errorf("%s: page %d between the text and the 版记 is not blank: %q", c.name, pi+1, lines[0].text)
			}
			for _, l := range lines {
				if !strings.HasPrefix(l.text, "抄送：") && !strings.HasSuffix(l.text, "日印发") {
					continue
				}
				found++
				if pi+1 != last {
					t.Errorf("%s: 版记 line %q on page %d of %d", c.name, l.text, pi+1, last)
				}
				if l.y > areaBottom+(areaTop-areaBottom)/4 {
					t.Errorf("%s: 版记 line %q %.0f mm under the type area's top, not at its foot", c.name, l.text, (areaTop-l.y)/mm)
				}
			}
		}
		if found != 2 {
			t.Errorf("%s: %d 版记 lines, want 2 (抄送, 印发)", c.name, found)
		}
		lines := pageLines(pages[last-1])
		if folio := lines[len(lines)-1]; strings.ReplaceAll(folio.text, " ", "") != "—"+strconv.Itoa(last)+"—" {
			t.Errorf("%s: the 版记's page is numbered %q, want — %d —", c.name, folio.text, last)
		}
		t.Logf("%s: %d pages; 版记 on page %d", c.name, len(pages), last)
		if c.name != "corpus" {
			continue
		}
		first := pageLines(pages[0])
		mid := (lay.Left + lay.AreaWidth/2) * mm
		for i, want := range []string{"寿宁工业园区管理委员会", "关于巡察整改进展情况的通报"} {
			if got := strings.ReplaceAll(first[i].text, " ", ""); got != want {
				t.Errorf("title line %d is %q, want %q", i+1, got, want)
			}
			if c := (first[i].x0 + first[i].x1) / 2; math.Abs(c-mid) > 2 {
				t.Errorf("title line %d centred at %.1f pt, want %.1f", i+1, c, mid)
			}
		}
	}
}
