package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/format"
	"github.com/rectify/rectify/internal/merge"
	"github.com/rectify/rectify/internal/safeio"
)

const mergeHelp = `把各单位报来的通报和整改台账（.pdf .docx .txt .md .json .xlsx .xls .csv .html .mhtml）汇总成一个工作簿，
供巡察办、纪委监委使用：
  汇总        每个单位一行：问题数、各完成情况、完成率、超期未完成、问责人数、
              通报所称合计与清单是否相符、校对错误数、来源文件；合计行用公式；
              按完成率从低到高排序；完成率图表
  全部问题    各单位的每个问题（单位、类别、完成情况、整改时限、责任人、是否超期），可筛选
  超期未完成  截至 --today（默认今天）整改时限已过仍未完成的问题
  问责情况    按单位、按处理方式统计
  校对        每个单位的校对结果，以及同一单位两份材料之间的不一致
  文件清单    每个文件归入哪个单位、是否重复、读取失败的原因

同一单位的通报和台账（或同一文件的两份副本）合并为一个单位，绝不重复计数；两份材料说法
不一致的列入“校对”，统计时按较保守的一方（一份称已完成、一份称正在整改，按正在整改统计）。
单位按文件中的发文机关或填报单位识别（全角半角、空格、“中共”前缀、“党组”后缀不影响），
没有写明的按文件名、再按文件夹名识别；也可以用 --unit-from 指定。

输出按扩展名：.xlsx 工作簿；.json 全部数据；.csv 汇总表。某个文件读取失败时列出原因，
其余文件照常汇总，退出状态为 1。

示例：
  rectify merge 各单位材料/ 汇总.xlsx
  rectify merge -r --today 2026-01-01 各单位材料/ 汇总.xlsx
  rectify merge --unit-from folder -r 各单位材料/ 汇总.json
`

type mergeFlags struct {
	opt       merge.Options
	force     bool
	recursive bool
	password  string
}

func init() {
	register(&command{
		name:    "merge",
		args:    "[选项] 文件或目录... 汇总.xlsx",
		summary: "把各单位的通报和台账汇总成一个工作簿（巡察办、纪委监委用）",
		help:    mergeHelp,
		setup: func(fs *pflag.FlagSet) func(*env, []string) int {
			f := &mergeFlags{}
			fs.StringVar(&f.opt.UnitFrom, "unit-from", merge.UnitFromIssuer, "单位名称的`来源`：issuer（文件中的发文机关或填报单位，没有时用文件名、文件夹名）、file（文件名）、folder（文件夹名）")
			fs.Var(dateValue{p: &f.opt.Today}, "today", "判断是否超期所用的`日期`，如 2026-01-01 或 2026年1月1日；默认今天")
			fs.BoolVar(&f.force, "force", false, "覆盖已存在的输出文件")
			fs.BoolVarP(&f.recursive, "recursive", "r", false, "也读取子文件夹中的文件")
			fs.StringVar(&f.password, "password", "", "PDF 的打开`密码`（各 PDF 相同时）")
			return func(e *env, args []string) int { return runMerge(e, f, args) }
		},
	})
}

// mergeWriters write the result by the output's extension.
var mergeWriters = map[string]func(*merge.Result, io.Writer) error{
	".xlsx": merge.WriteXLSX, ".json": merge.WriteJSON, ".csv": merge.WriteCSV}

