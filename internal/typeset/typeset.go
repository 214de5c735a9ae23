package typeset

import (
	"strings"
	"unicode"

	"github.com/rectify/rectify/internal/parallel"
)

// Block is one paragraph to set, with its role (see textnotice's Role
// constants: title, body, heading1, heading2, heading3, addressee,
// signature, date, doc_number).
type Block struct {
	Role string
	Text string
}

// Header is the optional red header of a document (版头).
type Header struct {
	Mark      string // 发文机关标志, e.g. "××管理委员会文件"
	DocNumber string // 发文字号
}

// Colophon is the optional 版记 at the foot of the last page.
type Colophon struct {
	CC        string // 抄送
	Printer   string // 印发机关
	PrintDate string // 印发日期, as written (2025年6月24日)
}

// Glyph is one character at its place: X is the left edge of the room it
// takes on the line, in mm from the page's left edge, and Adv that room's
// width; the glyph is drawn with its origin at X+Off (a narrow glyph centred
// in half a cell, a compressed opening bracket whose blank half is cut).
type Glyph struct {
	R    rune
	X    float64
	Adv  float64
	Off  float64
	Face Face
}

// Line is one line of text on a page: Y is the baseline in mm from the
// page's top edge.
type Line struct {
	Y      float64
	Size   float64 // pt
	Scale  float64 // horizontal scale of the glyphs: the grid's cell over the em
	Color  string
	Role   string
	Para   int // index of the block it came from, -1 for page furniture
	Glyphs []Glyph
}

// Text returns the line's characters.
func (l Line) Text() string {
	var b strings.Builder
	for _, g := range l.Glyphs {
		b.WriteRune(g.R)
	}
	return b.String()
}

// Rule is a horizontal rule (the red rule, the colophon's rules).
type Rule struct {
	X1, X2, Y float64 // mm
	Width     float64 // mm
	Color     string
}

// Page is one laid-out page.
type Page struct {
	Number int // the printed page number, 0 for none
	Lines  []Line
	Rules  []Rule
}

// Doc is the laid-out document.
type Doc struct {
	Layout Layout
	Pages  []Page
	// Faces records, per role, the faces its glyphs were set in.
	Faces map[string]map[Face]bool
}

// setLine is a line of a paragraph before it is placed on a page.
type setLine struct {
	boxes   []box
	x0      float64 // left offset in the type area, mm
	size    float64
	scale   float64 // horizontal squeeze to the grid (body text), else 1
	color   string
	role    string
	para    int
	rowSpan int // grid rows the line takes (1)
}

// para is a paragraph's lines plus how it must be kept.
type para struct {
	lines    []setLine
	keepNext bool // a heading: keep with two lines of what follows
	blank    bool // an empty grid line
	together bool // never split (title, signature with date)
}

