package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
	"github.com/rectify/rectify/internal/typeset"
)

// Testdata is the repository's testdata folder, wherever the test runs.
func Testdata(parts ...string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(append([]string{filepath.Dir(file), "..", "..", "testdata"}, parts...)...)
}

// CorpusNotice reads the corpus notice's text.
func CorpusNotice(t testing.TB) *notice.Notice {
	t.Helper()
	return ReadNotice(t, Testdata("corpus", "notice-2025-extracted.txt"))
}

// ReadNotice reads a notice from a text file.
func ReadNotice(t testing.TB, path string) *notice.Notice {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := textnotice.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Blocks gives a notice's paragraphs as the typesetter takes them.
func Blocks(n *notice.Notice) []typeset.Block {
	var blocks []typeset.Block
	for _, b := range textnotice.Blocks(n) {
		blocks = append(blocks, typeset.Block{Role: b.Role, Text: b.Text})
	}
	return blocks
}

// A Variant is one way the layout tests set each notice.
type Variant struct {
	Name     string
	Header   typeset.Header
	Colophon typeset.Colophon
}

// Variants are the two: plain, and with a 版头 (issuer's mark, document
// number) and a 版记 (抄送, printer, print date).
func Variants() []Variant {
	return []Variant{
		{"plain", typeset.Header{}, typeset.Colophon{}},
		{"版头版记", typeset.Header{Mark: "寿宁工业园区管理委员会文件", DocNumber: "寿工管委〔2025〕4号"},
			typeset.Colophon{CC: "县委巡察办，县纪委监委", Printer: "寿宁工业园区管理委员会办公室", PrintDate: "2025年6月24日"}},
	}
}

// StripSources drops where each fact was read (a source's page and line, a
// sheet's row), which differs between two files of the same notice.
func StripSources(n *notice.Notice) {
	for _, is := range n.Issues() {
		is.Source = nil
	}
	for i := range n.Unplaced {
		n.Unplaced[i].Source = nil
	}
}
