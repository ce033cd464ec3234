#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for tests and benchmarks: data in a new temp dir, a
# free loopback port, trust auth on loopback only. Prints the DSN on stdout, e.g.
#   postgres://xtf@127.0.0.1:41234/xtf?sslmode=disable
# Stop it (and delete its data) with: scripts/pg-stop.sh "$DSN"
# Run as root, the server runs as the unprivileged user "postgres" (initdb refuses root).
set -euo pipefail

PGBIN=${PGBIN:-}
if [[ -z $PGBIN ]]; then
  for d in /usr/lib/postgresql/*/bin; do [[ -x $d/initdb ]] && PGBIN=$d; done
fi
if [[ -z $PGBIN || ! -x $PGBIN/initdb ]]; then
  echo "pg-start: PostgreSQL server binaries not found (apt-get install postgresql, or set PGBIN)" >&2
  exit 1
fi

as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "pg-start: running as root but there is no 'postgres' user to run the server as" >&2
    exit 1
  fi
  as_pg=(runuser -u postgres --)
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dir=$(mktemp -d "${TMPDIR:-/tmp}/xtf-pg.XXXXXX")
chmod 700 "$dir"
[[ ${#as_pg[@]} -gt 0 ]] && chown postgres: "$dir"

"${as_pg[@]}" "$PGBIN/initdb" -D "$dir/data" -U xtf --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
  echo "pg-start: initdb failed:" >&2; cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200" start >/dev/null || {
  echo "pg-start: server did not start:" >&2; cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1; }
"${as_pg[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U xtf xtf

echo "$dir" >"${TMPDIR:-/tmp}/xtf-pg-$port.dir"
echo "postgres://xtf@127.0.0.1:$port/xtf?sslmode=disable"
