package server

import (
	"net/http"
	"os"
	"testing"
)

// FuzzImport: any bytes under any name are answered with the notice or a
// refusal from the documented set, never a panic or a hang.
func FuzzImport(f *testing.F) {
	for _, seed := range []struct{ name, path string }{
		{"通报.txt", "../../testdata/notices/scheme-aspects.txt"},
		{"台账.csv", "../../testdata/ledgers/utf8-bom.csv"},
		{"通报.json", "../../testdata/full.json"},
	} {
		data, err := os.ReadFile(seed.path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(seed.name, data, "")
	}
	f.Add("x.pdf", []byte("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"), "pw")
	f.Add("", []byte("PK\x03\x04"), "")
	f.Add("a.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "")
	s, err := New(Config{Addr: testAddr, MaxJobs: 1, MaxUpload: 1 << 20})
	if err != nil {
		f.Fatal(err)
	}
	allowed := map[int]bool{200: true, 400: true, 408: true, 413: true, 415: true, 422: true}
	f.Fuzz(func(t *testing.T, name string, data []byte, password string) {
		res := importFile(t, s, name, data, part{field: "password", data: []byte(password)})
		if !allowed[res.StatusCode] {
			t.Fatalf("status %d (%s)", res.StatusCode, http.StatusText(res.StatusCode))
		}
	})
}
