#!/usr/bin/env bash
# The reports' benchmark: the dashboard for the 90 days up to today on the
# segments benchmark's workspace (1,000,000 contacts, 5,000,000 events over a
# year; made by run_segments.sh when missing), against counting every event in
# the same run; what the tallies cost a writer of events; the one-time
# migration that fills them. Target: the dashboard in at most 500 ms.
#
#   tests/bench/run_reports.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="$(realpath "${1:-build/release}")"
work="${MASIR_BENCH_DIR:-/tmp/masir-bench}"
generated="$work/segments-1000000-5000000.masir"
ws="$work/reports-run.masir"
if [ ! -f "$generated" ]; then
  MASIR_BENCH_RUNS=1 tests/bench/run_segments.sh "$build" >/dev/null
fi
if [ ! -f "$ws" ] || [ "$generated" -nt "$ws" ]; then
  rm -f "$ws" "$ws-wal" "$ws-shm"
  cp "$generated" "$ws"
  start=$(date +%s%N)
  "$build/app/cli/masir-cli" --workspace "$ws" template list >/dev/null # migrations outside the timing
  echo "first open (migrations, tallies filled from the events): $(( ($(date +%s%N) - start) / 1000000 )) ms"
  python3 tests/bench/make_stage_changes.py "$ws"
  start=$(date +%s%N)
  "$build/app/cli/masir-cli" --workspace "$ws" report recount
  echo "report recount: $(( ($(date +%s%N) - start) / 1000000 )) ms"
fi
echo "dashboard: $("$build/tests/bench/bench_reports" "$ws")"
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$build/app/cli/masir-cli" --workspace "$ws" report dashboard --days 90 --json >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "cli report dashboard --days 90: median ${sorted[2]} ms (${times[*]})"
