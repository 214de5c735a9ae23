#!/usr/bin/env bash
# The README's picture of a notice page (docs/pdf-page.png): the corpus notice
# set with the bundled fonts, page 5 from the middle of the type area down to
# the page number (quotes, digits, compressed punctuation, a spread line).
# Needs: go, poppler-utils (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go run ./cmd/rectify convert --bundled-fonts testdata/corpus/notice-2025-extracted.txt "$work/notice.pdf" 2>/dev/null
# 110 dpi: the page is 909 x 1286 pixels; the crop runs from 24 mm to 188 mm
# across and from 118.5 mm (a row's top) to 278 mm down.
pdftoppm -r 110 -f 5 -l 5 -x 104 -y 513 -W 710 -H 691 -png -singlefile "$work/notice.pdf" docs/pdf-page
ls -l docs/pdf-page.png
