package fontfind

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// Folder is a place where fonts are looked for, and why it is searched.
type Folder struct {
	Path string
	Why  string
}

// Folders lists where fonts are looked for on this machine, in order of
// precedence: extra (--font-dir) first, then the system's folders, the
// user's own, WPS Office's, and the folders fontconfig is configured with.
// Folders that do not exist are left out.
func Folders(extra string) []Folder {
	home, _ := os.UserHomeDir()
	dirs := platformFolders(runtime.GOOS, os.Getenv, home)
	if runtime.GOOS != "windows" {
		dirs = append(dirs, fontconfigFolders()...)
	}
	if extra != "" {
		dirs = append([]Folder{{extra, "--font-dir 指定的目录"}}, dirs...)
	}
	var out []Folder
	seen := map[string]bool{}
	for _, d := range dirs {
		for _, p := range expand(d.Path) {
			clean := filepath.Clean(p)
			if seen[clean] || inside(clean, out) {
				continue
			}
			if st, err := os.Stat(clean); err == nil && st.IsDir() {
				seen[clean] = true
				out = append(out, Folder{clean, d.Why})
			}
		}
	}
	return out
}

// inside reports whether dir is already searched as part of one of
// folders (fontconfig lists the subfolders of the system's folders).
func inside(dir string, folders []Folder) bool {
	for _, f := range folders {
		if rel, err := filepath.Rel(f.Path, dir); err == nil && rel != "." && !strings.HasPrefix(rel, "..") &&
			strings.Count(rel, string(filepath.Separator)) < maxDepth {
			return true
		}
	}
	return false
}

// expand resolves a folder pattern with * (version folders) to the folders
// it names.
func expand(p string) []string {
	if !strings.Contains(p, "*") {
		return []string{p}
	}
	m, _ := filepath.Glob(p)
	sort.Sort(sort.Reverse(sort.StringSlice(m))) // newest version first
	return m
}

