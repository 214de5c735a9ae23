#!/usr/bin/env bash
# Speed against the reference tools, as ratios (these machines are shared and
# noisy: absolute times mean little). Each side is timed best of $RUNS runs in
# the same invocation. Needs: go, poppler-utils, libreoffice, python3-openpyxl.
#   scripts/bench.sh            # all
#   scripts/bench.sh excel      # one part (excel, render, import, merge)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Built as scripts/build.sh ships it (pure Go, CGO_ENABLED=0): a default
# build links libc dynamically (net, os/user) and starts ~1.5 ms slower.
CGO_ENABLED=0 go build -trimpath -o "$work/rectify" ./cmd/rectify
R="$work/rectify"

# best TIME of running "$@" RUNS times, in seconds
best() {
  local b=""
  for _ in $(seq "$RUNS"); do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
  done
  echo "$b"
}
ratio() { echo "scale=2; $1 / $2" | bc; }

part=${1:-all}

# seconds "$@" takes; fails (and prints nothing) if the command fails
timed() {
  local s e
  s=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || return 1
  e=$(date +%s.%N)
  echo "$e - $s" | bc
}

if [ "$part" = all ] || [ "$part" = excel ]; then
  # 100,000 issues (genledger) both ways, each side against openpyxl.
  # Printed: the ratio of the best times, the spread of the rounds' ratios,
  # for wall and CPU time, and rectify's peak RSS.
  go run ./scripts/genledger 100000 > "$work/big.json"
  # One conversion against its openpyxl counterpart, alternating for RUNS
  # rounds, each run timed by /usr/bin/time: wall, CPU (user + sys; on a
  # loaded machine the steadier number) and peak RSS (rectify's: the largest
  # over the rounds). A round counts only if both succeeded and wrote their
  # output (openpyxl's only where it writes one).
  excel_pair() { # label reference input rectify-output script [script-output]
    local label=$1 ref=$2 in=$3 out=$4 script=$5 pyout=${6:-}
    local ob="" tb="" ratios="" oc="" tc="" cratios="" rss=0 o ou os om t tu ts c tcpu spread cspread
    for _ in $(seq "$RUNS"); do
      rm -f "$out" ${pyout:+"$pyout"}
      /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$R" convert "$in" "$out" >/dev/null 2>&1 && [ -s "$out" ] || { echo "excel $label: rectify failed" >&2; exit 1; }
      read -r o ou os om < <(tail -1 "$work/t")
      /usr/bin/time -f "%e %U %S %M" -o "$work/t" /usr/bin/python3 "$script" "$in" ${pyout:+"$pyout"} >/dev/null 2>&1 && { [ -z "$pyout" ] || [ -s "$pyout" ]; } || { echo "excel $label: openpyxl failed" >&2; exit 1; }
      read -r t tu ts _ < <(tail -1 "$work/t")
      c=$(echo "$ou + $os" | bc) tcpu=$(echo "$tu + $ts" | bc)
      ratios="$ratios $(ratio "$t" "$o")" cratios="$cratios $(ratio "$tcpu" "$c")"
      if [ -z "$ob" ] || [ "$(echo "$o < $ob" | bc)" = 1 ]; then ob=$o; fi
      if [ -z "$tb" ] || [ "$(echo "$t < $tb" | bc)" = 1 ]; then tb=$t; fi
      if [ -z "$oc" ] || [ "$(echo "$c < $oc" | bc)" = 1 ]; then oc=$c; fi
      if [ -z "$tc" ] || [ "$(echo "$tcpu < $tc" | bc)" = 1 ]; then tc=$tcpu; fi
      rss=$(( om > rss ? om : rss ))
    done
    spread=$(echo "$ratios" | tr ' ' '\n' | grep . | sort -n | sed -n '1p;$p' | paste -sd- -)
    cspread=$(echo "$cratios" | tr ' ' '\n' | grep . | sort -n | sed -n '1p;$p' | paste -sd- -)
    echo "excel  $label, best of $RUNS interleaved: rectify ${ob}s, $ref ${tb}s: rectify is $(ratio "$tb" "$ob")x faster (rounds: ${spread}x;${ratios}); rectify max RSS $((rss / 1024)) MiB; load average $(cut -d' ' -f1 /proc/loadavg)"
    echo "excel  $label, CPU (user + sys), same runs: rectify ${oc}s, $ref ${tc}s: rectify is $(ratio "$tc" "$oc")x less (rounds: ${cspread}x;${cratios})"
  }
  # write: JSON -> .xlsx, rectify (streams the JSON) against openpyxl's
  # write-only mode writing the same cells of 整改台账.
  excel_pair "100,000 issues -> xlsx" "openpyxl write-only" "$work/big.json" "$work/big.xlsx" scripts/openpyxl_ledger.py "$work/big-py.xlsx"
  # import: rectify's own 100,000-row workbook -> JSON (every cell read,
  # the ledger model built and written) against openpyxl's read-only mode
  # reading every cell of every sheet.
  excel_pair "100,000-row .xlsx -> JSON" "openpyxl read-only" "$work/big.xlsx" "$work/back.json" scripts/openpyxl_read.py
