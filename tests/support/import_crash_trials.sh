#!/usr/bin/env bash
# Crash trials for the CSV import: SIGKILL `masir-cli import` part-way through,
# five times, at random moments; after each kill the workspace must pass
# PRAGMA integrity_check, and a final run must leave exactly the file's unique
# contacts. (tst_ImportCrash is the short form that runs in the test suite.)
#
#   tests/support/import_crash_trials.sh [BUILD_DIR] [ROWS] [KILLS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
rows="${2:-1000000}"
kills="${3:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
csv="$work/trial.csv"
python3 tests/bench/make_import_csv.py "$csv" "$rows"
ws="$work/trial.masir"
cli="$build/app/cli/masir-cli"

# Each kill lands while the import runs (0.3-2.3 s in: a million rows take
# about 4 s new and 3 s as updates here); a run that ends first is not counted
# and is tried again.
i=0
attempts=0
while [ "$i" -lt "$kills" ]; do
  attempts=$((attempts + 1))
  [ "$attempts" -le $((kills * 4)) ] || { echo "FAILED: the import ended before each kill"; exit 1; }
  "$cli" --workspace "$ws" import "$csv" --json >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v s="$RANDOM" 'BEGIN { printf "%.2f", 0.3 + (s % 200) / 100 }')"
  if kill -9 "$pid" 2>/dev/null; then
    i=$((i + 1))
    what="kill $i"
  else
    what="(the import ended first, not counted)"
  fi
  wait "$pid" 2>/dev/null || true
  check="$(sqlite3 "$ws" 'PRAGMA integrity_check;')"
  count="$(sqlite3 "$ws" 'SELECT count(*) FROM contacts;')"
  echo "$what: integrity_check=$check contacts=$count"
  [ "$check" = "ok" ] || { echo "FAILED: integrity check"; exit 1; }
done
"$cli" --workspace "$ws" import "$csv" --json
count="$(sqlite3 "$ws" 'SELECT count(*) FROM contacts;')"
unique="$(sqlite3 "$ws" 'SELECT count(DISTINCT email) FROM contacts;')"
echo "after the final run: contacts=$count distinct emails=$unique (file: $rows)"
[ "$count" = "$rows" ] && [ "$unique" = "$rows" ] || { echo "FAILED: not exactly the file's contacts"; exit 1; }
"$cli" --workspace "$ws" imports
echo "ok"
