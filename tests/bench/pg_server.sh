# Sourced by the benchmarks on PostgreSQL: starts a private server in
# $work/pg (stopped when the benchmark exits) and makes fresh databases.
#
#   source tests/bench/pg_server.sh; fresh_database NAME...
pgdir="$work/pg"
tests/support/pg_cluster.sh start "$pgdir" >/dev/null
trap 'tests/support/pg_cluster.sh stop "$pgdir" >/dev/null 2>&1 || true' EXIT
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# Empty databases NAME..., made again if they were there.
fresh_database() {
  for db in "$@"; do
    "$bin/dropdb" -h "$pgdir" -U masir --if-exists "$db"
    "$bin/createdb" -h "$pgdir" -U masir "$db"
  done
}
