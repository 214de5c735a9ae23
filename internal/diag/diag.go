// Package diag holds the errors and exit codes a user sees. Messages are in
// Chinese and name the file; the exit codes are documented in the README.
package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// Exit codes of the rectify command.
const (
	ExitOK       = 0 // done, no findings of level error
	ExitFindings = 1 // check found errors, or a batch had failures
	ExitInput    = 2 // unreadable input, bad usage, or output refused
)

// Error is a failure a user can act on: which file, where, and what is wrong.
type Error struct {
	File  string // the file as the user named it
	Where string // optional position: "第3页", "工作表“台账”第5行"
	Msg   string // Chinese, says what is wrong
	Err   error  // underlying cause, for errors.Is/As
}

func (e *Error) Error() string {
	s := e.Msg
	if e.Where != "" {
		s = e.Where + "：" + s
	}
	if e.File != "" {
		s = e.File + "：" + s
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf makes an Error for file with a formatted Chinese message.
func Errorf(file, format string, args ...any) *Error {
	return &Error{File: file, Msg: fmt.Sprintf(format, args...)}
}

// Wrap attaches a file to err unless it already names one.
func Wrap(file string, err error) error {
	if err == nil {
		return nil
	}
	var de *Error
	if errors.As(err, &de) {
		if de.File == "" {
			c := *de
			c.File = file
			return &c
		}
		return err
	}
	return &Error{File: file, Msg: err.Error(), Err: err}
}

// ErrNeedPassword is returned for a PDF that only opens with a user password.
var ErrNeedPassword = errors.New("需要打开密码")

// SystemProblem says in Chinese what an operating-system error means to a
// user, instead of the system's English ("no space left on device").
func SystemProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	case errors.Is(err, fs.ErrNotExist):
		return "文件或目录不存在"
	case errors.Is(err, fs.ErrExist):
		return "文件已存在"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘已满"
	case errors.Is(err, syscall.EROFS):
		return "磁盘是只读的"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "文件名太长"
	}
	return "磁盘或系统出错"
}
