package pdftext

import (
	"math"
	"slices"
)

// Rule is a horizontal or vertical straight line drawn on a page, in page
// space (X0 ≤ X1, Y0 ≤ Y1): a table's border or a cell's.
type Rule struct{ X0, Y0, X1, Y1 float64 }

func (r Rule) horizontal() bool { return r.Y1-r.Y0 <= 0.5 && r.X1-r.X0 > 0.5 }
func (r Rule) vertical() bool   { return r.X1-r.X0 <= 0.5 && r.Y1-r.Y0 > 0.5 }

type point struct{ x, y float64 }

type segment struct{ a, b point }

// maxRules bounds the lines kept of one page (a chart can draw thousands).
const maxRules = 20000

func (m matrix) apply(x, y float64) point {
	return point{x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]}
}

// pathOp adds a path construction operator's straight segments; curves only
// move the current point.
func (in *interp) pathOp(op string, a []operand, ctm matrix) {
	if len(in.path) >= maxRules {
		return
	}
	switch op {
	case "m":
		in.cur = ctm.apply(num(a, 0), num(a, 1))
		in.sub = in.cur
	case "l":
		p := ctm.apply(num(a, 0), num(a, 1))
		in.path = append(in.path, segment{in.cur, p})
		in.cur = p
	case "re":
		x, y, w, h := num(a, 0), num(a, 1), num(a, 2), num(a, 3)
		p0, p1, p2, p3 := ctm.apply(x, y), ctm.apply(x+w, y), ctm.apply(x+w, y+h), ctm.apply(x, y+h)
		in.path = append(in.path, segment{p0, p1}, segment{p1, p2}, segment{p2, p3}, segment{p3, p0})
		in.cur, in.sub = p0, p0
	case "h":
		in.path = append(in.path, segment{in.cur, in.sub})
		in.cur = in.sub
	case "c":
		in.cur = ctm.apply(num(a, 4), num(a, 5))
	case "v", "y":
		in.cur = ctm.apply(num(a, 2), num(a, 3))
	}
}

// paint turns the path just painted into rules. A stroke's straight
// segments are lines; a fill is a line only when it is a thin bar (Word and
// WPS draw cell borders as filled bars of the border's width), taken along
// its middle. Larger fills (shading, backgrounds) are not rules.
func (in *interp) paint(fill bool) {
	defer func() { in.path = in.path[:0] }()
	if len(in.rules) >= maxRules {
		return
	}
	if !fill {
		for _, s := range in.path {
			if r, ok := ruleOf(s.a, s.b); ok {
				in.rules = append(in.rules, r)
			}
		}
		return
	}
	// A filled bar: the bounding box of a closed path of four straight
	// segments.
	for i := 0; i+4 <= len(in.path); i += 4 {
		bar := in.path[i : i+4]
		if !slices.ContainsFunc(bar, func(s segment) bool { _, ok := ruleOf(s.a, s.b); return !ok }) {
			b := bounds(bar)
			w, h := b.x1-b.x0, b.y1-b.y0
			switch {
			case h <= 3 && w > h:
				in.rules = append(in.rules, Rule{b.x0, (b.y0 + b.y1) / 2, b.x1, (b.y0 + b.y1) / 2})
			case w <= 3 && h > w:
				in.rules = append(in.rules, Rule{(b.x0 + b.x1) / 2, b.y0, (b.x0 + b.x1) / 2, b.y1})
			}
		}
	}
}

// bounds is the bounding box of segments (set; NaN corners when a
// coordinate is NaN).
func bounds(segs []segment) box {
	b := box{true, math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, s := range segs {
		for _, p := range []point{s.a, s.b} {
			b.x0, b.y0, b.x1, b.y1 = min(b.x0, p.x), min(b.y0, p.y), max(b.x1, p.x), max(b.y1, p.y)
		}
	}
	return b
}

// ruleOf is the segment as a rule when it is horizontal or vertical.
func ruleOf(a, b point) (Rule, bool) {
	switch {
	case math.Abs(a.y-b.y) <= 0.5 && math.Abs(a.x-b.x) > 0.5:
		y := (a.y + b.y) / 2
		return Rule{min(a.x, b.x), y, max(a.x, b.x), y}, true
	case math.Abs(a.x-b.x) <= 0.5 && math.Abs(a.y-b.y) > 0.5:
		x := (a.x + b.x) / 2
		return Rule{x, min(a.y, b.y), x, max(a.y, b.y)}, true
	}
	return Rule{}, false
}

// box is a clipping path's bounding box in page space; the zero box clips
// nothing.
type box struct {
	set            bool
	x0, y0, x1, y1 float64
}

// intersect narrows the clip to b (an unset b leaves it).
func (c box) intersect(b box) box {
	if !b.set {
		return c
	}
	if !c.set {
		return b
	}
	return box{true, max(c.x0, b.x0), max(c.y0, b.y0), min(c.x1, b.x1), min(c.y1, b.y1)}
}

// holds reports whether a point is inside the clip, with a point to spare
// for rounding.
func (c box) holds(x, y float64) bool {
	return !c.set || x >= c.x0-1 && x <= c.x1+1 && y >= c.y0-1 && y <= c.y1+1
}

// pathBox is the bounding box of the path's straight segments: the clip
// itself when it is a rectangle, and more than it otherwise (so that a
// curved clip never hides what it shows). A path of curves only is no box.
func (in *interp) pathBox() box {
	if len(in.path) == 0 {
		return box{}
	}
	b := bounds(in.path)
	if math.IsNaN(b.x0 + b.y0 + b.x1 + b.y1) {
		return box{}
	}
	return b
}
