#!/bin/sh
# Regenerate the second round of blind ledger fixtures (make_blind2.py with
# python3-openpyxl and python3-xlwt); LibreOffice saves the 销号 workbook as
# Excel 97-2003 and turns the HTML ledger into a Word file.
# expected/*.json are written by hand and are not regenerated.
set -eu
cd "$(dirname "$0")"
/usr/bin/python3 make_blind2.py
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
lo() { soffice "-env:UserInstallation=file://$profile" --headless "$@" >/dev/null; }
lo --convert-to 'xls:MS Excel 97' xiaohao.xlsx wps-xml.xlsx
lo --convert-to 'docx:MS Word 2007 XML' writer-table.html
rm writer-table.html
