package merge

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/rectify/rectify/internal/check"
	"github.com/rectify/rectify/internal/notice"
)

// Result groups the files by unit and round, merges each unit's files and
// counts. Files are taken in path order, so the result does not depend on
// which file finished first.
func (m *Merger) Result() *Result {
	m.mu.Lock()
	defer m.mu.Unlock()
	all := append([]*facts(nil), m.facts...)
	sort.Slice(all, func(i, j int) bool { return all[i].path < all[j].path })
	res := &Result{Today: m.opt.Today}
	files := map[string]*File{}
	for _, f := range all {
		files[f.path] = &File{Path: f.path, Format: f.format, Unit: f.unit, UnitBy: f.unitBy, Round: f.round.String(), Issues: len(f.issues)}
	}
	for _, g := range groupUnits(all) {
		u := m.combine(g, files, res)
		res.Units = append(res.Units, u)
	}
	sort.SliceStable(res.Units, func(i, j int) bool {
		a, b := res.Units[i], res.Units[j]
		if a.Rate != b.Rate {
			return a.Rate < b.Rate // the units that lag come first
		}
		if a.Overdue != b.Overdue {
			return a.Overdue > b.Overdue
		}
		return UnitKey(a.Name)+a.Round < UnitKey(b.Name)+b.Round
	})
	for _, f := range files {
		res.Files = append(res.Files, f)
	}
	res.Files = append(res.Files, m.fails...)
	sort.Slice(res.Files, func(i, j int) bool { return res.Files[i].Path < res.Files[j].Path })
	return res
}

// group is one unit in one round: the files that report on it.
type group struct {
	round Round
	files []*facts
	note  string // why a file without a round was placed here, when in doubt
}

// groupUnits puts files of the same unit and a compatible round together.
// A file that states no round joins its unit's only round; when the unit
// has several, it joins the first and the doubt is reported.
func groupUnits(all []*facts) []*group {
	byKey := map[string][]*facts{}
	var keys []string
	for _, f := range all {
		if _, ok := byKey[f.key]; !ok {
			keys = append(keys, f.key)
		}
		byKey[f.key] = append(byKey[f.key], f)
	}
	var out []*group
	for _, k := range keys {
		var gs []*group
		var loose []*facts
		for _, f := range byKey[k] {
			if f.round == (Round{}) {
				loose = append(loose, f)
				continue
			}
			placed := false
			for _, g := range gs {
				if g.round.compatible(f.round) {
					g.round = g.round.union(f.round)
					g.files = append(g.files, f)
					placed = true
					break
				}
			}
			if !placed {
				gs = append(gs, &group{round: f.round, files: []*facts{f}})
			}
		}
		if len(gs) == 0 {
			gs = []*group{{}}
		}
		if len(gs) > 1 && len(loose) > 0 {
			var names []string
			for _, g := range gs {
				names = append(names, g.round.String())
			}
			gs[0].note = fmt.Sprintf("该单位有%d轮巡察的材料（%s），未写明轮次的文件按%s汇总", len(gs), strings.Join(names, "、"), gs[0].round)
		}
		gs[0].files = append(gs[0].files, loose...)
		for _, g := range gs {
			sort.Slice(g.files, func(i, j int) bool { return g.files[i].path < g.files[j].path })
		}
		out = append(out, gs...)
	}
	return out
}

// statusRank orders statuses from least to most advanced: when two files
// disagree, the unit is credited with the less advanced one until the
// disagreement is resolved.
var statusRank = map[string]int{notice.NotStarted: 1, notice.InProgress: 2, notice.Ongoing: 3, notice.BasicallyCompleted: 4, notice.Completed: 5}

