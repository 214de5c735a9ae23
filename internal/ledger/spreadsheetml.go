package ledger

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// SpreadsheetML is Excel 2003's XML workbook ("XML 电子表格 2003"). Office
// systems that export a ledger for download often write it, under an .xls
// name; Excel, WPS and LibreOffice open it.
const spreadsheetNS = "urn:schemas-microsoft-com:office:spreadsheet"

// IsSpreadsheetML reports whether data is an XML document whose root is a
// SpreadsheetML Workbook (looked for in its first 4 KiB).
func IsSpreadsheetML(data []byte) bool {
	head := data[:min(len(data), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	return bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte(spreadsheetNS)) &&
		(bytes.Contains(head, []byte("<Workbook")) || bytes.Contains(head, []byte(":Workbook")))
}

var errNotSpreadsheetML = errors.New("不是 Excel 2003 XML 表格（SpreadsheetML）文件")

// gridsSpreadsheetML reads every worksheet as a grid: cells placed by
// ss:Index or after the previous cell and its ss:MergeAcross, merges from
// ss:MergeAcross/ss:MergeDown, hidden columns and sheets marked (rows are
// read hidden or not, as in .xlsx), a cell's comment and hyperlink (ss:HRef)
// kept for its row's remarks as in .xlsx, dates at the precision their
// style's number format shows.
func gridsSpreadsheetML(data []byte) ([]Grid, error) {
	if !IsSpreadsheetML(data) {
		return nil, errNotSpreadsheetML
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	formats := map[string]string{} // style ID → number format
	var grids []Grid
	var g *Grid
	var styleID string
	row, col := -1, 0 // 0-based; col is where the next cell goes
	var cell struct {
		open, inData bool
		col, across  int
		typ, style   string
		text         strings.Builder
		author       string          // of the cell's comment
		note         strings.Builder // the comment's text
	}
	comment := 0 // depth inside a cell's Comment, whose Data is no cell text
	nextColumn := 0
	inVisible := false
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("Excel 2003 XML 表格已损坏：%v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > 64 {
				return nil, errors.New("Excel 2003 XML 表格嵌套过深，已损坏")
			}
			switch t.Name.Local {
			case "Style":
				styleID = ssAttr(t, "ID")
			case "NumberFormat":
				if styleID != "" {
					formats[styleID] = ssAttr(t, "Format")
				}
			case "Worksheet":
				grids = append(grids, Grid{Sheet: ssAttr(t, "Name"), Dates: map[[2]int]string{}})
				g = &grids[len(grids)-1]
				row, nextColumn = -1, 0
				cell.open = false
			case "Column":
				if g == nil {
					break
				}
				c, ok := index(ssAttr(t, "Index"), nextColumn)
				if !ok {
					return nil, errors.New("Excel 2003 XML 表格的列号超出范围")
				}
				span, _ := strconv.Atoi(ssAttr(t, "Span"))
				span = max(0, min(span, maxCols))
				for k := c; k <= c+span; k++ {
					if ssAttr(t, "Hidden") == "1" {
						g.hideColumn(k)
					}
				}
				nextColumn = c + span + 1
			case "Row":
				if g == nil {
					break
				}
				r, ok := index(ssAttr(t, "Index"), row+1)
				if !ok || r >= maxRows {
					return nil, fmt.Errorf("Excel 2003 XML 表格超过 %d 行（Excel 工作表的上限）", maxRows)
				}
				row, col = r, 0
			case "Cell":
				if g == nil || row < 0 {
					break
				}
				c, ok := index(ssAttr(t, "Index"), col)
				if !ok {
					return nil, errors.New("Excel 2003 XML 表格的列号超出范围")
				}
				across, _ := strconv.Atoi(ssAttr(t, "MergeAcross"))
				down, _ := strconv.Atoi(ssAttr(t, "MergeDown"))
				across, down = max(0, min(across, maxExcelCols)), max(0, min(down, maxRows))
				cell.open, cell.col, cell.across, cell.style, cell.typ = true, c, across, ssAttr(t, "StyleID"), ""
				cell.text.Reset()
				cell.note.Reset()
				if href := ssAttr(t, "HRef"); href != "" && row < maxRows && c < maxCols {
					if g.Links == nil {
						g.Links = map[[2]int]string{}
					}
					g.Links[[2]int{row, c}] = href
				}
				if across > 0 || down > 0 {
					g.Merges = append(g.Merges, Merge{R1: row, C1: c, R2: row + down, C2: c + across})
				}
				col = c + across + 1
			case "Comment":
				comment++
				cell.author = ssAttr(t, "Author")
			case "Data":
				if cell.open && comment == 0 {
					cell.inData, cell.typ = true, ssAttr(t, "Type")
				}
			case "Visible": // x:WorksheetOptions/x:Visible SheetHidden, SheetVeryHidden
				inVisible = g != nil
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "Style":
				styleID = ""
			case "Comment":
				comment--
				if cell.open && comment == 0 && g != nil && row >= 0 && cell.col < maxCols {
					if note := commentText(cell.note.String(), []string{cell.author}); note != "" {
						if g.Comments == nil {
							g.Comments = map[[2]int]string{}
						}
						g.Comments[[2]int{row, cell.col}] = note
					}
				}
			case "Data":
				cell.inData = false
			case "Cell":
				if cell.open && g != nil && row >= 0 {
					if err := setXMLCell(g, row, cell.col, cell.text.String(), cell.typ, formats[cell.style]); err != nil {
						return nil, err
					}
				}
				cell.open = false
			case "Visible":
				inVisible = false
			}
		case xml.CharData:
			switch {
			case comment > 0 && cell.open:
				if cell.note.Len()+len(t) > 4*maxCellChars {
					return nil, fmt.Errorf("Excel 2003 XML 表格第%d行有批注超过 %d 个字符", row+1, maxCellChars)
				}
				cell.note.Write(t)
			case cell.inData:
				if cell.text.Len()+len(t) > 4*maxCellChars {
					return nil, fmt.Errorf("Excel 2003 XML 表格第%d行有单元格超过 %d 个字符（Excel 单元格的上限）", row+1, maxCellChars)
				}
				cell.text.Write(t)
			case inVisible && strings.HasPrefix(strings.TrimSpace(string(t)), "SheetHidden"), inVisible && strings.HasPrefix(strings.TrimSpace(string(t)), "SheetVeryHidden"):
				g.HiddenSheet = true
			}
		}
	}
	if len(grids) == 0 {
		return nil, errors.New("Excel 2003 XML 表格里没有工作表")
	}
	return grids, nil
}

