package ledger

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/orisano/gosax"
)

// .xlsx import that reads each sheet once, as a stream of XML tokens: cell
// values, shared strings and the number format of each cell style (read once
// from styles.xml), so a date cell is known by its format without decoding
// the sheet a second time. excelize, which writes our workbooks, offers no
// per-cell style in its row iterator and decodes a whole sheet into memory
// for GetCellValue; for 100,000 rows that took minutes and a gigabyte.

// Limits for .xlsx input. Memory follows what is kept (rows, cells, text),
// not the size of the XML, so a sheet of Excel's 1,048,576 rows streams
// through; a zip bomb is stopped by the XML size cap or as soon as its bytes
// are not XML.
const (
	maxSheetXML   = 2 << 30   // one sheet's XML: 1,048,576 rows of a wide ledger fit
	maxPartXML    = 256 << 20 // workbook, styles, relationships, shared strings
	maxKeptText   = 512 << 20 // all cell text kept from one file
	maxSharedStrs = 1 << 24   // shared strings: Excel's own limit is about 2^24
	// A part that inflates more than bombRatio times, to more than
	// bombMinSize, is a zip bomb: real sheet XML compresses 10–100 times,
	// a run of one byte about 1,000 times.
	bombRatio   = 400
	bombMinSize = 64 << 20
)

var errXLSXDamaged = errors.New("Excel（.xlsx）文件已损坏，无法读取")

// xlsxBook is what the workbook parts say about all sheets.
type xlsxBook struct {
	files     map[string]*zip.File
	sst       []string
	xfFormat  []string // number format code of each cell style (cellXfs)
	xfDate    []bool   // whether that format shows a date
	xfPercent []bool   // whether that format shows a percentage (整改进度 80%)
	date1904  bool
	kept      int       // bytes of text kept so far
	width     int       // cells in the widest row read so far
	links     []linkRef // the sheet's hyperlinks, resolved once its relationships are read
	comments  bool      // the package has a comments part: the sheets' relationships are read
}

