package fontfind

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/rectify/rectify/fonts"
	"github.com/rectify/rectify/internal/testutil/golden"
	"github.com/rectify/rectify/internal/typeset"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// nameRec is one record of a name table to write.
type nameRec struct {
	platform, encoding, lang, id uint16
	s                            string
}

// chineseNames are the records an office font carries: its family in
// Chinese (PRC) and English, and its style.
func chineseNames(zh, en string) []nameRec {
	return []nameRec{
		{3, 1, 0x0804, 1, zh}, {3, 1, 0x0409, 1, en},
		{3, 1, 0x0804, 2, "常规"}, {3, 1, 0x0409, 2, "Regular"},
		{3, 1, 0x0409, 4, en},
	}
}

func nameTable(recs []nameRec) []byte {
	var strs bytes.Buffer
	head := make([]byte, 6+12*len(recs))
	binary.BigEndian.PutUint16(head[2:], uint16(len(recs)))
	binary.BigEndian.PutUint16(head[4:], uint16(len(head)))
	for i, r := range recs {
		var enc []byte
		switch {
		case r.platform == 3 && r.encoding == 3: // GBK in 16-bit units
			g, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(r.s))
			for j := 0; j < len(g); j++ {
				if g[j] < 0x80 {
					enc = append(enc, 0, g[j])
				} else {
					enc = append(enc, g[j], g[j+1])
					j++
				}
			}
		default:
			for _, u := range utf16.Encode([]rune(r.s)) {
				enc = binary.BigEndian.AppendUint16(enc, u)
			}
		}
		rec := head[6+12*i:]
		binary.BigEndian.PutUint16(rec, r.platform)
		binary.BigEndian.PutUint16(rec[2:], r.encoding)
		binary.BigEndian.PutUint16(rec[4:], r.lang)
		binary.BigEndian.PutUint16(rec[6:], r.id)
		binary.BigEndian.PutUint16(rec[8:], uint16(len(enc)))
		binary.BigEndian.PutUint16(rec[10:], uint16(strs.Len()))
		strs.Write(enc)
	}
	return append(head, strs.Bytes()...)
}

// tablesOf reads a font's tables.
func tablesOf(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	faces, err := readFaces(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, tr := range faces[0].tables {
		out[tr.tag] = data[tr.offset : tr.offset+tr.length]
	}
	return out
}

// buildFont writes tables as a font file with the given version tag.
func buildFont(version string, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	var b bytes.Buffer
	b.WriteString(version)
	b.Write(binary.BigEndian.AppendUint16(nil, uint16(len(tags))))
	b.Write(make([]byte, 6))
	dir := b.Len()
	b.Write(make([]byte, 16*len(tags)))
	for i, tag := range tags {
		at := b.Len()
		b.Write(tables[tag])
		for b.Len()%4 != 0 {
			b.WriteByte(0)
		}
		rec := b.Bytes()[dir+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(tables[tag]))
		binary.BigEndian.PutUint32(rec[8:], uint32(at))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(tables[tag])))
	}
	return b.Bytes()
}

// renamed is a bundled font carrying other names.
func renamed(t *testing.T, data []byte, recs []nameRec) []byte {
	tables := tablesOf(t, data)
	tables["name"] = nameTable(recs)
	return buildFont("\x00\x01\x00\x00", tables)
}

// collection puts fonts into one TrueType collection (.ttc), each font's
// table offsets moved to where it lands.
func collection(fontsData ...[]byte) []byte {
	header := 12 + 4*len(fontsData)
	var b bytes.Buffer
	b.WriteString("ttcf\x00\x01\x00\x00")
	b.Write(binary.BigEndian.AppendUint32(nil, uint32(len(fontsData))))
	b.Write(make([]byte, 4*len(fontsData)))
	for i, f := range fontsData {
		base := header
		if i > 0 {
			base = b.Len()
		}
		for b.Len() < base {
			b.WriteByte(0)
		}
		binary.BigEndian.PutUint32(b.Bytes()[12+4*i:], uint32(base))
		moved := bytes.Clone(f)
		n := int(binary.BigEndian.Uint16(moved[4:]))
		for j := range n {
			rec := moved[12+16*j:]
			binary.BigEndian.PutUint32(rec[8:], binary.BigEndian.Uint32(rec[8:])+uint32(base))
		}
		b.Write(moved)
		for b.Len()%4 != 0 {
			b.WriteByte(0)
		}
	}
	return b.Bytes()
}

func match(ms []Match, face typeset.Face) Match {
	for _, m := range ms {
		if m.Role.Face == face {
			return m
		}
	}
	return Match{}
}

