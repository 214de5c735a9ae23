#!/bin/sh
# Regenerate the blind ledger fixtures: openpyxl writes them (make_blind.py);
# LibreOffice re-saves the sheets-per-category workbook as .xlsx (a producer
# other than openpyxl, as WPS and LibreOffice offices send them) and the
# multi-row workbook as .xls. Needs python3-openpyxl and soffice.
# expected/*.json are written by hand and are not regenerated.
set -eu
cd "$(dirname "$0")"
/usr/bin/python3 make_blind.py
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
lo() { soffice "-env:UserInstallation=file://$profile" --headless "$@" >/dev/null; }
lo --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$profile/out" sheets-by-category-src.xlsx
mv "$profile/out/sheets-by-category-src.xlsx" sheets-by-category.xlsx
rm sheets-by-category-src.xlsx
lo --convert-to xls excel-multirow.xlsx