func gridsXLSX(data []byte) ([]Grid, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errors.New("不是有效的 Excel（.xlsx）文件：压缩包结构无法识别")
	}
	b := &xlsxBook{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		if f.UncompressedSize64 > bombMinSize && f.UncompressedSize64 > bombRatio*max(f.CompressedSize64, 1) {
			return nil, fmt.Errorf("Excel（.xlsx）文件的 %s 解压后过大（%d MB，压缩比超过 %d 倍，可能是压缩炸弹），拒绝读取", f.Name, f.UncompressedSize64>>20, bombRatio)
		}
		b.files[strings.TrimPrefix(f.Name, "/")] = f
		b.comments = b.comments || strings.Contains(f.Name, "comments")
	}
	type sheetRef struct {
		name, rid string
		hidden    bool
	}
	var sheets []sheetRef
	err = b.part("xl/workbook.xml", maxPartXML, true, func(d *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "sheet":
			state := attr(se, "state")
			sheets = append(sheets, sheetRef{attr(se, "name"), attrNS(se, "id"), state == "hidden" || state == "veryHidden"})
		case "workbookPr":
			v := attr(se, "date1904")
			b.date1904 = v == "1" || v == "true"
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	targets := map[string]string{}
	sstPath, stylesPath := "xl/sharedStrings.xml", "xl/styles.xml"
	err = b.part("xl/_rels/workbook.xml.rels", maxPartXML, false, func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local != "Relationship" {
			return nil
		}
		t := attr(se, "Target")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[attr(se, "Id")] = t
		switch typ := attr(se, "Type"); {
		case strings.HasSuffix(typ, "/sharedStrings"):
			sstPath = t
		case strings.HasSuffix(typ, "/styles"):
			stylesPath = t
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := b.readStyles(stylesPath); err != nil {
		return nil, err
	}
	if err := b.readSST(sstPath); err != nil {
		return nil, err
	}
	var grids []Grid
	for i, s := range sheets {
		p, ok := targets[s.rid]
		if !ok {
			p = fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		}
		if _, ok := b.files[p]; !ok {
			continue // a chart sheet or a dangling reference: no cells
		}
		g, err := b.readSheet(p, s.name)
		if err != nil {
			return nil, err
		}
		if err := b.readNotes(p, &g); err != nil {
			return nil, err
		}
		g.HiddenSheet = s.hidden
		grids = append(grids, g)
	}
	if len(grids) == 0 {
		return nil, errors.New("Excel（.xlsx）文件中没有工作表")
	}
	return grids, nil
}

// part streams one XML part, calling fn for each start element. A part that
// is missing is an error only when required.
func (b *xlsxBook) part(name string, limit int64, required bool, fn func(*xml.Decoder, xml.StartElement) error) error {
	f, ok := b.files[name]
	if !ok {
		if required {
			return fmt.Errorf("不是有效的 Excel（.xlsx）文件：缺少 %s", name)
		}
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return errXLSXDamaged
	}
	defer rc.Close()
	lr := &limitedReader{r: rc, left: limit}
	d := xml.NewDecoder(lr)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if lr.over {
				return fmt.Errorf("Excel（.xlsx）文件的 %s 解压后超过 %d MB（可能是压缩炸弹），拒绝读取", name, limit>>20)
			}
			return fmt.Errorf("Excel（.xlsx）文件已损坏：%s 不是有效的 XML", name)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := fn(d, se); err != nil {
				return err
			}
		}
	}
}

// limitedReader fails once more than left bytes were read, remembering why.
type limitedReader struct {
	r    io.Reader
	left int64
	over bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		l.over = true
		return 0, errors.New("size limit")
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// attrNS reads a namespaced attribute (r:id) whatever its prefix.
func attrNS(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space != "" {
			return a.Value
		}
	}
	return ""
}

// readStyles reads the number format of each cell style, once.
func (b *xlsxBook) readStyles(name string) error {
	custom := map[int]string{}
	var xfIDs []int
	inCellXfs := false
	err := b.part(name, maxPartXML, false, func(d *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "numFmt":
			if id, err := strconv.Atoi(attr(se, "numFmtId")); err == nil {
				custom[id] = attr(se, "formatCode")
			}
		case "cellXfs":
			inCellXfs = true
		case "cellStyleXfs", "dxfs":
			inCellXfs = false
		case "xf":
			if inCellXfs {
				id, _ := strconv.Atoi(attr(se, "numFmtId"))
				xfIDs = append(xfIDs, id)
			}
		}
		return nil
	})
	b.xfPercent = make([]bool, 0, len(xfIDs))
	for _, id := range xfIDs {
		code, ok := custom[id]
		if !ok {
			code = builtinFormat(id)
		}
		b.xfFormat = append(b.xfFormat, code)
		b.xfDate = append(b.xfDate, datePrecision(code) != notDate)
		b.xfPercent = append(b.xfPercent, isPercent(code))
	}
	return err
}

// readSST reads the shared strings: each <si>'s text runs, without the
// phonetic guides (<rPh>) some East Asian files carry.
func (b *xlsxBook) readSST(name string) error {
	f, ok := b.files[name]
	if !ok {
		return nil
	}
	x, err := b.openSAX(f, maxPartXML)
	if err != nil {
		return err
	}
	defer x.close()
	var (
		text      []byte
		inSI, inT bool
		inPh      int
	)
	for {
		typ, local, ev, err := x.next()
		if err != nil {
			return err
		}
		switch typ {
		case gosax.EventEOF:
			return nil
		case gosax.EventStart:
			switch string(local) {
			case "si":
				if len(b.sst) >= maxSharedStrs {
					return errors.New("Excel（.xlsx）文件的共享字符串过多，拒绝读取")
				}
				inSI, inT, inPh, text = true, false, 0, text[:0]
			case "t":
				inT = inSI
			case "rPh":
				inPh++
			}
		case gosax.EventEnd:
			switch string(local) {
			case "t":
				inT = false
			case "rPh":
				inPh--
			case "si":
				if err := b.keep(len(text)); err != nil {
					return err
				}
				b.sst = append(b.sst, string(text))
				inSI = false
			}
		case gosax.EventText, gosax.EventCData:
			if inT && inPh == 0 {
				if text, err = x.appendText(text, typ, ev); err != nil {
					return err
				}
			}
		}
	}
}

