package docx

import (
	"encoding/binary"
	"errors"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/rectify/rectify/internal/olefile"
	"golang.org/x/text/encoding/charmap"
)

// Old Word (.doc, Word 97–2003, as Word, WPS and LibreOffice save it): the
// "WordDocument" stream of an OLE compound file and its table stream, laid
// out per [MS-DOC]. The text is read through the piece table (CLX); the
// paragraph and character properties (the PAPX and CHPX pages) say where a
// table row ends and which text is deleted (a tracked change) or hidden.
// Fields keep their result, not their code. Word's list numbering (PlfLst,
// PlfLfo) is rendered by the .docx reader's numbering code; numbers that a
// paragraph style alone carries are not.

const (
	maxDocStream  = 256 << 20 // a notice is well under 1 MB of text
	maxDocColumns = 256       // distinct cell edges of one table (Word allows 63 cells a row)
)

var (
	errDocDamaged  = errors.New("老版 Word（.doc）文件已损坏，无法读取")
	errDocPassword = errors.New("这个 Word 文件设有打开密码，rectify 不能读取；请在 Word 或 WPS 中取消密码后再转换")
)

// readDoc gives a .doc's body in reading order, as readBlocks does for a
// .docx: paragraphs, and tables as rows of cells.
func readDoc(data []byte) ([]block, error) {
	encrypted := false
	streams, err := olefile.Streams(data, map[string]bool{"WordDocument": true, "0Table": true, "1Table": true}, maxDocStream,
		func(name string) { encrypted = encrypted || name == "EncryptedPackage" })
	switch {
	case errors.Is(err, olefile.ErrTooLarge):
		return nil, errors.New("老版 Word（.doc）文件过大或已损坏，拒绝读取")
	case errors.Is(err, olefile.ErrDamaged):
		return nil, errDocDamaged
	case err != nil:
		return nil, errors.New("不是有效的老版 Word（.doc）文件：文件结构无法识别")
	case encrypted:
		return nil, errDocPassword
	}
	wd := streams["WordDocument"]
	if wd == nil {
		return nil, errors.New("不是 Word 文件：OLE 复合文档里没有 WordDocument 流（可能是老版 Excel 或其他 Office 文件）")
	}
	f, err := parseFIB(wd)
	if err != nil {
		return nil, err
	}
	table := streams["0Table"]
	if f.whichTable == 1 {
		table = streams["1Table"]
	}
	if table == nil {
		return nil, errDocDamaged
	}
	pieces, err := readPieces(table, f)
	if err != nil {
		return nil, err
	}
	papx := readFKPs(wd, table, f.fcPapx, f.lcbPapx, true)
	chpx := readFKPs(wd, table, f.fcChpx, f.lcbChpx, false)
	return docBlocks(wd, pieces, f.ccpText, papx, chpx, docLists(table, f)), nil
}

// fib is what is read of the File Information Block.
type fib struct {
	whichTable      int
	ccpText         int
	fcClx, lcbClx   uint32
	fcPapx, lcbPapx uint32
	fcChpx, lcbChpx uint32
	fcLst, lcbLst   uint32 // PlfLst: the lists
	fcLfo, lcbLfo   uint32 // PlfLfo: the list instances paragraphs point to
}

