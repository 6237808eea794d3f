#!/usr/bin/env bash
# CSV import benchmark: a generated 1,000,000-row, 6-column file imported with
# email dedupe into an empty workspace, then again into the full one (all rows
# are updates). Reference, in the same run: the sqlite3 shell's .import of the
# same file into a plain table, plus CREATE UNIQUE INDEX on email.
#
#   tests/bench/run_import.sh [BUILD_DIR] [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
rows="${2:-1000000}"
work="${MASIR_BENCH_DIR:-/tmp/masir-bench}"
mkdir -p "$work"
csv="$work/import-$rows.csv"
command -v sqlite3 >/dev/null || apt-get install -y -qq sqlite3 >/dev/null
[ -f "$csv" ] || python3 tests/bench/make_import_csv.py "$csv" "$rows"
ls -lh "$csv" | awk '{print "file size", $5}'

echo "== reference: sqlite3 .import + unique index"
rm -f "$work/ref.db"
/usr/bin/time -f "reference: %e s, peak RSS %M KiB" sqlite3 "$work/ref.db" \
  "CREATE TABLE c(email TEXT, first_name TEXT, last_name TEXT, phone TEXT, city TEXT, company TEXT);" \
  ".mode csv" ".import --skip 1 $csv c" "CREATE UNIQUE INDEX c_email ON c(email);"

echo "== masir-cli import into an empty workspace"
rm -f "$work/import.masir" "$work/import.masir-wal" "$work/import.masir-shm"
/usr/bin/time -f "masir (new): %e s, peak RSS %M KiB" \
  "$build/app/cli/masir-cli" --workspace "$work/import.masir" import "$csv" --json
echo "== masir-cli import again (every row an update)"
/usr/bin/time -f "masir (update): %e s, peak RSS %M KiB" \
  "$build/app/cli/masir-cli" --workspace "$work/import.masir" import "$csv" --json

echo "== longest UI-thread stall while the wizard imports"
QT_QPA_PLATFORM=offscreen "$build/tests/bench/bench_import_ui" "$csv" "$work/ui.masir"