// combine merges one group's files into a unit.
func (m *Merger) combine(g *group, files map[string]*File, res *Result) *Unit {
	u := &Unit{Name: g.files[0].unit, Round: g.round.String(), Counts: map[string]int{}}
	for _, f := range g.files {
		// The shortest spelling is the unit's own name, without 中共… or 党组.
		if len([]rune(f.unit)) < len([]rune(u.Name)) {
			u.Name = f.unit
		}
	}
	conflict := func(file string, issue int, code, format string, args ...any) {
		res.Findings = append(res.Findings, &Finding{Unit: u.Name, File: file, Level: Conflict, Code: code, Issue: issue, Message: fmt.Sprintf(format, args...)})
	}
	if g.note != "" {
		conflict("", 0, "round-unclear", "%s", g.note)
	}
	seen := map[[32]byte]string{}
	seenFinding := map[string]bool{}
	var stated map[string]int
	statedFrom, rateFrom, accFrom := "", "", ""
	for _, f := range g.files {
		out := files[f.path]
		if first, dup := seen[f.sum]; dup {
			u.Duplicates = append(u.Duplicates, f.path)
			out.Outcome = fmt.Sprintf("与 %s 内容相同，未重复计入", first)
			continue
		}
		seen[f.sum] = f.path
		u.Files = append(u.Files, f.path)
		if len(u.Files) == 1 {
			out.Outcome = "已汇总"
			for i := range f.issues {
				f.issues[i].statusFile, f.issues[i].statusDate = f.path, f.date
				u.Issues = append(u.Issues, &f.issues[i])
			}
		} else {
			out.Outcome = fmt.Sprintf("与 %s 合并（同一单位）", u.Files[0])
			m.mergeIssues(u, f, conflict)
		}
		for k, v := range f.stated {
			if stated == nil {
				stated = map[string]int{}
			}
			if old, ok := stated[k]; ok && old != v {
				conflict(f.path, 0, "stated-differs", "%s称%s%d个，%s称%d个（按前者）", statedFrom, statedWord(k), old, f.path, v)
				continue
			}
			if _, ok := stated[k]; !ok {
				stated[k] = v
				statedFrom = f.path
			}
		}
		if f.statedRate > 0 {
			if u.StatedRate > 0 && u.StatedRate != f.statedRate {
				conflict(f.path, 0, "stated-differs", "%s称完成率%g%%，%s称%g%%（按前者）", rateFrom, u.StatedRate, f.path, f.statedRate)
			} else if u.StatedRate == 0 {
				u.StatedRate, rateFrom = f.statedRate, f.path
			}
		}
		if a := f.accountability; a != nil {
			if u.Accountability == nil {
				u.Accountability, accFrom = a, f.path
			} else if accountTotal(a) != accountTotal(u.Accountability) || sortedPairs(a.Measures) != sortedPairs(u.Accountability.Measures) {
				conflict(f.path, 0, "accountability-differs", "问责情况不一致：%s为%d人（%s），%s为%d人（%s）（按前者）",
					accFrom, accountTotal(u.Accountability), sortedPairs(u.Accountability.Measures), f.path, accountTotal(a), sortedPairs(a.Measures))
			}
		}
		for _, c := range f.findings {
			k := c.Code + "\x00" + fmt.Sprint(c.Issue) + "\x00" + c.Message
			if seenFinding[k] {
				continue
			}
			seenFinding[k] = true
			if c.Level == check.Error {
				u.CheckErrors++
			}
			res.Findings = append(res.Findings, &Finding{Unit: u.Name, File: f.path, Level: c.Level, Code: c.Code, Issue: c.Issue, Location: c.Location, Message: c.Message})
		}
	}
	u.Stated = stated
	for _, is := range u.Issues {
		is.Unit = u.Name
		if is.Status == "" {
			u.Counts[NoStatus]++
		} else {
			u.Counts[is.Status]++
		}
		is.Overdue = check.Overdue(&notice.Issue{Status: is.Status, Deadline: is.Deadline}, m.opt.Today)
		if is.Overdue {
			u.Overdue++
			is.DaysOverdue = daysPast(is.Deadline, m.opt.Today)
		}
	}
	u.Total = len(u.Issues)
	if u.Total > 0 {
		u.Rate = float64(u.Counts[notice.Completed]) / float64(u.Total)
	}
	if u.Accountability != nil {
		u.AccountTotal = accountTotal(u.Accountability)
	}
	u.Mismatch = mismatch(u)
	for _, p := range u.Files {
		files[p].Unit = u.Name
	}
	return u
}

