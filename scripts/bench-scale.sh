#!/usr/bin/env bash
# Horizontal scaling of xtfd (issue 13): the same payment load against one xtfd, then against
# two xtfd on one PostgreSQL behind xtfload's round-robin client. Each xtfd is pinned to one
# CPU of its own with taskset (the CPU share is printed), so "two servers" means twice the
# server CPU; xtfload and PostgreSQL share the machine unpinned. Prints both throughputs and
# the ratio. Usage: scripts/bench-scale.sh [-n terminals] [-d duration]
set -euo pipefail
cd "$(dirname "$0")/.."

n=50 d=15s
while [[ $# -gt 0 ]]; do
  case $1 in
    -n) n=$2; shift 2 ;;
    -d) d=$2; shift 2 ;;
    *) echo "usage: $0 [-n terminals] [-d duration]" >&2; exit 2 ;;
  esac
done
cpus=$(nproc)
if ((cpus < 2)); then echo "bench-scale: needs 2 CPUs, this machine has $cpus; skipped"; exit 0; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/xtf-scale.XXXXXX")
pids=() dsn=""
stop_servers() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  pids=()
}
cleanup() { stop_servers; [[ -n $dsn ]] && scripts/pg-stop.sh "$dsn" || true; rm -rf "$work"; }
trap cleanup EXIT
go build -o "$work/xtfd" ./backend/cmd/xtfd
go build -o "$work/xtfload" ./backend/cmd/xtfd/xtfload
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# run k prefix: k xtfd pinned to CPUs 0..k-1 on a fresh set of merchants, and the load on all.
run() {
  local k=$1 prefix=$2 urls=() i port
  {
    echo "no,name,phone,store"
    for ((i = 0; i < n; i++)); do printf '%s%03d,扩展商户%d,1380000%04d,门店\n' "$prefix" "$i" "$i" "$i"; done
  } >"$work/m-$k.csv"
  "$work/xtfd" merchant import -db "$dsn" -file "$work/m-$k.csv" >/dev/null
  : >"$work/sms-$k.log"
  for ((i = 0; i < k; i++)); do
    port=$(free_port)
    taskset -c "$i" "$work/xtfd" serve -listen "127.0.0.1:$port" -db "$dsn" -gateway sim -sim-sign RSA \
      -sms console -sms-log "$work/sms-$k.log" 2>"$work/xtfd-$k-$i.log" &
    pids+=($!)
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
    urls+=("http://127.0.0.1:$port")
  done
  "$work/xtfload" -url "$(IFS=,; echo "${urls[*]}")" -sms-log "$work/sms-$k.log" -prefix "$prefix" -n "$n" -d "$d" \
    | tee "$work/load-$k.out" | grep -E '^(pay |crypto)' >&2
  stop_servers
  awk '/^pay /{for(i=1;i<=NF;i++) if($i ~ /^throughput=/){sub("throughput=","",$i); sub("/s","",$i); print $i}}' "$work/load-$k.out"
}

dsn=$(scripts/pg-start.sh)
echo "xtfd scale bench: $n terminals, $d, PostgreSQL, each xtfd pinned to 1 of $cpus CPUs, $(go version | cut -d' ' -f3)"
echo "== one xtfd (CPU 0)"
one=$(run 1 771000000 | tail -1)
echo "== two xtfd (CPUs 0 and 1), round-robin"
two=$(run 2 772000000 | tail -1)
awk -v a="$one" -v b="$two" 'BEGIN { printf "scale: one %.1f/s, two %.1f/s, ratio %.2fx\n", a, b, b / a }'
