#!/usr/bin/env bash
# Stop a server started by scripts/pg-start.sh and delete its data.
# Usage: scripts/pg-stop.sh <DSN printed by pg-start.sh | port>
set -euo pipefail

arg=${1:?usage: pg-stop.sh <dsn|port>}
port=$(sed -E 's#.*@127\.0\.0\.1:([0-9]+)/.*#\1#' <<<"$arg")
if [[ ! $port =~ ^[0-9]+$ ]]; then
  echo "pg-stop: cannot find a port in '$arg'" >&2
  exit 1
fi
ptr="${TMPDIR:-/tmp}/xtf-pg-$port.dir"
if [[ ! -f $ptr ]]; then
  echo "pg-stop: no server started by pg-start.sh on port $port" >&2
  exit 1
fi
dir=$(cat "$ptr")

PGBIN=${PGBIN:-}
if [[ -z $PGBIN ]]; then
  for d in /usr/lib/postgresql/*/bin; do [[ -x $d/pg_ctl ]] && PGBIN=$d; done
fi
as_pg=()
[[ $(id -u) -eq 0 ]] && as_pg=(runuser -u postgres --)

"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || echo "pg-stop: pg_ctl stop failed" >&2
case $dir in
  "${TMPDIR:-/tmp}"/xtf-pg.*) rm -rf "$dir" ;;
esac
rm -f "$ptr"
