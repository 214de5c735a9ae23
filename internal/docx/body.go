package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// block is one thing in the document body in reading order: a paragraph
// (with its list label already rendered) or a table.
type block struct {
	text  string
	table *table
}

// table is a Word table as text cells: a cell's paragraphs are joined with
// line breaks, a cell spanning columns is repeated as empty cells, a
// vertically merged cell is recorded as a merge.
type table struct {
	rows   [][]string
	merges [][4]int // r1, c1, r2, c2
}

const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// skipped are elements whose content is not part of the accepted text:
// deleted and moved-away text (tracked changes taken as accepted), field
// codes, and the former properties that a revision keeps.
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "instrText": true, "delInstrText": true,
	"pPrChange": true, "rPrChange": true, "sectPrChange": true, "tblPrChange": true, "trPrChange": true,
	"tcPrChange": true, "tblGridChange": true, "numberingChange": true, "tblPrExChange": true,
}

// walker reads document.xml's body token by token (the body of a large
// notice is far bigger than anything Unmarshal should hold twice).
type walker struct {
	nb  *numbering
	st  *styles
	out []block

	para      *paraState
	outer     []*paraState  // paragraphs around a text box's paragraphs
	tables    []*tableState // open tables, innermost last
	cellParas [][]string    // paragraphs of the open cells, per table depth
}

type paraState struct {
	text       strings.Builder
	style      string
	numID      string
	ilvl       int
	hasNumID   bool
	hasIlvl    bool
	markDelete bool // the paragraph mark was deleted: joins the next paragraph
	inPPr      bool
	inRPr      bool // run properties of the current run
	hidden     bool // the current run is hidden (w:vanish)
	wrap       bool // the current run is our title wrap: its break is no line of the source
	pending    string
}

type tableState struct {
	rows   [][]string
	merges [][4]int
	col    int
	span   int
	vMerge string // "" none, "restart", "continue"
	// open vertical merges: column → the row that started it
	vOpen map[int]int
}

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// readBody walks the main document part.
func readBody(data []byte, nb *numbering, st *styles) ([]block, error) {
	w := &walker{nb: nb, st: st}
	d := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	skipDepth := 0 // > 0 while inside an element whose content is skipped
	var carry string
	// Content controls (w:sdt) still showing their placeholder ("单击此处
	// 输入文字") hold no text of the document.
	var placeholder []bool
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("word/document.xml 不是有效的 XML：%v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > MaxXMLDepth {
				return nil, errTooDeep
			}
			if skipDepth > 0 {
				skipDepth++
				continue
			}
			if (t.Name.Space == nsMC && t.Name.Local == "Fallback") || (isW(t.Name) && skipped[t.Name.Local]) {
				// A deleted paragraph mark (w:pPr/w:rPr/w:del) joins the
				// paragraph with the next one.
				if t.Name.Local == "del" && w.para != nil && w.para.inPPr && w.para.inRPr {
					w.para.markDelete = true
				}
				skipDepth = 1
				continue
			}
			if isW(t.Name) {
				switch n := len(placeholder); t.Name.Local {
				case "sdt":
					placeholder = append(placeholder, false)
				case "showingPlcHdr":
					if n > 0 {
						placeholder[n-1] = true
					}
				case "sdtContent":
					if n > 0 && placeholder[n-1] {
						skipDepth = 1
						continue
					}
				}
				w.start(t, &carry)
			}
		case xml.EndElement:
			depth--
			if skipDepth > 0 {
				skipDepth--
				continue
			}
			if isW(t.Name) {
				if t.Name.Local == "sdt" && len(placeholder) > 0 {
					placeholder = placeholder[:len(placeholder)-1]
				}
				w.end(t.Name.Local, &carry)
			}
		case xml.CharData:
			if skipDepth == 0 && w.para != nil && w.para.pending == "t" && !w.para.hidden {
				w.para.text.Write(t)
			}
		}
	}
	if carry != "" {
		w.emit(carry)
	}
	return w.out, nil
}

