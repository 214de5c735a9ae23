package textnotice

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/rectify/rectify/internal/lazyre"
)

// isCJK reports whether r is a Han character or CJK/full-width punctuation:
// the characters next to which a space or a half-width mark is a fault.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || isWidePunct(r)
}

func isWidePunct(r rune) bool {
	return (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF0F) || (r >= 0xFF1A && r <= 0xFF20) ||
		(r >= 0xFF3B && r <= 0xFF40) || (r >= 0xFF5B && r <= 0xFF65) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·'
}

// halfToWide maps half-width marks that are faults in Chinese text.
var halfToWide = map[rune]rune{',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）'}

// NormalizeLine applies the contract's normalisation to one line of text:
// full-width digits and letters become half-width, half-width marks in
// Chinese context become full-width, markdown emphasis goes, and spaces
// between Chinese and anything but Chinese go. Spaces between two Han
// characters stay: titles of joint documents use them
// ("《宁德市商务局 宁德市科学技术局…》").
func NormalizeLine(s string) string {
	if normalized(s) {
		return s // most lines of a PDF: no copy
	}
	return normalizeLine(s)
}

// normalized reports whether normalizeLine leaves s as it is, for want of
// anything it changes: no rune it maps or drops, no ASCII mark it may
// widen, no white space, no markdown emphasis, no invalid UTF-8
// (TestNormalizedUnchanged).
func normalized(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if r <= ' ' || r == '*' || r == '_' || r == 0x7f {
				return false
			}
			if _, ok := halfToWide[r]; ok {
				return false
			}
			continue
		}
		switch {
		case r == utf8.RuneError, unicode.IsSpace(r), r == '\u200b', r == '\ufeff',
			r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ',
			unifyHan(r) != r:
			return false
		}
	}
	return true
}

func normalizeLine(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	out := make([]rune, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		r = unifyHan(r)
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
			r = r - 0xFF10 + '0'
		case r == '\u3000' || r == '\u00a0' || r == '\t':
			r = ' '
		case r == '\u200b' || r == '\ufeff':
			continue
		}
		out = append(out, r)
	}
	rs := out
	// Half-width marks to full width where a neighbour is Chinese.
	for i, r := range rs {
		if r >= utf8.RuneSelf {
			continue // halfToWide maps ASCII marks only (TestHalfToWideASCII)
		}
		w, ok := halfToWide[r]
		if !ok {
			continue
		}
		prev, next := neighbour(rs, i, -1), neighbour(rs, i, +1)
		cjkContext := isCJK(prev) || isCJK(next)
		switch r {
		case '(':
			// "(3) 关于" and "(南阳)" are Chinese brackets; "f(x)" is not.
			cjkContext = cjkContext || prev == 0 || closingParenFollowsDigits(rs, i)
		case ')':
			cjkContext = cjkContext || openedWide(rs[:i])
		case ':', ',':
			// 10:30 and 1,000 stay.
			if isDigit(prev) && isDigit(next) {
				cjkContext = false
			}
		}
		if cjkContext {
			rs[i] = w
		}
	}
	// Drop spaces next to Chinese unless both sides are Han.
	out = make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		if rs[i] != ' ' {
			out = append(out, rs[i])
			continue
		}
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		var prev, next rune
		if len(out) > 0 {
			prev = out[len(out)-1]
		}
		if j < len(rs) {
			next = rs[j]
		}
		keep := prev != 0 && next != 0 && !(isCJK(prev) || isCJK(next))
		if unicode.Is(unicode.Han, prev) && unicode.Is(unicode.Han, next) {
			keep = true
		}
		if keep {
			out = append(out, ' ')
		}
		i = j - 1
	}
	return strings.TrimSpace(string(out))
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// indexAny is strings.IndexAny(s, chars), searched for character by
// character: IndexAny decodes s rune by rune when chars holds a non-ASCII
// character, and that was a tenth of the grammar's time. A character's
// UTF-8 bytes occur in s only where the character does (TestIndexAny).
func indexAny(s, chars string) int {
	first := -1
	for _, c := range chars {
		in := s
		if first >= 0 {
			in = s[:first] // a match ends before the first one's lead byte
		}
		if i := strings.IndexRune(in, c); i >= 0 {
			first = i
		}
	}
	return first
}

// neighbour is the nearest non-space rune before (dir -1) or after (+1) i, or 0.
func neighbour(rs []rune, i, dir int) rune {
	for j := i + dir; j >= 0 && j < len(rs); j += dir {
		if rs[j] != ' ' {
			return rs[j]
		}
	}
	return 0
}

func closingParenFollowsDigits(rs []rune, i int) bool {
	j := i + 1
	for j < len(rs) && isDigit(rs[j]) {
		j++
	}
	return j > i+1 && j < len(rs) && rs[j] == ')'
}

