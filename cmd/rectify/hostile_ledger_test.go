//go:build linux

package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

// Hostile ledgers: CSV whose size comes from fields, not rows, and encodings
// we must refuse rather than read as garbage.
func init() {
	hostileCases = append(hostileCases,
		hostileCase{
			name: "csv-100MB-of-commas",
			make: func(t *testing.T, dir string) []string {
				var b bytes.Buffer
				b.WriteString("序号,存在问题,整改措施\n1,")
				b.Write(bytes.Repeat([]byte{','}, 100<<20))
				writeFile(t, dir, "逗号.csv", b.Bytes())
				return []string{"convert", "逗号.csv", "out.json"}
			},
			code: 2, want: "超过 16384 个字段", file: "逗号.csv",
		},
		hostileCase{
			name: "csv-unclosed-quote-50MB",
			make: func(t *testing.T, dir string) []string {
				var b bytes.Buffer
				b.WriteString("序号,存在问题,整改措施\n1,\"")
				b.Write(bytes.Repeat([]byte("问题,措施\n"), 50<<20/14))
				b.WriteString("\"\n")
				writeFile(t, dir, "引号.csv", b.Bytes())
				return []string{"convert", "引号.csv", "out.json"}
			},
			code: 2, want: "个字段超过 32767 个字符", file: "引号.csv",
		},
		hostileCase{
			// Excel's maximum sheet is read, not refused: a million issues
			// through the model and out as JSON (about 250 MB).
			name: "xlsx-1048576-rows",
			make: func(t *testing.T, dir string) []string {
				writeFile(t, dir, "满表.xlsx", maxRowsXLSX(t))
				return []string{"convert", "满表.xlsx", "out.json"}
			},
			code: 0, cpuTime: true,
		},
		hostileCase{
			name: "csv-big5",
			make: func(t *testing.T, dir string) []string {
				s, err := traditionalchinese.Big5.NewEncoder().String(strings.Repeat("序號,存在問題,整改措施\n1,黨組理論學習不夠深入,建立學習制度\n", 20))
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, dir, "繁体.csv", []byte(s))
				return []string{"convert", "繁体.csv", "out.json"}
			},
			code: 2, want: "无法识别文件的编码", file: "繁体.csv",
		},
	)
}

// maxRowsXLSX is a ledger sheet of Excel's maximum 1,048,576 rows: a header
// and one short issue a row, as a plain producer writes it (shared strings,
// no styles). Its XML inflates to about 90 MB.
func maxRowsXLSX(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	part := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	part("xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	part("xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>序号</t></si><si><t>存在问题</t></si><si><t>整改措施</t></si><si><t>完成情况</t></si><si><t>学习制度执行不严</t></si><si><t>修订学习制度</t></si><si><t>已完成</t></si></sst>`)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`)
	for r := 2; r <= 1<<20; r++ {
		fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="s"><v>4</v></c><c r="C%d" t="s"><v>5</v></c><c r="D%d" t="s"><v>6</v></c></row>`, r, r, r-1, r, r, r)
	}
	fmt.Fprint(w, `</sheetData></worksheet>`)
	zw.Close()
	return buf.Bytes()
}
