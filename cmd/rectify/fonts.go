package main

import (
	"fmt"
	"strings"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/fontfind"
	"github.com/rectify/rectify/internal/render"
	"github.com/rectify/rectify/internal/typeset"
	"github.com/spf13/pflag"
)

const fontsHelp = `列出写 PDF 时每个部分用哪种字体、为什么：
先在 --font-dir、再在本机的字体目录（系统、当前用户、WPS Office、fontconfig 配置的目录）里
按字体自己的名字（中文名或英文名，不看文件名）找单位常用的字体，TTC 字体集里的也算；
找不到的部分用内置的开源字体，保证不缺字。

示例：
  rectify fonts
  rectify fonts --font-dir 我们单位的字体
`

func init() {
	register(&command{
		name:    "fonts",
		args:    "[选项]",
		summary: "列出写 PDF 时每个部分用哪种字体、为什么",
		help:    fontsHelp,
		setup: func(fs *pflag.FlagSet) func(*env, []string) int {
			var fontDir string
			var bundledOnly bool
			fs.StringVar(&fontDir, "font-dir", "", "另外查找字体的`目录`，优先于系统字体")
			fs.BoolVar(&bundledOnly, "bundled-fonts", false, "只用内置字体（和 --font-dir），不看本机安装的字体")
			return func(e *env, args []string) int {
				if len(args) > 0 {
					return usageError(e, "fonts", "不需要文件名")
				}
				return runFonts(e, fontDir, bundledOnly)
			}
		},
	})
}

func runFonts(e *env, fontDir string, bundledOnly bool) int {
	set, loadNotes, err := render.LoadFonts(fontDir, !bundledOnly)
	if err != nil {
		fmt.Fprintf(e.stderr, "rectify：%v\n", err)
		return diag.ExitInput
	}
	var folders []fontfind.Folder
	switch {
	case !bundledOnly:
		folders = fontfind.Folders(fontDir)
	case fontDir != "":
		folders = []fontfind.Folder{{Path: fontDir, Why: "--font-dir 指定的目录"}}
	}
	w := e.stdout
	switch {
	case len(folders) > 0:
		fmt.Fprintln(w, "查找字体的目录（按先后）：")
		for _, f := range folders {
			fmt.Fprintf(w, "  %s（%s）\n", f.Path, f.Why)
		}
	case bundledOnly:
		fmt.Fprintln(w, "不查找本机字体（--bundled-fonts），全部用内置字体。")
	default:
		fmt.Fprintln(w, "查找字体的目录（按先后）：本机没有字体目录。")
	}
	faces, _ := fontfind.Scan(folders)
	files := map[string]bool{}
	for _, f := range faces {
		files[f.Path] = true
	}
	fmt.Fprintf(w, "共读到 %d 个字体文件中的 %d 个字体。\n\n各部分用的字体：\n", len(files), len(faces))
	for _, m := range fontfind.Choose(faces) {
		fmt.Fprintf(w, "  %s：%s\n", m.Role.Label, set.Faces[m.Role.Face].Name)
		if !bundledOnly || fontDir != "" {
			fmt.Fprintf(w, "      %s\n", m.Why())
		}
		for _, s := range m.Skipped {
			fmt.Fprintf(w, "      跳过 %s\n", s)
		}
	}
	fmt.Fprintf(w, "  缺字后备：%s\n", set.Faces[typeset.FaceFallback].Name)
	if len(loadNotes) > 0 {
		fmt.Fprintf(w, "\n说明：\n  %s\n", strings.Join(loadNotes, "\n  "))
	}
	return diag.ExitOK
}
