package ledger

// Reading an issue's cells: actions, status, deadline, number, responsible,
// from one row or from the several rows one issue spans.

import (
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
	"github.com/xuri/excelize/v2"
)

// rowCells is what a data row's cells say, as the sheet shows them (merged
// and carried values filled in), and the issue they are read into.
type rowCells struct {
	is                            *notice.Issue
	title, actions, number        string
	progress, status, mark        string
	deadline, deadlineDate        string
	leader, unit, person, remarks string
	extra                         string // the extra columns' text, "佐证材料：…"
	// more holds every row of an issue that spans several rows (merged
	// 序号/问题 cells over one measure a row, or measures on rows of their
	// own with 序号 and 问题 left blank), the first one included.
	more []rowCells
}

// add takes row r, a further row of the open issue.
func (rc *rowCells) add(next *rowCells, f *filler, r int) {
	if rc.more == nil {
		first := *rc
		first.is = nil
		rc.more = []rowCells{first}
	}
	next.progress, next.status = f.get(r, FieldProgress), f.get(r, FieldStatus)
	next.deadline, next.deadlineDate = f.get(r, FieldDeadline), f.date(r, FieldDeadline)
	next.leader, next.unit, next.person = f.get(r, FieldLeader), f.get(r, FieldUnit), f.get(r, FieldPerson)
	next.remarks = f.get(r, FieldRemarks)
	rc.more = append(rc.more, *next)
}

// rowBatch rows are handed to a worker at a time.
const rowBatch = 512

// issueWorkers read batches of rows into their issues, one worker a CPU.
type issueWorkers struct {
	batches chan []rowCells
	wg      sync.WaitGroup
}

func newIssueWorkers() *issueWorkers {
	w := &issueWorkers{batches: make(chan []rowCells, 4)}
	for range max(1, runtime.GOMAXPROCS(0)) {
		w.wg.Go(func() {
			for b := range w.batches {
				for i := range b {
					b[i].read()
				}
			}
		})
	}
	return w
}

func (w *issueWorkers) do(b []rowCells) {
	if len(b) > 0 {
		w.batches <- b
	}
}

func (w *issueWorkers) wait() {
	close(w.batches)
	w.wg.Wait()
}

// read fills the issue from the row's cells.
func (rc *rowCells) read() {
	is := rc.is
	if v := issueNumber(rc.number); v > 0 {
		is.Number = v
	}
	is.Title = issueTitle(clean(rc.title))
	if rc.more != nil {
		rc.readRows()
		return
	}
	cell := normalizeCell(rc.actions)
	lead, acts := textnotice.SplitActions(cell)
	is.Lead, is.Actions = lead, acts
	is.Ordinals = len(acts) == 1 && strings.HasPrefix(strings.TrimPrefix(cell, lead), "一是")
	if is.Actions == nil {
		is.Actions = []notice.Action{}
	}
	is.Progress = clean(rc.progress)
	is.Status, is.StatusText = statusOf(clean(rc.status), rc.mark, is.Progress)
	is.Deadline, is.DeadlineText = deadlineOf(rc.deadline, rc.deadlineDate)
	leader, unit, person := clean(rc.leader), clean(rc.unit), clean(rc.person)
	if leader+unit+person != "" {
		is.Responsible = &notice.Responsible{Leader: leader, Unit: unit, Person: person}
	}
	is.Remarks = joinTexts(addDistinct(addDistinct(nil, rc.remarks), rc.extra))
}

// readRows reads an issue that spans several rows: every row's measures are
// its actions, in order; whoever answers for any of them answers for it; it
// is due when its last measure is; and it is as far along as its least
// finished measure.
func (rc *rowCells) readRows() {
	is := rc.is
	is.Actions = []notice.Action{}
	var seenActs, leaders, units, persons, progress, remarks []string
	rank := len(statusRank)
	deadline, deadlineWords, deadlineKey := "", "", ""
	for _, p := range rc.more {
		if a := normalizeCell(p.actions); a != "" && !slices.Contains(seenActs, a) {
			seenActs = append(seenActs, a)
			lead, acts := textnotice.SplitActions(a)
			if lead != "" {
				is.Actions = append(is.Actions, notice.Action{Text: lead})
			}
			is.Actions = append(is.Actions, acts...)
		}
		leaders, units, persons = addDistinct(leaders, p.leader), addDistinct(units, p.unit), addDistinct(persons, p.person)
		progress, remarks = addDistinct(progress, p.progress), addDistinct(remarks, p.remarks)
		remarks = addDistinct(remarks, p.extra)
		if st, text := statusOf(clean(p.status), p.mark, clean(p.progress)); st != "" && statusRank[st] < rank {
			rank, is.Status, is.StatusText = statusRank[st], st, text
		}
		if d, words := deadlineOf(p.deadline, p.deadlineDate); d != "" {
			if k := dateKey(d); deadline == "" || k > deadlineKey {
				deadline, deadlineWords, deadlineKey = d, words, k
			}
		}
	}
	is.Deadline, is.DeadlineText = deadline, deadlineWords
	is.Progress, is.Remarks = joinTexts(progress), joinTexts(remarks)
	if len(leaders)+len(units)+len(persons) > 0 {
		is.Responsible = &notice.Responsible{Leader: strings.Join(leaders, "、"), Unit: strings.Join(units, "、"), Person: strings.Join(persons, "、")}
	}
}

