package render

import (
	"encoding/binary"
	"errors"
	"sort"
)

// subsetTrueType cuts a TrueType font down to the glyphs of the given
// characters (with the glyphs their composites are built from): the font
// file the PDF embeds. It keeps what a PDF viewer reads from an embedded
// TrueType font (head, hhea, maxp, hmtx, loca, glyf, cmap, OS/2, name,
// post, the hinting tables), with new glyph numbers, one long metric per
// glyph and a format 4 cmap of the kept characters. Layout tables (GSUB,
// GPOS, vmtx) are left out: the typesetter reads the whole font, the PDF
// only places glyphs. Characters beyond the BMP are left out, as the PDF's
// character codes are two bytes.
func subsetTrueType(data []byte, gids map[rune]uint16) (subsetFont, error) {
	var sub subsetFont
	tables, err := tableDirectory(data)
	if err != nil {
		return sub, err
	}
	head, hhea, maxp, hmtx, loca, glyf := tables["head"], tables["hhea"], tables["maxp"], tables["hmtx"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || loca == nil || glyf == nil {
		return sub, errors.New("字体缺少 head/hhea/maxp/loca/glyf 表")
	}
	numGlyphs := int(be.Uint16(maxp[4:]))
	numHMetrics := int(be.Uint16(hhea[34:]))
	longLoca := be.Uint16(head[50:]) == 1
	if numHMetrics == 0 || len(hmtx) < 4*numHMetrics+2*(numGlyphs-numHMetrics) ||
		(longLoca && len(loca) < 4*(numGlyphs+1)) || (!longLoca && len(loca) < 2*(numGlyphs+1)) {
		return sub, errors.New("字体的 hmtx 或 loca 表不完整")
	}
	glyph := func(g int) []byte { // glyph g's outline; nil if empty or out of range
		var a, b int
		if longLoca {
			a, b = int(be.Uint32(loca[4*g:])), int(be.Uint32(loca[4*g+4:]))
		} else {
			a, b = 2*int(be.Uint16(loca[2*g:])), 2*int(be.Uint16(loca[2*g+2:]))
		}
		if a >= b || b > len(glyf) {
			return nil
		}
		return glyf[a:b]
	}

	// The kept glyphs: .notdef, the characters' and their components.
	keep := map[int]bool{}
	var visit func(g, depth int)
	visit = func(g, depth int) {
		if g >= numGlyphs || depth > 8 || keep[g] {
			return
		}
		keep[g] = true
		eachComponent(glyph(g), func(off int) { visit(int(be.Uint16(glyph(g)[off:])), depth+1) })
	}
	visit(0, 0)
	for _, g := range gids {
		visit(int(g), 0)
	}
	old := make([]int, 0, len(keep)) // new glyph number -> old
	for g := range keep {
		old = append(old, g)
	}
	sort.Ints(old)
	renumber := make(map[int]uint16, len(old))
	for n, g := range old {
		renumber[g] = uint16(n)
	}

	size := 0
	for _, g := range old {
		size += (len(glyph(g)) + 3) &^ 3
	}
	newGlyf := make([]byte, 0, size)
	newLoca := make([]byte, 0, 4*(len(old)+1))
	newHmtx := make([]byte, 0, 4*len(old))
	sub.advances = make([]uint16, 0, len(old))
	for _, g := range old {
		newLoca = be.AppendUint32(newLoca, uint32(len(newGlyf)))
		start := len(newGlyf)
		newGlyf = append(newGlyf, glyph(g)...)
		eachComponent(newGlyf[start:], func(off int) {
			p := newGlyf[start+off:]
			be.PutUint16(p, renumber[int(be.Uint16(p))])
		})
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
		adv, lsb := hmtx[4*(numHMetrics-1):4*numHMetrics-2], []byte(nil)
		if g < numHMetrics {
			adv, lsb = hmtx[4*g:4*g+2], hmtx[4*g+2:4*g+4]
		} else {
			i := 4*numHMetrics + 2*(g-numHMetrics)
			lsb = hmtx[i : i+2]
		}
		newHmtx = append(append(newHmtx, adv...), lsb...)
		sub.advances = append(sub.advances, be.Uint16(adv))
	}
	newLoca = be.AppendUint32(newLoca, uint32(len(newGlyf)))

	cmap := cmapFormat4(gids, renumber)
	if cmap == nil {
		return sub, errors.New("用到的字符太多，cmap 放不下")
	}
	newHead := append([]byte(nil), head...)
	be.PutUint32(newHead[8:], 0) // checksumAdjustment: assemble sets it
	be.PutUint16(newHead[50:], 1)
	newHhea := append([]byte(nil), hhea...)
	be.PutUint16(newHhea[34:], uint16(len(old)))
	newMaxp := append([]byte(nil), maxp...)
	be.PutUint16(newMaxp[4:], uint16(len(old)))
	out := map[string][]byte{"head": newHead, "hhea": newHhea, "maxp": newMaxp, "hmtx": newHmtx,
		"loca": newLoca, "glyf": newGlyf, "cmap": cmap}
	if post := tables["post"]; len(post) >= 32 {
		p := append([]byte(nil), post[:32]...)
		be.PutUint32(p, 0x00030000) // no glyph names
		out["post"] = p
	}
	for _, tag := range []string{"name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if t := tables[tag]; t != nil {
			out[tag] = t
		}
	}
	sub.data = assemble(out)
	sub.gids = make(map[rune]uint16, len(gids))
	for r, g := range gids {
		if r > 0 && r < 0xFFFF {
			sub.gids[r] = renumber[int(g)]
		}
	}
	return sub, nil
}

