#!/usr/bin/python3
"""Makes beyond-bmp.ttf for TestBeyondBMPNotSet: the bundled page-number
font (Noto Serif SC folio subset, OFL) with a format 12 cmap that also maps
U+20BB7 (𠮷, CJK Extension B) to the glyph of "1", as fonts such as
SimSun-ExtB map characters beyond the BMP.
Run from this folder: /usr/bin/python3 make-beyond-bmp.py (needs fontTools)."""
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

f = TTFont("../../../fonts/NotoSerifSC-Regular-folio.ttf")
cmap = f["cmap"]
best = dict(cmap.getBestCmap())
best[0x20BB7] = best[ord("1")]
t = CmapSubtable.newSubtable(12)
t.platformID, t.platEncID, t.language = 3, 10, 0
t.cmap = best
cmap.tables.append(t)
f.save("beyond-bmp.ttf")
