package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/rectify/rectify/internal/textnotice"
	"github.com/rectify/rectify/internal/typeset"
)

// Page holds what the writer puts around the notice's paragraphs: the
// optional 版头 and 版记 of GB/T 9704 §7.2 and §7.4, and the file's metadata.
type Page struct {
	Mark, DocNumber        string // 发文机关标志, 发文字号
	CC, Printer, PrintDate string // 版记
	Title, Author          string // document properties
	Date                   time.Time
}

// Word's names for the layout's faces, with the faces Word and WPS fall back
// to when the office's fonts are missing (w:altName in the font table).
var faceFont = map[typeset.Face]struct{ name, alt, panose string }{
	typeset.FaceTitle: {"方正小标宋简体", "宋体", "02000000000000000000"},
	typeset.FaceHei:   {"黑体", "SimHei", "02010609060101010101"},
	typeset.FaceKai:   {"楷体_GB2312", "楷体", "02010609030101010101"},
	typeset.FaceFang:  {"仿宋_GB2312", "仿宋", "02010609030101010101"},
	typeset.FaceSong:  {"宋体", "SimSun", "02010600030101010101"},
}

func fontName(f typeset.Face) string {
	if ff, ok := faceFont[f]; ok {
		return ff.name
	}
	return faceFont[typeset.FaceFang].name
}

// Lengths: Word measures pages in twips (1/20 pt) and sizes in half points.
const twipsPerMM = 1440 / 25.4

func twips(mm float64) int { return int(math.Round(mm * twipsPerMM)) }

// grid is the page grid in Word's units.
type grid struct {
	pageW, pageH, top, left, right, bottom int
	linePitch                              int
	condense                               int // character spacing in 1/20 pt (negative)
	footer                                 int
	cell                                   float64 // character pitch in twips
}

// gridOf computes the document grid: the line pitch is the largest that
// fits Lines in the type area, and every line is set exactly one pitch
// high, so that Word, WPS and LibreOffice count Lines a page whatever the
// fonts' metrics. Chars a line come from condensing the body type until
// Chars characters fit the type area's width (16 pt less 0.25 pt: 28 ×
// 15.75 pt = 441 pt in 442.2 pt). A character grid (w:type="linesAndChars"
// with w:charSpace) would say the same to Word, but LibreOffice 7.4 lays
// such a grid out at about half the characters a line, so the grid is
// given in lines only.
func gridOf(lay typeset.Layout) grid {
	g := grid{pageW: twips(lay.PageWidth), pageH: twips(lay.PageHeight), top: twips(lay.Top), left: twips(lay.Left)}
	areaW, areaH := twips(lay.AreaWidth), twips(lay.AreaHeight)
	g.right = g.pageW - g.left - areaW
	g.bottom = g.pageH - g.top - areaH
	g.linePitch = areaH / lay.Lines
	g.cell = float64(areaW) / float64(lay.Chars)
	g.condense = int(math.Floor((g.cell - lay.Body.Size*20) / 20 * 20))
	if g.condense > 0 {
		g.condense = 0
	}
	// The page number's top FolioOffset under the type area: Word measures
	// the footer from the page's bottom edge to the bottom of its line.
	g.footer = g.bottom - twips(lay.FolioOffset) - int(lay.Folio.Size*20)
	return g
}

