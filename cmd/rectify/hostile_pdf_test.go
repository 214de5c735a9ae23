//go:build linux

package main

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/testutil"
)

// Hostile PDFs, each built here from its description (a few tens of KB
// that expand to work or memory without bound in a careless reader).

const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// flateStream is a stream object body holding data compressed.
func flateStream(dict string, data []byte) string {
	var b bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&b, zlib.DefaultCompression)
	zw.Write(data)
	zw.Close()
	return fmt.Sprintf("<< %s /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", dict, b.Len(), b.Bytes())
}

func plainStream(data string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(data), data)
}

// onePagePDF is a one-page PDF drawing content with Helvetica as /F1;
// extra objects are numbered from 6.
func onePagePDF(content string, extra ...string) []byte {
	return testutil.AssemblePDF(append([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		content,
		helvetica,
	}, extra...), 1)
}

// pdfUnclosedArray: a 60 KB content stream that inflates to an unclosed
// "[" followed by 3×10⁷ numbers.
func pdfUnclosedArray() []byte {
	var c bytes.Buffer
	c.WriteString("BT /F1 12 Tf 72 720 Td (hello) Tj [")
	c.Write(bytes.Repeat([]byte("0 "), 30_000_000))
	return onePagePDF(flateStream("", c.Bytes()))
}

// pdfUnclosedDict: the same inside a marked-content property dictionary.
func pdfUnclosedDict() []byte {
	var c bytes.Buffer
	c.WriteString("BT /F1 12 Tf 72 720 Td (hello) Tj /Span << /A ")
	c.Write(bytes.Repeat([]byte("1 "), 30_000_000))
	return onePagePDF(flateStream("", c.Bytes()))
}

// pdfPagesLoop: a page tree whose Kids point back at itself 10,000 times.
func pdfPagesLoop() []byte {
	kids := "3 0 R" + strings.Repeat(" 2 0 R", 10_000)
	return testutil.AssemblePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [" + kids + "] /Count 10001 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		plainStream("BT /F1 12 Tf 72 720 Td (helo) Tj ET"),
		helvetica,
	}, 1)
}

// pdfDeepPages: a chain of 5,000 /Pages nodes, one inside the other.
func pdfDeepPages() []byte {
	objs := []string{"<< /Type /Catalog /Pages 6 0 R >>", "", "<< /Type /Page /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		plainStream("BT /F1 12 Tf 72 720 Td (deep) Tj ET"), helvetica}
	const depth = 5000
	for i := 0; i < depth; i++ {
		kid := 7 + i
		if i == depth-1 {
			kid = 3
		}
		objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", kid))
	}
	objs[1] = "null"
	return testutil.AssemblePDF(objs, 1)
}

// pdfHugeCMap: a 50 KB ToUnicode CMap that inflates to 10⁶ bfranges.
func pdfHugeCMap() []byte {
	var c bytes.Buffer
	c.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <00> <FF> endcodespacerange\n")
	for i := 0; i < 10_000; i++ {
		c.WriteString("100 beginbfrange\n")
		for k := 0; k < 100; k++ {
			c.WriteString("<41> <5A> <0041>\n")
		}
		c.WriteString("endbfrange\n")
	}
	c.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end\n")
	return testutil.AssemblePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		plainStream("BT /F1 12 Tf 72 720 Td (HELLO) Tj ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
		flateStream("", c.Bytes()),
	}, 1)
}

