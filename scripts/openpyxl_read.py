#!/usr/bin/python3
"""The reference for the ledger import benchmark: openpyxl's read-only mode
reads every cell of every sheet of a workbook (values, as a reader must).
Usage: openpyxl_read.py big.xlsx"""
import sys
from openpyxl import load_workbook

wb = load_workbook(sys.argv[1], read_only=True)
cells = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for v in row:
            if v is not None:
                cells += 1
wb.close()
print(cells)
