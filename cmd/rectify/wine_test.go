package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWindowsUnderWine runs the windows/amd64 build as a Windows user would,
// under Wine: a notice converted there is byte for byte the Linux build's
// PDF; a font installed in C:\Windows\Fonts inside a .ttc under the
// collection's own name is found; and rectify.exe started in a console of
// its own, as Explorer starts a double-clicked program, serves its page and
// opens it in the browser instead of flashing a window.
//
// Go 1.26 needs ProcessPrng from bcryptprimitives.dll, which Debian's Wine
// 8.0 lacks; testdata/wine/bcryptprimitives.c supplies it (built here with
// MinGW into the test's own Wine prefix, never shipped).
func TestWindowsUnderWine(t *testing.T) {
	wine := ""
	for _, w := range []string{"/usr/lib/wine/wine64", "wine64"} {
		if p, err := exec.LookPath(w); err == nil {
			wine = p
			break
		}
	}
	gcc, err := exec.LookPath("x86_64-w64-mingw32-gcc")
	if wine == "" || err != nil {
		t.Skip("Wine (wine64) or MinGW (gcc-mingw-w64-x86-64-win32) is not installed; .ci/run installs both")
	}
	if testing.Short() {
		t.Skip("-short: starting Wine takes several seconds")
	}
	dir := t.TempDir()
	exe := filepath.Join(dir, "rectify.exe")
	build := exec.Command("go", "build", "-trimpath", "-o", exe, ".")
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("windows build: %v\n%s", err, out)
	}
	prefix := filepath.Join(dir, "prefix")
	recorded := filepath.Join(dir, "opened-url")
	browser := filepath.Join(dir, "browser.sh")
	os.WriteFile(browser, []byte("#!/bin/sh\nprintf %s \"$1\" > "+recorded+"\n"), 0o755)
	env := append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all",
		"WINEDLLOVERRIDES=mscoree,mshtml=", "BROWSER="+browser, "DISPLAY=")
	wineRun := func(timeout time.Duration, args ...string) (string, error) {
		cmd := exec.Command(wine, args...)
		cmd.Dir, cmd.Env = dir, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			return "", err
		}
		timer := time.AfterFunc(timeout, func() { cmd.Process.Kill() })
		defer timer.Stop()
		err := cmd.Wait()
		return out.String(), err
	}
	wineserverKill := func() {
		k := exec.Command(filepath.Join(filepath.Dir(wine), "wineserver"), "-k")
		k.Env = env
		k.Run()
	}
	defer wineserverKill()
	if out, err := wineRun(2*time.Minute, "wineboot", "-i"); err != nil {
		t.Fatalf("creating the Wine prefix: %v\n%s", err, out)
	}
	system32 := filepath.Join(prefix, "drive_c", "windows", "system32")
	shim := exec.Command(gcc, "-O2", "-shared", "-o", filepath.Join(system32, "bcryptprimitives.dll"),
		"testdata/wine/bcryptprimitives.c", "testdata/wine/bcryptprimitives.def", "-ladvapi32")
	if out, err := shim.CombinedOutput(); err != nil {
		t.Fatalf("building the ProcessPrng shim: %v\n%s", err, out)
	}

	// The same PDF as the Linux build (no --force: the output is new).
	notice := "../../testdata/corpus/notice-2025-extracted.txt"
	copyFile(t, notice, filepath.Join(dir, "notice.txt"))
	if out, err := wineRun(time.Minute, exe, "convert", "notice.txt", "notice.pdf"); err != nil {
		t.Fatalf("rectify.exe convert: %v\n%s", err, out)
	}
	linux := filepath.Join(dir, "linux.pdf")
	if out, err := exec.Command("rectify", "convert", notice, linux).CombinedOutput(); err != nil {
		t.Fatalf("linux convert: %v\n%s", err, out)
	}
	win, _ := os.ReadFile(filepath.Join(dir, "notice.pdf"))
	lin, _ := os.ReadFile(linux)
	if len(win) == 0 || !bytes.Equal(win, lin) {
		t.Errorf("rectify.exe wrote %d bytes, not the Linux build's %d", len(win), len(lin))
	}

	// 宋体 found by its name inside a collection in the Windows font folder.
	copyFile(t, "testdata/wine/simsun.ttc", filepath.Join(prefix, "drive_c", "windows", "Fonts", "simsun.ttc"))
	out, err := wineRun(time.Minute, exe, "fonts")
	if err != nil {
		t.Fatalf("rectify.exe fonts: %v\n%s", err, out)
	}
	if !strings.Contains(out, "%WINDIR%\\Fonts") || !strings.Contains(out, "页码（宋体）：宋体（本机 C:\\windows\\Fonts\\simsun.ttc 中的第 2 个字体）") {
		t.Errorf("rectify.exe fonts did not take 宋体 from C:\\Windows\\Fonts\\simsun.ttc:\n%s", out)
	}

	// Double-click: `start` gives the program a console of its own.
	starter := exec.Command(wine, "start", "/unix", exe)
	starter.Dir, starter.Env = dir, env
	if err := starter.Start(); err != nil {
		t.Fatal(err)
	}
	defer starter.Process.Kill()
	var url string
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if b, err := os.ReadFile(recorded); err == nil && len(b) > 0 {
			url = string(b)
			break
		}
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("no page opened in the browser (recorded %q)", url)
	}
	res, err := http.Get(url)
	if err != nil {
		t.Fatalf("the opened page %s: %v", url, err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "整改") {
		t.Errorf("the opened page %s: %d\n%.300s", url, res.StatusCode, body)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(to), 0o755)
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
