package render

import (
	"bytes"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"github.com/rectify/rectify/internal/diag"
	"github.com/rectify/rectify/internal/parallel"
	"github.com/rectify/rectify/internal/typeset"
)

// Meta is the document information written into the PDF.
type Meta struct {
	Title, Author string
	Date          time.Time // creation date; fixed for reproducible output
}

// roleNames name the elements for the font report.
var roleNames = map[string]string{"title": "标题", "body": "正文", "heading1": "一级标题", "heading2": "二级标题",
	"heading3": "三四级标题", "signature": "署名", "date": "成文日期", "folio": "页码", "mark": "发文机关标志",
	"doc_number": "发文字号", "addressee": "主送机关", "colophon": "版记"}

// FontReport says which font each element used, e.g. "标题：Noto Serif SC
// Black（内置，代替方正小标宋）".
func FontReport(doc *typeset.Doc, set *FontSet) []string {
	var out []string
	for role, faces := range doc.Faces {
		var names []string
		for f := range faces {
			if font := set.Faces[f]; font != nil {
				names = append(names, font.Name)
			}
		}
		sort.Strings(names)
		name := roleNames[role]
		if name == "" {
			name = role
		}
		out = append(out, name+"："+strings.Join(names, "、"))
	}
	sort.Strings(out)
	return out
}

// PDF draws the laid-out pages (NewWriter, then Write).
func PDF(doc *typeset.Doc, set *FontSet, meta Meta) ([]byte, error) {
	return NewWriter(charactersOf(doc), set, doc.Layout, meta).Write(doc)
}

// A Writer makes one PDF. fpdf writes the file's frame: pages, rules,
// text positions and colours, document information, catalogue and
// cross-reference table. The fonts are ours: each face is cut down to the
// characters the document uses (subsetTrueType), made into its PDF objects
// and compressed (embedFont), and finishPDF adds them to fpdf's file. fpdf
// would parse each font again, cut it again and compress it at the end of
// Output, one font after the other; for a notice that was most of the time
// a PDF took. Cutting and compressing need only the characters, not the
// layout: NewWriter starts them in the background, one face per core, so
// they run while the caller typesets and the pages are drawn. Write is
// called once.
type Writer struct {
	set      *FontSet
	chars    map[typeset.Face]map[rune]bool
	lay      typeset.Layout
	meta     Meta
	names    map[typeset.Face]string // the name pages select each face's font by
	ready    chan struct{}           // closed when embedded and err are set
	embedded []*embeddedFont         // in the order of their names, F1, F2, …
	err      error
}

// NewWriter starts preparing a PDF of pages laid out in lay whose text is
// chars, per face (typeset.Characters): a superset of what the pages will
// hold is fine, only larger.
func NewWriter(chars map[typeset.Face]map[rune]bool, set *FontSet, lay typeset.Layout, meta Meta) *Writer {
	w := &Writer{set: set, chars: chars, lay: lay, meta: meta, names: map[typeset.Face]string{}, ready: make(chan struct{})}
	for i, face := range slices.Sorted(maps.Keys(chars)) {
		w.names[face] = "F" + strconv.Itoa(i+1)
	}
	go func() {
		defer close(w.ready)
		w.embedded, w.err = w.prepare()
	}()
	return w
}

// prepare cuts each face to w.chars and makes its embedded font, the faces
// concurrently, returned in the order of their names (F1, F2, …, in the
// order of the faces' names), which fixes the PDF's object numbers.
func (w *Writer) prepare() ([]*embeddedFont, error) {
	faces := slices.Sorted(maps.Keys(w.chars))
	for _, face := range faces {
		if w.set.Faces[face] == nil {
			return nil, fmt.Errorf("没有为 %s 配置字体", face)
		}
	}
	fonts := make([]*embeddedFont, len(faces))
	errs := make([]error, len(faces))
	parallel.Each(len(faces), 0, func(i int) {
		f := w.set.Faces[faces[i]]
		gids := make(map[rune]uint16, len(w.chars[faces[i]]))
		for r := range w.chars[faces[i]] {
			gids[r] = f.metrics(r, false).gid
		}
		sub, err := subsetTrueType(f.Data, gids)
		if err == nil {
			fonts[i], err = embedFont(w.names[faces[i]], f.Family, sub)
		}
		errs[i] = err
	})
	for i, face := range faces {
		if err := errs[i]; err != nil {
			f := w.set.Faces[face]
			return nil, &diag.Error{File: f.Path, Msg: fmt.Sprintf("字体 %s 无法裁剪或嵌入：%v", f.Name, err), Err: err}
		}
	}
	return fonts, nil
}

