package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/format"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/render"
	"github.com/rectify/rectify/internal/safeio"
	"github.com/spf13/pflag"
)

const convertHelp = `按扩展名判断格式；"-" 表示标准输入或标准输出，这时用 --from / --to 指明格式。
已存在的输出文件不会被覆盖，除非加 --force；输出文件不能就是输入文件。
给了 --out-dir 就是批量转换：每个输入文件（目录里的所有可读文件）在输出目录里写一个同名文件，
并行转换，一个文件出错不影响其他，最后列出失败的文件和原因。两个输入会写成同一个输出时
（通报.txt 和 通报.pdf 都写成 通报.json），第二个写成 “通报 (2).json”，绝不互相覆盖。

示例：
  rectify convert 通报.txt 通报.json
  rectify convert 通报.json 通报.pdf --force
  cat 通报.txt | rectify convert --from txt --to json - -
  rectify convert --out-dir 输出 --to json 去年的通报/
  rectify convert --out-dir 输出 --to pdf -r 各单位材料/
`

// maxInput bounds what a reader is handed; no notice or ledger comes near.
const maxInput = 512 << 20

type convertFlags struct {
	from, to, outDir string
	force, recursive bool
	opt              format.Options
}

func init() {
	register(&command{
		name:    "convert",
		args:    "[选项] 输入文件 输出文件 | --out-dir 目录 --to 格式 文件或目录...",
		summary: "转换通报和台账（文字、PDF、Excel、JSON），单个文件或批量",
		help:    convertHelp,
		setup: func(fs *pflag.FlagSet) func(*env, []string) int {
			f := &convertFlags{}
			fs.StringVar(&f.from, "from", "", "输入`格式`：txt、json、pdf、docx、xlsx、xls、csv、html，默认按扩展名")
			fs.StringVar(&f.to, "to", "", "输出`格式`：txt、json、pdf、docx、xlsx，默认按扩展名")
			fs.StringVar(&f.outDir, "out-dir", "", "批量转换：输出`目录`，不存在时创建")
			fs.BoolVarP(&f.recursive, "recursive", "r", false, "批量转换时也转换子目录里的文件，在输出目录里建同样的子目录")
			fs.BoolVar(&f.force, "force", false, "覆盖已存在的输出文件")
			fs.StringVar(&f.opt.Password, "password", "", "PDF 的打开`密码`")
			fs.StringVar(&f.opt.Sheet, "sheet", "", "读取台账时使用的工作表`名称`")
			fs.StringVar(&f.opt.Template, "template", "", "写台账时填入的单位自有模板`文件`（.xlsx）")
			fs.StringVar(&f.opt.FontDir, "font-dir", "", "另外查找字体的`目录`，优先于系统字体")
			fs.BoolVar(&f.opt.BundledFontsOnly, "bundled-fonts", false, "只用内置字体（和 --font-dir），不用本机安装的字体")
			fs.StringVar(&f.opt.Layout, "layout", "", "写 PDF 或 Word 时使用的版式模板`文件`（.json，参照 templates/gbt9704.json）")
			fs.StringVar(&f.opt.Mark, "mark", "", "写 PDF 或 Word 时发文机关标志（红色版头）的`文字`，如“××管理委员会文件”")
			fs.StringVar(&f.opt.CC, "cc", "", "写 PDF 或 Word 时版记中的抄送`机关`")
			fs.StringVar(&f.opt.Printer, "printer", "", "写 PDF 或 Word 时版记中的印发`机关`")
			fs.Var(dateValue{p: &f.opt.PrintDate, chinese: true}, "print-date", "写 PDF 或 Word 时版记中的印发`日期`，如 2025年6月24日 或 2025-06-24")
			return func(e *env, args []string) int { return runConvert(e, f, args) }
		},
	})
}

func runConvert(e *env, f *convertFlags, args []string) int {
	if err := checkOptionFiles(&f.opt); err != nil {
		fmt.Fprintf(e.stderr, "rectify：%v\n", err)
		return diag.ExitInput
	}
	if f.outDir != "" {
		return runBatch(e, f, args)
	}
	if f.recursive {
		return usageError(e, "convert", "-r（--recursive）只用于批量转换，要同时给出 --out-dir")
	}
	if len(args) != 2 {
		return usageError(e, "convert", fmt.Sprintf("需要一个输入文件和一个输出文件（给了 %d 个文件名）", len(args)))
	}
	f.opt.Log = func(msg string) { fmt.Fprintln(e.stderr, "rectify："+msg) }
	defer oneFileGC()()
	if err := convertOne(e, args[0], args[1], f); err != nil {
		fmt.Fprintf(e.stderr, "rectify：%v\n", err)
		return diag.ExitInput
	}
	return diag.ExitOK
}

