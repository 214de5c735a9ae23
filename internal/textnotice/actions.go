package textnotice

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
)

// actionFamily is one way offices number the actions inside an issue:
// 一是/二是, ①②, （1）（2）, 1）2）, 第一，第二，, （一）（二）, 1.2.
type actionFamily struct {
	re      *lazyre.Regexp   // matches one marker at the start of a text; group 1 is its number
	pattern string           // how writers number: {n}, {cn}, {circled}
	num     func(string) int // nil: the markers are not numbered
}

var (
	cnNum   = func(s string) int { return notice.CNNumber(s) }
	atoiNum = func(s string) int { n, _ := strconv.Atoi(s); return n }
)

// actionFamilies in the order they are tried; the family whose first marker
// comes first in the text wins.
var actionFamilies = []actionFamily{
	{lazyre.New(`^([一二三四五六七八九十]{1,3})是`), "{cn}是", cnNum},
	{lazyre.New(`^([①-⑳])`), "{circled}", func(s string) int { return int([]rune(s)[0]-'①') + 1 }},
	{lazyre.New(`^（(\d{1,2})）`), "（{n}）", atoiNum},
	{lazyre.New(`^(\d{1,2})）`), "{n}）", atoiNum},
	{lazyre.New(`^第([一二三四五六七八九十]{1,3})[，,、]`), "第{cn}，", cnNum},
	{lazyre.New(`^其([一二三四五六七八九十]{1,3})[，,、]`), "其{cn}，", cnNum},
	{lazyre.New(`^（([一二三四五六七八九十]{1,3})）`), "（{cn}）", cnNum},
	{lazyre.New(`^(\d{1,2})[.．、]`), "{n}.", atoiNum},
	// Unnumbered dashes opening each action, as government documents set
	// lists: "——从严控制一般性支出；\n——建立…".
	{lazyre.New(`^()——`), "——", nil},
}

// clauseEnds are the marks after which a clause starts (a marker counts
// only at the start of the text or of a clause).
const clauseEnds = "。；：，！？\n;:,"

// clauseStarts are the offsets where s's clauses start: 0 and after each
// clause end, in one pass over the bytes (strings.IndexAny decodes every
// rune and looks it up in the set).
func clauseStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		n := 0
		switch c := s[i]; c {
		case '\n', ';', ':', ',':
			n = 1
		case 0xE3, 0xEF: // 。 and the full-width ；：，！？
			if r, size := utf8.DecodeRuneInString(s[i:]); size == 3 && strings.ContainsRune(clauseEnds, r) {
				n = 3
			}
		}
		if n > 0 && i+n < len(s) {
			starts = append(starts, i+n)
		}
		i += max(n, 1) - 1
	}
	return starts
}

// findMarkers finds a family's markers numbered 1, 2, 3… in order, each at
// one of the clause starts (clauseStarts). It returns their [start, end)
// offsets. No family's pattern matches a clause end except as its last
// character (nor matches empty), so every marker lies within one clause
// (up to and with the mark that ends it), and the match at a clause's
// start is the one a search of the whole text finds there
// (TestMarkersByClause). Only clause starts are tried, most of them
// rejected by their first character without running the regexp engine
// (internal/lazyre); searching the whole text for every match, most of
// them inside clauses, cost the grammar a fifth of its time.
func findMarkers(s string, starts []int, f actionFamily) [][2]int {
	var out [][2]int
	want := 1
	for k, st := range starts {
		if want > 50 {
			break
		}
		end := len(s)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		m := f.re.FindStringSubmatchIndex(s[st:end])
		if m == nil {
			continue
		}
		en := st + m[1]
		if f.num != nil && f.num(s[st+m[2]:st+m[3]]) != want {
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
	starts := clauseStarts(s)
	for fi, f := range actionFamilies {
		st := starts
		if fi == 0 {
			st = withGluedOrdinals(s, starts)
		}
		ms := findMarkers(s, st, f)
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

// withGluedOrdinals adds to a text's clause starts the places where an
// ordinal 二是…九是 follows a character directly: the mark before it was
// lost, as LibreOffice does not draw a ；that would hang past the right
// margin ("…时间节点二是每月…"). A numeral, 第 or 其 before it makes it part
// of a word or another numbering ("第二是", "十二是"), not a marker;
// findMarkers still takes it only as the next number after 一是.
func withGluedOrdinals(s string, starts []int) []int {
	var extra []int
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "是")
		if j < 0 {
			break
		}
		at := i + j
		i = at + len("是")
		num, n := utf8.DecodeLastRuneInString(s[:at])
		if !strings.ContainsRune("二三四五六七八九", num) || at-n == 0 {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:at-n])
		if unicode.Is(unicode.Han, before) && !strings.ContainsRune("一二三四五六七八九十第其", before) {
			extra = append(extra, at-n)
		}
	}
	if len(extra) == 0 {
		return starts
	}
	out := append(slices.Clone(starts), extra...)
	slices.Sort(out)
	return slices.Compact(out)
}
