package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rectify/rectify/internal/notice"
	"github.com/spf13/pflag"
)

// newFlagSet makes a command's flag set: GNU style (--long, flags before,
// between or after the file names, "--" ends them), quiet, so that every
// message the user sees is ours.
func newFlagSet(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false
	return fs
}

// parseFlags parses args and returns the rest (the file names), or an error
// in Chinese, or pflag.ErrHelp for -h/--help.
func parseFlags(fs *pflag.FlagSet, args []string) ([]string, error) {
	err := fs.Parse(args)
	if err == nil {
		return fs.Args(), nil
	}
	if errors.Is(err, pflag.ErrHelp) {
		return nil, pflag.ErrHelp
	}
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if group := notExist.GetSpecifiedShortnames(); group != "" {
			if fs.Lookup(group) != nil {
				return nil, fmt.Errorf("没有选项 -%s；长选项要写两个短横线：--%s", group, group)
			}
			return nil, fmt.Errorf("未知的选项 -%s", notExist.GetSpecifiedName())
		}
		return nil, fmt.Errorf("未知的选项 --%s", notExist.GetSpecifiedName())
	case errors.As(err, &noValue):
		f := noValue.GetFlag()
		name, _ := pflag.UnquoteUsage(f)
		return nil, fmt.Errorf("选项 --%s 后面要跟一个值（%s）", f.Name, name)
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		why := "值不对"
		var ours chineseError
		switch {
		case errors.As(err, &ours):
			why = ours.Error()
		case f.Value.Type() == "bool":
			why = "只能是 true 或 false（或者不写值）"
		}
		return nil, fmt.Errorf("选项 --%s 的值 %q %s", f.Name, invalid.GetValue(), why)
	case errors.As(err, &syntax):
		return nil, fmt.Errorf("看不懂的选项写法 %q", syntax.GetSpecifiedFlag())
	}
	return nil, errors.New("命令行无法解析，请检查选项的写法")
}

// chineseError is a message of ours from a flag value's Set, shown as is.
type chineseError string

func (e chineseError) Error() string { return string(e) }

// flagUsages lists the flags as the help shows them: --long name, the kind
// of value in Chinese, the usage and a non-empty default.
func flagUsages(fs *pflag.FlagSet) string {
	type row struct{ left, right string }
	var rows []row
	widest := 0
	fs.VisitAll(func(f *pflag.Flag) {
		name, usage := pflag.UnquoteUsage(f)
		left := "    --" + f.Name
		if f.Shorthand != "" {
			left = "-" + f.Shorthand + ", --" + f.Name
		}
		if f.Value.Type() != "bool" {
			left += " " + name
		}
		if f.DefValue != "" && f.Value.Type() != "bool" {
			usage += "（默认 " + f.DefValue + "）"
		}
		rows = append(rows, row{left, usage})
		widest = max(widest, displayWidth(left))
	})
	rows = append(rows, row{"-h, --help", "显示本帮助"})
	widest = max(widest, len("-h, --help"))
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "  %s%s  %s\n", r.left, strings.Repeat(" ", widest-displayWidth(r.left)), r.right)
	}
	return b.String()
}

// displayWidth counts a CJK character as two columns, as terminals do.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		w++
		if r >= 0x1100 {
			w++
		}
	}
	return w
}

// dateValue is a flag holding a calendar date, written 2025-06-24 or
// 2025年6月24日 (or in Chinese numerals). It stores the ISO form, or the
// GB/T 9704 form (2025年6月24日) when chinese is set.
type dateValue struct {
	p       *string
	chinese bool
}

func (d dateValue) Set(s string) error {
	iso := parseDate(s)
	if iso == "" {
		return chineseError("不是有效的日期；请写成 2025-06-24 或 2025年6月24日")
	}
	if d.chinese {
		iso = notice.ChineseDate(iso)
	}
	*d.p = iso
	return nil
}

func (d dateValue) String() string { return *d.p }
func (d dateValue) Type() string   { return "date" }

// parseDate validates a whole date and returns it as ISO, or "".
func parseDate(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-1-2", "2006年1月2日"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1950 || t.Year() > 2199 {
				return ""
			}
			return t.Format("2006-01-02")
		}
	}
	return notice.ParseWholeDate(s) // 二〇二五年六月二十四日
}
