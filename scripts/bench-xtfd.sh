#!/usr/bin/env bash
# Measure xtfd on loopback: throughput and p50/p99 latency of login and of a successful
# payment (against the built-in simulator) with N concurrent terminals, on SQLite and on a
# throw-away PostgreSQL server.
# With -profile DIR, it also takes xtfd's CPU, block and mutex profiles during the payment
# phase and prints the top of each (the files stay in DIR for `go tool pprof`).
# Usage: scripts/bench-xtfd.sh [-n terminals] [-d duration-per-phase] [-profile DIR] [sqlite] [postgres]
set -euo pipefail
cd "$(dirname "$0")/.."

n=50 d=20s dbs=() profile=""
while [[ $# -gt 0 ]]; do
  case $1 in
    -n) n=$2; shift 2 ;;
    -d) d=$2; shift 2 ;;
    -profile) profile=$2; shift 2 ;;
    sqlite|postgres) dbs+=("$1"); shift ;;
    *) echo "usage: $0 [-n terminals] [-d duration] [-profile DIR] [sqlite] [postgres]" >&2; exit 2 ;;
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
# bench_merchants prints the import file of the n merchants xtfload expects (770000000NNN).
bench_merchants() {
  echo "no,name,phone,store"
  for ((i = 0; i < $1; i++)); do printf '770000000%03d,压测商户%d,1380000%04d,门店\n' "$i" "$i" "$i"; done
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# profiled runs xtfload and, once its payment phase has begun, takes the profiles of the
# xtfd whose -pprof listens on $2 into $profile/<db>-{cpu,block,mutex}.pprof.
profiled() {
  local db=$1 addr=$2 secs; shift 2
  secs=$(( ${d%s} > 4 ? ${d%s} - 2 : 2 ))
  mkdir -p "$profile"
  "$work/xtfload" "$@" | tee "$work/load-$db.out" &
  local load_pid=$!
  until grep -q '^pay phase' "$work/load-$db.out" 2>/dev/null; do sleep 0.2; done
  curl -sf "http://$addr/debug/pprof/profile?seconds=$secs" -o "$profile/$db-cpu.pprof"
  curl -sf "http://$addr/debug/pprof/block" -o "$profile/$db-block.pprof"
  curl -sf "http://$addr/debug/pprof/mutex" -o "$profile/$db-mutex.pprof"
  wait "$load_pid"
  for kind in cpu block mutex; do
    echo "-- $db $kind profile (top 15)"
    go tool pprof -top -nodecount=15 "$work/xtfd" "$profile/$db-$kind.pprof" 2>/dev/null | sed -n '1,22p'
  done
}

echo "xtfd bench: $n terminals, $d per phase, $(nproc) CPUs, $(go version | cut -d' ' -f3)"
for db in "${dbs[@]}"; do
  if [[ $db == postgres ]]; then
    dsn_pg=$(scripts/pg-start.sh); dsn=$dsn_pg
  else
    dsn=$work/bench.db
  fi
  bench_merchants "$n" >"$work/merchants.csv"
  "$work/xtfd" merchant import -db "$dsn" -file "$work/merchants.csv" >/dev/null
  port=$(free_port) pport=$(free_port) pflag=()
  [[ -n $profile ]] && pflag=(-pprof "127.0.0.1:$pport")
  "$work/xtfd" serve -listen "127.0.0.1:$port" -db "$dsn" -gateway sim -sim-sign RSA "${pflag[@]}" \
    -sms console -sms-log "$work/sms-$db.log" 2>"$work/xtfd-$db.log" &
  xtfd_pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  echo "== $db"
  load=(-url "http://127.0.0.1:$port" -sms-log "$work/sms-$db.log" -prefix 770000000 -n "$n" -d "$d")
  if [[ -n $profile ]]; then
    profiled "$db" "127.0.0.1:$pport" "${load[@]}"
  else
    "$work/xtfload" "${load[@]}"
  fi
  kill "$xtfd_pid"; wait "$xtfd_pid" 2>/dev/null || true; xtfd_pid=""
  grep -ho 'trade writes committed.*' "$work/xtfd-$db.log" || true # the Committer's commits and writes
  if [[ $db == postgres ]]; then scripts/pg-stop.sh "$dsn_pg"; dsn_pg=""; fi
done
