#!/bin/sh
# Regenerate the ledger fixtures: openpyxl writes the .xlsx, CSV and gold.json
# (make_ledgers.py); LibreOffice saves every ledger .xlsx as .xls (BIFF8), as
# offices on LibreOffice send them. Needs python3-openpyxl and soffice.
set -eu
cd "$(dirname "$0")"
/usr/bin/python3 make_ledgers.py
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for x in two-row-header wps-sections excel-combined; do
  soffice "-env:UserInstallation=file://$profile" --headless --convert-to xls "$x.xlsx" >/dev/null
done
# The corpus ledger (an office's real layout) too, under its own name here.
cp ../corpus/ledger-2025.xlsx "$profile/corpus-ledger-2025.xlsx"
soffice "-env:UserInstallation=file://$profile" --headless --convert-to xls --outdir . "$profile/corpus-ledger-2025.xlsx" >/dev/null
