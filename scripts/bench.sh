#!/usr/bin/env bash
# `make bench`: Go benchmarks of the backend, the benchmark scripts of the OCR and xtfd
# engineers when present (BENCH_DESKTOP_ONLY=1 skips those), and the desktop figures: cold start to first paint with
# where it goes, and idle memory (Go side and WebKit apart) of the production binary under Xvfb
# (scripts/bench-startup.sh), exe and installer sizes (built by scripts/windows.sh when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"
if [[ -z ${DISPLAY:-} ]]; then
  exec scripts/xvfb.sh "$0" "$@"
fi
RUNS=${RUNS:-5}

failed=()
if [[ -z ${BENCH_DESKTOP_ONLY:-} ]]; then
  # Includes BenchmarkTradePeriod1M (交易查询 on a 1M-trade ledger, cached in $TMPDIR after the
  # first run) and the 100k-row export benchmarks (BenchmarkWrite{CSV,XLSX}100k).
  echo "== go test -bench ./backend/..."
  go test -run '^$' -bench . -benchmem ./backend/... || failed+=("go benchmarks")
  for s in scripts/bench-ocr.sh scripts/bench-xtfd.sh scripts/bench-scale.sh; do
    if [[ -x $s ]]; then echo "== $s"; "$s" || failed+=("$s"); else echo "== $s: not present, skipped"; fi
  done
fi

echo "== desktop: cold start to first paint, idle memory (production build, $RUNS runs)"
out=$(wails build -trimpath 2>&1) || { echo "$out" >&2; exit 1; }
find frontend/wailsjs -type f -exec chmod 644 {} + # wails writes some files 0755, some 0644
scripts/bench-startup.sh build/bin/xiaotongfu "$RUNS"
echo "linux binary: $(stat -c %s build/bin/xiaotongfu) bytes"
[[ -f build/bin/xiaotongfu.exe && -f build/bin/xiaotongfu-amd64-installer.exe ]] || scripts/windows.sh >/dev/null
for f in build/bin/xiaotongfu.exe build/bin/xiaotongfu-amd64-installer.exe; do
  echo "$(basename "$f"): $(stat -c %s "$f") bytes"
done
if ((${#failed[@]})); then
  echo "bench: FAILED: ${failed[*]}"
  exit 1
fi
