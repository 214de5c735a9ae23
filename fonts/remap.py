"""Make a font's Chinese-typesetting forms its default glyphs.

fpdf embeds TrueType glyphs by cmap and applies no OpenType features, so a
feature such as fwid (full-width quotes) or hwid (half-width digits) only
reaches the PDF if the cmap points at its glyphs. For each "feature:chars"
argument this rewrites every cmap subtable so that the characters map to the
glyph the feature's single substitution gives. GSUB is kept as it is.

    remap.py in.ttf out.ttf fwid:“”‘’ tnum:0123456789
"""
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


def main():
    src, dst, *specs = sys.argv[1:]
    font = TTFont(src)
    best = font.getBestCmap()
    for spec in specs:
        tag, chars = spec.split(":", 1)
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
