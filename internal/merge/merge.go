// Package merge gathers every unit's notice and ledger into one view for the
// supervisor (巡察办, 纪委监委): one row per unit, every issue, the overdue
// ones, accountability and the proof-reader's findings. Each file is reduced
// to its facts as soon as it is read, so that thousands of notices never sit
// in memory at once, and each unit is counted once however many of its files
// arrive.
package merge

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/rectify/rectify/internal/check"
	"github.com/rectify/rectify/internal/notice"
)

// Options for a merge.
type Options struct {
	UnitFrom string // UnitFromIssuer (default), UnitFromFile or UnitFromFolder
	Today    string // ISO date that decides what is overdue
}

// Issue is one issue as the supervisor's sheets show it (without the
// measures' text, which the supervisor's view does not carry).
type Issue struct {
	Unit        string             `json:"unit"`
	Category    string             `json:"category,omitempty"`
	Number      int                `json:"number"`
	Title       string             `json:"title"`
	Status      string             `json:"status,omitempty"`
	Deadline    string             `json:"deadline,omitempty"`
	Responsible notice.Responsible `json:"responsible"`
	Overdue     bool               `json:"overdue"`
	DaysOverdue int                `json:"days_overdue,omitempty"`
	Sources     []string           `json:"sources"` // file and position, for every file that lists it
	// statusFile and statusDate: the file the status was taken from and the
	// date it states, so that a later report of the unit supersedes an
	// earlier one.
	statusFile, statusDate string
}

// NoStatus counts, in Unit.Counts, the issues whose files state no status.
const NoStatus = "not_stated"

// countKeys are the columns of counts: each status, then NoStatus.
var countKeys = append(append([]string{}, notice.Statuses...), NoStatus)

// Finding levels besides check's error, warning and info.
const (
	Conflict = "conflict" // two files of one unit disagree
)

// Finding is a proof-reading finding or a conflict, with its unit and file.
type Finding struct {
	Unit     string `json:"unit"`
	File     string `json:"file"`
	Level    string `json:"level"`
	Code     string `json:"code"`
	Issue    int    `json:"issue,omitempty"`
	Location string `json:"location,omitempty"`
	Message  string `json:"message"`
}

// File is what became of one input.
type File struct {
	Path    string `json:"path"`
	Format  string `json:"format,omitempty"`
	Unit    string `json:"unit,omitempty"`
	UnitBy  string `json:"unit_by,omitempty"`
	Round   string `json:"round,omitempty"`
	Issues  int    `json:"issues"`
	Outcome string `json:"outcome"`         // Chinese, as the 文件清单 sheet says it
	Error   string `json:"error,omitempty"` // why it could not be read
}

// Unit is one unit's row in 汇总, with its merged issues.
type Unit struct {
	Name           string                 `json:"name"`
	Round          string                 `json:"round,omitempty"`
	Issues         []*Issue               `json:"-"`
	Total          int                    `json:"issues"`
	Counts         map[string]int         `json:"statuses"` // by status, and NoStatus
	Rate           float64                `json:"completion_rate"`
	Overdue        int                    `json:"overdue_unfinished"`
	Accountability *notice.Accountability `json:"accountability,omitempty"`
	AccountTotal   int                    `json:"accountability_total"`
	Stated         map[string]int         `json:"stated,omitempty"`
	StatedRate     float64                `json:"stated_rate,omitempty"`
	Mismatch       string                 `json:"mismatch,omitempty"` // stated totals that the list contradicts
	CheckErrors    int                    `json:"check_errors"`
	Files          []string               `json:"files"`
	Duplicates     []string               `json:"duplicates,omitempty"`
}

// Result is the whole merge.
type Result struct {
	Today    string     `json:"today"`
	Units    []*Unit    `json:"units"`
	Findings []*Finding `json:"findings"`
	Files    []*File    `json:"files"`
}

// Failed counts the files that could not be read or placed.
func (r *Result) Failed() int {
	n := 0
	for _, f := range r.Files {
		if f.Error != "" {
			n++
		}
	}
	return n
}

