package render

import (
	"bytes"
	"errors"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"sync"
	"unicode/utf16"

	"github.com/klauspost/compress/zlib"
)

// embeddedFont is one face as the PDF embeds it: a Type 0 font with
// Identity-H encoding, whose character codes are the characters' Unicode
// values (as fpdf's own UTF-8 fonts have them), over a CIDFontType2 that
// maps each code to its glyph in the subset font program. Everything is
// made and compressed as soon as the face's characters are known, while
// the text is typeset and drawn; finishPDF only numbers and places the
// objects.
type embeddedFont struct {
	resource string // the name pages select it by: F1, F2, …
	baseFont string // subset tag and family: ABCDEF+zhuque-fangsong
	widths   []byte // the /W array, in thousandths of an em
	dw       int    // the .notdef glyph's width
	metrics  fontMetrics
	program  []byte // the subset font file, deflated
	length1  int    // the subset font file's length
	cidToGID []byte // the CIDToGIDMap, deflated
}

// fontMetrics are the font descriptor's figures, in thousandths of an em.
type fontMetrics struct {
	ascent, descent, capHeight int
	flags                      int
	bbox                       [4]int
	italicAngle, stemV         int
}

// embedFont makes a face's embedded font from its font (family names it)
// cut to the document's characters; pages select it as resource.
func embedFont(resource, family string, sub subsetFont) (*embeddedFont, error) {
	cut, gids, advances := sub.data, sub.gids, sub.advances
	m, upem, err := readMetrics(cut)
	if err != nil {
		return nil, err
	}
	if len(advances) == 0 {
		return nil, errors.New("字体没有字形")
	}
	scale := 1000 / float64(upem)
	width := func(g uint16) int { return int(math.Round(scale * float64(advances[g]))) }
	runes := make([]rune, 0, len(gids))
	for r, g := range gids {
		if r > 0 && r < 0xFFFF && int(g) < len(advances) {
			runes = append(runes, r)
		}
	}
	slices.Sort(runes)
	// /W: one array of widths per run of consecutive codes.
	w := []byte{'['}
	cidToGID := make([]byte, 2*0x10000)
	h := fnv.New64a()
	h.Write([]byte(family))
	for i, r := range runes {
		g := gids[r]
		cidToGID[2*r], cidToGID[2*r+1] = byte(g>>8), byte(g)
		if i == 0 || runes[i-1] != r-1 {
			if i > 0 {
				w = append(w, "] "...)
			}
			w = strconv.AppendInt(w, int64(r), 10)
			w = append(w, " ["...)
		} else {
			w = append(w, ' ')
		}
		w = strconv.AppendInt(w, int64(width(g)), 10)
		h.Write([]byte(string(r)))
	}
	if len(runes) > 0 {
		w = append(w, ']')
	}
	w = append(w, ']')
	// The subset tag (ISO 32000 9.6.4): six capitals, the same for the
	// same characters.
	sum := h.Sum64()
	tag := make([]byte, 0, 7+len(family))
	for range 6 {
		tag = append(tag, byte('A'+sum%26))
		sum /= 26
	}
	tag = append(append(tag, '+'), family...)
	return &embeddedFont{
		resource: resource,
		baseFont: string(tag),
		widths:   w,
		dw:       width(0),
		metrics:  m,
		program:  huffmanZlib.deflate(cut, len(cut)*4/5),
		length1:  len(cut),
		cidToGID: fastZlib.deflate(cidToGID, 8<<10), // mostly zeros
	}, nil
}

// readMetrics reads a font's descriptor figures from its head, hhea, OS/2
// and post tables, as fpdf computes them for the fonts it embeds, and its
// units per em.
func readMetrics(font []byte) (fontMetrics, int, error) {
	var m fontMetrics
	tables, err := tableDirectory(font)
	if err != nil {
		return m, 0, err
	}
	head, hhea, os2, post := tables["head"], tables["hhea"], tables["OS/2"], tables["post"]
	if len(head) < 54 || len(hhea) < 36 || len(post) < 16 {
		return m, 0, errors.New("字体缺少 head/hhea/post 表")
	}
	upem := int(be.Uint16(head[18:]))
	if upem == 0 {
		return m, 0, errors.New("字体的 head 表中每 em 单位数为 0")
	}
	scale := 1000 / float64(upem)
	at := func(t []byte, off int) int { return int(int16(be.Uint16(t[off:]))) }
	scaled := func(v int) int { return int(float64(v) * scale) }
	m.bbox = [4]int{scaled(at(head, 36)), scaled(at(head, 38)), scaled(at(head, 40)), scaled(at(head, 42))}
	m.ascent, m.descent = scaled(at(hhea, 4)), scaled(at(hhea, 6))
	weight := 500
	if len(os2) >= 72 {
		weight = int(be.Uint16(os2[4:]))
		if m.ascent == 0 {
			m.ascent = scaled(at(os2, 68))
		}
		if m.descent == 0 {
			m.descent = scaled(at(os2, 70))
		}
		m.capHeight = m.ascent
		if be.Uint16(os2) > 1 && len(os2) >= 90 {
			m.capHeight = scaled(at(os2, 88))
		}
	} else {
		if m.ascent == 0 {
			m.ascent = m.bbox[3]
		}
		if m.descent == 0 {
			m.descent = m.bbox[1]
		}
		m.capHeight = m.ascent
	}
	m.stemV = 50 + int(math.Pow(float64(weight)/65, 2))
	m.italicAngle = at(post, 4)
	m.flags = 4 // symbolic: the glyphs are reached through CIDToGIDMap
	if m.italicAngle != 0 {
		m.flags |= 64 // italic
	}
	if weight >= 600 {
		m.flags |= 262144 // force bold
	}
	if be.Uint32(post[12:]) != 0 {
		m.flags |= 1 // fixed pitch
	}
	return m, upem, nil
}

