package docx

import (
	"bytes"
	"context"
	"errors"
	"strings"

	"github.com/rectify/rectify/internal/ledger"
	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/textnotice"
)

// Read reads a notice from a .docx file. The body's paragraphs, with Word's
// list labels rendered and tracked changes accepted, go through the text
// grammar; a table whose header is a ledger's is read as a ledger. Comments,
// headers, footers and footnotes live in other parts and stay out.
func Read(ctx context.Context, data []byte) (*notice.Notice, error) {
	blocks, err := readBlocks(data)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var paras []textnotice.Para
	var ledgers []*notice.Notice
	var ledgerHeading []string // the level-1 heading above each ledger table
	lastHeading := ""
	addPara := func(i int, text string) {
		// Line breaks (w:br) inside a Word paragraph are joined or kept
		// apart by the grammar's own rules, as lines of text are: a title
		// typed over two lines is one title, a signature and its date in
		// one paragraph are two.
		var lines []textnotice.Line
		for _, piece := range strings.Split(text, "\n") {
			norm := strings.TrimSpace(textnotice.NormalizeLine(piece))
			if norm == "" || textnotice.IsPageNumber(norm) {
				continue // a page number typed or pasted into the body
			}
			lines = append(lines, textnotice.Line{Text: norm, Raw: piece, Line: i + 1, HasIndent: true})
		}
		for _, p := range textnotice.JoinBlock(lines) {
			if textnotice.IsPartHeading(p.Text) {
				lastHeading = p.Text
			}
			paras = append(paras, p)
		}
	}
	tables := 0
	var above []string // the text since the last table: a ledger's title and 填报 lines
	for i, b := range blocks {
		if b.table == nil {
			addPara(i, b.text)
			above = append(above, b.text)
			continue
		}
		tables++
		n := ledger.FromTable(tables, b.table.rows, b.table.merges, above)
		above = nil
		if n != nil {
			ledgers = append(ledgers, n)
			ledgerHeading = append(ledgerHeading, lastHeading)
			continue
		}
		// Any other table reads as text, row by row, so that nothing vanishes.
		for _, row := range b.table.rows {
			for _, cell := range row {
				addPara(i, cell)
			}
		}
	}
	if len(paras) == 0 && len(ledgers) == 0 {
		return nil, errors.New("Word 文档中没有文字")
	}
	return textnotice.WithTables(paras, ledgers, ledgerHeading)
}

// readBlocks opens a .docx and gives its body in reading order.
func readBlocks(data []byte) ([]block, error) {
	if bytes.HasPrefix(data, oleMagic) {
		return readDoc(data)
	}
	if IsRTF(data) {
		return readRTF(data)
	}
	p, err := openPackage(data)
	if err != nil {
		return nil, err
	}
	main := "word/document.xml"
	if rels, err := p.relationships(""); err != nil {
		return nil, err
	} else if name := rels["officeDocument"]; name != "" && p.files[name] != nil {
		main = name
	}
	body, err := p.part(main)
	if err != nil {
		return nil, err
	}
	if body == nil {
		for name := range p.files {
			if strings.HasPrefix(name, "xl/") {
				return nil, errors.New("这是 Excel 文件，不是 Word 文件；请把扩展名改为 .xlsx")
			}
		}
		return nil, errNoBody
	}
	rels, err := p.relationships(main)
	if err != nil {
		return nil, err
	}
	partOf := func(kind, def string) ([]byte, error) {
		if name := rels[kind]; name != "" {
			return p.part(name)
		}
		return p.part(def)
	}
	numData, err := partOf("numbering", "word/numbering.xml")
	if err != nil {
		return nil, err
	}
	nb, err := parseNumbering(numData)
	if err != nil {
		return nil, err
	}
	styleData, err := partOf("styles", "word/styles.xml")
	if err != nil {
		return nil, err
	}
	st, err := parseStyles(styleData)
	if err != nil {
		return nil, err
	}
	nb.linkListStyles(st)
	return readBody(body, nb, st)
}

// Paragraph is one paragraph as the file shows it (list labels rendered,
// revisions accepted) before normalisation, numbered as sources number it:
// the paragraph's, or its table's, place in the body from 1.
type Paragraph struct {
	Number int
	Text   string
}

// Paragraphs gives the body's text as written, for checks that look at the
// text itself (half-width marks, leading zeros in dates).
func Paragraphs(data []byte) ([]Paragraph, error) {
	blocks, err := readBlocks(data)
	if err != nil {
		return nil, err
	}
	var out []Paragraph
	add := func(i int, text string) {
		for _, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) != "" {
				out = append(out, Paragraph{Number: i + 1, Text: line})
			}
		}
	}
	for i, b := range blocks {
		if b.table == nil {
			add(i, b.text)
			continue
		}
		for _, row := range b.table.rows {
			for _, cell := range row {
				add(i, cell)
			}
		}
	}
	return out, nil
}
