#!/usr/bin/env bash
# The campaigns' benchmarks, against references measured in the same run:
#
# 1. Fan-out: a campaign to everyone in a CONTACTS-contact workspace (default
#    1,000,000) started and written into the outbox. Reference: the bare copy
#    of the same rows into a new table. Target: at most 10 s.
# 2. Report: `campaign report` for that campaign with EVENTS events in the
#    workspace (default 5,000,000). Reference: counting the events. Target:
#    at most 500 ms.
#
#   tests/bench/run_campaign.sh [BUILD_DIR] [CONTACTS] [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="$(realpath "${1:-build/release}")"
contacts="${2:-1000000}"
events="${3:-5000000}"
work="${MASIR_BENCH_DIR:-/tmp/masir-bench}"
cli="$build/app/cli/masir-cli"
bench="$build/tests/bench/bench_campaign"
mkdir -p "$work"
generated="$work/collector-$contacts.masir" # the same demo workspace as run_collector.sh
ws="$work/campaign-run.masir"
if [ ! -f "$generated" ]; then
  "$cli" --workspace "$generated" demo --contacts "$contacts" --no-events >/dev/null
fi
runs="${MASIR_BENCH_RUNS:-3}"
for run in $(seq "$runs"); do
  rm -f "$ws" "$ws-wal" "$ws-shm"
  cp "$generated" "$ws"
  "$cli" --workspace "$ws" template list >/dev/null # migrations outside the timing
  sync
  echo "fanout $run: $("$bench" fanout "$ws")"
done
echo "report: $("$bench" report "$ws" "$events")"
# The command a user runs, process start and all: five times, the median.
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$cli" --workspace "$ws" campaign report "Bench campaign" --json >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "masir-cli campaign report: median ${sorted[2]} ms (runs: ${times[*]}; target 500 ms)"
