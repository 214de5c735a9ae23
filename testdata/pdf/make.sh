#!/usr/bin/env bash
# Make the PDF fixtures with real producers (committed; rerun by hand):
#   LibreOffice (HTML -> PDF), Chromium (print to PDF), rectify's own fpdf
#   output, a hand-written PDF with non-embedded GBK-EUC-H fonts, qpdf's
#   AES-256 owner-password-only and user-password encryption, an image-only
#   (scanned) PDF.
# Needs: libreoffice-writer, chromium, fonts-noto-cjk, qpdf, go.
set -euo pipefail
cd "$(dirname "$0")"
top=../..
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# notice.lines.txt (one paragraph a line) -> HTML with the notice's layout:
# centred title, two-character first-line indents, right-aligned signature.
html() { # in out font
  /usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import html, re, sys
src, out, font = sys.argv[1:]
page_no = re.compile(r"^(第\d+页|[-—]\s*\d+\s*[-—])$")
lines = [l.strip() for l in open(src, encoding="utf-8") if l.strip() and not page_no.match(l.strip())]
date = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
body = []
title_done = False
for i, l in enumerate(lines):
    e = html.escape(l)
    if not title_done:
        if "。" in l or len(l) > 40:
            title_done = True
        else:
            body.append(f'<p class="title">{e}</p>')
            continue
    if date.match(l) or (i + 1 < len(lines) and date.match(lines[i + 1])):
        body.append(f'<p class="sign">{e}</p>')
    else:
        body.append(f"<p>{e}</p>")
open(out, "w", encoding="utf-8").write(f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<style>@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}
body {{ font-family: "{font}"; font-size: 16pt; line-height: 28pt; margin: 0; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; }}
p.title {{ text-indent: 0; text-align: center; font-size: 22pt; line-height: 32pt; font-weight: bold; }}
p.sign {{ text-indent: 0; text-align: right; padding-right: 4em; }}
</style></head><body>
{chr(10).join(body)}
</body></html>""")
PY
}

# LibreOffice, from HTML, with a serif CJK face.
html $top/testdata/notices/scheme-flat-labels.lines.txt "$work/flat.html" "Noto Serif CJK SC"
soffice -env:UserInstallation=file://$work/lo --headless --convert-to pdf:writer_web_pdf_Export --outdir "$work" "$work/flat.html" >/dev/null
cp "$work/flat.pdf" libreoffice-flat-labels.pdf

# Chromium print-to-PDF (Skia): Identity-H CID fonts, Type 3 where it must.
python3 -c "import sys; open(sys.argv[2],'w').write(''.join(l for l in open(sys.argv[1]) if l.strip()))" $top/testdata/notices/scheme-mixed-status.txt "$work/mixed.lines.txt"
html "$work/mixed.lines.txt" "$work/mixed.html" "Noto Sans CJK SC"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/chrome" --no-pdf-header-footer \
  --print-to-pdf="$work/mixed.pdf" "file://$work/mixed.html" 2>/dev/null
cp "$work/mixed.pdf" chromium-mixed-status.pdf
# …and with a TrueType face, which Skia embeds as an Identity-H CID font.
python3 -c "import sys; open(sys.argv[2],'w').write(''.join(l for l in open(sys.argv[1]) if l.strip()))" $top/testdata/notices/scheme-aspects.txt "$work/aspects.lines.txt"
html "$work/aspects.lines.txt" "$work/aspects.html" "LXGW WenKai"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/chrome" --no-pdf-header-footer \
  --print-to-pdf="$work/aspects.pdf" "file://$work/aspects.html" 2>/dev/null
cp "$work/aspects.pdf" chromium-aspects-truetype.pdf

# rectify's own PDF (fpdf, TrueType subsets, Identity-H).
(cd $top && go run ./cmd/rectify convert --force --bundled-fonts testdata/notices/scheme-aspects.txt testdata/pdf/rectify-aspects.pdf 2>/dev/null)

# Old office software: fonts not embedded, GBK-EUC-H, no ToUnicode.
(cd $top && go run ./scripts/gbkpdf testdata/notices/scheme-aspects.txt > testdata/pdf/gbk-euc-h-aspects.pdf)

# AES-256 with an owner password only (opens without a password), and with
# a user password.
qpdf --encrypt "" owner-secret 256 -- libreoffice-flat-labels.pdf aes256-owner-only.pdf
qpdf --encrypt user-secret owner-secret 256 -- libreoffice-flat-labels.pdf aes256-user-password.pdf

# A scanned notice: one page that is only an image.
(cd $top && go run ./scripts/gbkpdf -scanned > testdata/pdf/scanned.pdf)
ls -la
