#!/usr/bin/env python3
"""Drop the /ToUnicode entry of the fonts whose /BaseFont matches a pattern
from a QDF file (qpdf --qdf), as print drivers and old converters write them."""
import re, sys

src, dst, pattern = sys.argv[1], sys.argv[2], re.compile(sys.argv[3].encode())
data = open(src, 'rb').read()
def strip(m):
    obj = m.group(0)
    base = re.search(rb'/BaseFont\s*/(\S+)', obj)
    if base and pattern.search(base.group(1)):
        obj = re.sub(rb'/ToUnicode\s+\d+\s+\d+\s+R', b'', obj)
    return obj
open(dst, 'wb').write(re.sub(rb'\n\d+ 0 obj\n.*?\nendobj', strip, data, flags=re.S))
