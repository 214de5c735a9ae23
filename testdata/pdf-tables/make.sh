#!/usr/bin/env bash
# Ruled tables in PDFs from real producers (committed; see TestTables):
#   libreoffice-notice.pdf  ../docx/table.docx given single borders (ruled.py),
#                           exported by LibreOffice Writer: a notice whose
#                           issue list is a table;
#   chromium-ledger.pdf     ledger.html printed by Chromium (Skia): a ledger
#                           on two landscape pages, header repeated, merged
#                           category cells;
#   calc-ledger.pdf         ../corpus/ledger-2025.xlsx printed by LibreOffice
#                           Calc, landscape, one page wide, its header row
#                           repeated (fitwidth.py): a ledger printed to PDF;
#   gs-rotated-ledger.pdf   calc-ledger.pdf on portrait pages, turned, with
#                           /Rotate 90 (Ghostscript);
#   writer-threeline.pdf    ../docx/table.docx as a three-line table (三线表)
#   writer-borderless.pdf   and with no borders (unruled.py), by Writer;
#   chromium-borderless-ledger.pdf  ledger.html without borders, cells set
#                           at the top,
#   chromium-borderless-centred-ledger.pdf  without borders, cells centred
#                           (headings wrapped on different lines), and
#   chromium-threeline-ledger.pdf   as a three-line table, cells centred
#                           (the category cells spanning rows), by Chromium.
# Needs: libreoffice, chromium, python3 with openpyxl, fonts-noto-cjk, ghostscript.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lo() { soffice -env:UserInstallation=file://$work/lo --headless --convert-to pdf --outdir "$work" "$1" >/dev/null 2>&1; }

python3 ruled.py ../docx/table.docx "$work/libreoffice-notice.docx"
lo "$work/libreoffice-notice.docx"
mv "$work/libreoffice-notice.pdf" .

chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/chrome" --no-pdf-header-footer \
  --print-to-pdf=chromium-ledger.pdf "file://$PWD/ledger.html" 2>/dev/null

/usr/bin/python3 fitwidth.py ../corpus/ledger-2025.xlsx "$work/calc-ledger.xlsx"
lo "$work/calc-ledger.xlsx"
mv "$work/calc-ledger.pdf" .

# The Calc ledger put on portrait A4 by Ghostscript (-dPDFFitPage turns each
# landscape page a quarter turn to fit, and /Rotate 90 shows it upright;
# the fonts become Type 1C): how print drivers and re-distillers write a
# landscape ledger.
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -sPAPERSIZE=a4 -dFIXEDMEDIA -dPDFFitPage \
  -dAutoRotatePages=/PageByPage -o gs-rotated-ledger.pdf calc-ledger.pdf

# Tables without vertical rules (unruled.py): ../docx/table.docx set as a
# three-line table and as a borderless one, exported by LibreOffice Writer;
# ledger.html with no borders and its cells set at the top, printed by
# Chromium.
for style in threeline borderless; do
  python3 unruled.py $style ../docx/table.docx "$work/writer-$style.docx"
  lo "$work/writer-$style.docx"
  mv "$work/writer-$style.pdf" .
done
sed 's#th, td { border: 0.75pt solid \#000; padding: 3pt 4pt; vertical-align: middle; }#th, td { padding: 3pt 4pt; vertical-align: top; }#' \
  ledger.html > "$work/ledger-borderless.html"
# …without borders, its cells centred as ledger.html has them;
sed 's#th, td { border: 0.75pt solid \#000; padding: 3pt 4pt; vertical-align: middle; }#th, td { padding: 3pt 4pt; vertical-align: middle; }#' \
  ledger.html > "$work/ledger-borderless-centred.html"
# …and as a three-line table, its cells centred.
sed 's#th, td { border: 0.75pt solid \#000; padding: 3pt 4pt; vertical-align: middle; }#table { border-top: 1.5pt solid \#000; border-bottom: 1.5pt solid \#000; }\nth, td { padding: 3pt 4pt; vertical-align: middle; }\nth { border-bottom: 0.75pt solid \#000; }#' \
  ledger.html > "$work/ledger-threeline.html"
for style in borderless borderless-centred threeline; do
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chrome" --no-pdf-header-footer \
    --print-to-pdf=chromium-$style-ledger.pdf "file://$work/ledger-$style.html" 2>/dev/null
done