// subsetFont is a font cut by subsetTrueType.
type subsetFont struct {
	data     []byte          // the font file
	gids     map[rune]uint16 // each character's glyph in it
	advances []uint16        // each glyph's advance, in font units
}

var be = binary.BigEndian

// tableDirectory maps each table's tag to its bytes.
func tableDirectory(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("字体文件过短")
	}
	n := int(be.Uint16(data[4:]))
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errors.New("字体的表目录不完整")
		}
		off, size := int(be.Uint32(data[rec+8:])), int(be.Uint32(data[rec+12:]))
		if off < 0 || size < 0 || off+size > len(data) || off+size < off {
			return nil, errors.New("字体的表超出文件")
		}
		tables[string(data[rec:rec+4])] = data[off : off+size]
	}
	return tables, nil
}

// eachComponent calls f with the offset of each component's glyph index in
// a composite glyph (none for a simple or empty glyph).
func eachComponent(g []byte, f func(off int)) {
	if len(g) < 10 || int16(be.Uint16(g)) >= 0 {
		return
	}
	for p := 10; p+4 <= len(g); {
		flags := be.Uint16(g[p:])
		f(p + 2)
		p += 4
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if flags&0x0020 == 0 { // no MORE_COMPONENTS
			return
		}
	}
}

// cmapFormat4 is a cmap table with one Windows Unicode BMP subtable of the
// characters' new glyph numbers, consecutive characters with consecutive
// glyphs sharing a segment; nil if it does not fit in format 4.
func cmapFormat4(gids map[rune]uint16, renumber map[int]uint16) []byte {
	runes := make([]rune, 0, len(gids))
	for r := range gids {
		if r > 0 && r < 0xFFFF {
			runes = append(runes, r)
		}
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	type segment struct{ start, end, delta uint16 }
	var segs []segment
	for _, r := range runes {
		g := renumber[int(gids[r])]
		delta := g - uint16(r)
		if n := len(segs); n > 0 && segs[n-1].end == uint16(r)-1 && segs[n-1].delta == delta {
			segs[n-1].end = uint16(r)
			continue
		}
		segs = append(segs, segment{uint16(r), uint16(r), delta})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	length := 16 + 8*len(segs)
	if length > 0xFFFF {
		return nil
	}
	searchRange, entrySelector := 2, 0
	for searchRange*2 <= 2*len(segs) {
		searchRange *= 2
		entrySelector++
	}
	t := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12} // version 0, one subtable: (3, 1) at 12
	t = be.AppendUint16(t, 4)
	t = be.AppendUint16(t, uint16(length))
	t = be.AppendUint16(t, 0)
	t = be.AppendUint16(t, uint16(2*len(segs)))
	t = be.AppendUint16(t, uint16(searchRange))
	t = be.AppendUint16(t, uint16(entrySelector))
	t = be.AppendUint16(t, uint16(2*len(segs)-searchRange))
	for _, s := range segs {
		t = be.AppendUint16(t, s.end)
	}
	t = be.AppendUint16(t, 0)
	for _, s := range segs {
		t = be.AppendUint16(t, s.start)
	}
	for _, s := range segs {
		t = be.AppendUint16(t, s.delta)
	}
	for range segs {
		t = be.AppendUint16(t, 0)
	}
	return t
}

// assemble writes an sfnt file of the tables, in tag order, each padded to
// four bytes with its checksum, and sets head's checksumAdjustment (the
// head table passed in must have it 0).
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	pow, log := 1, 0
	for pow*2 <= n {
		pow *= 2
		log++
	}
	size := 12 + 16*n
	for _, t := range tables {
		size += (len(t) + 3) &^ 3
	}
	out := be.AppendUint32(make([]byte, 0, size), 0x00010000)
	out = be.AppendUint16(out, uint16(n))
	out = be.AppendUint16(out, uint16(16*pow))
	out = be.AppendUint16(out, uint16(log))
	out = be.AppendUint16(out, uint16(16*(n-pow)))
	off := 12 + 16*n
	for _, tag := range tags {
		t := tables[tag]
		out = append(out, tag...)
		out = be.AppendUint32(out, checksum(t))
		out = be.AppendUint32(out, uint32(off))
		out = be.AppendUint32(out, uint32(len(t)))
		off += (len(t) + 3) &^ 3
	}
	head := -1
	for _, tag := range tags {
		if tag == "head" {
			head = len(out)
		}
		out = append(out, tables[tag]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if head >= 0 && len(tables["head"]) >= 12 { // checksumAdjustment, with it 0 in the sum
		be.PutUint32(out[head+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(t []byte) uint32 {
	var sum uint32
	for len(t) >= 4 {
		sum += be.Uint32(t)
		t = t[4:]
	}
	var w [4]byte // the last word, padded with zeros
	copy(w[:], t)
	return sum + be.Uint32(w[:])
}
