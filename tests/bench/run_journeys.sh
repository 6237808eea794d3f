#!/usr/bin/env bash
# Journey engine benchmark: N contacts (default 100,000) enrolled in a 6-node
# journey, all steps due, sends only into the outbox.
#
#   tests/bench/run_journeys.sh [BUILD_DIR] [CONTACTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
contacts="${2:-100000}"
work="${MASIR_BENCH_DIR:-/tmp/masir-bench}"
generated="$work/journeys-$contacts.masir"
ws="$work/journeys-run.masir"
mkdir -p "$work"
if [ ! -f "$generated" ]; then
  "$build/app/cli/masir-cli" --workspace "$generated" demo --contacts "$contacts" --no-events
fi
rm -f "$ws" "$ws-wal" "$ws-shm"
cp "$generated" "$ws"
/usr/bin/time -f "peak RSS %M KiB" "$build/tests/bench/bench_journeys" "$ws"