// keep counts text kept from the file against maxKeptText.
func (b *xlsxBook) keep(n int) error {
	b.kept += n
	if b.kept > maxKeptText {
		return fmt.Errorf("Excel（.xlsx）文件的文字内容超过 %d MB，不像整改台账，拒绝读取", maxKeptText>>20)
	}
	return nil
}

// readSheet streams one worksheet into a grid.
func (b *xlsxBook) readSheet(part, name string) (Grid, error) {
	g := Grid{Sheet: name, Dates: map[[2]int]string{}}
	b.width, b.links = 0, b.links[:0]
	x, err := b.openSAX(b.files[part], maxSheetXML)
	if err != nil {
		return g, err
	}
	defer x.close()
	row, col := -1, -1
	var (
		ref, cellType, cellStyle []byte
		value, inline            []byte
		inC, inV, inIs, inT      bool
		haveIs                   bool
		inPh                     int
	)
	for {
		typ, local, ev, err := x.next()
		if err != nil {
			return g, err
		}
		switch typ {
		case gosax.EventEOF:
			return g, nil
		case gosax.EventStart:
			switch string(local) {
			case "row":
				if r, err := strconv.Atoi(string(x.attr(ev, "r"))); err == nil && r > row+1 {
					row = r - 1
				} else {
					row++
				}
				if row >= maxRows {
					return g, fmt.Errorf("工作表“%s”超过 %d 行（Excel 工作表的上限）", name, maxRows)
				}
				col = -1
			case "c":
				ref, cellType, cellStyle = nil, cellType[:0], cellStyle[:0]
				x.attrs(ev, func(k, v []byte) {
					switch string(k) {
					case "r":
						ref = v
					case "t":
						cellType = append(cellType, v...)
					case "s":
						cellStyle = append(cellStyle, v...)
					}
				})
				if len(ref) > 0 {
					c, r, ok := cellRef(string(ref))
					if !ok || r != row {
						return g, fmt.Errorf("工作表“%s”的单元格 %s 不在它所在的行，文件已损坏", name, ref)
					}
					col = c
				} else {
					col++
				}
				if col >= maxCSVFields {
					return g, fmt.Errorf("工作表“%s”第%d行超过 %d 列（Excel 的列数上限），文件已损坏", name, row+1, maxCSVFields)
				}
				inC, inV, inIs, inT, inPh, haveIs = true, false, false, false, 0, false
				value, inline = value[:0], inline[:0]
			case "v":
				inV = inC
			case "is":
				inIs, haveIs = inC, inC
			case "t":
				inT = inIs
			case "rPh":
				inPh++
			case "col":
				if h := string(x.attr(ev, "hidden")); h == "1" || h == "true" {
					lo, err1 := strconv.Atoi(string(x.attr(ev, "min")))
					hi, err2 := strconv.Atoi(string(x.attr(ev, "max")))
					for c := lo - 1; err1 == nil && err2 == nil && c >= 0 && c < min(hi, maxCols); c++ {
						g.hideColumn(c)
					}
				}
			case "mergeCell":
				if m, ok := mergeRef(string(x.attr(ev, "ref"))); ok {
					g.Merges = append(g.Merges, m)
				}
			case "hyperlink":
				var l linkRef
				x.attrs(ev, func(k, v []byte) {
					switch {
					case string(k) == "ref":
						l.ref = string(v)
					case bytes.HasSuffix(k, []byte(":id")):
						l.rid = string(v)
					}
				})
				if l.rid != "" && len(b.links) < maxCols*maxCols {
					b.links = append(b.links, l)
				}
			}
		case gosax.EventEnd:
			switch string(local) {
			case "v":
				inV = false
			case "t":
				inT = false
			case "rPh":
				inPh--
			case "is":
				inIs = false
			case "c":
				if !inC {
					continue
				}
				inC = false
				if col >= maxCols || row < 0 {
					continue
				}
				text, err := b.cellText(string(cellType), value, haveIs, inline)
				if err != nil {
					return g, err
				}
				if text == "" {
					continue
				}
				if err := b.setCell(&g, row, col, text, string(cellType), cellStyle); err != nil {
					return g, err
				}
			}
		case gosax.EventText, gosax.EventCData:
			switch {
			case inV:
				value, err = x.appendText(value, typ, ev)
			case inT && inPh == 0:
				inline, err = x.appendText(inline, typ, ev)
			}
			if err != nil {
				return g, err
			}
		}
	}
}

