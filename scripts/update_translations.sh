#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources. Strings that moved to another
# class keep their translation; what is left unfinished is listed and must be
# translated (scripts/translate.py) before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate="${LUPDATE:-$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}"
[ -x "$lupdate" ] || lupdate=/usr/lib/qt6/bin/lupdate
for ts in masir_fa masir_en; do
  extra=()
  [ "$ts" = masir_en ] && extra=(-pluralonly)
  "$lupdate" -silent -locations none "${extra[@]}" core ui app -ts "translations/$ts.ts" 2> >(grep -v "lacks Q_OBJECT" >&2)
  python3 scripts/fill_moved_translations.py "translations/$ts.ts"
  "$lupdate" -silent -locations none -no-obsolete "${extra[@]}" core ui app -ts "translations/$ts.ts" 2> >(grep -v "lacks Q_OBJECT" >&2)
done