// pdfBigObjStream: 1,000 pages whose objects sit, with 10⁶ others, in one
// object stream, addressed by a cross-reference stream.
func pdfBigObjStream() []byte {
	const pages, filler = 1000, 1_000_000
	// Objects: 1 catalog, 2 pages, 3 font, 4 content (a plain stream),
	// 5…5+pages-1 page objects, then filler; objstm and xref stream last.
	var bodies []string
	bodies = append(bodies, "<< /Type /Catalog /Pages 2 0 R >>")
	var kids strings.Builder
	for i := 0; i < pages; i++ {
		fmt.Fprintf(&kids, "%d 0 R ", 5+i)
	}
	bodies = append(bodies, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), pages))
	bodies = append(bodies, helvetica)
	for i := 0; i < pages; i++ {
		bodies = append(bodies, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
	}
	inStream := []int{1, 2, 3}
	for i := 0; i < pages; i++ {
		inStream = append(inStream, 5+i)
	}
	nFiller := filler
	for i := 0; i < nFiller; i++ {
		bodies = append(bodies, "null")
		inStream = append(inStream, 5+pages+i)
	}
	var head, body bytes.Buffer
	for i, num := range inStream {
		fmt.Fprintf(&head, "%d %d ", num, body.Len())
		body.WriteString(bodies[i])
		body.WriteByte('\n')
	}
	stmNum := 5 + pages + nFiller
	xrefNum := stmNum + 1
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	contentOff := b.Len()
	fmt.Fprintf(&b, "4 0 obj\n%s\nendobj\n", plainStream("BT /F1 12 Tf 72 720 Td (Page) Tj ET"))
	stmOff := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", stmNum, flateStream(fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(inStream), head.Len()), append(head.Bytes(), body.Bytes()...)))
	// Cross-reference stream rows: type, field 2 (4 bytes), field 3 (4 bytes).
	rows := make([]byte, 9*(xrefNum+1))
	put := func(num int, typ byte, f2, f3 int) {
		r := rows[9*num:]
		r[0] = typ
		r[1], r[2], r[3], r[4] = byte(f2>>24), byte(f2>>16), byte(f2>>8), byte(f2)
		r[5], r[6], r[7], r[8] = byte(f3>>24), byte(f3>>16), byte(f3>>8), byte(f3)
	}
	for i, num := range inStream {
		put(num, 2, stmNum, i)
	}
	put(4, 1, contentOff, 0)
	put(stmNum, 1, stmOff, 0)
	xrefOff := b.Len()
	put(xrefNum, 1, xrefOff, 0)
	fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", xrefNum, flateStream(fmt.Sprintf("/Type /XRef /Size %d /W [1 4 4] /Root 1 0 R", xrefNum+1), rows))
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xrefOff)
	return b.Bytes()
}

// pdfBomb: a content stream that inflates past the stream limit.
func pdfBomb() []byte {
	return onePagePDF(flateStream("", bytes.Repeat([]byte(" "), 100<<20)))
}

// pdfSharedContent: 200 pages drawing one content stream that inflates to
// 60 MB of spaces (each under the stream limit; together 12 GB to lex).
func pdfSharedContent() []byte {
	const pages = 200
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", helvetica,
		flateStream("", bytes.Repeat([]byte(" "), 60<<20))}
	var kids strings.Builder
	for i := 0; i < pages; i++ {
		fmt.Fprintf(&kids, "%d 0 R ", 5+i)
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), pages)
	return testutil.AssemblePDF(objs, 1)
}

func pdfCase(name, file string, gen func() []byte, code int, want string) hostileCase {
	return hostileCase{name: name, code: code, want: want, file: file,
		make: func(t *testing.T, dir string) []string {
			in := writeFile(t, dir, file, gen())
			return []string{"convert", in, filepath.Join(dir, "out.json")}
		}}
}

func init() {
	hostileCases = append(hostileCases,
		pdfCase("pdf unclosed array of 3e7 numbers", "数组.pdf", pdfUnclosedArray, 2, "操作数"),
		pdfCase("pdf unclosed dict of 3e7 numbers", "字典.pdf", pdfUnclosedDict, 2, "操作数"),
		pdfCase("pdf page tree loop", "循环.pdf", pdfPagesLoop, 2, "页面树有循环"),
		pdfCase("pdf page tree 5000 deep", "深.pdf", pdfDeepPages, 2, "页面树超过"),
		pdfCase("pdf ToUnicode of 1e6 bfranges", "映射.pdf", pdfHugeCMap, 2, "ToUnicode 映射表超过"),
		pdfCase("pdf stream bomb", "炸弹.pdf", pdfBomb, 2, "解压后超过"),
		pdfCase("pdf 200 pages sharing a 60 MB content stream", "共用.pdf", pdfSharedContent, 2, "内容流超过"),
		hostileCase{name: "pdf object stream of 1e6 objects, 1000 pages", code: 0,
			make: func(t *testing.T, dir string) []string {
				in := writeFile(t, dir, "对象流.pdf", pdfBigObjStream())
				return []string{"convert", "--to", "txt", in, filepath.Join(dir, "out.txt")}
			}},
		hostileCase{name: "pdf batch of 20 good and 2 hostile", code: 1, want: "共 22 个文件：成功 20 个，失败 2 个", file: "循环.pdf",
			make: func(t *testing.T, dir string) []string {
				good, err := os.ReadFile(testdata("pdf/gbk-euc-h-aspects.pdf"))
				if err != nil {
					t.Fatal(err)
				}
				for i := 0; i < 20; i++ {
					writeFile(t, dir, fmt.Sprintf("in/通报%02d.pdf", i), good)
				}
				writeFile(t, dir, "in/循环.pdf", pdfPagesLoop())
				writeFile(t, dir, "in/数组.pdf", pdfUnclosedArray())
				os.Mkdir(filepath.Join(dir, "out"), 0o755)
				return []string{"convert", "--out-dir", filepath.Join(dir, "out"), "--to", "json", filepath.Join(dir, "in")}
			}},
	)
}
