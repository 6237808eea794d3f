#!/usr/bin/env bash
# Foundation benchmark: a 1,000,000-contact workspace, the contact list's paging
# model against a plain QSqlQueryModel, and the cold start of masir on it.
#
#   tests/bench/run_contactlist.sh [BUILD_DIR] [CONTACTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
contacts="${2:-1000000}"
work="${MASIR_BENCH_DIR:-/tmp/masir-bench}"
ws="$work/contacts-$contacts.masir"
mkdir -p "$work"
command -v hyperfine >/dev/null || { apt-get install -y -qq hyperfine >/dev/null 2>&1 || true; }

if [ ! -f "$ws" ]; then
  echo "== creating $ws ($contacts contacts, no timelines)"
  /usr/bin/time -f "created in %e s, peak RSS %M KiB" \
    "$build/app/cli/masir-cli" --workspace "$ws" demo --contacts "$contacts" --no-events
fi
ls -lh "$ws" | awk '{print "workspace size", $5}'

echo "== paging model"
/usr/bin/time -f "peak RSS %M KiB" "$build/tests/bench/bench_contactlist" "$ws" model
echo "== reference: QSqlQueryModel"
/usr/bin/time -f "peak RSS %M KiB" "$build/tests/bench/bench_contactlist" "$ws" reference

echo "== cold start of masir to a shown window (offscreen)"
export QT_QPA_PLATFORM=offscreen
for i in 1 2 3; do "$build/app/gui/masir" --workspace "$ws" --quit-after-show; done
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 10 -N "$build/app/gui/masir --workspace $ws --quit-after-show"
fi