// TestCollectionFaceByFamilyName: a .ttc whose second face calls itself
// 楷体_GB2312 (under a file name that says nothing) serves the 楷体 role,
// and what Load returns is that face as a standalone TrueType font.
func TestCollectionFaceByFamilyName(t *testing.T) {
	dir := t.TempDir()
	song := renamed(t, fonts.NotoSerifFolio, chineseNames("新宋体", "NSimSun"))
	kai := renamed(t, fonts.WenKai, chineseNames("楷体_GB2312", "KaiTi_GB2312"))
	os.WriteFile(filepath.Join(dir, "abc.ttc"), collection(song, kai), 0o644)

	faces, notes := Scan([]Folder{{dir, "测试目录"}})
	if len(notes) != 0 || len(faces) != 2 {
		t.Fatalf("faces %d, notes %v", len(faces), notes)
	}
	m := match(Choose(faces), typeset.FaceKai)
	if m.Face == nil || m.Face.Index != 1 || m.Name != "楷体_GB2312" {
		t.Fatalf("楷体 role: %+v", m)
	}
	if !strings.Contains(m.Face.Where(), "abc.ttc 中的第 2 个字体") || !strings.Contains(m.Why(), "字体名“楷体_GB2312”") {
		t.Errorf("where %q, why %q", m.Face.Where(), m.Why())
	}
	if s := match(Choose(faces), typeset.FaceSong); s.Face != nil {
		t.Errorf("新宋体 taken for 宋体: %+v", s.Face)
	}
	data, err := Load(m.Face)
	if err != nil {
		t.Fatal(err)
	}
	if string(data[:4]) != "\x00\x01\x00\x00" {
		t.Fatalf("not a standalone TrueType font: %q", data[:4])
	}
	got, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := sfnt.Parse(fonts.WenKai)
	if got.NumGlyphs() != want.NumGlyphs() {
		t.Errorf("glyphs: %d, want %d", got.NumGlyphs(), want.NumGlyphs())
	}
	var buf sfnt.Buffer
	for _, r := range "楷体关于巡察整改" {
		g1, _ := got.GlyphIndex(&buf, r)
		g2, _ := want.GlyphIndex(&buf, r)
		if g1 == 0 || g1 != g2 {
			t.Errorf("%c: glyph %d, want %d", r, g1, g2)
		}
	}
	if sum := checksum(data); sum != 0xb1b0afba {
		t.Errorf("whole-font checksum %#x, want 0xb1b0afba", sum)
	}
	for tag, body := range tablesOf(t, data) {
		if tag != "head" && tag != "name" && !bytes.Equal(body, tablesOf(t, fonts.WenKai)[tag]) {
			t.Errorf("table %s changed", tag)
		}
	}
}

// TestFoundByNameNotFileName: 仿宋_GB2312 installed as "xyz123.ttf", an
// old 方正 font naming itself in GBK (Windows PRC encoding), a CFF font
// (not embeddable) of a wanted name that is passed over with a reason.
func TestFoundByNameNotFileName(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "b", "xyz123.ttf"), renamed(t, fonts.NotoSerifFolio, chineseNames("仿宋_GB2312", "FangSong_GB2312")), 0o644)
	os.WriteFile(filepath.Join(dir, "FZXBS.TTF"), renamed(t, fonts.NotoSerifFolio, []nameRec{{3, 3, 0x0804, 1, "方正小标宋简体"}}), 0o644)
	cff := tablesOf(t, fonts.NotoSerifFolio)
	delete(cff, "glyf")
	cff["CFF "] = []byte{1, 0, 4, 1}
	cff["name"] = nameTable(chineseNames("黑体", "SimHei"))
	os.WriteFile(filepath.Join(dir, "heiti.otf"), buildFont("OTTO", cff), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.ttf"), []byte("not a font"), 0o644)

	faces, notes := Scan([]Folder{{dir, "测试目录"}})
	if len(notes) != 1 || !strings.Contains(notes[0], "broken.ttf") {
		t.Errorf("notes: %v", notes)
	}
	ms := Choose(faces)
	if m := match(ms, typeset.FaceFang); m.Face == nil || filepath.Base(m.Face.Path) != "xyz123.ttf" {
		t.Errorf("仿宋_GB2312 under another file name not found: %+v", m)
	}
	if m := match(ms, typeset.FaceTitle); m.Face == nil || m.Name != "方正小标宋简体" {
		t.Errorf("GBK-named 方正小标宋简体 not found: %+v", m)
	}
	hei := match(ms, typeset.FaceHei)
	if hei.Face != nil || len(hei.Skipped) != 1 || !strings.Contains(hei.Skipped[0], "CFF") {
		t.Errorf("CFF 黑体: %+v", hei)
	}
	if !strings.HasPrefix(hei.Why(), "本机没有 黑体、SimHei") {
		t.Errorf("why: %s", hei.Why())
	}
}

