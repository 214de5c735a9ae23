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
	charSpace                              int     // w:charSpace: the cell less the body size, in 1/4096 pt
	scale                                  int     // w:w of grid-snapped text, per cent
	footer                                 int     // distance of the footer from the page's bottom edge
	cell                                   float64 // character pitch in twips
}

// libreOfficeLoss is how much narrower LibreOffice makes the grid's cell
// than Word: it keeps the cell in 1/100 mm, rounding the body size, the
// whole points and the fraction of charSpace separately (15.79 pt in Word,
// 15.73 pt in LibreOffice for the standard page).
const libreOfficeLoss = 0.1 // pt

// gridOf computes the document grid (GB/T 9704 §5.2.2): Lines lines and
// Chars characters, the pitches that fill the type area. Word's grid (type
// linesAndChars) gives the character pitch as the body size plus charSpace
// 4096ths of a point (-849 for 28 characters of 16 pt in 156 mm, as Word's
// own 公文 templates have it), and sets every line exactly one line pitch
// high. A character wider than the cell takes two cells, in Word and in
// LibreOffice alike: the 16 pt body in a 15.79 pt cell would give 14
// characters a line. So text on the grid is set at scale: the largest whole
// per cent (98) at which a body character fits LibreOffice's slightly
// narrower cell; Word and WPS place such characters one a cell.
func gridOf(lay typeset.Layout) grid {
	g := grid{pageW: twips(lay.PageWidth), pageH: twips(lay.PageHeight), top: twips(lay.Top), left: twips(lay.Left)}
	areaW, areaH := twips(lay.AreaWidth), twips(lay.AreaHeight)
	g.right = g.pageW - g.left - areaW
	g.bottom = g.pageH - g.top - areaH
	g.linePitch = areaH / lay.Lines
	g.cell = float64(areaW) / float64(lay.Chars)
	cellPt := g.cell / 20
	g.charSpace = int(math.Floor((cellPt - lay.Body.Size) * 4096))
	g.scale = min(100, int(math.Floor(100*(cellPt-libreOfficeLoss)/lay.Body.Size)))
	// The page number's top FolioOffset under the type area: Word measures
	// the footer from the page's bottom edge to the bottom of its line.
	g.footer = g.bottom - twips(lay.FolioOffset) - int(lay.Folio.Size*20)
	return g
}

