#!/usr/bin/env bash
# Stop a server started by scripts/pg-start.sh and delete its data.
# Usage: scripts/pg-stop.sh <DSN printed by pg-start.sh | port>
set -euo pipefail
source "$(dirname "$0")/pg-lib.sh"
pg_server pg-stop "${1:?usage: pg-stop.sh <dsn|port>}"
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || echo "pg-stop: pg_ctl stop failed" >&2
case $dir in
  "${TMPDIR:-/tmp}"/xtf-pg.*) rm -rf "$dir" ;;
esac
rm -f "$ptr"