func openedWide(before []rune) bool {
	for j := len(before) - 1; j >= 0; j-- {
		switch before[j] {
		case '（':
			return true
		case '(', ')', '）':
			return false
		}
	}
	return false
}

// radicalsSupplement maps the CJK Radicals Supplement forms that PDF
// producers (Chromium's ToUnicode maps among them) put for the simplified
// ideographs they look like. Unicode gives these no decomposition.
var radicalsSupplement = map[rune]rune{
	'⺁': '厂', '⺇': '几', '⺌': '小', '⺍': '小', '⺎': '兀', '⺏': '尢', '⺐': '尣', '⺑': '尣', '⺒': '巳', '⺓': '幺',
	'⺔': '彐', '⺖': '心', '⺗': '心', '⺘': '手', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月', '⺟': '母', '⺠': '民',
	'⺡': '水', '⺢': '氺', '⺣': '火', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛', '⺨': '犭', '⺩': '王', '⺪': '疋',
	'⺫': '目', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟', '⺱': '罓', '⺲': '罒', '⺳': '网', '⺴': '网',
	'⺵': '网', '⺶': '羊', '⺷': '羊', '⺸': '羊', '⺹': '耂', '⺺': '肀', '⺻': '聿', '⺼': '月', '⺽': '臼', '⺾': '艹',
	'⺿': '艹', '⻀': '艹', '⻁': '虎', '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角', '⻈': '讠',
	'⻉': '贝', '⻊': '足', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸',
	'⻓': '长', '⻔': '门', '⻕': '阝', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞',
	'⻝': '食', '⻟': '食', '⻠': '饣', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤',
	'⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '斉', '⻬': '齐', '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜',
	'⻲': '亀', '⻳': '龟',
}

// unifyHan maps a Kangxi radical (U+2F00–U+2FD5, by its compatibility
// decomposition), a CJK Radicals Supplement form, or a CJK compatibility
// ideograph to the unified ideograph that text means: "⼯作" is "工作".
func unifyHan(r rune) rune {
	switch {
	case r >= 0x2F00 && r <= 0x2FDF, r >= 0xF900 && r <= 0xFAFF:
		if n := []rune(norm.NFKC.String(string(r))); len(n) == 1 {
			return n[0]
		}
	case r >= 0x2E80 && r <= 0x2EFF:
		if u, ok := radicalsSupplement[r]; ok {
			return u
		}
	}
	return r
}

// fixQuotes turns straight double quotes in Chinese text into “” pairs.
func fixQuotes(s string) string {
	if !strings.Contains(s, `"`) {
		return s
	}
	rs := []rune(s)
	open := true
	for i, r := range rs {
		if r != '"' {
			continue
		}
		if isCJK(neighbour(rs, i, -1)) || isCJK(neighbour(rs, i, 1)) {
			if open {
				rs[i] = '“'
			} else {
				rs[i] = '”'
			}
			open = !open
		}
	}
	return string(rs)
}

// displayWidth counts a line in character cells: wide characters 1, others ½.
// ASCII and the common ideographs (U+4000–U+9FFF, lead bytes E4–E9, whose
// three-byte forms are all valid) are counted from their bytes; any other
// rune is decoded (TestDisplayWidthBytes).
func displayWidth(s string) float64 {
	w := 0.0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			w += 0.5
			i++
			continue
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			w++
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		w += runeWidth(r)
		i += n
	}
	return w
}

// runeWidth is a rune's width in character cells: wide characters 1, others ½.
func runeWidth(r rune) float64 {
	if r < 0x1100 || (r >= 0x2000 && r < 0x2E80 && r != '…' && r != '—' && r != '“' && r != '”' && r != '‘' && r != '’') {
		return 0.5
	}
	return 1
}

var (
	pageNumberRe = lazyre.New(`^(?:[-—–－―~]+\s*\d{1,6}\s*[-—–－―~]+|第\s*\d{1,6}\s*页(?:\s*[/，,]?\s*共\s*\d{1,6}\s*页)?|\d{1,6}\s*/\s*\d{1,6}|\d{1,4})$`)
	mdHeadingRe  = lazyre.New(`^#{1,6}\s+`)
)

// IsPageNumber reports whether a whole line is a page number: "— 3 —",
// "-3-", "第3页", "第3页 共29页", "3/29" or a bare number.
func IsPageNumber(s string) bool { return pageNumberRe.MatchString(strings.TrimSpace(s)) }

// UnifyHan is unifyHan for other packages (pdftext's tests compare its text
// with poppler's, which unifies these forms too).
func UnifyHan(r rune) rune { return unifyHan(r) }
