#!/usr/bin/env bash
# CSV import into a server workspace: the same generated file as run_import.sh
# (1,000,000 rows, 6 columns, unique emails) imported with email dedupe into an
# empty PostgreSQL workspace, then again (every row an update). Reference, in
# the same run on the same server: psql's \copy of the file into a table with
# a unique index on email (target: the import within 2x of it).
#
#   tests/bench/run_import_pg.sh [BUILD_DIR] [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="$(cd "${1:-build/release}" && pwd)"
rows="${2:-1000000}"
work="${MASIR_BENCH_DIR:-/tmp/masir-bench}"
mkdir -p "$work"
csv="$work/import-$rows.csv"
[ -f "$csv" ] || python3 tests/bench/make_import_csv.py "$csv" "$rows"
ls -lh "$csv" | awk '{print "file size", $5}'

source tests/bench/pg_server.sh
fresh_database ref shop

echo "== reference: psql \\copy into a table with a unique email index"
"$bin/psql" -q -h "$pgdir" -U masir ref -c \
  "CREATE TABLE c(email TEXT, first_name TEXT, last_name TEXT, phone TEXT, city TEXT, company TEXT); CREATE UNIQUE INDEX c_email ON c(email);"
start=$(date +%s%N)
"$bin/psql" -q -h "$pgdir" -U masir ref -c "\\copy c FROM '$csv' WITH (FORMAT csv, HEADER true)"
ref=$(( ($(date +%s%N) - start) / 1000000 ))
echo "reference: $ref ms"

shop="postgresql://masir@/shop?host=$pgdir"
"$build/app/cli/masir-cli" --workspace "$shop" contacts count >/dev/null # creates the schema

echo "== second reference: psql \\copy into a table shaped as contacts (its columns and 6 indexes, no trigger)"
"$bin/psql" -q -h "$pgdir" -U masir shop -c \
  "CREATE TABLE bench_contacts (LIKE contacts INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES); ALTER TABLE bench_contacts ALTER created_at SET DEFAULT 0, ALTER updated_at SET DEFAULT 0;"
start=$(date +%s%N)
"$bin/psql" -q -h "$pgdir" -U masir shop -c \
  "\\copy bench_contacts (email, first_name, last_name, phone, city, company) FROM '$csv' WITH (FORMAT csv, HEADER true)"
shaped=$(( ($(date +%s%N) - start) / 1000000 ))
"$bin/psql" -q -h "$pgdir" -U masir shop -c "DROP TABLE bench_contacts"
echo "reference shaped as contacts: $shaped ms"
echo "== masir-cli import into an empty server workspace"
start=$(date +%s%N)
"$build/app/cli/masir-cli" --workspace "$shop" import "$csv" --json | tail -c 400; echo
new=$(( ($(date +%s%N) - start) / 1000000 ))
echo "masir (new): $new ms"
echo "== masir-cli import again (every row an update)"
start=$(date +%s%N)
"$build/app/cli/masir-cli" --workspace "$shop" import "$csv" --json | tail -c 400; echo
upd=$(( ($(date +%s%N) - start) / 1000000 ))
echo "masir (update): $upd ms"
awk -v n="$new" -v u="$upd" -v r="$ref" -v s="$shaped" \
  'BEGIN { printf "ratio new/reference: %.2f (new/shaped as contacts: %.2f)\nratio update/reference: %.2f\n", n / r, n / s, u / r }'
