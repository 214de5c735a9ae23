// Package templates holds the layout template of the notice PDF (GB/T 9704
// in figures, gbt9704.json) and the text template that writes a notice's
// narrative from data that has none (notice.tmpl), embedded.
package templates

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"text/template"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
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

// noticeTemplate is notice.tmpl parsed once, when first needed (not at
// start-up: most commands never write text).
var noticeTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("notice.tmpl").Funcs(template.FuncMap{
		"date":        notice.ChineseDate,
		"statuses":    func() []string { return notice.Statuses },
		"statusLabel": func(st string) string { return notice.StatusLabel[st] },
		"keys": func(m map[string]int) []string {
			ks := make([]string, 0, len(m))
			for k := range m {
				ks = append(ks, k)
			}
			sort.Strings(ks)
			return ks
		},
	}).Parse(noticeTmpl))
})

func execute(name string, n *notice.Notice) (string, error) {
	var buf bytes.Buffer
	if err := noticeTemplate().ExecuteTemplate(&buf, name, n); err != nil {
		return "", fmt.Errorf("通报文字模板出错（%s）：%v", name, err)
	}
	return strings.TrimSpace(buf.String()), nil
}

// WithText returns the notice with its facts in words: a narrative from
// notice.tmpl when it has none of its own (as from a ledger), and, for a
// narrative that leaves some unsaid, a sentence for each of the inspection,
// the stated totals, the accountability figures, the contact, and a part
// for the pending items. A fact the narrative already states the way the
// data has it is not repeated, so text read from a notice comes back as it
// was. n itself is not changed.
func WithText(n *notice.Notice) (*notice.Notice, error) {
	c := *n
	c.Sections = append([]notice.Section(nil), n.Sections...)
	c.Categories = append([]notice.Category(nil), n.Categories...)
	c.Closing = append([]string(nil), n.Closing...)
	if len(n.Sections) == 0 && n.Preamble == "" {
		text, err := execute("notice", n)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(text, "\n") {
			kind, rest, _ := strings.Cut(line, " ")
			switch kind {
			case "PREAMBLE":
				c.Preamble = rest
			case "ISSUES", "PENDING":
				sec := notice.Section{Number: len(c.Sections) + 1, Title: rest, Kind: notice.SectionIssues}
				if kind == "PENDING" {
					sec.Kind = notice.SectionPending
				}
				c.Sections = append(c.Sections, sec)
			case "CLOSING":
				c.Closing = append(c.Closing, rest)
			default:
				if strings.TrimSpace(line) != "" && c.Title == "" {
					c.Title = strings.TrimSpace(line)
				}
			}
		}
	}
	have := textnotice.NarrativeFacts(&c)
	if n.Inspection != nil && !reflect.DeepEqual(have.Inspection, n.Inspection) {
		s, err := execute("inspection", n)
		if err != nil {
			return nil, err
		}
		c.Preamble = joinPara(s, c.Preamble)
	}
	if (len(n.Stated) > 0 || n.StatedRate != 0) && (!sameCounts(have.Stated, n.Stated) || have.StatedRate != n.StatedRate) {
		s, err := execute("stated", n)
		if err != nil {
			return nil, err
		}
		c.Preamble = joinPara(c.Preamble, s)
	}
	if a := n.Accountability; a != nil && (have.Accountability == nil || have.Accountability.Total != a.Total ||
		!sameCounts(have.Accountability.Measures, a.Measures) || !sameCounts(have.Accountability.Ranks, a.Ranks)) {
		s, err := execute("accountability", n)
		if err != nil {
			return nil, err
		}
		insertSection(&c, notice.Section{Title: "问责情况", Paragraphs: []string{s}})
	}
	if len(n.Pending) > 0 && !hasKind(c.Sections, notice.SectionPending) {
		insertSection(&c, notice.Section{Title: "需要进一步整改的事项", Kind: notice.SectionPending})
	}
	if n.Contact != nil && (have.Contact == nil || *have.Contact != *n.Contact) {
		s, err := execute("contact", n)
		if err != nil {
			return nil, err
		}
		c.Closing = append(c.Closing, s)
	}
	return &c, nil
}

func joinPara(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "\n" + b
}

// sameCounts compares two count maps, nil and empty alike.
func sameCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func hasKind(ss []notice.Section, kind string) bool {
	for _, s := range ss {
		if s.Kind == kind {
			return true
		}
	}
	return false
}

// insertSection adds a level-1 part at the end, or before the pending items
// when they close the notice, renumbering the parts after it.
func insertSection(c *notice.Notice, sec notice.Section) {
	at := len(c.Sections)
	if sec.Kind != notice.SectionPending && at > 0 && c.Sections[at-1].Kind == notice.SectionPending {
		at--
	}
	sec.Number = 1
	if at > 0 {
		sec.Number = c.Sections[at-1].Number + 1
	}
	c.Sections = append(c.Sections[:at], append([]notice.Section{sec}, c.Sections[at:]...)...)
	for i := at + 1; i < len(c.Sections); i++ {
		old := c.Sections[i].Number
		c.Sections[i].Number = c.Sections[i-1].Number + 1
		for ci := range c.Categories {
			if c.Categories[ci].Section == old {
				c.Categories[ci].Section = c.Sections[i].Number
			}
		}
	}
}
