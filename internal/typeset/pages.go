package typeset

import (
	"errors"
	"fmt"
)

// header lays out the optional red header on the first page and returns the
// first grid row the text may use there.
func header(h Header, lay Layout, fonts Fonts) (firstRow int, furniture []Line, err error) {
	if h.Mark == "" && h.DocNumber == "" {
		return 0, nil, nil
	}
	pitch := lay.Pitch()
	y := lay.Top
	if h.Mark != "" {
		// The mark's top edge is 35 mm under the type area's top (§7.2.3);
		// a long mark is set smaller to fit the width.
		el := lay.Mark
		size := el.Size
		for size > 16 && float64(len([]rune(h.Mark)))*size*ptToMM > lay.AreaWidth {
			size--
		}
		em := size * ptToMM
		l, err := centred(h.Mark, el.Face, size, el.Color, lay, fonts, lay.Top+lay.MarkTop+0.88*em, "mark")
		if err != nil {
			return 0, nil, err
		}
		furniture = append(furniture, l)
		y = lay.Top + lay.MarkTop + em
	}
	if h.DocNumber != "" {
		// Two empty lines under the mark, centred 仿宋 (§7.2.4).
		el := lay.DocNumber
		row := int((y-lay.Top)/pitch+0.999) + 2
		if h.Mark == "" {
			row = 0
		}
		by := baseline(lay.Top+float64(row)*pitch, pitch, el.Size)
		l, err := centred(h.DocNumber, el.Face, el.Size, "", lay, fonts, by, "doc_number")
		if err != nil {
			return 0, nil, err
		}
		furniture = append(furniture, l)
		y = by + 0.12*el.Size*ptToMM
	}
	// The red rule 4 mm under the document number, the width of the type
	// area (§7.2.6); the title two empty lines under it.
	ruleY := y + lay.RuleGap
	furniture = append(furniture, Line{Y: ruleY, Role: "rule", Para: -1, Color: lay.RuleColor})
	firstRow = int((ruleY-lay.Top)/pitch+0.999) + 2
	return firstRow, furniture, nil
}

func centred(text string, face Face, size float64, color string, lay Layout, fonts Fonts, y float64, role string) (Line, error) {
	boxes, w, err := measureIn(fonts, text, face, size, size*ptToMM)
	if err != nil {
		return Line{}, err
	}
	sl := setLine{boxes: boxes, x0: (lay.AreaWidth - w) / 2, size: size, color: color, role: role, para: -1}
	return place(sl, lay, y), nil
}

// paginate places paragraphs on pages of lay.Lines grid rows. A heading
// keeps two lines of what follows; a paragraph leaves no first line alone
// at a page's foot (orphan) and no last line alone at a page's head (widow)
// when it has lines enough to avoid it; a page never starts with a blank.
func paginate(paras []para, lay Layout, firstRow int, furniture []Line) []Page {
	pitch := lay.Pitch()
	pages := []Page{{Number: 1}}
	row := firstRow
	cur := &pages[0]
	for _, l := range furniture {
		if l.Role == "rule" {
			cur.Rules = append(cur.Rules, Rule{X1: lay.Left, X2: lay.Left + lay.AreaWidth, Y: l.Y, Width: 0.35, Color: l.Color})
			continue
		}
		cur.Lines = append(cur.Lines, l)
	}
	newPage := func() {
		pages = append(pages, Page{Number: len(pages) + 1})
		cur = &pages[len(pages)-1]
		row = 0
	}
	put := func(sl setLine) {
		top := lay.Top + float64(row)*pitch
		cur.Lines = append(cur.Lines, place(sl, lay, baseline(top, pitch, sl.size)))
		row++
	}
	for pi, p := range paras {
		left := lay.Lines - row
		if p.blank {
			if row > 0 && left > 0 {
				row++
			}
			continue
		}
		n := len(p.lines)
		need := n
		if p.together {
			if n > left && row > 0 {
				newPage()
			}
			for _, l := range p.lines {
				if row >= lay.Lines {
					newPage()
				}
				put(l)
			}
			continue
		}
		if p.keepNext {
			// With the next paragraph's first two lines (or all of it).
			// A chain of headings ("1.…" then "（1）…") goes with the first
			// two lines of the text under the last one.
			follow := 0
			for j := pi + 1; j < len(paras); j++ {
				if paras[j].blank {
					continue
				}
				if paras[j].keepNext {
					follow += len(paras[j].lines)
					continue
				}
				follow += min(2, len(paras[j].lines))
				break
			}
			need = n + follow
			if need > left && row > 0 && need <= lay.Lines {
				newPage()
			}
		} else if n >= 2 && left == 1 && row > 0 {
			newPage() // orphan: the first line alone at the foot
		}
		for i, l := range p.lines {
			left = lay.Lines - row
			if left == 0 {
				newPage()
				left = lay.Lines
			}
			// Widow: if exactly one line would go over, take one more along.
			if left == 1 && n-i == 2 && i >= 2 {
				newPage()
			}
			put(l)
		}
	}
	// Drop a trailing empty page.
	if len(pages) > 1 && len(pages[len(pages)-1].Lines) == 0 {
		pages = pages[:len(pages)-1]
	}
	keepSignatureWithText(pages, lay)
	return pages
}