// Write gives the notice's paragraphs (textnotice.Blocks) as a .docx.
func Write(blocks []textnotice.Block, lay typeset.Layout, pg Page) ([]byte, error) {
	g := gridOf(lay)
	var body bytes.Buffer
	w := &docWriter{b: &body, lay: lay, g: g}
	w.header(pg)
	var sig, date string
	for i, b := range blocks {
		switch b.Role {
		case textnotice.RoleDocNumber:
			if pg.DocNumber == "" && pg.Mark == "" {
				w.para("DocNumber", b.Text, "")
			}
		case textnotice.RoleTitle:
			// A title kept in the source's lines is one paragraph a line;
			// one empty line follows the last.
			w.para("NoticeTitle", b.Text, "")
			if i+1 == len(blocks) || blocks[i+1].Role != textnotice.RoleTitle {
				w.empty()
			}
		case textnotice.RoleAddressee:
			w.para("Addressee", b.Text, "")
		case textnotice.RoleHeading1:
			w.para("Heading1", b.Text, "")
		case textnotice.RoleHeading2:
			w.heading2(b.Text)
		case textnotice.RoleHeading3:
			keep := ""
			if !strings.ContainsRune(b.Text, '。') && len([]rune(b.Text)) <= 2*lay.Chars {
				keep = "<w:keepNext/>"
			}
			w.para("Normal", b.Text, keep)
		case textnotice.RoleSignature:
			sig = b.Text
		case textnotice.RoleDate:
			date = b.Text
		default:
			w.para("Normal", b.Text, "")
		}
	}
	w.signature(sig, date)
	if err := w.colophon(pg); err != nil {
		return nil, err
	}
	fmt.Fprintf(&body, `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`+
		`<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="%d"/></w:sectPr>`,
		g.pageW, g.pageH, g.top, g.right, g.bottom, g.left, g.footer, g.linePitch)
	return pack(map[string]string{
		"[Content_Types].xml":          contentTypes,
		"_rels/.rels":                  packageRels,
		"docProps/core.xml":            coreXML(pg),
		"docProps/app.xml":             appXML,
		"word/_rels/document.xml.rels": documentRels,
		"word/document.xml":            xmlHeader + `<w:document ` + wNS + `><w:body>` + body.String() + `</w:body></w:document>`,
		"word/styles.xml":              stylesXML(lay, g),
		"word/settings.xml":            settingsXML,
		"word/fontTable.xml":           fontTableXML(),
		"word/footer1.xml":             footerXML("right", lay),
		"word/footer2.xml":             footerXML("left", lay),
	}, pg.Date)
}

type docWriter struct {
	b   *bytes.Buffer
	lay typeset.Layout
	g   grid
}

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func textRun(text, rPr string) string {
	if rPr != "" {
		rPr = "<w:rPr>" + rPr + "</w:rPr>"
	}
	return `<w:r>` + rPr + `<w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

// para writes a paragraph of one style; extra goes into its properties.
func (w *docWriter) para(style, text, extra string) {
	fmt.Fprintf(w.b, `<w:p><w:pPr><w:pStyle w:val="%s"/>%s</w:pPr>%s</w:p>`, style, extra, textRun(text, ""))
}

func (w *docWriter) empty() { w.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>`) }

// heading2: a level-2 heading in 楷体; when it is the lead sentence of a
// longer paragraph only that sentence takes 楷体 (§7.3.3), by a character
// style so that the clerk can restyle it with the headings.
func (w *docWriter) heading2(text string) {
	rs := []rune(text)
	end := len(rs)
	for i, r := range rs {
		if r == '。' {
			end = i + 1
			break
		}
	}
	if end == len(rs) {
		w.para("Heading2", text, "")
		return
	}
	fmt.Fprintf(w.b, `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>%s%s</w:p>`,
		textRun(string(rs[:end]), `<w:rStyle w:val="Heading2Char"/>`), textRun(string(rs[end:]), ""))
}

// signature places the issuer and the date as the PDF does (§7.3.5.2): the
// signature two characters in from the right; the date's first character
// two characters right of the signature's; a longer date keeps two
// characters from the right and pushes the signature left.
func (w *docWriter) signature(sig, date string) {
	if sig == "" && date == "" {
		return
	}
	chars := float64(w.lay.Chars)
	sw, dw := cells(sig), cells(date)
	sigX := chars - 2 - sw
	dateX := sigX + 2
	if dateX+dw > chars-2 {
		dateX = chars - 2 - dw
		sigX = dateX - 2
	}
	w.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Normal"/><w:keepNext/></w:pPr></w:p>`)
	place := func(style, text string, x float64, keep bool) {
		if text == "" {
			return
		}
		k := ""
		if keep {
			k = "<w:keepNext/>"
		}
		fmt.Fprintf(w.b, `<w:p><w:pPr><w:pStyle w:val="%s"/>%s<w:ind w:left="%d" w:firstLine="0" w:firstLineChars="0"/></w:pPr>%s</w:p>`,
			style, k, int(math.Round(max(x, 0)*w.g.cell)), textRun(text, ""))
	}
	place("Signature", sig, sigX, date != "")
	place("DateLine", date, dateX, false)
}

