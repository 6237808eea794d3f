#!/usr/bin/env bash
# Runs one benchmark script against two builds in turn, ROUNDS times each,
# alternating (A B A B ...) so that both see the same machine load, and keeps
# the lines that carry figures. For before/after figures of a change: build the
# older commit in a worktree (git worktree add /tmp/before REV; build it with
# the same preset) and pass both build folders.
#
#   tests/bench/compare_builds.sh BUILD_A BUILD_B ROUNDS SCRIPT [ARGS...]
#   tests/bench/compare_builds.sh /tmp/before/build/release build/release 3 \
#       tests/bench/run_import.sh
#
# SCRIPT gets the build folder as its first argument, then ARGS. Its whole
# output is kept in $MASIR_BENCH_DIR/compare-<A|B>-<round>.log.
set -euo pipefail
if [ $# -lt 4 ]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
a="$(realpath "$1")"
b="$(realpath "$2")"
rounds="$3"
script="$4"
shift 4
work="${MASIR_BENCH_DIR:-/tmp/masir-bench}"
mkdir -p "$work"
for build in "$a" "$b"; do
  [ -d "$build" ] || { echo "No build folder at $build." >&2; exit 1; }
done
# figures: timings, ratios, rates and stalls, whatever the script prints them as
figures='[0-9]+(\.[0-9]+)? *(s|ms|x|×|/s|msg/s|rows/s|KiB)\b|ratio|longest'
for round in $(seq 1 "$rounds"); do
  for side in A B; do
    build="$a"
    [ "$side" = B ] && build="$b"
    log="$work/compare-$side-$round.log"
    echo "== round $round, $side ($build)"
    if ! "$script" "$build" "$@" >"$log" 2>&1; then
      echo "   the run failed; see $log" >&2
      exit 1
    fi
    grep -E "$figures" "$log" | sed "s/^/   $side: /" || true
  done
done
