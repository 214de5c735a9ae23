package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder catches the failures Check reports instead of failing this test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper()                      {}
func (r *recorder) Errorf(f string, args ...any) { r.errs = append(r.errs, f) }
func (r *recorder) Fatalf(f string, args ...any) { r.errs = append(r.errs, f) }

func TestCheck(t *testing.T) {
	if Update() {
		t.Skip("-update rewrites instead of comparing")
	}
	path := filepath.Join(t.TempDir(), "x.golden")
	os.WriteFile(path, []byte("a\nb\n"), 0o644)
	r := &recorder{TB: t}
	Check(r, path, []byte("a\nb\n"))
	if len(r.errs) != 0 {
		t.Fatalf("equal output reported: %v", r.errs)
	}
	Check(r, path, []byte("a\nc\n"))
	if len(r.errs) != 1 {
		t.Fatalf("a differing line was not reported")
	}
	Check(r, filepath.Join(t.TempDir(), "missing"), nil)
	if len(r.errs) != 2 || !strings.Contains(r.errs[1], "-update") {
		t.Fatalf("a missing golden file was not reported with the way to make it: %v", r.errs)
	}
	if d := firstDiff([]byte("a\nb"), []byte("a\nc")); !strings.Contains(d, "line 2") {
		t.Errorf("first difference: %s", d)
	}
}
