package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/format"
)

// job is one file of a batch: where it is read from and written to.
type job struct {
	in, out string
	clash   string // the input whose output name this one would have taken
}

// runBatch converts many files into a folder, in parallel. One bad file
// never stops the others; each failure is one line as it happens, and the
// summary lists them all again with their reasons.
func runBatch(e *env, f *convertFlags, args []string) int {
	if f.to == "" {
		return usageError(e, "convert", "批量转换需要用 --to 指明输出格式（json、txt、pdf、xlsx）")
	}
	to, err := outputFormat("", f.to)
	if err != nil {
		fmt.Fprintf(e.stderr, "rectify：%v\n", err)
		return diag.ExitInput
	}
	if len(args) == 0 {
		return usageError(e, "convert", "批量转换需要至少一个输入文件或目录")
	}
	if err := os.MkdirAll(f.outDir, 0o755); err != nil {
		fmt.Fprintf(e.stderr, "rectify：%v\n", diag.Errorf(f.outDir, "无法创建输出目录"))
		return diag.ExitInput
	}
	jobs, err := planBatch(args, f.outDir, extension(to), f.recursive)
	if err != nil {
		fmt.Fprintf(e.stderr, "rectify：%v\n", err)
		return diag.ExitInput
	}
	if len(jobs) == 0 {
		fmt.Fprintln(e.stderr, "rectify convert：没有要转换的文件（可读取 "+strings.Join(format.ReadExtensions(), " ")+"）")
		return diag.ExitInput
	}
	for _, j := range jobs {
		if j.clash != "" {
			fmt.Fprintf(e.stderr, "同名：%s 和 %s 都会写成同一个文件，%s 改写到 %s\n", j.clash, j.in, j.in, j.out)
		}
	}
	ins := make([]string, len(jobs))
	for i, j := range jobs {
		ins[i] = j.in
	}
	done, failed := each(e, ins, func(i int) error {
		j := jobs[i]
		one := *f
		one.from = ""
		if err := os.MkdirAll(filepath.Dir(j.out), 0o755); err != nil {
			return diag.Errorf(filepath.Dir(j.out), "无法创建输出目录")
		}
		return convertOne(e, j.in, j.out, &one)
	})
	fmt.Fprintf(e.stderr, "共 %d 个文件：成功 %d 个，失败 %d 个\n", len(jobs), done-len(failed), len(failed))
	if skipped := len(jobs) - done; skipped > 0 {
		fmt.Fprintf(e.stderr, "已中断：%d 个文件没有转换\n", skipped)
	}
	if len(failed) > 0 {
		listFailures(e, failed)
		return diag.ExitFindings
	}
	return diag.ExitOK
}

// failure is a file of a batch that failed, and why.
type failure struct {
	in  string
	err error
}

// each runs work on every input (by its index) on all cores, with the progress bar on a
// terminal. One failure never stops the others; each is one line as it
// happens. When e.ctx ends no more work is handed out. It returns how many
// ran and the failures in input order.
func each(e *env, inputs []string, work func(i int) error) (int, []failure) {
	todo := make(chan int)
	results := make(chan failure)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(inputs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range todo {
				results <- failure{inputs[i], work(i)}
			}
		}()
	}
	go func() {
		for i := range inputs {
			if e.ctx.Err() != nil {
				break
			}
			todo <- i
		}
		close(todo)
		wg.Wait()
		close(results)
	}()
	tty := isTerminal(e.stderr)
	var failed []failure
	done := 0
	for r := range results {
		done++
		if r.err != nil {
			failed = append(failed, r)
			if tty {
				fmt.Fprint(e.stderr, "\r\033[K")
			}
			fmt.Fprintf(e.stderr, "失败：%v\n", r.err)
		}
		if tty {
			fmt.Fprintf(e.stderr, "\r%s %d/%d", bar(done, len(inputs)), done, len(inputs))
		}
	}
	if tty {
		fmt.Fprintln(e.stderr)
	}
	sort.Slice(failed, func(i, j int) bool { return failed[i].in < failed[j].in })
	return done, failed
}

