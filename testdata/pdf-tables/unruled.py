#!/usr/bin/env python3
"""Set every table of a .docx as offices set issue lists without a grid:
unruled.py STYLE IN.docx OUT.docx, STYLE one of
  threeline   the three-line table (三线表): a heavy rule above the table,
              a thin one under the column headings, a heavy one below;
  borderless  no borders at all (Word's plain "普通表格").
Either way the cells' text is set as Word's table styles set it: 10.5 pt
(五号), no first-line indent, the headings centred."""
import re, sys, zipfile

style, src_path, out_path = sys.argv[1:4]
rule = '<w:{0} w:val="single" w:sz="{1}" w:space="0" w:color="000000"/>'
none = '<w:tblBorders>' + ''.join(f'<w:{e} w:val="nil"/>' for e in
       ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) + '</w:tblBorders>'
borders = none if style == 'borderless' else (
    '<w:tblBorders>' + rule.format('top', 12) + rule.format('bottom', 12) +
    ''.join(f'<w:{e} w:val="nil"/>' for e in ['left', 'right', 'insideH', 'insideV']) + '</w:tblBorders>')
under = '<w:tcBorders>' + rule.format('bottom', 6) + '</w:tcBorders>'
plain = '<w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/>{0}</w:pPr>'
small = '<w:r><w:rPr><w:sz w:val="21"/></w:rPr>'

def table(m):
    t = m.group(0).replace('<w:tblPr>', '<w:tblPr>' + borders)
    rows = re.findall(r'<w:tr[ >].*?</w:tr>', t, flags=re.S)
    heads = next(r for r in rows if r.count('<w:tc>') > 1)  # the column headings
    for r in rows:
        new = r.replace('<w:pPr></w:pPr>', plain.format('<w:jc w:val="center"/>' if r is heads or r.count('<w:tc>') == 1 else ''))
        new = new.replace('<w:r>', small)
        if r is heads and style == 'threeline':
            new = new.replace('<w:tcPr>', '<w:tcPr>' + under)
        t = t.replace(r, new, 1)
    return t

src = zipfile.ZipFile(src_path)
out = zipfile.ZipFile(out_path, 'w', zipfile.ZIP_DEFLATED)
for item in src.infolist():
    data = src.read(item.filename)
    if item.filename == 'word/document.xml':
        data = re.sub(r'<w:tbl>.*?</w:tbl>', table, data.decode(), flags=re.S).encode()
    out.writestr(item, data)
out.close()