// Write gives the notice's paragraphs (textnotice.Blocks) as a .docx.
// fonts measure the text as the PDF writer does (typeset), so that titles
// break where the PDF breaks them.
func Write(blocks []textnotice.Block, lay typeset.Layout, pg Page, fonts typeset.Fonts) ([]byte, error) {
	g := gridOf(lay)
	titles, err := titleLines(blocks, lay, pg, fonts)
	if err != nil {
		return nil, err
	}
	var body bytes.Buffer
	w := &docWriter{b: &body, lay: lay, g: g, lastPPr: -1}
	if pg.Mark != "" && pg.DocNumber == "" {
		// Under a 版头 the notice's own 发文字号 stands under the mark, as
		// the PDF writer sets it (typeset), rather than being dropped.
		for _, b := range blocks {
			if b.Role == textnotice.RoleDocNumber {
				pg.DocNumber = b.Text
				break
			}
		}
	}
	w.header(pg)
	var sig, date string
	var afterDate []string // what the source had after the date (a 版记 copied as text)
	for i, b := range blocks {
		if date != "" && b.Role != textnotice.RoleSignature && b.Role != textnotice.RoleDate {
			afterDate = append(afterDate, b.Text)
			continue
		}
		switch b.Role {
		case textnotice.RoleDocNumber:
			if pg.DocNumber == "" && pg.Mark == "" {
				w.para("DocNumber", b.Text, "")
			}
		case textnotice.RoleTitle:
			// A title kept in the source's lines is one paragraph a line;
			// a line too long for the type area is broken where the PDF
			// breaks it, by line breaks. One empty line follows the last.
			w.title(titles[i], b.Text)
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
	for _, t := range afterDate {
		w.para("Normal", t, "")
	}
	if pg.CC != "" || pg.Printer != "" {
		// The 版记 goes on the last side of the document, an even page
		// (§7.4.1), in a section of its own that starts on the next even
		// page (w:type evenPage). Word, WPS and LibreOffice paginate the
		// text a few lines otherwise than the PDF writer (the corpus
		// notice: 29 pages in LibreOffice, 28 in our PDF), so whether the
		// text ends on an odd or an even page is the editor's to find out:
		// after an odd page the 版记 page is the next one, after an even
		// page a blank page comes between. The text's section ends with
		// its last paragraph.
		if w.lastPPr < 0 {
			return nil, errors.New("版记之前没有正文")
		}
		tail := body.String()[w.lastPPr:]
		body.Truncate(w.lastPPr)
		body.WriteString(sectPr(g, "") + tail)
		if err := w.colophon(pg); err != nil {
			return nil, err
		}
		body.WriteString(sectPr(g, "evenPage"))
	} else {
		body.WriteString(sectPr(g, ""))
	}
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

// sectPr is a section's page setup: the page, the type area, the grid, the
// footers; typ is how the section starts ("" after the previous one,
// "evenPage" on the next even page).
func sectPr(g grid, typ string) string {
	if typ != "" {
		typ = `<w:type w:val="` + typ + `"/>`
	}
	return fmt.Sprintf(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>%s`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`+
		`<w:cols w:space="425"/><w:docGrid w:type="linesAndChars" w:linePitch="%d" w:charSpace="%d"/></w:sectPr>`,
		typ, g.pageW, g.pageH, g.top, g.right, g.bottom, g.left, g.footer, g.linePitch, g.charSpace)
}

type docWriter struct {
	b   *bytes.Buffer
	lay typeset.Layout
	g   grid
	// lastPPr is where the last paragraph's properties end in b (before
	// "</w:pPr>"), for a section break after it; -1 before any.
	lastPPr int
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

// paragraph writes a paragraph with its properties and runs.
func (w *docWriter) paragraph(pPr, runs string) {
	w.b.WriteString(`<w:p><w:pPr>` + pPr)
	w.lastPPr = w.b.Len()
	w.b.WriteString(`</w:pPr>` + runs + `</w:p>`)
}

func pStyle(style string) string { return `<w:pStyle w:val="` + style + `"/>` }

// para writes a paragraph of one style; extra goes into its properties.
func (w *docWriter) para(style, text, extra string) {
	w.paragraph(pStyle(style)+extra, textRun(text, ""))
}

func (w *docWriter) empty() { w.paragraph(pStyle("Normal"), "") }

// titleWrapStyle marks the line breaks the writer puts into a title to
// break it as the PDF does. They are not lines of the source: the reader
// joins across them, so that a title read back keeps its lines as they
// were (a line break a clerk types in Word has no such style and counts).
const titleWrapStyle = "TitleWrap"

// title writes one title block: its lines as the PDF sets them, joined by
// line breaks, so that the paragraph holds the block's text exactly.
func (w *docWriter) title(lines []string, text string) {
	if strings.Join(lines, "") != text {
		lines = []string{text}
	}
	var runs strings.Builder
	for i, l := range lines {
		if i > 0 {
			runs.WriteString(`<w:r><w:rPr><w:rStyle w:val="` + titleWrapStyle + `"/></w:rPr><w:br/></w:r>`)
		}
		runs.WriteString(textRun(l, ""))
	}
	w.paragraph(pStyle("NoticeTitle"), runs.String())
}

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
	w.paragraph(pStyle("Normal"), textRun(string(rs[:end]), `<w:rStyle w:val="Heading2Char"/>`)+textRun(string(rs[end:]), ""))
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
	w.paragraph(pStyle("Normal")+"<w:keepNext/>", "")
	place := func(style, text string, x float64, keep bool) {
		if text == "" {
			return
		}
		k := ""
		if keep {
			k = "<w:keepNext/>"
		}
		w.paragraph(fmt.Sprintf(`%s%s<w:ind w:left="%d" w:firstLine="0" w:firstLineChars="0"/>`, pStyle(style), k, int(math.Round(max(x, 0)*w.g.cell))), textRun(text, ""))
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

// colophon writes the 版记 at the foot of its page: empty lines, then a
// table as wide as the type area whose rows are grid lines, with the
// standard's rules (first and last 0.35 mm, between 0.25 mm). The table
// ends one grid line above the type area's foot: the paragraph Word wants
// after a table needs room, and LibreOffice starts an even-page section
// 3.5 mm lower than the others. Not a floating table anchored to the foot:
// LibreOffice lays one as wide as the text out inline, at the page's top.
func (w *docWriter) colophon(pg Page) error {
	if pg.Printer == "" {
		return errors.New("版记需要印发机关")
	}
	var rows []string
	if pg.CC != "" {
		rows = append(rows, "抄送："+pg.CC+"。")
	}
	rows = append(rows, pg.Printer+"\t"+pg.PrintDate+"印发")
	for range w.lay.Lines - len(rows) - 1 {
		w.empty()
	}
	areaW := w.g.pageW - w.g.left - w.g.right
	fmt.Fprintf(w.b, `<w:tbl><w:tblPr><w:tblStyle w:val="ColophonTable"/>`+
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
		fmt.Fprintf(w.b, `<w:tr><w:trPr><w:trHeight w:val="%d" w:hRule="exact"/></w:trPr><w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="Colophon"/>`+
			`<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs></w:pPr>%s</w:p></w:tc></w:tr>`, w.g.linePitch, areaW, areaW-int(w.lay.Colophon.Size*20), runs)
	}
	w.b.WriteString(`</w:tbl>`)
	// A table must not end the document: Word wants a paragraph after it.
	w.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Normal"/><w:snapToGrid w:val="0"/><w:spacing w:line="20" w:lineRule="exact"/></w:pPr></w:p>`)
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
// may not hang past the type area (w:overflowPunct off), which would make a
// 29th character. Text larger or smaller than the body (title, issuer's
// mark, 版记, page numbers) keeps off the character grid (w:snapToGrid
// off, the setting Word's 公文 templates use), or each of its characters
// would take whole cells. Styles carry Chinese names a clerk recognises in
// Word's style gallery. Elements keep the schema's order.
func stylesXML(lay typeset.Layout, g grid) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles ` + wNS + `>`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr>%s<w:kern w:val="2"/>%s<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:overflowPunct w:val="0"/><w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>`,
		rFonts(lay.Body.Face), size(lay.Body.Size), g.linePitch)
	scale := func(pct int) string { return fmt.Sprintf(`<w:w w:val="%d"/>`, pct) }
	offGrid := `<w:snapToGrid w:val="0"/>`
	// style writes a paragraph style; its properties go in pPr in the
	// schema's groups: keeping, grid, indent, alignment, outline level.
	style := func(id, name, based, keep, grid, ind, jc string, outline int, el typeset.Element, pct int) {
		basedOn := ""
		if based != "" {
			basedOn = `<w:basedOn w:val="` + based + `"/>`
		}
		if jc != "" {
			jc = `<w:jc w:val="` + jc + `"/>`
		}
		lvl := ""
		if outline >= 0 {
			lvl = fmt.Sprintf(`<w:outlineLvl w:val="%d"/>`, outline)
		}
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/>%s<w:qFormat/><w:pPr>%s%s%s%s%s</w:pPr><w:rPr>%s%s%s%s</w:rPr></w:style>`,
			id, name, basedOn, keep, grid, ind, jc, lvl, rFonts(el.Face), color(el.Color), scale(pct), size(el.Size))
	}
	// Normal keeps Word's own name (shown as 正文 in a Chinese Word).
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>`+
		`<w:pPr><w:widowControl/><w:overflowPunct w:val="0"/><w:ind w:firstLineChars="200" w:firstLine="%d"/><w:jc w:val="both"/></w:pPr><w:rPr>%s%s%s</w:rPr></w:style>`,
		int(math.Round(2*g.cell)), rFonts(lay.Body.Face), scale(g.scale), size(lay.Body.Size))
	noIndent := `<w:ind w:firstLineChars="0" w:firstLine="0"/>`
	keep := `<w:keepNext/>`
	style("NoticeTitle", "公文标题", "Normal", keep+`<w:keepLines/>`, offGrid, noIndent, "center", 0, lay.Title, 100)
	style("Heading1", "一级标题", "Normal", keep, "", "", "", 1, lay.Heading1, g.scale)
	style("Heading2", "二级标题", "Normal", keep, "", "", "", 2, lay.Heading2, g.scale)
	style("Addressee", "主送机关", "Normal", "", "", noIndent, "left", -1, lay.Body, g.scale)
	style("Signature", "发文机关署名", "Normal", "", "", "", "left", -1, lay.Body, g.scale)
	style("DateLine", "成文日期", "Normal", "", "", "", "left", -1, lay.Body, g.scale)
	style("Mark", "发文机关标志", "Normal", "", offGrid, noIndent, "center", -1, lay.Mark, 100)
	style("DocNumber", "发文字号", "Normal", "", "", noIndent, "center", -1, lay.DocNumber, g.scale)
	// The colophon's lines start one character in (§7.4).
	style("Colophon", "版记", "Normal", "", offGrid, fmt.Sprintf(`<w:ind w:left="%d" w:firstLineChars="0" w:firstLine="0"/>`,
		int(math.Round(lay.Colophon.Size*20))), "left", -1, lay.Colophon, 100)
	style("PageNumber", "页码", "", "", offGrid, noIndent, "", -1, lay.Folio, 100)
	b.WriteString(`<w:style w:type="character" w:customStyle="1" w:styleId="` + titleWrapStyle + `"><w:name w:val="标题换行"/></w:style>`)
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
	return xmlHeader + `<w:ftr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="PageNumber"/>` +
		fmt.Sprintf(`<w:spacing w:line="%d" w:lineRule="exact"/>`, int(lay.Folio.Size*20)) + indent + `<w:jc w:val="` + side + `"/></w:pPr>` +
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