// listFailures lists the failed files again under the summary.
func listFailures(e *env, failed []failure) {
	fmt.Fprintln(e.stderr, "失败的文件：")
	for _, r := range failed {
		fmt.Fprintf(e.stderr, "  %s：%s\n", r.in, reason(r.in, r.err))
	}
}

// reason is err without the leading file name the summary already shows.
func reason(file string, err error) string {
	return strings.TrimPrefix(err.Error(), file+"：")
}

// extension is the file extension a format is written with.
func extension(name string) string {
	if name == "text" {
		return ".txt"
	}
	return "." + name
}

// planBatch lists the inputs (folders: their readable files; with
// recursive, their subfolders too, mirrored under outDir) and gives each
// an output no other input of the batch takes: an input whose output name
// is taken writes "name (2).ext" instead, so nothing is overwritten by the
// batch itself. Outputs are compared case-blind, as on Windows and macOS.
func planBatch(args []string, outDir, ext string, recursive bool) ([]job, error) {
	outSt, _ := os.Stat(outDir)
	inputs, err := listInputs(args, recursive, outSt)
	if err != nil {
		return nil, err
	}
	var jobs []job
	for _, in := range inputs {
		jobs = append(jobs, job{in: in.path, out: filepath.Join(outDir, in.dir, stem(in.path)+ext)})
	}
	sort.SliceStable(jobs, func(i, j int) bool { return jobs[i].in < jobs[j].in })
	taken := map[string]string{} // lower-cased output -> input
	for i := range jobs {
		j := &jobs[i]
		key := strings.ToLower(j.out)
		if first, ok := taken[key]; ok {
			base := strings.TrimSuffix(j.out, ext)
			for n := 2; ; n++ {
				cand := fmt.Sprintf("%s (%d)%s", base, n, ext)
				if _, used := taken[strings.ToLower(cand)]; !used {
					j.clash, j.out, key = first, cand, strings.ToLower(cand)
					break
				}
			}
		}
		taken[key] = j.in
	}
	return jobs, nil
}

// inputFile is a file a batch reads, and the subfolder it was found in
// under the folder named on the command line.
type inputFile struct{ path, dir string }

// savedPageFolder reports the folder a browser saves beside a page it
// saves whole ("网页，完整": 通报.html and 通报_files): its .htm files are the
// page's frames, not notices.
func savedPageFolder(dir string) bool {
	base, ok := strings.CutSuffix(dir, "_files")
	if !ok {
		return false
	}
	for _, ext := range []string{".html", ".htm"} {
		if st, err := os.Stat(base + ext); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// listInputs lists the files named, and the readable files of the folders
// named (with recursive, of their subfolders too), never hidden ones nor
// the folder skip (a batch's own output folder). A name that does not exist
// is listed, for the work to report.
func listInputs(args []string, recursive bool, skip os.FileInfo) ([]inputFile, error) {
	var inputs []inputFile
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			inputs = append(inputs, inputFile{path: a})
			continue
		}
		err = filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return diag.Errorf(path, "无法读取这个目录")
			}
			hidden := strings.HasPrefix(d.Name(), ".") && path != a
			if d.IsDir() {
				if path == a {
					return nil
				}
				if info, err := d.Info(); hidden || !recursive || savedPageFolder(path) || (err == nil && skip != nil && os.SameFile(info, skip)) {
					return filepath.SkipDir
				}
				return nil
			}
			if hidden || !d.Type().IsRegular() || format.FromPath(path) == "" {
				return nil
			}
			rel, _ := filepath.Rel(a, path)
			inputs = append(inputs, inputFile{path: path, dir: filepath.Dir(rel)})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return inputs, nil
}

func stem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
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