// cells is a text's width in grid cells: half-width characters take half.
func cells(s string) float64 {
	n := 0.0
	for _, r := range s {
		if r < 0x2E80 {
			n += 0.5
		} else {
			n++
		}
	}
	return n
}

// header writes the optional 版头: the issuer's mark in red, its top edge
// MarkTop under the type area's top; the document number two empty lines
// under it; the red rule RuleGap under the number.
func (w *docWriter) header(pg Page) {
	if pg.Mark == "" && pg.DocNumber == "" {
		return
	}
	lay, g := w.lay, w.g
	if pg.Mark != "" {
		size := lay.Mark.Size
		for size > 16 && float64(len([]rune(pg.Mark)))*size*25.4/72 > lay.AreaWidth {
			size--
		}
		lines := int(math.Ceil(size * 20 / float64(g.linePitch)))
		fmt.Fprintf(w.b, `<w:p><w:pPr><w:pStyle w:val="Mark"/><w:spacing w:before="%d" w:line="%d" w:lineRule="exact"/></w:pPr>%s</w:p>`,
			max(twips(lay.MarkTop)-(lines*g.linePitch-int(size*20))/2, 0), lines*g.linePitch, textRun(pg.Mark, fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, int(size*2), int(size*2))))
		w.empty()
	}
	rule := ""
	if pg.Mark != "" {
		rule = fmt.Sprintf(`<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="%d" w:color="%s"/></w:pBdr>`,
			int(math.Round(lay.RuleGap*72/25.4)), strings.TrimPrefix(lay.RuleColor, "#"))
	}
	if pg.DocNumber != "" || rule != "" {
		if pg.Mark != "" {
			w.empty()
		}
		fmt.Fprintf(w.b, `<w:p><w:pPr><w:pStyle w:val="DocNumber"/>%s</w:pPr>%s</w:p>`, rule, textRun(pg.DocNumber, ""))
	}
	w.empty()
}

