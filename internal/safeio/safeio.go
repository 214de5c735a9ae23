// Package safeio writes output files the safe way: to a temporary file in
// the same folder, then renamed, so that an interrupted run leaves no partial
// file and an existing file is replaced only when the user says so. It keeps
// a list of the temporary files it made (and a private folder for libraries'
// temporary files), so that an interrupt can remove them all.
package safeio

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/rectify/rectify/internal/diag"
)

// ErrExists is returned when the output exists and force is not set.
var ErrExists = errors.New("输出文件已存在（要覆盖请加 --force）")

// ErrSameAsInput is returned when the output is the input file itself,
// under its own name, a link or another spelling of the path.
var ErrSameAsInput = errors.New("输出文件就是输入文件，写出会毁掉原文件（即使加 --force 也不行）；请换一个输出文件名")

// errInterrupted refuses new temporary files once the process is stopping.
var errInterrupted = errors.New("已中断")

var (
	mu       sync.Mutex
	pending  = map[string]*os.File{} // temporary files not yet renamed
	private  bool                    // TempDir makes a folder of our own
	tempDir  string                  // that folder, once made
	stopping bool
)

// SameFile reports whether out names the same file as in (links included).
// A missing file is never the same as anything.
func SameFile(in, out string) bool {
	a, err := os.Stat(in)
	if err != nil {
		return false
	}
	b, err := os.Stat(out)
	return err == nil && os.SameFile(a, b)
}

// File is an output being written: a temporary file that becomes path on
// Commit, or disappears on Abort.
type File struct {
	*os.File
	path  string
	force bool
	done  bool
}

// Create starts writing path. Without force an existing path is refused
// now, before any work is done, and again at Commit.
func Create(path string, force bool) (*File, error) {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("输出目录 %s 不存在", dir)
	}
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return nil, ErrExists
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("无法检查输出文件：%s", diag.SystemProblem(err))
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if stopping {
		return nil, errInterrupted
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("无法在 %s 创建临时文件：%s", dir, diag.SystemProblem(err))
	}
	pending[tmp.Name()] = tmp
	return &File{File: tmp, path: path, force: force}, nil
}

// Abort removes the temporary file; it does nothing after Commit.
func (f *File) Abort() {
	mu.Lock()
	defer mu.Unlock()
	if f.done {
		return
	}
	f.done = true
	f.File.Close()
	os.Remove(f.Name())
	delete(pending, f.Name())
}

// Commit makes the written data the file at path.
func (f *File) Commit() error {
	if err := f.Sync(); err != nil {
		f.Abort()
		return fmt.Errorf("写入失败：%s", diag.SystemProblem(err))
	}
	if err := f.File.Close(); err != nil {
		f.Abort()
		return fmt.Errorf("写入失败：%s", diag.SystemProblem(err))
	}
	// CreateTemp makes 0600; an output document is for sharing.
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		f.Abort()
		return fmt.Errorf("无法设置输出文件的权限：%s", diag.SystemProblem(err))
	}
	mu.Lock()
	defer mu.Unlock()
	if f.done || stopping {
		return errInterrupted
	}
	f.done = true
	tmp := f.Name()
	delete(pending, tmp)
	if f.force {
		if err := os.Rename(tmp, f.path); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("无法写入输出文件：%s", diag.SystemProblem(err))
		}
		return nil
	}
	// Link fails if path appeared meanwhile: no replace without --force.
	err := os.Link(tmp, f.path)
	switch {
	case err == nil:
		os.Remove(tmp)
		return nil
	case errors.Is(err, fs.ErrExist):
		os.Remove(tmp)
		return ErrExists
	}
	// No hard links here (some network and FAT drives): a plain rename,
	// after looking once more.
	if _, err := os.Lstat(f.path); err == nil {
		os.Remove(tmp)
		return ErrExists
	}
	if err := os.Rename(tmp, f.path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法写入输出文件：%s", diag.SystemProblem(err))
	}
	return nil
}

// WriteFile writes data to path atomically. Without force an existing path
// is left alone and ErrExists returned.
func WriteFile(path string, data []byte, force bool) error {
	f, err := Create(path, force)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return fmt.Errorf("写入失败：%s", diag.SystemProblem(err))
	}
	return f.Commit()
}

// UsePrivateTempDir makes TempDir a folder of this process's own, made on
// first use and removed by RemoveTemporaries. The command calls it; tests
// and other callers keep the system's temporary folder.
func UsePrivateTempDir() {
	mu.Lock()
	private = true
	mu.Unlock()
}

// TempDir is the folder for the temporary files of the libraries we call
// (excelize keeps large sheets there): the private one when in use, else ""
// for the system's.
func TempDir() string {
	mu.Lock()
	defer mu.Unlock()
	if private && tempDir == "" && !stopping {
		if d, err := os.MkdirTemp("", "rectify-"); err == nil {
			tempDir = d
		}
	}
	return tempDir
}

// RemoveTemporaries removes every temporary file not yet renamed into place
// and the private folder, and refuses new ones: the process is stopping.
// An output whose rename already happened is complete and stays.
func RemoveTemporaries() {
	mu.Lock()
	defer mu.Unlock()
	stopping = true
	for name, f := range pending {
		f.Close() // Windows removes no open file
		os.Remove(name)
		delete(pending, name)
	}
	if tempDir != "" {
		os.RemoveAll(tempDir)
		tempDir = ""
	}
}
