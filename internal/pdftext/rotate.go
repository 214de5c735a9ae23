package pdftext

import "math"

// quarter is the quarter turn (0–3, counter-clockwise) nearest to a
// baseline's angle, and whether the angle is that quarter turn (within
// about 3°): other angles are diagonal text.
func quarter(a float32) (q int, square bool) {
	if a == 0 {
		return 0, true
	}
	t := float64(a) / (math.Pi / 2)
	r := math.Round(t)
	return (int(r)%4 + 4) % 4, math.Abs(t-r) < 0.035
}

// upright turns a page whose text is mostly drawn turned by a quarter
// turn (a landscape ledger put on a portrait page, its content rotated,
// and shown upright by /Rotate, as Ghostscript and print drivers write
// it) so that this text runs left to right: its glyphs, rules and size
// are turned back. Text at other angles keeps its angle relative to the
// body's and is read aside (see pageLines).
func upright(p *Page) {
	if len(p.Turned) <= len(p.Glyphs)/2 {
		return // most text upright: the usual page, at no cost
	}
	var count [4]int
	count[0] = len(p.Glyphs)
	for _, g := range p.Turned {
		if q, square := quarter(g.Angle); square {
			count[q]++
		}
	}
	q := 0
	for i := 1; i < 4; i++ {
		if count[i] > count[q] {
			q = i
		}
	}
	if q == 0 {
		return
	}
	w, h := p.Width, p.Height
	turn := func(x, y float64) (float64, float64) {
		switch q {
		case 1: // text runs up: turn clockwise
			return y, w - x
		case 2:
			return w - x, h - y
		default: // text runs down: turn counter-clockwise
			return h - y, x
		}
	}
	back := float32(q) * math.Pi / 2
	var glyphs []Glyph
	var turned []TurnedGlyph
	for _, g := range p.Turned {
		g.X, g.Y = turn(g.X, g.Y)
		g.Angle -= back
		if g.Angle <= -math.Pi {
			g.Angle += 2 * math.Pi
		}
		if q, square := quarter(g.Angle); q == 0 && square {
			glyphs = append(glyphs, g.Glyph)
		} else {
			turned = append(turned, g)
		}
	}
	for _, g := range p.Glyphs { // upright on the page: turned to the text
		g.X, g.Y = turn(g.X, g.Y)
		a := -back
		if a <= -math.Pi {
			a += 2 * math.Pi
		}
		turned = append(turned, TurnedGlyph{g, a})
	}
	p.Glyphs, p.Turned = glyphs, turned
	for i, r := range p.Rules {
		x0, y0 := turn(r.X0, r.Y0)
		x1, y1 := turn(r.X1, r.Y1)
		p.Rules[i] = Rule{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)}
	}
	if q != 2 {
		p.Width, p.Height = h, w
	}
}
