#!/usr/bin/env bash
# Old Word (.doc, Word 97–2003) fixtures: the .docx fixtures saved as .doc by
# LibreOffice Writer ("MS Word 97"), and LibreOffice's own plain-text
# reading of each .doc (.lo.txt), which TestOldWord compares with where
# LibreOffice's export changed the numbering. Needs: libreoffice-writer.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in libreoffice-text libreoffice-numbered numbered-aspects numbered-mixed numbered-parts table tracked; do
  soffice -env:UserInstallation=file://$work/lo --headless --convert-to doc:"MS Word 97" --outdir . "../docx/$f.docx" >/dev/null 2>&1
  soffice -env:UserInstallation=file://$work/lo --headless --convert-to txt:Text --outdir "$work" "$f.doc" >/dev/null 2>&1
  mv "$work/$f.txt" "$f.lo.txt"
done
