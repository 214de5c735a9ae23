package ledger

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

const xmlDir = "../../testdata/ledgers/spreadsheetml/"

// TestSpreadsheetMLAsXLSX: a workbook written as Excel 2003 XML the way
// Excel 2003 saves it (testdata/ledgers/spreadsheetml/make_xml.py, from the
// .xlsx; LibreOffice opens each) reads exactly as the .xlsx itself: every
// issue, category, merge-filled cell, date and where each was read.
func TestSpreadsheetMLAsXLSX(t *testing.T) {
	for xml, xlsx := range map[string]string{
		"corpus-ledger-2025.xls": "../../testdata/corpus/ledger-2025.xlsx",
		"two-row-header.xls":     "../../testdata/ledgers/two-row-header.xlsx",
		"wps-sections.xls":       "../../testdata/ledgers/wps-sections.xlsx",
	} {
		t.Run(xml, func(t *testing.T) {
			got, err := Read(mustReadFile(t, xmlDir+xml), "xmlss", ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want, err := Read(mustReadFile(t, xlsx), "xlsx", ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				g, _ := json.MarshalIndent(got, "", " ")
				w, _ := json.MarshalIndent(want, "", " ")
				t.Errorf("differs from the .xlsx:\n%s", firstDiff(string(g), string(w)))
			}
		})
	}
}

// TestSpreadsheetMLSystemExport: an office system's "xls" download written
// by hand (prefixed ss: elements, a very hidden drop-down sheet, hidden
// columns of system codes, a comment, rich text, merged issue cells over
// two measures, month-only dates), checked against what a clerk reads in it;
// the comment goes to the remarks, as an .xlsx's does.
func TestSpreadsheetMLSystemExport(t *testing.T) {
	n, err := Read(mustReadFile(t, xmlDir+"system-export.xls"), "xmlss", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n.Issuer != "某某县市场监督管理局" || n.Date != "2025-09-30" {
		t.Errorf("issuer %q date %q", n.Issuer, n.Date)
	}
	type row struct{ cat, num, title, status, actions, deadline, unit, sheet, at string }
	want := []row{
		{"政治建设方面", "1", "学习贯彻党的二十届三中全会精神不够深入", "completed", "修订党组理论学习中心组学习计划|开展专题研讨2次", "2025-09", "办公室、机关党委", "整改台账", "5"},
		{"政治建设方面", "2", "食品安全抽检覆盖面不足", "in_progress", "扩大抽检范围至全部乡镇农贸市场", "2025-12", "食品安全股", "整改台账", "7"},
		{"作风建设方面", "1", "行政审批“体外循环”问题仍有发生", "ongoing", "全面清理线下受理事项建立“好差评”回访制度", "长期坚持", "行政审批股", "整改台账", "9"},
	}
	var got []row
	for _, c := range n.Categories {
		for _, is := range c.Issues {
			var acts []string
			for _, a := range is.Actions {
				acts = append(acts, a.Text)
			}
			r := row{c.Title, itoa(is.Number), is.Title, string(is.Status), strings.Join(acts, "|"), is.Deadline, is.Responsible.Unit, "", ""}
			if is.Source != nil {
				r.sheet, r.at = is.Source.Sheet, itoa(is.Source.Row)
			}
			got = append(got, r)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("issues:\n got %q\nwant %q", got, want)
	}
	all, _ := json.Marshal(n)
	for _, absent := range []string{"XC-2025", "下拉选项", "管理员"} {
		if strings.Contains(string(all), absent) {
			t.Errorf("%q was read: hidden columns, the hidden sheet and a comment's author are not ledger text", absent)
		}
	}
	if got := n.Categories[0].Issues[0].Remarks; got != "批注：系统备注：第一条措施" {
		t.Errorf("remarks %q, want the comment, as .xlsx keeps it", got)
	}
}

// TestSpreadsheetMLRefused: what is not an Excel 2003 XML workbook, or is a
// damaged or hostile one, is refused in Chinese.
func TestSpreadsheetMLRefused(t *testing.T) {
	head := `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">`
	for name, c := range map[string]struct{ data, want string }{
		"other XML":  {`<?xml version="1.0"?><html><body>x</body></html>`, "不是 Excel 2003 XML 表格"},
		"truncated":  {head + `<Worksheet ss:Name="a"><Table><Row><Cell><Data ss:Type="String">序号`, "已损坏"},
		"no sheet":   {head + `</Workbook>`, "没有工作表"},
		"row index":  {head + `<Worksheet ss:Name="a"><Table><Row ss:Index="2000000"/></Table></Worksheet></Workbook>`, "超过 1048576 行"},
		"cell index": {head + `<Worksheet ss:Name="a"><Table><Row><Cell ss:Index="99999"/></Row></Table></Worksheet></Workbook>`, "列号超出范围"},
		"deep":       {head + strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100) + `</Workbook>`, "嵌套过深"},
		"long cell":  {head + `<Worksheet ss:Name="a"><Table><Row><Cell><Data ss:Type="String">` + strings.Repeat("长", maxCellChars+1) + `</Data></Cell></Row></Table></Worksheet></Workbook>`, "超过 32767 个字符"},
		"not ledger": {head + `<Worksheet ss:Name="a"><Table><Row><Cell><Data ss:Type="String">姓名</Data></Cell></Row></Table></Worksheet></Workbook>`, "没有找到整改台账的表头"},
	} {
		_, err := Read([]byte(c.data), "xmlss", ReadOptions{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}

// FuzzSpreadsheetML: no input panics, hangs or reads without bound.
func FuzzSpreadsheetML(f *testing.F) {
	f.Add(mustReadFile(f, xmlDir+"system-export.xls"))
	f.Add([]byte(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell ss:MergeAcross="3" ss:MergeDown="2"><Data ss:Type="DateTime">2025-06-30T00:00:00</Data></Cell></Row></Table></Worksheet></Workbook>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Read(data, "xmlss", ReadOptions{})
	})
}

func mustReadFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n got " + al[i] + "\nwant " + bl[i]
		}
	}
	return "lengths differ"
}
