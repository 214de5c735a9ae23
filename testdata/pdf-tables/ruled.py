#!/usr/bin/env python3
"""Give every table of a .docx single black borders (Word's "网格型" look):
ruled.py IN.docx OUT.docx"""
import sys, zipfile

borders = '<w:tblBorders>' + ''.join(
    f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for e in ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) + '</w:tblBorders>'
src = zipfile.ZipFile(sys.argv[1])
out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
for item in src.infolist():
    data = src.read(item.filename)
    if item.filename == 'word/document.xml':
        data = data.decode().replace('<w:tblPr>', '<w:tblPr>' + borders).encode()
    out.writestr(item, data)
out.close()
