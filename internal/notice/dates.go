package notice

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rectify/rectify/internal/lazyre"
)

// dateRe finds Chinese dates with Arabic digits: 2024年9月14日, 2024年9月, 2024年.
var dateRe = lazyre.New(`(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?)?`)

// DateMention is one date found in a text, at the precision written.
type DateMention struct {
	ISO        string // "2024-09-14", "2024-09" or "2024"
	Start, End int    // byte offsets in the text
}

// FindDates returns every date in s. Years outside 1949..2100 are ignored:
// "2024年第13号台风" still yields 2024, "10000年" does not match.
func FindDates(s string) []DateMention {
	var out []DateMention
	for _, m := range dateRe.FindAllStringSubmatchIndex(s, -1) {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		if y < 1949 || y > 2100 {
			continue
		}
		iso := fmt.Sprintf("%04d", y)
		end := m[3] + len("年")
		if m[4] >= 0 {
			mo, _ := strconv.Atoi(s[m[4]:m[5]])
			if mo < 1 || mo > 12 {
				out = append(out, DateMention{ISO: iso, Start: m[0], End: end})
				continue
			}
			iso += fmt.Sprintf("-%02d", mo)
			end = m[5] + len("月")
			if m[6] >= 0 {
				d, _ := strconv.Atoi(s[m[6]:m[7]])
				if d >= 1 && d <= DaysIn(y, mo) {
					iso += fmt.Sprintf("-%02d", d)
					end = m[1]
				}
			}
		}
		out = append(out, DateMention{ISO: iso, Start: m[0], End: end})
	}
	return out
}

// DaysIn is the number of days of a month of the Gregorian calendar.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ISODate turns y, m, d (m or d may be 0 for "not given") into ISO 8601 at
// that precision.
func ISODate(y, m, d int) string {
	switch {
	case m == 0:
		return fmt.Sprintf("%04d", y)
	case d == 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// ChineseDate writes an ISO date the way GB/T 9704 wants it: 2025年6月24日,
// without leading zeros. Words (立行立改) are returned as they are.
func ChineseDate(iso string) string {
	parts := strings.Split(iso, "-")
	nums := make([]int, 0, 3)
	for _, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return iso
		}
		nums = append(nums, v)
	}
	switch len(nums) {
	case 1:
		return fmt.Sprintf("%d年", nums[0])
	case 2:
		return fmt.Sprintf("%d年%d月", nums[0], nums[1])
	case 3:
		return fmt.Sprintf("%d年%d月%d日", nums[0], nums[1], nums[2])
	}
	return iso
}

var cnDigits = map[rune]int{'〇': 0, '零': 0, 'О': 0, 'O': 0, '○': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// CNNumber parses a Chinese numeral (一, 十二, 二十四, 一百零五, 三千二百) or a
// digit-by-digit one (二〇二五). It returns -1 when s is not a numeral.
func CNNumber(s string) int {
	r := []rune(s)
	if len(r) == 0 {
		return -1
	}
	if !strings.ContainsAny(s, "十百千万") {
		v := 0
		for _, c := range r {
			d, ok := cnDigits[c]
			if !ok {
				return -1
			}
			v = v*10 + d
		}
		return v
	}
	units := map[rune]int{'十': 10, '百': 100, '千': 1000, '万': 10000}
	total, section, digit := 0, 0, -1
	for _, c := range r {
		if d, ok := cnDigits[c]; ok {
			if digit > 0 && d != 0 {
				return -1 // two digits in a row (零 may stand before one)
			}
			digit = d
			continue
		}
		u, ok := units[c]
		if !ok {
			return -1
		}
		if digit < 0 {
			digit = 1 // 十二: an implied one
		}
		if u == 10000 {
			total += (section + digit) * u
			section = 0
		} else {
			section += digit * u
		}
		digit = -1
	}
	if digit > 0 {
		section += digit
	}
	return total + section
}

// CNNumeral writes a number as a Chinese numeral (一, 十, 二十四, 一百零五).
func CNNumeral(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100000:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n < 20:
		s := "十"
		if n%10 != 0 {
			s += digits[n%10]
		}
		return s
	}
	var b strings.Builder
	units := []struct {
		v int
		s string
	}{{10000, "万"}, {1000, "千"}, {100, "百"}, {10, "十"}, {1, ""}}
	zero := false
	started := false
	for _, u := range units {
		d := n / u.v % 10
		if d == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		b.WriteString(digits[d] + u.s)
		started = true
	}
	return b.String()
}

