#!/usr/bin/env python3
"""Hard-wrap a one-paragraph-a-line notice the way text copied out of a PDF
looks: 28 cells a line, digit runs kept whole, blank lines between
paragraphs, and at each page end a running head and a page number "— N —".
Usage: wrap.py IN OUT "running head"."""
import re, sys

def cells(s):
    return sum(0.5 if ord(c) < 0x1100 else 1 for c in s)

src, dst, head = sys.argv[1], sys.argv[2], sys.argv[3]
out, page_lines, page = [], 0, 1

def emit(line):
    global page_lines, page
    out.append(line)
    page_lines += 1
    if page_lines >= 22:
        out.extend(["", head, f"— {page} —", ""])
        page += 1
        page_lines = 0

lines = open(src, encoding="utf-8").read().split("\n")
for i, p in enumerate(lines):
    if not p.strip():
        continue
    centred = i < 2 or re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", p) or (i + 1 < len(lines) and re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", lines[i + 1]))
    line, cur = "", 0 if centred else 2
    for tok in re.findall(r"\d+(?:\.\d+)?%?|.", p):
        w = cells(tok)
        if cur + w > 28 and line:
            emit(line)
            line, cur = "", 0
        line += tok
        cur += w
    emit(line)
    out.append("")
open(dst, "w", encoding="utf-8").write("\n".join(out) + "\n")