// maxExcelCols is Excel's column limit.
const maxExcelCols = 16384

// index reads a 1-based ss:Index, or gives next when there is none.
func index(s string, next int) (int, bool) {
	if s == "" {
		return next, next < maxExcelCols
	}
	i, err := strconv.Atoi(s)
	if err != nil || i < 1 || i > maxRows {
		return 0, false
	}
	return i - 1, true
}

// setXMLCell puts one cell's text into the grid: a DateTime as ISO at the
// precision its number format shows, a Number as a reader shows it.
func setXMLCell(g *Grid, row, col int, text, typ, format string) error {
	if col >= maxExcelCols {
		return errors.New("Excel 2003 XML 表格的列号超出范围")
	}
	switch typ {
	case "DateTime":
		if t, err := time.Parse("2006-01-02T15:04:05", text[:min(len(text), 19)]); err == nil {
			prec := datePrecision(format)
			if strings.HasSuffix(format, " Date") { // Excel's named formats: Short Date, General Date …
				prec = fullDate
			}
			switch prec {
			case yearOnly:
				text = t.Format("2006")
			case monthOnly:
				text = t.Format("2006-01")
			default:
				text = t.Format("2006-01-02")
			}
			g.Dates[[2]int{row, col}] = text
		}
	case "Number":
		if v, err := strconv.ParseFloat(text, 64); err == nil {
			text = numberText(v)
		}
	}
	if text == "" {
		return nil
	}
	if utf8.RuneCountInString(text) > maxCellChars {
		return fmt.Errorf("Excel 2003 XML 表格第%d行有单元格超过 %d 个字符（Excel 单元格的上限）", row+1, maxCellChars)
	}
	for len(g.Rows) <= row {
		g.Rows = append(g.Rows, nil)
	}
	if col < maxCols {
		r := g.Rows[row]
		for len(r) <= col {
			r = append(r, "")
		}
		r[col] = text
		g.Rows[row] = r
	}
	return nil
}

// ssAttr is an attribute's value by its local name, whatever its prefix
// (ss:, x: or none: writers differ).
func ssAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
