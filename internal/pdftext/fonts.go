package pdftext

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// font decodes a PDF font's codes into text and advances. It is loaded
// once per file and read only: each interpreter decodes with its own
// fontUse.
type font struct {
	composite bool           // Type0: codes are 1 or 2 bytes by the CMap
	cmapKind  string         // "identity", "gbk", "ucs2", "utf16" for composite fonts
	toUni     *cmap          // the ToUnicode map, when the font has one
	program   map[int]string // CID → text by the embedded program's cmap, when there is no ToUnicode
	simple    [256]rune
	widths    map[int]float64 // CID → width in glyph units (composite fonts)
	codeWidth [256]float64    // code → width in glyph units (simple fonts)
	dw        float64         // default width
	scale     float64         // glyph units → text space (0.001, or a Type 3 FontMatrix)
	name      string
}

// fontUse is a font as one interpreter decodes with it: the memos and the
// buffer that decoding fills are its own (a copy of the font itself, 3 KB,
// cost more than reading a Type 3 font's glyphs).
type fontUse struct {
	*font
	gbkSeen map[uint64]string // GBK codes decoded so far, by gbkKey
	gbkDec  *encoding.Decoder
	gbkBuf  [4 + 16]byte      // the code, then its UTF-8
	memo    map[string]string // ToUnicode codes looked up in the ranges so far
	buf     []glyph           // decode's result, reused
}

func (in *interp) loadFont(v value) *font {
	f := &font{dw: 1000, scale: 0.001, name: v.Key("BaseFont").Name()}
	sub := v.Key("Subtype").Name()
	if tu := v.Key("ToUnicode"); tu.Kind() == Stream {
		in.cmapBuf = in.appendStream(in.cmapBuf[:0], tu)
		f.toUni = parseCMap(in.d.g, in.cmapBuf)
	}
	if sub == "Type0" {
		f.composite = true
		enc := v.Key("Encoding")
		name := enc.Name()
		if enc.Kind() == Stream { // an embedded CMap: its name tells the encoding
			name = enc.Key("CMapName").Name()
		}
		switch {
		case strings.HasPrefix(name, "Identity"):
			f.cmapKind = "identity"
		case strings.Contains(name, "UCS2"):
			f.cmapKind = "ucs2"
		case strings.Contains(name, "UTF16"):
			f.cmapKind = "utf16"
		case strings.HasPrefix(name, "GB"): // GB-EUC-H, GBK-EUC-H, GBpc-EUC-H, GBK2K-H
			f.cmapKind = "gbk"
		default:
			f.cmapKind = "identity"
		}
		desc := v.Key("DescendantFonts").Index(0)
		if f.toUni == nil && f.cmapKind == "identity" {
			f.program = in.programText(desc)
		}
		if dw := desc.Key("DW"); dw.Kind() == Integer || dw.Kind() == Real {
			f.dw = dw.Float64()
		}
		w := desc.Key("W")
		f.widths = make(map[int]float64, w.Len())
		for i := 0; i < w.Len() && i < 1<<16; {
			first := int(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == Array {
				for j := 0; j < next.Len() && j < 1<<16; j++ {
					f.widths[first+j] = next.floatAt(j)
				}
				i += 2
				continue
			}
			last := int(next.Int64())
			wd := w.floatAt(i + 2)
			for c := first; c <= last && c-first < 1<<16; c++ {
				f.widths[c] = wd
			}
			i += 3
		}
		return f
	}
	// Simple fonts: one byte a code.
	f.dw = 0
	first := int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		if first+i >= 0 && first+i < 256 {
			f.codeWidth[first+i] = ws.floatAt(i)
		}
	}
	if sub == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() >= 1 && m.Index(0).Float64() != 0 {
			f.scale = m.Index(0).Float64()
		}
	}
	base := standardEncoding
	enc := v.Key("Encoding")
	encName := enc.Name()
	if enc.Kind() == Dict {
		encName = enc.Key("BaseEncoding").Name()
	}
	switch encName {
	case "WinAnsiEncoding":
		base = winAnsi()
	case "MacRomanEncoding":
		base = winAnsi() // close enough for the ASCII part notices use
	}
	if enc.Kind() == Null && sub == "Type1" {
		if prog := v.Key("FontDescriptor").Key("FontFile"); prog.Kind() == Stream {
			// The encoding is in the program's clear-text part, its
			// first /Length1 bytes, which end with eexec: the rest, the
			// encrypted glyphs, is most of the program. The whole is
			// read when /Length1 says otherwise.
			head := []byte(nil)
			if n := prog.Key("Length1").Int64(); n > 0 && n < 1<<20 {
				head = in.readStreamHead(prog, int(n))
			}
			if !bytes.Contains(head, []byte("eexec")) {
				head = in.readStream(prog)
			}
			if own, ok := builtinEncoding(head); ok {
				base = own
			}
		}
	}
	f.simple = base
	if enc.Kind() == Dict {
		diffs := enc.Key("Differences")
		code := 0
		for i := 0; i < diffs.Len() && i < 1024; i++ {
			switch diffs.kindAt(i) {
			case Integer:
				code = int(diffs.intAt(i))
			case Name:
				if code >= 0 && code < 256 {
					// A name we cannot place ("cid9564", "g25": Ghostscript's
					// and pdftops's re-encoded CJK subsets) leaves the code
					// undecodable: the base encoding's letter would be wrong.
					f.simple[code] = glyphRune(diffs.nameAt(i))
				}
				code++
			}
		}
	}
	return f
}

