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

func TestSameFile(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	os.WriteFile(a, []byte("x"), 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	if !SameFile(a, filepath.Join(dir, "sub", "..", "a.txt")) {
		t.Error("another spelling of the path is not the same file")
	}
	if err := os.Symlink(a, filepath.Join(dir, "link.txt")); err == nil && !SameFile(a, filepath.Join(dir, "link.txt")) {
		t.Error("a symbolic link is not the same file")
	}
	if err := os.Link(a, filepath.Join(dir, "hard.txt")); err == nil && !SameFile(filepath.Join(dir, "hard.txt"), a) {
		t.Error("a hard link is not the same file")
	}
	if SameFile(a, filepath.Join(dir, "missing.txt")) {
		t.Error("a missing output is the input")
	}
}

func TestAbortAndCommit(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.xlsx")
	f, err := Create(p, false)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half"))
	f.Abort()
	f.Abort() // twice is harmless
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("abort left %v", entries)
	}
	f, _ = Create(p, false)
	f.Write([]byte("whole"))
	// The output appeared meanwhile (another program): not replaced.
	os.WriteFile(p, []byte("theirs"), 0o644)
	if err := f.Commit(); !errors.Is(err, ErrExists) {
		t.Fatalf("commit over a file that appeared: %v", err)
	}
	if d, _ := os.ReadFile(p); string(d) != "theirs" {
		t.Fatalf("replaced: %q", d)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}
}
