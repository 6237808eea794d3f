#!/usr/bin/env bash
# The dashboard's benchmark: the 90 days up to today on the campaign
# benchmark's workspace (1,000,000 contacts, 5,000,000 events; made by
# run_campaign.sh when missing), against counting every event in the same run.
# Target: at most 500 ms.
#
#   tests/bench/run_reports.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="$(realpath "${1:-build/release}")"
work="${MASIR_BENCH_DIR:-/tmp/masir-bench}"
ws="$work/campaign-run.masir"
if [ ! -f "$ws" ]; then
  MASIR_BENCH_RUNS=1 tests/bench/run_campaign.sh "$build" >/dev/null
fi
"$build/app/cli/masir-cli" --workspace "$ws" template list >/dev/null # migrations outside the timing
echo "dashboard: $("$build/tests/bench/bench_reports" "$ws")"
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$build/app/cli/masir-cli" --workspace "$ws" report dashboard --days 90 --json >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "cli report dashboard --days 90: median ${sorted[2]} ms (${times[*]})"