func parseFIB(wd []byte) (fib, error) {
	var f fib
	if len(wd) < 68 || binary.LittleEndian.Uint16(wd) != 0xA5EC {
		return f, errors.New("不是有效的老版 Word（.doc）文件：文件头不对")
	}
	flags := binary.LittleEndian.Uint16(wd[0x0A:])
	if flags&0x0100 != 0 {
		return f, errDocPassword
	}
	if binary.LittleEndian.Uint16(wd[2:]) < 101 { // nFib: Word 6/95 and older
		return f, errors.New("这是 Word 95 或更早版本的 .doc 文件，请用 Word 或 WPS 另存为 .docx 后再导入")
	}
	if flags&0x0200 != 0 {
		f.whichTable = 1
	}
	pos := 32
	csw := int(binary.LittleEndian.Uint16(wd[pos:]))
	pos += 2 + 2*csw
	if pos+2 > len(wd) {
		return f, errDocDamaged
	}
	cslw := int(binary.LittleEndian.Uint16(wd[pos:]))
	lw := pos + 2
	pos = lw + 4*cslw
	if cslw < 4 || pos+2 > len(wd) {
		return f, errDocDamaged
	}
	f.ccpText = int(int32(binary.LittleEndian.Uint32(wd[lw+12:])))
	cb := int(binary.LittleEndian.Uint16(wd[pos:]))
	blob := pos + 2
	pair := func(i int) (uint32, uint32) {
		at := blob + 8*i
		if i >= cb || at+8 > len(wd) {
			return 0, 0
		}
		return binary.LittleEndian.Uint32(wd[at:]), binary.LittleEndian.Uint32(wd[at+4:])
	}
	f.fcChpx, f.lcbChpx = pair(12) // PlcfBteChpx
	f.fcPapx, f.lcbPapx = pair(13) // PlcfBtePapx
	f.fcClx, f.lcbClx = pair(33)   // Clx
	f.fcLst, f.lcbLst = pair(73)   // PlfLst
	f.fcLfo, f.lcbLfo = pair(74)   // PlfLfo
	if f.lcbClx == 0 || f.ccpText < 0 {
		return f, errDocDamaged
	}
	return f, nil
}

// piece is a run of text in the piece table: character positions [cp0,
// cp1) stored at byte fc of the WordDocument stream, as cp1252 bytes or
// UTF-16LE.
type piece struct {
	cp0, cp1   int
	fc         int
	compressed bool
}

func readPieces(table []byte, f fib) ([]piece, error) {
	if int64(f.fcClx)+int64(f.lcbClx) > int64(len(table)) {
		return nil, errDocDamaged
	}
	clx := table[f.fcClx : f.fcClx+f.lcbClx]
	for len(clx) > 0 && clx[0] == 0x01 { // Prc: property modifiers, skipped
		if len(clx) < 3 {
			return nil, errDocDamaged
		}
		n := int(binary.LittleEndian.Uint16(clx[1:]))
		if 3+n > len(clx) {
			return nil, errDocDamaged
		}
		clx = clx[3+n:]
	}
	if len(clx) < 5 || clx[0] != 0x02 {
		return nil, errDocDamaged
	}
	lcb := int(binary.LittleEndian.Uint32(clx[1:]))
	plc := clx[5:]
	if lcb > len(plc) || lcb < 4 {
		return nil, errDocDamaged
	}
	plc = plc[:lcb]
	n := (lcb - 4) / 12
	pieces := make([]piece, 0, n)
	for i := 0; i < n; i++ {
		cp0 := int(binary.LittleEndian.Uint32(plc[4*i:]))
		cp1 := int(binary.LittleEndian.Uint32(plc[4*i+4:]))
		fcRaw := binary.LittleEndian.Uint32(plc[4*(n+1)+8*i+2:])
		p := piece{cp0: cp0, cp1: cp1, fc: int(fcRaw & 0x3FFFFFFF), compressed: fcRaw&0x40000000 != 0}
		if p.compressed {
			p.fc /= 2
		}
		if cp1 < cp0 {
			return nil, errDocDamaged
		}
		pieces = append(pieces, p)
	}
	return pieces, nil
}

// fkpRun is a run of properties from a PAPX or CHPX page: the file offsets
// [fc0, fc1) and its sprms.
type fkpRun struct {
	fc0, fc1 int
	sprms    []byte
}

