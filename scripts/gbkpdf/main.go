// Command gbkpdf writes a PDF the way older office software does for
// Chinese: Type 0 fonts that are not embedded (仿宋_GB2312, 黑体) with the
// GBK-EUC-H CMap and no ToUnicode map, so that the text can only be read
// through the encoding itself. It lays out a notice's text (one paragraph a
// line, or a rectify text file) 28 characters a line with first-line
// indents. With -word it writes the text the way Word and WPS export it
// instead: Type 0 fonts with Identity-H and a ToUnicode map, each line one
// TJ array justified glyph by glyph, in tagged marked content with the
// page number an artifact. With -scanned it writes an image-only page; with -html
// FONT, the notice as a web page in FONT (each paragraph styled by its role:
// centred title, right-aligned signature) for Chromium to print, as
// testdata/pdf/make.sh does; with -fodt FONT, the same as a Writer document
// (flat ODT) for LibreOffice to export.
//
//	go run ./scripts/gbkpdf testdata/notices/scheme-aspects.txt > out.pdf
//	go run ./scripts/gbkpdf -html "Noto Serif CJK SC" notice.txt > notice.html
package main

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"regexp"
	"strings"
	"unicode/utf16"

	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/textnotice"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	scanned := flag.Bool("scanned", false, "write an image-only page")
	htmlFont := flag.String("html", "", "write the notice as HTML in this font family")
	fodtFont := flag.String("fodt", "", "write the notice as a LibreOffice Writer document (flat ODT) in this font family")
	flush := flag.Bool("flush", false, "with -fodt: set paragraphs flush left, without first-line indents")
	ragged := flag.Bool("ragged", false, "with -html: set paragraphs flush left and ragged right, without first-line indents")
	word := flag.Bool("word", false, "write the PDF the way Word and WPS do: Identity-H, ToUnicode, justified by TJ")
	flag.Parse()
	if *scanned {
		os.Stdout.Write(scannedPDF())
		return
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	n, err := textnotice.Read(data)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *htmlFont != "" {
		os.Stdout.Write(noticeHTML(textnotice.Blocks(n), *htmlFont, *ragged))
		return
	}
	if *fodtFont != "" {
		os.Stdout.Write(noticeFODT(textnotice.Blocks(n), *fodtFont, *flush))
		return
	}
	if *word {
		os.Stdout.Write(wordPDF(textnotice.Blocks(n)))
		return
	}
	os.Stdout.Write(gbkPDF(textnotice.Blocks(n)))
}

