package pdftext

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// producerNotices is the 29-page corpus notice as every producer made it,
// and the corpus PDF itself.
func producerNotices(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("../../testdata/pdf/*_notice-2025-extracted.pdf")
	files = append(files, "../../testdata/corpus/notice-2025-libreoffice.pdf")
	if len(files) < 5 {
		t.Fatalf("only %d sample PDFs", len(files))
	}
	return files
}

// TestLibraryReadsProducers: the mandated library, not our own object
// layer, reads the PDFs of every producer we have (a routing mistake would
// silently read them all with ours), with the same text.
func TestLibraryReadsProducers(t *testing.T) {
	for _, f := range producerNotices(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, ok := libDoc(data, newGuard(context.Background()))
		if !ok {
			t.Errorf("%s: routed away from the library", f)
			continue
		}
		lib, err, ok := readWithLib(d)
		if !ok || err != nil {
			t.Errorf("%s: the library failed (%v)", f, err)
			continue
		}
		own := readPages(newDoc(data, newGuard(context.Background()), ""))
		if a, b := pageText(lib), pageText(own); a != b {
			t.Errorf("%s: the library's objects give other text than ours:\n%.200q\n%.200q", f, a, b)
		}
	}
}

func pageText(pages []Page) string {
	var s []rune
	for _, p := range pages {
		for _, g := range p.Glyphs {
			s = append(s, []rune(g.Text)...)
		}
		s = append(s, '\f')
	}
	return string(s)
}

// TestPrevLoop: a cross-reference whose /Prev points at itself (the library
// would follow it forever) is read by our own layer, quickly.
func TestPrevLoop(t *testing.T) {
	data := string(pdfOf([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream("BT /F1 12 Tf 72 720 Td (loop) Tj ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}))
	i := strings.LastIndex(data, "startxref")
	off := strings.TrimSpace(strings.Fields(data[i+len("startxref"):])[0])
	data = strings.Replace(data, "trailer\n<<", "trailer\n<< /Prev "+off, 1)
	if !strings.Contains(data, "/Prev") {
		t.Fatal("no trailer to loop")
	}
	start := time.Now()
	pages, err := Pages(context.Background(), []byte(data), Options{Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %v: the /Prev loop was followed until the time was up", took)
	}
	if got := pageText(pages); got != "loop\f" {
		t.Errorf("text %q", got)
	}
}

// TestForgedTableSizes: the library allocates its cross-reference table from
// the file's numbers before checking them; a forged subsection start or /Size
// would exhaust memory (a fatal error, not a panic). Such files go to our
// own layer, which bounds them, and the page is still read.
func TestForgedTableSizes(t *testing.T) {
	base := string(pdfOf([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream("BT /F1 12 Tf 72 720 Td (forged) Tj ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}))
	if !libSizesBounded([]byte(base)) {
		t.Fatal("an honest file is refused the library")
	}
	for name, forged := range map[string]string{
		"subsection start": strings.Replace(base, "xref\n0 6\n", "xref\n0 6\n4000000000 1\n0000000009 00000 n \n", 1),
		"trailer /Size":    strings.Replace(base, "/Size 6", "/Size 900000000000", 1),
	} {
		if forged == base {
			t.Fatalf("%s: nothing forged", name)
		}
		if libSizesBounded([]byte(forged)) {
			t.Errorf("%s: handed to the library", name)
		}
		pages, err := Pages(context.Background(), []byte(forged), Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := pageText(pages); got != "forged\f" {
			t.Errorf("%s: text %q", name, got)
		}
	}
}

// TestXrefStreamSelfReference: a cross-reference stream whose entries put
// object 2 in object stream 2 (itself) and objects 3 and 4 in each other,
// with no /ObjStm anywhere. The library resolves such entries by recursion
// without a check and overflowed the stack (a fatal error, found by
// FuzzRead as a worker that "terminated unexpectedly"); the file must be an
// error like any other damaged file.
func TestXrefStreamSelfReference(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	off1 := b.Len()
	b.WriteString("1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Extra 3 0 R >>\nendobj\n")
	off6 := b.Len()
	entry := func(typ byte, f2 int, f3 byte) []byte { return []byte{typ, byte(f2 >> 8), byte(f2), f3} }
	var x []byte
	x = append(x, entry(0, 0, 0xff)...)
	x = append(x, entry(1, off1, 0)...)
	x = append(x, entry(2, 2, 0)...) // object 2 in object stream 2
	x = append(x, entry(2, 4, 0)...) // 3 in 4 …
	x = append(x, entry(2, 3, 0)...) // … and 4 in 3
	x = append(x, entry(0, 0, 0)...)
	x = append(x, entry(1, off6, 0)...)
	fmt.Fprintf(&b, "6 0 obj\n<< /Type /XRef /Size 7 /W [1 2 1] /Root 1 0 R /Length %d >>\nstream\n", len(x))
	b.Write(x)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", off6)
	_, err := Read(context.Background(), b.Bytes(), Options{Timeout: 5 * time.Second})
	if err == nil {
		t.Fatal("a cross-reference stream whose objects live in themselves was read without an error")
	}
	t.Log(err)
}
