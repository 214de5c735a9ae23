package format

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/rectify/rectify/internal/notice"
)

// TestContentDecides: a file whose bytes are certainly of another kind than
// its extension says is read as what it is, exactly as the same file under
// its right name, and the user is told; WPS's own extensions are read by
// content without a note; a file that is no such thing is refused in words
// that say what it is.
func TestContentDecides(t *testing.T) {
	td := "../../testdata/"
	cases := []struct {
		file, as string // a fixture, and the name it is given
		note     bool   // whether the user is told
	}{
		{"corpus/ledger-2025.xlsx", "台账.xls", true},
		{"ledgers/two-row-header.xls", "台账.xlsx", true},
		{"doc/libreoffice-text.doc", "通报.xls", true},
		{"docx/table.docx", "通报.xlsx", true},
		{"pdf/libreoffice_scheme-aspects.pdf", "通报.txt", true},
		{"doc/libreoffice-text.doc", "通报.wps", false},
		{"docx/table.docx", "通报.wps", false},
		{"ledgers/two-row-header.xls", "台账.et", false},
		{"corpus/ledger-2025.xlsx", "台账.et", false},
		{"corpus/ledger-2025.xlsx", "台账模板.xltx", false},
		{"ledgers/spreadsheetml/system-export.xls", "台账.xml", false},
		{"pdf/libreoffice_scheme-aspects.pdf", "下载的通报", true},
		{"rtf/system-export.doc", "通报.rtf", false},
		{"rtf/table.rtf", "通报.doc", false},
		{"rtf/table.rtf", "通报.txt", true},
		{"corpus/ledger-2025.xlsx", "台账.dat", true},
		{"ledgers/spreadsheetml/system-export.xls", "台账.xlsx", true},
	}
	for _, c := range cases {
		t.Run(c.file+" as "+c.as, func(t *testing.T) {
			data := mustRead(t, td+c.file)
			want := readAs(t, FromPath(c.file), c.file, data, nil)
			var notes []string
			got := readAs(t, FromPath(c.as), c.as, data, &notes)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s read as %s differs from reading it under its own name", c.file, c.as)
			}
			if told := len(notes) == 1 && strings.Contains(notes[0], c.as) && strings.Contains(notes[0], "内容其实是"); told != c.note {
				t.Errorf("notes %q, want a note: %v", notes, c.note)
			}
		})
	}

	// A web system's "Excel" download: an HTML table under an .xls name,
	// with <html> around it or without; both read as the ledger they show.
	for _, f := range []string{"system-export.xls", "table-only.xls"} {
		var notes []string
		n := readAs(t, "xls", f, mustRead(t, td+"ledgers/html-export/"+f), &notes)
		var titles []string
		for _, is := range n.Issues() {
			titles = append(titles, is.Title+"|"+is.Status)
		}
		if n.Issuer != "某某县审计局" || n.Date != "2025-09-30" || strings.Join(titles, ";") != "审计整改跟踪不到位|completed;审计项目计划执行率偏低|in_progress" {
			t.Errorf("%s: issuer %q date %q issues %q", f, n.Issuer, n.Date, titles)
		}
		if len(notes) != 1 || !strings.Contains(notes[0], "内容其实是 网页 文件") {
			t.Errorf("%s: notes %q", f, notes)
		}
	}

	// A PDF that arrives with bytes before its header (a mail gateway's
	// MIME lines) reads as the PDF itself.
	pdf := mustRead(t, td+"pdf/libreoffice_scheme-aspects.pdf")
	junk := append([]byte("Content-Type: application/pdf\r\nContent-Transfer-Encoding: binary\r\n\r\n"), pdf...)
	if !reflect.DeepEqual(readAs(t, "pdf", "通报.pdf", junk, nil), readAs(t, "pdf", "通报.pdf", pdf, nil)) {
		t.Error("a PDF with bytes before its header reads differently")
	}

	refused := []struct {
		name, as string
		data     []byte
		want     string
	}{
		{"text", "通报.pdf", []byte("中共某某委员会关于巡察整改进展情况的通报"), "扩展名是 .pdf，但内容不是 PDF 文件"},
		{"header too far", "通报.pdf", append(bytes.Repeat([]byte(" "), pdfHeaderWithin), pdf...), "扩展名是 .pdf，但内容不是 PDF 文件"},
		{"text as xlsx", "台账.xlsx", []byte("序号,问题\n1,某问题\n"), "扩展名是 .xlsx，但内容不是 XLSX 文件"},
		{"text without an extension", "通报", []byte("中共某某委员会关于巡察整改进展情况的通报"), "文件没有扩展名，内容也不是 PDF、Word 或 Excel 文件"},
		{"text with an unknown extension", "通报.dat", []byte("中共某某委员会关于巡察整改进展情况的通报"), `无法识别的扩展名 ".dat"`},
		{"encrypted .xlsx", "台账.xlsx", compoundFile("EncryptedPackage", "EncryptionInfo"), "设有打开密码"},
		{"encrypted .docx", "通报.docx", compoundFile("EncryptedPackage", "EncryptionInfo"), "设有打开密码"},
	}
	for _, c := range refused {
		_, err := Read(context.Background(), FromPath(c.as), c.data, Options{File: c.as})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s named %s: %v, want %q", c.name, c.as, err, c.want)
		}
	}
}

