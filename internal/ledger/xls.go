package ledger

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf16"

	"github.com/rectify/rectify/internal/olefile"
	"github.com/richardlehane/mscfb"
)

// Old Excel (.xls, BIFF8) as Excel 97–2003, WPS and LibreOffice save it: the
// "Workbook" stream of an OLE compound file (read with mscfb), a sequence of
// records. Only what a ledger needs is read: cell text and numbers, number
// formats (to know dates and their precision), merged ranges, hidden columns.
// Layout per [MS-XLS]; record numbers below are its names.

// Limits for .xls input beyond those of the grid.
const (
	maxXLSStream = 256 << 20 // the Workbook stream; a ledger is a few MB
	maxSST       = 4 << 20   // shared strings; more than a ledger could hold in 256 MB
)

var errXLSDamaged = errors.New("老版 Excel（.xls）文件已损坏，无法读取")

const (
	recFormula     = 0x0006
	recEOF         = 0x000A
	recNote        = 0x001C
	recObj         = 0x005D
	recTxO         = 0x01B6
	recHLink       = 0x01B8
	recDateMode    = 0x0022
	recFilePass    = 0x002F
	recContinue    = 0x003C
	recColInfo     = 0x007D
	recBoundSheet  = 0x0085
	recMulRK       = 0x00BD
	recRString     = 0x00D6
	recXF          = 0x00E0
	recMergedCells = 0x00E5
	recSST         = 0x00FC
	recLabelSST    = 0x00FD
	recNumber      = 0x0203
	recLabel       = 0x0204
	recBoolErr     = 0x0205
	recString      = 0x0207
	recRK          = 0x027E
	recFormat      = 0x041E
	recBOF         = 0x0809
)

// record is one BIFF record: its type, its data and the data of the CONTINUE
// records that follow it (strings run on into them).
type record struct {
	typ  uint16
	data []byte
	more [][]byte
	pos  int // offset of the record in the stream
}

// records splits a stream into records, attaching CONTINUE records to the
// record they continue.
func records(s []byte) ([]record, error) {
	var out []record
	for p := 0; p+4 <= len(s); {
		typ := binary.LittleEndian.Uint16(s[p:])
		n := int(binary.LittleEndian.Uint16(s[p+2:]))
		if p+4+n > len(s) {
			return nil, errXLSDamaged
		}
		data := s[p+4 : p+4+n]
		if typ == recContinue && len(out) > 0 {
			out[len(out)-1].more = append(out[len(out)-1].more, data)
		} else {
			out = append(out, record{typ: typ, data: data, pos: p})
		}
		p += 4 + n
	}
	return out, nil
}

// recReader reads a record's data across its CONTINUE records. At each
// record boundary inside a string's characters, BIFF8 repeats the string's
// compression flag; readChars handles that.
type recReader struct {
	segs [][]byte
	seg  int
	off  int
	err  error
}

func newRecReader(r record) *recReader {
	return &recReader{segs: append([][]byte{r.data}, r.more...)}
}

func (r *recReader) atSegEnd() bool {
	for r.seg < len(r.segs) && r.off >= len(r.segs[r.seg]) {
		r.seg++
		r.off = 0
		if r.seg < len(r.segs) && len(r.segs[r.seg]) > 0 {
			return true
		}
	}
	return false
}

func (r *recReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 {
		r.err = errXLSDamaged
		return nil
	}
	out := make([]byte, 0, min(n, 1<<16))
	for len(out) < n {
		r.atSegEnd()
		if r.seg >= len(r.segs) {
			r.err = errXLSDamaged
			return nil
		}
		take := min(n-len(out), len(r.segs[r.seg])-r.off)
		out = append(out, r.segs[r.seg][r.off:r.off+take]...)
		r.off += take
	}
	return out
}

func (r *recReader) skip(n int) {
	for n > 0 && r.err == nil {
		r.atSegEnd()
		if r.seg >= len(r.segs) {
			r.err = errXLSDamaged
			return
		}
		take := min(n, len(r.segs[r.seg])-r.off)
		r.off += take
		n -= take
	}
}

func (r *recReader) u8() int {
	b := r.bytes(1)
	if b == nil {
		return 0
	}
	return int(b[0])
}

func (r *recReader) u16() int {
	b := r.bytes(2)
	if b == nil {
		return 0
	}
	return int(binary.LittleEndian.Uint16(b))
}

func (r *recReader) u32() int {
	b := r.bytes(4)
	if b == nil {
		return 0
	}
	return int(binary.LittleEndian.Uint32(b))
}

