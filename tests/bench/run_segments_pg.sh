#!/usr/bin/env bash
# Segments and scoring on a server workspace: the generated 1,000,000-contact,
# 5,000,000-event workspace of run_segments.sh, pushed to a private PostgreSQL
# server (masir-cli workspace push, through COPY), then the same measurements
# on the server and, in the same run, on the file (the reference).
#
#   tests/bench/run_segments_pg.sh [BUILD_DIR] [CONTACTS] [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="$(cd "${1:-build/release}" && pwd)"
contacts="${2:-1000000}"
events="${3:-5000000}"
work="${MASIR_BENCH_DIR:-/tmp/masir-bench}"
generated="$work/segments-$contacts-$events.masir"
ws="$work/segments-run.masir"
mkdir -p "$work"
if [ ! -f "$generated" ]; then
  echo "== creating $generated"
  "$build/app/cli/masir-cli" --workspace "$generated" demo --contacts "$contacts" --no-events
  python3 tests/bench/make_events.py "$generated" "$events"
  "$build/app/cli/masir-cli" --workspace "$generated" report recount
fi
"$build/app/cli/masir-cli" --workspace "$generated" contacts count >/dev/null # this build's schema

source tests/bench/pg_server.sh
fresh_database segments
server="postgresql://masir@/segments?host=$pgdir"
echo "== workspace push to the server"
start=$(date +%s%N)
"$build/app/cli/masir-cli" workspace push "$generated" "$server" | tail -n 1
echo "push: $(( ($(date +%s%N) - start) / 1000000 )) ms"
# as autovacuum leaves it after a while (push itself runs ANALYZE)
"$bin/psql" -q -h "$pgdir" -U masir segments -c "VACUUM"

echo "== on the server"
stdbuf -oL "$build/tests/bench/bench_segments" "$server"
echo "== on the file (reference)"
rm -f "$ws" "$ws-wal" "$ws-shm"
cp "$generated" "$ws"
stdbuf -oL "$build/tests/bench/bench_segments" "$ws"
