#!/usr/bin/env bash
# Regenerates docs/serve.png, the README's picture of `rectify serve`: the
# browser test (internal/server, headless Chromium) opens the corpus PDF,
# changes a status and takes its screenshots; this keeps the one after the
# edit, with the proof-reader's findings beside the table.
# Needs: go, chromium (and a CJK font such as fonts-noto-cjk for the page).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "readme-screenshot: chromium is needed (apt-get install chromium)" >&2; exit 1; }
shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT
go test ./internal/server -run '^TestBrowser$' -count=1 -screenshots "$shots"
cp "$shots/TestBrowser/3-edited.png" docs/serve.png
echo "docs/serve.png: $(wc -c < docs/serve.png) bytes"