fi

if [ "$part" = all ] || [ "$part" = render ]; then
  # The same notice to PDF: rectify (GB/T 9704 layout, five faces) and
  # LibreOffice converting the notice's text, with a warm profile. The two
  # sides alternate, RUNS rounds; a round counts only if both succeeded.
  # Each run is timed for wall clock and for CPU (user + sys of the process
  # and the children it waited for), which on a loaded machine says more
  # than wall time. Printed for both: the ratio of the best
  # times, and the lowest and highest of the rounds' ratios.
  cp testdata/corpus/notice-2025-extracted.txt "$work/notice.txt"
  lo="-env:UserInstallation=file://$work/lo-profile"
  soffice "$lo" --headless --convert-to pdf --outdir "$work/lo" "$work/notice.txt" >/dev/null 2>&1 || true
  # wall and CPU seconds of "$@" (CPU from wait4: user + sys of the process
  # and of the children it waited for, in microseconds, where
  # /usr/bin/time rounds to 10 ms; wall around posix_spawn and wait4, no
  # fork of the timer inside the interval); fails (and prints nothing) if
  # it fails
  cat > "$work/wallcpu.py" <<'PY'
import os, sys, time
null = os.open(os.devnull, os.O_RDWR)
acts = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
t = time.perf_counter()
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ, file_actions=acts)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t
code = os.waitstatus_to_exitcode(status)
if code == 0:
    print(f"{wall:.4f} {ru.ru_utime + ru.ru_stime:.4f}")
sys.exit(code)
PY
  wallcpu() { python3 "$work/wallcpu.py" "$@"; }
  min() { echo "$@" | tr ' ' '\n' | grep . | sort -g | head -1; }
  spread() { echo "$@" | tr ' ' '\n' | grep . | sort -g | sed -n '1p;$p' | paste -sd- -; }
  echo "render load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  ow="" oc="" tw="" tc="" wr="" cr=""
  for _ in $(seq "$RUNS"); do
    rm -f "$work/notice.pdf" "$work/lo/notice.pdf"
    read -r w c < <(wallcpu "$R" convert "$work/notice.txt" "$work/notice.pdf") && [ -s "$work/notice.pdf" ] || { echo "render: rectify failed" >&2; exit 1; }
    read -r lw lc < <(wallcpu soffice "$lo" --headless --convert-to pdf --outdir "$work/lo" "$work/notice.txt") && [ -s "$work/lo/notice.pdf" ] || { echo "render: LibreOffice failed" >&2; exit 1; }
    ow="$ow $w" oc="$oc $c" tw="$tw $lw" tc="$tc $lc"
    wr="$wr $(ratio "$lw" "$w")"
    cr="$cr $(ratio "$lc" "$c")"
  done
  echo "render corpus notice -> PDF, best of $RUNS interleaved: wall rectify $(min $ow)s, LibreOffice $(min $tw)s: rectify is $(ratio "$(min $tw)" "$(min $ow)")x faster (rounds $(spread $wr)x;$wr)"
  echo "render corpus notice -> PDF, best of $RUNS interleaved: CPU rectify $(min $oc)s, LibreOffice $(min $tc)s: rectify is $(ratio "$(min $tc)" "$(min $oc)")x faster (rounds $(spread $cr)x;$cr)"
  echo "render load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

