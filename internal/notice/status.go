package notice

import (
	"sort"
	"strings"
)

// Status values of the contract.
const (
	Completed          = "completed"
	BasicallyCompleted = "basically_completed"
	InProgress         = "in_progress"
	NotStarted         = "not_started"
	Ongoing            = "ongoing"
)

// Statuses lists the vocabulary in the order reports show it.
var Statuses = []string{Completed, BasicallyCompleted, InProgress, NotStarted, Ongoing}

// StatusLabel is the Chinese word a writer uses for each status.
var StatusLabel = map[string]string{
	Completed:          "已完成",
	BasicallyCompleted: "基本完成",
	InProgress:         "正在整改",
	NotStarted:         "未完成",
	Ongoing:            "长期坚持",
}

// statusWords maps source words to statuses. Matching takes the longest word
// found, so "基本整改到位" beats "整改到位" and "尚未完成" beats "完成".
var statusWords = map[string]string{
	"已完成": Completed, "已整改": Completed, "已整改到位": Completed, "整改完成": Completed,
	"已销号": Completed, "完成整改": Completed, "已完成整改": Completed, "整改到位": Completed,
	"已办结": Completed, "已落实": Completed, "完成": Completed,
	"基本完成": BasicallyCompleted, "阶段性完成": BasicallyCompleted, "基本整改到位": BasicallyCompleted,
	"基本完成整改": BasicallyCompleted, "基本整改": BasicallyCompleted,
	"正在整改": InProgress, "整改中": InProgress, "持续整改": InProgress, "持续整改中": InProgress,
	"推进中": InProgress, "正在推进": InProgress, "整改推进中": InProgress, "部分完成": InProgress,
	"序时推进": InProgress, "按序时推进": InProgress, // on schedule, not yet done
	"持续推进":    InProgress,
	"取得阶段性成效": BasicallyCompleted,
	"未完成":     NotStarted, "未整改": NotStarted, "尚未整改": NotStarted, "尚未完成": NotStarted,
	"未开始": NotStarted, "未启动": NotStarted,
	"长期坚持": Ongoing, "长期整改": Ongoing, "持续推进（长期）": Ongoing, "长期推进": Ongoing,
	"长期坚持整改": Ongoing, "立行立改、长期坚持": Ongoing,
}

var statusWordList = func() []string {
	l := make([]string, 0, len(statusWords))
	for w := range statusWords {
		l = append(l, w)
	}
	sort.Slice(l, func(i, j int) bool {
		if len([]rune(l[i])) != len([]rune(l[j])) {
			return len([]rune(l[i])) > len([]rune(l[j]))
		}
		return l[i] < l[j]
	})
	return l
}()

// FindStatus finds the status word in s: the longest vocabulary word that
// occurs, earliest on ties. It returns the status and the word, or "", "".
func FindStatus(s string) (status, word string) {
	best, bestAt := "", -1
	for _, w := range statusWordList {
		at := strings.Index(s, w)
		if at < 0 {
			continue
		}
		if best == "" || len(w) > len(best) || (len(w) == len(best) && at < bestAt) {
			best, bestAt = w, at
		}
	}
	if best == "" {
		return "", ""
	}
	return statusWords[best], best
}

// ParseStatus maps a whole status cell or phrase to a status. Unlike
// FindStatus it also accepts the contract's own values ("completed").
func ParseStatus(s string) (status string, ok bool) {
	s = strings.TrimSpace(s)
	for _, v := range Statuses {
		if s == v {
			return v, true
		}
	}
	if st, _ := FindStatus(s); st != "" {
		return st, true
	}
	switch s {
	case "是", "√", "✓", "完成":
		return Completed, true
	case "否", "×":
		return NotStarted, true
	}
	return "", false
}

// IsDone reports whether a status counts as done for "pending" purposes.
func IsDone(status string) bool { return status == Completed }