// readChars reads cch characters, one byte each (Latin-1) or two (UTF-16LE),
// switching at record boundaries as the flag byte there says.
func (r *recReader) readChars(cch int, high bool) string {
	units := make([]uint16, 0, min(cch, 1<<16))
	for len(units) < cch && r.err == nil {
		if r.atSegEnd() {
			high = r.segs[r.seg][0]&1 != 0
			r.off++
			continue
		}
		if r.seg >= len(r.segs) {
			r.err = errXLSDamaged
			break
		}
		seg := r.segs[r.seg][r.off:]
		if high {
			for len(seg) >= 2 && len(units) < cch {
				units = append(units, binary.LittleEndian.Uint16(seg))
				seg = seg[2:]
				r.off += 2
			}
			if len(seg) == 1 && len(units) < cch { // a character split over records: damaged
				r.err = errXLSDamaged
			}
		} else {
			for len(seg) >= 1 && len(units) < cch {
				units = append(units, uint16(seg[0]))
				seg = seg[1:]
				r.off++
			}
		}
	}
	return string(utf16.Decode(units))
}

// xlString reads an XLUnicodeString or XLUnicodeRichExtendedString: a
// character count (one or two bytes), flags, optional run and extension
// sizes, the characters, then runs and extension data, which are skipped.
func (r *recReader) xlString(shortCount bool) string {
	cch := 0
	if shortCount {
		cch = r.u8()
	} else {
		cch = r.u16()
	}
	flags := r.u8()
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		runs = r.u16()
	}
	if flags&0x04 != 0 {
		ext = r.u32()
	}
	s := r.readChars(cch, flags&1 != 0)
	r.skip(runs * 4)
	r.skip(ext)
	return s
}

// xlsCell is one cell of a sheet as read.
type xlsCell struct {
	row, col int
	text     string
	num      float64
	isNum    bool
	xf       int
}

// xlsSheet is a worksheet's cells, merges and hidden columns.
type xlsSheet struct {
	name   string
	cells  []xlsCell
	merges []Merge
	hidden []int // hidden columns
	// links and comments as Grid keeps them (hyperlink targets, 批注)
	links, comments map[[2]int]string
}

// gridsXLS reads every worksheet of an .xls file.
func gridsXLS(data []byte) (grids []Grid, err error) {
	// mscfb trusts the compound file's header: counts no file of this size
	// can hold are refused before it sees them (one made it allocate a
	// slice with a wrapped-around capacity), and a panic in it on a damaged
	// file is this file's error, not the program's.
	if !olefile.CountsFit(data) {
		return nil, errXLSDamaged
	}
	defer func() {
		if recover() != nil {
			grids, err = nil, errXLSDamaged
		}
	}()
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		if len(data) >= 2 {
			switch binary.LittleEndian.Uint16(data) {
			case 0x0009, 0x0209, 0x0409: // BIFF2–4 BOF: Excel 2.x–4.0 wrote the stream bare
				return nil, errors.New("这是 Excel 95 或更早版本的 .xls 文件，请用 Excel 或 WPS 另存为 .xlsx 后再导入")
			}
		}
		return nil, fmt.Errorf("不是有效的老版 Excel（.xls）文件：%s", "文件结构无法识别")
	}
	// Excel 97 and later write the workbook as "Workbook", Excel 5/95 as
	// "Book"; other producers vary the case ("BOOK"), and some write BIFF8
	// under the old name, so the BOF record decides the version.
	var stream []byte
	named := ""
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		name := strings.ToLower(entry.Name)
		if name != "workbook" && name != "book" || (named == "workbook" && name == "book") {
			continue
		}
		if entry.Size > maxXLSStream {
			return nil, errors.New("老版 Excel（.xls）文件过大，拒绝读取")
		}
		stream, err = io.ReadAll(io.LimitReader(entry, maxXLSStream))
		if err != nil || int64(len(stream)) != entry.Size {
			return nil, errXLSDamaged
		}
		named = name
	}
	if stream == nil {
		return nil, errors.New("不是有效的老版 Excel（.xls）文件：没有工作簿数据")
	}
	if len(stream) >= 6 && binary.LittleEndian.Uint16(stream) == recBOF && binary.LittleEndian.Uint16(stream[4:]) < 0x0600 {
		return nil, errors.New("这是 Excel 95 或更早版本的 .xls 文件，请用 Excel 或 WPS 另存为 .xlsx 后再导入")
	}
	return parseBIFF8(stream)
}

