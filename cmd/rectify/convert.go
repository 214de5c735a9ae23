package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/format"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/safeio"
)

const convertUsage = `用法：
  rectify convert [选项] 输入文件 输出文件
  rectify convert --out-dir 目录 --to 格式 文件或目录...

按扩展名判断格式；"-" 表示标准输入或标准输出，这时用 --from / --to 指明格式。
已存在的输出文件不会被覆盖，除非加 --force。

示例：
  rectify convert 通报.txt 通报.json
  rectify convert 通报.json 通报.txt
  cat 通报.txt | rectify convert --from txt --to json - -
  rectify convert --out-dir 输出 --to json 去年的通报/

选项：
`

// maxInput bounds what a reader is handed; no notice or ledger comes near.
const maxInput = 512 << 20

type convertFlags struct {
	from, to, outDir string
	force            bool
	opt              format.Options
}

func runConvert(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f convertFlags
	fs.StringVar(&f.from, "from", "", "输入格式（txt、json、pdf、xlsx、xls、csv），默认按扩展名")
	fs.StringVar(&f.to, "to", "", "输出格式（txt、json、pdf、xlsx），默认按扩展名")
	fs.StringVar(&f.outDir, "out-dir", "", "批量转换：输出目录")
	fs.BoolVar(&f.force, "force", false, "覆盖已存在的输出文件")
	fs.StringVar(&f.opt.Password, "password", "", "PDF 的打开密码")
	fs.StringVar(&f.opt.Sheet, "sheet", "", "读取台账时使用的工作表名称")
	fs.StringVar(&f.opt.Template, "template", "", "写台账时填入的单位自有模板（.xlsx）")
	fs.StringVar(&f.opt.FontDir, "font-dir", "", "另外查找字体的目录（优先于系统字体）")
	fs.BoolVar(&f.opt.BundledFontsOnly, "bundled-fonts", false, "只用内置字体（和 --font-dir），不用本机安装的字体")
	fs.StringVar(&f.opt.Layout, "layout", "", "写 PDF 时使用的版式模板（JSON，参照 templates/gbt9704.json）")
	fs.StringVar(&f.opt.Mark, "mark", "", "写 PDF 时的发文机关标志，如“××管理委员会文件”（红色版头）")
	fs.StringVar(&f.opt.CC, "cc", "", "写 PDF 时版记中的抄送机关")
	fs.StringVar(&f.opt.Printer, "printer", "", "写 PDF 时版记中的印发机关")
	fs.StringVar(&f.opt.PrintDate, "print-date", "", "写 PDF 时版记中的印发日期，如 2025年6月24日")
	fs.Usage = func() { fmt.Fprint(stderr, convertUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fmt.Fprint(stdout, convertUsage)
			fs.PrintDefaults()
			return 0
		}
		return diag.ExitInput
	}
	if f.outDir != "" {
		return runBatch(&f, fs.Args(), stderr)
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "rectify convert：需要一个输入文件和一个输出文件")
		fs.Usage()
		return diag.ExitInput
	}
	f.opt.Log = func(msg string) { fmt.Fprintln(stderr, "rectify："+msg) }
	in, out := fs.Arg(0), fs.Arg(1)
	if err := convertOne(in, out, &f, stdin, stdout); err != nil {
		fmt.Fprintf(stderr, "rectify：%v\n", err)
		return diag.ExitInput
	}
	return diag.ExitOK
}

// readNotice reads a notice from a path ("-" is stdin) with the format named
// by from, or by the path's extension.
func readNotice(in, from string, opt format.Options, stdin io.Reader) (*notice.Notice, error) {
	name := format.Name(from)
	if from == "" {
		if in == "-" {
			return nil, diag.Errorf("标准输入", "从标准输入读取时需要用 --from 指明格式")
		}
		name = format.FromPath(in)
		if name == "" {
			return nil, diag.Errorf(in, "无法识别的扩展名 %q（支持 .txt .md .json .pdf .xlsx .xls .csv）", filepath.Ext(in))
		}
	} else if name == "" {
		return nil, diag.Errorf(in, "未知的输入格式 %q", from)
	}
	label := in
	var data []byte
	var err error
	if in == "-" {
		label = "标准输入"
		data, err = io.ReadAll(io.LimitReader(stdin, maxInput+1))
	} else {
		data, err = readFile(in)
	}
	if err != nil {
		return nil, diag.Wrap(label, err)
	}
	opt.File = label
	n, err := format.Read(context.TODO(), name, data, opt)
	if err != nil {
		return nil, diag.Wrap(label, err)
	}
	return n, nil
}