// TestInputOnlyExtensions: WPS's and the template extensions are read but
// never chosen for output.
func TestInputOnlyExtensions(t *testing.T) {
	for _, ext := range []string{".wps", ".et", ".dotx", ".xltx"} {
		if FromPath("a"+ext) == "" {
			t.Errorf("%s is not read", ext)
		}
		if OutputFromPath("a"+ext) != "" {
			t.Errorf("%s is taken as an output format", ext)
		}
		if !strings.Contains(strings.Join(ReadExtensions(), " "), ext) {
			t.Errorf("%s missing from ReadExtensions %v", ext, ReadExtensions())
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readAs(t *testing.T, name, file string, data []byte, notes *[]string) *notice.Notice {
	t.Helper()
	opt := Options{File: file, Log: func(msg string) {
		if notes != nil {
			*notes = append(*notes, msg)
		}
	}}
	n, err := Read(context.Background(), name, data, opt)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return n
}

// compoundFile is a minimal OLE compound file (512-byte sectors: header,
// one FAT sector, one directory sector) holding empty streams with the
// given names, as an .xlsx or .docx encrypted with an open password holds
// EncryptionInfo and EncryptedPackage.
func compoundFile(streams ...string) []byte {
	const free, endChain, fatSect, noStream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
	le := binary.LittleEndian
	f := make([]byte, 512*3)
	copy(f, oleMagic)
	le.PutUint16(f[0x18:], 0x3E)
	le.PutUint16(f[0x1A:], 3)
	le.PutUint16(f[0x1C:], 0xFFFE)
	le.PutUint16(f[0x1E:], 9)
	le.PutUint16(f[0x20:], 6)
	le.PutUint32(f[0x2C:], 1)    // FAT sectors
	le.PutUint32(f[0x30:], 1)    // first directory sector
	le.PutUint32(f[0x38:], 4096) // mini stream cutoff
	le.PutUint32(f[0x3C:], endChain)
	le.PutUint32(f[0x44:], endChain)
	for i := 0x4C; i < 512; i += 4 {
		le.PutUint32(f[i:], free)
	}
	le.PutUint32(f[0x4C:], 0) // the FAT is sector 0
	fat := f[512:1024]
	for i := 0; i < 512; i += 4 {
		le.PutUint32(fat[i:], free)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], endChain)
	dir := f[1024:]
	entry := func(i int, name string, kind byte, child, right uint32) {
		e := dir[i*128 : (i+1)*128]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42], e[0x43] = kind, 1 // black
		le.PutUint32(e[0x44:], noStream)
		le.PutUint32(e[0x48:], right)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], endChain)
	}
	entry(0, "Root Entry", 5, 1, noStream)
	for i, s := range streams {
		right := uint32(noStream)
		if i+1 < len(streams) {
			right = uint32(i + 2)
		}
		entry(i+1, s, 2, noStream, right)
	}
	return f
}