func statedWord(k string) string {
	if k == "issues" {
		return "问题"
	}
	if w, ok := notice.StatusLabel[k]; ok {
		return w
	}
	return k
}

// accountTotal is the stated total, or the people per measure (or per rank)
// added up when no total is stated.
func accountTotal(a *notice.Accountability) int {
	if a.Total > 0 {
		return a.Total
	}
	sum := func(m map[string]int) int {
		s := 0
		for _, v := range m {
			s += v
		}
		return s
	}
	if s := sum(a.Measures); s > 0 {
		return s
	}
	return sum(a.Ranks)
}

// mismatch describes the stated totals the merged list contradicts.
func mismatch(u *Unit) string {
	var parts []string
	if want, ok := u.Stated["issues"]; ok && want != u.Total {
		parts = append(parts, fmt.Sprintf("称问题%d个，清单%d个", want, u.Total))
	}
	for _, st := range notice.Statuses {
		if want, ok := u.Stated[st]; ok && want != u.Counts[st] {
			parts = append(parts, fmt.Sprintf("称%s%d个，清单%d个", notice.StatusLabel[st], want, u.Counts[st]))
		}
	}
	if u.StatedRate > 0 && u.Total > 0 {
		done := u.Rate * 100
		withBasic := float64(u.Counts[notice.Completed]+u.Counts[notice.BasicallyCompleted]) / float64(u.Total) * 100
		if math.Abs(done-u.StatedRate) > 0.51 && math.Abs(withBasic-u.StatedRate) > 0.51 {
			parts = append(parts, fmt.Sprintf("称完成率%g%%，清单为%.1f%%", u.StatedRate, done))
		}
	}
	return strings.Join(parts, "；")
}

// mergeIssues adds a second file's issues to a unit: the same issue (same
// title, else same number) is merged and any disagreement reported; an issue
// only one file lists is kept and reported.
func (m *Merger) mergeIssues(u *Unit, f *facts, conflict func(file string, issue int, code, format string, args ...any)) {
	byTitle := map[string]int{}
	byNumber := map[int]int{}
	for i, is := range u.Issues {
		t := titleKey(is.Title)
		if _, dup := byTitle[t]; dup {
			byTitle[t] = -1
		} else {
			byTitle[t] = i
		}
		if _, dup := byNumber[is.Number]; dup {
			byNumber[is.Number] = -1
		} else {
			byNumber[is.Number] = i
		}
	}
	matched := make([]bool, len(u.Issues))
	pair := make([]int, len(f.issues))
	for j, is := range f.issues {
		pair[j] = -1
		if i, ok := byTitle[titleKey(is.Title)]; ok && i >= 0 && !matched[i] {
			pair[j], matched[i] = i, true
		}
	}
	for j, is := range f.issues {
		if pair[j] >= 0 {
			continue
		}
		if i, ok := byNumber[is.Number]; ok && i >= 0 && !matched[i] {
			pair[j], matched[i] = i, true
		}
	}
	base := u.Files[0]
	for j := range f.issues {
		is := f.issues[j]
		is.statusFile, is.statusDate = f.path, f.date
		if pair[j] < 0 {
			conflict(f.path, is.Number, "issue-only-here", "问题（%d）“%s”只见于 %s，%s 中没有", is.Number, is.Title, f.path, base)
			cp := is
			u.Issues = append(u.Issues, &cp)
			continue
		}
		mergeIssue(u.Issues[pair[j]], &is, f.path, base, conflict)
	}
	for i, ok := range matched {
		if !ok {
			is := u.Issues[i]
			conflict(f.path, is.Number, "issue-missing-here", "问题（%d）“%s”见于 %s，%s 中没有", is.Number, is.Title, strings.Join(is.Sources, "、"), f.path)
		}
	}
}

