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

# 仿宋 for the body: 朱雀仿宋, whole (the project's shared build of its OFL source).
cp "$SHARED/ZhuqueFangsong-Regular.ttf" ZhuqueFangsong-Regular.ttf
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
sub() { pyftsubset "$1" --unicodes-file="$work/chars.txt" --output-file="$2" --layout-features='' --no-hinting --name-IDs='*' --notdef-outline; }
sub "$serif/900Black/NotoSerifSC_900Black.ttf" NotoSerifSC-Black-subset.ttf
sub "$sans/700Bold/NotoSansSC_700Bold.ttf" NotoSansSC-Bold-subset.ttf
sub /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf LXGWWenKai-Regular-subset.ttf
cp /usr/share/doc/fonts-lxgw-wenkai/copyright LXGWWenKai-copyright.txt
# 宋体 for page numbers ("— 1 —"): Noto Serif SC Regular, digits and dashes only.
pyftsubset "$serif/400Regular/NotoSerifSC_400Regular.ttf" --text='0123456789—-– ' --output-file=NotoSerifSC-Regular-folio.ttf \
  --layout-features='' --no-hinting --name-IDs='*' --notdef-outline
chmod 644 ./*.ttf ./*.txt
ls -la *.ttf
