package ledger

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// miniXLSX builds a workbook by hand from raw parts, the way other producers
// (WPS, Strict files, old Excel) write what excelize never writes.
func miniXLSX(t testing.TB, sheet, sst, styles string, date1904 bool) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	wbPr := ""
	if date1904 {
		wbPr = `<workbookPr date1904="1"/>`
	}
	parts := map[string]string{
		"xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			wbPr + `<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/s1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		"xl/worksheets/s1.xml": `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheet + `</sheetData></worksheet>`,
		"xl/strings.xml":       `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst + `</sst>`,
		"xl/styles.xml":        `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + styles + `</styleSheet>`,
	}
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

// TestXLSXProducers: rich shared strings lose their phonetic guides, inline
// strings, cells and rows without r attributes, ISO date cells, 1904 dates,
// dates by built-in and custom formats at their precision, and numbers shown
// plainly.
func TestXLSXProducers(t *testing.T) {
	sst := `<si><t>序号</t></si><si><r><t>存在</t></r><r><rPr><b/></rPr><t>问题</t></r><rPh sb="0" eb="2"><t>ソンザイ</t></rPh></si><si><t xml:space="preserve">整改措施 </t></si>`
	styles := `<numFmts count="1"><numFmt numFmtId="200" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>` +
		`<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="200"/><xf numFmtId="2"/></cellXfs>`
	sheet := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>整改时限</t></is></c></row>` +
		`<row><c><v>1</v></c><c t="inlineStr"><is><r><t>学习</t></r><r><t>不够</t></r></is></c><c t="str"><v>一是学习。&#10;二是考核。</v></c><c s="1"><v>45747</v></c></row>` +
		`<row r="4"><c r="A4" s="3"><v>2</v></c><c r="B4" t="s"><v>1</v></c><c r="C4" t="inlineStr"><is><t>建立制度</t></is></c><c r="D4" s="2"><v>45992</v></c></row>` +
		`<row r="5"><c r="A5"><v>3</v></c><c r="B5" t="inlineStr"><is><t>台账不全</t></is></c><c r="C5" t="inlineStr"><is><t>补齐</t></is></c><c r="D5" t="d"><v>2025-09-30T00:00:00</v></c></row>`
	for _, date1904 := range []bool{false, true} {
		g, err := gridsXLSX(miniXLSX(t, sheet, sst, styles, date1904))
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprint(g[0].Rows)
		want := "[[序号 存在问题 整改措施  整改时限] [1 学习不够 一是学习。\n二是考核。 2025-03-31] [] [2 存在问题 建立制度 2025-12] [3 台账不全 补齐 2025-09-30]]"
		if date1904 {
			want = strings.NewReplacer("2025-03-31", "2029-04-01", "2025-12", "2029-12").Replace(want)
		}
		if got != want {
			t.Errorf("date1904=%v:\n got %q\nwant %q", date1904, got, want)
		}
	}
}

func TestXLSXRefusals(t *testing.T) {
	for name, c := range map[string]struct{ sheet, want string }{
		"cell outside its row": {`<row r="1"><c r="A3"><v>1</v></c></row>`, "不在它所在的行"},
		"too many rows":        {`<row r="1048577"><c><v>1</v></c></row>`, "超过 1048576 行"},
		"bad shared string":    {`<row r="1"><c t="s"><v>99</v></c></row>`, "已损坏"},
		"not xml":              {`<row r="1"><c><v>1</v></row>`, "已损坏"},
	} {
		_, err := gridsXLSX(miniXLSX(t, c.sheet, "", "", false))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}
