package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil"
	"github.com/rectify/rectify/internal/testutil/golden"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"rectify": func() { batchGC(); os.Exit(runMain(os.Args[1:])) },
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script; -update
// rewrites the expected outputs compared with cmp in them.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: golden.Update(),
		Setup: func(env *testscript.Env) error {
			abs, err := filepath.Abs("../../testdata")
			env.Setenv("TESTDATA", abs)
			// Libraries' temporary files go here, where a script can see them.
			tmp := filepath.Join(env.WorkDir, "systemp")
			env.Setenv("TMPDIR", tmp)
			if err == nil {
				err = os.Mkdir(tmp, 0o755)
			}
			return err
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":    cmdStatus,
			"bignotice": cmdBigNotice,
			"waitfile":  cmdWaitFile,
			"nofiles":   cmdNoFiles,
		},
	})
}

// status N command args...: run the command and require exit status N; its
// output stays for stdout and stderr to look at.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("status: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// bignotice N file: write a notice of N issues as JSON.
func cmdBigNotice(ts *testscript.TestScript, neg bool, args []string) {
	n, err := strconv.Atoi(args[0])
	if err != nil || len(args) != 2 {
		ts.Fatalf("usage: bignotice N file")
	}
	data, err := notice.Marshal(testutil.Synthetic(n))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), data, 0o644))
}

// waitfile glob: wait (up to a minute) until a file matches glob.
func cmdWaitFile(ts *testscript.TestScript, neg bool, args []string) {
	for start := time.Now(); time.Since(start) < time.Minute; time.Sleep(5 * time.Millisecond) {
		if m, _ := filepath.Glob(ts.MkAbs(args[0])); len(m) > 0 {
			return
		}
	}
	ts.Fatalf("no file matches %s after a minute", args[0])
}

// nofiles glob...: no file matches any glob (hidden files included).
func cmdNoFiles(ts *testscript.TestScript, neg bool, args []string) {
	for _, g := range args {
		if m, _ := filepath.Glob(ts.MkAbs(g)); len(m) > 0 {
			ts.Fatalf("left behind: %v", m)
		}
	}
}

// runArgs runs one command line in-process, with no standard input.
func runArgs(args []string, stdout, stderr io.Writer) int {
	e := &env{ctx: context.Background(), stdin: strings.NewReader(""), stdout: stdout, stderr: stderr}
	return run(e, args)
}

// TestDroppedFiles: files dropped on rectify.exe in Explorer are each
// proof-read, the window says how to convert them and waits for Enter; a
// file that cannot be read gives its reason and the worst exit status.
func TestDroppedFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "通报.txt")
	data, err := os.ReadFile("../../testdata/notices/scheme-aspects.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, data, 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "坏的.pdf")
	if err := os.WriteFile(bad, []byte("不是 PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !allFiles([]string{good, bad}) || allFiles([]string{good, "check"}) || allFiles([]string{dir}) {
		t.Fatal("allFiles does not tell dropped files from a command line")
	}
	var out, errs strings.Builder
	e := &env{ctx: context.Background(), stdin: strings.NewReader("\n"), stdout: &out, stderr: &errs}
	code := droppedFiles(e, []string{good, bad})
	if code != diag.ExitInput {
		t.Errorf("exit status %d, want %d", code, diag.ExitInput)
	}
	for _, want := range []string{"—— " + good + " ——", "—— " + bad + " ——", "通报.txt：", "rectify convert 文件 输出文件", "按回车键关闭窗口"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("window lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(errs.String(), "坏的.pdf：扩展名是 .pdf，但内容不是 PDF 文件") {
		t.Errorf("the bad file's reason: %q", errs.String())
	}
}