// Typeset lays out blocks on the GB/T 9704 grid.
func Typeset(blocks []Block, hdr Header, col Colophon, lay Layout, fonts Fonts) (*Doc, error) {
	doc := &Doc{Layout: lay, Faces: map[string]map[Face]bool{}}
	var paras []para
	cell := lay.Cell()
	var sig, date *Block
	prevTitle := false // the last block set was a title line
	var after []para
	set := setParagraphs(blocks, lay, fonts)
	for i := range blocks {
		b := blocks[i]
		if strings.TrimSpace(b.Text) == "" {
			continue
		}
		if b.Role != "title" {
			prevTitle = false
		}
		switch b.Role {
		case "title":
			// Consecutive title blocks are the source's title lines: one
			// title, each line kept, broken further only if too long.
			p, err := set[i].p, set[i].err
			if err != nil {
				return nil, err
			}
			if prevTitle {
				paras[len(paras)-2].lines = append(paras[len(paras)-2].lines, p.lines...)
				continue
			}
			paras = append(paras, p, para{blank: true})
			prevTitle = true
			continue
		case "signature":
			sig = &blocks[i]
		case "date":
			date = &blocks[i]
		case "doc_number":
			if hdr.DocNumber == "" {
				hdr.DocNumber = b.Text
			}
		default:
			p, err := set[i].p, set[i].err
			if err != nil {
				return nil, err
			}
			if date != nil {
				after = append(after, p) // a note after the date (附注) stays there
				continue
			}
			paras = append(paras, p)
		}
	}
	if sig != nil || date != nil {
		p, err := signatureLines(sig, date, lay, fonts, cell)
		if err != nil {
			return nil, err
		}
		paras = append(paras, para{blank: true}, p)
	}
	paras = append(paras, after...)
	firstTop, headerPage, err := header(hdr, lay, fonts)
	if err != nil {
		return nil, err
	}
	doc.Pages = paginate(paras, lay, firstTop, headerPage)
	if err := colophon(doc, col, lay, fonts); err != nil {
		return nil, err
	}
	for pi := range doc.Pages {
		if doc.Pages[pi].Number > 0 {
			folio, err := folioLine(doc.Pages[pi].Number, lay, fonts)
			if err != nil {
				return nil, err
			}
			doc.Pages[pi].Lines = append(doc.Pages[pi].Lines, folio)
		}
		for _, l := range doc.Pages[pi].Lines {
			m := doc.Faces[l.Role]
			if m == nil {
				m = map[Face]bool{}
				doc.Faces[l.Role] = m
			}
			for _, g := range l.Glyphs {
				m[g.Face] = true
			}
		}
	}
	return doc, nil
}

// setPara is a block set into lines, or why it could not be.
type setPara struct {
	p   para
	err error
}

// setParagraphs sets the title and body blocks into lines, each on its own
// (a paragraph's lines do not depend on its neighbours), spread over the
// cores; Typeset then places them in order. The signature and date are set
// together later.
func setParagraphs(blocks []Block, lay Layout, fonts Fonts) []setPara {
	out := make([]setPara, len(blocks))
	parallel.Each(len(blocks), 0, func(i int) {
		b := blocks[i]
		switch {
		case strings.TrimSpace(b.Text) == "":
		case b.Role == "title":
			out[i].p, out[i].err = titleLines(b.Text, lay, fonts, i)
		case b.Role == "signature", b.Role == "date", b.Role == "doc_number":
		default:
			out[i].p, out[i].err = bodyPara(b, lay, fonts, i)
		}
	})
	return out
}

// bodyPara sets a body paragraph: two-character first-line indent, full
// lines justified to the type area's width, the last line flush left
// (§7.3.5 and the spec's 禁则).
func bodyPara(b Block, lay Layout, fonts Fonts, idx int) (para, error) {
	faces, keep := bodyFaces(b, lay)
	if b.Role == "addressee" {
		return simpleLines(b.Text, faces, lay, fonts, idx, 0, b.Role)
	}
	p, err := simpleLines(b.Text, faces, lay, fonts, idx, 2*lay.Cell(), b.Role)
	p.keepNext = keep
	return p, err
}

// bodyFaces is the face each character of a body block asks for, and
// whether the block keeps with what follows (a heading).
func bodyFaces(b Block, lay Layout) (faces []Face, keep bool) {
	faces = make([]Face, len([]rune(b.Text)))
	for i := range faces {
		faces[i] = lay.Body.Face
	}
	switch b.Role {
	case "heading1":
		for i := range faces {
			faces[i] = lay.Heading1.Face
		}
		keep = true
	case "heading2":
		// Only the lead sentence takes 楷体 (§7.3.3).
		rs := []rune(b.Text)
		end := len(rs)
		for i, r := range rs {
			if r == '。' {
				end = i + 1
				break
			}
		}
		for i := 0; i < end; i++ {
			faces[i] = lay.Heading2.Face
		}
		keep = end == len(rs)
	case "heading3":
		keep = !strings.ContainsRune(b.Text, '。') && len([]rune(b.Text)) <= 2*lay.Chars
	}
	return faces, keep
}