func parseBIFF8(stream []byte) ([]Grid, error) {
	recs, err := records(stream)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 || recs[0].typ != recBOF || len(recs[0].data) < 4 || binary.LittleEndian.Uint16(recs[0].data) != 0x0600 {
		return nil, errors.New("不支持这种老版 Excel 文件（只能读取 Excel 97 及以后的 .xls）")
	}
	type sheetRef struct {
		name   string
		pos    int
		hidden bool
	}
	var (
		sheets   []sheetRef
		sst      []string
		formats  = map[int]string{}
		xfFormat []int
		date1904 bool
	)
	i := 1
	for ; i < len(recs) && recs[i].typ != recEOF; i++ {
		rec := recs[i]
		r := newRecReader(rec)
		switch rec.typ {
		case recFilePass:
			return nil, errors.New("这个老版 Excel（.xls）文件设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码后另存，再导入")
		case recBoundSheet:
			pos := r.u32()
			hidden := r.u8() != 0 // hidden or very hidden
			kind := r.u8()
			name := r.xlString(true)
			if r.err == nil && kind == 0 {
				sheets = append(sheets, sheetRef{name, pos, hidden})
			}
		case recDateMode:
			date1904 = r.u16() == 1
		case recFormat:
			id := r.u16()
			code := r.xlString(false)
			if r.err == nil {
				formats[id] = code
			}
		case recXF:
			r.u16() // font
			xfFormat = append(xfFormat, r.u16())
		case recSST:
			r.u32() // total references
			unique := r.u32()
			if unique > maxSST {
				return nil, errors.New("老版 Excel（.xls）文件的字符串过多，拒绝读取")
			}
			sst = make([]string, 0, min(unique, 1<<16))
			for k := 0; k < unique && r.err == nil; k++ {
				sst = append(sst, r.xlString(false))
			}
			if r.err != nil {
				return nil, errXLSDamaged
			}
		}
	}
	if len(sheets) == 0 {
		return nil, errors.New("老版 Excel（.xls）文件中没有工作表")
	}
	// Records by stream offset, to find each sheet's BOF.
	at := make(map[int]int, len(sheets))
	for k, rec := range recs {
		if rec.typ == recBOF {
			at[rec.pos] = k
		}
	}
	var grids []Grid
	for _, sh := range sheets {
		k, ok := at[sh.pos]
		if !ok {
			return nil, errXLSDamaged
		}
		s, err := readBIFFSheet(recs[k:], sh.name, sst)
		if err != nil {
			return nil, err
		}
		g, err := s.grid(func(xf int) string {
			if xf < 0 || xf >= len(xfFormat) {
				return ""
			}
			id := xfFormat[xf]
			if code, ok := formats[id]; ok {
				return code
			}
			return builtinFormat(id)
		}, date1904)
		if err != nil {
			return nil, err
		}
		g.HiddenSheet = sh.hidden
		grids = append(grids, g)
	}
	return grids, nil
}

