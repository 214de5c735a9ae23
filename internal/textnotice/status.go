package textnotice

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
)

// statusFiller are the words that may stand around a status word in a
// sentence that says nothing but the status: "目前，该问题已完成整改。",
// "此项工作长期坚持。". A clause is a status verdict when, with its status
// word and these removed, nothing is left; "已完成评估报告" keeps
// "评估报告" and is an action.
var statusFiller = strings.NewReplacer(
	"建立长效机制", "", "形成长效机制", "", // 已完成并建立长效机制
	"截至目前", "", "目前", "", "当前", "", "现已", "", "至此", "",
	"该问题", "", "此问题", "", "本问题", "", "上述问题", "", "该项问题", "", "以上问题", "",
	"该项工作", "", "此项工作", "", "该项整改", "", "此项整改", "", "该项", "", "此项", "", "本项", "",
	"问题", "", "工作", "", "任务", "", "整改", "", "已经", "", "已", "", "正在", "", "均", "", "全部", "",
	"并", "", "中", "", "了", "", "的", "", "到位", "", "基本", "", "，", "", "、", "", " ", "",
	"将", "", "需要", "", "需", "", // 该项工作将长期坚持, 需长期坚持整改
	"（", "", "）", "", "【", "", "】", "",
)

// timePrefixRe is the "目前，" that may open a verdict sentence.
var timePrefixRe = lazyre.New(`^(?:截至目前|截至发文时|目前|当前|现阶段|至此)[，,]`)

// statusClause reports the status a clause states when the clause is a
// verdict and nothing else.
func statusClause(c string) (status, words string) {
	c = strings.Trim(c, "。；;，,！ ")
	// "未完成（原因：用地报批尚未获批）": the reason stays in the words.
	whole := c
	if loc := reasonRe.FindStringIndex(c); loc != nil {
		c = c[:loc[0]] + c[loc[1]:]
	}
	if c == "" || displayWidth(c) > 24 {
		return "", ""
	}
	st, w := notice.FindStatus(c)
	if st == "" || w == "完成" {
		return "", ""
	}
	if statusFiller.Replace(strings.Replace(c, w, "", 1)) != "" {
		return "", ""
	}
	return st, whole
}

// reasonRe is the reason an office gives in brackets after a verdict.
var reasonRe = lazyre.New(`（(?:主要)?原因[：:是为][^（）]*）`)

// statusSentence reports whether a sentence is a status verdict: its first
// clause is one ("该问题已基本完成整改，剩余工作计划于…完成。").
func statusSentence(s string) (status, words string) {
	first := timePrefixRe.ReplaceAllString(s, "")
	if i := strings.IndexAny(first, "，,；"); i >= 0 {
		first = first[:i]
	}
	return statusClause(first)
}

// sentences splits s after each 。 ！ ？ (keeping them).
func sentences(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if r == '。' || r == '！' || r == '？' {
			end := i + len(string(r))
			out = append(out, s[start:end])
			start = end
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// trailingStatus splits off the status sentences that close s: the actions
// "……纳入科室年度考核。目前已完成整改。" give "……纳入科室年度考核。" and
// "目前已完成整改。" with its status.
func trailingStatus(s string) (rest, tail, status, words string) {
	ss := sentences(s)
	cut := len(ss)
	for cut > 0 {
		if st, _ := statusSentence(strings.TrimSpace(ss[cut-1])); st == "" {
			break
		}
		cut--
	}
	if cut == len(ss) {
		return gluedStatus(s, ss)
	}
	// The verdict that counts is the last one written.
	status, words = statusSentence(strings.TrimSpace(ss[len(ss)-1]))
	return strings.Join(ss[:cut], ""), strings.Join(ss[cut:], ""), status, words
}

// statusOnly reports the status of the first sentence in s that is a
// verdict and nothing else, if any.
func statusOnly(s string) (status, words string) {
	for _, sent := range sentences(s) {
		if st, w := statusSentence(strings.TrimSpace(sent)); st != "" {
			return st, w
		}
	}
	return "", ""
}

// gluedStatus splits off a verdict whose full stop was lost, glued to the
// last action: LibreOffice does not draw a 。 that would hang past the
// right margin, so a PDF reads "…关停网点9个目前已完成整改。". The verdict
// opens with a time word right after a character, not after a mark.
func gluedStatus(s string, ss []string) (rest, tail, status, words string) {
	if len(ss) == 0 {
		return s, "", "", ""
	}
	last := ss[len(ss)-1]
	for _, w := range []string{"截至目前", "目前"} {
		i := strings.LastIndex(last, w)
		if i <= 0 || w == "目前" && strings.HasSuffix(last[:i], "截至") {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(last[:i]); !unicode.Is(unicode.Han, r) && !unicode.IsDigit(r) {
			return s, "", "", ""
		}
		if st, _ := statusSentence(last[i:]); st != "" {
			head := strings.Join(ss[:len(ss)-1], "") + last[:i]
			// The verdict that counts is the whole tail's, as above.
			st, words = statusSentence(last[i:])
			return head, last[i:], st, words
		}
		return s, "", "", ""
	}
	return s, "", "", ""
}