// Characters returns the characters Typeset will set in each face for the
// same arguments, without laying anything out, so that fonts can be made
// ready while the text is typeset. The page numbers are not known before
// pagination: all ten digits are counted in the page-number face. Typeset
// reports what cannot be set; here such characters are left out.
func Characters(blocks []Block, hdr Header, col Colophon, lay Layout, fonts Fonts) map[Face]map[rune]bool {
	out := map[Face]map[rune]bool{}
	// What each face was asked for: a bit per character of the BMP (a
	// notice asks tens of thousands of times, for about two thousand
	// characters).
	type askedOf struct {
		bmp    [0x10000 / 64]uint64
		beyond map[rune]bool
	}
	asked := map[Face]*askedOf{}
	add := func(text string, faces []Face) {
		var face Face
		var a *askedOf
		i := 0
		for _, r := range text {
			if f := faces[i]; a == nil || f != face {
				face = f
				if a = asked[f]; a == nil {
					a = &askedOf{beyond: map[rune]bool{}}
					asked[f] = a
				}
			}
			i++
			if r < 0x10000 {
				word, bit := &a.bmp[r>>6], uint64(1)<<(r&63)
				if *word&bit != 0 {
					continue
				}
				*word |= bit
			} else {
				if a.beyond[r] {
					continue
				}
				a.beyond[r] = true
			}
			if f, ok := faceFor(fonts, face, r); ok {
				if out[f] == nil {
					out[f] = map[rune]bool{}
				}
				out[f][r] = true
			}
		}
	}
	addIn := func(text string, face Face) {
		faces := make([]Face, len([]rune(text)))
		for i := range faces {
			faces[i] = face
		}
		add(text, faces)
	}
	for _, b := range blocks {
		if strings.TrimSpace(b.Text) == "" {
			continue
		}
		switch b.Role {
		case "title":
			addIn(b.Text, lay.Title.Face)
		case "signature", "date":
			addIn(b.Text, lay.Body.Face)
		case "doc_number":
			if hdr.DocNumber == "" {
				hdr.DocNumber = b.Text
			}
		default:
			faces, _ := bodyFaces(b, lay)
			add(b.Text, faces)
		}
	}
	addIn(hdr.Mark, lay.Mark.Face)
	addIn(hdr.DocNumber, lay.DocNumber.Face)
	if col.CC != "" || col.Printer != "" {
		if col.CC != "" {
			addIn("抄送："+col.CC+"。", lay.Colophon.Face)
		}
		addIn(col.Printer, lay.Colophon.Face)
		addIn(col.PrintDate+"印发", lay.Colophon.Face)
	}
	addIn("— 0123456789 —", lay.Folio.Face)
	return out
}

// simpleLines breaks text into lines on the body grid with a first-line
// indent, every line but the last filled to the type area's width.
func simpleLines(text string, faces []Face, lay Layout, fonts Fonts, idx int, indent float64, role string) (para, error) {
	el := lay.Body
	cell := lay.Cell()
	boxes, err := measure(fonts, text, faces, el.Size, cell)
	if err != nil {
		return para{}, err
	}
	var p para
	for li, line := range setLines(boxes, Breaks(text), lay.AreaWidth, indent) {
		x0 := 0.0
		if li == 0 {
			x0 = indent
		}
		p.lines = append(p.lines, setLine{boxes: line, x0: x0, size: el.Size, scale: cell / (el.Size * ptToMM), role: role, para: idx, rowSpan: 1})
	}
	return p, nil
}

