#!/usr/bin/env bash
# Restart a server started by scripts/pg-start.sh (fast mode: every connection is dropped),
# keeping its data, port and options. Used by the chaos harness (scripts/chaos.sh).
# Usage: scripts/pg-restart.sh <DSN printed by pg-start.sh | port>
set -euo pipefail

arg=${1:?usage: pg-restart.sh <dsn|port>}
port=$(sed -E 's#.*@127\.0\.0\.1:([0-9]+)/.*#\1#' <<<"$arg")
ptr="${TMPDIR:-/tmp}/xtf-pg-$port.dir"
if [[ ! $port =~ ^[0-9]+$ || ! -f $ptr ]]; then
  echo "pg-restart: no server started by pg-start.sh for '$arg'" >&2
  exit 1
fi
dir=$(cat "$ptr")

PGBIN=${PGBIN:-}
if [[ -z $PGBIN ]]; then
  for d in /usr/lib/postgresql/*/bin; do [[ -x $d/pg_ctl ]] && PGBIN=$d; done
fi
as_pg=()
[[ $(id -u) -eq 0 ]] && as_pg=(runuser -u postgres --)

"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 restart >/dev/null
