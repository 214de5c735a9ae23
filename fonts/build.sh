#!/usr/bin/env bash
# Rebuild the bundled fonts from their published sources (a committed,
# reproducible step; the outputs are committed too, so a build needs none of
# this). Needs: npm, Debian's fonttools and fonts-lxgw-wenkai, /usr/bin/python3.
#   apt-get install fonttools python3-fonttools fonts-lxgw-wenkai && fonts/build.sh
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SHARED=${SHARED:-../../shared/fonts}

# fpdf applies no OpenType features, so the forms Chinese text needs are made
# the fonts' default glyphs by rewriting their cmaps (remap.py; GSUB is kept):
# full-width quotes (fwid), tabular or half-width digits and Latin letters
# (tnum, hwid), a one-em dash (fwid: U+2015's glyph for U+2014).
ascii=$(/usr/bin/python3 -c 'print("".join(map(chr, range(0x21, 0x7F))))')

# 仿宋 for the body: 朱雀仿宋, whole (the project's shared build of its OFL
# source), with its full-width quotes, tabular digits and half-width points,
# colon, hyphen and slash (centred copies of its own) as the defaults.
/usr/bin/python3 remap.py "$SHARED/ZhuqueFangsong-Regular.ttf" ZhuqueFangsong-Regular.ttf 'fwid:“”‘’' tnum:0123456789 'half:.,:-/'
cp "$SHARED/ZhuqueFangsong-OFL.txt" ZhuqueFangsong-OFL.txt

# Noto Serif SC / Noto Sans SC, static TrueType, from npm.
(cd "$work" && npm pack --silent @expo-google-fonts/noto-serif-sc@0.4.3 @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null \
  && for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done)
serif="$work/expo-google-fonts-noto-serif-sc-0.4.3/package"
sans="$work/expo-google-fonts-noto-sans-sc-0.4.3/package"
cp "$sans/LICENSE_FONT" NotoCJK-OFL.txt

# The last fallback keeps full coverage (GB 18030's CJK Unified Ideographs and Extension A).
cp "$sans/400Regular/NotoSansSC_400Regular.ttf" NotoSansSC-Regular.ttf

# The stand-ins for 小标宋, 黑体 and 楷体 are subset to GB 2312 (its 6,763
# hanzi and its symbols), ASCII and CJK punctuation: titles and headings use
# these, and the few characters beyond fall back per character to the body
# face, then to Noto Sans SC. Smaller fonts load faster (fpdf parses each
# whole).
/usr/bin/python3 - "$work/chars.txt" <<'PY'
import sys
codes = set(range(0x20, 0x7F)) | set(range(0x3000, 0x3040)) | set(range(0xFF01, 0xFF5F)) | {0x2014, 0x2026, 0x201C, 0x201D, 0x2018, 0x2019, 0x00B7}
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try:
            codes.add(ord(bytes([b1, b2]).decode("gb2312")))
        except UnicodeDecodeError:
            pass
open(sys.argv[1], "w").write("\n".join("U+%04X" % c for c in sorted(codes)))
PY
# The layout tables (GSUB, GPOS) are kept whole.
sub() { pyftsubset "$1" --unicodes-file="$work/chars.txt" --output-file="$2" --layout-features='*' --no-hinting --name-IDs='*' --notdef-outline; }
# Noto CJK: half-width Latin letters and digits (hwid), a one-em dash.
/usr/bin/python3 remap.py "$serif/900Black/NotoSerifSC_900Black.ttf" "$work/black.ttf" "hwid:$ascii" 'fwid:—'
sub "$work/black.ttf" NotoSerifSC-Black-subset.ttf
/usr/bin/python3 remap.py "$sans/700Bold/NotoSansSC_700Bold.ttf" "$work/bold.ttf" "hwid:$ascii" 'fwid:—'
sub "$work/bold.ttf" NotoSansSC-Bold-subset.ttf
# 楷体: 霞鹜文楷 Mono, whose Latin letters and digits are half-width like 楷体_GB2312's.
sub /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKaiMono-Regular.ttf LXGWWenKaiMono-Regular-subset.ttf
cp /usr/share/doc/fonts-lxgw-wenkai/copyright LXGWWenKai-copyright.txt
# 宋体 for page numbers ("— 1 —"): Noto Serif SC Regular, digits and dashes
# only; half-width digits, one-em dashes.
/usr/bin/python3 remap.py "$serif/400Regular/NotoSerifSC_400Regular.ttf" "$work/folio.ttf" hwid:0123456789 'fwid:—'
pyftsubset "$work/folio.ttf" --text='0123456789—-– ' --output-file=NotoSerifSC-Regular-folio.ttf \
  --layout-features='*' --no-hinting --name-IDs='*' --notdef-outline
chmod 644 ./*.ttf ./*.txt
ls -la *.ttf