// titleLines sets the title: 小标宋, centred. A title too long for one
// line breaks first between the issuer and "关于…", then each part into as
// few lines as it needs, as even as the word boundaries allow (a trapezoid,
// not a long line over a short one), never inside a word of the genre.
func titleLines(text string, lay Layout, fonts Fonts, idx int) (para, error) {
	el := lay.Title
	boxes, total, err := measureIn(fonts, text, el.Face, el.Size, el.Size*ptToMM)
	if err != nil {
		return para{}, err
	}
	starts := []int{0}
	if total > lay.AreaWidth+0.01 {
		rs := []rune(text)
		words := titleBreaks(rs)
		parts := []int{0, len(rs)}
		if k := strings.Index(text, "关于"); k > 0 {
			parts = []int{0, len([]rune(text[:k])), len(rs)}
		}
		starts = nil
		for pi := 0; pi+1 < len(parts); pi++ {
			s, e := parts[pi], parts[pi+1]
			for _, st := range balance(boxes[s:e], words[s:e+1], Breaks(string(rs[s:e])), lay.AreaWidth) {
				starts = append(starts, s+st)
			}
		}
	}
	p := para{together: true}
	for li, s := range starts {
		e := len(boxes)
		if li+1 < len(starts) {
			e = starts[li+1]
		}
		w := lineWidth(boxes[s:e])
		p.lines = append(p.lines, setLine{boxes: boxes[s:e], x0: (lay.AreaWidth - w) / 2, size: el.Size, role: "title", para: idx, rowSpan: 1})
	}
	return p, nil
}

// titleWords are the words of the genre's titles, which a title line never
// splits; the one-character ones are function words a line may end after.
var titleWords = strings.Fields(`关于 巡察 巡视 整改 进展 情况 通报 通知 报告 决定 反馈 意见 问题 落实 工作 专项 集中 整治
	审计 监督 检查 督查 县委 市委 省委 区委 州委 党委 党组 党工委 机关 有关 第一轮 第二轮 第三轮 常规 提级 交叉
	的 和 及 与 、`)

// titleBreaks marks the word boundaries of a title (ok[i]: a line may end
// before rune i): around the genre's words, found longest first; characters
// outside them stay together as one word (a name, a date, "开展").
func titleBreaks(rs []rune) []bool {
	ok := make([]bool, len(rs)+1)
	prevKnown := true
	for i := 0; i < len(rs); {
		n := 0
		for _, w := range titleWords {
			wr := []rune(w)
			if len(wr) > n && i+len(wr) <= len(rs) && string(rs[i:i+len(wr)]) == w {
				n = len(wr)
			}
		}
		switch {
		case n > 0:
			ok[i], prevKnown = true, true
			i += n
		case unicode.IsSpace(rs[i]):
			ok[i+1], prevKnown = true, true
			i++
		default:
			if prevKnown {
				ok[i] = true
			}
			prevKnown = false
			i++
		}
	}
	ok[0], ok[len(rs)] = false, true
	return ok
}

// balance breaks boxes into as few lines of at most maxW as the word
// boundaries allow (falling back to the plain break opportunities, then to
// any character, only when a word is longer than a line), as even as
// possible.
func balance(boxes []box, words, plain []bool, maxW float64) []int {
	if lineWidth(boxes) <= maxW+0.01 {
		return []int{0}
	}
	L := len(boxes)
	atWords := make([]bool, L+1) // word boundaries that are also break opportunities
	anywhere := make([]bool, L+1)
	for i := range atWords {
		atWords[i] = words[i] && (i == L || plain[i])
		anywhere[i] = true
	}
	for _, allowed := range [][]bool{atWords, plain, anywhere} {
		if n := fewestLines(boxes, allowed, maxW); n > 0 {
			return evenLines(boxes, allowed, n, maxW)
		}
	}
	return []int{0} // a character wider than the line
}

// fewestLines is the number of lines greedy filling needs, 0 if a piece
// between allowed breaks is wider than maxW.
func fewestLines(boxes []box, allowed []bool, maxW float64) int {
	n, w, piece := 1, 0.0, 0.0
	for i, b := range boxes {
		piece += b.adv
		if i+1 == len(boxes) || allowed[i+1] {
			if piece > maxW+0.01 {
				return 0
			}
			if w+piece > maxW+0.01 {
				n, w = n+1, 0
			}
			w, piece = w+piece, 0
		}
	}
	return n
}

