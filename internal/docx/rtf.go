package docx

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// RTF (Rich Text Format, per Microsoft's RTF 1.9.1): what office systems
// export as a "Word" download, often under a .doc name, and what Word and
// WPS save as .rtf. No maintained Go library reads its tables and Chinese
// code pages, so this is a reader of the parts a notice uses: paragraphs
// (\par), line breaks, the numbers Word renders for lists (\listtext,
// \pntext), fields by their result, tables (\cellx edges, \cell, \row,
// vertical merges \clvmgf/\clvmrg), text as \uN or as bytes in the font's
// or the document's code page (\fcharset134 and \ansicpg936 are GBK).
// Destinations that are no body text are skipped: font, colour and style
// tables, document info, pictures, headers, footers, footnotes, comments,
// field codes, bookmarks, and every \* destination not known. Hidden text
// (\v) and tracked deletions (\deleted) are left out, as in a .docx.

const (
	maxRTFDepth = 512 // group nesting; Word writes tens
	maxRTFText  = 64 << 20
)

var errRTFDamaged = errors.New("RTF 文件已损坏，无法读取")

// IsRTF reports whether data starts as an RTF document does.
func IsRTF(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n"), []byte(`{\rtf`))
}

// rtfState is what a group sets and its closing brace restores.
type rtfState struct {
	skip     bool // inside a destination that is no body text
	uc       int  // bytes to skip after \uN
	font     int
	dbchFont int  // the font of double-byte characters (\dbch\afN), or -1
	dbch     bool // \dbch came last of \loch, \hich, \dbch: an \af is for double-byte text
	hidden   bool // \v or \deleted
	listText bool // inside \listtext or \pntext: a rendered list number
}

type rtfReader struct {
	data  []byte
	pos   int
	stack []rtfState
	st    rtfState

	docCP    encoding.Encoding         // \ansicpgN
	fontCP   map[int]encoding.Encoding // \fN\fcharsetN in the font table
	inFonts  bool
	fontsAt  int // the stack depth of the font table's group
	fontNum  int
	pending  []byte // bytes of the current code page not yet decoded
	skipNext int    // fallback characters still to skip after \uN

	para   strings.Builder
	out    []block
	inTbl  bool // the paragraph is in a table (\intbl)
	row    []string
	cell   strings.Builder
	tbl    *table
	layout tableLayout
	// the row definition being read (\trowd … \cellx): cell edges and
	// merge flags, and the flags of the cell whose \cellx is to come.
	edges     []int
	flags     []uint16
	cellFlags uint16
	size      int
}

// readRTF gives an RTF document's body in reading order, as readBlocks
// does for a .docx: paragraphs, and tables as rows of cells.
func readRTF(data []byte) ([]block, error) {
	if !IsRTF(data) {
		return nil, errors.New("不是 RTF 文件")
	}
	r := &rtfReader{data: data, fontCP: map[int]encoding.Encoding{}, docCP: charmap.Windows1252}
	r.st.uc, r.st.dbchFont = 1, -1
	if err := r.run(); err != nil {
		return nil, err
	}
	r.endPara()
	r.endTable()
	return r.out, nil
}

func (r *rtfReader) run() error {
	for r.pos < len(r.data) {
		c := r.data[r.pos]
		switch c {
		case '{':
			r.flush()
			if len(r.stack) >= maxRTFDepth {
				return errors.New("RTF 文件嵌套过深，已损坏")
			}
			r.stack = append(r.stack, r.st)
			r.pos++
		case '}':
			r.flush()
			if len(r.stack) == 0 {
				r.pos = len(r.data) // text after the document's last brace
				continue
			}
			if r.inFonts && len(r.stack) == r.fontsAt {
				r.inFonts = false
			}
			r.st = r.stack[len(r.stack)-1]
			r.stack = r.stack[:len(r.stack)-1]
			r.pos++
		case '\\':
			if err := r.control(); err != nil {
				return err
			}
		case '\r', '\n':
			r.pos++
		default:
			r.pos++
			if r.skipNext > 0 {
				r.skipNext--
				continue
			}
			r.pending = append(r.pending, c)
		}
		if r.size > maxRTFText {
			return errors.New("RTF 文件的文字超过 64 MB，不是通报")
		}
	}
	r.flush()
	return nil
}

