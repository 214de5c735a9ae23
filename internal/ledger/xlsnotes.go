package ledger

// Comments (批注) and hyperlinks of an .xls sheet, per [MS-XLS]: a comment
// is an OBJ record of type note, its text in the TXO record that follows
// (the characters in its first CONTINUE record), and a NOTE record placing
// it on a cell; a hyperlink is an HLINK record over a range of cells. Both
// go into the remarks of the issue on their row, as in .xlsx.

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf16"
)

// xlsNotes gathers a sheet's comment texts by object id, and where they sit.
type xlsNotes struct {
	lastObj int            // the id of the last OBJ of type note, or -1
	text    map[int]string // object id → text
	at      []xlsNote
}

type xlsNote struct {
	row, col, obj int
	author        string
}

const objNote = 0x19 // OBJ's ot for a comment

func (n *xlsNotes) see(rec record) {
	r := newRecReader(rec)
	switch rec.typ {
	case recObj:
		// The first sub-record is ftCmo: ft 0x15, cb, ot, id.
		n.lastObj = -1
		if ft, _, ot, id := r.u16(), r.u16(), r.u16(), r.u16(); r.err == nil && ft == 0x15 && ot == objNote {
			n.lastObj = id
		}
	case recTxO:
		if n.lastObj < 0 || len(rec.data) < 12 || len(rec.more) == 0 || len(rec.more[0]) == 0 {
			return
		}
		cch := int(binary.LittleEndian.Uint16(rec.data[10:]))
		t := &recReader{segs: rec.more, off: 1}
		text := t.readChars(min(cch, maxCellChars), rec.more[0][0]&1 != 0)
		if t.err == nil && len(n.text) < maxCellChars {
			if n.text == nil {
				n.text = map[int]string{}
			}
			n.text[n.lastObj] = text
		}
		n.lastObj = -1
	case recNote:
		note := xlsNote{row: r.u16(), col: r.u16()}
		r.skip(2)
		note.obj = r.u16()
		note.author = r.xlString(false)
		if r.err == nil && len(n.at) < maxCellChars {
			n.at = append(n.at, note)
		}
	}
}

// comments places the texts on their cells.
func (n *xlsNotes) comments() map[[2]int]string {
	var out map[[2]int]string
	for _, at := range n.at {
		text := commentText(n.text[at.obj], []string{at.author})
		if text == "" || at.col >= maxCols {
			continue
		}
		if out == nil {
			out = map[[2]int]string{}
		}
		out[[2]int{at.row, at.col}] = text
	}
	return out
}

// commentText is a comment's text without the "author:" line Excel, WPS
// and LibreOffice write first: a known author's name, or any short first
// line ending in an ASCII colon (a note of the clerk's own ends a line in
// "：", if at all).
func commentText(text string, authors []string) string {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	first, rest, ok := strings.Cut(text, "\n")
	if !ok {
		return text
	}
	name, isLabel := strings.CutSuffix(strings.TrimSpace(first), ":")
	if isLabel && (len([]rune(name)) <= 40 && !strings.ContainsAny(name, ":：") || containsTrimmed(authors, name)) {
		return strings.TrimSpace(rest)
	}
	return text
}

func containsTrimmed(list []string, s string) bool {
	for _, v := range list {
		if v = strings.TrimSpace(v); v != "" && v == s {
			return true
		}
	}
	return false
}

// Monikers an HLINK record names its target with.
var (
	urlMoniker  = []byte{0xE0, 0xC9, 0xEA, 0x79, 0xF9, 0xBA, 0xCE, 0x11, 0x8C, 0x82, 0x00, 0xAA, 0x00, 0x4B, 0xA9, 0x0B}
	fileMoniker = []byte{0x03, 0x03, 0, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46}
)

// addLink reads an HLINK record: the cells it covers and its target (a web
// address, or a file path relative to the workbook). A record it cannot
// follow is skipped: a link is worth less than the cells.
func (s *xlsSheet) addLink(rec record) error {
	r := newRecReader(rec)
	r1, r2, c1, c2 := r.u16(), r.u16(), r.u16(), r.u16()
	r.skip(16 + 4) // hlinkClsid, streamVersion
	flags := r.u32()
	str := func() string { // HyperlinkString: a count of UTF-16 units, the last a NUL
		n := r.u32()
		if n < 0 || n > maxCellChars {
			r.err = errXLSDamaged
			return ""
		}
		return strings.TrimRight(r.readChars(n, true), "\x00")
	}
	if flags&0x10 != 0 {
		str() // the display name: the cell's text
	}
	if flags&0x80 != 0 {
		str() // the target frame
	}
	target := ""
	switch {
	case flags&0x01 != 0 && flags&0x100 != 0:
		target = str()
	case flags&0x01 != 0:
		target = r.moniker()
	}
	if flags&0x08 != 0 {
		if loc := str(); target == "" {
			target = loc // a place in the workbook
		} else if loc != "" {
			target += "#" + loc
		}
	}
	if r.err != nil || target == "" || r2 < r1 || c2 < c1 || (r2-r1+1)*(c2-c1+1) > maxCols*16 {
		return nil
	}
	if s.links == nil {
		s.links = map[[2]int]string{}
	}
	for row := r1; row <= r2; row++ {
		for col := c1; col <= min(c2, maxCols-1); col++ {
			s.links[[2]int{row, col}] = target
		}
	}
	return nil
}

// moniker reads a URL or file moniker's target.
func (r *recReader) moniker() string {
	clsid := r.bytes(16)
	switch {
	case bytes.Equal(clsid, urlMoniker):
		n := r.u32()
		if n < 0 || n > 2*maxCellChars {
			r.err = errXLSDamaged
			return ""
		}
		b := r.bytes(n)
		units := make([]uint16, 0, len(b)/2)
		for i := 0; i+1 < len(b); i += 2 {
			u := binary.LittleEndian.Uint16(b[i:])
			if u == 0 {
				break
			}
			units = append(units, u)
		}
		return string(utf16.Decode(units))
	case bytes.Equal(clsid, fileMoniker):
		up := r.u16()
		n := r.u32()
		if n < 0 || n > maxCellChars {
			r.err = errXLSDamaged
			return ""
		}
		ansi := strings.ToValidUTF8(strings.TrimRight(string(r.bytes(n)), "\x00"), "?")
		r.skip(2 + 2 + 16 + 4) // endServer, versionNumber, reserved
		path := ansi
		if size := r.u32(); size > 0 && r.err == nil {
			m := r.u32()
			r.skip(2) // usKeyValue
			if m < 0 || m > 2*maxCellChars {
				r.err = errXLSDamaged
				return ""
			}
			path = r.readChars(m/2, true)
		}
		return strings.Repeat("../", min(up, 64)) + strings.ReplaceAll(path, `\`, "/")
	}
	r.err = errXLSDamaged
	return ""
}
