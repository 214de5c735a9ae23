package pdftext

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil"
)

// withoutSources is the notice without the places facts were read from
// (a PDF's table says 第1页表格, a sheet its name).
func withoutSources(t *testing.T, n *notice.Notice) map[string]any {
	t.Helper()
	testutil.StripSources(n)
	data, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func readGolden(t *testing.T, path string) *notice.Notice {
	t.Helper()
	n, err := notice.Unmarshal(mustRead(t, path))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestTables: ruled tables in PDFs (testdata/pdf-tables/make.sh) read as
// the same data as the files they were printed from, whose goldens are
// hand-checked: a notice whose issue list is a Word table (exported by
// LibreOffice Writer), and the corpus ledger printed by LibreOffice Calc on
// nine landscape pages, its merged category cells cut by page breaks.
func TestTables(t *testing.T) {
	for pdf, golden := range map[string]string{
		"libreoffice-notice.pdf": "../../testdata/docx/table.golden.json",
		"calc-ledger.pdf":        "../../testdata/corpus/ledger-2025.golden.json",
		// The same turned a quarter on portrait pages, shown with /Rotate 90.
		"gs-rotated-ledger.pdf": "../../testdata/corpus/ledger-2025.golden.json",
	} {
		got, err := Read(context.Background(), mustRead(t, "../../testdata/pdf-tables/"+pdf), Options{})
		if err != nil {
			t.Fatalf("%s: %v", pdf, err)
		}
		g, w := withoutSources(t, got), withoutSources(t, readGolden(t, golden))
		if !reflect.DeepEqual(g, w) {
			for k := range w {
				if !reflect.DeepEqual(g[k], w[k]) {
					t.Errorf("%s: %s differs from %s", pdf, k, golden)
				}
			}
			for k := range g {
				if _, ok := w[k]; !ok {
					t.Errorf("%s: has %s, which %s has not", pdf, k, golden)
				}
			}
		}
	}
}

// TestUnruledTables: the notice of ../docx/table.docx with its issue list
// set as a three-line table and as a borderless one (pdf-tables/unruled.py,
// exported by Writer) reads as the .docx's hand-checked data, but for one
// cell: the .docx merges the last two rows' 责任人 (陈建), and without rules
// between the rows a merged cell cannot be told from an empty one below a
// full one, so the last issue has no one responsible.
func TestUnruledTables(t *testing.T) {
	want := readGolden(t, "../../testdata/docx/table.golden.json")
	last := want.Issues()[len(want.Issues())-1]
	if last.Responsible == nil || last.Responsible.Person != "陈建" {
		t.Fatalf("the golden's last issue: responsible %+v, want 陈建 (merged)", last.Responsible)
	}
	last.Responsible = nil
	for _, pdf := range []string{"writer-threeline.pdf", "writer-borderless.pdf"} {
		got, err := Read(context.Background(), mustRead(t, "../../testdata/pdf-tables/"+pdf), Options{})
		if err != nil {
			t.Fatalf("%s: %v", pdf, err)
		}
		g, w := withoutSources(t, got), withoutSources(t, want)
		for k := range w {
			if !reflect.DeepEqual(g[k], w[k]) {
				t.Errorf("%s: %s = %v\nwant %v", pdf, k, g[k], w[k])
			}
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				t.Errorf("%s: has %s, which the .docx has not", pdf, k)
			}
		}
	}
}

// TestChromiumLedger: ledger.html printed by Chromium on two landscape
// pages, the header repeated on the second and merged category cells,
// checked against the page by hand; ruled, without any borders (its cells
// set at the top), and as a three-line table with its cells centred (a
// category's text in the middle of the rows it spans).
func TestChromiumLedger(t *testing.T) {
	for _, pdf := range []string{"chromium-ledger.pdf", "chromium-borderless-ledger.pdf", "chromium-borderless-centred-ledger.pdf", "chromium-threeline-ledger.pdf"} {
		t.Run(pdf, func(t *testing.T) { chromiumLedger(t, pdf) })
	}
}

func chromiumLedger(t *testing.T, pdf string) {
	n, err := Read(context.Background(), mustRead(t, "../../testdata/pdf-tables/"+pdf), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n.Issuer != "青山镇党委" || n.Date != "2025-11-20" {
		t.Errorf("issuer, date = %q, %q; want 青山镇党委, 2025-11-20 (the 填报 line above the table)", n.Issuer, n.Date)
	}
	type row struct {
		category, title, status string
		actions                 int
		deadline, leader, unit  string
	}
	want := []row{
		{"政治建设方面", "学习贯彻党的二十届三中全会精神不深入", notice.Completed, 2, "2025-06-30", "李明", "党政办"},
		{"政治建设方面", "意识形态工作责任制落实不到位", notice.Completed, 2, "长期坚持", "李明", "宣传办"},
		{"政治建设方面", "落实上级决策部署有温差", notice.Completed, 1, "2025-09-30", "王芳", "党政办"},
		{"全面从严治党方面", "“一岗双责”履行不到位", notice.Completed, 2, "2025-07-31", "张强", "纪委"},
		{"全面从严治党方面", "村级财务管理不规范", notice.InProgress, 3, "2025-12-31", "张强", "财政所"},
		{"全面从严治党方面", "工程项目监管存在漏洞", notice.Completed, 1, "2025-10-31", "赵刚", "建设办"},
		{"全面从严治党方面", "公务接待不规范", notice.Completed, 1, "立行立改", "王芳", "党政办"},
		{"基层党组织建设方面", "软弱涣散村党组织整顿不彻底", notice.InProgress, 2, "2026-03-31", "陈静", "组织办"},
		{"基层党组织建设方面", "“三会一课”记录不规范", notice.Completed, 1, "2025-08-31", "陈静", "组织办"},
		{"基层党组织建设方面", "发展党员工作程序不严", notice.Completed, 1, "2025-09-30", "陈静", "组织办"},
		{"基层党组织建设方面", "党员教育管理不到位", notice.BasicallyCompleted, 1, "2025-12-31", "陈静", "组织办"},
	}
	var got []row
	for _, c := range n.Categories {
		for _, is := range c.Issues {
			r := row{category: c.Title, title: is.Title, status: is.Status, actions: len(is.Actions), deadline: is.Deadline}
			if is.Responsible != nil {
				r.leader, r.unit = is.Responsible.Leader, is.Responsible.Unit
			}
			got = append(got, r)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("issues:\n got %+v\nwant %+v", got, want)
	}
	// Places as the pages show them: the first issue under the header on
	// page 1, the last on page 2 under the repeated header and three rows.
	issues := n.Issues()
	for _, c := range []struct {
		i    int
		want notice.Source
	}{{0, notice.Source{Page: 1, Row: 2}}, {7, notice.Source{Page: 2, Row: 2}}, {10, notice.Source{Page: 2, Row: 5}}} {
		if s := issues[c.i].Source; s == nil || *s != c.want {
			t.Errorf("issue %d source = %+v, want %+v", issues[c.i].Number, s, c.want)
		}
	}
}

// FuzzTables: any lines and glyphs on pages give tables (or none) without a
// panic: each 5 bytes are a rule (kind, x, y, length) or a glyph.
func FuzzTables(f *testing.F) {
	f.Add([]byte{0, 10, 100, 80, 0, 0, 10, 90, 80, 0, 0, 10, 80, 80, 0, 1, 10, 80, 20, 0, 1, 50, 80, 20, 0, 1, 90, 80, 20, 0, 2, 20, 95, 0, 0, 2, 60, 85, 0, 0, 3, 0, 0, 0, 0})
	// A three-line table: rules above, under the headings and below;
	// headings 序号 问题 整改措施 已完成 apart, two numbered rows.
	threeLine := []byte{0, 5, 220, 200, 0, 0, 5, 205, 200, 0, 0, 5, 150, 200, 0,
		2, 10, 210, 0, 0, 2, 60, 210, 0, 1, 2, 110, 210, 0, 2, 2, 160, 210, 0, 3,
		2, 10, 190, 0, 4, 2, 60, 190, 0, 1, 2, 110, 190, 0, 2, 2, 160, 190, 0, 3,
		2, 10, 170, 0, 4, 2, 60, 170, 0, 1, 2, 110, 170, 0, 5, 2, 160, 170, 0, 3}
	f.Add(threeLine)
	// The same without its rules: a borderless table.
	f.Add(threeLine[15:])
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 5*2000 {
			return
		}
		var pages []Page
		p := Page{Number: 1, Width: 300, Height: 300}
		texts := []string{"序号", "问题", "整改措施", "已完成", "1", "2025年6月30日", "一、", ""}
		for i := 0; i+5 <= len(data); i += 5 {
			k, x, y, l, s := data[i]%4, float64(data[i+1]), float64(data[i+2]), float64(data[i+3]), data[i+4]
			switch k {
			case 0:
				p.Rules = append(p.Rules, Rule{x, y, x + l, y})
			case 1:
				p.Rules = append(p.Rules, Rule{x, y, x, y + l})
			case 2:
				p.Glyphs = append(p.Glyphs, Glyph{Text: texts[int(s)%len(texts)], X: x, Y: y, W: 5, Size: 5})
			case 3:
				pages = append(pages, p)
				p = Page{Number: p.Number + 1, Width: 300, Height: 300}
			}
		}
		pages = append(pages, p)
		for _, lt := range takeLedgerTables(pages) {
			asLedger(pages, lt)
		}
	})
}