// readFKPs reads the bin table of paragraph (papx) or character properties
// and the 512-byte pages it points to.
func readFKPs(wd, table []byte, fc, lcb uint32, papx bool) []fkpRun {
	if lcb < 4 || int64(fc)+int64(lcb) > int64(len(table)) {
		return nil
	}
	plc := table[fc : fc+lcb]
	n := (len(plc) - 4) / 8
	var runs []fkpRun
	for i := 0; i < n; i++ {
		pn := int(binary.LittleEndian.Uint32(plc[4*(n+1)+4*i:]) & 0x3FFFFF)
		if (pn+1)*512 > len(wd) {
			continue
		}
		page := wd[pn*512 : (pn+1)*512]
		crun := int(page[511])
		if 4*(crun+1) > 511 {
			continue
		}
		for k := 0; k < crun; k++ {
			r := fkpRun{fc0: int(binary.LittleEndian.Uint32(page[4*k:])), fc1: int(binary.LittleEndian.Uint32(page[4*k+4:]))}
			var off int
			if papx {
				at := 4*(crun+1) + 13*k // BxPap: one byte offset, 12 reserved
				if at >= 511 {
					continue
				}
				off = 2 * int(page[at])
				if off == 0 || off >= 511 {
					runs = append(runs, r)
					continue
				}
				cb := int(page[off])
				start := off + 1
				if cb == 0 { // the size is in the next byte
					if off+1 >= 511 {
						continue
					}
					cb = int(page[off+1])
					start = off + 2
				} else {
					cb--
				}
				end := start + 2*cb
				if end > 511 || start+2 > end {
					continue
				}
				r.sprms = page[start+2 : end] // after the style index
			} else {
				at := 4*(crun+1) + k
				if at >= 511 {
					continue
				}
				off = 2 * int(page[at])
				if off != 0 && off < 511 {
					cb := int(page[off])
					if off+1+cb <= 511 {
						r.sprms = page[off+1 : off+1+cb]
					}
				}
			}
			runs = append(runs, r)
		}
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].fc0 < runs[j].fc0 })
	return runs
}

// sprm looks an operand up in a list of sprms; ok when the sprm is there.
func sprm(list []byte, want uint16) (operand []byte, ok bool) {
	for i := 0; i+2 <= len(list); {
		op := binary.LittleEndian.Uint16(list[i:])
		i += 2
		var size int
		switch op >> 13 { // spra: the operand's size
		case 0, 1:
			size = 1
		case 2, 4, 5:
			size = 2
		case 3:
			size = 4
		case 7:
			size = 3
		case 6: // variable: a size byte first (sprmTDefTable has two)
			if i >= len(list) {
				return nil, false
			}
			size = 1 + int(list[i])
			if op == sprmTDefTable && i+2 <= len(list) {
				size = 2 + int(binary.LittleEndian.Uint16(list[i:])) - 1
			}
		}
		if i+size > len(list) {
			return nil, false
		}
		if op == want {
			return list[i : i+size], true
		}
		i += size
	}
	return nil, false
}

// at finds the run holding file offset fc.
func at(runs []fkpRun, fc int) *fkpRun {
	i := sort.Search(len(runs), func(i int) bool { return runs[i].fc1 > fc })
	if i < len(runs) && runs[i].fc0 <= fc {
		return &runs[i]
	}
	return nil
}

// Character and paragraph properties read.
const (
	sprmCFRMarkDel = 0x0800 // deleted in a tracked change
	sprmCFVanish   = 0x083C // hidden
	sprmPFInTable  = 0x2416
	sprmPFTtp      = 0x2417 // the paragraph ends a table row
	sprmTDefTable  = 0xD608 // a row's cells: their edges and merge flags
)

// tableLayout collects what the rows' TDefTable say: each cell's edges (a
// cell wider than the grid's columns spans several) and vertical merges.
type tableLayout struct {
	edges [][]int     // per row, its cells' edges in twips
	vOpen map[int]int // a vertical merge open in the cell at this left edge → its first row
}

// addRow appends a row and reads its definition.
func (tl *tableLayout) addRow(tbl *table, row []string, def []byte) {
	r := len(tbl.rows)
	tbl.rows = append(tbl.rows, row)
	var edges []int
	var flags []uint16
	if len(def) >= 3 {
		n := int(def[2])
		for k := 0; k <= n && 3+2*k+2 <= len(def); k++ {
			edges = append(edges, int(int16(binary.LittleEndian.Uint16(def[3+2*k:]))))
		}
		tcs := 3 + 2*(n+1)
		for k := 0; k < n && tcs+20*k+2 <= len(def); k++ {
			flags = append(flags, binary.LittleEndian.Uint16(def[tcs+20*k:]))
		}
	}
	tl.add(tbl, r, row, edges, flags)
}

// vMerge and vRestart are a cell's vertical merge flags as a TC holds them:
// the cell is merged with the one above (vMerge), or starts a merge.
const (
	vMerge   = 0x20
	vRestart = 0x40
)

