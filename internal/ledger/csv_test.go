package ledger

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

func TestScanCSV(t *testing.T) {
	for in, want := range map[string]string{
		"a,b\r\nc,d\r\n":     "[a b]|[c d]",
		"a,b\n\n\nc\n":       "[a b]|[c]",
		`"x,""y""",z`:        `[x,"y" z]`,
		"\"多行\n单元格\",2\n3,4": "[多行\n单元格 2]|[3 4]",
		`ab"c,d`:             `[ab"c d]`, // a stray quote inside text is text
		`"a"b,c`:             `[ab c]`,
		"a,,\n":              "[a  ]",
		"old\rmac\r":         "[old]|[mac]",
		"序号,存在问题\n1,\"关于“学习”的问题\"": "[序号 存在问题]|[1 关于“学习”的问题]",
	} {
		var got []string
		if err := scanCSV(in, ',', func(r []string) error { got = append(got, fmt.Sprint(r)); return nil }); err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if strings.Join(got, "|") != want {
			t.Errorf("%q -> %q, want %q", in, strings.Join(got, "|"), want)
		}
	}
}

// TestCSVLimits: limits hold while scanning, with a Chinese message naming
// the limit and where it was hit.
func TestCSVLimits(t *testing.T) {
	wide := []string{}
	for range maxCols + 50 {
		wide = append(wide, "x")
	}
	g, err := gridCSV([]byte(strings.Join(wide, ",") + "\n"))
	if err != nil || len(g.Rows[0]) != maxCols {
		t.Errorf("a %d-field record: %v, kept %d fields", maxCols+50, err, len(g.Rows))
	}
	for name, c := range map[string]struct{ in, msg string }{
		"commas":    {"序号,存在问题\n1," + strings.Repeat(",", maxCSVFields+1), "第2行超过 16384 个字段"},
		"long cell": {"a,\"" + strings.Repeat("长", maxCellChars+1) + "\"\n", "第1行第2个字段超过 32767 个字符"},
		"unclosed":  {"a,b\n\"c,d\n", "第2行：引号没有闭合"},
	} {
		_, err := gridCSV([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: error %v, want %q", name, err, c.msg)
		}
	}
}

func TestCSVBig5Refused(t *testing.T) {
	big5, err := traditionalchinese.Big5.NewEncoder().String("序號,存在問題,整改措施\n1,黨組理論學習不夠深入,建立學習制度\n")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read([]byte(big5), "csv", ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), "编码") {
		t.Fatalf("Big5 CSV: %v", err)
	}
}
