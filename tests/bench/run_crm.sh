#!/usr/bin/env bash
# The CRM sync's benchmark: 100,000 contacts (and 2,000 deals) from the local
# stand-in of HubSpot's API (tests/support/crm_api.py: 1,000 pages of 100),
# then an incremental sync after 1,000 of them changed. Reference in the same
# run: importing the same 100,000 people from a CSV file (what the sync does
# after reading the pages). Targets: the full sync in at most 30 s, the
# incremental one in at most 2 s.
#
#   tests/bench/run_crm.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="$(realpath "${1:-build/release}")"
cli="$build/app/cli/masir-cli"
work="$(mktemp -d)"
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
export MASIR_SECRETS=file MASIR_SECRETS_FILE="$work/secrets.json"
python3 tests/support/crm_api.py "$work/port" --people 100000 --deals 2000 &
server=$!
for _ in $(seq 100); do [ -f "$work/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$work/port")"
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

ws="$work/crm.masir"
"$cli" --workspace "$ws" crm connect hubspot --token secret-token --url "$url"
start=$(date +%s%N)
"$cli" --workspace "$ws" crm sync hubspot --json > "$work/full.json" 2>/dev/null
full=$(ms "$start")
python3 - "$work/full.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"full sync: {r['people']} people, {r['created']} created, {r['dealsCreated']} deals, "
      f"{r['rateLimitWaits']} rate-limit waits")
PY
curl -s -X POST -d '{"changed": 1000}' "$url/_control" >/dev/null
start=$(date +%s%N)
"$cli" --workspace "$ws" crm sync hubspot --json > "$work/incremental.json" 2>/dev/null
incremental=$(ms "$start")
python3 - "$work/incremental.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"incremental sync: {r['people']} people read, {r['updated']} updated")
PY

# Reference: the same people as a CSV file, imported.
python3 - "$work/people.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("email,first_name,last_name,phone,company,city,country\n")
    for i in range(100000):
        f.write(f"person{i}@crm.example,First{i},Last{i},+1206555{i % 10000:04d},Company {i % 97},Seattle,US\n")
PY
start=$(date +%s%N)
"$cli" --workspace "$work/ref.masir" import "$work/people.csv" >/dev/null 2>&1
reference=$(ms "$start")
echo "full sync of 100,000: $full ms (target 30000 ms); CSV import of the same people: $reference ms; ratio $(python3 -c "print(round($full/$reference, 2))")"
echo "incremental sync of 1,000 changes: $incremental ms (target 2000 ms)"
