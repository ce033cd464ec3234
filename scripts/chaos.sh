#!/usr/bin/env bash
# `make chaos`: the money path's chaos harness (backend/cmd/xtfchaos) on a throw-away
# PostgreSQL: desktops, two xtfd (one with a skewed clock), the SYB simulator and faults for
# CHAOS_DURATION (default 5m), then settle and reconcile with the simulator's ledger. Exit
# status 1 on any lost, doubled or mismatched trade. Logs and the report (report.txt) are in
# build/bin/chaos/. Extra arguments go to `xtfchaos run` (build/bin/chaos/bin/xtfchaos run -h).
set -euo pipefail
cd "$(dirname "$0")/.."

work=build/bin/chaos
rm -rf "$work"
mkdir -p "$work/bin"
go build -o "$work/bin/" ./backend/cmd/xtfd ./backend/cmd/sybsim ./backend/cmd/xtfchaos

dsn=""
cleanup() { [[ -z $dsn ]] || scripts/pg-stop.sh "$dsn" || true; }
trap cleanup EXIT
dsn=$(scripts/pg-start.sh)

"$work/bin/xtfchaos" run -dsn "$dsn" -bin "$work/bin" -work "$work" \
  -duration "${CHAOS_DURATION:-5m}" -pg-restart "scripts/pg-restart.sh '$dsn'" "$@" | tee "$work/report.txt"
