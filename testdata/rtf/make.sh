#!/usr/bin/env bash
# RTF fixtures: the .docx fixtures saved as RTF by LibreOffice Writer ("Rich
# Text Format"), which TestRTF reads against the .docx. The hand-written
# system-export.doc (an office system's "Word" download: RTF under a .doc
# name, GBK bytes through \ansicpg936, a table) is made by make_export.py.
# Needs: libreoffice-writer.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in libreoffice-text libreoffice-numbered numbered-aspects numbered-mixed numbered-parts numbered-diyi numbered-latin table; do
  soffice -env:UserInstallation=file://$work/lo --headless --convert-to rtf:"Rich Text Format" --outdir . "../docx/$f.docx" >/dev/null 2>&1
done
/usr/bin/python3 make_export.py