// statusRank orders the statuses from least to most finished.
var statusRank = map[string]int{notice.NotStarted: 0, notice.InProgress: 1, notice.Ongoing: 2,
	notice.BasicallyCompleted: 3, notice.Completed: 4}

// dateKey sorts ISO dates of any precision by the last day they cover
// ("2025-12" after "2025-12-15"); text deadlines ("立行立改") sort first.
func dateKey(d string) string {
	if d == "" || d[0] < '0' || d[0] > '9' {
		return ""
	}
	switch len(d) {
	case 4: // 2025
		return d + "-99-99"
	case 7: // 2025-12
		return d + "-99"
	case 10: // 2025-12-31
		return d
	}
	return ""
}

func addDistinct(list []string, v string) []string {
	if v = clean(v); v != "" && !slices.Contains(list, v) {
		list = append(list, v)
	}
	return list
}

// joinTexts joins a column's texts from several rows into one.
func joinTexts(list []string) string {
	var b strings.Builder
	for i, v := range list {
		if i > 0 && !strings.HasSuffix(list[i-1], "。") && !strings.HasSuffix(list[i-1], "；") {
			b.WriteString("；")
		}
		b.WriteString(v)
	}
	return b.String()
}

// ledgerStatusWords are ways ledgers say how far an issue is that the
// notice vocabulary leaves out, looked for in a progress text when it has
// none of the vocabulary's words.
var ledgerStatusWords = []struct{ word, status string }{
	{"持续推进", notice.InProgress}, {"正在办理", notice.InProgress}, {"办理中", notice.InProgress},
	{"已办结", notice.Completed}, {"已落实", notice.Completed}, {"未销号", notice.InProgress},
	{"进行中", notice.InProgress}, {"正在进行", notice.InProgress}, {"长期", notice.Ongoing},
	{"序时推进", notice.InProgress}, {"序时进度", notice.InProgress}, {"待整改", notice.NotStarted},
	{"正在", notice.InProgress}, // 正在运行, 正在招标: under way (a fragment: no status text)
}

// statusOf reads a row's status: the status column's words, a tick under a
// status column, or else the first status word of the progress text. A bare
// 否 (是否完成) says only that the issue is not finished: the progress text
// says how far it is, when it says so.
func statusOf(status, mark, progress string) (string, string) {
	fromProgress := func() (string, string) {
		// A percentage or a fragment (正在…) is no status word of the
		// source's: the status has no text then, and check does not take
		// “80%” for a status written out of the vocabulary.
		if st := percentStatus(progress); st != "" {
			return st, ""
		}
		if partlyDone(progress) {
			return notice.InProgress, ""
		}
		if st, w := notice.FindStatus(progress); st != "" {
			return st, w
		}
		for _, w := range ledgerStatusWords {
			if strings.Contains(progress, w.word) {
				if w.word == "正在" {
					return w.status, ""
				}
				return w.status, w.word
			}
		}
		return "", ""
	}
	if status == "" && mark != "" {
		status = mark
	}
	// A 完成情况 cell given as a share of the work: “80%”, “已完成80%”.
	if st := percentStatus(status); st != "" {
		return st, status
	}
	if partlyDone(status) {
		return notice.InProgress, status
	}
	if st, ok := notice.ParseStatus(status); ok {
		if st == notice.NotStarted && (status == "否" || status == "×") {
			if p, w := fromProgress(); p != "" && p != notice.Completed {
				return p, w
			}
		}
		return st, status
	}
	for _, w := range ledgerStatusWords {
		if strings.Contains(status, w.word) {
			return w.status, status
		}
	}
	if st, w := fromProgress(); st != "" {
		return st, w
	}
	return "", status
}

var percentRe = lazyre.New(`^(\d{1,3}(?:\.\d+)?)\s*[%％]$`)

// percentStatus reads a progress given as a percentage (整改进度 80%): all
// of it done, none of it, or under way; "" for any other text.
func percentStatus(progress string) string {
	m := percentRe.FindStringSubmatch(progress)
	if m == nil {
		return ""
	}
	switch v, _ := strconv.ParseFloat(m[1], 64); {
	case v >= 100:
		return notice.Completed
	case v == 0:
		return notice.NotStarted
	}
	return notice.InProgress
}

var partlyDoneRe = lazyre.New(`完成了?\s*(\d{1,3}(?:\.\d+)?)\s*[%％]`)