// cellText is a cell's text: the shared string, inline string, formula
// result or number as written.
func (b *xlsxBook) cellText(typ string, v []byte, haveIs bool, inline []byte) (string, error) {
	if haveIs {
		return string(inline), b.keep(len(inline))
	}
	switch typ {
	case "s":
		i, err := strconv.Atoi(string(bytes.TrimSpace(v)))
		if err != nil || i < 0 || i >= len(b.sst) {
			return "", errXLSXDamaged
		}
		return b.sst[i], nil
	case "b":
		switch string(v) {
		case "1":
			return "TRUE", nil
		case "0":
			return "FALSE", nil
		}
	case "str", "inlineStr", "e":
		return string(v), b.keep(len(v))
	}
	return string(v), nil
}

// setCell puts a cell's text into the grid: dates (ISO 8601 cells, numbers
// in a date format) as ISO and remembered, numbers as a reader shows them.
func (b *xlsxBook) setCell(g *Grid, row, col int, text, typ string, style []byte) error {
	if typ == "d" { // an ISO 8601 date cell (Strict files)
		if t, err := time.Parse("2006-01-02", text[:min(10, len(text))]); err == nil {
			text = t.Format("2006-01-02")
			g.Dates[[2]int{row, col}] = text
		}
	} else if typ == "" || typ == "n" {
		if iso := b.numberDate(text, style); iso != "" {
			g.Dates[[2]int{row, col}] = iso
			text = iso
		} else if v, err := strconv.ParseFloat(text, 64); err == nil {
			if b.percentStyle(style) {
				text = percentText(v)
			} else {
				text = numberText(v)
			}
		}
	}
	for len(g.Rows) <= row {
		g.Rows = append(g.Rows, nil)
	}
	cells := g.Rows[row]
	if cells == nil {
		// As wide as the widest row so far: rows of a table are alike,
		// and growing each row's cells one by one cost more than reading.
		b.width = max(b.width, col+1)
		cells = make([]string, 0, b.width)
	}
	for len(cells) <= col {
		cells = append(cells, "")
	}
	b.width = max(b.width, len(cells))
	if strings.Contains(text, "\r\n") {
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	cells[col] = text
	g.Rows[row] = cells
	return nil
}

// percentStyle: the cell's style shows its number as a percentage.
func (b *xlsxBook) percentStyle(style []byte) bool {
	if len(style) == 0 {
		return false
	}
	xf, err := strconv.Atoi(string(style))
	return err == nil && xf >= 0 && xf < len(b.xfPercent) && b.xfPercent[xf]
}

// numberDate is the ISO date of a number cell whose style shows a date.
func (b *xlsxBook) numberDate(v string, style []byte) string {
	if len(style) == 0 {
		return ""
	}
	xf, err := strconv.Atoi(string(style))
	if err != nil || xf < 0 || xf >= len(b.xfFormat) {
		return ""
	}
	if !b.xfDate[xf] {
		return ""
	}
	code := b.xfFormat[xf]
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return ""
	}
	return serialDate(f, code, b.date1904)
}

// cellRef parses "AB12" into a 0-based column and row.
func cellRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
		if col > 16384 {
			return 0, 0, false
		}
	}
	r, err := strconv.Atoi(ref[i:])
	if i == 0 || err != nil || r < 1 || r > maxRows {
		return 0, 0, false
	}
	return col - 1, r - 1, true
}

// mergeRef parses "A1:K1".
func mergeRef(ref string) (Merge, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return Merge{}, false
	}
	c1, r1, ok1 := cellRef(a)
	c2, r2, ok2 := cellRef(b)
	if !ok1 || !ok2 || r2 < r1 || c2 < c1 {
		return Merge{}, false
	}
	return Merge{r1, c1, r2, c2}, true
}
