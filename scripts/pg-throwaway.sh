#!/bin/sh
# Start or stop a throwaway PostgreSQL cluster on a free loopback port for the test suite.
# Usage: scripts/pg-throwaway.sh start STATEFILE   -> prints the SQLAlchemy URL
#        scripts/pg-throwaway.sh stop STATEFILE
# PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` system user and
# lives in its own directory under /tmp (the repository may sit where that user cannot go);
# STATEFILE records where, for `stop`.
set -eu
action=$1
state=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
cd /tmp  # the postgres user may not be able to enter the caller's directory
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || { echo "PostgreSQL server binaries not found" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    dir=$(mktemp -d /tmp/asylum-prep-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    echo "$dir" > "$state"
    if ! as_pg "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2; exit 1
    fi
    if ! as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
      cat "$dir/server.log" >&2; exit 1
    fi
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -f "$state" ] || exit 0
    dir=$(cat "$state")
    case "$dir" in /tmp/asylum-prep-pg.*) ;; *) echo "refusing to remove $dir" >&2; exit 1 ;; esac
    [ -d "$dir/data" ] && as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir" "$state"
    ;;
esac