// checkOptionFiles looks at the files options name before any work is
// done, so that a mistake there is reported against that file.
func checkOptionFiles(opt *format.Options) error {
	if opt.FontDir != "" {
		if st, err := os.Stat(opt.FontDir); err != nil || !st.IsDir() {
			return diag.Errorf(opt.FontDir, "--font-dir 给出的字体目录不存在")
		}
	}
	for _, o := range []struct{ flag, path, kind, name string }{
		{"--layout", opt.Layout, "json", "JSON"}, {"--template", opt.Template, "xlsx", "Excel（.xlsx）"}} {
		if o.path == "" {
			continue
		}
		data, err := readFile(o.path)
		if err != nil {
			return diag.Errorf(o.path, "%v（%s）", err, o.flag)
		}
		if format.Sniff(data) != o.kind {
			return diag.Errorf(o.path, "%s 给出的不是 %s 文件", o.flag, o.name)
		}
	}
	return nil
}

// readNotice reads a notice from a path ("-" is stdin) with the format named
// by from, or by the path's extension.
func readNotice(ctx context.Context, in, from string, opt format.Options, stdin io.Reader) (*notice.Notice, error) {
	name := format.Name(from)
	if from == "" {
		if in == "-" {
			return nil, diag.Errorf("标准输入", "从标准输入读取时需要用 --from 指明格式")
		}
		name = format.FromPath(in) // "": the bytes decide (format.Decide)
	} else if name == "" {
		return nil, diag.Errorf(in, "未知的输入格式 %q（可读取 txt、json、pdf、docx、xlsx、xls、csv、html）", from)
	}
	label := in
	var data []byte
	var err error
	if in == "-" {
		label = "标准输入"
		data, err = io.ReadAll(io.LimitReader(stdin, maxInput+1))
		if err == nil && len(data) > maxInput {
			err = errors.New("输入过大（超过 512 MB）")
		}
	} else {
		data, err = readFile(in)
	}
	if err != nil {
		return nil, diag.Wrap(label, err)
	}
	opt.File = label
	n, err := format.Read(ctx, name, data, opt)
	if err != nil {
		return nil, diag.Wrap(label, interrupted(ctx, err))
	}
	return n, nil
}

// interrupted names a cancelled run as such rather than by the error the
// cancellation caused deep inside.
func interrupted(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return errors.New("已中断")
	}
	return err
}

func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, errors.New("文件不存在")
	case errors.Is(err, os.ErrPermission):
		return nil, errors.New("没有读取权限")
	case err != nil:
		return nil, errors.New("无法读取（路径不对或磁盘出错）")
	case st.IsDir():
		return nil, errors.New("这是一个目录，不是文件")
	case st.Size() > maxInput:
		return nil, errors.New("文件过大（超过 512 MB）")
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrPermission):
		return nil, errors.New("没有读取权限")
	case err != nil:
		return nil, errors.New("无法读取（磁盘出错或文件正被占用）")
	}
	return data, nil
}

// outputFormat names the format to write: --to, else the extension.
func outputFormat(out, to string) (string, error) {
	if to == "" {
		if out == "-" {
			return "", diag.Errorf("标准输出", "写到标准输出时需要用 --to 指明格式")
		}
		name := format.OutputFromPath(out)
		if name == "" {
			return "", diag.Errorf(out, "无法识别的输出扩展名 %q（可写出 .txt .json .pdf .docx .xlsx）", filepath.Ext(out))
		}
		return name, nil
	}
	name := format.Name(to)
	if name == "" {
		name = strings.ToLower(strings.TrimPrefix(to, "."))
	}
	if _, err := format.LookupWriter(name); err != nil {
		return "", fmt.Errorf("--to %s：%v", to, err)
	}
	return name, nil
}

func convertOne(e *env, in, out string, f *convertFlags) error {
	to, err := outputFormat(out, f.to)
	if err != nil {
		return err
	}
	if to == "pdf" {
		// The fonts load while the input is read.
		render.Prefetch(f.opt.FontDir, !f.opt.BundledFontsOnly)
	}
	w, err := format.LookupWriter(to)
	if err != nil {
		return diag.Wrap(out, err)
	}
	if out != "-" {
		if in != "-" && safeio.SameFile(in, out) {
			return diag.Wrap(out, safeio.ErrSameAsInput)
		}
		if !f.force {
			if _, err := os.Lstat(out); err == nil {
				return diag.Wrap(out, safeio.ErrExists)
			}
		}
	}
	if streamed, err := convertStream(e, in, out, to, f); streamed {
		return err
	}
	n, err := readNotice(e.ctx, in, f.from, f.opt, e.stdin)
	if err != nil {
		return err
	}
	opt := f.opt
	opt.File = out
	if out == "-" {
		// Whole or nothing on standard output too.
		var buf bytes.Buffer
		if err := w(e.ctx, n, &buf, opt); err != nil {
			return diag.Wrap("标准输出", interrupted(e.ctx, err))
		}
		_, err = e.stdout.Write(buf.Bytes())
		return err
	}
	file, err := safeio.Create(out, f.force)
	if err != nil {
		return diag.Wrap(out, err)
	}
	if err := w(e.ctx, n, file, opt); err != nil {
		file.Abort()
		return diag.Wrap(out, interrupted(e.ctx, err))
	}
	return diag.Wrap(out, file.Commit())
}