// add records row r's cell edges (one more than its cells) and merge flags.
func (tl *tableLayout) add(tbl *table, r int, row []string, edges []int, flags []uint16) {
	if len(edges) != len(row)+1 {
		edges = nil // no usable definition: the row stays as its cells are
	}
	tl.edges = append(tl.edges, edges)
	if tl.vOpen == nil {
		tl.vOpen = map[int]int{}
	}
	for c, f := range flags {
		if c >= len(edges)-1 {
			break
		}
		left := edges[c]
		switch {
		case f&vMerge != 0 && f&vRestart != 0: // a merge starts
			tl.vOpen[left] = r
		case f&vMerge != 0: // continues the merge above
			if r0, ok := tl.vOpen[left]; ok {
				tbl.merges = append(tbl.merges, [4]int{r0, left, r, left}) // columns as edges until grid()
			}
		default:
			delete(tl.vOpen, left)
		}
	}
}

// grid aligns the rows on the columns all their cell edges make: a cell
// spanning columns is followed by empty cells (as a .docx's gridSpan is
// read), and the merges get column numbers.
func (tl *tableLayout) grid(tbl *table) *table {
	set := map[int]bool{}
	for _, e := range tl.edges {
		for _, x := range e {
			set[x] = true
		}
	}
	// A real table has tens of columns; wild edges (a damaged definition)
	// leave the rows as they are rather than spread them over thousands.
	if len(set) < 2 || len(set) > maxDocColumns {
		return tbl
	}
	cols := make([]int, 0, len(set))
	for x := range set {
		cols = append(cols, x)
	}
	sort.Ints(cols)
	col := func(x int) int { return sort.SearchInts(cols, x) }
	out := &table{}
	for r, row := range tbl.rows {
		e := tl.edges[r]
		if e == nil {
			out.rows = append(out.rows, row)
			continue
		}
		cells := make([]string, len(cols)-1)
		for c, text := range row {
			if k := col(e[c]); k < len(cells) {
				cells[k] = text
			}
		}
		out.rows = append(out.rows, cells)
	}
	// Merged ranges keep only the first row's text, as a sheet's do.
	seen := map[[2]int]int{}
	for _, m := range tbl.merges {
		c := col(m[1])
		key := [2]int{m[0], c}
		if i, ok := seen[key]; ok {
			out.merges[i][2] = max(out.merges[i][2], m[2])
			continue
		}
		seen[key] = len(out.merges)
		out.merges = append(out.merges, [4]int{m[0], c, m[2], c})
	}
	return out
}

func flag(list []byte, s uint16) bool {
	v, ok := sprm(list, s)
	return ok && len(v) > 0 && v[0] != 0
}

