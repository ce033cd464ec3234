#!/usr/bin/env bash
# scripts/bench-startup.sh BIN [RUNS]: the desktop part of `make bench`. RUNS (5) cold starts
# of BIN under Xvfb, each a new process on a new data folder (demo mode: database created and
# migrated, demo seeded, the SYB simulator started). "First paint" is the app's own start-up
# trace (backend/desktop/startup_trace.go): the first route mounted and its first frame drawn;
# the window is then checked to show it (a screenshot with more than 200 colours). Prints the
# median of each step since the binary was run, then the idle memory 10 s after the first
# paint: the Go side (runtime.MemStats from the log's "idle memory" line) apart from the RSS of
# the app process and of WebKit's own processes (WebKitWebProcess, WebKitNetworkProcess).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z ${DISPLAY:-} ]]; then
  exec scripts/xvfb.sh "$0" "$@"
fi
bin=${1:?usage: $0 BIN [RUNS]} runs=${2:-5}

ms() { date +%s%3N; }
rss_kb() { awk '/^VmRSS/{print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
descendants() { local c; for c in $(pgrep -P "$1" || true); do echo "$c"; descendants "$c"; done; }
field() { grep -o "\b$2=[^ ]*" <<<"$1" | head -1 | cut -d= -f2; } # field LINE KEY (slog text)
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

# waitlog LOG MSG PID: print the first line of LOG with msg=MSG, waiting up to 40 s.
waitlog() {
  local end=$(($(ms) + 40000)) line
  while :; do
    line=$(grep -m1 -E "msg=\"?$2\"? " "$1" 2>/dev/null || true)
    [[ -z $line ]] || { echo "$line"; return; }
    if [[ $(ms) -gt $end ]] || ! kill -0 "$3" 2>/dev/null; then
      echo "bench: no \"$2\" in the app's log:" >&2; tail -5 "$1" >&2; return 1
    fi
    sleep 0.05
  done
}

steps=(main shell wails_run database simulator seed recovery wails_start page_start dom_ready script_start first_route first_paint)
declare -A at
runtime=() paints=() heap=() sys=() goroutines=() rss_app=() rss_webkit=()
for i in $(seq "$runs"); do
  data=$(mktemp -d "${TMPDIR:-/tmp}/xtf-bench.XXXXXX")
  t0=$(ms)
  XTF_DATA_DIR=$data "$bin" >"$data/app.out" 2>&1 &
  app=$!
  trace=$(waitlog "$data/xiaotongfu.log" "startup trace" $app) || { kill $app; exit 1; }
  base=$(($(field "$trace" start_unix_ms) - t0))
  runtime+=("$base")
  for s in "${steps[@]}"; do
    v=$(field "$trace" "${s}_ms")
    [[ -n $v ]] || { echo "bench: step $s missing in: $trace" >&2; kill $app; exit 1; }
    at[$s]+="$((base + v)) "
  done
  paints+=($((base + $(field "$trace" first_paint_ms))))
  win=$(xdotool search --onlyvisible --name '^小通付$' 2>/dev/null | head -1 || true)
  colours=$( [[ -n $win ]] && import -window "$win" png:- 2>/dev/null | identify -format %k - 2>/dev/null || echo 0)
  [[ $colours -gt 200 ]] || { echo "bench: run $i: the window shows no screen after the first paint" >&2; kill $app; exit 1; }
  idle=$(waitlog "$data/xiaotongfu.log" "idle memory" $app) || { kill $app; exit 1; }
  heap+=("$(field "$idle" heap_inuse_kib)") sys+=("$(field "$idle" sys_kib)") goroutines+=("$(field "$idle" goroutines)")
  rss_app+=("$(rss_kb $app)")
  wk=0
  for c in $(descendants $app); do
    [[ $(cat "/proc/$c/comm" 2>/dev/null) == WebKit* ]] && wk=$((wk + $(rss_kb "$c")))
  done
  rss_webkit+=("$wk")
  kill -INT $app; wait $app 2>/dev/null || true
  rm -rf "$data"
done

echo "cold start to first paint: median $(median "${paints[@]}") ms (runs: ${paints[*]})"
echo "where it goes (median ms after the binary was run; the platform's steps run beside Wails and WebKit):"
printf '  %-13s %5s  %s\n' runtime "$(median "${runtime[@]}")" "loader and Go runtime, package initialisation"
declare -A what=([main]="desktop.Open entered" [shell]="data folder, log, config.json, services built"
  [wails_run]="wails.Run called" [database]="database opened and migrated" [simulator]="SYB simulator keys, listening"
  [seed]="demo seeded" [recovery]="in-flight trades resumed (payments may start)" [wails_start]="Wails OnStartup"
  [page_start]="page starts loading" [dom_ready]="page DOM loaded, window shown" [script_start]="main script runs" [first_route]="first route mounted"
  [first_paint]="first frame drawn")
for s in "${steps[@]}"; do
  read -ra vals <<<"${at[$s]}"
  printf '  %-13s %5s  %s\n' "$s" "$(median "${vals[@]}")" "${what[$s]}"
done | sort -k2 -n
echo "idle memory 10 s after the first paint (medians):"
echo "  Go side: heap in use $(($(median "${heap[@]}") / 1024)) MiB, obtained from the OS $(($(median "${sys[@]}") / 1024)) MiB, $(median "${goroutines[@]}") goroutines"
echo "  RSS: app process $(($(median "${rss_app[@]}") / 1024)) MiB (Go, GTK, WebKit's UI side), WebKit processes $(($(median "${rss_webkit[@]}") / 1024)) MiB (WebKitWebProcess + WebKitNetworkProcess)"
