package pdftext

import (
	"math"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ledongthuc/pdf"
)

// Glyph is one character drawn on a page, in PDF user space (points, y up).
type Glyph struct {
	Text string
	X, Y float64 // origin of the glyph on the baseline
	W    float64 // advance
	Size float64 // effective font size
}

// TurnedGlyph is a glyph whose baseline is not upright: Angle is its
// direction, counter-clockwise from the page's x axis in radians (±π/2 for
// a page drawn turned, a landscape ledger on a portrait page shown with
// /Rotate; anything for a diagonal watermark). Its X and Y are its origin
// on the page. Such glyphs are few, and kept apart so that the upright
// ones, all of a notice, stay small.
type TurnedGlyph struct {
	Glyph
	Angle float32
}

type matrix [6]float64 // a b c d e f

var identity = matrix{1, 0, 0, 1, 0, 0}

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type gstate struct {
	ctm                    matrix
	clip                   box // the clipping path's bounding box
	font                   *fontUse
	size, tc, tw, th, rise float64
	tl                     float64
}

type interp struct {
	d        *doc
	glyphs   []Glyph
	turned   []TurnedGlyph       // glyphs drawn at an angle
	rules    []Rule              // the page's straight lines, for its tables
	path     []segment           // the path being built, in page space
	cur, sub point               // the current point and the subpath's start
	total    *drawn              // what all interpreters of the file drew
	counted  int                 // glyphs drawn here and not yet added to total
	lastPage int                 // glyphs on the page read before
	fonts    map[string]*fontUse // by object number, or resource scope and name
	// Decoded streams are read into these and reused: the lexer copies
	// what it keeps, so a page's content is garbage once interpreted.
	pageBuf, cmapBuf []byte
}

// drawn is what the goroutines reading a file's pages share: counts of what
// the whole file draws, against maxGlyphs and maxFormRuns, and its fonts,
// each loaded once (Chromium's pages share dozens of Type 3 fonts).
type drawn struct {
	glyphs, forms atomic.Int64
	content       atomic.Int64 // decoded content bytes, against maxContentBytes
	mu            sync.Mutex
	fonts         map[string]*loadedFont
}

type loadedFont struct {
	once sync.Once
	f    *font // read only: each interpreter decodes with its own fontUse
}

// font is the file's font under key, loaded by the first to ask.
func (t *drawn) font(key string, load func() *font) *font {
	t.mu.Lock()
	if t.fonts == nil {
		t.fonts = map[string]*loadedFont{}
	}
	lf := t.fonts[key]
	if lf == nil {
		lf = &loadedFont{}
		t.fonts[key] = lf
	}
	t.mu.Unlock()
	lf.once.Do(func() { lf.f = load() })
	return lf.f
}

func newInterp(d *doc, total *drawn) *interp {
	return &interp{d: d, total: total, fonts: map[string]*fontUse{}}
}

// countGlyphs adds the glyphs drawn since the last count to the file's
// total (in batches: one shared counter per glyph would cost more than
// drawing it).
func (in *interp) countGlyphs() {
	if n := in.total.glyphs.Add(int64(in.counted)); n > maxGlyphs {
		limit("全文超过 %d 个字", maxGlyphs)
	}
	in.counted = 0
}

func num(a []operand, i int) float64 {
	if i < len(a) && a[i].kind == tokNum {
		return a[i].num
	}
	return 0
}