// glyph is one decoded code: its text (usually one rune, ligatures more)
// and its width in text space units per unit of font size.
type glyph struct {
	text  string
	width float64
	space bool // the single-byte code 32, to which word spacing applies
}

// decode splits a shown string into codes and decodes each.
// The result is valid until the next call (its buffer is reused).
func (f *fontUse) decode(raw string) []glyph {
	out := f.buf[:0]
	defer func() { f.buf = out[:0] }()
	if !f.composite {
		for i := 0; i < len(raw); i++ {
			c := int(raw[i])
			text := ""
			if f.toUni != nil {
				text = f.toUni.lookup(raw[i:i+1], &f.memo)
			}
			if text == "" && f.simple[c] != 0 {
				text = string(f.simple[c])
			}
			out = append(out, glyph{text: text, width: f.codeWidth[c] * f.scale, space: c == 32})
		}
		return out
	}
	for i := 0; i < len(raw); {
		n := 2
		switch f.cmapKind {
		case "gbk":
			if raw[i] < 0x80 {
				n = 1
			}
		case "identity", "ucs2", "utf16":
			n = 2
		}
		if f.toUni != nil && f.cmapKind != "identity" {
			if l := f.toUni.codeLen(raw[i:]); l > 0 {
				n = l
			}
		}
		if i+n > len(raw) {
			n = len(raw) - i
		}
		code := raw[i : i+n]
		i += n
		text := ""
		if f.toUni != nil {
			text = f.toUni.lookup(code, &f.memo)
		}
		cid := 0
		for _, b := range []byte(code) {
			cid = cid<<8 | int(b)
		}
		if text == "" && f.program != nil {
			text = f.program[cid]
		}
		width := f.dw
		if text == "" {
			switch f.cmapKind {
			case "gbk":
				text = f.gbk(code)
			case "ucs2", "utf16":
				var u []uint16
				for k := 0; k+1 < len(code); k += 2 {
					u = append(u, uint16(code[k])<<8|uint16(code[k+1]))
				}
				text = string(utf16.Decode(u))
			}
		}
		switch f.cmapKind {
		case "identity":
			if w, ok := f.widths[cid]; ok {
				width = w
			}
		default:
			// Without the CMap's CID table only the one-byte codes of the
			// GB CMaps have known CIDs (space 7716, 0x21–0x7E from 814):
			// their width is in /W, else half; two-byte codes take /DW.
			if n == 1 {
				width = 500
				cid := 7716
				if code[0] >= 0x21 && code[0] <= 0x7e {
					cid = 814 + int(code[0]) - 0x21
				}
				if w, ok := f.widths[cid]; ok {
					width = w
				}
			}
		}
		out = append(out, glyph{text: text, width: width * f.scale, space: false})
	}
	return out
}

