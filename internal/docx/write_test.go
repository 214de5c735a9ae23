package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/testutil"
)

// parts unzips our .docx, checking every part is well-formed XML.
func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed: %v", f.Name, err)
			}
		}
		out[f.Name] = string(b)
	}
	return out
}

func attrInt(t *testing.T, s, elem, name string) int {
	t.Helper()
	m := regexp.MustCompile(`<` + elem + `\b[^>]*\b` + name + `="(-?\d+)"`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no %s %s in %.200s", elem, name, s)
	}
	v, _ := strconv.Atoi(m[1])
	return v
}

// TestPageSetup: A4, the margins of the 156 × 225 mm type area (37 mm top,
// 28 mm left), a grid of 22 lines and 28 characters, page numbers on
// odd/even footers.
func TestPageSetup(t *testing.T) {
	p := parts(t, writeNotice(t, testutil.CorpusNotice(t), Page{}))
	doc, styles := p["word/document.xml"], p["word/styles.xml"]
	const twPerMM = 1440 / 25.4
	w, h := attrInt(t, doc, "w:pgSz", "w:w"), attrInt(t, doc, "w:pgSz", "w:h")
	top, left := attrInt(t, doc, "w:pgMar", "w:top"), attrInt(t, doc, "w:pgMar", "w:left")
	right, bottom := attrInt(t, doc, "w:pgMar", "w:right"), attrInt(t, doc, "w:pgMar", "w:bottom")
	near := func(what string, twips int, mm float64) {
		if math.Abs(float64(twips)/twPerMM-mm) > 0.05 {
			t.Errorf("%s %.2f mm, want %.0f", what, float64(twips)/twPerMM, mm)
		}
	}
	near("page width", w, 210)
	near("page height", h, 297)
	near("top margin", top, 37)
	near("left margin", left, 28)
	near("type area width", w-left-right, 156)
	near("type area height", h-top-bottom, 225)
	pitch := attrInt(t, doc, "w:docGrid", "w:linePitch")
	if lines := (h - top - bottom) / pitch; lines != 22 {
		t.Errorf("grid of %d lines (pitch %d twips), want 22", lines, pitch)
	}
	if exact := attrInt(t, styles, "w:spacing", "w:line"); exact != pitch || !strings.Contains(styles, `w:lineRule="exact"`) {
		t.Errorf("lines not set exactly one pitch high (%d, pitch %d)", exact, pitch)
	}
	// The character grid: Word's pitch is the body size plus charSpace
	// 4096ths of a point; 28 cells fill the type area.
	if !strings.Contains(doc, `<w:docGrid w:type="linesAndChars"`) {
		t.Error("no character grid (w:docGrid w:type=\"linesAndChars\")")
	}
	cell := 16 + float64(attrInt(t, doc, "w:docGrid", "w:charSpace"))/4096
	areaPt := float64(w-left-right) / 20
	if chars := int(areaPt / cell); chars != 28 || areaPt-28*cell > 0.1 {
		t.Errorf("grid of %d characters of %.3f pt in %.1f pt, want 28 filling the line", chars, cell, areaPt)
	}
	// Body characters no wider than LibreOffice's cell (kept in 1/100 mm:
	// 555 for this grid), or each takes two cells.
	const loCell = 555 / 2540.0 * 72
	if sc := attrInt(t, styleOf(t, styles, "Normal"), "w:w", "w:val"); 16*float64(sc)/100 > loCell || sc < 95 {
		t.Errorf("body set at %d%%: %.2f pt characters in LibreOffice's %.2f pt cell", sc, 16*float64(sc)/100, loCell)
	}
	for _, id := range []string{"NoticeTitle", "Mark", "Colophon", "PageNumber"} {
		if !strings.Contains(styleOf(t, styles, id), `<w:snapToGrid w:val="0"/>`) {
			t.Errorf("style %s is on the character grid: its characters would take whole cells", id)
		}
	}
	if !strings.Contains(p["word/settings.xml"], "<w:evenAndOddHeaders/>") {
		t.Error("settings lack w:evenAndOddHeaders")
	}
	for file, side := range map[string]string{"word/footer1.xml": "right", "word/footer2.xml": "left"} {
		f := p[file]
		if !strings.Contains(f, `<w:jc w:val="`+side+`"/>`) || !strings.Contains(f, "PAGE") || !strings.Contains(f, "— ") || !strings.Contains(f, " —") {
			t.Errorf("%s is not a %s-aligned “— PAGE —” footer: %s", file, side, f)
		}
	}
	if !strings.Contains(doc, `w:type="default" r:id="rIdFooterOdd"`) || !strings.Contains(doc, `w:type="even" r:id="rIdFooterEven"`) {
		t.Error("section does not use the odd and even footers")
	}
}

