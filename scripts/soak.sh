#!/usr/bin/env bash
# A bounded soak of xtfd (issue 13): N simulated terminals, each from its own address (xtfd
# trusts 127.0.0.1 as its TLS proxy), idle with a heartbeat and paying at shop-like rates that
# ramp to a lunch-hour peak and back, against the built-in simulator. Every minute it prints
# the payments, their p50/p99 and xtfd's RSS, goroutines and open files; it fails on any bad
# operation, or when p99, RSS, goroutines or open files did not come back after the peak.
# Usage: scripts/soak.sh [-t terminals] [-d duration] [-every interval] [-db sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."

terms=1000 d=10m every=1m db=sqlite
while [[ $# -gt 0 ]]; do
  case $1 in
    -t) terms=$2; shift 2 ;;
    -d) d=$2; shift 2 ;;
    -every) every=$2; shift 2 ;;
    -db) db=$2; shift 2 ;;
    *) echo "usage: $0 [-t terminals] [-d duration] [-every interval] [-db sqlite|postgres]" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/xtf-soak.XXXXXX")
xtfd_pid="" dsn_pg=""
cleanup() {
  [[ -n $xtfd_pid ]] && kill "$xtfd_pid" 2>/dev/null && wait "$xtfd_pid" 2>/dev/null || true
  [[ -n $dsn_pg ]] && scripts/pg-stop.sh "$dsn_pg" || true
  rm -rf "$work"
}
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

go build -o "$work/xtfd" ./backend/cmd/xtfd
go build -o "$work/xtfload" ./backend/cmd/xtfd/xtfload
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if [[ $db == postgres ]]; then dsn_pg=$(scripts/pg-start.sh); dsn=$dsn_pg; else dsn=$work/soak.db; fi
{
  echo "no,name,phone,store"
  for ((i = 0; i < terms; i++)); do printf '66000000%04d,浸泡商户%d,1390000%04d,门店\n' "$i" "$i" "$i"; done
} >"$work/merchants.csv"
"$work/xtfd" merchant import -db "$dsn" -file "$work/merchants.csv"

port=$(free_port) pport=$(free_port)
"$work/xtfd" serve -listen "127.0.0.1:$port" -db "$dsn" -gateway sim -sim-sign RSA -pprof "127.0.0.1:$pport" \
  -trusted-proxy 127.0.0.1 -sms console -sms-log "$work/sms.log" 2>"$work/xtfd.log" &
xtfd_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
echo "soak: $terms terminals for $d on $db, $(nproc) CPUs, $(go version | cut -d' ' -f3)"
status=0
"$work/xtfload" -url "http://127.0.0.1:$port" -sms-log "$work/sms.log" -prefix 66000000 -n "$terms" \
  -soak "$d" -every "$every" -pid "$xtfd_pid" -pprof "127.0.0.1:$pport" || status=$?
if [[ $status -ne 0 ]]; then
  echo "soak: the last lines of xtfd's log:" >&2
  grep -E 'level=(WARN|ERROR)' "$work/xtfd.log" | tail -20 >&2 || true
fi
exit $status