// partlyDone: the text says a share of the work under 100% is done
// (“已完成80%”, “完成60%”), which is under way, not finished.
func partlyDone(s string) bool {
	m := partlyDoneRe.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v < 100
}

var monthOnlyRe = lazyre.New(`^(\d{1,2})\s*月(?:份)?\s*(?:底|末|中旬|上旬|下旬)?\s*(?:前|之前|以前)?(?:完成)?$`)

// datedByMonth gives a deadline written as a month alone ("12月底前") the
// year of the ledger's date, or the next year when the month has passed by
// then; the words stay in deadline_text.
func datedByMonth(is *notice.Issue, date string) {
	d := is.Deadline
	if !strings.Contains(d, "月") || is.DeadlineText != "" {
		return
	}
	m := monthOnlyRe.FindStringSubmatch(d)
	if m == nil {
		return
	}
	month, _ := strconv.Atoi(m[1])
	year, _ := strconv.Atoi(date[:4])
	now, _ := strconv.Atoi(date[5:7])
	if month < 1 || month > 12 {
		return
	}
	if month < now {
		year++
	}
	is.Deadline, is.DeadlineText = notice.ISODate(year, month, 0), d
}

// deadlineOf is a deadline cell read: the real date, or the text parsed;
// and the cell's words when the date alone would lose what they say (a
// quarter or a half year is due at its last month: "2025年第四季度" →
// 2025-12 and those words).
func deadlineOf(text, date string) (string, string) {
	if date != "" {
		return date, ""
	}
	if m := periodRe.FindStringSubmatch(clean(text)); m != nil {
		y, _ := strconv.Atoi(m[1])
		month := 6
		switch {
		case m[2] != "":
			month = 3 * max(1, issueNumber(m[2]))
		case m[3] == "下":
			month = 12
		}
		return notice.ISODate(y, month, 0), clean(text)
	}
	return deadlineText(text), ""
}

var periodRe = lazyre.New(`^(\d{4})\s*年\s*(?:第\s*([一二三四1-4])\s*季度|([上下])半年)(?:末|底)?(?:前|之前|以前)?(?:完成)?$`)

var numberMarkRe = lazyre.New(`^[（(]?((?:[一二三四五六七八九十百]+|\d+)(?:[.\-－]\d+)*)[）)]?[、.．]?$`)

// issueNumber reads a 序号 cell: 3, "3", "（三）", "三、", and "1.3" (the
// third issue under heading 1). It is 0 when the cell is no number.
func issueNumber(s string) int {
	s = strings.TrimSpace(s)
	if v, err := strconv.Atoi(s); err == nil {
		return max(0, v)
	}
	m := numberMarkRe.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	d := m[1]
	if i := strings.LastIndexAny(d, ".-－"); i >= 0 {
		_, size := utf8.DecodeRuneInString(d[i:])
		d = d[i+size:]
	}
	if v, err := strconv.Atoi(d); err == nil {
		return v
	}
	return max(0, notice.CNNumber(d))
}

// numberGroup is the leading part of a compound 序号 ("一-1", "2-3",
// "1.2": issue 1 of group 一), the category the issue belongs to when the
// sheet gives none otherwise; 0 for a plain number.
func numberGroup(s string) int {
	m := numberMarkRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0
	}
	i := strings.IndexAny(m[1], ".-－")
	if i <= 0 {
		return 0
	}
	if v, err := strconv.Atoi(m[1][:i]); err == nil {
		return v
	}
	return notice.CNNumber(m[1][:i])
}

// deadlineText reads a deadline written as text, such as "2025年12月",
// "2025.12" or "立行立改", parsed or kept.
func deadlineText(text string) string {
	text = clean(text)
	if text == "" {
		return ""
	}
	if v, err := strconv.ParseFloat(text, 64); err == nil && v > 20000 && v < 80000 && v == math.Trunc(v) {
		if t, err := excelize.ExcelDateToTime(v, false); err == nil {
			return t.Format("2006-01-02") // a date serial that lost its format (CSV)
		}
	}
	return notice.ParseDeadline(text)
}

// cleansToNothing is clean(s) == "" without building the cleaned text when
// s has none of the characters clean drops (markdown emphasis, zero-width
// marks): then only white space cleans to nothing.
func cleansToNothing(s string) bool {
	if strings.ContainsAny(s, "*_\u200b\ufeff") {
		return clean(s) == ""
	}
	return strings.TrimSpace(s) == ""
}

func clean(s string) string {
	return strings.TrimSpace(textnotice.NormalizeLine(strings.ReplaceAll(s, "\n", "")))
}

// normalizeCell normalises each line of a multi-line cell, keeping the lines.
func normalizeCell(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = textnotice.NormalizeLine(l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

var quotedRe = lazyre.New(`^关于“(.+)”的?问题$`)

// issueTitle keeps the words inside 关于“…”的问题 when a cell has the wrapper.
func issueTitle(s string) string {
	if m := quotedRe.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return s
}
