package typeset_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/render"
	. "github.com/rectify/rectify/internal/typeset"
)

// FuzzTypeset: any text, in any roles, sets without panic; every line but
// a title's stays within the type area, and no character is lost.
func FuzzTypeset(f *testing.F) {
	for _, s := range []string{
		"寿宁工业园区管理委员会关于巡察整改进展情况的通报\n根据县委巡察工作的统一部署，2024年5月13日至6月24日，开展了巡察。",
		"一、高度重视\n（一）统一思想认识。反馈会后》，《“当下改”》（试行）：要求……——完成",
		"电子邮箱：sngyyqgwh@163.com\nhttps://www.example.gov.cn/a/very/long/path/that/is/longer/than/one/line/of/the/type/area.html",
		"（（（（“““《《》》”””））））\n，，，。。。\n" + strings.Repeat("m", 80),
		"\n\n \t 　\n82.5% 0593-5530106 G235 PPP",
	} {
		f.Add(s)
	}
	set, err := render.Bundled()
	if err != nil {
		f.Fatal(err)
	}
	roles := []string{"title", "body", "heading1", "heading2", "heading3", "addressee", "body", "signature", "date"}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4000 {
			return
		}
		var blocks []Block
		for i, p := range strings.Split(text, "\n") {
			blocks = append(blocks, Block{Role: roles[i%len(roles)], Text: p})
		}
		lay := Default()
		doc, err := Typeset(blocks, Header{Mark: "某某文件", DocNumber: "某〔2025〕1号"}, Colophon{CC: "某某", Printer: "某某办公室", PrintDate: "2025年1月1日"}, lay, set)
		var missing *MissingGlyphError
		if errors.As(err, &missing) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		for _, p := range doc.Pages {
			for _, l := range p.Lines {
				if l.Para < 0 || len(l.Glyphs) == 0 {
					continue
				}
				got.WriteString(l.Text())
				last := l.Glyphs[len(l.Glyphs)-1]
				if l.Role != "title" && (l.Glyphs[0].X < lay.Left-0.01 || last.X+last.Adv > lay.Left+lay.AreaWidth+0.01) {
					t.Errorf("line %q spans %.2f–%.2f mm", l.Text(), l.Glyphs[0].X, last.X+last.Adv)
				}
			}
		}
		var want strings.Builder
		for _, b := range blocks {
			if strings.TrimSpace(b.Text) != "" && b.Role != "signature" && b.Role != "date" {
				want.WriteString(b.Text)
			}
		}
		// The same characters; not always in the source's order: a title
		// goes above the text, what follows the date stays below it.
		if g, w := []rune(got.String()), []rune(want.String()); !slices.Equal(sorted(g), sorted(w)) {
			t.Errorf("set text %q, want the characters of %q", string(g), string(w))
		}
	})
}

func sorted(rs []rune) []rune {
	slices.Sort(rs)
	return rs
}
