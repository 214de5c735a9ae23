package textnotice

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
)

// actionFamily is one way offices number the actions inside an issue:
// 一是/二是, ①②, （1）（2）, 1）2）, 第一，第二，, （一）（二）, 1.2.
type actionFamily struct {
	re      *lazyre.Regexp // matches one marker; group 1 is its number
	pattern string         // how writers number: {n}, {cn}, {circled}
	num     func(string) int
}

var (
	cnNum   = func(s string) int { return notice.CNNumber(s) }
	atoiNum = func(s string) int { n, _ := strconv.Atoi(s); return n }
)

// actionFamilies in the order they are tried; the family whose first marker
// comes first in the text wins.
var actionFamilies = []actionFamily{
	{lazyre.New(`([一二三四五六七八九十]{1,3})是`), "{cn}是", cnNum},
	{lazyre.New(`([①-⑳])`), "{circled}", func(s string) int { return int([]rune(s)[0]-'①') + 1 }},
	{lazyre.New(`（(\d{1,2})）`), "（{n}）", atoiNum},
	{lazyre.New(`(\d{1,2})）`), "{n}）", atoiNum},
	{lazyre.New(`第([一二三四五六七八九十]{1,3})[，,、]`), "第{cn}，", cnNum},
	{lazyre.New(`（([一二三四五六七八九十]{1,3})）`), "（{cn}）", cnNum},
	{lazyre.New(`(\d{1,2})[.．、]`), "{n}.", atoiNum},
}

// atBoundary reports whether a marker at i starts a clause: at the start,
// after a line break or after a mark that ends a clause.
func atBoundary(s string, i int) bool {
	if i == 0 {
		return true
	}
	return strings.ContainsAny(lastRuneStr(s[:i]), "。；：，！？\n;:,")
}

// findMarkers finds a family's markers numbered 1, 2, 3… in order, each at
// a clause boundary. It returns their [start, end) offsets. One pass over
// the family's matches: after a marker, the matches that follow it are the
// ones a search from its end would find (no family's pattern is anchored or
// matches empty).
func findMarkers(s string, f actionFamily) [][2]int {
	var out [][2]int
	want := 1
	for _, m := range f.re.FindAllStringSubmatchIndex(s, -1) {
		if want > 50 {
			break
		}
		st, en := m[0], m[1]
		if f.num(s[m[2]:m[3]]) != want || !atBoundary(s, st) {
			continue
		}
		if en < len(s) && f.pattern == "{n}." && s[en] < 0x80 {
			continue // 2.5万元
		}
		if f.pattern == "{n}）" && st > 0 && strings.HasSuffix(s[:st], "（") {
			continue
		}
		out = append(out, [2]int{st, en})
		want++
	}
	return out
}

// SplitActions splits an actions text at its numbering (一是/二是, ①②,
// （1）（2）, 1）2）, 第一，第二，…). Text before the first marker is returned
// as lead. Without numbering the whole text is one action.
func SplitActions(s string) (lead string, acts []notice.Action) {
	lead, acts, _ = splitActions(s)
	return lead, acts
}

// splitActions is SplitActions that also says how the source numbered the
// actions: the family's pattern, with a leading "\n" when each action was a
// paragraph of its own; "" when unnumbered.
func splitActions(s string) (lead string, acts []notice.Action, markers string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil, ""
	}
	var best [][2]int
	bestF := -1
	for fi, f := range actionFamilies {
		ms := findMarkers(s, f)
		if len(ms) == 0 || (len(ms) < 2 && fi != 0) {
			continue // one 一是 numbers an action; one "1）" may be anything
		}
		if bestF < 0 || ms[0][0] < best[0][0] {
			best, bestF = ms, fi
		}
	}
	if bestF < 0 {
		return "", []notice.Action{newAction(s)}, ""
	}
	lead = strings.TrimSpace(strings.ReplaceAll(s[:best[0][0]], "\n", ""))
	paras := len(best) > 1
	for i, m := range best {
		stop := len(s)
		if i+1 < len(best) {
			stop = best[i+1][0]
			if !strings.HasSuffix(s[:stop], "\n") {
				paras = false
			}
		}
		acts = append(acts, newAction(s[m[1]:stop]))
	}
	markers = actionFamilies[bestF].pattern
	if paras {
		markers = "\n" + markers
	}
	return lead, acts, markers
}

// numberActions writes actions numbered as markers says.
func numberActions(acts []notice.Action, markers string) string {
	var b strings.Builder
	sep := ""
	if strings.HasPrefix(markers, "\n") {
		markers, sep = markers[1:], "\n"
	}
	for i, a := range acts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(Fill(markers, i+1, ""))
		b.WriteString(a.Text)
	}
	return b.String()
}

func lastRuneStr(s string) string {
	if s == "" {
		return ""
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

func newAction(t string) notice.Action {
	t = strings.TrimSpace(strings.ReplaceAll(t, "\n", ""))
	a := notice.Action{Text: t}
	seen := map[string]bool{}
	for _, d := range notice.FindDates(t) {
		if !seen[d.ISO] {
			seen[d.ISO] = true
			a.Dates = append(a.Dates, d.ISO)
		}
	}
	return a
}
