package safeio

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	// No golden files here, but `go test ./... -update` must not stop on
	// an unknown flag in this package.
	_ "github.com/rectify/rectify/internal/testutil/golden"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	if err := WriteFile(p, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("two"), false); !errors.Is(err, ErrExists) {
		t.Fatalf("second write without force: %v", err)
	}
	if d, _ := os.ReadFile(p); string(d) != "one" {
		t.Fatalf("replaced without force: %q", d)
	}
	if err := WriteFile(p, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	if d, _ := os.ReadFile(p); string(d) != "three" || st.Mode().Perm() != 0o644 {
		t.Fatalf("force: %q, mode %v", d, st.Mode())
	}
	if err := WriteFile(filepath.Join(dir, "missing", "x"), []byte("x"), false); err == nil {
		t.Fatal("missing folder: no error")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}
}
