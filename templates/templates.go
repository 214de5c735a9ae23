// Package templates holds the layout template of the notice PDF (GB/T 9704
// in figures, gbt9704.json) and the text template that writes a notice's
// narrative from data that has none (notice.tmpl), embedded.
package templates

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"text/template"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/typeset"
)

//go:embed gbt9704.json
var layoutJSON []byte

//go:embed notice.tmpl
var noticeTmpl string

// Layout reads a layout template: the embedded GB/T 9704 one when path is
// empty. Keys a user's template leaves out keep the standard's figures.
func Layout(path string) (typeset.Layout, error) {
	data := layoutJSON
	if path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return typeset.Default(), diag.Errorf(path, "无法读取版式模板")
		}
	}
	return ParseLayout(data, path)
}

// ParseLayout reads a layout template's JSON; name is the file it came from,
// for messages. Figures outside what a page can hold are refused.
func ParseLayout(data []byte, name string) (typeset.Layout, error) {
	lay := typeset.Default()
	if err := json.Unmarshal(data, &lay); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return lay, diag.Errorf(name, "版式模板的 %q 类型不对", te.Field)
		}
		return lay, diag.Errorf(name, "版式模板不是有效的 JSON")
	}
	in := func(v, lo, hi float64) bool { return v >= lo && v <= hi } // also false for NaN
	if lay.Lines < 1 || lay.Lines > 100 || lay.Chars < 1 || lay.Chars > 100 ||
		!in(lay.PageWidth, 50, 2000) || !in(lay.PageHeight, 50, 2000) ||
		!in(lay.AreaWidth, 10, lay.PageWidth) || !in(lay.AreaHeight, 10, lay.PageHeight) ||
		!in(lay.Top, 0, lay.PageHeight-lay.AreaHeight) || !in(lay.Left, 0, lay.PageWidth-lay.AreaWidth) ||
		!in(lay.FolioOffset, 0, 100) || !in(lay.MarkTop, 0, lay.AreaHeight) || !in(lay.RuleGap, 0, 100) {
		return lay, diag.Errorf(name, "版式模板的页面、版心、行数或字数不合理")
	}
	faces := map[typeset.Face]bool{typeset.FaceTitle: true, typeset.FaceHei: true, typeset.FaceKai: true, typeset.FaceFang: true, typeset.FaceSong: true}
	for key, el := range map[string]typeset.Element{"title": lay.Title, "body": lay.Body, "heading1": lay.Heading1, "heading2": lay.Heading2,
		"folio": lay.Folio, "mark": lay.Mark, "doc_number": lay.DocNumber, "colophon": lay.Colophon} {
		if !in(el.Size, 4, 100) {
			return lay, diag.Errorf(name, "版式模板中 %s 的字号 %g 不合理（应在 4 到 100 磅之间）", key, el.Size)
		}
		if !faces[el.Face] {
			return lay, diag.Errorf(name, "版式模板中 %s 的字体 %q 不认识（可用 title、hei、kai、fang、song）", key, el.Face)
		}
	}
	return lay, nil
}

// WithText returns the notice with a narrative written from notice.tmpl when
// it has none of its own (no sections and no preamble, as from a ledger).
func WithText(n *notice.Notice) (*notice.Notice, error) {
	if len(n.Sections) > 0 || n.Preamble != "" {
		return n, nil
	}
	t, err := template.New("notice").Parse(noticeTmpl)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, n); err != nil {
		return nil, err
	}
	c := *n
	num := 0
	for _, line := range strings.Split(buf.String(), "\n") {
		kind, text, _ := strings.Cut(line, " ")
		switch kind {
		case "PREAMBLE":
			c.Preamble = text
		case "ISSUES", "PENDING":
			num++
			sec := notice.Section{Number: num, Title: strings.TrimPrefix(text, notice.CNNumeral(num)+"、"), Kind: notice.SectionIssues}
			if kind == "PENDING" {
				sec.Kind = notice.SectionPending
			}
			c.Sections = append(c.Sections, sec)
		case "CLOSING":
			c.Closing = append(c.Closing, text)
		default:
			if strings.TrimSpace(line) != "" && c.Title == "" {
				c.Title = strings.TrimSpace(line)
			}
		}
	}
	return &c, nil
}