// keepSignatureWithText: a signature and date must not stand alone on the
// last page (§7.3.5.4): the last two lines of text go over with them.
func keepSignatureWithText(pages []Page, lay Layout) {
	if len(pages) < 2 {
		return
	}
	last, prev := &pages[len(pages)-1], &pages[len(pages)-2]
	for _, l := range last.Lines {
		if l.Role != "signature" && l.Role != "date" {
			return
		}
	}
	var body []int
	for i := len(prev.Lines) - 1; i >= 0 && len(body) < 2; i-- {
		if prev.Lines[i].Para >= 0 && prev.Lines[i].Role != "title" {
			body = append([]int{i}, body...)
		} else {
			return
		}
	}
	if len(body) < 2 || body[0] < 2 {
		return
	}
	pitch := lay.Pitch()
	var moved []Line
	for row, i := range body {
		l := prev.Lines[i]
		l.Y = baseline(lay.Top+float64(row)*pitch, pitch, l.Size)
		moved = append(moved, l)
	}
	prev.Lines = prev.Lines[:body[0]]
	for i := range last.Lines {
		last.Lines[i].Y += float64(len(moved)+1) * pitch
	}
	last.Lines = append(moved, last.Lines...)
}

// folioLine sets the page number "— N —" (one-em dashes, half-width digits,
// no scaling) under the type area, odd pages right and even pages left, one
// character in (§7.5). The dash's top is FolioOffset (7 mm) under the type
// area, measured from the dash glyph's own bounds in the font.
func folioLine(n int, lay Layout, fonts Fonts) (Line, error) {
	el := lay.Folio
	em := el.Size * ptToMM
	boxes, w, err := measureIn(fonts, fmt.Sprintf("— %d —", n), el.Face, el.Size, em)
	if err != nil {
		return Line{}, err
	}
	x0 := em // even: one character in from the left
	if n%2 == 1 {
		x0 = lay.AreaWidth - em - w
	}
	_, _, _, top, ok := fonts.Ink(boxes[0].face, boxes[0].r)
	if !ok {
		return Line{}, fmt.Errorf("页码字体的“—”没有字形")
	}
	y := lay.Top + lay.AreaHeight + lay.FolioOffset + top*em
	return place(setLine{boxes: boxes, x0: x0, size: el.Size, role: "folio", para: -1}, lay, y), nil
}

// colophon sets the 版记 at the foot of the last side of the document, an
// even page (§7.4.1): 抄送 and 印发机关 with 印发日期, 四号仿宋, between rules
// (first and last 0.35 mm, between 0.25 mm). Text ending on an odd page:
// the 版记 goes at the foot of the next page, which is numbered. An even
// last page without room: a blank page, then the 版记 page, neither numbered
// (§7.5).
func colophon(doc *Doc, c Colophon, lay Layout, fonts Fonts) error {
	if c.CC == "" && c.Printer == "" {
		return nil
	}
	if c.Printer == "" {
		return errors.New("版记需要印发机关")
	}
	pitch := lay.Pitch()
	rows := 1
	if c.CC != "" {
		rows++
	}
	n := len(doc.Pages)
	used := 0
	for _, l := range doc.Pages[n-1].Lines {
		used = max(used, int((l.Y-lay.Top)/pitch)+1)
	}
	switch {
	case n%2 == 1:
		doc.Pages = append(doc.Pages, Page{Number: n + 1})
	case used+rows+1 > lay.Lines:
		doc.Pages = append(doc.Pages, Page{}, Page{})
	}
	last := &doc.Pages[len(doc.Pages)-1]
	el := lay.Colophon
	cell := el.Size * ptToMM
	bottom := lay.Top + lay.AreaHeight
	y := bottom - float64(rows)*pitch
	last.Rules = append(last.Rules, Rule{X1: lay.Left, X2: lay.Left + lay.AreaWidth, Y: y, Width: 0.35})
	setRow := func(left, right string, rowTop float64) error {
		lb, _, err := measureIn(fonts, left, el.Face, el.Size, cell)
		if err != nil {
			return err
		}
		by := baseline(rowTop, pitch, el.Size)
		last.Lines = append(last.Lines, place(setLine{boxes: lb, x0: cell, size: el.Size, role: "colophon", para: -1}, lay, by))
		if right != "" {
			rb, w, err := measureIn(fonts, right, el.Face, el.Size, cell)
			if err != nil {
				return err
			}
			last.Lines = append(last.Lines, place(setLine{boxes: rb, x0: lay.AreaWidth - cell - w, size: el.Size, role: "colophon", para: -1}, lay, by))
		}
		return nil
	}
	if c.CC != "" {
		if err := setRow("抄送："+c.CC+"。", "", y); err != nil {
			return err
		}
		y += pitch
		last.Rules = append(last.Rules, Rule{X1: lay.Left, X2: lay.Left + lay.AreaWidth, Y: y, Width: 0.25})
	}
	if err := setRow(c.Printer, c.PrintDate+"印发", y); err != nil {
		return err
	}
	last.Rules = append(last.Rules, Rule{X1: lay.Left, X2: lay.Left + lay.AreaWidth, Y: bottom, Width: 0.35})
	return nil
}