if [ "$part" = all ] || [ "$part" = import ]; then
  # PDF import, per producer: rectify's whole import (its start-up, the text
  # layer, lines, paragraphs, the notice grammar, JSON) against poppler's
  # pdftotext, which only extracts text. On the 29-page corpus notice as each
  # producer made it (Chromium twice: Type 3 fonts from a CFF face, and an
  # Identity-H TrueType face, embedded whole: 10 MB), and on a
  # one-to-three-page notice of each. The sides
  # alternate, RUNS rounds, timed by scripts/timepair.py (posix_spawn and
  # wait4: no shell or `date` forks in the interval, which would add the
  # same milliseconds to both sides); a round counts only if both succeeded
  # and wrote their output. Printed for wall and CPU time (user + sys): the
  # ratio of the best times, and the lowest and highest round ratio. The
  # load average goes with the figures: on a busy machine wall ratios drop
  # (rectify reads pages on both cores, pdftotext uses one).
  echo "import load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  # Start-up, which every command pays: `rectify version` against
  # `pdftotext -v`, each the program's start-up and a line of output.
  # rectify's best is the floor of every import below: each wall line also
  # says the ratio an import would reach if it did nothing but start. Three
  # times the rounds: a few milliseconds each, and the floor should be a
  # best, not a busy moment.
  startup=$(python3 scripts/timepair.py "$((3 * RUNS))" "start-up: rectify version, pdftotext -v" - - -- "$R" version -- pdftotext -v) || exit 1
  echo "$startup"
  # What the mandated excelize costs alone: a program that links it and
  # nothing else (scripts/excelizestart), against the same pdftotext -v.
  CGO_ENABLED=0 go build -trimpath -o "$work/excelizestart" ./scripts/excelizestart
  python3 scripts/timepair.py "$((3 * RUNS))" "start-up: a program linking only excelize, pdftotext -v" - - -- "$work/excelizestart" -- pdftotext -v || exit 1
  export STARTUP_MS
  STARTUP_MS=$(echo "$startup" | sed -n 's/.* wall rectify *\([0-9.]*\) ms.*/\1/p')
  import_ratio() { # label pdf
    python3 scripts/timepair.py "$RUNS" "$1" "$work/import.json" "$work/import.txt" \
      -- "$R" convert --force "$2" "$work/import.json" -- pdftotext "$2" "$work/import.txt" || exit 1
  }
  for producer in libreoffice chromium chromium-truetype wordlike gbk-euc-h rectify; do
    import_ratio "$producer, 29 pages" "testdata/pdf/${producer}_notice-2025-extracted.pdf"
  done
  import_ratio "libreoffice (the corpus PDF), 29 pages" testdata/corpus/notice-2025-libreoffice.pdf
  import_ratio "libreoffice, 3 pages" testdata/pdf/libreoffice_scheme-aspects.pdf
  import_ratio "chromium Type 3, 3 pages" testdata/pdf/chromium_scheme-aspects.pdf
  import_ratio "chromium TrueType (Identity-H), 3 pages" testdata/pdf/chromium-aspects-truetype.pdf
  import_ratio "gbk-euc-h (fonts not embedded), 3 pages" testdata/pdf/gbk-euc-h-aspects.pdf
  import_ratio "rectify (fpdf), 3 pages" testdata/pdf/rectify-aspects.pdf
  echo "import load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

if [ "$part" = all ] || [ "$part" = merge ]; then
  # The supervisor's merge: 2,000 units' .xlsx ledgers (50 issues each,
  # 100,000 in all) into one workbook. rectify merge (unit recognition,
  # dedup, proof-reading, six sheets with formulas and a chart) against
  # openpyxl concatenating the same ledgers (read-only in, write-only out).
  # The two sides alternate in each run; every run must succeed.
  go run ./scripts/genmerge -bench 2000 "$work/units"
  runs=${MERGE_RUNS:-3}
  ratios=() ; ob="" ; pb="" ; orss=0 ; prss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$R" merge --force --today 2026-01-01 "$work/units" "$work/merged.xlsx" >/dev/null 2>&1 \
      || { echo "merge: rectify failed"; exit 1; }
    read -r ot om < <(tail -1 "$work/t")
    /usr/bin/time -f "%e %M" -o "$work/t" /usr/bin/python3 scripts/openpyxl_merge.py "$work/units" "$work/merged-py.xlsx" >/dev/null 2>&1 \
      || { echo "merge: openpyxl failed"; exit 1; }
    read -r pt pm < <(tail -1 "$work/t")
    ratios+=("$(ratio "$pt" "$ot")")
    if [ -z "$ob" ] || [ "$(echo "$ot < $ob" | bc)" = 1 ]; then ob=$ot; fi
    if [ -z "$pb" ] || [ "$(echo "$pt < $pb" | bc)" = 1 ]; then pb=$pt; fi
    orss=$(( om > orss ? om : orss )) ; prss=$(( pm > prss ? pm : prss ))
  done
  echo "merge  2,000 units (100,000 issues) -> xlsx: rectify best ${ob}s, openpyxl concatenation best ${pb}s: rectify is $(ratio "$pb" "$ob")x faster (per-run ratios: ${ratios[*]}); max RSS rectify $((orss / 1024)) MiB, openpyxl $((prss / 1024)) MiB"
fi
