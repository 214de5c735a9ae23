#!/usr/bin/python3
"""The reference for `rectify merge`: what a clerk's script would do with
openpyxl — read every unit's ledger (read-only mode) and concatenate the
rows, with the unit's name, into one workbook (write-only mode). No
recognition, no dedup, no checks: the bare cost of reading and writing.
  /usr/bin/python3 scripts/openpyxl_merge.py DIR out.xlsx
"""
import glob, os, sys
import openpyxl

src, out = sys.argv[1], sys.argv[2]
wb_out = openpyxl.Workbook(write_only=True)
ws_out = wb_out.create_sheet("全部问题")
header_done = False
for path in sorted(glob.glob(os.path.join(src, "*.xlsx"))):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb.worksheets[0]
    unit, header = "", None
    for row in ws.iter_rows(values_only=True):
        first = row[0] if row else None
        if header is None:
            text = "".join(str(c) for c in row if c is not None)
            if "填报单位" in text:
                unit = text.split("填报单位：", 1)[-1].split()[0]
            if first == "序号":
                header = row
                if not header_done:
                    ws_out.append(("单位",) + tuple(header))
                    header_done = True
            continue
        if isinstance(first, (int, float)):
            ws_out.append((unit,) + tuple(row))
    wb.close()
wb_out.save(out)