// Write draws the pages and returns the PDF. Pages holding a character
// the writer was not prepared for are drawn by a writer prepared for
// exactly theirs.
func (w *Writer) Write(doc *typeset.Doc) ([]byte, error) {
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			for _, g := range l.Glyphs {
				if !w.chars[g.Face][g.R] {
					return NewWriter(charactersOf(doc), w.set, doc.Layout, w.meta).Write(doc)
				}
			}
		}
	}
	// The runs are cut while the fonts are still being prepared.
	set := w.set
	lineRuns := make([][][]run, len(doc.Pages))
	for i, p := range doc.Pages {
		lineRuns[i] = make([][]run, len(p.Lines))
		for j, l := range p.Lines {
			lineRuns[i][j] = runs(l, set)
		}
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: w.lay.PageWidth, Ht: w.lay.PageHeight}})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(false) // finishPDF does it, for less
	pdf.SetCreationDate(w.meta.Date)
	pdf.SetModificationDate(w.meta.Date)
	pdf.SetTitle(w.meta.Title, true)
	pdf.SetAuthor(w.meta.Author, true)
	pdf.SetCreator("rectify", true)
	pdf.SetSubject("字体："+strings.Join(FontReport(doc, set), "；"), true)
	for i, p := range doc.Pages {
		pdf.AddPage()
		for _, r := range p.Rules {
			red, green, blue := rgb(r.Color)
			pdf.SetDrawColor(red, green, blue)
			pdf.SetLineWidth(r.Width)
			pdf.Line(r.X1, r.Y, r.X2, r.Y)
		}
		curFace, curSize := typeset.Face(""), 0.0
		curTz, curTc := 100.0, 0.0 // each page's content starts with the defaults
		for j, l := range p.Lines {
			red, green, blue := rgb(l.Color)
			pdf.SetTextColor(red, green, blue)
			for _, r := range lineRuns[i][j] {
				// Our fonts are not fpdf's: the font is selected as fpdf
				// selects its own, and Text, with no fpdf font set, writes
				// the string it is given: the run's Identity-H codes.
				if r.face != curFace || l.Size != curSize {
					pdf.RawWriteStr("BT /" + w.names[r.face] + " " + strconv.FormatFloat(l.Size, 'f', 2, 64) + " Tf ET")
					curFace, curSize = r.face, l.Size
				}
				// Horizontal scale squeezes body type to the grid's pitch;
				// character spacing carries the run's even spacing.
				if tz := r.scale * 100; math.Abs(tz-curTz) > 0.0005 {
					pdf.RawWriteStr(strconv.FormatFloat(tz, 'f', 3, 64) + " Tz\n")
					curTz = tz
				}
				if math.Abs(r.spacing-curTc) > 0.00005 {
					pdf.RawWriteStr(strconv.FormatFloat(r.spacing, 'f', 4, 64) + " Tc\n")
					curTc = r.spacing
				}
				pdf.Text(r.x, l.Y, identityH(r.text))
			}
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, &diag.Error{Msg: "PDF 无法生成（fpdf 写出时出错）", Err: err}
	}
	// The fonts are needed only now.
	<-w.ready
	if w.err != nil {
		return nil, w.err
	}
	out, ok := finishPDF(buf.Bytes(), w.embedded)
	if !ok {
		return nil, &diag.Error{Msg: "PDF 无法生成（fpdf 写出的文件结构与预期不符，无法加入字体）"}
	}
	return out, nil
}

// charactersOf is the characters each face sets on the pages.
func charactersOf(doc *typeset.Doc) map[typeset.Face]map[rune]bool {
	chars := map[typeset.Face]map[rune]bool{}
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			for _, g := range l.Glyphs {
				if chars[g.Face] == nil {
					chars[g.Face] = map[rune]bool{}
				}
				chars[g.Face][g.R] = true
			}
		}
	}
	return chars
}

// run is glyphs drawn with one text operator: same face, evenly spaced.
type run struct {
	text    string
	face    typeset.Face
	x       float64 // mm
	scale   float64 // horizontal scaling (Tz/100)
	spacing float64 // character spacing (Tc), in unscaled points
}

const mmToPt = 72 / 25.4

// runs splits a line into runs: a new one starts where the face changes or
// the space between glyph origins is not the run's (a spread line, a
// compressed mark, a digit centred in half a cell).
func runs(l typeset.Line, set *FontSet) []run {
	em := l.Size / mmToPt // mm
	scale := l.Scale
	if scale == 0 {
		scale = 1
	}
	var out []run
	var cur *run
	var font *Font // cur's
	var b strings.Builder
	gap := 0.0
	flush := func() {
		if cur != nil {
			cur.text = b.String()
			out = append(out, *cur)
			cur = nil
			b.Reset()
		}
	}
	for i, g := range l.Glyphs {
		x := g.X + g.Off
		if cur != nil && g.Face != cur.face {
			flush()
		}
		if cur != nil {
			prev := l.Glyphs[i-1] // in cur's face
			adv := 0.5            // as FontSet.Advance has it for a missing glyph
			if font != nil {
				if a := font.advance(prev.R); a >= 0 {
					adv = a
				}
			}
			d := x - (prev.X + prev.Off) - adv*em*scale
			if b.Len() == utf8.RuneLen(prev.R) {
				gap = d // the run's second glyph fixes its spacing
			}
			if abs(d-gap) > 0.005 {
				flush()
			}
		}
		if cur == nil {
			cur = &run{face: g.Face, x: x, scale: scale}
			font = set.Faces[g.Face]
			gap = 0
		}
		b.WriteRune(g.R)
		cur.spacing = gap * mmToPt / scale
	}
	flush()
	return out
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// rgb parses "#RRGGBB"; empty is black.
func rgb(s string) (int, int, int) {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return 0, 0, 0
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return 0, 0, 0
	}
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}