func TestKey(t *testing.T) {
	for _, s := range []string{"仿宋_GB2312", "仿宋 GB2312", "仿宋－ＧＢ２３１２", "仿宋gb2312"} {
		if key(s) != key("仿宋GB2312") {
			t.Errorf("%q does not match 仿宋GB2312 (%q)", s, key(s))
		}
	}
}

// TestPlatformFolders: each platform's folders, with its environment.
func TestPlatformFolders(t *testing.T) {
	env := map[string]string{"WINDIR": `C:\Windows`, "LOCALAPPDATA": `C:\Users\张三\AppData\Local`, "APPDATA": `C:\Users\张三\AppData\Roaming`}
	paths := func(goos string) string {
		var b strings.Builder
		for _, f := range platformFolders(goos, func(k string) string { return env[k] }, "/home/zs") {
			b.WriteString(f.Path + " | " + f.Why + "\n")
		}
		return b.String()
	}
	win := paths("windows")
	for _, want := range []string{filepath.Join(`C:\Windows`, "Fonts"), filepath.Join(env["LOCALAPPDATA"], "Microsoft", "Windows", "Fonts"),
		filepath.Join(env["APPDATA"], "Kingsoft", "office6", "fonts")} {
		if !strings.Contains(win, want+" | ") {
			t.Errorf("windows: %s missing from\n%s", want, win)
		}
	}
	if strings.Contains(win, "ProgramFiles") || strings.Contains(win, "| \n") {
		t.Errorf("windows: folders from unset variables:\n%s", win)
	}
	for goos, wants := range map[string][]string{
		"darwin": {"/System/Library/Fonts/Supplemental", "/home/zs/Library/Fonts", "/Applications/wpsoffice.app/Contents/Resources/office6/fonts"},
		"linux":  {"/usr/share/fonts", "/home/zs/.local/share/fonts", "/opt/kingsoft/wps-office/office6/fonts", "/usr/share/fonts/wps-office"},
	} {
		got := paths(goos)
		for _, w := range wants {
			if !strings.Contains(got, w+" | ") {
				t.Errorf("%s: %s missing from\n%s", goos, w, got)
			}
		}
	}
}

// TestFoldersExtraFirst: --font-dir comes before the system's folders and
// missing folders are left out.
func TestFoldersExtraFirst(t *testing.T) {
	dir := t.TempDir()
	fs := Folders(dir)
	if len(fs) == 0 || fs[0].Path != dir || fs[0].Why != "--font-dir 指定的目录" {
		t.Fatalf("folders: %v", fs)
	}
	for _, f := range fs {
		if st, err := os.Stat(f.Path); err != nil || !st.IsDir() {
			t.Errorf("missing folder listed: %s", f.Path)
		}
	}
	if fs := Folders(filepath.Join(dir, "missing")); len(fs) > 0 && fs[0].Why == "--font-dir 指定的目录" {
		t.Errorf("a missing --font-dir listed")
	}
}

// FuzzReadFaces: no font file, however damaged, panics the name reader
// or the face cutter.
// tinyFont is the smallest font readFaces and standalone take: a name
// table, a 'head' whose checksum is rewritten, OS/2 with its fsType, and a
// 'glyf' that makes it TrueType.
func tinyFont(recs []nameRec) []byte {
	return buildFont("\x00\x01\x00\x00", map[string][]byte{
		"name": nameTable(recs),
		"head": make([]byte, 16),
		"OS/2": make([]byte, 10),
		"glyf": {0, 0, 0, 0},
	})
}

func FuzzReadFaces(f *testing.F) {
	// Small seeds (a few hundred bytes), so that the fuzzer explores
	// instead of spending its minutes shrinking a real font.
	f.Add(tinyFont(chineseNames("宋体", "SimSun")))
	f.Add(collection(tinyFont(chineseNames("宋体", "SimSun")), tinyFont(chineseNames("黑体", "SimHei"))))
	f.Add(tinyFont([]nameRec{{3, 3, 0x0804, 1, "仿宋_GB2312"}, {1, 25, 33, 4, "Fang"}, {0, 3, 0, 16, "Kai"}}))
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x02"))
	f.Fuzz(func(t *testing.T, data []byte) {
		faces, err := readFaces(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		for _, fc := range faces {
			standalone(bytes.NewReader(data), fc)
		}
	})
}

var _ = golden.Update // the shared -update flag (no golden files here)
