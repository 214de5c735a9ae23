//go:build !windows

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil"
)

// TestTerminateMidWrite: SIGTERM while a workbook is being written removes
// our temporary file and the private temporary folder (excelize's files),
// and the process exits 143 as a terminated program does.
func TestTerminateMidWrite(t *testing.T) {
	dir := t.TempDir()
	sysTmp := filepath.Join(dir, "tmp")
	os.Mkdir(sysTmp, 0o755)
	data, err := notice.Marshal(testutil.Synthetic(20000))
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "big.json")
	os.WriteFile(in, data, 0o644)
	cmd := exec.Command("rectify", "convert", in, filepath.Join(dir, "big.xlsx")) // on PATH: testscript.Main
	cmd.Env = append(os.Environ(), "TMPDIR="+sysTmp)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		if m, _ := filepath.Glob(filepath.Join(dir, ".big.xlsx.tmp-*")); len(m) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the temporary output never appeared")
		}
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err = cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 143 {
		t.Errorf("exit: %v, want status 143", err)
	}
	for _, d := range []string{dir, sysTmp} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if e.Name() != "big.json" && e.Name() != "tmp" {
				t.Errorf("left behind: %s", filepath.Join(d, e.Name()))
			}
		}
	}
}
