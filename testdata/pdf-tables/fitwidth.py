#!/usr/bin/env python3
"""Set a workbook up for printing as offices do: landscape A4, one page
wide, the header row repeated on every page, rows tall enough for their
wrapped text (Calc keeps a row's height from the file, and a short row
would print over its neighbours): fitwidth.py IN.xlsx OUT.xlsx"""
import copy
import math
import sys

import openpyxl
from openpyxl.utils import get_column_letter

wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    ws.page_setup.orientation = 'landscape'
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = '3:3'
    merged = {c.coordinate for r in ws.merged_cells.ranges for row in ws[r.coord] for c in row}
    for row in ws.iter_rows():
        lines = 1
        for cell in row:
            a = copy.copy(cell.alignment)
            a.wrap_text = True
            cell.alignment = a
            if cell.value is None or cell.coordinate in merged:
                continue
            width = ws.column_dimensions[get_column_letter(cell.column)].width or 8.43
            per_line = max(1, int(width / 2))  # a CJK character is two width units
            lines = max(lines, sum(math.ceil(max(1, len(p)) / per_line) for p in str(cell.value).split('\n')))
        ws.row_dimensions[row[0].row].height = 14 * lines + 4
wb.save(sys.argv[2])
