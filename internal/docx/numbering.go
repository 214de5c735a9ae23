package docx

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/rectify/rectify/internal/notice"
)

// Word's automatic numbering (numbering.xml): a paragraph's label such as
// "一、" or "（1）" is not in its text but computed from the list it belongs
// to. The reader renders labels as Word shows them, or the structure is lost.

// level is one level of an abstract numbering definition.
type level struct {
	start   int
	format  string // w:numFmt, e.g. decimal, chineseCounting
	text    string // w:lvlText, e.g. "（%1）"
	restart int    // w:lvlRestart: restart after this 1-based level; 0 never; -1 unset
	legal   bool   // w:isLgl: all numbers in the label shown decimal
	suffix  string // w:suff: tab (default), space, nothing
	style   string // w:pStyle: the paragraph style that takes this level
}

type abstractNum struct {
	levels [9]*level
	// numStyleLink names a numbering style whose list this definition
	// stands for (Word's list styles): its levels live in another
	// definition, found through the style.
	numStyleLink string
}

// num is a numbering instance (w:num): an abstract definition plus overrides.
type num struct {
	abstract  string
	overrides map[int]override
	used      bool
}

type override struct {
	start int // w:startOverride, -1 when absent
	lvl   *level
}

type numbering struct {
	abstracts map[string]*abstractNum
	nums      map[string]*num
	// counters are kept per abstract definition: instances that share one
	// continue one another's numbers, as Word does, unless they restart.
	counters map[string]*[9]int
	started  map[string]*[9]bool
}

// xml shapes of numbering.xml.
type xVal struct {
	Val string `xml:"val,attr"`
}

type xLvl struct {
	Ilvl    string `xml:"ilvl,attr"`
	Start   *xVal  `xml:"start"`
	NumFmt  *xVal  `xml:"numFmt"`
	LvlText *xVal  `xml:"lvlText"`
	Restart *xVal  `xml:"lvlRestart"`
	IsLgl   *xVal  `xml:"isLgl"`
	Suff    *xVal  `xml:"suff"`
	PStyle  *xVal  `xml:"pStyle"`
}