// gbk decodes one GBK code, remembering it: a page repeats its characters.
func (f *fontUse) gbk(code string) string {
	if len(code) > 4 { // not a GBK or GB 18030 code: cannot be decoded
		return ""
	}
	key := uint64(len(code))
	for i := 0; i < len(code); i++ {
		key = key<<8 | uint64(code[i])
	}
	if t, ok := f.gbkSeen[key]; ok {
		return t
	}
	if f.gbkSeen == nil {
		f.gbkSeen = map[uint64]string{}
		f.gbkDec = simplifiedchinese.GB18030.NewDecoder()
	}
	// What Decoder.String does, into a buffer of our own (a new decoder
	// and buffer per code were most of the cost): at most 4 replacement
	// characters, 12 bytes, for 4 bytes of code (TestGBKAsDecoderString).
	src := f.gbkBuf[:copy(f.gbkBuf[:4], code)]
	f.gbkDec.Reset()
	t := ""
	if n, _, err := f.gbkDec.Transform(f.gbkBuf[4:], src, true); err == nil {
		t = string(f.gbkBuf[4 : 4+n])
	}
	f.gbkSeen[key] = t
	return t
}

// cmap is a ToUnicode map. Its ranges are sorted by code length and
// start, and looked up by binary search: a CMap may hold tens of thousands.
type cmap struct {
	space  [4][][2]string // code space ranges by byte length
	chars  map[string]string
	ranges []cmapRange
	reach  []string // reach[i]: the highest hi among ranges[:i+1] of the same length
}

type cmapRange struct {
	lo, hi string
	dst    string   // first destination (UTF-16BE), incremented
	arr    []string // or one destination per code
}

// parseCMap reads a ToUnicode CMap stream.
func parseCMap(g *guard, data []byte) *cmap {
	m := &cmap{chars: map[string]string{}}
	entries := 0
	count := func(n int) {
		entries += n
		if entries > maxCMapEntries {
			limit("字体的 ToUnicode 映射表超过 %d 项", maxCMapEntries)
		}
	}
	ops(g, data, func(op string, args []operand) {
		switch op {
		case "endcodespacerange":
			for i := 0; i+1 < len(args); i += 2 {
				lo, hi := args[i].s, args[i+1].s
				if len(lo) >= 1 && len(lo) <= 4 && len(lo) == len(hi) {
					count(1)
					m.space[len(lo)-1] = append(m.space[len(lo)-1], [2]string{lo, hi})
				}
			}
		case "endbfchar":
			count(len(args) / 2)
			for i := 0; i+1 < len(args); i += 2 {
				if t := utf16be(args[i+1].s); !isControl(t) {
					m.chars[args[i].s] = t
				}
			}
		case "endbfrange":
			count(len(args) / 3)
			for i := 0; i+2 < len(args); i += 3 {
				r := cmapRange{lo: args[i].s, hi: args[i+1].s}
				if args[i+2].kind == tokArrOpen {
					for _, d := range args[i+2].arr {
						r.arr = append(r.arr, utf16be(d.s))
					}
				} else {
					r.dst = args[i+2].s
				}
				if len(r.lo) == len(r.hi) && len(r.lo) > 0 && r.lo <= r.hi && !r.ontoControls() {
					m.ranges = append(m.ranges, r)
				}
			}
		}
	})
	sort.SliceStable(m.ranges, func(i, j int) bool {
		a, b := m.ranges[i], m.ranges[j]
		if len(a.lo) != len(b.lo) {
			return len(a.lo) < len(b.lo)
		}
		return a.lo < b.lo
	})
	m.reach = make([]string, len(m.ranges))
	for i, r := range m.ranges {
		m.reach[i] = r.hi
		if i > 0 && len(m.ranges[i-1].lo) == len(r.lo) && m.reach[i-1] > r.hi {
			m.reach[i] = m.reach[i-1]
		}
	}
	return m
}

