package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/rectify/rectify/internal/check"
	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/docx"
	"github.com/rectify/rectify/internal/format"
	"github.com/rectify/rectify/internal/pdftext"
	"github.com/rectify/rectify/internal/textnotice"
	"github.com/spf13/pflag"
)

const checkHelp = `校对通报或台账（.txt .md .json .pdf .docx .xlsx .xls .csv .html .htm .mhtml .mht），报告：
  文中声称的合计与问题清单不符；问责人数相加不等于总数；
  问题序号重复、缺号、颠倒；措施日期晚于通报日期或早于巡察开始；
  需要进一步整改的事项与完成情况不符；整改时限已过仍未完成；
  完成情况用语不规范、没有整改措施；日期有前导零、中文里用了半角标点；
  所配置的字体排印不了的字符。

退出状态：0 没有错误；1 发现错误；2 文件无法读取或用法错误。

示例：
  rectify check 通报.txt
  rectify check 通报.pdf --format json
  rectify check --today 2026-01-01 台账.xlsx
`

type checkFlags struct {
	outFormat, from string
	opt             format.Options
}

func init() {
	register(&command{
		name:    "check",
		args:    "[选项] 文件",
		summary: "校对通报或台账：合计、日期、序号等",
		help:    checkHelp,
		setup: func(fs *pflag.FlagSet) func(*env, []string) int {
			f := &checkFlags{}
			fs.StringVar(&f.outFormat, "format", "text", "报告`格式`：text（按级别分组，便于阅读）或 json")
			fs.StringVar(&f.from, "from", "", "输入`格式`，默认按扩展名")
			fs.Var(dateValue{p: &f.opt.Today}, "today", "判断整改时限是否已过所用的`日期`，如 2026-01-01 或 2026年1月1日；默认为通报日期")
			fs.StringVar(&f.opt.Password, "password", "", "PDF 的打开`密码`")
			fs.StringVar(&f.opt.Sheet, "sheet", "", "台账的工作表`名称`")
			fs.StringVar(&f.opt.FontDir, "font-dir", "", "另外查找字体的`目录`")
			return func(e *env, args []string) int { return runCheck(e, f, args) }
		},
	})
}

func runCheck(e *env, f *checkFlags, args []string) int {
	if len(args) != 1 {
		return usageError(e, "check", fmt.Sprintf("需要一个文件（给了 %d 个）", len(args)))
	}
	if f.outFormat != "text" && f.outFormat != "json" {
		return usageError(e, "check", fmt.Sprintf("--format 只能是 text 或 json，不是 %q", f.outFormat))
	}
	if err := checkOptionFiles(&f.opt); err != nil {
		fmt.Fprintf(e.stderr, "rectify：%v\n", err)
		return diag.ExitInput
	}
	in, opt, from := args[0], f.opt, f.from
	n, err := readNotice(e.ctx, in, from, opt, e.stdin)
	if err != nil {
		fmt.Fprintf(e.stderr, "rectify：%v\n", err)
		return diag.ExitInput
	}
	copt := check.Options{Today: opt.Today, Covers: glyphCoverage(opt.FontDir)}
	// The surface checks read the source as written, before normalisation.
	kind := format.Name(from)
	if from == "" {
		kind = format.FromPath(in)
	}
	if in != "-" {
		if data, err := readFile(in); err == nil {
			if k, body, err := format.Decide(kind, data, in); err == nil {
				kind, data = k, body // what the reader read, not what the name says
			}
			switch kind {
			case "text":
				if text, err := textnotice.Decode(data); err == nil {
					copt.Raw = rawLines(text)
				}
			case "docx":
				if paras, err := docx.Paragraphs(data); err == nil {
					for _, p := range paras {
						copt.Raw = append(copt.Raw, check.RawLine{Line: p.Number, Text: p.Text})
					}
				}
			case "pdf":
				if lines, err := pdftext.Text(context.TODO(), data, pdftext.Options{Password: opt.Password}); err == nil {
					for _, l := range lines {
						copt.Raw = append(copt.Raw, check.RawLine{Page: l.Page, Line: l.Line, Text: l.Raw})
					}
				}
			}
		}
	}
	findings := check.Check(n, copt)
	if f.outFormat == "json" {
		if findings == nil {
			findings = []check.Finding{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(findings)
	} else {
		writeFindings(e.stdout, in, findings)
	}
	if check.HasErrors(findings) {
		return diag.ExitFindings
	}
	return diag.ExitOK
}

// rawLines numbers the source lines as the clerk wrote them; form feeds
// start pages.
func rawLines(text string) []check.RawLine {
	var out []check.RawLine
	page := 1
	if !strings.Contains(text, "\f") {
		page = 0
	}
	for i, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		for strings.HasPrefix(l, "\f") {
			page++
			l = l[1:]
		}
		out = append(out, check.RawLine{Page: page, Line: i + 1, Text: l})
	}
	return out
}

var levelNames = map[string]string{check.Error: "错误", check.Warning: "警告", check.Info: "提示"}

func writeFindings(w io.Writer, file string, fs []check.Finding) {
	count := map[string]int{}
	for _, f := range fs {
		count[f.Level]++
	}
	if len(fs) == 0 {
		fmt.Fprintf(w, "%s：没有发现问题。\n", file)
		return
	}
	fmt.Fprintf(w, "%s：%d 个错误，%d 个警告，%d 个提示\n", file, count[check.Error], count[check.Warning], count[check.Info])
	last := ""
	for _, f := range fs {
		if f.Level != last {
			fmt.Fprintf(w, "\n%s：\n", levelNames[f.Level])
			last = f.Level
		}
		loc := ""
		if f.Location != "" {
			loc = f.Location + "："
		}
		fmt.Fprintf(w, "  %s%s\n", loc, f.Message)
	}
}
