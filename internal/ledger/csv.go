package ledger

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textenc"
)

// Limits on a CSV ledger, checked as the text is scanned so that no record
// is built whole before it is measured (a 100 MB line of commas is 10⁸
// fields; building them first took gigabytes).
const (
	// maxCSVFields: Excel's column limit. A record with more fields is not a
	// ledger row; only the first maxCols are kept of any record.
	maxCSVFields = 16384
	// maxCellChars: Excel's limit on one cell's text. A longer field is most
	// often an unclosed quote swallowing the rest of the file.
	maxCellChars = 32767
)

// gridCSV reads a CSV ledger in any encoding textenc reads (UTF-8 with or
// without BOM, UTF-16 with BOM, GBK/GB18030).
func gridCSV(data []byte) (Grid, error) {
	text, _, err := textenc.Decode(data)
	if err != nil {
		return Grid{}, fmt.Errorf("CSV 文件：%w", err)
	}
	g := Grid{Sheet: "CSV", Dates: map[[2]int]string{}}
	err = scanCSV(text, separator(text), func(rec []string) error {
		if len(g.Rows) >= maxRows {
			return fmt.Errorf("CSV 超过 %d 行（Excel 工作表的上限）", maxRows)
		}
		g.Rows = append(g.Rows, rec)
		return nil
	})
	return g, err
}

// separator is the field separator of a CSV ledger: a comma, or the ';' of
// a system whose list separator is the semicolon, or the tab of Excel's
// "Unicode text" — whichever splits one of the first lines into the most
// ledger header words (a comma when none does better).
func separator(text string) byte {
	best, bestWords := byte(','), 0
	lines := strings.SplitN(text[:min(len(text), 1<<16)], "\n", headerSearch+1)
	for _, sep := range []byte{',', ';', '\t'} {
		for _, line := range lines[:min(len(lines), headerSearch)] {
			words := 0
			for f := range strings.SplitSeq(line, string(sep)) {
				if fieldOf(strings.Trim(f, "\" \r")) != FieldNone {
					words++
				}
			}
			if words > bestWords {
				best, bestWords = sep, words
			}
		}
	}
	return best
}

// scanCSV splits CSV text (RFC 4180, commas, quotes doubled inside quoted
// fields; a stray quote elsewhere is kept as text, as Excel does) into
// records, skipping empty lines. Fields are counted and measured as they are
// scanned; only the first maxCols of a record are kept. sep is the field
// separator (a comma; see separator).
func scanCSV(text string, sep byte, emit func([]string) error) error {
	stops := ",\r\n"
	if sep != ',' {
		stops = string(sep) + "\r\n"
	}
	line := 1
	var rec []string
	nfields := 0
	var field strings.Builder
	fieldChars := 0
	inField := false // something of the current record has been seen
	endField := func() error {
		nfields++
		if nfields > maxCSVFields {
			return fmt.Errorf("CSV 第%d行超过 %d 个字段（Excel 的列数上限），不是整改台账", line, maxCSVFields)
		}
		if len(rec) < maxCols {
			rec = append(rec, field.String())
		}
		field.Reset()
		fieldChars = 0
		return nil
	}
	add := func(s string) error {
		fieldChars += utf8.RuneCountInString(s)
		if fieldChars > maxCellChars {
			return fmt.Errorf("CSV 第%d行第%d个字段超过 %d 个字符（Excel 单元格的上限），可能缺少右引号", line, nfields+1, maxCellChars)
		}
		if len(rec) < maxCols {
			field.WriteString(s)
		}
		return nil
	}
	endRecord := func() error {
		if !inField {
			return nil // an empty line
		}
		if err := endField(); err != nil {
			return err
		}
		err := emit(rec)
		rec, nfields, inField = nil, 0, false
		return err
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '"' && !fieldStarted(text, i, sep):
			// A quoted field: up to the closing quote; "" is a quote.
			inField = true
			j := i + 1
			for {
				k := strings.IndexByte(text[j:], '"')
				if k < 0 {
					return fmt.Errorf("CSV 第%d行：引号没有闭合", line)
				}
				if err := add(text[j : j+k]); err != nil {
					return err
				}
				line += strings.Count(text[j:j+k], "\n")
				j += k + 1
				if j < len(text) && text[j] == '"' {
					if err := add(`"`); err != nil {
						return err
					}
					j++
					continue
				}
				break
			}
			i = j
		case c == sep:
			inField = true
			if err := endField(); err != nil {
				return err
			}
			i++
		case c == '\n' || c == '\r':
			if err := endRecord(); err != nil {
				return err
			}
			if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			line++
			i++
		default:
			// Unquoted text up to the next comma or line end.
			inField = true
			k := strings.IndexAny(text[i:], stops)
			if k < 0 {
				k = len(text) - i
			}
			if err := add(text[i : i+k]); err != nil {
				return err
			}
			i += k
		}
	}
	return endRecord()
}

// fieldStarted: text before i on the current field (a quote in the middle
// of unquoted text is literal).
func fieldStarted(text string, i int, sep byte) bool {
	return i > 0 && text[i-1] != sep && text[i-1] != '\n' && text[i-1] != '\r'
}

// FromText reads a text file that is one tab-separated table under a ledger
// header, as Excel's 另存为“Unicode 文本” and WPS's 文本文件 write a sheet:
// every record as wide as the sheet's used range. ok is false for any other
// text (a notice, with or without a table in it), which is left to the
// notice reader.
func FromText(data []byte) (n *notice.Notice, ok bool) {
	text, _, err := textenc.Decode(data)
	if err != nil || separator(text) != '\t' {
		return nil, false
	}
	g := Grid{Sheet: "文本", Dates: map[[2]int]string{}}
	width := -1
	err = scanCSV(text, '\t', func(rec []string) error {
		if len(g.Rows) >= maxRows || len(rec) < 3 || width >= 0 && len(rec) != width {
			return errNotTable
		}
		width = len(rec)
		g.Rows = append(g.Rows, rec)
		return nil
	})
	if err != nil {
		return nil, false
	}
	n, err = fromGrid(&g)
	return n, err == nil
}

var errNotTable = errors.New("not one table")
