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
	lay := typeset.Default()
	data := layoutJSON
	if path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return lay, diag.Errorf(path, "无法读取版式模板")
		}
	}
	if err := json.Unmarshal(data, &lay); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return lay, diag.Errorf(path, "版式模板的 %q 类型不对", te.Field)
		}
		return lay, diag.Errorf(path, "版式模板不是有效的 JSON")
	}
	if lay.Lines < 1 || lay.Chars < 1 || lay.AreaWidth <= 0 || lay.AreaHeight <= 0 || lay.Body.Size <= 0 {
		return lay, diag.Errorf(path, "版式模板的版心、行数或字号不合理")
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
