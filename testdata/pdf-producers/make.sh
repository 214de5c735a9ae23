#!/usr/bin/env bash
# PDFs of our notices from producers and re-writers other than those of
# ../pdf/make.sh (committed; rerun by hand, then `go test ./internal/pdftext
# -run 'TestProducers|TestNothingLost' -update` and review the goldens).
# Each is made from a notice in ../notices, whose text is what it must read:
#   Ghostscript pdfwrite re-distilling a LibreOffice PDF (fonts rewritten as
#     Type 1C with its own ToUnicode);
#   MuPDF's `mutool clean` (garbage-collected, recompressed, fonts and
#     images compressed anew);
#   qpdf linearized with object streams;
#   cairo (poppler's pdftocairo, which GTK's print to PDF shares) re-drawing
#     a LibreOffice and a Chromium PDF;
#   LibreOffice Writer's PDF/A-2b, tagged PDF and hybrid (ODF inside)
#     exports;
#   Chromium with other CJK faces: WenQuanYi Zen Hei and AR PL UMing
#     (TrueType collections: Identity-H CID fonts and Type 3);
#   Chromium with a diagonal watermark on every page.
# Re-writers that lose the text are in ../pdf-no-tounicode/make.sh.
# Writes sources.txt (each PDF and its notice; TestProducers and
# TestNothingLost read it). Needs: libreoffice-writer, chromium,
# ghostscript, mupdf-tools, qpdf, poppler-utils, fonts-noto-cjk,
# fonts-wqy-zenhei, fonts-arphic-uming, go.
set -euo pipefail
cd "$(dirname "$0")"
top=$(cd ../.. && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$top" && go build -o "$work/gbkpdf" ./scripts/gbkpdf)
notices=$top/testdata/notices

# writer NOTICE FILTER OUT.pdf: the notice as a Writer document exported
# to PDF with the export filter's options (JSON, "" for the defaults).
writer() {
  local name
  name=$(basename "$1" .txt)
  "$work/gbkpdf" -fodt "Noto Serif CJK SC" "$1" > "$work/$name.fodt"
  soffice -env:UserInstallation=file://$work/lo --headless --convert-to "pdf${2:+:writer_pdf_Export:$2}" \
    --outdir "$work/lo-out" "$work/$name.fodt" >/dev/null 2>&1
  mv "$work/lo-out/$name.pdf" "$3"
}
# chromium NOTICE FONT OUT.pdf
chromium_pdf() {
  "$work/gbkpdf" -html "$2" "$1" > "$work/page.html"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chrome" --no-pdf-header-footer \
    --print-to-pdf="$3" "file://$work/page.html" 2>/dev/null
}

sources=(
  "# Every PDF here and the notice text it was made from (relative to"
  "# testdata/), written by make.sh."
)
src() { sources+=("$1 notices/$2.txt"); }

writer "$notices/hospital-circled.txt" "" "$work/lo.pdf"
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -o gs-pdfwrite_hospital-circled.pdf "$work/lo.pdf"
src gs-pdfwrite_hospital-circled.pdf hospital-circled

writer "$notices/city-xunshi.txt" "" "$work/lo.pdf"
mutool clean -gggg -z -f -i "$work/lo.pdf" mutool-clean_city-xunshi.pdf
src mutool-clean_city-xunshi.pdf city-xunshi

writer "$notices/court-diyi.txt" "" "$work/lo.pdf"
qpdf --linearize --object-streams=generate "$work/lo.pdf" qpdf-linearized_court-diyi.pdf
src qpdf-linearized_court-diyi.pdf court-diyi

writer "$notices/school-diyi.txt" "" "$work/lo.pdf"
pdftocairo -pdf "$work/lo.pdf" cairo-libreoffice_school-diyi.pdf
src cairo-libreoffice_school-diyi.pdf school-diyi

chromium_pdf "$notices/soe-group.txt" "Noto Sans CJK SC" "$work/chromium.pdf"
pdftocairo -pdf "$work/chromium.pdf" cairo-chromium_soe-group.pdf
src cairo-chromium_soe-group.pdf soe-group

writer "$notices/water-audit.txt" '{"SelectPdfVersion":{"type":"long","value":"2"}}' libreoffice-pdfa2b_water-audit.pdf
src libreoffice-pdfa2b_water-audit.pdf water-audit
writer "$notices/tax-theme-ab.txt" '{"UseTaggedPDF":{"type":"boolean","value":"true"}}' libreoffice-tagged_tax-theme-ab.pdf
src libreoffice-tagged_tax-theme-ab.pdf tax-theme-ab
writer "$notices/bureau-messy.txt" '{"IsAddStream":{"type":"boolean","value":"true"}}' libreoffice-hybrid_bureau-messy.pdf
src libreoffice-hybrid_bureau-messy.pdf bureau-messy

chromium_pdf "$notices/village-labels.txt" "WenQuanYi Zen Hei" chromium-wenquanyi_village-labels.pdf
src chromium-wenquanyi_village-labels.pdf village-labels
chromium_pdf "$notices/health-headstatus.txt" "AR PL UMing CN" chromium-arpluming_health-headstatus.pdf
src chromium-arpluming_health-headstatus.pdf health-headstatus

# A diagonal watermark on every page ("内部资料 注意保存", light grey,
# turned 35°), as offices stamp internal copies: Chromium draws it with the
# text, glyph by glyph between the body's.
"$work/gbkpdf" -html "Noto Sans CJK SC" "$notices/scheme-parts.txt" |
  sed 's#<body>#<body><div style="position:fixed;top:95mm;left:10mm;font-size:48pt;color:\#ddd;transform:rotate(-35deg);white-space:nowrap;z-index:-1">内部资料 注意保存</div>#' > "$work/watermark.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/chrome" --no-pdf-header-footer \
  --print-to-pdf=chromium-watermark_scheme-parts.pdf "file://$work/watermark.html" 2>/dev/null
src chromium-watermark_scheme-parts.pdf scheme-parts

printf '%s\n' "${sources[@]}" > sources.txt
