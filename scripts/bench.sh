#!/usr/bin/env bash
# `make bench`: Go benchmarks of the backend, the benchmark scripts of the OCR and xtfd
# engineers when present (BENCH_DESKTOP_ONLY=1 skips those), and the desktop figures: cold start to first paint and idle RSS of
# the production binary under Xvfb, exe and installer sizes (built by scripts/windows.sh when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"
if [[ -z ${DISPLAY:-} ]]; then
  exec scripts/xvfb.sh "$0" "$@"
fi
RUNS=${RUNS:-5}

failed=()
if [[ -z ${BENCH_DESKTOP_ONLY:-} ]]; then
  echo "== go test -bench ./backend/..."
  go test -run '^$' -bench . -benchmem ./backend/... || failed+=("go benchmarks")
  for s in scripts/bench-ocr.sh scripts/bench-xtfd.sh; do
    if [[ -x $s ]]; then echo "== $s"; "$s" || failed+=("$s"); else echo "== $s: not present, skipped"; fi
  done
fi

echo "== desktop: cold start to first paint, idle RSS (production build, $RUNS runs)"
out=$(wails build -trimpath 2>&1) || { echo "$out" >&2; exit 1; }
find frontend/wailsjs -type f -exec chmod 644 {} + # wails writes some files 0755, some 0644
ms() { date +%s%3N; }
rss_kb() { awk '/^VmRSS/{print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
starts=() rss_main=() rss_all=()
for i in $(seq "$RUNS"); do
  data=$(mktemp -d "${TMPDIR:-/tmp}/xtf-bench.XXXXXX")
  t0=$(ms)
  XTF_DATA_DIR=$data build/bin/xiaotongfu >"$data/app.out" 2>&1 &
  app=$!
  win=""
  until [[ -n $win ]]; do
    win=$(xdotool search --onlyvisible --name '^小通付$' 2>/dev/null | head -1 || true)
    [[ $(( $(ms) - t0 )) -lt 30000 ]] || { echo "bench: no window after 30 s:" >&2; head -5 "$data/app.out" >&2; kill $app; exit 1; }
  done
  until [[ $(import -window "$win" png:- 2>/dev/null | identify -format %k - 2>/dev/null || echo 0) -gt 200 ]]; do
    [[ $(( $(ms) - t0 )) -lt 30000 ]] || { echo "bench: window never painted" >&2; kill $app; exit 1; }
    sleep 0.02
  done
  starts+=($(( $(ms) - t0 )))
  sleep 5
  main=$(rss_kb $app)
  all=$main
  for c in $(pgrep -P $app); do all=$(( all + $(rss_kb "$c") )); done
  rss_main+=("$main") rss_all+=("$all")
  kill -INT $app; wait $app 2>/dev/null || true
  rm -rf "$data"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
echo "cold start to first paint: median $(median "${starts[@]}") ms (runs: ${starts[*]})"
echo "idle RSS after 5 s: app $(( $(median "${rss_main[@]}") / 1024 )) MiB, app + WebKit processes $(( $(median "${rss_all[@]}") / 1024 )) MiB"
echo "linux binary: $(stat -c %s build/bin/xiaotongfu) bytes"
[[ -f build/bin/xiaotongfu.exe && -f build/bin/xiaotongfu-amd64-installer.exe ]] || scripts/windows.sh >/dev/null
for f in build/bin/xiaotongfu.exe build/bin/xiaotongfu-amd64-installer.exe; do
  echo "$(basename "$f"): $(stat -c %s "$f") bytes"
done
if ((${#failed[@]})); then
  echo "bench: FAILED: ${failed[*]}"
  exit 1
fi