// control reads one control word or symbol at r.pos (a backslash).
func (r *rtfReader) control() error {
	r.pos++
	if r.pos >= len(r.data) {
		return nil
	}
	c := r.data[r.pos]
	if !isLetter(c) {
		r.pos++
		switch c {
		case '\'':
			if r.pos+2 > len(r.data) {
				return errRTFDamaged
			}
			b, ok := hexByte(r.data[r.pos], r.data[r.pos+1])
			r.pos += 2
			if !ok {
				return errRTFDamaged
			}
			if r.skipNext > 0 {
				r.skipNext--
				return nil
			}
			r.pending = append(r.pending, b)
		case '\\', '{', '}':
			r.text(string(c))
		case '~':
			r.text("\u00a0")
		case '_':
			r.text("\u2011")
		case '*':
			// An ignorable destination: none holds body text (\listtext,
			// \pntext and a field's result are written without \*).
			r.st.skip = true
		case '\r', '\n':
			r.flush()
			r.endPara()
		}
		return nil
	}
	start := r.pos
	for r.pos < len(r.data) && isLetter(r.data[r.pos]) && r.pos-start < 32 {
		r.pos++
	}
	word := string(r.data[start:r.pos])
	param, hasParam := 0, false
	neg := false
	if r.pos < len(r.data) && r.data[r.pos] == '-' {
		neg = true
		r.pos++
	}
	digits := 0
	for r.pos < len(r.data) && r.data[r.pos] >= '0' && r.data[r.pos] <= '9' && digits < 10 {
		param = param*10 + int(r.data[r.pos]-'0')
		r.pos++
		digits++
		hasParam = true
	}
	if neg {
		param = -param
	}
	if r.pos < len(r.data) && r.data[r.pos] == ' ' {
		r.pos++ // the delimiter belongs to the control word
	}
	r.word(word, param, hasParam)
	return nil
}

// word acts on one control word.
func (r *rtfReader) word(w string, p int, hasParam bool) {
	if r.skipNext > 0 && w != "u" {
		r.skipNext-- // a control word counts as one fallback character
		return
	}
	switch w { // the font table's words, read while it is skipped as text
	case "f":
		r.flush()
		if r.inFonts {
			r.fontNum = p
		} else {
			r.st.font = p
		}
		return
	case "loch", "hich", "dbch":
		r.flush()
		r.st.dbch = w == "dbch"
		return
	case "af":
		r.flush()
		if r.st.dbch {
			r.st.dbchFont = p
		}
		return
	case "fcharset":
		if r.inFonts {
			if e := charsetCP(p); e != nil {
				r.fontCP[r.fontNum] = e
			}
		}
		return
	}
	// In a skipped destination nothing counts, not even a \par or \cell
	// (a footnote's paragraphs do not end the one it stands in); a hidden
	// or deleted paragraph mark joins its paragraph to the next.
	if r.st.skip || (r.st.hidden && (w == "par" || w == "cell" || w == "row")) {
		return
	}
	switch w {
	// Destinations that are no body text.
	case "fonttbl":
		r.flush()
		r.inFonts, r.fontsAt = true, len(r.stack)
		r.st.skip = true
	case "colortbl", "stylesheet", "info", "pict", "header", "headerl", "headerr", "headerf",
		"footer", "footerl", "footerr", "footerf", "footnote", "annotation", "atnid", "atnauthor",
		"fldinst", "bkmkstart", "bkmkend", "listtable", "listoverridetable", "revtbl", "rsidtbl",
		"generator", "xmlnstbl", "themedata", "colorschememapping", "latentstyles", "datastore",
		"mmathPr", "pgdsctbl", "shpinst", "nonshppict", "objdata", "template", "filetbl", "private",
		"userprops", "docvar", "xe", "tc", "txe", "shp", "sp", "pnseclvl", "pntxta", "pntxtb":
		r.flush()
		r.st.skip = true
	case "listtext", "pntext":
		r.flush()
		r.st.listText = true
	case "ansicpg":
		if e := codePage(p); e != nil {
			r.docCP = e
		}
	case "uc":
		if p >= 0 && p < 10 {
			r.st.uc = p
		}
	case "u":
		r.flush()
		if p < 0 {
			p += 65536
		}
		if p > 0 && p < 0x110000 {
			r.text(string(rune(p)))
		}
		r.skipNext = r.st.uc
	case "v":
		r.flush()
		r.st.hidden = !hasParam || p != 0
	case "deleted":
		r.flush()
		r.st.hidden = !hasParam || p != 0
	case "plain":
		r.flush()
		r.st.hidden = false
	case "par", "sect", "page":
		r.flush()
		r.endPara()
	case "line":
		r.text("\n")
	case "tab":
		if r.st.listText {
			return // the gap after a list number
		}
		r.text(" ")
	case "emdash":
		r.text("—")
	case "endash":
		r.text("–")
	case "lquote":
		r.text("‘")
	case "rquote":
		r.text("’")
	case "ldblquote":
		r.text("“")
	case "rdblquote":
		r.text("”")
	case "bullet":
		r.text("•")
	case "pard":
		r.flush()
		r.inTbl = false
	case "intbl":
		r.inTbl = true
	case "trowd":
		r.edges, r.flags, r.cellFlags = nil, nil, 0
	case "trleft":
		r.edges = []int{p}
	case "clvmgf":
		r.cellFlags |= vMerge | vRestart
	case "clvmrg":
		r.cellFlags |= vMerge
	case "cellx":
		if len(r.edges) == 0 {
			r.edges = []int{0}
		}
		if len(r.edges) <= maxDocColumns {
			r.edges = append(r.edges, p)
			r.flags = append(r.flags, r.cellFlags)
		}
		r.cellFlags = 0
	case "cell", "nestcell":
		r.flush()
		r.endCellPara()
		r.row = append(r.row, strings.TrimSpace(r.cell.String()))
		r.cell.Reset()
	case "row", "nestrow":
		r.flush()
		r.endRow()
	}
}