// readBIFFSheet reads one worksheet substream, from its BOF to its EOF;
// substreams nested in it (embedded charts) are skipped.
func readBIFFSheet(recs []record, name string, sst []string) (*xlsSheet, error) {
	s := &xlsSheet{name: name}
	depth := 0
	var pendingFormula *xlsCell // a formula whose string result follows in a STRING record
	var notes xlsNotes
	for _, rec := range recs {
		if rec.typ == recBOF {
			depth++
			continue
		}
		if rec.typ == recEOF {
			depth--
			if depth == 0 {
				s.comments = notes.comments()
				return s, nil
			}
			continue
		}
		if depth != 1 {
			continue
		}
		r := newRecReader(rec)
		var c xlsCell
		switch rec.typ {
		case recLabelSST:
			c = xlsCell{row: r.u16(), col: r.u16(), xf: r.u16()}
			idx := r.u32()
			if r.err != nil || idx >= len(sst) {
				return nil, errXLSDamaged
			}
			c.text = sst[idx]
		case recLabel, recRString:
			c = xlsCell{row: r.u16(), col: r.u16(), xf: r.u16()}
			c.text = r.xlString(false)
		case recNumber:
			c = xlsCell{row: r.u16(), col: r.u16(), xf: r.u16(), isNum: true}
			if b := r.bytes(8); b != nil {
				c.num = math.Float64frombits(binary.LittleEndian.Uint64(b))
			}
		case recRK:
			c = xlsCell{row: r.u16(), col: r.u16(), xf: r.u16(), isNum: true}
			c.num = rkValue(uint32(r.u32()))
		case recMulRK:
			row, col := r.u16(), r.u16()
			for k := 0; len(rec.data)-4-6*k >= 8 && r.err == nil; k++ {
				xf := r.u16()
				v := rkValue(uint32(r.u32()))
				if err := s.add(xlsCell{row: row, col: col + k, xf: xf, num: v, isNum: true}); err != nil {
					return nil, err
				}
			}
			continue
		case recBoolErr:
			c = xlsCell{row: r.u16(), col: r.u16(), xf: r.u16()}
			v, isErr := r.u8(), r.u8()
			switch {
			case isErr != 0:
				c.text = errorText(v)
			case v != 0:
				c.text = "TRUE"
			default:
				c.text = "FALSE"
			}
		case recFormula:
			c = xlsCell{row: r.u16(), col: r.u16(), xf: r.u16()}
			b := r.bytes(8)
			if b == nil {
				return nil, errXLSDamaged
			}
			if binary.LittleEndian.Uint16(b[6:]) != 0xFFFF {
				c.num, c.isNum = math.Float64frombits(binary.LittleEndian.Uint64(b)), true
				break
			}
			switch b[0] {
			case 0: // string: the next STRING record holds it
				pc := c
				pendingFormula = &pc
				continue
			case 1:
				c.text = map[bool]string{true: "TRUE", false: "FALSE"}[b[2] != 0]
			case 2:
				c.text = errorText(int(b[2]))
			default:
				continue // an empty string
			}
		case recString:
			if pendingFormula == nil {
				continue
			}
			c = *pendingFormula
			pendingFormula = nil
			c.text = r.xlString(false)
		case recColInfo:
			first, last := r.u16(), r.u16()
			r.skip(4) // width, format
			if flags := r.u16(); r.err == nil && flags&1 != 0 {
				for c := first; c <= min(last, maxCols-1); c++ {
					s.hidden = append(s.hidden, c)
				}
			}
			continue
		case recObj, recTxO, recNote:
			notes.see(rec)
			continue
		case recHLink:
			if err := s.addLink(rec); err != nil {
				return nil, err
			}
			continue
		case recMergedCells:
			n := r.u16()
			for k := 0; k < n && r.err == nil; k++ {
				r1, r2, c1, c2 := r.u16(), r.u16(), r.u16(), r.u16()
				if r.err == nil && r2 >= r1 && c2 >= c1 {
					s.merges = append(s.merges, Merge{r1, c1, r2, c2})
				}
			}
			if r.err != nil {
				return nil, errXLSDamaged
			}
			continue
		default:
			continue
		}
		if r.err != nil {
			return nil, errXLSDamaged
		}
		if err := s.add(c); err != nil {
			return nil, err
		}
	}
	return nil, errXLSDamaged // no EOF: cut short
}

// errorText is an error value as Excel shows it in its cell (a ledger's
// 完成率 of #DIV/0! is something its reader sees, and .xlsx keeps it too).
func errorText(code int) string {
	switch code {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	}
	return "#N/A"
}

func (s *xlsSheet) add(c xlsCell) error {
	if c.row >= maxRows {
		return fmt.Errorf("工作表“%s”超过 %d 行", s.name, maxRows)
	}
	if c.col < maxCols {
		s.cells = append(s.cells, c)
	}
	return nil
}

// rkValue decodes an RK number: a 30-bit integer or the high 30 bits of a
// double, optionally divided by 100.
func rkValue(rk uint32) float64 {
	var v float64
	if rk&2 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&^3) << 32)
	}
	if rk&1 != 0 {
		v /= 100
	}
	return v
}

// grid lays the cells out as rows of text; numbers shown through a date
// format become ISO dates at the precision the format shows.
func (s *xlsSheet) grid(formatOf func(xf int) string, date1904 bool) (Grid, error) {
	g := Grid{Sheet: s.name, Dates: map[[2]int]string{}, Merges: s.merges, Links: s.links, Comments: s.comments}
	for _, c := range s.hidden {
		g.hideColumn(c)
	}
	for _, c := range s.cells {
		for len(g.Rows) <= c.row {
			g.Rows = append(g.Rows, nil)
		}
		row := g.Rows[c.row]
		for len(row) <= c.col {
			row = append(row, "")
		}
		text := c.text
		if c.isNum {
			if code := formatOf(c.xf); isPercent(code) {
				text = percentText(c.num)
			} else if iso := serialDate(c.num, code, date1904); iso != "" {
				g.Dates[[2]int{c.row, c.col}] = iso
				text = iso
			} else {
				text = numberText(c.num)
			}
		}
		row[c.col] = strings.ReplaceAll(text, "\r\n", "\n")
		g.Rows[c.row] = row
	}
	return g, nil
}
