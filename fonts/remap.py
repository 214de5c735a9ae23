"""Make a font's Chinese-typesetting forms its default glyphs.

fpdf embeds TrueType glyphs by cmap and applies no OpenType features, so a
feature such as fwid (full-width quotes) or hwid (half-width digits) only
reaches the PDF if the cmap points at its glyphs. For each "feature:chars"
argument this rewrites every cmap subtable so that the characters map to the
glyph the feature's single substitution gives. GSUB is kept as it is.

    remap.py in.ttf out.ttf fwid:“”‘’ tnum:0123456789 half:.,:-/

"half:chars" is for signs a font has no half-width form of: it adds a copy
of each glyph centred in half an em (the outline moved, not reshaped), so
that "82.5" or "0593-5530106" keeps to the half-cell grid without the gap
after a left-aligned point that text extraction reads as a space.
"""
import copy
import sys
from fontTools.ttLib import TTFont


def single_subs(font, tag):
    gsub = font["GSUB"].table
    subs = {}
    for rec in gsub.FeatureList.FeatureRecord:
        if rec.FeatureTag != tag:
            continue
        for li in rec.Feature.LookupListIndex:
            lookup = gsub.LookupList.Lookup[li]
            for st in lookup.SubTable:
                if lookup.LookupType == 7:
                    st = st.ExtSubTable
                if hasattr(st, "mapping"):
                    subs.update(st.mapping)
    return subs


def add_half_width(font, glyph):
    """Adds glyph.hw: glyph's outline centred in an advance of half an em."""
    name = glyph + ".hw"
    glyf, hmtx = font["glyf"], font["hmtx"]
    half = font["head"].unitsPerEm // 2
    adv, _ = hmtx[glyph]
    dx = (half - adv) // 2
    g = copy.deepcopy(glyf[glyph])
    if g.isComposite():
        for c in g.components:
            c.x += dx
    elif g.numberOfContours > 0:
        g.coordinates.translate((dx, 0))
    g.recalcBounds(glyf)
    order = font.getGlyphOrder()
    font.setGlyphOrder(order + [name])
    glyf.glyphOrder = font.getGlyphOrder()
    glyf[name] = g
    hmtx[name] = (half, g.xMin if hasattr(g, "xMin") else 0)
    return name


def main():
    src, dst, *specs = sys.argv[1:]
    font = TTFont(src)
    best = font.getBestCmap()
    for spec in specs:
        tag, chars = spec.split(":", 1)
        if tag == "half":
            subs = {best[ord(ch)]: add_half_width(font, best[ord(ch)]) for ch in chars}
        else:
            subs = single_subs(font, tag)
        for ch in chars:
            glyph = best.get(ord(ch))
            if glyph is None or glyph not in subs:
                sys.exit(f"{src}: {tag} has no form for {ch!r}")
            for table in font["cmap"].tables:
                if table.isUnicode() and ord(ch) in table.cmap:
                    table.cmap[ord(ch)] = subs[glyph]
    font.save(dst)


main()
