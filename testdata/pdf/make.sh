#!/usr/bin/env bash
# Make the PDF fixtures with real producers (committed; rerun by hand after
# adding a notice to testdata/notices, then `go test ./internal/pdftext
# -update` and review the golden files):
#   every notice by LibreOffice Writer (flat ODT -> PDF, embedded CFF subsets),
#   also set flush left; by Chromium also flush left and ragged right,
#   and by Chromium's print to PDF (Skia: Type 3 fonts for CFF faces),
#   and as Word and WPS export (gbkpdf -word: Identity-H with ToUnicode,
#   each line justified glyph by glyph in one TJ, tagged content);
#   and, for one notice each: Chromium with a TrueType face (Identity-H;
#   the corpus notice too),
#   rectify's own fpdf output, a hand-written PDF with non-embedded
#   GBK-EUC-H fonts, qpdf's AES-256 owner-password-only and user-password
#   encryption, and an image-only (scanned) PDF.
# Writes sources.txt: each fixture and the notice it was made from, which
# the tests read. Needs: libreoffice-writer, chromium, fonts-noto-cjk,
# fonts-lxgw-wenkai, qpdf, go.
set -euo pipefail
cd "$(dirname "$0")"
top=$(cd ../.. && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$top" && go build -o "$work/gbkpdf" ./scripts/gbkpdf)

# The notice as a web page, or as a Writer document, in a font:
# html NOTICE FONT OUT.html, fodt NOTICE FONT OUT.fodt
html() { "$work/gbkpdf" -html "$2" "$1" > "$3"; }
fodt() { "$work/gbkpdf" -fodt "$2" "$1" > "$3"; }

# LibreOffice Writer: libreoffice IN.fodt OUT.pdf (a Writer document, not
# HTML: Writer/Web's HTML import loses a first paragraph now and then)
libreoffice() {
  soffice -env:UserInstallation=file://$work/lo --headless --convert-to pdf \
    --outdir "$work/lo-out" "$1" >/dev/null 2>&1
  mv "$work/lo-out/$(basename "$1" .fodt).pdf" "$2"
}

# Chromium: chromium_pdf IN.html OUT.pdf
chromium_pdf() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chrome" --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$1" 2>/dev/null
}

sources=(
  "# Every PDF fixture and the notice text it was made from (relative to"
  "# testdata/), written by make.sh. A PDF of no notice has no source."
)
src() { sources+=("$*"); }

