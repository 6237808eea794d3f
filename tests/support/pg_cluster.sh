#!/usr/bin/env bash
# A private PostgreSQL server for the tests, in a folder of its own, reached
# only through a Unix socket in that folder (no port is taken):
#
#   tests/support/pg_cluster.sh start DIR   initdb (once) and start; prints the URL
#   tests/support/pg_cluster.sh stop DIR    stop it and remove DIR
#
# As root (CI), the server runs as the "postgres" user, which Debian's
# postgresql package creates. The tests connect as the role "masir", trusted
# on the socket.
set -euo pipefail
# As root the server's programs run as "postgres", which may not enter the
# folder ctest runs in (a build under /root): start from one it can.
cd /
action="${1:?start or stop}"
dir="${2:?folder}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "pg_cluster: PostgreSQL is not installed (scripts/bootstrap.sh installs it)" >&2
  exit 1
fi
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(runuser -u postgres --)
fi
case "$action" in
  start)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      rm -rf "$dir"
      mkdir -p "$dir"
      [ ${#as_owner[@]} -eq 0 ] || chown postgres "$dir"
      "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U masir -A trust -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://masir@/postgres?host=$dir"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg_cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac
