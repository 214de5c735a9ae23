package pdftext

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil/golden"
	"github.com/rectify/rectify/internal/textnotice"
)

func mustRead(t testing.TB, p string) []byte {
	t.Helper()
	d, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// comparable drops what differs by nature between sources: where each issue
// stood, and the recorded numbering style.
func comparable(t testing.TB, n *notice.Notice) string {
	t.Helper()
	for _, is := range n.Issues() {
		is.Source = nil
	}
	n.Style = nil
	b, err := notice.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestProducers: PDFs of our notices made by real producers give the same
// data as the notices' text: structure, titles, statuses, every action's
// exact text.
func TestProducers(t *testing.T) {
	cases := []struct{ pdf, text string }{
		{"libreoffice-flat-labels.pdf", "scheme-flat-labels.lines.txt"},
		{"chromium-mixed-status.pdf", "scheme-mixed-status.txt"},
		{"chromium-aspects-truetype.pdf", "scheme-aspects.txt"},
		{"rectify-aspects.pdf", "scheme-aspects.txt"},
		{"gbk-euc-h-aspects.pdf", "scheme-aspects.txt"},
		{"aes256-owner-only.pdf", "scheme-flat-labels.lines.txt"},
	}
	for _, c := range cases {
		t.Run(c.pdf, func(t *testing.T) {
			got, err := Read(context.Background(), mustRead(t, "../../testdata/pdf/"+c.pdf), Options{})
			if err != nil {
				t.Fatal(err)
			}
			want, err := textnotice.Read(mustRead(t, "../../testdata/notices/"+c.text))
			if err != nil {
				t.Fatal(err)
			}
			goldenJSON(t, "../../testdata/pdf/"+strings.TrimSuffix(c.pdf, ".pdf")+".golden.json", got)
			if g, w := comparable(t, got), comparable(t, want); g != w {
				t.Errorf("PDF and text differ:\n%s", lineDiff(g, w))
			}
		})
	}
}

func lineDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			out = append(out, "pdf:  "+x, "text: "+y)
			if len(out) > 12 {
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

func goldenJSON(t *testing.T, path string, n *notice.Notice) {
	t.Helper()
	b, err := notice.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, path, b)
}

// TestCorpusPDF: the corpus PDF gives the corpus text's data. The PDF was
// made from a slightly different version of the text: five actions differ
// in the PDF itself (a missing ，or 、, no space in two joint documents'
// names; poppler's pdftotext reads them the same way). Everything else is
// identical.
func TestCorpusPDF(t *testing.T) {
	got, err := Read(context.Background(), mustRead(t, "../../testdata/corpus/notice-2025-libreoffice.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	goldenJSON(t, "../../testdata/corpus/notice-2025-libreoffice.golden.json", got)
	want, err := textnotice.Read(mustRead(t, "../../testdata/corpus/notice-2025-extracted.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Categories) != 21 || len(got.Issues()) != 63 {
		t.Fatalf("%d categories, %d issues", len(got.Categories), len(got.Issues()))
	}
	// What the PDF itself says where it differs from the text file.
	inPDF := map[string]string{
		"全面摸排园区闲置土地、厂房，并形成台账。":     "全面摸排园区闲置土地、厂房并形成台账。",
		"宁德市商务局 宁德市科学技术局 宁德市生态环境局": "宁德市商务局宁德市科学技术局宁德市生态环境局",
		"中共寿宁县委办公室 寿宁县人民政府办公室":     "中共寿宁县委办公室寿宁县人民政府办公室",
		"中共寿宁县纪律检查委员会 寿宁县监察委员会":    "中共寿宁县纪律检查委员会寿宁县监察委员会",
		"寿宁县金朝模具材料有限公司、寿宁县春权":      "寿宁县金朝模具材料有限公司寿宁县春权",
	}
	adjusted := 0
	for _, is := range want.Issues() {
		for ai := range is.Actions {
			for from, to := range inPDF {
				if strings.Contains(is.Actions[ai].Text, from) {
					is.Actions[ai].Text = strings.Replace(is.Actions[ai].Text, from, to, 1)
					adjusted++
				}
			}
		}
	}
	if adjusted != len(inPDF) {
		t.Fatalf("adjusted %d actions, want %d", adjusted, len(inPDF))
	}
	for _, n := range []*notice.Notice{got, want} {
		for _, is := range n.Issues() {
			for ai := range is.Actions {
				is.Actions[ai].Dates = nil
			}
		}
	}
	if g, w := comparable(t, got), comparable(t, want); g != w {
		t.Errorf("corpus PDF and text differ beyond the PDF's own differences:\n%s", lineDiff(g, w))
	}
}

func TestBadPDFs(t *testing.T) {
	_, err := Read(context.Background(), mustRead(t, "../../testdata/pdf/aes256-user-password.pdf"), Options{})
	if !errors.Is(err, diag.ErrNeedPassword) || !strings.Contains(err.Error(), "--password") {
		t.Errorf("user password: %v", err)
	}
	if _, err := Read(context.Background(), mustRead(t, "../../testdata/pdf/aes256-user-password.pdf"), Options{Password: "user-secret"}); err != nil {
		t.Errorf("with the password: %v", err)
	}
	if _, err := Read(context.Background(), mustRead(t, "../../testdata/pdf/aes256-user-password.pdf"), Options{Password: "wrong"}); !errors.Is(err, diag.ErrNeedPassword) {
		t.Errorf("wrong password: %v", err)
	}
	if _, err := Read(context.Background(), mustRead(t, "../../testdata/pdf/scanned.pdf"), Options{}); !errors.Is(err, ErrNoText) {
		t.Errorf("scanned: %v", err)
	}
	full := mustRead(t, "../../testdata/pdf/rectify-aspects.pdf")
	for _, cut := range []int{100, len(full) / 3, len(full) - 200} {
		if _, err := Read(context.Background(), full[:cut], Options{}); err == nil {
			t.Errorf("truncated at %d: no error", cut)
		}
	}
	// A /Size far beyond the objects is harmless: nothing is allocated by it.
	huge := bytes.Replace(mustRead(t, "../../testdata/pdf/gbk-euc-h-aspects.pdf"), []byte("/Size "), []byte("/Size 999999999"), 1)
	if n, err := Read(context.Background(), huge, Options{}); err != nil || len(n.Issues()) == 0 {
		t.Errorf("huge /Size: %v", err)
	}
}

func TestLexerEnds(t *testing.T) {
	// Unterminated strings and arrays, stray delimiters: every call ends.
	for _, s := range []string{"<48656c", "(abc", "[1 2 (x", "<< /A", ">>>>", "BI /W 1 ID xxxx", "%comment", "\\"} {
		n := 0
		ops(nil, []byte(s+" Tj"), func(op string, a []operand) { n++ })
		_ = n
	}
}

func FuzzRead(f *testing.F) {
	f.Add(mustRead(f, "../../testdata/pdf/gbk-euc-h-aspects.pdf"))
	f.Add(mustRead(f, "../../testdata/pdf/scanned.pdf"))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj trailer << /Root 1 0 R /Size 2 >>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Read(context.Background(), data, Options{Timeout: 5e9})
	})
}

func FuzzContent(f *testing.F) {
	f.Add([]byte("BT /F1 16 Tf 10 10 Td <c4e3bac3> Tj ET"))
	f.Add([]byte("q 1 0 0 1 0 0 cm BT [(a) -20 (b)] TJ ET Q"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ops(nil, data, func(op string, a []operand) {})
		parseCMap(nil, data)
	})
}

func BenchmarkReadCorpusPDF(b *testing.B) {
	data := mustRead(b, "../../testdata/corpus/notice-2025-libreoffice.pdf")
	for b.Loop() {
		if _, err := Read(context.Background(), data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
