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
