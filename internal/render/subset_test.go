package render

import (
	"testing"

	"github.com/rectify/rectify/fonts"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// glyphIDs maps each character of text to its glyph in f, as the PDF
// writer does.
func glyphIDs(t *testing.T, f *Font, text string) map[rune]uint16 {
	t.Helper()
	gids := map[rune]uint16{}
	for _, r := range text {
		m := f.metrics(r, false)
		if m.adv < 0 {
			t.Fatalf("%s has no glyph for %q", f.Name, r)
		}
		gids[r] = m.gid
	}
	return gids
}

// compositeRunes are characters of f whose glyphs are built from other
// glyphs (TrueType composites), among Latin letters with diacritics.
func compositeRunes(t *testing.T, f *Font) []rune {
	t.Helper()
	tables, err := tableDirectory(f.Data)
	if err != nil {
		t.Fatal(err)
	}
	loca, glyf := tables["loca"], tables["glyf"]
	long := be.Uint16(tables["head"][50:]) == 1
	var out []rune
	for r := rune(0xC0); r < 0x250 && len(out) < 20; r++ {
		gid := f.metrics(r, false).gid
		if gid == 0 {
			continue
		}
		var a int
		if long {
			a = int(be.Uint32(loca[4*int(gid):]))
		} else {
			a = 2 * int(be.Uint16(loca[2*int(gid):]))
		}
		if a+2 <= len(glyf) && int16(be.Uint16(glyf[a:])) < 0 {
			out = append(out, r)
		}
	}
	return out
}

// TestSubsetKeepsGlyphs cuts bundled fonts down to a few characters and
// checks, character by character, that the cut font maps each to a glyph
// with the original's advance and outline, composites included (their
// component references are renumbered), and has nothing else.
func TestSubsetKeepsGlyphs(t *testing.T) {
	fang, err := newFont("fang", "f", fonts.ZhuqueFangsong)
	if err != nil {
		t.Fatal(err)
	}
	composites := compositeRunes(t, fang)
	if len(composites) < 10 {
		t.Fatalf("朱雀仿宋 has %d composite glyphs among Latin letters: the test needs another font", len(composites))
	}
	cases := []struct {
		name string
		data []byte
		text string
	}{
		{"仿宋", fonts.ZhuqueFangsong, "巡察整改进展情况的通报，。、；：“”‘’（）《》—…2024年5月13日ABCxyz@.:;i" + string(composites)},
		{"页码", fonts.NotoSerifFolio, "—0123456789"},
		{"后备", fonts.NotoSansRegular, "鿏㐀通报"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			orig, err := newFont(c.name, "x", c.data)
			if err != nil {
				t.Fatal(err)
			}
			gids := glyphIDs(t, orig, c.text)
			cut, err := subsetTrueType(orig.Data, gids)
			if err != nil {
				t.Fatal(err)
			}
			if len(cut.data) >= len(orig.Data)/2 && len(orig.Data) > 100000 {
				t.Errorf("cut font is %d bytes of the original's %d", len(cut.data), len(orig.Data))
			}
			if sum := checksum(cut.data); sum != 0xB1B0AFBA {
				t.Errorf("the cut font's checksum is %#x, want 0xB1B0AFBA (head.checksumAdjustment)", sum)
			}
			sub, err := newFont(c.name+" (cut)", "y", cut.data)
			if err != nil {
				t.Fatal(err)
			}
			var ob, sb sfnt.Buffer
			for r := range gids {
				og, _ := orig.sfnt.GlyphIndex(&ob, r)
				sg, err := sub.sfnt.GlyphIndex(&sb, r)
				if err != nil || sg == 0 {
					t.Errorf("%q: not in the cut font's cmap (%v)", r, err)
					continue
				}
				// What the PDF's CIDToGIDMap and widths are made from.
				if g := cut.gids[r]; g != uint16(sg) {
					t.Errorf("%q: subsetTrueType says glyph %d, the cut font's cmap %d", r, g, sg)
				}
				upem := fixed.I(int(orig.upem))
				if a, _ := sub.sfnt.GlyphAdvance(&sb, sg, upem, font.HintingNone); int(sg) >= len(cut.advances) || a != fixed.I(int(cut.advances[sg])) {
					t.Errorf("%q: subsetTrueType's advance differs from the cut font's %v", r, a)
				}
				ppem := fixed.I(1000)
				oa, _ := orig.sfnt.GlyphAdvance(&ob, og, ppem, font.HintingNone)
				sa, err := sub.sfnt.GlyphAdvance(&sb, sg, ppem, font.HintingNone)
				if err != nil || oa != sa {
					t.Errorf("%q: advance %v, cut %v (%v)", r, oa, sa, err)
				}
				os, err1 := orig.sfnt.LoadGlyph(&ob, og, ppem, nil)
				ss, err2 := sub.sfnt.LoadGlyph(&sb, sg, ppem, nil)
				if err1 != nil || err2 != nil {
					t.Fatalf("%q: outlines: %v, %v", r, err1, err2)
				}
				if len(os) == 0 && r != ' ' {
					t.Errorf("%q: the original glyph has no outline", r)
				}
				if len(os) != len(ss) {
					t.Errorf("%q: %d outline segments, cut %d", r, len(os), len(ss))
					continue
				}
				for i := range os {
					if os[i] != ss[i] {
						t.Errorf("%q: outline segment %d is %v, cut %v", r, i, os[i], ss[i])
						break
					}
				}
			}
			for _, r := range "辶䶵ÿ" {
				if _, ok := gids[r]; ok {
					continue
				}
				if g, _ := sub.sfnt.GlyphIndex(&sb, r); g != 0 {
					t.Errorf("%q was not asked for but is in the cut font", r)
				}
			}
		})
	}
}

// TestSubsetRejectsBrokenFonts: truncated or inconsistent font files give
// an error, not a panic or a font fpdf would misread.
func TestSubsetRejectsBrokenFonts(t *testing.T) {
	gids := map[rune]uint16{'0': 5}
	for _, n := range []int{0, 11, 12 + 16, 1000, len(fonts.NotoSerifFolio) / 2} {
		if _, err := subsetTrueType(fonts.NotoSerifFolio[:n], gids); err == nil {
			t.Errorf("the first %d bytes of a font: no error", n)
		}
	}
}

// FuzzSubset feeds mangled fonts to the subsetter and what it cuts to
// embedFont (which reads the descriptor's figures from the cut): no input
// may panic. The seed is a small real font: the page-number font cut to
// "0" and "—".
func FuzzSubset(f *testing.F) {
	folio, err := newFont("页码", "x", fonts.NotoSerifFolio)
	if err != nil {
		f.Fatal(err)
	}
	seed, err := subsetTrueType(folio.Data, map[rune]uint16{'0': folio.metrics('0', false).gid, '—': folio.metrics('—', false).gid})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed.data, "0—1")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		gids := map[rune]uint16{}
		for i, r := range text {
			gids[r] = uint16(i * 7)
		}
		if sub, err := subsetTrueType(data, gids); err == nil {
			embedFont("F1", "x", sub)
		}
	})
}
