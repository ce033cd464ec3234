# Sourced by pg-stop.sh and pg-restart.sh: pg_server <name> <DSN printed by pg-start.sh | port>
# finds that server and sets dir (its folder), ptr (the pointer file pg-start.sh wrote), PGBIN
# and as_pg (the command prefix that runs as the postgres user when we are root), or exits.
pg_server() {
  local name=$1 arg=$2 port
  port=$(sed -E 's#.*@127\.0\.0\.1:([0-9]+)/.*#\1#' <<<"$arg")
  ptr="${TMPDIR:-/tmp}/xtf-pg-$port.dir"
  if [[ ! $port =~ ^[0-9]+$ || ! -f $ptr ]]; then
    echo "$name: no server started by pg-start.sh for '$arg'" >&2
    exit 1
  fi
  dir=$(cat "$ptr")
  PGBIN=${PGBIN:-}
  if [[ -z $PGBIN ]]; then
    for d in /usr/lib/postgresql/*/bin; do [[ -x $d/pg_ctl ]] && PGBIN=$d; done
  fi
  as_pg=()
  [[ $(id -u) -eq 0 ]] && as_pg=(runuser -u postgres --)
  return 0
}
