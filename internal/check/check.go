// Package check is the proof-reader: it finds what a clerk gets wrong in a
// notice or ledger before it is published. Each family of checks has a file.
package check

import (
	"fmt"
	"sort"

	"github.com/rectify/rectify/internal/notice"
)

// Levels of a finding.
const (
	Error   = "error"
	Warning = "warning"
	Info    = "info"
)

// Finding is one thing the proof-reader reports.
type Finding struct {
	Level    string `json:"level"`
	Code     string `json:"code"`
	Issue    int    `json:"issue,omitempty"`
	Message  string `json:"message"`
	Location string `json:"location,omitempty"`
}

// RawLine is a line of the source as the clerk wrote it, before rectify
// normalised it: the surface checks (GB/T 9704 punctuation and dates) read
// these.
type RawLine struct {
	Page, Line int
	Text       string
}

// Options tunes the checks.
type Options struct {
	Today  string          // ISO date for "deadline passed"; default: the notice's date
	Raw    []RawLine       // the source lines, when the source is text
	Covers func(rune) bool // whether the configured fonts render a character; nil skips the check
}

// Check runs every check and returns the findings, errors first, then by
// issue number.
func Check(n *notice.Notice, opt Options) []Finding {
	var fs []Finding
	for _, rule := range []func(*notice.Notice, Options) []Finding{
		checkTotals, checkAccountability, checkNumbering, checkDates,
		checkPending, checkDeadlines, checkStatuses, checkSurface, checkGlyphs, checkUndecoded, checkUnplaced, checkCalendar, checkDeadlineRange,
	} {
		fs = append(fs, rule(n, opt)...)
	}
	rank := map[string]int{Error: 0, Warning: 1, Info: 2}
	sort.SliceStable(fs, func(i, j int) bool {
		if rank[fs[i].Level] != rank[fs[j].Level] {
			return rank[fs[i].Level] < rank[fs[j].Level]
		}
		return fs[i].Issue < fs[j].Issue
	})
	return fs
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Level == Error {
			return true
		}
	}
	return false
}

// where describes an issue's source position in Chinese.
func where(is *notice.Issue) string {
	if is == nil || is.Source == nil {
		return ""
	}
	return Where(*is.Source)
}

// Where writes a source position: 第3页第12行, 工作表“台账”第5行, or for a
// table in a PDF 第2页表格第5行.
func Where(s notice.Source) string {
	switch {
	case s.Sheet != "":
		return fmt.Sprintf("工作表“%s”第%d行", s.Sheet, s.Row)
	case s.Page > 0 && s.Row > 0:
		return fmt.Sprintf("第%d页表格第%d行", s.Page, s.Row)
	case s.Page > 0 && s.Line > 0:
		return fmt.Sprintf("第%d页第%d行", s.Page, s.Line)
	case s.Line > 0:
		return fmt.Sprintf("第%d行", s.Line)
	case s.Page > 0:
		return fmt.Sprintf("第%d页", s.Page)
	}
	return ""
}
