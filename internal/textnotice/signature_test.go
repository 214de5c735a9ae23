package textnotice

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestSignatureWithoutDate: a notice whose signature has lost its date
// line (a web page shows the date as 发布时间 instead) reads as the same
// notice without a date: the signature is the issuer, the closing and the
// parts are what they were, nothing new is unplaced, and it is written
// back as the whole notice is, less the date line. Every fixture that ends in a signature and a date
// is tried with the date line dropped.
func TestSignatureWithoutDate(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/notices/*.txt")
	tried := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
		whole, err := Read(data)
		if err != nil || whole.Date == "" || len(lines) < 3 ||
			strings.TrimSpace(lines[len(lines)-2]) != whole.Issuer || !officeNameRe.MatchString(whole.Issuer) {
			continue // no signature and date as its last two lines
		}
		tried++
		t.Run(filepath.Base(f), func(t *testing.T) {
			text := strings.Join(lines[:len(lines)-1], "\n") + "\n"
			n, err := Read([]byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if n.Issuer != whole.Issuer || n.Date != "" {
				t.Errorf("issuer %q date %q, want %q and none", n.Issuer, n.Date, whole.Issuer)
			}
			if !reflect.DeepEqual(n.Closing, whole.Closing) || !reflect.DeepEqual(n.Sections, whole.Sections) || len(n.Unplaced) != len(whole.Unplaced) {
				t.Errorf("closing %q sections %d unplaced %d, want %q, %d, %d", n.Closing, len(n.Sections), len(n.Unplaced), whole.Closing, len(whole.Sections), len(whole.Unplaced))
			}
			// Written back, it is the notice with its date written back,
			// less the date line.
			withDate := strings.Split(strings.TrimRight(string(Write(whole)), "\n"), "\n")
			want := strings.Join(withDate[:len(withDate)-1], "\n") + "\n"
			if got := string(Write(n)); got != want {
				t.Errorf("written back ends\n%s\nwant\n%s", lastLines(got, 3), lastLines(want, 3))
			}
		})
	}
	if tried < 10 {
		t.Errorf("only %d fixtures end in a signature and a date", tried)
	}
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(l[max(0, len(l)-n):], "\n")
}
