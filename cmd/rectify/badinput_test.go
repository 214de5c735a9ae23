package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/rectify/rectify/internal/testutil"
)

func testdata(p string) string { return filepath.Join("..", "..", "testdata", p) }

func readTestdata(t *testing.T, p string) []byte {
	t.Helper()
	d, err := os.ReadFile(testdata(p))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// zipBomb is an .xlsx whose one sheet inflates to more than the reader's
// limit (256 MiB) from about 300 KiB.
func zipBomb(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		w, _ := zw.Create(name)
		w.Write([]byte("<?xml version=\"1.0\"?><x/>"))
	}
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for i := 0; i < 300; i++ {
		w.Write(zeros)
	}
	zw.Close()
	return buf.Bytes()
}

// docxParts are the parts every .docx has besides its body.
var docxParts = map[string]string{
	"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
	"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
}

// nestedDocx is a .docx whose body nests elements 100,000 deep.
func nestedDocx(t *testing.T) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range docxParts {
		w, _ := zw.Create(name)
		w.Write([]byte(data))
	}
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`))
	w.Write(bytes.Repeat([]byte("<w:p>"), 100000))
	zw.Close()
	return b.Bytes()
}

// TestBadInput: every kind of bad input gets a clear message in Chinese
// naming the file, a non-zero exit, no output file, in bounded time.
func TestBadInput(t *testing.T) {
	pdf := readTestdata(t, "pdf/rectify-aspects.pdf")
	noHeader := readTestdata(t, "ledgers/office-template.xlsx")
	// A zip holding only a readme: neither a workbook nor a Word file.
	notAnOfficeZip := func() []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, _ := zw.Create("readme.txt")
		w.Write([]byte("hello"))
		zw.Close()
		return b.Bytes()
	}()
	cases := []struct {
		name, file string
		data       []byte
		out        string
		args       []string
		want       string
	}{
		{"empty text", "空.txt", nil, "out.json", nil, "文件为空"},
		{"empty pdf", "空.pdf", nil, "out.json", nil, "文件为空"},
		{"empty xlsx", "空.xlsx", nil, "out.json", nil, "文件为空"},
		{"empty json", "空.json", []byte("  \n"), "out.txt", nil, "文件为空"},
		{"truncated pdf", "截断.pdf", pdf[:len(pdf)/2], "out.json", nil, "PDF 文件已损坏或不完整"},
		{"text renamed pdf", "假.pdf", []byte("寿宁工业园区管理委员会关于巡察整改进展情况的通报"), "out.json", nil, "内容不是 PDF 文件"},
		{"random bytes xlsx", "乱码.xlsx", bytes.Repeat([]byte{0x13, 0x37, 0xee}, 500), "out.json", nil, "内容不是 XLSX 文件"},
		{"zip that is no workbook", "压缩包.xlsx", notAnOfficeZip, "out.json", nil, "不是有效的 Excel（.xlsx）文件"},
		{"user password pdf", "加密.pdf", readTestdata(t, "pdf/aes256-user-password.pdf"), "out.json", nil, "--password"},
		{"scanned pdf", "扫描件.pdf", readTestdata(t, "pdf/scanned.pdf"), "out.json", nil, "没有文字层"},
		{"truncated json", "截断.json", []byte(`{"format": 1, "categories": [`), "out.txt", nil, "JSON 不完整"},
		{"wrong types json", "类型.json", []byte(`{"format": 1, "title": 7}`), "out.txt", nil, `JSON 字段 "title" 类型错误`},
		{"unknown format json", "版本.json", []byte(`{"format": 2}`), "out.txt", nil, "不支持的数据格式版本"},
		{"not rectify json", "其他.json", []byte(`{"a": 1}`), "out.txt", nil, `缺少 "format" 字段`},
		{"no ledger header", "无表头.xlsx", noHeader, "out.json", nil, "台账表头下没有问题行"},
		{"csv without header", "无表头.csv", []byte("a,b,c\n1,2,3\n"), "out.json", nil, "没有找到整改台账的表头"},
		{"zip bomb", "炸弹.xlsx", zipBomb(t), "out.json", nil, "过大"},
		{"unknown extension", "通报.pages", []byte("x"), "out.json", nil, "无法识别的扩展名"},
		{"unknown output extension", "通报.txt", readTestdata(t, "notices/scheme-aspects.txt"), "out.pages", nil, "无法识别的输出扩展名"},
		// Word: a zip that is no Word file, a 1 GiB part (declared, and
		// hidden behind a small declared size), XML nested past any
		// document's depth, a damaged old binary .doc.
		{"zip that is no docx", "压缩包.docx", notAnOfficeZip, "out.json", nil, "不是有效的 Word（.docx）文件"},
		{"docx with a 1 GiB part", "炸弹.docx", testutil.ZipWithHugePart(docxParts, "word/document.xml", 1<<30, true), "out.json", nil, "过大"},
		{"docx hiding a 1 GiB part", "炸弹2.docx", testutil.ZipWithHugePart(docxParts, "word/document.xml", 1<<30, false), "out.json", nil, "比声明的大小"},
		{"deeply nested docx", "嵌套.docx", nestedDocx(t), "out.json", nil, "XML 嵌套超过"},
		{"damaged old binary doc", "旧.doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 4096)...), "out.json", nil, "不是有效的老版 Word（.doc）文件"},
		{"damaged old binary doc named docx", "旧.docx", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 4096)...), "out.json", nil, "老版 Word（.doc）"},
		{"missing output folder", "通报.txt", readTestdata(t, "notices/scheme-aspects.txt"), "没有的目录/out.json", nil, "输出目录"},
		{"binary renamed txt", "二进制.txt", []byte{0, 1, 2, 3, 0xff, 0xfe, 0}, "out.json", nil, "含有二进制内容，不是文本文件"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, c.file)
			if err := os.WriteFile(in, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, c.out)
			var stdout, stderr bytes.Buffer
			start := time.Now()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			code := runArgs(append(append([]string{"convert"}, c.args...), in, out), &stdout, &stderr)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if code == 0 {
				t.Fatalf("exit 0 for bad input; stderr: %s", stderr.String())
			}
			msg := stderr.String()
			if !strings.Contains(msg, c.want) {
				t.Errorf("message %q does not say %q", msg, c.want)
			}
			if !strings.Contains(msg, c.file) && !strings.Contains(msg, c.out) && !strings.Contains(msg, filepath.Dir(out)) {
				t.Errorf("message %q does not name the file", msg)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("an output file was left: %s", out)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), ".tmp-") {
					t.Errorf("temporary file left: %s", e.Name())
				}
			}
			if el := time.Since(start); el > 20*time.Second {
				t.Errorf("took %v", el)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 1500<<20 {
				t.Errorf("allocated %d MiB", grew>>20)
			}
		})
	}
}

// TestNoOverwrite: an existing file is never replaced without --force.
func TestNoOverwrite(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.txt")
	out := filepath.Join(dir, "out.json")
	os.WriteFile(in, readTestdata(t, "notices/scheme-aspects.txt"), 0o644)
	os.WriteFile(out, []byte("keep me"), 0o600)
	var so, se bytes.Buffer
	if code := runArgs([]string{"convert", in, out}, &so, &se); code == 0 || !strings.Contains(se.String(), "--force") {
		t.Fatalf("code %d, stderr %s", code, se.String())
	}
	if d, _ := os.ReadFile(out); string(d) != "keep me" {
		t.Fatalf("file was replaced")
	}
	if code := runArgs([]string{"convert", "--force", in, out}, &so, &se); code != 0 {
		t.Fatalf("--force: code %d, %s", code, se.String())
	}
	st, _ := os.Stat(out)
	if d, _ := os.ReadFile(out); !bytes.Contains(d, []byte(`"format": 1`)) || st.Mode().Perm() != 0o644 {
		t.Fatalf("not replaced with --force, or mode %v", st.Mode())
	}
}

// TestBatch: a folder with a bad file converts the rest and reports it.
func TestBatch(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "in")
	dst := filepath.Join(dir, "out")
	os.Mkdir(src, 0o755)
	os.Mkdir(dst, 0o755)
	os.WriteFile(filepath.Join(src, "a.txt"), readTestdata(t, "notices/scheme-aspects.txt"), 0o644)
	os.WriteFile(filepath.Join(src, "b.pdf"), readTestdata(t, "pdf/gbk-euc-h-aspects.pdf"), 0o644)
	os.WriteFile(filepath.Join(src, "c.xlsx"), readTestdata(t, "ledgers/two-row-header.xlsx"), 0o644)
	os.WriteFile(filepath.Join(src, "bad.pdf"), []byte("not a pdf"), 0o644)
	var so, se bytes.Buffer
	code := runArgs([]string{"convert", "--out-dir", dst, "--to", "json", src}, &so, &se)
	if code != 1 {
		t.Errorf("exit %d, want 1 (one file failed)", code)
	}
	for _, f := range []string{"a.json", "b.json", "c.json"} {
		if _, err := os.Stat(filepath.Join(dst, f)); err != nil {
			t.Errorf("%s not converted: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dst, "bad.json")); err == nil {
		t.Errorf("bad file produced output")
	}
	msg := se.String()
	if strings.Count(msg, "失败：") != 1 || !strings.Contains(msg, "bad.pdf") || !strings.Contains(msg, "共 4 个文件：成功 3 个，失败 1 个") {
		t.Errorf("batch report:\n%s", msg)
	}
}
