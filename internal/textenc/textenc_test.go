package textenc

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	// No golden files here, but `go test ./... -update` must not stop on
	// an unknown flag in this package.
	_ "github.com/rectify/rectify/internal/testutil/golden"
)

// TestDecode reads one notice saved in every encoding offices use.
func TestDecode(t *testing.T) {
	data, err := os.ReadFile("../../testdata/notices/scheme-aspects.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := string(data)
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes(data)
	gb18030, _ := simplifiedchinese.GB18030.NewEncoder().Bytes(append([]byte("𠀀"), data...))
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data)
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes(data)
	for _, c := range []struct {
		name, enc string
		in        []byte
		want      string
	}{
		{"utf8", UTF8, data, want},
		{"utf8-bom", UTF8, append([]byte("\xef\xbb\xbf"), data...), want},
		{"utf16le-bom", UTF16LE, le, want},
		{"utf16be-bom", UTF16BE, be, want},
		{"gbk", GB18030, gbk, want},
		{"gb18030-4byte", GB18030, gb18030, "𠀀" + want},
	} {
		got, e, err := Decode(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got != c.want || e != c.enc {
			t.Errorf("%s: read as %s, text equal %v", c.name, e, got == c.want)
		}
	}
}

// TestRefuse: Big5 (which GBK would decode without error, into nonsense),
// binary data, UTF-32 and truncated UTF-16 are refused, never garbage.
func TestRefuse(t *testing.T) {
	big5, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte("關於巡察整改進展情況的通報：一、問題清單。整改措施：已完成整改，建立長效機制。"))
	if err != nil {
		t.Fatal(err)
	}
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("整改"))
	for name, c := range map[string]struct {
		in   []byte
		want error
	}{
		"big5":      {big5, ErrUnknown},
		"binary":    {[]byte{0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0}, ErrBinary},
		"nul-utf8":  {[]byte("整改\x00情况"), ErrBinary},
		"utf32le":   {[]byte("\xff\xfe\x00\x00\x74\x65\x00\x00"), nil},
		"odd-utf16": {le[:len(le)-1], nil},
		"latin1":    {[]byte("caf\xe9 cr\xe8me"), ErrUnknown},
	} {
		got, _, err := Decode(c.in)
		if err == nil {
			t.Errorf("%s: read as %q, want an error", name, got)
			continue
		}
		if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		}
		if bytes.ContainsAny([]byte(err.Error()), "abcdefghijklmnopqrstuvwxyz") && !bytes.Contains([]byte(err.Error()), []byte("UTF")) {
			t.Errorf("%s: message not in Chinese: %v", name, err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("整改"))
	f.Add([]byte("\xff\xfe\x74\x65"))
	f.Add([]byte("\xd5\xfb\xb8\xc4"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, enc, err := Decode(data)
		if err == nil && enc != UTF8 && bytes.ContainsRune([]byte(s), 0xfffd) {
			t.Fatalf("decoded text has replacement characters: %q", s)
		}
	})
}
