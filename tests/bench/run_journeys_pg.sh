#!/usr/bin/env bash
# Journey steps per second on a server workspace, with one and with three
# workers: N contacts (default 20,000) enrolled in the 6-node journey of
# bench_journeys, all steps due, then 1 or 3 processes run them at once
# (each as `masir-cli worker run` would: JourneyEngine::runDue). Reference in
# the same run: one process on a workspace file with the same contacts.
#
#   tests/bench/run_journeys_pg.sh [BUILD_DIR] [CONTACTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="$(cd "${1:-build/release}" && pwd)"
contacts="${2:-20000}"
work="${MASIR_BENCH_DIR:-/tmp/masir-bench}"
mkdir -p "$work"
source tests/bench/pg_server.sh
fresh_database journeys
server="postgresql://masir@/journeys?host=$pgdir"
"$build/app/cli/masir-cli" --workspace "$server" demo --contacts "$contacts" --no-events >/dev/null

for workers in 1 3; do
  echo "== $workers worker(s) on the server"
  "$build/tests/bench/bench_journeys" "$server" 500 --prepare
  start=$(date +%s%N)
  pids=()
  for i in $(seq "$workers"); do
    "$build/tests/bench/bench_journeys" "$server" 500 --run > "$work/journeys-worker-$i.log" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  steps=$(cat "$work"/journeys-worker-*.log | awk '{s += $2} END {print s}')
  cat "$work"/journeys-worker-*.log
  rm -f "$work"/journeys-worker-*.log
  awk -v s="$steps" -v ms="$ms" -v w="$workers" \
    'BEGIN { printf "%d worker(s): %d steps in %d ms, %.0f steps/s\n", w, s, ms, s / (ms / 1000) }'
done

echo "== reference: one process on a workspace file"
file="$work/journeys-ref-$contacts.masir"
rm -f "$file" "$file-wal" "$file-shm"
"$build/app/cli/masir-cli" --workspace "$file" demo --contacts "$contacts" --no-events >/dev/null
"$build/tests/bench/bench_journeys" "$file" 500
