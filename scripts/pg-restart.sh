#!/usr/bin/env bash
# Restart a server started by scripts/pg-start.sh (fast mode: every connection is dropped),
# keeping its data, port and options. Used by the chaos harness (scripts/chaos.sh).
# Usage: scripts/pg-restart.sh <DSN printed by pg-start.sh | port>
set -euo pipefail
source "$(dirname "$0")/pg-lib.sh"
pg_server pg-restart "${1:?usage: pg-restart.sh <dsn|port>}"
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 restart >/dev/null
