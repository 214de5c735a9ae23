// Command rectify turns rectification notices and ledgers into data, and
// data back into documents. See README.md; `rectify help` prints the usage
// in Chinese.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/safeio"
	"github.com/spf13/pflag"
)

// version is set by the build (-ldflags "-X main.version=…").
var version = "0.1.0-dev"

func main() {
	batchGC()
	os.Exit(runMain(os.Args[1:]))
}

// runMain runs one invocation of the real process: on SIGINT or SIGTERM the
// work is cancelled, our temporary files are removed, and the process exits
// with the status a shell expects of that signal (130, 143).
func runMain(args []string) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		cancel()
		safeio.RemoveTemporaries()
		fmt.Fprintln(os.Stderr, "rectify：已中断，没有留下未写完的文件")
		code := 130
		if sig == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
	safeio.UsePrivateTempDir()
	defer safeio.RemoveTemporaries()
	e := &env{ctx: ctx, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	if startedByDoubleClick() {
		switch {
		case len(args) == 0:
			return doubleClick(e)
		case allFiles(args):
			return droppedFiles(e, args)
		}
	}
	return run(e, args)
}

// env is what a command works with: its streams and a context that ends
// when the user interrupts.
type env struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
}

// A command is one subcommand. Each lives in its own file and registers
// itself from init, so adding one touches no other file.
type command struct {
	name    string
	args    string // what follows "rectify <name>" in the synopsis
	summary string // one line for `rectify help`
	help    string // description and examples, printed before the options
	// setup defines the command's flags on fs and returns the function that
	// runs it with the arguments left after the flags.
	setup func(fs *pflag.FlagSet) func(e *env, args []string) int
}

var commands = map[string]*command{}

func register(c *command) {
	if commands[c.name] != nil {
		panic("rectify: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// doubleClick runs when rectify.exe is started from Explorer with no
// arguments, in a console window of its own that would vanish at once.
// The serve command sets openWebPage to start the local web page; until
// then the usage stays on screen until Enter is pressed.
func doubleClick(e *env) int {
	if openWebPage != nil {
		return openWebPage(e)
	}
	fmt.Fprint(e.stdout, usage())
	fmt.Fprint(e.stdout, "\n按回车键关闭窗口。")
	fmt.Fscanln(e.stdin)
	return diag.ExitOK
}

// allFiles reports whether every argument names an existing file and none
// a command: what Explorer passes when files are dropped on rectify.exe.
func allFiles(args []string) bool {
	for _, a := range args {
		if commands[a] != nil {
			return false
		}
		if st, err := os.Stat(a); err != nil || st.IsDir() {
			return false
		}
	}
	return true
}

// droppedFiles runs when files are dropped on rectify.exe in Explorer: each
// is proof-read (what was read and what is wrong), with how to convert it,
// and the window stays until Enter is pressed.
func droppedFiles(e *env, files []string) int {
	code := diag.ExitOK
	for _, f := range files {
		fmt.Fprintf(e.stdout, "—— %s ——\n", f)
		if c := run(e, []string{"check", f}); c > code {
			code = c
		}
		fmt.Fprintln(e.stdout)
	}
	fmt.Fprint(e.stdout, "要把它转换成数据、正式通报或台账，请双击 rectify.exe 打开网页界面，或在命令行运行 rectify convert 文件 输出文件（.json .pdf .docx .xlsx .txt）。\n按回车键关闭窗口。")
	fmt.Fscanln(e.stdin)
	return code
}

// openWebPage starts the local web page and opens it in the browser; set
// by the serve command's file.
var openWebPage func(e *env) int

func init() {
	register(&command{name: "version", summary: "显示版本",
		setup: func(*pflag.FlagSet) func(*env, []string) int {
			return func(e *env, args []string) int {
				if len(args) > 0 {
					return usageError(e, "version", "不需要参数")
				}
				fmt.Fprintf(e.stdout, "rectify %s\n", version)
				return diag.ExitOK
			}
		}})
	register(&command{name: "help", args: "[子命令]", summary: "显示帮助；加子命令名显示它的选项",
		setup: func(*pflag.FlagSet) func(*env, []string) int {
			return func(e *env, args []string) int {
				switch {
				case len(args) == 0:
					fmt.Fprint(e.stdout, usage())
					return diag.ExitOK
				case len(args) > 1:
					return usageError(e, "help", "只能跟一个子命令名")
				case commands[args[0]] == nil:
					return unknownCommand(e, args[0])
				}
				printHelp(e.stdout, commands[args[0]])
				return diag.ExitOK
			}
		}})
}

// run dispatches one command line (without the program name).
func run(e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage())
		return diag.ExitInput
	}
	switch args[0] {
	case "-h", "--help", "-help":
		fmt.Fprint(e.stdout, usage())
		return diag.ExitOK
	case "--version", "-version":
		args = []string{"version"}
	}
	c := commands[args[0]]
	if c == nil {
		return unknownCommand(e, args[0])
	}
	fs := newFlagSet(c.name)
	runCmd := c.setup(fs)
	rest, err := parseFlags(fs, args[1:])
	if err == pflag.ErrHelp {
		printHelp(e.stdout, c)
		return diag.ExitOK
	}
	if err != nil {
		return usageError(e, c.name, err.Error())
	}
	return runCmd(e, rest)
}

func unknownCommand(e *env, name string) int {
	if st, err := os.Stat(name); err == nil && !st.IsDir() {
		fmt.Fprintf(e.stderr, "rectify：%s 是文件，不是子命令；校对它：rectify check %s；转换它：rectify convert %s 输出文件（.json .pdf .docx .xlsx .txt）\n",
			name, name, name)
		return diag.ExitInput
	}
	var hint string
	if strings.HasPrefix(name, "-") {
		hint = "选项写在子命令后面，如 rectify convert --force 输入 输出；"
	}
	fmt.Fprintf(e.stderr, "rectify：未知的子命令 %q；%s可用的子命令：%s\n用 rectify help 查看用法。\n",
		name, hint, strings.Join(commandNames(), "、"))
	return diag.ExitInput
}

// usageError reports a command line that cannot be run, with a pointer to
// the help rather than the help itself.
func usageError(e *env, cmd, msg string) int {
	fmt.Fprintf(e.stderr, "rectify %s：%s\n用 rectify help %s 查看用法和选项。\n", cmd, msg, cmd)
	return diag.ExitInput
}

func commandNames() []string {
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return rank(names[i]) < rank(names[j]) })
	return names
}