// identityToUnicode maps each character code to the same Unicode value;
// one object that all fonts share.
const identityToUnicode = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
	"/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n" +
	"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
	"1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"

// appendObjects appends the font's five objects, numbered from first:
// the Type 0 font (the one pages name), its CIDFont, font descriptor,
// CIDToGIDMap and font file; toUnicode is the shared ToUnicode CMap.
func (e *embeddedFont) appendObjects(out []byte, first, toUnicode int, offsets map[int]int) []byte {
	obj := func(n int) {
		offsets[n] = len(out)
		out = strconv.AppendInt(out, int64(n), 10)
		out = append(out, " 0 obj\n"...)
	}
	ref := func(n int) { out = append(strconv.AppendInt(out, int64(n), 10), " 0 R"...) }
	num := func(v int) { out = strconv.AppendInt(out, int64(v), 10) }
	obj(first)
	out = append(out, "<</Type /Font /Subtype /Type0 /BaseFont /"...)
	out = append(out, e.baseFont...)
	out = append(out, " /Encoding /Identity-H /DescendantFonts ["...)
	ref(first + 1)
	out = append(out, "] /ToUnicode "...)
	ref(toUnicode)
	out = append(out, ">>\nendobj\n"...)

	obj(first + 1)
	out = append(out, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /"...)
	out = append(out, e.baseFont...)
	out = append(out, " /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor "...)
	ref(first + 2)
	out = append(out, " /DW "...)
	num(e.dw)
	out = append(out, " /W "...)
	out = append(out, e.widths...)
	out = append(out, " /CIDToGIDMap "...)
	ref(first + 3)
	out = append(out, ">>\nendobj\n"...)

	m := e.metrics
	obj(first + 2)
	out = append(out, "<</Type /FontDescriptor /FontName /"...)
	out = append(out, e.baseFont...)
	for _, kv := range []struct {
		key string
		v   int
	}{{" /Flags ", m.flags}, {" /Ascent ", m.ascent}, {" /Descent ", m.descent}, {" /CapHeight ", m.capHeight},
		{" /ItalicAngle ", m.italicAngle}, {" /StemV ", m.stemV}, {" /MissingWidth ", e.dw}} {
		out = append(out, kv.key...)
		num(kv.v)
	}
	out = append(out, " /FontBBox ["...)
	for i, v := range m.bbox {
		if i > 0 {
			out = append(out, ' ')
		}
		num(v)
	}
	out = append(out, "] /FontFile2 "...)
	ref(first + 4)
	out = append(out, ">>\nendobj\n"...)

	obj(first + 3)
	out = appendStream(out, e.cidToGID, "")
	obj(first + 4)
	out = appendStream(out, e.program, " /Length1 "+strconv.Itoa(e.length1))
	return out
}

// appendStream appends a deflated stream's dictionary and data, and ends
// the object.
func appendStream(out, data []byte, extra string) []byte {
	out = append(out, "<</Filter /FlateDecode /Length "...)
	out = strconv.AppendInt(out, int64(len(data)), 10)
	out = append(out, extra...)
	out = append(out, ">>\nstream\n"...)
	out = append(out, data...)
	return append(out, "\nendstream\nendobj\n"...)
}

// identityH is text as an Identity-H font with Unicode codes shows it: each
// character as two bytes, big-endian. (A character beyond the BMP, which
// Font.Has never offers the typesetter, would be its two UTF-16 halves.)
func identityH(s string) string {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		if r > 0xFFFF {
			hi, lo := utf16.EncodeRune(r)
			b = append(b, byte(hi>>8), byte(hi), byte(lo>>8), byte(lo))
			continue
		}
		b = append(b, byte(r>>8), byte(r))
	}
	return string(b)
}

// Reused zlib writers (klauspost/compress: for streams of a few KB, the
// standard library spends most of its time building Huffman tables; here
// the 28 pages of the corpus notice take 0.7 ms instead of 2.1), per level:
//   - best speed for page contents and CIDToGIDMaps: text operators and
//     runs of zeros, which matching shrinks several times;
//   - Huffman coding only for font files: glyph outlines hold few repeats,
//     so matching gains little (the corpus body face's 527 KB subset: 372
//     KB at best speed in 2.6 ms, 397 KB by Huffman coding alone in 0.7 ms).
var (
	fastZlib    = &zlibPool{level: zlib.BestSpeed}
	huffmanZlib = &zlibPool{level: zlib.HuffmanOnly}
)

type zlibPool struct {
	level int
	pool  sync.Pool
}

// deflate compresses data as a /FlateDecode stream, expected to come to
// about expect bytes.
func (p *zlibPool) deflate(data []byte, expect int) []byte {
	var buf bytes.Buffer
	buf.Grow(expect + 64)
	zw, _ := p.pool.Get().(*zlib.Writer)
	if zw == nil {
		zw, _ = zlib.NewWriterLevel(&buf, p.level)
	} else {
		zw.Reset(&buf)
	}
	zw.Write(data) // writes to a bytes.Buffer do not fail
	zw.Close()
	p.pool.Put(zw)
	return buf.Bytes()
}
