// Package testutil finds the reference tools tests compare against
// (poppler, qpdf, LibreOffice) and skips with a message when one is absent:
// `go test ./...` passes with Go alone, and .ci/run installs them.
package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	// Every test binary that uses testutil also knows the shared -update
	// flag, so `go test ./... -update` never stops on an unknown flag.
	_ "github.com/rectify/rectify/internal/testutil/golden"
)

// Need returns the path of a command, or skips the test.
func Need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (apt-get install %s); .ci/run installs it", name, pkgOf[name])
	}
	return p
}

var pkgOf = map[string]string{"pdftotext": "poppler-utils", "pdffonts": "poppler-utils", "pdftoppm": "poppler-utils",
	"qpdf": "qpdf", "mutool": "mupdf-tools", "soffice": "libreoffice-calc libreoffice-writer"}

// Soffice runs LibreOffice headless with a private profile in dir, so that
// tests do not share (and lock) the user's profile.
func Soffice(t testing.TB, dir string, args ...string) {
	t.Helper()
	bin := Need(t, "soffice")
	profile := "file://" + filepath.Join(dir, "lo-profile")
	cmd := exec.Command(bin, append([]string{"-env:UserInstallation=" + profile, "--headless"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice %v: %v\n%s", args, err, out)
	}
}