// run interprets one content stream with its resources.
func (in *interp) run(data []byte, res value, scope string, g gstate, depth int) {
	var tm, tlm matrix
	clipNext := false // W or W*: the path ends as the clipping path
	var stack []gstate
	local := map[string]*fontUse{}
	var fonts value
	var fontRefs map[string]string
	fontOf := func(name string) *fontUse {
		if f, ok := local[name]; ok {
			return f
		}
		if fontRefs == nil {
			fonts = res.Key("Font")
			fontRefs = fonts.Refs()
		}
		// Pages share fonts: load each font object once per document,
		// found by its object number before it is read.
		key := scope + "/" + name // a direct font dictionary: per page
		if num, ok := fontRefs[name]; ok {
			key = num
		}
		f, ok := in.fonts[key]
		if !ok {
			if loaded := in.total.font(key, func() *font {
				if fv := fonts.Key(name); fv.Kind() == Dict {
					return in.loadFont(fv)
				}
				return nil
			}); loaded != nil {
				f = &fontUse{font: loaded}
			}
			in.fonts[key] = f
		}
		local[name] = f
		return f
	}
	show := func(s string) {
		if g.font == nil {
			return
		}
		// Within one string only the text matrix's translation moves,
		// by each advance: the rendering matrix's size and horizontal
		// scale are the same for every glyph.
		sm := matrix{g.size * g.th, 0, 0, g.size, 0, g.rise}
		var size, xScale float64
		var angle float32
		for i, gl := range g.font.decode(s) {
			if in.counted++; in.counted == 1024 {
				in.countGlyphs()
			}
			trm := sm.mul(tm).mul(g.ctm)
			if i == 0 {
				size, xScale = math.Hypot(trm[2], trm[3]), math.Hypot(trm[0], trm[1])
				if trm[1] != 0 || trm[0] < 0 {
					angle = float32(math.Atan2(trm[1], trm[0]))
				}
			}
			adv := gl.width*g.size + g.tc
			if gl.space {
				adv += g.tw
			}
			adv *= g.th
			w := gl.width * xScale
			// A glyph clipped away is not on the page (Calc draws a merged
			// cell's text on both sides of a page break, clipped on one).
			// The point tested is half the advance along the baseline and a
			// third of the size above it, in whatever direction the text runs.
			if g.clip.holds(trm[4]+trm[0]*gl.width/2+trm[2]*0.35, trm[5]+trm[1]*gl.width/2+trm[3]*0.35) {
				text := gl.text
				if text == "" {
					text = Undecodable
				}
				if g := (Glyph{Text: text, X: trm[4], Y: trm[5], W: w, Size: size}); angle == 0 {
					in.glyphs = append(in.glyphs, g)
				} else {
					in.turned = append(in.turned, TurnedGlyph{g, angle})
				}
			}
			tm[4], tm[5] = adv*tm[0]+tm[4], adv*tm[1]+tm[5] // matrix{1, 0, 0, 1, adv, 0}.mul(tm)
		}
	}
	// Marked content: a span with /ActualText replaces the glyphs it draws
	// with its text (Chromium writes one where a glyph's ToUnicode is
	// ambiguous, "㬵" drawn for "胶"; Word for ligatures and hyphens).
	type marked struct {
		actual bool
		text   string
		from   int // index of the span's first glyph
	}
	var spans []marked
	ops(in.d.g, data, func(op string, a []operand) {
		switch op {
		case "BMC", "BDC":
			m := marked{from: len(in.glyphs)}
			if len(a) == 2 {
				if t, ok := a[1].key("ActualText"); ok && t.kind == tokStr {
					m.actual, m.text = true, textString(t.s)
				}
			}
			if len(spans) < 256 {
				spans = append(spans, m)
			}
		case "EMC":
			n := len(spans)
			if n == 0 {
				return
			}
			m := spans[n-1]
			spans = spans[:n-1]
			if !m.actual || m.from > len(in.glyphs) {
				return
			}
			drawn := in.glyphs[m.from:]
			if len(drawn) == 0 {
				return
			}
			first, last := drawn[0], drawn[len(drawn)-1]
			in.glyphs = in.glyphs[:m.from]
			if m.text != "" {
				in.glyphs = append(in.glyphs, Glyph{Text: m.text, X: first.X, Y: first.Y, W: last.X + last.W - first.X, Size: first.Size})
			}
		case "m", "l", "re", "h", "c", "v", "y":
			in.pathOp(op, a, g.ctm)
		case "W", "W*":
			clipNext = true
		case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n":
			if clipNext {
				g.clip = g.clip.intersect(in.pathBox())
				clipNext = false
			}
			if op == "n" {
				in.path = in.path[:0]
			} else {
				in.paint(op != "S" && op != "s")
			}
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g = stack[n-1]
				stack = stack[:n-1]
			}
		case "cm":
			if len(a) == 6 {
				g.ctm = matrix{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(a) == 2 && a[0].kind == tokName {
				g.font = fontOf(a[0].s)
				g.size = num(a, 1)
			}
		case "Tc":
			g.tc = num(a, 0)
		case "Tw":
			g.tw = num(a, 0)
		case "Tz":
			g.th = num(a, 0) / 100
		case "TL":
			g.tl = num(a, 0)
		case "Ts":
			g.rise = num(a, 0)
		case "Td", "TD":
			if op == "TD" {
				g.tl = -num(a, 1)
			}
			tlm = matrix{1, 0, 0, 1, num(a, 0), num(a, 1)}.mul(tlm)
			tm = tlm
		case "Tm":
			if len(a) == 6 {
				tlm = matrix{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if len(a) >= 1 {
				show(a[len(a)-1].s)
			}
		case "'", "\"":
			if op == "\"" && len(a) == 3 {
				g.tw, g.tc = num(a, 0), num(a, 1)
			}
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
			if len(a) >= 1 {
				show(a[len(a)-1].s)
			}
		case "TJ":
			if len(a) >= 1 && a[0].kind == tokArrOpen {
				for _, e := range a[0].arr {
					switch e.kind {
					case tokStr:
						show(e.s)
					case tokNum:
						tm = matrix{1, 0, 0, 1, -e.num / 1000 * g.size * g.th, 0}.mul(tm)
					}
				}
			}
		case "Do":
			if depth >= maxFormDepth || len(a) < 1 || a[0].kind != tokName {
				return
			}
			xo := res.Key("XObject").Key(a[0].s)
			if xo.Kind() != Stream || xo.Key("Subtype").Name() != "Form" {
				return
			}
			fg := g
			if m := xo.Key("Matrix"); m.Len() == 6 {
				fm := matrix{}
				for i := range fm {
					fm[i] = m.Index(i).Float64()
				}
				fg.ctm = fm.mul(g.ctm)
			}
			fres := xo.Key("Resources")
			if fres.Kind() != Dict {
				fres = res
			}
			if in.total.forms.Add(1) > maxFormRuns {
				limit("绘制的表单对象（Form XObject）超过 %d 次", maxFormRuns)
			}
			in.run(in.content(in.readStream(xo)), fres, scope+"/"+a[0].s, fg, depth+1)
		}
	})
}

// textString decodes a PDF text string: UTF-16BE with its byte order mark,
// UTF-8 with its mark (PDF 2.0), else PDFDocEncoding (Latin-1 where it
// matters here).
func textString(s string) string {
	switch {
	case strings.HasPrefix(s, "\xfe\xff"):
		return utf16be(s[2:])
	case strings.HasPrefix(s, "\xef\xbb\xbf"):
		return s[3:]
	}
	r := make([]rune, 0, len(s))
	for i := 0; i < len(s); i++ {
		r = append(r, rune(s[i]))
	}
	return string(r)
}

// content counts data about to be interpreted against the file's
// maxContentBytes.
func (in *interp) content(data []byte) []byte {
	if in.total.content.Add(int64(len(data))) > maxContentBytes {
		limit("全文要解释的内容流超过 %d MB（可能是很多页共用一个巨大的内容流）", maxContentBytes>>20)
	}
	return data
}

// pageContent reads a page's content streams (one stream or an array)
// into in.pageBuf.
func (in *interp) pageContent(page value) []byte {
	c := page.Key("Contents")
	switch c.Kind() {
	case Stream:
		return in.appendStream(in.pageBuf[:0], c)
	case Array:
		all := in.pageBuf[:0]
		for i := 0; i < c.Len(); i++ {
			all = in.appendStream(all, c.Index(i))
			all = append(all, '\n')
			if len(all) > maxStreamBytes {
				limit("一页的内容流超过 %d MB", maxStreamBytes>>20)
			}
		}
		return all
	}
	return nil
}

// readStream is a stream's decoded data, in a slice of its own.
func (in *interp) readStream(v value) []byte { return in.appendStream(nil, v) }

// readStreamHead is the first n bytes of a stream's decoded data (all of
// it when n <= 0); where the library reads the file, no more is decoded.
func (in *interp) readStreamHead(v value, n int) []byte {
	switch s := v.o.(type) {
	case *pdfStream:
		data := in.d.decode(s)
		if n > 0 && n < len(data) {
			data = data[:n]
		}
		return data
	case pdf.Value:
		if s.Kind() == pdf.Stream {
			return in.d.libStreamHead(s, nil, n)
		}
	}
	return nil
}

// appendStream appends a stream's decoded data to dst.
func (in *interp) appendStream(dst []byte, v value) []byte {
	switch s := v.o.(type) {
	case *pdfStream:
		return append(dst, in.d.decode(s)...)
	case pdf.Value:
		if s.Kind() == pdf.Stream {
			return in.d.libStream(s, dst)
		}
	}
	return dst
}
