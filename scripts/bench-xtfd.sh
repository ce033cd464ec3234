#!/usr/bin/env bash
# Measure xtfd on loopback: throughput and p50/p99 latency of login and of a successful
# payment (against the built-in simulator) with N concurrent terminals, on SQLite and on a
# throw-away PostgreSQL server.
# Usage: scripts/bench-xtfd.sh [-n terminals] [-d duration-per-phase] [sqlite] [postgres]
set -euo pipefail
cd "$(dirname "$0")/.."

n=50 d=20s dbs=()
while [[ $# -gt 0 ]]; do
  case $1 in
    -n) n=$2; shift 2 ;;
    -d) d=$2; shift 2 ;;
    sqlite|postgres) dbs+=("$1"); shift ;;
    *) echo "usage: $0 [-n terminals] [-d duration] [sqlite] [postgres]" >&2; exit 2 ;;
  esac
done
[[ ${#dbs[@]} -eq 0 ]] && dbs=(sqlite postgres)

work=$(mktemp -d "${TMPDIR:-/tmp}/xtf-bench.XXXXXX")
xtfd_pid="" dsn_pg=""
cleanup() {
  [[ -n $xtfd_pid ]] && kill "$xtfd_pid" 2>/dev/null && wait "$xtfd_pid" 2>/dev/null || true
  [[ -n $dsn_pg ]] && scripts/pg-stop.sh "$dsn_pg" || true
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/xtfd" ./backend/cmd/xtfd
go build -o "$work/xtfload" ./backend/cmd/xtfd/xtfload
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "xtfd bench: $n terminals, $d per phase, $(nproc) CPUs, $(go version | cut -d' ' -f3)"
for db in "${dbs[@]}"; do
  if [[ $db == postgres ]]; then
    dsn_pg=$(scripts/pg-start.sh); dsn=$dsn_pg
  else
    dsn=$work/bench.db
  fi
  for ((i = 0; i < n; i++)); do
    no=$(printf '770000000%03d' "$i")
    "$work/xtfd" merchant add -db "$dsn" -no "$no" -name "压测商户$i" -phone "$(printf '1380000%04d' "$i")" >/dev/null
    "$work/xtfd" store add -db "$dsn" -merchant "$no" -name "门店" >/dev/null
  done
  port=$(free_port)
  "$work/xtfd" serve -listen "127.0.0.1:$port" -db "$dsn" -gateway sim -sim-sign RSA \
    -sms console -sms-log "$work/sms-$db.log" 2>"$work/xtfd-$db.log" &
  xtfd_pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  echo "== $db"
  "$work/xtfload" -url "http://127.0.0.1:$port" -sms-log "$work/sms-$db.log" -prefix 770000000 -n "$n" -d "$d"
  kill "$xtfd_pid"; wait "$xtfd_pid" 2>/dev/null || true; xtfd_pid=""
  if [[ $db == postgres ]]; then scripts/pg-stop.sh "$dsn_pg"; dsn_pg=""; fi
done