// evenLines breaks boxes into n lines at allowed positions, minimising the
// squared deviation from the mean width; n must be feasible (fewestLines).
func evenLines(boxes []box, allowed []bool, n int, maxW float64) []int {
	L := len(boxes)
	prefix := make([]float64, L+1)
	for i, b := range boxes {
		prefix[i+1] = prefix[i] + b.adv
	}
	target := prefix[L] / float64(n)
	const inf = 1e18
	cost := make([][]float64, n+1)
	from := make([][]int, n+1)
	for k := range cost {
		cost[k] = make([]float64, L+1)
		from[k] = make([]int, L+1)
		for i := range cost[k] {
			cost[k][i] = inf
		}
	}
	cost[0][0] = 0
	for k := 1; k <= n; k++ {
		for e := 1; e <= L; e++ {
			if e < L && !allowed[e] {
				continue
			}
			// Only starts within a line's width of e.
			for s := e - 1; s >= 0 && prefix[e]-prefix[s] <= maxW+0.01; s-- {
				if cost[k-1][s] >= inf || (s > 0 && !allowed[s]) {
					continue
				}
				w := prefix[e] - prefix[s]
				if c := cost[k-1][s] + (w-target)*(w-target); c < cost[k][e] {
					cost[k][e], from[k][e] = c, s
				}
			}
		}
	}
	if cost[n][L] >= inf {
		return []int{0}
	}
	starts := make([]int, n)
	e := L
	for k := n; k >= 1; k-- {
		starts[k-1] = from[k][e]
		e = starts[k-1]
	}
	return starts
}

// signatureLines places the issuer's signature and the date for a document
// without a seal (§7.3.5.2): the signature right-aligned two characters in
// from the right; the date on the next line, its first character two
// characters right of the signature's; a date longer than that keeps two
// characters from the right and pushes the signature left.
func signatureLines(sig, date *Block, lay Layout, fonts Fonts, cell float64) (para, error) {
	p := para{together: true}
	el := lay.Body
	set := func(b *Block) ([]box, float64, error) {
		if b == nil {
			return nil, 0, nil
		}
		return measureIn(fonts, b.Text, el.Face, el.Size, cell)
	}
	sb, sw, err := set(sig)
	if err != nil {
		return p, err
	}
	db, dw, err := set(date)
	if err != nil {
		return p, err
	}
	sigX := lay.AreaWidth - 2*cell - sw
	dateX := sigX + 2*cell
	if dateX+dw > lay.AreaWidth-2*cell {
		dateX = lay.AreaWidth - 2*cell - dw
		sigX = dateX - 2*cell
	}
	if sig != nil {
		p.lines = append(p.lines, setLine{boxes: sb, x0: sigX, size: el.Size, role: "signature", para: -1, rowSpan: 1})
	}
	if date != nil {
		p.lines = append(p.lines, setLine{boxes: db, x0: dateX, size: el.Size, role: "date", para: -1, rowSpan: 1})
	}
	return p, nil
}

// place turns a set line into a positioned line with its baseline at y.
func place(sl setLine, lay Layout, y float64) Line {
	scale := sl.scale
	if scale == 0 {
		scale = 1
	}
	l := Line{Y: y, Size: sl.size, Scale: scale, Color: sl.color, Role: sl.role, Para: sl.para, Glyphs: make([]Glyph, 0, len(sl.boxes))}
	x := lay.Left + sl.x0
	for _, b := range sl.boxes {
		l.Glyphs = append(l.Glyphs, Glyph{R: b.r, X: x, Adv: b.adv, Off: b.off, Face: b.face})
		x += b.adv + b.extra
	}
	return l
}

// baseline is the baseline of a grid row: the em box is centred in the row.
func baseline(rowTop, pitch, size float64) float64 {
	em := size * ptToMM
	return rowTop + (pitch-em)/2 + 0.88*em
}