// text adds decoded text to the current paragraph or cell.
func (r *rtfReader) text(s string) {
	if r.st.skip || r.st.hidden || r.inFonts {
		return
	}
	r.flush()
	r.size += len(s)
	r.para.WriteString(s)
}

// flush decodes the pending code-page bytes with the current font's code
// page, else the document's.
func (r *rtfReader) flush() {
	if len(r.pending) == 0 {
		return
	}
	b := r.pending
	r.pending = r.pending[:0]
	if r.st.skip || r.st.hidden || r.inFonts {
		return
	}
	enc := r.codePage()
	if enc == charmap.Windows1252 && utf8.Valid(b) && !isASCII(b) {
		// Raw UTF-8 where the default code page is in force: what some
		// generators write; as Windows-1252 it would be mojibake.
		r.size += len(b)
		r.para.Write(b)
		return
	}
	s, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		s = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	r.size += len(s)
	r.para.Write(s)
}

// codePage is the code page the current bytes are in: the font's; but
// Word sets Chinese in the double-byte font (\dbch\afN) while \f names the
// Latin one, so a CJK code page of that font or of the document wins over
// a Latin font's.
func (r *rtfReader) codePage() encoding.Encoding {
	f := r.fontCP[r.st.font]
	if f != nil && isCJK(f) {
		return f
	}
	if d := r.fontCP[r.st.dbchFont]; r.st.dbchFont >= 0 && d != nil && isCJK(d) {
		return d
	}
	if isCJK(r.docCP) || f == nil {
		return r.docCP
	}
	return f
}

func isCJK(e encoding.Encoding) bool {
	switch e {
	case simplifiedchinese.GBK, simplifiedchinese.GB18030, traditionalchinese.Big5, japanese.ShiftJIS, korean.EUCKR:
		return true
	}
	return false
}

// endPara ends a paragraph: a body paragraph becomes a block; one in a
// table joins its cell's text.
func (r *rtfReader) endPara() {
	if r.inTbl {
		r.endCellPara()
		return
	}
	r.endTable()
	t := strings.TrimRight(r.para.String(), " ")
	r.para.Reset()
	if strings.TrimSpace(t) != "" {
		r.out = append(r.out, block{text: t})
	}
}

// endCellPara moves the paragraph's text into the current cell, a cell's
// paragraphs joined by line breaks.
func (r *rtfReader) endCellPara() {
	t := strings.TrimSpace(r.para.String())
	r.para.Reset()
	if t == "" {
		return
	}
	if r.cell.Len() > 0 {
		r.cell.WriteByte('\n')
	}
	r.cell.WriteString(t)
}

// endRow adds the finished row to the open table, with its definition.
func (r *rtfReader) endRow() {
	if r.tbl == nil {
		r.tbl = &table{}
		r.layout = tableLayout{}
	}
	row := r.row
	r.row = nil
	r.layout.add(r.tbl, len(r.tbl.rows), row, r.edges, r.flags)
	r.tbl.rows = append(r.tbl.rows, row)
	r.inTbl = false
}

// endTable closes the open table, if any, as a block.
func (r *rtfReader) endTable() {
	if r.tbl == nil {
		return
	}
	r.out = append(r.out, block{table: r.layout.grid(r.tbl)})
	r.tbl = nil
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func hexByte(a, b byte) (byte, bool) {
	h := func(c byte) (byte, bool) {
		switch {
		case c >= '0' && c <= '9':
			return c - '0', true
		case c >= 'a' && c <= 'f':
			return c - 'a' + 10, true
		case c >= 'A' && c <= 'F':
			return c - 'A' + 10, true
		}
		return 0, false
	}
	x, ok1 := h(a)
	y, ok2 := h(b)
	return x<<4 | y, ok1 && ok2
}

// codePage maps \ansicpgN to its encoding (the ones Chinese offices meet).
func codePage(n int) encoding.Encoding {
	switch n {
	case 936:
		return simplifiedchinese.GBK
	case 54936:
		return simplifiedchinese.GB18030
	case 950:
		return traditionalchinese.Big5
	case 932:
		return japanese.ShiftJIS
	case 949:
		return korean.EUCKR
	case 1252:
		return charmap.Windows1252
	}
	return nil
}

// charsetCP maps a font's \fcharsetN to its code page.
func charsetCP(n int) encoding.Encoding {
	switch n {
	case 0:
		return charmap.Windows1252
	case 134:
		return simplifiedchinese.GBK
	case 136:
		return traditionalchinese.Big5
	case 128:
		return japanese.ShiftJIS
	case 129:
		return korean.EUCKR
	}
	return nil
}
