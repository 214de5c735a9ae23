// Command gbkpdf writes a PDF the way older office software does for
// Chinese: Type 0 fonts that are not embedded (仿宋_GB2312, 黑体) with the
// GBK-EUC-H CMap and no ToUnicode map, so that the text can only be read
// through the encoding itself. It lays out a notice's text (one paragraph a
// line, or a rectify text file) 28 characters a line with first-line
// indents. With -scanned it writes an image-only page instead; with -html
// FONT, the notice as a web page in FONT (each paragraph styled by its role:
// centred title, right-aligned signature) for LibreOffice and Chromium to
// print, as testdata/pdf/make.sh does.
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

	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/textnotice"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	scanned := flag.Bool("scanned", false, "write an image-only page")
	htmlFont := flag.String("html", "", "write the notice as HTML in this font family")
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
		os.Stdout.Write(noticeHTML(textnotice.Blocks(n), *htmlFont))
		return
	}
	os.Stdout.Write(gbkPDF(textnotice.Blocks(n)))
}

// noticeHTML lays a notice out the way offices set one in a word processor:
// A4, 16 pt body with two-character first-line indents, 22 pt centred
// title, signature and date right-aligned.
func noticeHTML(blocks []textnotice.Block, font string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<style>@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "%s"; font-size: 16pt; line-height: 28pt; margin: 0; }
p { margin: 0; text-indent: 32pt; text-align: justify; }
p.title { text-indent: 0; text-align: center; font-size: 22pt; line-height: 32pt; font-weight: bold; }
p.addressee { text-indent: 0; }
p.heading1 { font-weight: bold; }
p.signature, p.date { text-indent: 0; text-align: right; padding-right: 64pt; }
</style></head><body>
`, font)
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
}

func gbkPDF(blocks []textnotice.Block) []byte {
	const (
		left, top, width = 79.4, 841.9 - 104.9, 442.2 // 28 mm, 37 mm, 156 mm in points
		pitch            = 29.0
		size             = 16.0
	)
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
		emit(pline{text: line, x: x, font: font, size: size})
	}
	pages = append(pages, cur)

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