// styleOf returns a style's definition in styles.xml.
func styleOf(t *testing.T, styles, id string) string {
	t.Helper()
	i := strings.Index(styles, `w:styleId="`+id+`"`)
	if i < 0 {
		t.Fatalf("no style %s", id)
	}
	return styles[i : i+strings.Index(styles[i:], "</w:style>")]
}

// TestStyles: named styles with East Asian faces, sizes and the first-line
// indent of two characters; labels are text, never Word numbering.
func TestStyles(t *testing.T) {
	p := parts(t, writeNotice(t, testutil.CorpusNotice(t), Page{}))
	styles, doc := p["word/styles.xml"], p["word/document.xml"]
	for id, want := range map[string][]string{
		"Normal":      {`w:eastAsia="仿宋_GB2312"`, `<w:sz w:val="32"/>`, `w:firstLineChars="200"`},
		"NoticeTitle": {`w:eastAsia="方正小标宋简体"`, `<w:sz w:val="44"/>`, `<w:jc w:val="center"/>`, `<w:name w:val="公文标题"/>`},
		"Heading1":    {`w:eastAsia="黑体"`, `<w:name w:val="一级标题"/>`},
		"Heading2":    {`w:eastAsia="楷体_GB2312"`, `<w:name w:val="二级标题"/>`},
		"PageNumber":  {`w:eastAsia="宋体"`, `<w:sz w:val="28"/>`},
	} {
		i := strings.Index(styles, `w:styleId="`+id+`"`)
		if i < 0 {
			t.Errorf("no style %s", id)
			continue
		}
		st := styles[i : i+strings.Index(styles[i:], "</w:style>")]
		for _, w := range want {
			if !strings.Contains(st, w) {
				t.Errorf("style %s lacks %s", id, w)
			}
		}
	}
	if !strings.Contains(p["word/fontTable.xml"], `<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>`) {
		t.Error("font table gives no fallback for 仿宋_GB2312")
	}
	if strings.Contains(doc, "<w:numPr>") {
		t.Error("labels written as Word numbering; they must be text")
	}
	for _, label := range []string{">一、", ">（一）", ">（1）"} {
		if !strings.Contains(doc, label) {
			t.Errorf("label %s not written as text", label)
		}
	}
	if !strings.Contains(doc, `<w:rStyle w:val="Heading2Char"/>`) {
		t.Error("a level-2 heading that leads a paragraph does not set its lead sentence in 楷体")
	}
	again := writeNotice(t, testutil.CorpusNotice(t), Page{})
	if !bytes.Equal(again, writeNotice(t, testutil.CorpusNotice(t), Page{})) {
		t.Error("the same notice gives different bytes")
	}
}