// colophon writes the 版记 at the foot of the last page: a table as wide as
// the type area, anchored to the bottom margin, with the standard's rules
// (first and last 0.35 mm, between 0.25 mm).
func (w *docWriter) colophon(pg Page) error {
	if pg.CC == "" && pg.Printer == "" {
		return nil
	}
	if pg.Printer == "" {
		return errors.New("版记需要印发机关")
	}
	var rows []string
	if pg.CC != "" {
		rows = append(rows, "抄送："+pg.CC+"。")
	}
	rows = append(rows, pg.Printer+"\t"+pg.PrintDate+"印发")
	areaW := w.g.pageW - w.g.left - w.g.right
	fmt.Fprintf(w.b, `<w:tbl><w:tblPr><w:tblStyle w:val="ColophonTable"/><w:tblpPr w:leftFromText="0" w:rightFromText="0" w:vertAnchor="margin" w:horzAnchor="margin" w:tblpXSpec="center" w:tblpYSpec="bottom"/>`+
		`<w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/>`+
		`<w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>`+
		`<w:insideH w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tblBorders>`+
		`<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="%d"/></w:tblGrid>`, areaW, areaW)
	for _, r := range rows {
		left, right, _ := strings.Cut(r, "\t")
		runs := textRun(left, "")
		if right != "" {
			runs += `<w:r><w:tab/></w:r>` + textRun(right, "")
		}
		fmt.Fprintf(w.b, `<w:tr><w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="Colophon"/>`+
			`<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs></w:pPr>%s</w:p></w:tc></w:tr>`, areaW, areaW-int(w.lay.Colophon.Size*20), runs)
	}
	w.b.WriteString(`</w:tbl>`)
	// A table must not end the document: Word wants a paragraph after it.
	w.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Normal"/><w:spacing w:line="20" w:lineRule="exact"/></w:pPr></w:p>`)
	return nil
}

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	wNS       = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	wml       = "application/vnd.openxmlformats-officedocument.wordprocessingml."

	contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="` + wml + `document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="` + wml + `styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="` + wml + `settings+xml"/>` +
		`<Override PartName="/word/fontTable.xml" ContentType="` + wml + `fontTable+xml"/>` +
		`<Override PartName="/word/footer1.xml" ContentType="` + wml + `footer+xml"/>` +
		`<Override PartName="/word/footer2.xml" ContentType="` + wml + `footer+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`

	relNS       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relNS + `officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + relNS + `extended-properties" Target="docProps/app.xml"/></Relationships>`
	documentRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="` + relNS + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="` + relNS + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdFonts" Type="` + relNS + `fontTable" Target="fontTable.xml"/>` +
		`<Relationship Id="rIdFooterOdd" Type="` + relNS + `footer" Target="footer1.xml"/>` +
		`<Relationship Id="rIdFooterEven" Type="` + relNS + `footer" Target="footer2.xml"/></Relationships>`

	// evenAndOddHeaders: odd pages take the default footer (number on the
	// right), even pages the even one (on the left), §7.5.
	settingsXML = xmlHeader + `<w:settings ` + wNS + `><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" ` +
		`w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

	appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>rectify</Application></Properties>`
)

func coreXML(pg Page) string {
	date := pg.Date.UTC().Format("2006-01-02T15:04:05Z")
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(pg.Title) + `</dc:title><dc:creator>` + esc(pg.Author) + `</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + date + `</dcterms:created></cp:coreProperties>`
}

// rFonts names one face for every script, so that digits and Latin letters
// in the text take the same face as the Chinese, as in the PDF.
func rFonts(f typeset.Face) string {
	n := fontName(f)
	return fmt.Sprintf(`<w:rFonts w:ascii="%s" w:eastAsia="%s" w:hAnsi="%s" w:cs="%s"/>`, n, n, n, n)
}

func size(pt float64) string {
	return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, int(math.Round(pt*2)), int(math.Round(pt*2)))
}

func color(c string) string {
	if c == "" {
		return ""
	}
	return `<w:color w:val="` + strings.TrimPrefix(c, "#") + `"/>`
}

