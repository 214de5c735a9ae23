package ledger

import (
	"fmt"
	"strings"
	"unicode/utf8"

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
	err = scanCSV(text, func(rec []string) error {
		if len(g.Rows) >= maxRows {
			return fmt.Errorf("CSV 超过 %d 行（Excel 工作表的上限）", maxRows)
		}
		g.Rows = append(g.Rows, rec)
		return nil
	})
	return g, err
}

// scanCSV splits CSV text (RFC 4180, commas, quotes doubled inside quoted
// fields; a stray quote elsewhere is kept as text, as Excel does) into
// records, skipping empty lines. Fields are counted and measured as they are
// scanned; only the first maxCols of a record are kept.
func scanCSV(text string, emit func([]string) error) error {
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
		case c == '"' && !fieldStarted(text, i):
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
		case c == ',':
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
			k := strings.IndexAny(text[i:], ",\r\n")
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
func fieldStarted(text string, i int) bool {
	return i > 0 && text[i-1] != ',' && text[i-1] != '\n' && text[i-1] != '\r'
}