// TestSignatureAndFurniture: signature two characters in from the right,
// the date starting two characters right of it (both as the PDF places
// them); the red issuer's mark, the rule under the document number and the
// colophon's rows.
func TestSignatureAndFurniture(t *testing.T) {
	n := testutil.CorpusNotice(t)
	doc := parts(t, writeNotice(t, n, Page{Mark: "寿宁工业园区管理委员会文件", DocNumber: "寿工管委〔2025〕4号",
		CC: "县委巡察办", Printer: "寿宁工业园区管理委员会办公室", PrintDate: "2025年6月24日"}))["word/document.xml"]
	indentOf := func(style string) float64 {
		m := regexp.MustCompile(`<w:pStyle w:val="` + style + `"/>(?:<w:keepNext/>)?<w:ind w:left="(\d+)"`).FindStringSubmatch(doc)
		if m == nil {
			t.Fatalf("no %s paragraph with an indent", style)
		}
		v, _ := strconv.Atoi(m[1])
		return float64(v) / (8844.0 / 28) // in grid cells
	}
	sig, date := indentOf("Signature"), indentOf("DateLine")
	sw, dw := cells(n.Issuer), cells("2025年6月24日")
	if math.Abs(sig+sw-26) > 0.02 && math.Abs(date+dw-26) > 0.02 {
		t.Errorf("neither signature (ends %.2f) nor date (ends %.2f) is two characters in from the right", sig+sw, date+dw)
	}
	if math.Abs(date-sig-2) > 0.02 {
		t.Errorf("date starts %.2f characters right of the signature, want 2", date-sig)
	}
	for _, want := range []string{`<w:pStyle w:val="Mark"/>`, "寿宁工业园区管理委员会文件", `<w:pStyle w:val="DocNumber"/><w:pBdr><w:bottom w:val="single"`,
		`w:color="E60012"`, "寿工管委〔2025〕4号", "抄送：县委巡察办。", "2025年6月24日印发", `<w:type w:val="evenPage"/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document lacks %s", want)
		}
	}
}

// TestTitleLines: a title kept in its source's two lines is two title
// paragraphs with one empty line after the second, none between.
func TestTitleLines(t *testing.T) {
	n := testutil.ReadNotice(t, testutil.Testdata("notices", "scheme-mixed-status.txt"))
	doc := parts(t, writeNotice(t, n, Page{}))["word/document.xml"]
	title := `<w:p><w:pPr><w:pStyle w:val="NoticeTitle"/></w:pPr>`
	empty := `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>`
	first := strings.Index(doc, title)
	if first < 0 || strings.Count(doc, title) != 2 {
		t.Fatalf("want two title paragraphs, got %d", strings.Count(doc, title))
	}
	second := first + len(title) + strings.Index(doc[first+len(title):], title)
	if strings.Contains(doc[first:second], empty) {
		t.Error("an empty line between the title's lines")
	}
	rest := doc[second:]
	if end := strings.Index(rest, "</w:p>") + len("</w:p>"); !strings.HasPrefix(rest[end:], empty) {
		t.Error("no empty line after the title")
	}
}

// TestTitleBalanced: a one-line title too long for the type area is one
// title paragraph broken where the PDF writer breaks it (issuer first,
// then balanced lines at word boundaries), its text exactly the source's,
// and reads back as the same title.
func TestTitleBalanced(t *testing.T) {
	n := readFixture(t, "numbered-aspects.docx")
	if n.Style != nil && len(n.Style.Title) > 0 {
		t.Fatalf("fixture keeps title lines %q; want a one-line title", n.Style.Title)
	}
	doc := parts(t, writeNotice(t, n, Page{}))["word/document.xml"]
	m := regexp.MustCompile(`<w:p><w:pPr><w:pStyle w:val="NoticeTitle"/></w:pPr>(.*?)</w:p>`).FindAllStringSubmatch(doc, -1)
	if len(m) != 1 {
		t.Fatalf("%d title paragraphs, want 1", len(m))
	}
	var lines []string
	for _, run := range strings.Split(m[0][1], `<w:r><w:rPr><w:rStyle w:val="TitleWrap"/></w:rPr><w:br/></w:r>`) {
		lines = append(lines, strings.Join(regexp.MustCompile(`<w:t[^>]*>([^<]*)</w:t>`).FindAllString(run, -1), ""))
	}
	for i := range lines {
		lines[i] = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(lines[i], "")
	}
	want := []string{"中共柘荣县城郊乡委员会", "关于县委巡察反馈意见整改进展情况的通报"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("title lines %q, want %q", lines, want)
	}
	back, err := Read(context.Background(), writeNotice(t, n, Page{}))
	if err != nil {
		t.Fatal(err)
	}
	if back.Issuer+back.Title != n.Issuer+n.Title || (back.Style != nil && len(back.Style.Title) > 0) {
		t.Errorf("read back as %q %q (lines %v), want %q %q", back.Issuer, back.Title, back.Style, n.Issuer, n.Title)
	}
}