func runMerge(e *env, f *mergeFlags, args []string) int {
	if len(args) < 2 {
		return usageError(e, "merge", "需要至少一个输入文件或目录，以及一个输出文件（.xlsx、.json 或 .csv）")
	}
	switch f.opt.UnitFrom {
	case merge.UnitFromIssuer, merge.UnitFromFile, merge.UnitFromFolder:
	default:
		return usageError(e, "merge", fmt.Sprintf("--unit-from 只能是 issuer、file 或 folder，不是 %q", f.opt.UnitFrom))
	}
	if f.opt.Today == "" {
		f.opt.Today = time.Now().Format("2006-01-02")
	}
	out := args[len(args)-1]
	write := mergeWriters[strings.ToLower(filepath.Ext(out))]
	if write == nil {
		return usageError(e, "merge", fmt.Sprintf("%s：输出文件的扩展名应为 .xlsx、.json 或 .csv", out))
	}
	if !f.force {
		if _, err := os.Lstat(out); err == nil {
			fmt.Fprintf(e.stderr, "rectify：%v\n", diag.Wrap(out, safeio.ErrExists))
			return diag.ExitInput
		}
	}
	listed, err := listInputs(args[:len(args)-1], f.recursive, nil)
	if err != nil {
		fmt.Fprintf(e.stderr, "rectify：%v\n", err)
		return diag.ExitInput
	}
	var inputs []string
	for _, in := range listed {
		if safeio.SameFile(in.path, out) {
			// A summary of ours from an earlier run is left out; any other
			// input is never overwritten.
			if data, err := readFile(in.path); err == nil && merge.IsOwnOutput(data) {
				continue
			}
			fmt.Fprintf(e.stderr, "rectify：%v\n", diag.Wrap(out, safeio.ErrSameAsInput))
			return diag.ExitInput
		}
		inputs = append(inputs, in.path)
	}
	if len(inputs) == 0 {
		fmt.Fprintln(e.stderr, "rectify merge：没有找到可以汇总的文件（.pdf .docx .txt .md .json .xlsx .xls .csv .html .mhtml）")
		return diag.ExitInput
	}
	mergeGC()
	m := merge.New(f.opt)
	done, failed := each(e, inputs, func(i int) error { return mergeOne(e, inputs[i], m, f.password) })
	if e.ctx.Err() != nil || done < len(inputs) {
		fmt.Fprintln(e.stderr, "rectify merge：已中断，没有写出汇总")
		return diag.ExitInput
	}
	res := m.Result()
	file, err := safeio.Create(out, f.force)
	if err != nil {
		fmt.Fprintf(e.stderr, "rectify：%v\n", diag.Wrap(out, err))
		return diag.ExitInput
	}
	if err := write(res, file); err != nil {
		file.Abort()
		fmt.Fprintf(e.stderr, "rectify：%v\n", diag.Wrap(out, fmt.Errorf("无法写出汇总：%v", err)))
		return diag.ExitInput
	}
	if err := file.Commit(); err != nil {
		fmt.Fprintf(e.stderr, "rectify：%v\n", diag.Wrap(out, err))
		return diag.ExitInput
	}
	dups, issues := 0, 0
	for _, u := range res.Units {
		dups += len(u.Duplicates)
		issues += u.Total
	}
	fmt.Fprintf(e.stderr, "共 %d 个文件：汇总 %d 个单位、%d 个问题", len(inputs), len(res.Units), issues)
	if dups > 0 {
		fmt.Fprintf(e.stderr, "，%d 个重复文件未计入", dups)
	}
	fmt.Fprintf(e.stderr, "，失败 %d 个 → %s\n", len(failed), out)
	if len(failed) > 0 {
		listFailures(e, failed)
		return diag.ExitFindings
	}
	return diag.ExitOK
}

// mergeOne reads one file and hands its notice to the merger, which keeps
// only its facts; a failure is recorded there too, for 文件清单.
func mergeOne(e *env, in string, m *merge.Merger, password string) error {
	kind := format.FromPath(in)
	data, err := readFile(in)
	if err != nil {
		m.Fail(in, kind, err)
		return diag.Wrap(in, err)
	}
	if merge.IsOwnOutput(data) {
		m.Skip(in, kind, "跳过：这是 rectify merge 生成的汇总，不是单位的材料")
		return nil
	}
	n, err := format.Read(e.ctx, kind, data, format.Options{File: in, Password: password})
	if err != nil {
		m.Fail(in, kind, err)
		return diag.Wrap(in, err)
	}
	return diag.Wrap(in, m.Add(in, kind, n))
}