// Merger collects files as they finish; safe for concurrent use.
type Merger struct {
	opt   Options
	mu    sync.Mutex
	facts []*facts
	fails []*File
}

// New starts a merge.
func New(opt Options) *Merger {
	if opt.UnitFrom == "" {
		opt.UnitFrom = UnitFromIssuer
	}
	return &Merger{opt: opt}
}

// facts is what one file says, without its texts.
type facts struct {
	path, format   string
	unit, unitBy   string
	key            string
	round          Round
	date           string
	issues         []Issue
	stated         map[string]int
	statedRate     float64
	accountability *notice.Accountability
	findings       []check.Finding
	sum            [32]byte // of the facts: two copies of one file sum alike
}

// ErrNoUnit is returned for a file whose unit cannot be told.
var ErrNoUnit = errors.New("无法判断所属单位：文件中没有发文机关或填报单位，文件名和文件夹名中也没有单位名称（可用 --unit-from 指定）")

// Add reduces a file's notice to its facts and proof-reads it; the notice is
// not kept. A file whose unit cannot be told is recorded as failed and
// ErrNoUnit returned.
func (m *Merger) Add(path, format string, n *notice.Notice) error {
	name, by := unitOf(path, n, m.opt.UnitFrom)
	if name == "" || UnitKey(name) == "" {
		m.Fail(path, format, ErrNoUnit)
		return ErrNoUnit
	}
	f := &facts{path: path, format: format, unit: strings.Clone(displayName(name)), unitBy: by, key: UnitKey(name),
		round: roundOf(n), date: n.Date, stated: n.Stated, statedRate: n.StatedRate, accountability: n.Accountability}
	for _, c := range n.Categories {
		category := strings.Clone(c.Title)
		for i := range c.Issues {
			is := &c.Issues[i]
			// Clones: a reader's strings may be slices of the whole
			// document, which must not stay in memory through them.
			row := Issue{Category: category, Number: is.Number, Title: strings.Clone(is.Title), Status: is.Status, Deadline: strings.Clone(is.Deadline)}
			if r := is.Responsible; r != nil {
				row.Responsible = notice.Responsible{Leader: strings.Clone(r.Leader), Unit: strings.Clone(r.Unit), Person: strings.Clone(r.Person)}
			}
			loc := path
			if is.Source != nil {
				if w := check.Where(*is.Source); w != "" {
					loc += "：" + w
				}
			}
			row.Sources = []string{loc}
			f.issues = append(f.issues, row)
		}
	}
	f.findings = check.Check(n, check.Options{Today: m.opt.Today})
	f.sum = f.digest()
	m.mu.Lock()
	m.facts = append(m.facts, f)
	m.mu.Unlock()
	return nil
}

// Skip records a file left out on purpose (a summary merge wrote).
func (m *Merger) Skip(path, format, why string) {
	m.mu.Lock()
	m.fails = append(m.fails, &File{Path: path, Format: format, Outcome: why})
	m.mu.Unlock()
}

// Fail records a file that could not be read.
func (m *Merger) Fail(path, format string, err error) {
	m.mu.Lock()
	m.fails = append(m.fails, &File{Path: path, Format: format, Outcome: "未汇总：" + err.Error(), Error: err.Error()})
	m.mu.Unlock()
}

func (f *facts) digest() [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", f.key, f.round, f.date)
	for _, is := range f.issues {
		fmt.Fprintf(h, "%s\x00%d\x00%s\x00%s\x00%s\x00%v\x00", is.Category, is.Number, is.Title, is.Status, is.Deadline, is.Responsible)
	}
	fmt.Fprintf(h, "%v\x00%v\x00", sortedPairs(f.stated), f.statedRate)
	if a := f.accountability; a != nil {
		fmt.Fprintf(h, "%d\x00%v\x00%v", a.Total, sortedPairs(a.Measures), sortedPairs(a.Ranks))
	}
	var s [32]byte
	copy(s[:], h.Sum(nil))
	return s
}

func sortedPairs(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%d;", k, m[k])
	}
	return b.String()
}