func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, errors.New("文件不存在")
	case err != nil:
		return nil, fmt.Errorf("无法读取：%v", err)
	case st.IsDir():
		return nil, errors.New("这是一个目录，不是文件")
	case st.Size() > maxInput:
		return nil, errors.New("文件过大（超过 512 MB）")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取：%v", err)
	}
	return data, nil
}

func convertOne(in, out string, f *convertFlags, stdin io.Reader, stdout io.Writer) error {
	to := format.Name(f.to)
	if f.to == "" {
		if out == "-" {
			return diag.Errorf("标准输出", "写到标准输出时需要用 --to 指明格式")
		}
		to = format.FromPath(out)
		if to == "" {
			return diag.Errorf(out, "无法识别的输出扩展名 %q（支持 .txt .json .pdf .xlsx）", filepath.Ext(out))
		}
	} else if to == "" {
		return diag.Errorf(out, "未知的输出格式 %q", f.to)
	}
	w, err := format.LookupWriter(to)
	if err != nil {
		return diag.Wrap(out, err)
	}
	if out != "-" && !f.force {
		if _, err := os.Lstat(out); err == nil {
			return diag.Wrap(out, safeio.ErrExists)
		}
	}
	n, err := readNotice(in, f.from, f.opt, stdin)
	if err != nil {
		return err
	}
	opt := f.opt
	opt.File = out
	var buf bytes.Buffer
	if err := w(context.TODO(), n, &buf, opt); err != nil {
		return diag.Wrap(out, err)
	}
	if out == "-" {
		_, err = stdout.Write(buf.Bytes())
		return err
	}
	return diag.Wrap(out, safeio.WriteFile(out, buf.Bytes(), f.force))
}

// runBatch converts many files into a folder, in parallel. One bad file
// never stops the others; each failure is one line, and a summary ends it.
func runBatch(f *convertFlags, args []string, stderr io.Writer) int {
	to := format.Name(f.to)
	if to == "" {
		fmt.Fprintln(stderr, "rectify convert：批量转换需要用 --to 指明输出格式（json、txt、pdf、xlsx）")
		return diag.ExitInput
	}
	if st, err := os.Stat(f.outDir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "rectify：输出目录 %s 不存在\n", f.outDir)
		return diag.ExitInput
	}
	var inputs []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err == nil && st.IsDir() {
			entries, _ := os.ReadDir(a)
			for _, e := range entries {
				if !e.IsDir() && format.FromPath(e.Name()) != "" && !strings.HasPrefix(e.Name(), ".") {
					inputs = append(inputs, filepath.Join(a, e.Name()))
				}
			}
			continue
		}
		inputs = append(inputs, a)
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "rectify convert：没有要转换的文件")
		return diag.ExitInput
	}
	ext := map[string]string{"text": ".txt", "json": ".json", "pdf": ".pdf", "xlsx": ".xlsx"}[to]
	type result struct {
		in  string
		err error
	}
	jobs := make(chan string)
	results := make(chan result)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(inputs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
				out := filepath.Join(f.outDir, base+ext)
				one := *f
				one.from = ""
				results <- result{in, convertOne(in, out, &one, nil, nil)}
			}
		}()
	}
	go func() {
		for _, in := range inputs {
			jobs <- in
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	tty := isTerminal(stderr)
	var failed []result
	done := 0
	for r := range results {
		done++
		if r.err != nil {
			failed = append(failed, r)
			if tty {
				fmt.Fprint(stderr, "\r\033[K")
			}
			fmt.Fprintf(stderr, "失败：%v\n", r.err)
		}
		if tty {
			fmt.Fprintf(stderr, "\r%s %d/%d", bar(done, len(inputs)), done, len(inputs))
		}
	}
	if tty {
		fmt.Fprintln(stderr)
	}
	sort.Slice(failed, func(i, j int) bool { return failed[i].in < failed[j].in })
	fmt.Fprintf(stderr, "共 %d 个文件：成功 %d 个，失败 %d 个\n", len(inputs), len(inputs)-len(failed), len(failed))
	if len(failed) > 0 {
		return diag.ExitFindings
	}
	return diag.ExitOK
}

func bar(done, total int) string {
	const width = 30
	n := done * width / total
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]"
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
