//go:build linux

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Ceilings every hostile input must stay under, measured on the child
// process that reads it: what a user's office PC can afford for one file.
const (
	hostileMaxRSS  = 1 << 30 // bytes
	hostileMaxTime = 10 * time.Second
)

// hostileCase is one generated input. make writes the input file(s) into
// dir and returns the command line after "rectify" (paths inside dir).
// Generators, not committed blobs: each case says how its file is built.
type hostileCase struct {
	name string
	make func(t *testing.T, dir string) []string
	code int    // wanted exit status
	want string // a Chinese phrase the message must contain ("" when code is 0)
	file string // the file the message must name ("" when code is 0)
	// cpuTime: the time ceiling holds for the process's CPU time (user +
	// sys), and for its wall time only when the machine is otherwise idle.
	// For a case whose real work takes seconds: on this 2-core machine
	// shared with other work, its wall time measures the other work.
	cpuTime bool
}

// hostileCases is the shared table: every reader adds its hostile inputs
// here (PDF, CSV, xlsx, text).
var hostileCases = []hostileCase{}

// TestHostile runs rectify on each generated input as a child process and
// checks its exit status, its message, its peak memory and its time.
//
// The peak is read from the child's rusage. Linux carries an exec'ing
// process's peak over from the memory it had before exec, and os/exec
// starts children on the parent's memory (vfork): a child of this test
// process, which has just built the inputs, would report this process's
// peak. So a fresh small process in between (this test binary again, as
// TestHostileMeasure) starts rectify and reports what it measured.
func TestHostile(t *testing.T) {
	if os.Getenv(measureEnv) != "" {
		t.Skip("running as the measuring child")
	}
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			args := c.make(t, dir)
			m := measure(t, dir, args)
			t.Logf("exit %d, %v (CPU %v), max RSS %d MiB", m.Code, m.Elapsed.Round(time.Millisecond), m.CPU.Round(time.Millisecond), m.MaxRSS>>20)
			if m.Code != c.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", m.Code, c.code, m.Stderr)
			}
			if c.want != "" && !strings.Contains(m.Stderr, c.want) {
				t.Errorf("message does not say %q:\n%s", c.want, m.Stderr)
			}
			if c.file != "" && !strings.Contains(m.Stderr, c.file) {
				t.Errorf("message does not name %s:\n%s", c.file, m.Stderr)
			}
			if m.MaxRSS > hostileMaxRSS {
				t.Errorf("max RSS %d MiB, ceiling %d MiB", m.MaxRSS>>20, hostileMaxRSS>>20)
			}
			switch {
			case !c.cpuTime && m.Elapsed > hostileMaxTime:
				t.Errorf("took %v, ceiling %v", m.Elapsed, hostileMaxTime)
			case c.cpuTime && m.CPU > hostileMaxTime:
				t.Errorf("took %v of CPU, ceiling %v", m.CPU, hostileMaxTime)
			case c.cpuTime && m.Elapsed > hostileMaxTime && m.Load < 1:
				t.Errorf("took %v on an idle machine (load average %.2f), ceiling %v", m.Elapsed, m.Load, hostileMaxTime)
			case c.cpuTime && m.Elapsed > hostileMaxTime:
				t.Logf("wall time %v over %v at load average %.2f: not asserted on a shared machine", m.Elapsed, hostileMaxTime, m.Load)
			}
		})
	}
}

const measureEnv = "RECTIFY_HOSTILE_MEASURE"

// measurement is what TestHostileMeasure reports of one run of rectify.
type measurement struct {
	Code    int
	Stderr  string
	MaxRSS  int64 // bytes
	Elapsed time.Duration
	CPU     time.Duration // user + sys
	Load    float64       // the 1-minute load average of the other work, read before the run
}

// measure runs rectify args in dir through TestHostileMeasure.
func measure(t *testing.T, dir string, args []string) measurement {
	t.Helper()
	report := filepath.Join(dir, "measurement.json")
	req, _ := json.Marshal(map[string]any{"dir": dir, "args": args, "report": report})
	cmd := exec.Command(os.Args[0], "-test.run=^TestHostileMeasure$", "-test.count=1")
	cmd.Env = append(os.Environ(), measureEnv+"="+string(req))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("measuring child: %v\n%s", err, out)
	}
	var m measurement
	data, err := os.ReadFile(report)
	if err == nil {
		err = json.Unmarshal(data, &m)
	}
	if err != nil {
		t.Fatalf("measuring child reported nothing: %v", err)
	}
	return m
}

// TestHostileMeasure is TestHostile's helper process: it runs rectify (the
// test binary, which testscript puts on PATH under that name) once and
// writes what it measured.
func TestHostileMeasure(t *testing.T) {
	env := os.Getenv(measureEnv)
	if env == "" {
		t.Skip("only runs as TestHostile's helper process")
	}
	var req struct {
		Dir, Report string
		Args        []string
	}
	if err := json.Unmarshal([]byte(env), &req); err != nil {
		t.Fatal(err)
	}
	bin, err := exec.LookPath("rectify")
	if err != nil {
		t.Fatalf("the test binary is not on PATH as rectify: %v", err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, req.Args...)
	cmd.Dir = req.Dir
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	cmd.Env = append(os.Environ(), measureEnv+"=")
	load := loadAverage()
	start := time.Now()
	err = cmd.Run()
	m := measurement{Elapsed: time.Since(start), Stderr: stderr.String()}
	if err != nil && cmd.ProcessState == nil {
		t.Fatal(err)
	}
	m.Code = cmd.ProcessState.ExitCode()
	m.MaxRSS = cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
	m.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	m.Load = load
	data, _ := json.Marshal(m)
	if err := os.WriteFile(req.Report, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeFile writes data to dir/name and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// loadAverage is the 1-minute load average (/proc/loadavg); 99 when it
// cannot be read, so that nothing is taken for idle.
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 99
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return 99
	}
	v, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return 99
	}
	return v
}
