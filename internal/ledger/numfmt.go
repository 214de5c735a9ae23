package ledger

import (
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Date precision a number format shows.
const (
	notDate = iota
	yearOnly
	monthOnly
	fullDate
)

// datePrecision reads a number format code: whether it shows a date, and
// down to the year, the month or the day. Quoted text, escapes and [...]
// sections (colours, locales) are not part of the pattern; m next to h or s
// means minutes.
func datePrecision(code string) int {
	lower := strings.ReplaceAll(strings.ToLower(code), "general", "")
	if strings.Contains(lower, "[$-f800]") { // the system's long date
		return fullDate
	}
	var b strings.Builder
	for i := 0; i < len(lower); i++ {
		switch c := lower[i]; c {
		case '"':
			j := strings.IndexByte(lower[i+1:], '"')
			if j < 0 {
				i = len(lower)
			} else {
				i += j + 1
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(lower[i:], ']')
			if j < 0 {
				i = len(lower)
			} else {
				i += j
			}
		case ';':
			i = len(lower) // the first section is the one for positive numbers
		default:
			b.WriteByte(c)
		}
	}
	p := b.String()
	hasY := strings.ContainsAny(p, "ye")
	hasD := strings.Contains(p, "d")
	hasTime := strings.ContainsAny(p, "hs")
	hasM := strings.Contains(p, "m") && (!hasTime || hasY || hasD)
	switch {
	case hasD:
		return fullDate
	case hasM:
		return monthOnly
	case hasY:
		return yearOnly
	}
	return notDate
}

// builtinFormat is the code of a built-in number format id, as Excel shows it
// on a Chinese system (ids 27–58 are locale dependent). Only whether and how
// precisely it shows a date matters here.
func builtinFormat(id int) string {
	switch id {
	case 14, 15, 16, 22, 30:
		return "yyyy/m/d"
	case 17:
		return "mmm-yy"
	case 27, 36, 50, 52, 57:
		return `yyyy"年"m"月"`
	case 28, 29, 51, 53, 54, 58:
		return `m"月"d"日"`
	case 31:
		return `yyyy"年"m"月"d"日"`
	case 9:
		return "0%"
	case 10:
		return "0.00%"
	case 18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56:
		return "h:mm"
	}
	return "General"
}

// serialDate turns a date serial shown through a date format into ISO at the
// precision the format shows, or "" when the number is not a date.
func serialDate(v float64, code string, date1904 bool) string {
	prec := datePrecision(code)
	if prec == notDate || v < 1 || v > 2958465 {
		return ""
	}
	t, err := excelize.ExcelDateToTime(v, date1904)
	if err != nil {
		return ""
	}
	switch prec {
	case yearOnly:
		return t.Format("2006")
	case monthOnly:
		return t.Format("2006-01")
	}
	return t.Format("2006-01-02")
}

// isPercent: the format shows numbers as percentages (0%, 0.0%): a % outside
// quotes in its first section.
func isPercent(code string) bool {
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case '\\':
			i++
		case ';':
			return false
		case '%':
			return true
		}
	}
	return false
}

// percentText writes a number shown as a percentage as the sheet shows it
// ("80%" for 0.8), so that a 整改进度 column reads as written.
func percentText(v float64) string {
	return numberText(math.Round(v*1e8)/1e6) + "%"
}

// numberText writes a number as a ledger cell shows it plainly: integers
// without a decimal point, others in the shortest exact form.
func numberText(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
