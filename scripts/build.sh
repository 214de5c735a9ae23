#!/usr/bin/env bash
# Builds rectify for the machines offices use, into dist/:
#   rectify-windows-amd64.exe rectify-windows-arm64.exe rectify-linux-amd64
#   rectify-linux-arm64 rectify-linux-loong64 rectify-darwin-arm64
# Pure Go (CGO_ENABLED=0), fonts embedded: each file runs on its own.
#
#   scripts/build.sh                  all targets
#   scripts/build.sh linux/loong64    only the targets named
#   scripts/build.sh --check          compile every target, write nothing (CI)
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(windows/amd64 windows/arm64 linux/amd64 linux/arm64 linux/loong64 darwin/arm64)
check=false
if [ "${1:-}" = "--check" ]; then
  check=true
  shift
fi
if [ $# -gt 0 ]; then
  targets=("$@")
fi

version=$(git describe --tags --always --dirty 2>/dev/null || echo dev)
$check || mkdir -p dist
for t in "${targets[@]}"; do
  os=${t%/*}
  arch=${t#*/}
  out=dist/rectify-$os-$arch
  [ "$os" = windows ] && out=$out.exe
  $check && out=/dev/null
  start=$(date +%s)
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath \
    -ldflags "-s -w -X main.version=$version" -o "$out" ./cmd/rectify
  echo "$t -> $out ($(( $(date +%s) - start )) s)"
done
