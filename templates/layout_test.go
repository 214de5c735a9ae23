package templates

import (
	"os"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/render"
	"github.com/rectify/rectify/internal/typeset"
)

// TestLayoutTemplate: the shipped template is the standard's figures, keys
// left out keep them, and impossible figures are refused with a message
// naming the file.
func TestLayoutTemplate(t *testing.T) {
	lay, err := Layout("")
	if err != nil || lay != typeset.Default() {
		t.Fatalf("gbt9704.json differs from typeset.Default(): %v", err)
	}
	lay, err = ParseLayout([]byte(`{"lines": 20, "body": {"face": "fang", "size": 15}}`), "my.json")
	if err != nil || lay.Lines != 20 || lay.Chars != 28 || lay.Body.Size != 15 {
		t.Errorf("partial template: %+v %v", lay, err)
	}
	for _, bad := range []string{`{"lines": 0}`, `{"chars": 100000}`, `{"area_width": 400}`, `{"title": {"face": "title", "size": 0}}`,
		`{"body": {"face": "comic", "size": 16}}`, `{"top": -5}`, `{"lines": "22"}`, `{`} {
		if _, err := ParseLayout([]byte(bad), "my.json"); err == nil || !strings.Contains(err.Error(), "my.json") {
			t.Errorf("%s: want an error naming my.json, got %v", bad, err)
		}
	}
	if _, err := Layout("/nonexistent/layout.json"); err == nil {
		t.Errorf("a missing template is not an error")
	}
}

// FuzzParseLayout: any template either is refused or lays out a notice
// without panic.
func FuzzParseLayout(f *testing.F) {
	data, _ := os.ReadFile("gbt9704.json")
	f.Add(data)
	f.Add([]byte(`{"lines": 1, "chars": 1, "title": {"face": "song", "size": 100}}`))
	f.Add([]byte(`{"page_width": 50, "page_height": 50, "area_width": 10, "area_height": 10, "lines": 100, "chars": 100}`))
	f.Add([]byte(`{"body": {"face": "kai", "size": 4}, "folio_offset": 100}`))
	set, err := render.Bundled()
	if err != nil {
		f.Fatal(err)
	}
	blocks := []typeset.Block{{Role: "title", Text: "某某县委员会关于巡察整改进展情况的通报"}, {Role: "heading1", Text: "一、整改情况"},
		{Role: "body", Text: "按照要求，2024年5月13日，电子邮箱：abc@163.com，“当下改”（已完成）。"}, {Role: "signature", Text: "某某县委员会"}, {Role: "date", Text: "2025年1月1日"}}
	f.Fuzz(func(t *testing.T, data []byte) {
		lay, err := ParseLayout(data, "fuzz.json")
		if err != nil {
			return
		}
		doc, err := typeset.Typeset(blocks, typeset.Header{Mark: "某某文件", DocNumber: "某〔2025〕1号"}, typeset.Colophon{CC: "某", Printer: "某办公室", PrintDate: "2025年1月1日"}, lay, set)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Pages) == 0 || len(doc.Pages) > 200 {
			t.Errorf("%d pages for a short notice", len(doc.Pages))
		}
	})
}