// docBlocks walks the main document's characters into paragraphs and tables:
// a paragraph ends at 0x0D, a cell at 0x07, and a row at the 0x07 whose
// paragraph is marked as a row's end (sprmPFTtp); paragraphs inside a cell
// are lines of its text.
func docBlocks(wd []byte, pieces []piece, ccpText int, papx, chpx []fkpRun, nb *numbering) []block {
	var out []block
	var para strings.Builder
	var tbl *table
	var tl tableLayout
	var row []string
	var inCode []bool // per open field: still in its code (before the separator)
	paraProps := func(fc int) []byte {
		if pp := at(papx, fc); pp != nil {
			return pp.sprms
		}
		return nil
	}
	// Pieces are taken in order of their character positions, each once,
	// and no more characters than the stream has bytes: a damaged table
	// cannot make the walk longer than the file.
	sort.SliceStable(pieces, func(i, j int) bool { return pieces[i].cp0 < pieces[j].cp0 })
	next, budget := 0, len(wd)
	for _, p := range pieces {
		if p.cp0 < next {
			continue // overlaps the piece before
		}
		next = p.cp1
		for cp := p.cp0; cp < p.cp1 && cp < ccpText; cp++ {
			if budget--; budget < 0 {
				return finish(out, tbl, row, para.String())
			}
			var r rune
			var fc int
			if p.compressed {
				fc = p.fc + (cp - p.cp0)
				if fc >= len(wd) {
					return finish(out, tbl, row, para.String())
				}
				r = charmap.Windows1252.DecodeByte(wd[fc])
			} else {
				fc = p.fc + 2*(cp-p.cp0)
				if fc+2 > len(wd) {
					return finish(out, tbl, row, para.String())
				}
				r = rune(binary.LittleEndian.Uint16(wd[fc:]))
			}
			if r != 0x07 {
				if c := at(chpx, fc); c != nil && (flag(c.sprms, sprmCFRMarkDel) || flag(c.sprms, sprmCFVanish)) {
					continue // deleted in a tracked change, or hidden; a deleted paragraph mark joins two paragraphs
				}
			}
			switch r {
			case 0x13:
				if len(inCode) < MaxXMLDepth {
					inCode = append(inCode, true)
				}
				continue
			case 0x14:
				if n := len(inCode); n > 0 {
					inCode[n-1] = false
				}
				continue
			case 0x15:
				if n := len(inCode); n > 0 {
					inCode = inCode[:n-1]
				}
				continue
			}
			if n := len(inCode); n > 0 && inCode[n-1] {
				continue // a field's code, not its result
			}
			switch r {
			case 0x0D:
				if flag(paraProps(fc), sprmPFInTable) {
					para.WriteByte('\n') // a paragraph inside a cell
					continue
				}
				if tbl != nil {
					out = finishTable(out, tl.grid(tbl), row)
					tbl, row, tl = nil, nil, tableLayout{}
				}
				out = append(out, block{text: listLabel(nb, paraProps(fc)) + para.String()})
				para.Reset()
			case 0x07:
				if tbl == nil {
					tbl = &table{}
				}
				if props := paraProps(fc); flag(props, sprmPFTtp) {
					def, _ := sprm(props, sprmTDefTable)
					tl.addRow(tbl, row, def)
					row = nil
				} else {
					row = append(row, strings.TrimRight(para.String(), "\n"))
				}
				para.Reset()
			case 0x0B:
				para.WriteByte('\n')
			case 0x09:
				para.WriteByte('\t')
			case 0x0C, 0x01, 0x02, 0x05, 0x08, 0x1F:
				// page or section break, picture, note and comment marks,
				// drawn object, optional hyphen
			case 0x1E:
				para.WriteByte('-')
			case 0xA0:
				para.WriteByte(' ')
			default:
				if utf16.IsSurrogate(r) {
					// a pair: the low half is read with the high one
					if !p.compressed && r < 0xDC00 && cp+1 < p.cp1 && fc+4 <= len(wd) {
						lo := rune(binary.LittleEndian.Uint16(wd[fc+2:]))
						para.WriteRune(utf16.DecodeRune(r, lo))
						cp++
					}
					continue
				}
				if r >= 0x20 {
					para.WriteRune(r)
				}
			}
		}
	}
	if tbl != nil {
		tbl = tl.grid(tbl)
	}
	return finish(out, tbl, row, para.String())
}

func finishTable(out []block, tbl *table, row []string) []block {
	if len(row) > 0 {
		tbl.rows = append(tbl.rows, row)
	}
	return append(out, block{table: tbl})
}

func finish(out []block, tbl *table, row []string, rest string) []block {
	if tbl != nil {
		out = finishTable(out, tbl, row)
	}
	if rest != "" {
		out = append(out, block{text: rest})
	}
	return out
}

// Lists: the LSTF records of PlfLst, each followed (after the PlfLst) by its
// one or nine LVLs, and the LFOs of PlfLfo that paragraphs point to
// (sprmPIlfo, 1-based; sprmPIlvl the level). They become a numbering like
// numbering.xml's, so labels are rendered by the same code.
const (
	sprmPIlvl = 0x260A
	sprmPIlfo = 0x460B
)

// nfcFormats names the number formats (MSONFC) as numbering.xml does.
var nfcFormats = map[byte]string{
	0x00: "decimal", 0x01: "upperRoman", 0x02: "lowerRoman", 0x03: "upperLetter", 0x04: "lowerLetter",
	0x05: "ordinal", 0x0A: "ideographDigital", 0x0B: "japaneseCounting", 0x0E: "decimalFullWidth",
	0x0F: "decimalHalfWidth", 0x12: "decimalEnclosedCircle", 0x13: "decimalFullWidth2", 0x16: "decimalZero",
	0x17: "bullet", 0x1A: "decimalEnclosedFullstop", 0x1B: "decimalEnclosedParen",
	0x1C: "decimalEnclosedCircleChinese", 0x1D: "ideographEnclosedCircle", 0x1E: "ideographTraditional",
	0x1F: "ideographZodiac", 0x21: "taiwaneseCounting", 0x22: "ideographLegalTraditional",
	0x23: "taiwaneseCountingThousand", 0x25: "chineseCounting", 0x26: "chineseLegalSimplified",
	0x27: "chineseCountingThousand", 0xFF: "none",
}