func mergeIssue(into, from *Issue, file, base string, conflict func(file string, issue int, code, format string, args ...any)) {
	switch {
	case into.Status == "":
		into.Status, into.statusFile, into.statusDate = from.Status, from.statusFile, from.statusDate
	case from.Status != "" && from.Status != into.Status && isDate(into.statusDate) && isDate(from.statusDate) && into.statusDate != from.statusDate:
		// Two reports of the unit on different dates (the October ledger
		// and December's): the later one says how far the issue is now.
		newer := into
		if from.statusDate > into.statusDate {
			newer = from
		}
		conflict(file, into.Number, "status-differs", "问题（%d）“%s”的完成情况不一致：%s（%s）为“%s”，%s（%s）为“%s”（按日期较晚的%s统计）",
			into.Number, into.Title, into.statusFile, notice.ChineseDate(into.statusDate), notice.StatusLabel[into.Status],
			file, notice.ChineseDate(from.statusDate), notice.StatusLabel[from.Status], newer.statusFile)
		into.Status, into.statusFile, into.statusDate = newer.Status, newer.statusFile, newer.statusDate
	case from.Status != "" && from.Status != into.Status:
		lesser := into.Status
		if statusRank[from.Status] < statusRank[lesser] {
			lesser = from.Status
		}
		conflict(file, into.Number, "status-differs", "问题（%d）“%s”的完成情况不一致：%s为“%s”，%s为“%s”（按“%s”统计）",
			into.Number, into.Title, base, notice.StatusLabel[into.Status], file, notice.StatusLabel[from.Status], notice.StatusLabel[lesser])
		if lesser != into.Status {
			into.Status, into.statusFile, into.statusDate = lesser, from.statusFile, from.statusDate
		}
	}
	switch {
	case into.Deadline == "":
		into.Deadline = from.Deadline
	case from.Deadline != "" && from.Deadline != into.Deadline:
		earlier := into.Deadline
		if isDate(from.Deadline) && (!isDate(earlier) || deadlineEnd(from.Deadline).Before(deadlineEnd(earlier))) {
			earlier = from.Deadline
		}
		conflict(file, into.Number, "deadline-differs", "问题（%d）“%s”的整改时限不一致：%s为%s，%s为%s（按%s）",
			into.Number, into.Title, base, notice.ChineseDate(into.Deadline), file, notice.ChineseDate(from.Deadline), notice.ChineseDate(earlier))
		into.Deadline = earlier
	}
	if into.Category == "" {
		into.Category = from.Category
	}
	r := &into.Responsible
	if r.Leader == "" {
		r.Leader = from.Responsible.Leader
	}
	if r.Unit == "" {
		r.Unit = from.Responsible.Unit
	}
	if r.Person == "" {
		r.Person = from.Responsible.Person
	}
	into.Sources = append(into.Sources, from.Sources...)
}

// titleKey folds an issue title for matching across a notice and its
// ledger: width, spaces, punctuation and the 关于…的问题 wrapper.
func titleKey(t string) string {
	t = norm.NFKC.String(t)
	t = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return r
		}
		return -1
	}, t)
	t = strings.TrimPrefix(t, "关于")
	t = strings.TrimSuffix(t, "的问题")
	t = strings.TrimSuffix(t, "问题")
	return t
}

func isDate(d string) bool { return d != "" && d[0] >= '0' && d[0] <= '9' }

// deadlineEnd is the last day a deadline allows: a month or year runs to
// its end.
func deadlineEnd(d string) time.Time {
	var y, mo, day int
	switch strings.Count(d, "-") {
	case 0:
		fmt.Sscanf(d, "%d", &y)
		return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
	case 1:
		fmt.Sscanf(d, "%d-%d", &y, &mo)
		return time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	fmt.Sscanf(d, "%d-%d-%d", &y, &mo, &day)
	return time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC)
}

// daysPast counts the days from a deadline's end to today.
func daysPast(deadline, today string) int {
	t, err := time.Parse("2006-01-02", today)
	if err != nil {
		return 0
	}
	return int(t.Sub(deadlineEnd(deadline)).Hours() / 24)
}