// cnDateRe is a date in Chinese numerals: 二〇二五年六月二十四日.
var cnDateRe = lazyre.New(`^([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$`)

// ParseWholeDate parses a paragraph that is only a date (a signature date),
// in Arabic or Chinese numerals. It returns "" when s is not one.
func ParseWholeDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 40 || !strings.HasSuffix(s, "日") {
		return ""
	}
	if m := cnDateRe.FindStringSubmatch(s); m != nil {
		y, mo, d := CNNumber(m[1]), CNNumber(m[2]), CNNumber(m[3])
		if y > 1949 && mo >= 1 && mo <= 12 && d >= 1 && d <= DaysIn(y, mo) {
			return ISODate(y, mo, d)
		}
		return ""
	}
	ds := FindDates(s)
	if len(ds) == 1 && ds[0].Start == 0 && ds[0].End == len(s) && strings.Count(ds[0].ISO, "-") == 2 {
		return ds[0].ISO
	}
	return ""
}

// deadlineRe finds a deadline phrase: a date followed by 底/前/以前 or words
// of completion, as in "计划于2025年9月底前完成".
var deadlineRe = lazyre.New(`(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?\s*(?:底前|底|前|以前|之前|中旬前|上旬前|下旬前)`)

// ParseDeadline reads a deadline as the contract wants it: a date at the
// source's precision, or the source's words when it gives no date.
func ParseDeadline(s string) string {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "。；;，,"))
	if s == "" {
		return ""
	}
	if d := parseLooseDate(s); d != "" {
		return d
	}
	if ds := FindDates(s); len(ds) > 0 {
		return ds[len(ds)-1].ISO
	}
	return s
}

var looseDateRe = lazyre.New(`^(\d{4})\s*[.\-/年]\s*(\d{1,2})(?:\s*[.\-/月]\s*(\d{1,2})\s*日?)?\s*月?\s*(?:底前|底|前|以前|之前)?(?:完成)?$`)

func parseLooseDate(s string) string {
	m := looseDateRe.FindStringSubmatch(s)
	if m == nil {
		if y, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(s, "年底前"), "年底")); err == nil && y > 1949 && y < 2100 && s != strconv.Itoa(y) {
			return ISODate(y, 12, 0)
		}
		return ""
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d := 0
	if m[3] != "" {
		d, _ = strconv.Atoi(m[3])
	}
	if y < 1949 || y > 2100 || mo < 1 || mo > 12 || d < 0 || d > DaysIn(y, mo) {
		return ""
	}
	return ISODate(y, mo, d)
}

// FindDeadline finds a deadline stated inside running text, such as
// "计划于2025年9月底前完成". It returns "" when there is none.
func FindDeadline(s string) string {
	m := deadlineRe.FindStringSubmatch(s)
	if m == nil {
		return "" // words such as 立行立改 count only under a 整改时限 label
	}
	y, _ := strconv.Atoi(m[1])
	mo, d := 0, 0
	if m[2] != "" {
		mo, _ = strconv.Atoi(m[2])
	}
	if m[3] != "" {
		d, _ = strconv.Atoi(m[3])
	}
	if mo == 0 && strings.Contains(m[0], "底") {
		mo = 12
	}
	if y < 1949 || y > 2100 || mo > 12 || (mo > 0 && d > DaysIn(y, mo)) {
		return ""
	}
	return ISODate(y, mo, d)
}