// stylesXML: every paragraph sits on the grid with exact line spacing of one
// line pitch, so that fonts with tall metrics (or the fallbacks of a machine
// without the office's fonts) cannot push lines off the grid; punctuation
// may not hang past the type area (w:overflowPunct, on by default in Word
// and LibreOffice), which would make a 29th character. Styles carry
// Chinese names a clerk recognises in Word's style gallery.
func stylesXML(lay typeset.Layout, g grid) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles ` + wNS + `>`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr>%s<w:spacing w:val="%d"/>%s<w:kern w:val="2"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:overflowPunct w:val="0"/><w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>`,
		rFonts(lay.Body.Face), g.condense, size(lay.Body.Size), g.linePitch)
	style := func(id, name, based, pPr string, el typeset.Element, extra string) {
		basedOn := ""
		if based != "" {
			basedOn = `<w:basedOn w:val="` + based + `"/>`
		}
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/>%s<w:qFormat/><w:pPr>%s</w:pPr><w:rPr>%s%s%s%s</w:rPr></w:style>`,
			id, name, basedOn, pPr, rFonts(el.Face), size(el.Size), color(el.Color), extra)
	}
	// Normal keeps Word's own name (shown as 正文 in a Chinese Word).
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>`+
		`<w:pPr><w:widowControl/><w:overflowPunct w:val="0"/><w:jc w:val="both"/><w:ind w:firstLineChars="200" w:firstLine="%d"/></w:pPr><w:rPr>%s%s</w:rPr></w:style>`,
		int(math.Round(2*g.cell)), rFonts(lay.Body.Face), size(lay.Body.Size))
	noIndent := `<w:ind w:firstLineChars="0" w:firstLine="0"/>`
	style("NoticeTitle", "公文标题", "Normal", `<w:keepNext/><w:keepLines/><w:jc w:val="center"/>`+noIndent+`<w:outlineLvl w:val="0"/>`, lay.Title, "")
	style("Heading1", "一级标题", "Normal", `<w:keepNext/><w:outlineLvl w:val="1"/>`, lay.Heading1, "")
	style("Heading2", "二级标题", "Normal", `<w:keepNext/><w:outlineLvl w:val="2"/>`, lay.Heading2, "")
	style("Addressee", "主送机关", "Normal", `<w:jc w:val="left"/>`+noIndent, lay.Body, "")
	style("Signature", "发文机关署名", "Normal", `<w:jc w:val="left"/>`, lay.Body, "")
	style("DateLine", "成文日期", "Normal", `<w:jc w:val="left"/>`, lay.Body, "")
	style("Mark", "发文机关标志", "Normal", `<w:jc w:val="center"/>`+noIndent, lay.Mark, "")
	style("DocNumber", "发文字号", "Normal", `<w:jc w:val="center"/>`+noIndent, lay.DocNumber, "")
	// The colophon's lines start one character in (§7.4).
	style("Colophon", "版记", "Normal", fmt.Sprintf(`<w:jc w:val="left"/><w:ind w:left="%d" w:firstLineChars="0" w:firstLine="0"/>`,
		int(math.Round(lay.Colophon.Size*20))), lay.Colophon, "")
	style("PageNumber", "页码", "", noIndent, lay.Folio, "")
	fmt.Fprintf(&b, `<w:style w:type="character" w:customStyle="1" w:styleId="Heading2Char"><w:name w:val="二级标题字符"/><w:rPr>%s</w:rPr></w:style>`, rFonts(lay.Heading2.Face))
	b.WriteString(`<w:style w:type="table" w:customStyle="1" w:styleId="ColophonTable"><w:name w:val="版记表格"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/></w:tblPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return b.String()
}

func fontTableXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:fonts ` + wNS + `>`)
	for _, f := range []typeset.Face{typeset.FaceFang, typeset.FaceTitle, typeset.FaceHei, typeset.FaceKai, typeset.FaceSong} {
		ff := faceFont[f]
		fmt.Fprintf(&b, `<w:font w:name="%s"><w:altName w:val="%s"/><w:panose1 w:val="%s"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
			ff.name, ff.alt, ff.panose)
	}
	b.WriteString(`</w:fonts>`)
	return b.String()
}

// footerXML: "— N —" with a PAGE field in 宋体 四号, one character in from
// the right (odd pages) or the left (even pages), §7.5.
func footerXML(side string, lay typeset.Layout) string {
	indent := fmt.Sprintf(`<w:ind w:%s="%d" w:firstLine="0"/>`, side, int(math.Round(lay.Folio.Size*20)))
	return xmlHeader + `<w:ftr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="PageNumber"/><w:jc w:val="` + side + `"/>` + indent +
		fmt.Sprintf(`<w:spacing w:line="%d" w:lineRule="exact"/>`, int(lay.Folio.Size*20)) + `</w:pPr>` +
		textRun("— ", "") + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + textRun("1", "") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		textRun(" —", "") + `</w:p></w:ftr>`
}

// pack zips the parts in a fixed order with a fixed time, so that the same
// notice gives the same bytes.
func pack(parts map[string]string, when time.Time) ([]byte, error) {
	if when.IsZero() || when.Year() < 1980 {
		when = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
		"word/footer1.xml", "word/footer2.xml"} {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: when})
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write([]byte(parts[name])); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
