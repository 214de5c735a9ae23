package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/rectify/rectify/internal/check"
	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/format"
	"github.com/rectify/rectify/internal/pdftext"
	"github.com/rectify/rectify/internal/textnotice"
)

const checkUsage = `用法：
  rectify check [选项] 文件

校对通报或台账（.txt .md .json .pdf .xlsx .xls .csv），报告：
  文中声称的合计与问题清单不符；问责人数相加不等于总数；
  问题序号重复、缺号、颠倒；措施日期晚于通报日期或早于巡察开始；
  需要进一步整改的事项与完成情况不符；整改时限已过仍未完成；
  完成情况用语不规范、没有整改措施；日期有前导零、中文里用了半角标点；
  所配置的字体排印不了的字符。

退出状态：0 没有错误；1 发现错误；2 文件无法读取。

示例：
  rectify check 通报.txt
  rectify check --format json 通报.pdf
  rectify check --today 2026-01-01 台账.xlsx

选项：
`

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		outFormat, from string
		opt             format.Options
	)
	fs.StringVar(&outFormat, "format", "text", "报告格式：text（按级别分组，便于阅读）或 json")
	fs.StringVar(&from, "from", "", "输入格式，默认按扩展名")
	fs.StringVar(&opt.Today, "today", "", "判断整改时限是否已过所用的日期（YYYY-MM-DD），默认为通报日期")
	fs.StringVar(&opt.Password, "password", "", "PDF 的打开密码")
	fs.StringVar(&opt.Sheet, "sheet", "", "台账的工作表名称")
	fs.StringVar(&opt.FontDir, "font-dir", "", "另外查找字体的目录")
	fs.Usage = func() { fmt.Fprint(stderr, checkUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fmt.Fprint(stdout, checkUsage)
			fs.PrintDefaults()
			return 0
		}
		return diag.ExitInput
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "rectify check：需要一个文件")
		fs.Usage()
		return diag.ExitInput
	}
	if outFormat != "text" && outFormat != "json" {
		fmt.Fprintf(stderr, "rectify check：--format 只能是 text 或 json，不是 %q\n", outFormat)
		return diag.ExitInput
	}
	in := fs.Arg(0)
	n, err := readNotice(in, from, opt, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "rectify：%v\n", err)
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
			switch kind {
			case "text":
				if text, err := textnotice.Decode(data); err == nil {
					copt.Raw = rawLines(text)
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
	if outFormat == "json" {
		if findings == nil {
			findings = []check.Finding{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(findings)
	} else {
		writeFindings(stdout, in, findings)
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
