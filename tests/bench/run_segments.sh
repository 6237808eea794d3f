#!/usr/bin/env bash
# Segments and scoring benchmark: a generated 1,000,000-contact, 5,000,000-event
# workspace; the count of a 3-condition segment (field + tag + behaviour in the
# last 30 days), materialising it, and recomputing every score.
#
#   tests/bench/run_segments.sh [BUILD_DIR] [CONTACTS] [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
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
  # written around Masir: the reports' tallies counted from them
  "$build/app/cli/masir-cli" --workspace "$generated" report recount
  # the same schema as the build under test (a newer build migrates it)
  "$build/app/cli/masir-cli" --workspace "$generated" contacts count >/dev/null
fi
# Every run starts from the generated state: the first recomputation then
# rewrites the score of almost every contact, as after a first import.
rm -f "$ws" "$ws-wal" "$ws-shm"
cp "$generated" "$ws"
ls -lh "$ws" | awk '{print "workspace size", $5}'
/usr/bin/time -f "peak RSS %M KiB" "$build/tests/bench/bench_segments" "$ws"