// platformFolders are the font folders of an operating system, given its
// environment; a pure function so that every platform's list is tested on
// any machine.
func platformFolders(goos string, getenv func(string) string, home string) []Folder {
	var dirs []Folder
	add := func(why string, paths ...string) {
		for _, p := range paths {
			if p != "" {
				dirs = append(dirs, Folder{p, why})
			}
		}
	}
	// join builds a path from an environment variable, or "" without it.
	join := func(env string, parts ...string) string {
		v := getenv(env)
		if v == "" {
			return ""
		}
		return filepath.Join(append([]string{v}, parts...)...)
	}
	switch goos {
	case "windows":
		win := join("WINDIR", "Fonts")
		if win == "" {
			win = join("SystemRoot", "Fonts")
		}
		add("Windows 系统字体目录（%WINDIR%\\Fonts）", win)
		add("Windows 只为当前用户安装的字体（%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts）", join("LOCALAPPDATA", "Microsoft", "Windows", "Fonts"))
		add("WPS Office 的字体目录（含云字体）",
			join("APPDATA", "Kingsoft", "office6", "fonts"),
			join("LOCALAPPDATA", "Kingsoft", "WPS Office", "*", "office6", "fonts"),
			join("ProgramFiles", "Kingsoft", "WPS Office", "*", "office6", "fonts"),
			join("ProgramFiles(x86)", "Kingsoft", "WPS Office", "*", "office6", "fonts"),
			join("ProgramFiles", "WPS Office", "*", "office6", "fonts"),
			join("ProgramFiles(x86)", "WPS Office", "*", "office6", "fonts"))
	case "darwin":
		add("macOS 系统字体目录", "/System/Library/Fonts", "/System/Library/Fonts/Supplemental", "/Library/Fonts")
		add("macOS 按需下载的字体（字体册）", "/System/Library/AssetsV2/com_apple_MobileAsset_Font*/*/AssetData")
		add("macOS 只为当前用户安装的字体", filepath.Join(home, "Library", "Fonts"))
		add("WPS Office 的字体目录",
			"/Applications/wpsoffice.app/Contents/Resources/office6/fonts",
			"/Applications/WPS Office.app/Contents/Resources/office6/fonts",
			filepath.Join(home, "Library", "Containers", "com.kingsoft.wpsoffice.mac", "Data", ".kingsoft", "office6", "fonts"))
		add("Microsoft Office 自带的字体", "/Applications/Microsoft Word.app/Contents/Resources/DFonts")
	default: // Linux and the domestic desktops built on it (UOS, Deepin, Kylin)
		add("Linux 系统字体目录", "/usr/share/fonts", "/usr/local/share/fonts")
		add("Linux 只为当前用户安装的字体", filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
		add("WPS Office 的字体目录",
			"/opt/kingsoft/wps-office/office6/fonts",
			"/usr/share/fonts/wps-office",
			filepath.Join(home, ".kingsoft", "office6", "fonts"))
		add("统信 UOS、深度应用商店的应用自带字体", "/opt/apps/*/files/fonts")
	}
	return dirs
}

// fontconfigFolders are the folders fontconfig is configured with (<dir>
// in fonts.conf and the files it includes), which include those an
// administrator added anywhere. The configuration is read directly: running
// fc-list cost more CPU than the rest of finding fonts.
func fontconfigFolders() []Folder {
	conf := os.Getenv("FONTCONFIG_FILE")
	if conf == "" {
		dir := os.Getenv("FONTCONFIG_PATH")
		if dir == "" {
			dir = "/etc/fonts"
		}
		conf = filepath.Join(dir, "fonts.conf")
	}
	home, _ := os.UserHomeDir()
	xdg := func(env, def string) string {
		if v := os.Getenv(env); v != "" {
			return v
		}
		return filepath.Join(home, def)
	}
	var dirs []Folder
	read := map[string]bool{}
	var readConf func(path string, depth int)
	readConf = func(path string, depth int) {
		if depth > 8 || read[path] {
			return
		}
		read[path] = true
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			entries, _ := os.ReadDir(path)
			for _, e := range entries { // sorted by name, as fontconfig reads them
				if strings.HasSuffix(e.Name(), ".conf") {
					readConf(filepath.Join(path, e.Name()), depth+1)
				}
			}
			return
		}
		f, err := os.Open(path)
		if err != nil {
			return
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, 1<<20))
		if err != nil || !bytes.Contains(data, []byte("<dir")) && !bytes.Contains(data, []byte("<include")) {
			return // most of conf.d configures rendering only: not worth an XML parse
		}
		dec := xml.NewDecoder(bytes.NewReader(data))
		dec.Strict = false
		for {
			tok, err := dec.Token()
			if err != nil {
				return
			}
			start, ok := tok.(xml.StartElement)
			if !ok || (start.Name.Local != "dir" && start.Name.Local != "include") {
				continue
			}
			var text string
			if dec.DecodeElement(&text, &start) != nil {
				return
			}
			text = strings.TrimSpace(text)
			prefix := ""
			for _, a := range start.Attr {
				if a.Name.Local == "prefix" {
					prefix = a.Value
				}
			}
			switch {
			case text == "":
				continue
			case prefix == "xdg" && start.Name.Local == "dir":
				text = filepath.Join(xdg("XDG_DATA_HOME", ".local/share"), text)
			case prefix == "xdg":
				text = filepath.Join(xdg("XDG_CONFIG_HOME", ".config"), text)
			case strings.HasPrefix(text, "~"):
				text = filepath.Join(home, text[1:])
			case !filepath.IsAbs(text):
				text = filepath.Join(filepath.Dir(path), text)
			}
			if start.Name.Local == "include" {
				readConf(text, depth+1)
			} else {
				dirs = append(dirs, Folder{text, "fontconfig 配置的字体目录（fonts.conf）"})
			}
		}
	}
	readConf(conf, 0)
	return dirs
}