# Every notice by both producers (a .lines.txt is another spelling of its
# notice and would give the same PDF), and the 29-page corpus notice too.
for n in "$top"/testdata/notices/*.txt "$top"/testdata/corpus/notice-2025-extracted.txt; do
  case $n in *.lines.txt) continue ;; esac
  name=$(basename "$n" .txt)
  rel=${n#"$top"/testdata/}
  fodt "$n" "Noto Serif CJK SC" "$work/$name.fodt"
  libreoffice "$work/$name.fodt" "libreoffice_$name.pdf"
  src "libreoffice_$name.pdf $rel"
  html "$n" "Noto Sans CJK SC" "$work/$name-sans.html"
  chromium_pdf "$work/$name-sans.html" "chromium_$name.pdf"
  src "chromium_$name.pdf $rel"
  "$work/gbkpdf" -word "$n" > "wordlike_$name.pdf"
  src "wordlike_$name.pdf $rel"
done

# Every notice by LibreOffice set flush left (no first-line indents, as
# many offices set them): paragraphs then show only in how lines end.
for n in "$top"/testdata/notices/*.txt "$top"/testdata/corpus/notice-2025-extracted.txt; do
  case $n in *.lines.txt) continue ;; esac
  name=$(basename "$n" .txt)
  "$work/gbkpdf" -flush -fodt "Noto Serif CJK SC" "$n" > "$work/flush-$name.fodt"
  libreoffice "$work/flush-$name.fodt" "libreoffice-flush_$name.pdf"
  src "libreoffice-flush_$name.pdf ${n#"$top"/testdata/}"
done
# …and by Chromium flush left and ragged right (not justified).
for n in "$top"/testdata/notices/*.txt "$top"/testdata/corpus/notice-2025-extracted.txt; do
  case $n in *.lines.txt) continue ;; esac
  name=$(basename "$n" .txt)
  "$work/gbkpdf" -ragged -html "Noto Sans CJK SC" "$n" > "$work/ragged-$name.html"
  chromium_pdf "$work/ragged-$name.html" "chromium-ragged_$name.pdf"
  src "chromium-ragged_$name.pdf ${n#"$top"/testdata/}"
done

# The corpus notice by every other producer, for speed measurements on a
# long document (scripts/bench.sh import).
corpus=corpus/notice-2025-extracted.txt
(cd "$top" && go run ./cmd/rectify convert --force --bundled-fonts "testdata/$corpus" testdata/pdf/rectify_notice-2025-extracted.pdf 2>/dev/null)
src "rectify_notice-2025-extracted.pdf $corpus"
"$work/gbkpdf" "$top/testdata/$corpus" > gbk-euc-h_notice-2025-extracted.pdf
src "gbk-euc-h_notice-2025-extracted.pdf $corpus"
# Chromium with a TrueType face (Identity-H CID fonts), as for scheme-aspects
# below; Skia embeds the bold face whole here: a 10 MB file.
html "$top/testdata/$corpus" "LXGW WenKai" "$work/corpus-truetype.html"
chromium_pdf "$work/corpus-truetype.html" chromium-truetype_notice-2025-extracted.pdf
src "chromium-truetype_notice-2025-extracted.pdf $corpus"

# The first fixtures, under the names other tests use.
fodt "$top/testdata/notices/scheme-flat-labels.lines.txt" "Noto Serif CJK SC" "$work/flat.fodt"
libreoffice "$work/flat.fodt" libreoffice-flat-labels.pdf
src "libreoffice-flat-labels.pdf notices/scheme-flat-labels.lines.txt"
html "$top/testdata/notices/scheme-mixed-status.txt" "Noto Sans CJK SC" "$work/mixed.html"
chromium_pdf "$work/mixed.html" chromium-mixed-status.pdf
src "chromium-mixed-status.pdf notices/scheme-mixed-status.txt"
# Chromium with a TrueType face, which Skia embeds as an Identity-H CID font.
html "$top/testdata/notices/scheme-aspects.txt" "LXGW WenKai" "$work/aspects.html"
chromium_pdf "$work/aspects.html" chromium-aspects-truetype.pdf
src "chromium-aspects-truetype.pdf notices/scheme-aspects.txt"

# rectify's own PDF (fpdf, TrueType subsets, Identity-H).
(cd "$top" && go run ./cmd/rectify convert --force --bundled-fonts testdata/notices/scheme-aspects.txt testdata/pdf/rectify-aspects.pdf 2>/dev/null)
src "rectify-aspects.pdf notices/scheme-aspects.txt"

# Old office software: fonts not embedded, GBK-EUC-H, no ToUnicode.
"$work/gbkpdf" "$top/testdata/notices/scheme-aspects.txt" > gbk-euc-h-aspects.pdf
src "gbk-euc-h-aspects.pdf notices/scheme-aspects.txt"

# AES-256 with an owner password only (opens without a password), and with
# a user password.
qpdf --encrypt "" owner-secret 256 -- libreoffice-flat-labels.pdf aes256-owner-only.pdf
src "aes256-owner-only.pdf notices/scheme-flat-labels.lines.txt"
qpdf --encrypt user-secret owner-secret 256 -- libreoffice-flat-labels.pdf aes256-user-password.pdf
src "aes256-user-password.pdf notices/scheme-flat-labels.lines.txt password=user-secret"

# Every other Standard security handler, for internal/pdftext's own
# decryption: RC4 40-bit (R2) and 128-bit (R3), AES-128 (R4, also with the
# metadata left plain and with object streams), AES-256 R5 (Acrobat 9's
# deprecated form), and R6 with a Chinese user password.
weak="--allow-weak-crypto"
qpdf $weak --encrypt "" owner-secret 40 -- libreoffice-flat-labels.pdf rc4-40-owner-only.pdf
qpdf $weak --encrypt user-secret owner-secret 40 -- libreoffice-flat-labels.pdf rc4-40-user-password.pdf
qpdf $weak --encrypt "" owner-secret 128 --use-aes=n -- libreoffice-flat-labels.pdf rc4-128-owner-only.pdf
qpdf $weak --encrypt user-secret owner-secret 128 --use-aes=n -- libreoffice-flat-labels.pdf rc4-128-user-password.pdf
qpdf --encrypt "" owner-secret 128 --use-aes=y -- libreoffice-flat-labels.pdf aes128-owner-only.pdf
qpdf --encrypt user-secret owner-secret 128 --use-aes=y --cleartext-metadata -- libreoffice-flat-labels.pdf aes128-user-password-plain-metadata.pdf
qpdf --object-streams=generate --encrypt "" owner-secret 128 --use-aes=y -- libreoffice-flat-labels.pdf aes128-object-streams.pdf
qpdf --encrypt user-secret owner-secret 256 --force-R5 -- libreoffice-flat-labels.pdf aes256r5-user-password.pdf
qpdf --encrypt 整改密码 owner-secret 256 -- libreoffice-flat-labels.pdf aes256-chinese-password.pdf
for f in rc4-40-owner-only rc4-128-owner-only aes128-owner-only aes128-object-streams; do
  src "$f.pdf notices/scheme-flat-labels.lines.txt"
done
for f in rc4-40-user-password rc4-128-user-password aes128-user-password-plain-metadata aes256r5-user-password; do
  src "$f.pdf notices/scheme-flat-labels.lines.txt password=user-secret"
done
src "aes256-chinese-password.pdf notices/scheme-flat-labels.lines.txt password=整改密码"

# A scanned notice: one page that is only an image.
"$work/gbkpdf" -scanned > scanned.pdf
src "scanned.pdf"

printf '%s\n' "${sources[@]}" > sources.txt