// docLists reads the lists; nil when the file has none or they are damaged.
func docLists(table []byte, f fib) *numbering {
	lstFC, lstLen, lfoFC, lfoLen := f.fcLst, f.lcbLst, f.fcLfo, f.lcbLfo
	if lstLen < 2 || lfoLen < 4 || int64(lstFC)+int64(lstLen) > int64(len(table)) || int64(lfoFC)+int64(lfoLen) > int64(len(table)) {
		return nil
	}
	nb := &numbering{abstracts: map[string]*abstractNum{}, nums: map[string]*num{}, counters: map[string]*[9]int{}, started: map[string]*[9]bool{}}
	lst := table[lstFC : lstFC+lstLen]
	count := int(int16(binary.LittleEndian.Uint16(lst)))
	pos := int(lstFC + lstLen) // the LVLs follow the PlfLst
	for i := 0; i < count && 2+28*i+28 <= len(lst); i++ {
		lstf := lst[2+28*i:]
		id := strconv.Itoa(int(binary.LittleEndian.Uint32(lstf)))
		levels := 9
		if lstf[26]&0x01 != 0 { // fSimpleList
			levels = 1
		}
		an := &abstractNum{}
		for k := 0; k < levels; k++ {
			lv, next, ok := readLVL(table, pos)
			if !ok {
				return nb
			}
			an.levels[k], pos = lv, next
		}
		nb.abstracts[id] = an
	}
	lfo := table[lfoFC : lfoFC+lfoLen]
	n := int(binary.LittleEndian.Uint32(lfo))
	for i := 0; i < n && 4+16*i+16 <= len(lfo); i++ {
		id := strconv.Itoa(int(binary.LittleEndian.Uint32(lfo[4+16*i:])))
		nb.nums[strconv.Itoa(i+1)] = &num{abstract: id}
	}
	return nb
}

// readLVL reads one LVL at pos: LVLF, its paragraph and character sprms,
// then the number text, where characters 0–8 stand for the levels' numbers.
func readLVL(table []byte, pos int) (*level, int, bool) {
	if pos+28 > len(table) {
		return nil, 0, false
	}
	lvlf := table[pos : pos+28]
	lv := &level{start: int(int32(binary.LittleEndian.Uint32(lvlf))), restart: -1, suffix: "tab"}
	if name, ok := nfcFormats[lvlf[4]]; ok {
		lv.format = name
	} else {
		lv.format = "decimal"
	}
	lv.legal = lvlf[5]&0x04 != 0 // fLegal
	if lvlf[5]&0x08 != 0 {       // fNoRestart: ilvlRestartLim is w:lvlRestart (0: never)
		lv.restart = int(lvlf[26])
	}
	switch lvlf[15] { // ixchFollow
	case 1:
		lv.suffix = "space"
	case 2:
		lv.suffix = "nothing"
	}
	pos += 28 + int(lvlf[25]) + int(lvlf[24]) // grpprlPapx, grpprlChpx
	if pos+2 > len(table) {
		return nil, 0, false
	}
	cch := int(binary.LittleEndian.Uint16(table[pos:]))
	pos += 2
	if pos+2*cch > len(table) {
		return nil, 0, false
	}
	var b strings.Builder
	for k := 0; k < cch; k++ {
		c := rune(binary.LittleEndian.Uint16(table[pos+2*k:]))
		if c < 9 {
			b.WriteString("%" + strconv.Itoa(int(c)+1))
		} else {
			b.WriteRune(c)
		}
	}
	lv.text = b.String()
	return lv, pos + 2*cch, true
}

// listLabel is the label Word shows before a numbered paragraph, or "".
func listLabel(nb *numbering, props []byte) string {
	if nb == nil {
		return ""
	}
	ilfo, ok := sprm(props, sprmPIlfo)
	if !ok || len(ilfo) < 2 {
		return ""
	}
	id := int(int16(binary.LittleEndian.Uint16(ilfo)))
	if id <= 0 {
		return ""
	}
	ilvl := 0
	if v, ok := sprm(props, sprmPIlvl); ok && len(v) > 0 {
		ilvl = int(v[0])
	}
	return nb.label(strconv.Itoa(id), ilvl)
}