func (w *walker) start(t xml.StartElement, carry *string) {
	p := w.para
	switch t.Name.Local {
	case "p":
		if w.para != nil {
			w.outer = append(w.outer, w.para)
		}
		w.para = &paraState{}
	case "pPr":
		if p != nil {
			p.inPPr = true
		}
	case "rPr":
		if p != nil {
			p.inRPr = true
		}
	case "r":
		if p != nil {
			p.hidden, p.wrap = false, false
		}
	case "rStyle":
		if p != nil && p.inRPr && !p.inPPr {
			v, _ := attr(t, "val")
			p.wrap = v == titleWrapStyle
		}
	case "vanish":
		if p != nil && p.inRPr && !p.inPPr {
			v, ok := attr(t, "val")
			p.hidden = !ok || (v != "0" && v != "false")
		}
	case "pStyle":
		if p != nil && p.inPPr && !p.inRPr {
			p.style, _ = attr(t, "val")
		}
	case "numId":
		if p != nil && p.inPPr {
			p.numID, _ = attr(t, "val")
			p.hasNumID = true
		}
	case "ilvl":
		if p != nil && p.inPPr {
			v, _ := attr(t, "val")
			p.ilvl, p.hasIlvl = atoiOr(v, 0), true
		}
	case "t":
		if p != nil {
			p.pending = "t"
		}
	case "tab", "ptab":
		if p != nil && !p.inPPr && !p.hidden {
			p.text.WriteByte('\t')
		}
	case "br", "cr":
		if p != nil && !p.hidden && !p.wrap {
			if v, _ := attr(t, "type"); v != "page" && v != "column" {
				p.text.WriteByte('\n')
			}
		}
	case "sym":
		if p != nil && !p.inPPr && !p.hidden {
			font, _ := attr(t, "font")
			char, _ := attr(t, "char")
			if r, ok := symbolRune(font, char); ok {
				p.text.WriteRune(r)
			}
		}
	case "noBreakHyphen":
		if p != nil && !p.hidden {
			p.text.WriteByte('-')
		}
	case "tbl":
		if *carry != "" {
			w.emit(*carry)
			*carry = ""
		}
		w.tables = append(w.tables, &tableState{vOpen: map[int]int{}})
		w.cellParas = append(w.cellParas, nil)
	case "tr":
		if ts := w.table(); ts != nil {
			ts.rows = append(ts.rows, nil)
			ts.col = 0
		}
	case "tc":
		if ts := w.table(); ts != nil {
			ts.span, ts.vMerge = 1, ""
			w.cellParas[len(w.cellParas)-1] = nil
		}
	case "gridSpan":
		if ts := w.table(); ts != nil {
			v, _ := attr(t, "val")
			ts.span = min(max(atoiOr(v, 1), 1), 64)
		}
	case "vMerge":
		if ts := w.table(); ts != nil {
			v, _ := attr(t, "val")
			if v == "restart" {
				ts.vMerge = "restart"
			} else {
				ts.vMerge = "continue"
			}
		}
	}
}

func (w *walker) end(local string, carry *string) {
	p := w.para
	switch local {
	case "pPr":
		if p != nil {
			p.inPPr = false
		}
	case "rPr":
		if p != nil {
			p.inRPr = false
		}
	case "t":
		if p != nil {
			p.pending = ""
		}
	case "p":
		if p == nil {
			return
		}
		text := *carry + w.labelOf(p) + p.text.String()
		*carry = ""
		w.para = nil
		if n := len(w.outer); n > 0 {
			w.para, w.outer = w.outer[n-1], w.outer[:n-1]
		}
		if p.markDelete {
			*carry = text
			return
		}
		w.emit(text)
	case "tc":
		ts := w.table()
		if ts == nil {
			return
		}
		r := len(ts.rows) - 1
		if r < 0 {
			return
		}
		if *carry != "" {
			w.emit(*carry)
			*carry = ""
		}
		text := strings.Join(w.cellParas[len(w.cellParas)-1], "\n")
		switch ts.vMerge {
		case "restart":
			ts.vOpen[ts.col] = r
		case "continue":
			if r0, ok := ts.vOpen[ts.col]; ok {
				ts.merges = append(ts.merges, [4]int{r0, ts.col, r, ts.col + ts.span - 1})
			}
			text = ""
		default:
			delete(ts.vOpen, ts.col)
		}
		ts.rows[r] = append(ts.rows[r], text)
		for i := 1; i < ts.span; i++ {
			ts.rows[r] = append(ts.rows[r], "")
		}
		ts.col += ts.span
	case "tbl":
		ts := w.table()
		if ts == nil {
			return
		}
		w.tables = w.tables[:len(w.tables)-1]
		w.cellParas = w.cellParas[:len(w.cellParas)-1]
		if len(w.tables) > 0 {
			// A nested table reads as text in its cell, row by row.
			for _, row := range ts.rows {
				w.emit(strings.Join(nonEmpty(row), "\t"))
			}
			return
		}
		w.out = append(w.out, block{table: &table{rows: ts.rows, merges: ts.merges}})
	}
}

func (w *walker) table() *tableState {
	if len(w.tables) == 0 {
		return nil
	}
	return w.tables[len(w.tables)-1]
}

// emit puts a finished paragraph into the open cell or the body.
func (w *walker) emit(text string) {
	if n := len(w.cellParas); n > 0 {
		w.cellParas[n-1] = append(w.cellParas[n-1], text)
		return
	}
	w.out = append(w.out, block{text: text})
}

// labelOf renders the paragraph's list label: direct numbering first, then
// the numbering its style carries.
func (w *walker) labelOf(p *paraState) string {
	numID, ilvl := p.numID, p.ilvl
	if !p.hasNumID {
		sNum, sLvl, owner, ok := w.st.numPr(p.style)
		if !ok {
			return ""
		}
		numID = sNum
		if !p.hasIlvl {
			// The level is the style's own, or the one the list links to
			// the style that carries it.
			if sLvl >= 0 {
				ilvl = sLvl
			} else if l, ok := w.nb.levelForStyle(sNum, owner); ok {
				ilvl = l
			}
		}
	}
	if numID == "" || numID == "0" {
		return "" // numbering switched off for this paragraph
	}
	return w.nb.label(numID, ilvl)
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

var errNoBody = errors.New("不是有效的 Word（.docx）文件：找不到正文（word/document.xml）")