type xNumbering struct {
	Abstract []struct {
		ID           string `xml:"abstractNumId,attr"`
		Lvl          []xLvl `xml:"lvl"`
		NumStyleLink *xVal  `xml:"numStyleLink"`
	} `xml:"abstractNum"`
	Num []struct {
		ID       string `xml:"numId,attr"`
		Abstract xVal   `xml:"abstractNumId"`
		Override []struct {
			Ilvl  string `xml:"ilvl,attr"`
			Start *xVal  `xml:"startOverride"`
			Lvl   *xLvl  `xml:"lvl"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

func parseNumbering(data []byte) (*numbering, error) {
	nb := &numbering{abstracts: map[string]*abstractNum{}, nums: map[string]*num{},
		counters: map[string]*[9]int{}, started: map[string]*[9]bool{}}
	if data == nil {
		return nb, nil
	}
	if err := checkDepth(data); err != nil {
		return nil, err
	}
	var x xNumbering
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, fmt.Errorf("numbering.xml 不是有效的 XML：%v", err)
	}
	for _, a := range x.Abstract {
		an := &abstractNum{}
		if a.NumStyleLink != nil {
			an.numStyleLink = a.NumStyleLink.Val
		}
		for _, l := range a.Lvl {
			if i, ok := levelIndex(l.Ilvl); ok {
				an.levels[i] = toLevel(l)
			}
		}
		nb.abstracts[a.ID] = an
	}
	for _, n := range x.Num {
		nm := &num{abstract: n.Abstract.Val, overrides: map[int]override{}}
		for _, o := range n.Override {
			i, ok := levelIndex(o.Ilvl)
			if !ok {
				continue
			}
			ov := override{start: -1}
			if o.Start != nil {
				ov.start = atoiOr(o.Start.Val, 0)
			}
			if o.Lvl != nil {
				ov.lvl = toLevel(*o.Lvl)
			}
			nm.overrides[i] = ov
		}
		nb.nums[n.ID] = nm
	}
	return nb, nil
}

func levelIndex(s string) (int, bool) {
	i, err := strconv.Atoi(strings.TrimSpace(s))
	return i, err == nil && i >= 0 && i < 9
}

func atoiOr(s string, def int) int {
	if v, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		return v
	}
	return def
}

func toLevel(l xLvl) *level {
	lv := &level{start: 1, format: "decimal", restart: -1, suffix: "tab"}
	if l.Start != nil {
		lv.start = atoiOr(l.Start.Val, 1)
	}
	if l.NumFmt != nil {
		lv.format = l.NumFmt.Val
	}
	if l.LvlText != nil {
		lv.text = l.LvlText.Val
	}
	if l.Restart != nil {
		lv.restart = atoiOr(l.Restart.Val, -1)
	}
	if l.IsLgl != nil {
		lv.legal = l.IsLgl.Val != "0" && l.IsLgl.Val != "false"
	}
	if l.Suff != nil {
		lv.suffix = l.Suff.Val
	}
	if l.PStyle != nil {
		lv.style = l.PStyle.Val
	}
	return lv
}

// linkListStyles points each instance of a definition that only links to a
// list style at the definition holding that style's levels.
func (nb *numbering) linkListStyles(st *styles) {
	for _, nm := range nb.nums {
		for hops := 0; hops < 4; hops++ {
			a := nb.abstracts[nm.abstract]
			if a == nil || a.numStyleLink == "" {
				break
			}
			target := nb.nums[st.listStyles[a.numStyleLink]]
			if target == nil || target.abstract == nm.abstract {
				break
			}
			nm.abstract = target.abstract
		}
	}
}

// levelOf gives the level definition a numbering instance uses at ilvl.
func (nb *numbering) levelOf(nm *num, ilvl int) *level {
	if ov, ok := nm.overrides[ilvl]; ok && ov.lvl != nil {
		return ov.lvl
	}
	if a := nb.abstracts[nm.abstract]; a != nil && a.levels[ilvl] != nil {
		return a.levels[ilvl]
	}
	return nil
}

// levelForStyle finds the level of a list that names a paragraph style.
func (nb *numbering) levelForStyle(numID, style string) (int, bool) {
	nm := nb.nums[numID]
	if nm == nil {
		return 0, false
	}
	for i := 0; i < 9; i++ {
		if l := nb.levelOf(nm, i); l != nil && l.style == style {
			return i, true
		}
	}
	return 0, false
}

// label advances the list numID at level ilvl and returns the label the
// paragraph shows, with the separator Word puts after it.
func (nb *numbering) label(numID string, ilvl int) string {
	nm := nb.nums[numID]
	if nm == nil || ilvl < 0 || ilvl > 8 {
		return ""
	}
	lv := nb.levelOf(nm, ilvl)
	if lv == nil {
		return ""
	}
	key := nm.abstract
	if nb.counters[key] == nil {
		nb.counters[key], nb.started[key] = &[9]int{}, &[9]bool{}
	}
	counts, started := nb.counters[key], nb.started[key]
	startOf := func(i int) int {
		if ov, ok := nm.overrides[i]; ok && ov.start >= 0 {
			return ov.start
		}
		if l := nb.levelOf(nm, i); l != nil {
			return l.start
		}
		return 1
	}
	// The first paragraph of an instance with start overrides restarts
	// those levels (Word's "restart numbering").
	if !nm.used {
		nm.used = true
		for i, ov := range nm.overrides {
			if ov.start >= 0 {
				started[i] = false
			}
		}
	}
	if started[ilvl] {
		counts[ilvl]++
	} else {
		counts[ilvl], started[ilvl] = startOf(ilvl), true
	}
	// Deeper levels restart after this one unless told otherwise.
	for m := ilvl + 1; m < 9; m++ {
		restart := m
		if l := nb.levelOf(nm, m); l != nil && l.restart >= 0 {
			restart = l.restart
		}
		if ilvl < restart {
			started[m] = false
		}
	}
	if lv.format == "bullet" || lv.format == "none" {
		return "" // a bullet carries no number; "none" shows nothing
	}
	var b strings.Builder
	text := lv.text
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			v := startOf(k)
			if started[k] {
				v = counts[k]
			}
			format := "decimal"
			if l := nb.levelOf(nm, k); l != nil && !lv.legal {
				format = l.format
			}
			b.WriteString(formatNumber(format, v))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	if lv.suffix == "space" {
		b.WriteByte(' ')
	}
	return b.String()
}

// formatNumber writes n in one of Word's number formats (ST_NumberFormat).
// Formats without a Chinese office use fall back to Arabic digits.
func formatNumber(format string, n int) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
		"japaneseCounting", "koreanCounting":
		return notice.CNNumeral(n)
	case "chineseLegalSimplified":
		return strings.NewReplacer("一", "壹", "二", "贰", "三", "叁", "四", "肆", "五", "伍", "六", "陆",
			"七", "柒", "八", "捌", "九", "玖", "十", "拾", "百", "佰", "千", "仟", "零", "零").Replace(notice.CNNumeral(n))
	case "ideographLegalTraditional":
		return strings.NewReplacer("一", "壹", "二", "貳", "三", "參", "四", "肆", "五", "伍", "六", "陸",
			"七", "柒", "八", "捌", "九", "玖", "十", "拾", "百", "佰", "千", "仟", "零", "零").Replace(notice.CNNumeral(n))
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return []rune("〇一二三四五六七八九")[r-'0']
			}
			return r
		}, strconv.Itoa(n))
	case "ideographTraditional":
		return cycle("甲乙丙丁戊己庚辛壬癸", n)
	case "ideographZodiac":
		return cycle("子丑寅卯辰巳午未申酉戌亥", n)
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		return enclosed(n, 20, '①')
	case "ideographEnclosedCircle":
		return enclosed(n, 10, '㈠')
	case "decimalEnclosedParen":
		return enclosed(n, 20, '⑴')
	case "decimalEnclosedFullstop":
		return enclosed(n, 20, '⒈')
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(n))
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter", "lowerLetter":
		if n >= 1 {
			s := strings.Repeat(string(rune('A'+(n-1)%26)), (n-1)/26+1)
			if format == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "none":
		return ""
	}
	return strconv.Itoa(n)
}

func cycle(set string, n int) string {
	rs := []rune(set)
	if n < 1 {
		return strconv.Itoa(n)
	}
	return string(rs[(n-1)%len(rs)])
}

func enclosed(n, max int, first rune) string {
	if n >= 1 && n <= max {
		return string(first + rune(n-1))
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// styles holds what the reader needs from styles.xml: which paragraph
// styles carry a list, through their basedOn chain.
type styles struct {
	byID       map[string]xStyle
	listStyles map[string]string // numbering style → the numId it carries
	defaultP   string
}

type xStyle struct {
	Type    string `xml:"type,attr"`
	ID      string `xml:"styleId,attr"`
	Default string `xml:"default,attr"`
	BasedOn *xVal  `xml:"basedOn"`
	NumPr   *struct {
		Ilvl  *xVal `xml:"ilvl"`
		NumID *xVal `xml:"numId"`
	} `xml:"pPr>numPr"`
}

func parseStyles(data []byte) (*styles, error) {
	st := &styles{byID: map[string]xStyle{}, listStyles: map[string]string{}}
	if data == nil {
		return st, nil
	}
	if err := checkDepth(data); err != nil {
		return nil, err
	}
	var x struct {
		Style []xStyle `xml:"style"`
	}
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, fmt.Errorf("styles.xml 不是有效的 XML：%v", err)
	}
	for _, s := range x.Style {
		switch s.Type {
		case "numbering":
			if s.NumPr != nil && s.NumPr.NumID != nil {
				st.listStyles[s.ID] = s.NumPr.NumID.Val
			}
			continue
		case "", "paragraph":
		default:
			continue
		}
		st.byID[s.ID] = s
		if s.Default == "1" || s.Default == "true" {
			st.defaultP = s.ID
		}
	}
	return st, nil
}

// numPr finds the list a paragraph style carries, following basedOn, and
// the style in the chain that carries it. ilvl is -1 when the style names
// no level.
func (st *styles) numPr(id string) (numID string, ilvl int, owner string, ok bool) {
	if id == "" {
		id = st.defaultP
	}
	for hops := 0; id != "" && hops < 20; hops++ {
		s, found := st.byID[id]
		if !found {
			return "", 0, "", false
		}
		if s.NumPr != nil && s.NumPr.NumID != nil {
			ilvl = -1
			if s.NumPr.Ilvl != nil {
				ilvl = atoiOr(s.NumPr.Ilvl.Val, 0)
			}
			return s.NumPr.NumID.Val, ilvl, id, true
		}
		if s.BasedOn == nil {
			break
		}
		id = s.BasedOn.Val
	}
	return "", 0, "", false
}
