#!/usr/bin/env bash
# Run the platform tests (and xtfd's) against a throw-away PostgreSQL server as well as
# SQLite: start one, export XTF_TEST_PG_DSN, go test, stop it whatever happens.
# Extra arguments go to `go test` (e.g. -run Login -v).
set -euo pipefail
cd "$(dirname "$0")/.."

dsn=$(scripts/pg-start.sh)
trap 'scripts/pg-stop.sh "$dsn"' EXIT
echo "pg-test: PostgreSQL at ${dsn}" >&2
XTF_TEST_PG_DSN=$dsn go test "$@" ./backend/platform/...
