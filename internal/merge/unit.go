package merge

import (
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/rectify/rectify/internal/lazyre"
	"github.com/rectify/rectify/internal/notice"
)

// Ways of naming the unit a file belongs to (--unit-from).
const (
	UnitFromIssuer = "issuer" // the issuer the file states, else its file name, else its folder
	UnitFromFile   = "file"   // the file name, without the words for the kind of document
	UnitFromFolder = "folder" // the folder that holds the file
)

// How a unit name was found, as the 文件清单 sheet says it.
const (
	byIssuer = "发文机关或填报单位"
	byFile   = "文件名"
	byFolder = "文件夹名"
)

// UnitKey folds a unit name so that the same unit written differently meets
// itself: full- and half-width forms (NFKC), spaces anywhere, a leading
// 中共/中国共产党, a trailing 党组 (the party group answers for its own
// bureau) and a trailing （盖章）. Nothing else is dropped, so 县财政局 and
// 县财政局国库中心 stay two units.
func UnitKey(name string) string {
	s := norm.NFKC.String(name)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSuffix(s, "(盖章)")
	for _, p := range []string{"中国共产党", "中共"} {
		if rest := strings.TrimPrefix(s, p); rest != s && len([]rune(rest)) >= 2 {
			s = rest
			break
		}
	}
	if rest := strings.TrimSuffix(s, "党组"); rest != s && len([]rune(rest)) >= 2 {
		s = rest
	}
	return s
}

// displayName is the name a unit is shown under: its spaces collapsed.
func displayName(name string) string {
	return strings.Join(strings.Fields(name), "")
}

var (
	// docWords are the words for the kind of document a file name carries
	// besides the unit: 巡察整改进展情况的通报, 整改台账, 汇总表…
	docWords = lazyre.New(`(?:关于)?(?:[\p{Han}]{0,6}第[一二三四五六七八九十\d]+轮)?(?:巡察|巡视)?(?:反馈)?(?:问题)?整改(?:工作)?(?:进展|落实)?(?:情况)?(?:的)?(?:通报|台账|报告|清单|统计表|汇总表|表)|整改台账|台账|通报|汇总表|清单`)
	// copyMarks are what copying and versioning add to a name.
	copyMarks = lazyre.New(`(?:[（(]\d+[)）]|-?副本|[（(]?(?:终稿|定稿|最终版|修改稿)[)）]?|[vV]\d+)$`)
	nameSep   = lazyre.New(`[_\-—–·,，、\s]+`)
	dateish   = lazyre.New(`^[\d年月日.]+$`)
)

// unitFromFileName finds a unit name in a file name, or "".
func unitFromFileName(path string) string {
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	for {
		s := strings.TrimSpace(copyMarks.ReplaceAllString(stem, ""))
		if s == stem {
			break
		}
		stem = s
	}
	for _, part := range nameSep.Split(stem, -1) {
		part = strings.TrimPrefix(strings.TrimSpace(docWords.ReplaceAllString(part, "")), "关于")
		part = strings.Trim(part, "()（）《》“”\"'")
		if len([]rune(part)) >= 2 && !dateish.MatchString(part) && hasHan(part) {
			return part
		}
	}
	return ""
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// unitOf names the unit of a file by the rule, and says how it was found.
func unitOf(path string, n *notice.Notice, rule string) (name, by string) {
	folder := filepath.Base(filepath.Dir(path))
	if folder == "." || folder == "/" {
		folder = ""
	}
	switch rule {
	case UnitFromFolder:
		return folder, byFolder
	case UnitFromFile:
		return unitFromFileName(path), byFile
	}
	if s := strings.TrimSpace(n.Issuer); s != "" {
		return s, byIssuer
	}
	if s := unitFromFileName(path); s != "" {
		return s, byFile
	}
	if folder != "" && hasHan(folder) {
		return folder, byFolder
	}
	return "", ""
}

// Round is the inspection round a file reports on, from what it states: the
// ordinal ("十四届县委第三轮巡察") and the month the inspection began.
type Round struct {
	Ordinal string // e.g. "第三轮巡察", with its 届 when stated
	Start   string // YYYY-MM
}

// String shows a round in Chinese.
func (r Round) String() string {
	switch {
	case r.Ordinal != "" && r.Start != "":
		return r.Ordinal + "（" + notice.ChineseDate(r.Start) + "进驻）"
	case r.Ordinal != "":
		return r.Ordinal
	case r.Start != "":
		return notice.ChineseDate(r.Start) + "进驻"
	}
	return ""
}

// compatible: two rounds may be the same when nothing both state differs.
func (r Round) compatible(o Round) bool {
	return (r.Ordinal == "" || o.Ordinal == "" || r.Ordinal == o.Ordinal) &&
		(r.Start == "" || o.Start == "" || r.Start == o.Start)
}

func (r Round) union(o Round) Round {
	if r.Ordinal == "" {
		r.Ordinal = o.Ordinal
	}
	if r.Start == "" {
		r.Start = o.Start
	}
	return r
}

var roundRe = lazyre.New(`(?:([一二三四五六七八九十]+届\p{Han}{0,4}?))?第([一二三四五六七八九十百\d]+)轮(巡察|巡视)`)

// roundOf reads the round from the title, preamble and opening paragraphs,
// and the inspection's start.
func roundOf(n *notice.Notice) Round {
	var r Round
	texts := []string{n.Title, n.Preamble}
	for _, s := range n.Sections {
		texts = append(texts, s.Paragraphs...)
		if len(texts) > 8 {
			break
		}
	}
	for _, t := range texts {
		if m := roundRe.FindStringSubmatch(t); m != nil {
			num := m[2]
			if v, err := strconv.Atoi(num); err == nil {
				num = notice.CNNumeral(v)
			} else {
				num = notice.CNNumeral(notice.CNNumber(num))
			}
			r.Ordinal = m[1] + "第" + num + "轮" + m[3]
			break
		}
	}
	if n.Inspection != nil && len(n.Inspection.Start) >= 7 {
		r.Start = n.Inspection.Start[:7]
	}
	return r
}