// rank keeps the working commands first and version, help last.
func rank(name string) string {
	switch name {
	case "version":
		return "\xff1"
	case "help":
		return "\xff2"
	}
	return name
}

func usage() string {
	var b strings.Builder
	b.WriteString("rectify —— 巡察整改通报与整改台账的转换和校对工具\n\n用法：\n")
	for _, n := range commandNames() {
		c := commands[n]
		syn := strings.TrimSpace("rectify " + c.name + " " + c.args)
		fmt.Fprintf(&b, "  %s\n      %s\n", syn, c.summary)
	}
	b.WriteString(`
支持的格式：
  读取：.txt .md（通报文字）、.json（通报数据）、.pdf、.docx（Word）、.xlsx .xls .csv（整改台账）、.html .htm .mhtml .mht（网页上的通报）
  写出：.txt、.json、.pdf 和 .docx（GB/T 9704 公文格式）、.xlsx（整改台账和统计表）

示例：
  rectify convert 通报.txt 通报.json
  rectify convert 通报.json 通报.pdf --force
  rectify convert --out-dir 输出 --to json -r 去年的材料/
  rectify check 通报.pdf --today 2025-12-31

选项可以写在文件名前后；"--" 之后的都是文件名。
退出状态：0 成功；1 校对发现错误或批量中有文件失败；2 输入无法读取或用法错误；
130、143 被 Ctrl+C 或 SIGTERM 中断（不留下未写完的文件）。
用 "rectify help 子命令" 或 "rectify 子命令 --help" 查看各子命令的选项。
`)
	return b.String()
}

func printHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "用法：\n  %s\n\n", strings.TrimSpace("rectify "+c.name+" "+c.args))
	if c.help != "" {
		fmt.Fprint(w, c.help)
	} else {
		fmt.Fprintln(w, c.summary+"。")
	}
	fs := newFlagSet(c.name)
	c.setup(fs)
	fmt.Fprintf(w, "\n选项：\n%s", flagUsages(fs))
}
