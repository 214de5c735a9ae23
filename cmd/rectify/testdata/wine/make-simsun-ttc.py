#!/usr/bin/python3
"""Makes simsun.ttc for TestWindowsUnderWine: a TrueType collection laid out
like Windows' own simsun.ttc (face 1 新宋体/NSimSun, face 2 宋体/SimSun),
cut from the bundled page-number font (Noto Serif SC folio subset, OFL).
Run from this folder: /usr/bin/python3 make-simsun-ttc.py (needs fontTools)."""
from fontTools.ttLib import TTFont
from fontTools.ttLib.ttCollection import TTCollection

faces = []
for zh, en in (("新宋体", "NSimSun"), ("宋体", "SimSun")):
    f = TTFont("../../../../fonts/NotoSerifSC-Regular-folio.ttf")
    name = f["name"]
    name.names = []
    for nid, value in ((1, None), (2, "Regular"), (4, None), (6, en)):
        name.setName(value or en, nid, 3, 1, 0x409)
        if nid in (1, 4):
            name.setName(zh, nid, 3, 1, 0x804)
    faces.append(f)
c = TTCollection()
c.fonts = faces
c.save("simsun.ttc")