// codeLen is the length of the code at the start of s by the code space.
func (m *cmap) codeLen(s string) int {
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, r := range m.space[n-1] {
			if s[:n] >= r[0] && s[:n] <= r[1] {
				return n
			}
		}
	}
	return 0
}

// lookup maps a code, remembering in *memo what the ranges gave (at most
// one entry per code they hold).
func (m *cmap) lookup(code string, memo *map[string]string) string {
	if t, ok := m.chars[code]; ok {
		return t
	}
	if t, ok := (*memo)[code]; ok {
		return t
	}
	t := m.inRanges(code)
	if *memo == nil {
		*memo = map[string]string{}
	}
	(*memo)[code] = t
	return t
}

// inRanges maps code through the bfranges.
func (m *cmap) inRanges(code string) string {
	// The last range of this length starting at or before code, then back
	// while an earlier one may still reach it (overlapping ranges).
	i := sort.Search(len(m.ranges), func(i int) bool {
		r := m.ranges[i]
		if len(r.lo) != len(code) {
			return len(r.lo) > len(code)
		}
		return r.lo > code
	}) - 1
	for ; i >= 0 && len(m.ranges[i].lo) == len(code) && m.reach[i] >= code; i-- {
		r := m.ranges[i]
		if code > r.hi {
			continue
		}
		off := 0
		for k := 0; k < len(code); k++ {
			off = off<<8 | (int(code[k]) - int(r.lo[k]))
		}
		if r.arr != nil {
			if off < len(r.arr) {
				return r.arr[off]
			}
			return ""
		}
		// Increment the last byte of the destination.
		d := []byte(r.dst)
		if len(d) == 0 {
			return ""
		}
		v := int(d[len(d)-1]) + off
		d[len(d)-1] = byte(v)
		if v > 255 && len(d) >= 2 {
			d[len(d)-2] += byte(v >> 8)
		}
		if t := utf16be(string(d)); !isControl(t) {
			return t
		}
		return ""
	}
	return ""
}

// isControl says whether t is a C0 or C1 control character (or nothing
// but them), which no notice's text draws.
func isControl(t string) bool {
	for _, r := range t {
		if r >= 0x20 && (r < 0x7f || r > 0x9f) {
			return false
		}
	}
	return t != ""
}

// ontoControls says whether the range is a placeholder: it maps codes
// onto control characters and stays within U+0000–U+00FF (MuPDF's
// <0000> <00FF> <0000>). An identity map over the whole BMP (a font
// whose codes are Unicode, as fpdf writes) is real; the control
// characters it reaches are dropped code by code in inRanges.
func (r cmapRange) ontoControls() bool {
	if r.arr != nil {
		for _, t := range r.arr {
			if isControl(t) {
				return true
			}
		}
		return false
	}
	if len(r.dst) != 2 {
		return isControl(utf16be(r.dst))
	}
	first := int(r.dst[0])<<8 | int(r.dst[1])
	span := 0
	for k := 0; k < len(r.lo); k++ {
		span = span<<8 | (int(r.hi[k]) - int(r.lo[k]))
	}
	last := first + span
	return last <= 0xff && (first < 0x20 || (first <= 0x9f && last >= 0x7f))
}

func utf16be(s string) string {
	var u []uint16
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	if len(s)%2 == 1 { // a one-byte destination: take it as a code point
		return string(rune(s[len(s)-1]))
	}
	return string(utf16.Decode(u))
}