// noticeHTML lays a notice out the way offices set one in a word processor:
// A4, 16 pt body with two-character first-line indents, 22 pt centred
// title, signature and date right-aligned. With ragged, paragraphs start at
// the margin and are not justified, as web pages and some offices set them.
func noticeHTML(blocks []textnotice.Block, font string, ragged bool) []byte {
	body := "text-indent: 32pt; text-align: justify;"
	if ragged {
		body = "text-indent: 0; text-align: left;"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<style>@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "%s"; font-size: 16pt; line-height: 28pt; margin: 0; }
p { margin: 0; %[2]s }
p.title { text-indent: 0; text-align: center; font-size: 22pt; line-height: 32pt; font-weight: bold; }
p.addressee { text-indent: 0; }
p.heading1 { font-weight: bold; }
p.signature, p.date { text-indent: 0; text-align: right; padding-right: 64pt; }
</style></head><body>
`, font, body)
	for _, bl := range blocks {
		fmt.Fprintf(&b, "<p class=%q>%s</p>\n", bl.Role, html.EscapeString(bl.Text))
	}
	b.WriteString("</body></html>\n")
	return b.Bytes()
}

var tokenRe = regexp.MustCompile(`[0-9A-Za-z.%@]+|.`)

func cells(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

type pline struct {
	text   string
	x, y   float64
	font   string
	size   float64
	center bool
	last   bool // a paragraph's last line (not justified)
}

// The type area: 28 mm from the left, 37 mm from the top, 156 mm wide.
const (
	left, top, width = 79.4, 841.9 - 104.9, 442.2
	pitch            = 29.0
	size             = 16.0
)

// layout sets a notice in lines of 28 characters, 22 lines a page, with
// first-line indents.
func layout(blocks []textnotice.Block) [][]pline {
	var pages [][]pline
	var cur []pline
	row := 0
	emit := func(l pline) {
		if row >= 22 {
			pages = append(pages, cur)
			cur, row = nil, 0
		}
		l.y = top - float64(row)*pitch - 22
		cur = append(cur, l)
		row++
	}
	for _, b := range blocks {
		switch b.Role {
		case textnotice.RoleTitle: // centred, wrapped to the type area
			rs := []rune(b.Text)
			per := 20 // characters of 22 pt in the 156 mm type area
			for len(rs) > 0 {
				n := min(per, len(rs))
				emit(pline{text: string(rs[:n]), font: "F2", size: 22, center: true})
				rs = rs[n:]
			}
			row++
			continue
		case textnotice.RoleSignature, textnotice.RoleDate:
			w := cells(b.Text) * size
			emit(pline{text: b.Text, x: left + width - 2*size - w, font: "F1", size: size})
			continue
		}
		font := "F1"
		if b.Role == textnotice.RoleHeading1 {
			font = "F2"
		}
		line, w := "", 2.0
		first := true
		if b.Role == textnotice.RoleAddressee { // flush left
			w, first = 0, false
		}
		for _, tok := range tokenRe.FindAllString(b.Text, -1) {
			tw := cells(tok)
			if w+tw > 28 && line != "" && !strings.ContainsAny(tok, "，。、；：）》”") {
				x := left
				if first {
					x += 2 * size
				}
				emit(pline{text: line, x: x, font: font, size: size})
				line, w, first = "", 0, false
			}
			line += tok
			w += tw
		}
		x := left
		if first {
			x += 2 * size
		}
		emit(pline{text: line, x: x, font: font, size: size, last: true})
	}
	return append(pages, cur)
}

func gbkPDF(blocks []textnotice.Block) []byte {
	pages := layout(blocks)
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	font := func(name string) int {
		desc := add(fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>", name))
		cid := add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor %d 0 R /DW 1000 /W [814 907 500 7716 7716 500] >>", name, desc))
		return add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /GBK-EUC-H /DescendantFonts [%d 0 R] >>", name, cid))
	}
	f1 := font("FangSong_GB2312")
	f2 := font("SimHei")
	enc := simplifiedchinese.GBK.NewEncoder()
	var pageRefs []int
	pagesObj := len(objs) + 1 + 2*len(pages)
	for pi, pl := range pages {
		var c bytes.Buffer
		for _, l := range pl {
			b, _ := enc.String(l.text)
			x := l.x
			if l.center {
				x = left + (width-cells(l.text)*l.size)/2
			}
			fmt.Fprintf(&c, "BT /%s %.1f Tf %.2f %.2f Td <%X> Tj ET\n", l.font, l.size, x, l.y, b)
		}
		num := fmt.Sprintf("- %d -", pi+1)
		fmt.Fprintf(&c, "BT /F1 14 Tf %.2f %.2f Td <%X> Tj ET\n", left+width-14-cells(num)*14, 841.9-(37+225+7+4)*72/25.4, num)
		content := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()))
		pageRefs = append(pageRefs, add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595.3 841.9] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>", pagesObj, f1, f2, content)))
	}
	var kids []string
	for _, r := range pageRefs {
		kids = append(kids, fmt.Sprintf("%d 0 R", r))
	}
	add(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pageRefs)))
	cat := add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj))
	return testutil.AssemblePDF(objs, cat)
}

// scannedPDF is one A4 page holding only a grey image, as a scanner makes.
func scannedPDF() []byte {
	const w, h = 64, 90
	img := bytes.Repeat([]byte{0xf0}, w*h)
	for i := 0; i < len(img); i += 7 {
		img[i] = 0x20 // some "ink"
	}
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	im := add(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream", w, h, len(img), img))
	content := "q 595.3 0 0 841.9 0 0 cm /Im1 Do Q\n"
	c := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content))
	page := add(fmt.Sprintf("<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595.3 841.9] /Resources << /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>", im, c))
	add(fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	root := add("<< /Type /Catalog /Pages 4 0 R >>")
	return testutil.AssemblePDF(objs, root)
}

// wordPDF writes the notice as Word and WPS export one: two-byte glyph codes
// (Identity-H) that mean nothing without the ToUnicode map, every line but
// a paragraph's last justified to the full measure by a TJ adjustment after
// each glyph, tagged marked content (/P with an MCID), the page number an
// /Artifact. The fonts are not embedded, which changes nothing for text.
func wordPDF(blocks []textnotice.Block) []byte {
	pages := layout(blocks)
	type cidFont struct {
		cids  map[rune]int
		runes []rune
	}
	fonts := map[string]*cidFont{"F1": {cids: map[rune]int{}}, "F2": {cids: map[rune]int{}}}
	code := func(f *cidFont, r rune) int {
		if c, ok := f.cids[r]; ok {
			return c
		}
		f.runes = append(f.runes, r)
		f.cids[r] = len(f.runes) // CID 0 is .notdef
		return len(f.runes)
	}
	adv := func(r rune) float64 {
		if r < 0x80 {
			return 500
		}
		return 1000
	}
	var contents []string
	mcid := 0
	for pi, pl := range pages {
		var c bytes.Buffer
		for _, l := range pl {
			f := fonts[l.font]
			rs := []rune(l.text)
			x := l.x
			natural := 0.0
			for _, r := range rs {
				natural += adv(r) * l.size / 1000
			}
			if l.center {
				x = left + (width-natural)/2
			}
			// Justification spreads the extra space over the gaps after each
			// glyph, except inside a run of Latin letters and digits.
			stretch := func(i int) bool { return i < len(rs)-1 && (rs[i] >= 0x80 || rs[i+1] >= 0x80) }
			gaps := 0
			for i := range rs {
				if stretch(i) {
					gaps++
				}
			}
			gap := 0.0 // in thousandths of the size
			if !l.last && !l.center && gaps > 0 {
				if extra := left + width - x - natural; extra > 0 {
					gap = extra / float64(gaps) / l.size * 1000
				}
			}
			fmt.Fprintf(&c, "/P <</MCID %d>> BDC\nBT /%s %.1f Tf 1 0 0 1 %.2f %.2f Tm [", mcid, l.font, l.size, x, l.y)
			for i, r := range rs {
				fmt.Fprintf(&c, "<%04X>", code(f, r))
				if gap > 0 && stretch(i) {
					fmt.Fprintf(&c, "%.1f", -gap)
				}
			}
			c.WriteString("] TJ ET\nEMC\n")
			mcid++
		}
		num := []rune(fmt.Sprintf("- %d -", pi+1))
		var hex strings.Builder
		for _, r := range num {
			fmt.Fprintf(&hex, "%04X", code(fonts["F1"], r))
		}
		fmt.Fprintf(&c, "/Artifact <</Type /Pagination>> BDC\nBT /F1 14 Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj ET\nEMC\n",
			left+width-14-cells(string(num))*14, 841.9-(37+225+7+4)*72/25.4, hex.String())
		contents = append(contents, c.String())
	}

	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	font := func(name string, f *cidFont) int {
		var cm bytes.Buffer
		cm.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
		var w strings.Builder
		for i := 0; i < len(f.runes); i += 100 {
			chunk := f.runes[i:min(i+100, len(f.runes))]
			fmt.Fprintf(&cm, "%d beginbfchar\n", len(chunk))
			for k, r := range chunk {
				u := utf16.Encode([]rune{r})
				fmt.Fprintf(&cm, "<%04X> <", i+k+1)
				for _, x := range u {
					fmt.Fprintf(&cm, "%04X", x)
				}
				cm.WriteString(">\n")
			}
			cm.WriteString("endbfchar\n")
		}
		cm.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
		for i, r := range f.runes {
			fmt.Fprintf(&w, "%d [%g] ", i+1, adv(r))
		}
		tu := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", cm.Len(), cm.String()))
		desc := add(fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>", name))
		cid := add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [%s] /CIDToGIDMap /Identity >>", name, desc, w.String()))
		return add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", name, cid, tu))
	}
	f1 := font("FangSong", fonts["F1"])
	f2 := font("SimHei", fonts["F2"])
	var pageRefs []int
	pagesObj := len(objs) + 1 + 2*len(contents)
	for _, c := range contents {
		content := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(c), c))
		pageRefs = append(pageRefs, add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595.3 841.9] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R /StructParents 0 >>", pagesObj, f1, f2, content)))
	}
	var kids []string
	for _, r := range pageRefs {
		kids = append(kids, fmt.Sprintf("%d 0 R", r))
	}
	add(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pageRefs)))
	cat := add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /MarkInfo << /Marked true >> >>", pagesObj))
	return testutil.AssemblePDF(objs, cat)
}

// noticeFODT is noticeHTML as a LibreOffice Writer document (flat ODT): the
// same page, sizes and paragraph styles.
// With flush, body paragraphs and headings have no first-line indent, as
// many offices set them.
func noticeFODT(blocks []textnotice.Block, font string, flush bool) []byte {
	indent := "32pt"
	if flush {
		indent = "0pt"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="F" svg:font-family="'%s'"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="28pt"/><style:text-properties style:font-name="F" style:font-name-asian="F" fo:font-size="16pt" style:font-size-asian="16pt"/></style:default-style></office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="37mm" fo:margin-bottom="35mm" fo:margin-left="28mm" fo:margin-right="26mm"/></style:page-layout>
<style:style style:name="body" style:family="paragraph"><style:paragraph-properties fo:text-indent="%[2]s" fo:text-align="justify"/></style:style>
<style:style style:name="heading1" style:family="paragraph"><style:paragraph-properties fo:text-indent="%[2]s" fo:text-align="justify"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="32pt"/><style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="addressee" style:family="paragraph"><style:paragraph-properties fo:text-indent="0pt"/></style:style>
<style:style style:name="signature" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-right="64pt"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm"/></office:master-styles>
<office:body><office:text>
`, font, indent)
	for _, bl := range blocks {
		style := "body"
		switch bl.Role {
		case textnotice.RoleTitle, textnotice.RoleAddressee, textnotice.RoleHeading1:
			style = bl.Role
		case textnotice.RoleSignature, textnotice.RoleDate:
			style = "signature"
		}
		fmt.Fprintf(&b, "<text:p text:style-name=%q>%s</text:p>\n", style, html.EscapeString(bl.Text))
	}
	b.WriteString("</office:text></office:body></office:document>\n")
	return b.Bytes()
}
