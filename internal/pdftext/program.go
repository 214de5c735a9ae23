package pdftext

import (
	"bytes"
	"strconv"

	"golang.org/x/image/font/sfnt"
)

// programText maps the CIDs of an Identity-encoded TrueType font that has no
// ToUnicode map to text through the font program's own cmap, as poppler
// does: CID → glyph by the CIDToGIDMap, glyph → character by inverting the
// cmap. Print drivers and older converters write such fonts. Without an
// embedded TrueType program with a cmap it is nil: the glyphs stay
// undecodable (Chromium's and LibreOffice's subsets carry no cmap).
func (in *interp) programText(desc value) map[int]string {
	file := desc.Key("FontDescriptor").Key("FontFile2")
	if file.Kind() != Stream {
		return nil
	}
	prog, err := sfnt.Parse(in.readStream(file))
	if err != nil {
		return nil
	}
	byGlyph := invertCmap(prog)
	if len(byGlyph) == 0 {
		return nil
	}
	out := make(map[int]string, len(byGlyph))
	gidMap := desc.Key("CIDToGIDMap")
	if gidMap.Kind() != Stream { // /Identity, or absent (the same)
		for gid, r := range byGlyph {
			out[int(gid)] = string(r)
		}
		return out
	}
	m := in.readStream(gidMap)
	for cid := 0; 2*cid+1 < len(m); cid++ {
		if r, ok := byGlyph[sfnt.GlyphIndex(m[2*cid])<<8|sfnt.GlyphIndex(m[2*cid+1])]; ok {
			out[cid] = string(r)
		}
	}
	return out
}

// invertCmap gives each glyph the character the cmap maps to it. CJK fonts
// draw a Kangxi radical (⼀ U+2F00) or a compatibility ideograph with the
// glyph of the unified ideograph (一 U+4E00), and private-use code points
// often alias ordinary glyphs: those ranges only name glyphs nothing else
// maps to.
func invertCmap(f *sfnt.Font) map[sfnt.GlyphIndex]rune {
	var buf sfnt.Buffer
	out := map[sfnt.GlyphIndex]rune{}
	secondary := func(r rune) bool {
		return r >= 0x2E80 && r <= 0x2FDF || r >= 0xE000 && r <= 0xF8FF || r >= 0xF900 && r <= 0xFAFF
	}
	for _, second := range []bool{false, true} {
		for r := rune(0x20); r <= 0xFFFF; r++ {
			if r >= 0xD800 && r <= 0xDFFF || secondary(r) != second {
				continue
			}
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				continue
			}
			if _, ok := out[g]; !ok {
				out[g] = r
			}
		}
	}
	return out
}

// builtinEncoding reads the encoding a Type 1 font program declares in its
// clear-text part ("dup 33 /uni4E2D put"), which a font dictionary without
// /Encoding defers to. LibreOffice's CJK subsets name their glyphs by CID
// ("cid9564"): those codes stay undecodable instead of being read as ASCII.
// ok is false when the program uses StandardEncoding or declares nothing.
func builtinEncoding(prog []byte) (enc [256]rune, ok bool) {
	if i := bytes.Index(prog, []byte("eexec")); i >= 0 {
		prog = prog[:i] // the rest is encrypted
	}
	if bytes.Contains(prog, []byte("/Encoding StandardEncoding")) {
		return enc, false
	}
	for _, l := range bytes.Split(prog, []byte("\n")) {
		f := bytes.Fields(l)
		for k := 0; k+3 < len(f); k++ {
			if string(f[k]) != "dup" || string(f[k+3]) != "put" || !bytes.HasPrefix(f[k+2], []byte("/")) {
				continue
			}
			code, err := strconv.Atoi(string(f[k+1]))
			if err != nil || code < 0 || code > 255 {
				continue
			}
			enc[code] = glyphRune(string(f[k+2][1:]))
			ok = true
		}
	}
	return enc, ok
}
