package xlsxzip

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPartsReadBack: parts of every size around the block boundaries, of
// text that compresses and of bytes that do not, read back byte for byte by
// archive/zip (which also checks each part's CRC and sizes).
func TestPartsReadBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 3*blockSize+17)
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	text := bytes.Repeat([]byte(`<row r="1"><c r="A1" t="inlineStr"><is><t>整改措施</t></is></c></row>`), 3*blockSize/60)
	parts := map[string][]byte{}
	for _, n := range []int{0, 1, 100, blockSize - 1, blockSize, blockSize + 1, 2*blockSize + 5, len(text)} {
		parts[fmt.Sprintf("text/%d.xml", n)] = text[:min(n, len(text))]
		parts[fmt.Sprintf("noise/%d.bin", n)] = noise[:min(n, len(noise))]
	}
	parts["xl/名字.xml"] = []byte("非 ASCII 的名字")
	var buf bytes.Buffer
	w := New(&buf)
	for name, data := range parts {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(name, "noise/") {
			// Read from a file-like reader, as io.Copy does from
			// excelize's temporary file of a streamed sheet.
			if _, err := io.Copy(f, io.NewSectionReader(bytes.NewReader(data), 0, int64(len(data)))); err != nil {
				t.Fatal(err)
			}
			continue
		}
		// Written in uneven pieces, as excelize does.
		for rest := data; len(rest) > 0; {
			k := min(len(rest), 1+rng.IntN(100000))
			if _, err := f.Write(rest[:k]); err != nil {
				t.Fatal(err)
			}
			rest = rest[k:]
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.File) != len(parts) {
		t.Fatalf("%d parts, want %d", len(r.File), len(parts))
	}
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if !bytes.Equal(got, parts[f.Name]) {
			t.Errorf("%s: %d bytes back, want %d", f.Name, len(got), len(parts[f.Name]))
		}
		if f.Method != zip.Deflate {
			t.Errorf("%s: method %d", f.Name, f.Method)
		}
	}
	for _, f := range r.File {
		if f.Name == fmt.Sprintf("text/%d.xml", len(text)) && f.CompressedSize64*10 > f.UncompressedSize64 {
			t.Errorf("repetitive text compressed to %d of %d bytes", f.CompressedSize64, f.UncompressedSize64)
		}
	}
}
