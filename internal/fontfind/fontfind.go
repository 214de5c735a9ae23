// Package fontfind finds the office's own fonts the way the platforms do:
// in the system's, the user's, WPS Office's and fontconfig's folders, in
// TrueType collections (.ttc) as well as single files, by the names the
// fonts give themselves (their name table, in Chinese and in English), not
// by file names. It says for each role of a GB/T 9704 notice which font it
// found and why, and hands the PDF writer a standalone TrueType file, cut
// out of its collection where needed.
package fontfind

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/rectify/rectify/internal/typeset"
	"golang.org/x/text/width"
)

// Role is a use of a font in a notice, with the family names that serve
// it, the preferred first.
type Role struct {
	Face     typeset.Face
	Label    string
	Families []string
}

// Roles are the faces GB/T 9704 asks for and the names offices' fonts
// carry: Windows' own, 方正's, the CESI fonts of UOS and Kylin, macOS's
// 华文 (ST) fonts. The bundled fonts stand in for any role not found.
var Roles = []Role{
	{typeset.FaceFang, "正文（仿宋_GB2312）", []string{"仿宋_GB2312", "FangSong_GB2312", "CESI仿宋-GB2312", "CESI_FS_GB2312",
		"方正仿宋_GB2312", "仿宋", "FangSong", "方正仿宋_GBK", "FZFangSong-Z02", "方正仿宋简体", "FZFangSong-Z02S", "华文仿宋", "STFangsong"}},
	{typeset.FaceTitle, "标题（方正小标宋简体）", []string{"方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05",
		"CESI小标宋-GB2312", "CESI_XBS_GB2312", "方正小标宋", "华文中宋", "STZhongsong"}},
	{typeset.FaceHei, "一级标题（黑体）", []string{"黑体", "SimHei", "方正黑体_GBK", "FZHei-B01", "方正黑体简体", "FZHei-B01S",
		"CESI黑体-GB2312", "CESI_HT_GB2312", "华文黑体", "STHeiti", "Heiti SC"}},
	{typeset.FaceKai, "二级标题（楷体_GB2312）", []string{"楷体_GB2312", "KaiTi_GB2312", "CESI楷体-GB2312", "CESI_KT_GB2312",
		"楷体", "KaiTi", "方正楷体_GBK", "FZKai-Z03", "方正楷体简体", "FZKai-Z03S", "华文楷体", "STKaiti", "Kaiti SC"}},
	{typeset.FaceSong, "页码（宋体）", []string{"宋体", "SimSun", "CESI宋体-GB2312", "CESI_SS_GB2312", "方正书宋_GBK", "FZShuSong-Z01",
		"华文宋体", "STSong", "Songti SC"}},
}

// Face is one face of an installed font file.
type Face struct {
	Path     string   // the file
	Index    int      // the face within a collection; 0 for a single font
	Of       int      // how many faces the file has (1 for a single font)
	Families []string // its names, every language, as the font writes them
	Style    string   // its subfamily: Regular, Bold, 常规…
	Folder   Folder   // where it was found
	info     faceInfo
}

// Where names the face for a user: the file, and the face in a collection.
func (f *Face) Where() string {
	if f.Of > 1 {
		return fmt.Sprintf("%s 中的第 %d 个字体", f.Path, f.Index+1)
	}
	return f.Path
}

// unusable says why the PDF writer cannot embed the face, or "".
func (f *Face) unusable() string {
	switch {
	case !f.info.trueType:
		return "是 CFF（PostScript）轮廓的 OpenType 字体，PDF 写出器只能嵌入 TrueType 轮廓"
	case f.info.restricted:
		return "字体许可不允许嵌入（OS/2 fsType 为受限）"
	}
	return ""
}

// Match is the font chosen for a role, or none, and why.
type Match struct {
	Role    Role
	Face    *Face    // nil when no installed font serves the role
	Name    string   // the family name it was found by
	Skipped []string // fonts of a wanted name passed over, with the reason
}

// Why tells a user how the role's font was chosen.
func (m Match) Why() string {
	if m.Face == nil {
		return "本机没有 " + strings.Join(m.Role.Families, "、")
	}
	return fmt.Sprintf("字体名“%s”，在%s", m.Name, m.Face.Folder.Why)
}

// Limits of a scan: fonts live near the top of their folders, and no font
// file is larger than the largest CJK collections (~60 MB).
const (
	maxDepth    = 5
	maxFontFile = 256 << 20
)

