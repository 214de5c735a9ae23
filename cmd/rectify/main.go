// Command rectify turns rectification notices and ledgers into data, and
// data back into documents. See README.md; `rectify help` prints the usage
// in Chinese.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// version is set by the build (-ldflags "-X main.version=…").
var version = "0.1.0-dev"

func main() {
	// A short-lived batch process: trade memory for less GC work (the
	// fonts and workbooks it handles are a few tens of MB).
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(384 << 20) // …but collect as usual near this soft limit
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `rectify —— 巡察整改通报与整改台账的转换和校对工具

用法：
  rectify convert [选项] 输入文件 输出文件     转换一份文件（按扩展名判断格式）
  rectify convert --out-dir 目录 --to 格式 文件或目录...   批量转换
  rectify check [选项] 文件                   校对通报或台账：合计、日期、序号等
  rectify version                              显示版本
  rectify help [子命令]                        显示帮助

支持的格式：
  读取：.txt .md（通报文字）、.json（通报数据）、.pdf、.xlsx .xls .csv（整改台账）
  写出：.txt、.json、.pdf（GB/T 9704 公文格式）、.xlsx（整改台账和统计表）

示例：
  rectify convert 通报.txt 通报.json
  rectify convert 通报.json 通报.pdf
  rectify convert 台账.xlsx 通报.json
  rectify check 通报.pdf

退出状态：0 成功；1 校对发现错误或批量中有文件失败；2 输入无法读取或用法错误。
用 "rectify help 子命令" 查看各子命令的选项。
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "convert":
		return runConvert(args[1:], stdin, stdout, stderr)
	case "check":
		return runCheck(args[1:], stdin, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "rectify %s\n", version)
		return 0
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return run([]string{args[1], "-h"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "rectify：未知的子命令 %q\n\n%s", args[0], usage)
	return 2
}
