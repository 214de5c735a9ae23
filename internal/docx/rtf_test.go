package docx

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestRTF: the .docx fixtures saved as RTF by LibreOffice
// (testdata/rtf/make.sh) give the data of the .docx: paragraphs, the list
// numbers Word renders (\listtext), a table with a vertically merged cell.
// Where LibreOffice's export rendered a list's numbers otherwise (numbers
// that ran on across categories start again in each, as in its .doc
// export), the RTF must give the .docx's issues numbered as its \listtext
// says: from 1 in every category, or subcategory where there are some.
func TestRTF(t *testing.T) {
	renumbered := map[string]bool{"numbered-aspects": true, "numbered-mixed": true}
	for _, name := range []string{"libreoffice-text", "libreoffice-numbered", "numbered-aspects", "numbered-mixed", "numbered-parts", "numbered-diyi", "numbered-latin", "table"} {
		t.Run(name, func(t *testing.T) {
			got, err := Read(context.Background(), readFile(t, "../../testdata/rtf/"+name+".rtf"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := Read(context.Background(), readFile(t, "../../testdata/docx/"+name+".docx"))
			if err != nil {
				t.Fatal(err)
			}
			if renumbered[name] {
				if reflect.DeepEqual(comparable(t, got), comparable(t, want)) {
					t.Fatalf("listed as renumbered by LibreOffice's export, but reads as the .docx: take it off the list")
				}
				old := map[int]int{} // the .docx's number → the number in its list
				for _, c := range want.Categories {
					k, sub := 0, ""
					for i := range c.Issues {
						if is := &c.Issues[i]; i == 0 || is.Subcategory != sub {
							k, sub = 0, is.Subcategory
						}
						k++
						old[c.Issues[i].Number] = k
						c.Issues[i].Number = k
					}
				}
				for i := range want.Pending {
					want.Pending[i].Issue = old[want.Pending[i].Issue]
				}
			}
			if g, w := comparable(t, got), comparable(t, want); !reflect.DeepEqual(g, w) {
				t.Errorf("the RTF reads differently from the .docx:\n got %v\nwant %v", g, w)
			}
		})
	}
}

// TestRTFText: what a body holds, per the RTF specification: deleted
// revisions and hidden text left out, insertions kept, a deleted paragraph
// mark joining two paragraphs, \uN with its fallback skipped (\uc), a
// font's code page over the document's, a footnote's paragraphs not ending
// the one it stands in.
func TestRTFText(t *testing.T) {
	for in, want := range map[string]string{
		`{\rtf1 保留{\deleted 删除}插入{\revised 新增}{\v 隐藏}\par}`:                                "保留插入新增",
		`{\rtf1 {\deleted 前段\par}后段\par}`:                                                  "后段",
		`{\rtf1 前段{\deleted\par}后段\par}`:                                                   "前段后段",
		`{\rtf1\uc2 \u20013\'d6\'d0\u25991\'ce\'c4\par}`:                                   "中文",
		`{\rtf1\ansi\ansicpg936 \'d6\'d0{\fonttbl{\f1\fcharset136 x;}}{\f1 \'a4\'a4}\par}`: "中中",
		`{\rtf1 正文{\super\chftn{\footnote\pard 脚注\par}}继续\par}`:                            "正文继续",
		`{\rtf1 {\*\unknowndest 不是正文}{\field{\*\fldinst PAGE}{\fldrslt 3}}\par}`:           "3",
		`{\rtf1\ansi\ansicpg936{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f13\fnil\fcharset134 x;}}\loch\af0\hich\af0\dbch\af13 {\hich\af0\dbch\af13\loch\f0 \'d6\'d0\'ce\'c4 2025}\par}`: "中文 2025",
		`{\rtf1\ansi\ansicpg936{\fonttbl{\f0\froman\fcharset0 Times New Roman;}}\f0 \'d6\'d0\'ce\'c4\par}`:                                                                                       "中文",
		`{\rtf1 {\listtext\pard\plain \u19968?\u12289?\tab}\pard 标题\par}`:                                                                                                                        "一、标题",
	} {
		blocks, err := readRTF([]byte(in))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		var got []string
		for _, b := range blocks {
			got = append(got, b.text)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("%s\n got %q\nwant %q", in, strings.Join(got, "|"), want)
		}
	}
}

// TestRTFSystemExport: an office system's "Word" download, written by hand
// as such systems write it: RTF under a .doc name, Chinese as GBK bytes
// (\ansicpg936, \fcharset134), \uN with fallbacks, a field, a footnote and
// a header that are no body text, and the issue list as a table with a
// vertically merged category cell.
func TestRTFSystemExport(t *testing.T) {
	n, err := Read(context.Background(), readFile(t, "../../testdata/rtf/system-export.doc"))
	if err != nil {
		t.Fatal(err)
	}
	if n.Issuer != "中共某某县林业局党组" || n.Date != "2025-10-20" {
		t.Errorf("issuer %q, date %q", n.Issuer, n.Date)
	}
	var got []string
	for _, c := range n.Categories {
		for _, is := range c.Issues {
			got = append(got, c.Title+"|"+is.Title+"|"+is.Status+"|"+is.Responsible.Unit)
		}
	}
	want := []string{
		"政治建设方面|党组理论学习中心组学习不深入|completed|办公室",
		"政治建设方面|意识形态工作责任制落实不到位|in_progress|机关党委",
		"廉政建设方面|林业项目资金审核把关不严|completed|计划财务股",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("issues:\n got %q\nwant %q", got, want)
	}
	all := strings.Join(paragraphTexts(t, "../../testdata/rtf/system-export.doc"), "\n")
	for _, absent := range []string{"页眉：内部资料", "脚注：", "HYPERLINK"} {
		if strings.Contains(all, absent) {
			t.Errorf("%q read as body text", absent)
		}
	}
	if !strings.Contains(all, "见林业局网站") {
		t.Error("a field's result is body text")
	}
}

func paragraphTexts(t *testing.T, path string) []string {
	t.Helper()
	ps, err := Paragraphs(readFile(t, path))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return out
}

// TestRTFRefused: damaged and hostile RTF says why, in Chinese.
func TestRTFRefused(t *testing.T) {
	for name, c := range map[string]struct{ data, want string }{
		"bad hex": {`{\rtf1\ansi 中\'zz}`, "RTF 文件已损坏"},
		"deep":    {`{\rtf1` + strings.Repeat("{", 1000) + strings.Repeat("}", 1000) + `}`, "嵌套过深"},
	} {
		if _, err := Read(context.Background(), []byte(c.data)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}

// FuzzRTF: no input panics, hangs or reads without bound.
func FuzzRTF(f *testing.F) {
	f.Add([]byte(`{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fcharset134 \'cb\'ce\'cc\'e5;}}\f0 \'d2\'bb\'a1\'a2\par\trowd\clvmgf\cellx100\cellx200\intbl a\cell b\cell\row\pard\u20013?\par}`))
	f.Add(readFileF(f, "../../testdata/rtf/table.rtf"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = readRTF(data)
	})
}

func readFileF(f *testing.F, path string) []byte {
	f.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	return data
}