// scanned remembers scans for the life of the process (a batch converts
// many files with the same fonts): folder list -> *scan.
var scanned sync.Map

type scan struct {
	once  sync.Once
	faces []*Face
	notes []string
}

// Scan reads the names of every font file in the folders, once per process
// for the same folders. Files it cannot read are listed in notes and
// otherwise ignored. The faces are shared: callers must not change them.
func Scan(folders []Folder) (faces []*Face, notes []string) {
	var k strings.Builder
	for _, f := range folders {
		k.WriteString(f.Path + "\x00" + f.Why + "\x00")
	}
	v, _ := scanned.LoadOrStore(k.String(), &scan{})
	s := v.(*scan)
	s.once.Do(func() { s.faces, s.notes = scanFolders(folders) })
	// Clipped, so that a caller's append never writes into the shared array.
	return s.faces[:len(s.faces):len(s.faces)], s.notes[:len(s.notes):len(s.notes)]
}

func scanFolders(folders []Folder) (faces []*Face, notes []string) {
	seen := map[string]bool{}
	for _, folder := range folders {
		filepath.WalkDir(folder.Path, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if rel, _ := filepath.Rel(folder.Path, path); strings.Count(rel, string(filepath.Separator)) >= maxDepth {
					return filepath.SkipDir
				}
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".ttf", ".ttc", ".otf", ".otc":
			default:
				return nil
			}
			real, err := filepath.EvalSymlinks(path)
			if err != nil || seen[real] {
				return nil
			}
			seen[real] = true
			found, err := scanFile(path, folder)
			if err != nil {
				notes = append(notes, fmt.Sprintf("跳过字体文件 %s：%v", path, err))
			}
			faces = append(faces, found...)
			return nil
		})
	}
	return faces, notes
}

func scanFile(path string, folder Folder) ([]*Face, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取")
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() > maxFontFile {
		return nil, fmt.Errorf("文件过大或无法读取")
	}
	infos, err := readFaces(f, st.Size())
	if err != nil {
		return nil, err
	}
	var faces []*Face
	for i, info := range infos {
		faces = append(faces, &Face{Path: path, Index: i, Of: len(infos), Families: info.families,
			Style: info.subfamily, Folder: folder, info: info})
	}
	return faces, nil
}

// Choose finds the font for each role among the faces, by family name in
// the roles' order of preference; among faces of one name the regular
// style wins, then the folder found first.
func Choose(faces []*Face) []Match {
	byName := map[string][]*Face{}
	for _, f := range faces {
		for _, n := range f.Families {
			k := key(n)
			if l := byName[k]; len(l) == 0 || l[len(l)-1] != f {
				byName[k] = append(byName[k], f)
			}
		}
	}
	var out []Match
	for _, role := range Roles {
		m := Match{Role: role}
		passed := map[*Face]bool{}
	names:
		for _, name := range role.Families {
			var best *Face
			for _, f := range byName[key(name)] {
				if why := f.unusable(); why != "" {
					if !passed[f] {
						passed[f] = true
						m.Skipped = append(m.Skipped, fmt.Sprintf("%s：%s", f.Where(), why))
					}
					continue
				}
				if best == nil || (!regular(best.Style) && regular(f.Style)) {
					best = f
				}
			}
			if best != nil {
				m.Face, m.Name = best, name
				break names
			}
		}
		out = append(out, m)
	}
	return out
}

// key is a family name as compared: full-width folded, lower case, without
// spaces, underscores and hyphens ("仿宋_GB2312" = "仿宋 GB2312" = "仿宋GB2312").
func key(name string) string {
	s := strings.ToLower(width.Fold.String(name))
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '_', '-':
			return -1
		}
		return r
	}, s)
}

func regular(style string) bool {
	switch strings.ToLower(style) {
	case "regular", "normal", "book", "roman", "常规", "标准", "正常", "":
		return true
	}
	return false
}

// Load returns the face as a standalone TrueType file: the file itself, or
// the face cut out of its collection.
func Load(f *Face) ([]byte, error) {
	if why := f.unusable(); why != "" {
		return nil, fmt.Errorf("%s %s", f.Where(), why)
	}
	if f.Of == 1 {
		data, err := os.ReadFile(f.Path)
		if err != nil {
			return nil, fmt.Errorf("无法读取字体 %s", f.Path)
		}
		return data, nil
	}
	file, err := os.Open(f.Path)
	if err != nil {
		return nil, fmt.Errorf("无法读取字体 %s", f.Path)
	}
	defer file.Close()
	return standalone(file, f.info)
}
