package fontfind

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFontconfigFolders reads a fontconfig configuration the way
// fontconfig does: <dir> with and without prefix="xdg" and ~, <include> of
// a folder of .conf files (relative to the configuration), a missing
// include, and an include loop.
func TestFontconfigFolders(t *testing.T) {
	root := t.TempDir()
	home := filepath.Join(root, "home")
	write := func(name, body string) {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>`+body+`</fontconfig>`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("etc/fonts.conf", `<dir>/usr/share/fonts</dir>
	<dir prefix="xdg">fonts</dir>
	<dir>~/.fonts</dir>
	<include ignore_missing="yes">conf.d</include>
	<include ignore_missing="yes">/nonexistent/local.conf</include>
	<match target="pattern"><edit name="dpi"><double>96</double></edit></match>`)
	write("etc/conf.d/20-b.conf", `<dir> /opt/office/fonts </dir><include>../fonts.conf</include>`)
	write("etc/conf.d/10-a.conf", `<dir>/srv/fonts</dir>`)
	write("etc/conf.d/README", `<dir>/not/a/conf/file</dir>`)
	t.Setenv("FONTCONFIG_FILE", filepath.Join(root, "etc/fonts.conf"))
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", "")
	var got []string
	for _, f := range fontconfigFolders() {
		got = append(got, f.Path)
	}
	want := []string{"/usr/share/fonts", filepath.Join(home, ".local/share/fonts"), filepath.Join(home, ".fonts"),
		"/srv/fonts", "/opt/office/fonts"}
	if !slices.Equal(got, want) {
		t.Errorf("folders\n got %q\nwant %q", got, want)
	}
}

// TestFontconfigFoldersCoverFcList: on this machine, every folder holding a
// font fc-list knows is one of ours or inside one (Scan walks them).
func TestFontconfigFoldersCoverFcList(t *testing.T) {
	bin, err := exec.LookPath("fc-list")
	if err != nil {
		t.Skip("fc-list (fontconfig) is not installed")
	}
	out, err := exec.Command(bin, "--format", "%{file}\n").Output()
	if err != nil {
		t.Fatal(err)
	}
	ours := fontconfigFolders()
	files := strings.Fields(string(out))
	if len(files) == 0 {
		t.Skip("fc-list knows no fonts here")
	}
	for _, file := range files {
		dir := filepath.Dir(file)
		if !slices.ContainsFunc(ours, func(f Folder) bool { return f.Path == dir }) && !inside(dir, ours) {
			t.Errorf("%s (from fc-list) is in none of our fontconfig folders %v", file, ours)
		}
	}
}
