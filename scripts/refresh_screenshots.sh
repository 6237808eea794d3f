#!/usr/bin/env bash
# Copies the screens tst_Screens rendered (every page at 1280×800 and the main
# dialogs, in English and Persian) into docs/screenshots/. Run the test first:
#   ctest --preset release -R tst_Screens && scripts/refresh_screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
from="${1:-build/release/screens}"
if [ ! -d "$from" ]; then
  echo "refresh_screenshots: no $from; run ctest -R tst_Screens first." >&2
  exit 1
fi
mkdir -p docs/screenshots
rm -f docs/screenshots/*.png
for f in "$from"/*-1280.png "$from"/*-small.png; do
  name="$(basename "$f")"
  name="${name%-1280.png}"
  name="${name%-small.png}"
  cp "$f" "docs/screenshots/$name.png"
done
cp docs/screenshots/en-contacts.png docs/screenshot-en.png
cp docs/screenshots/fa-contacts.png docs/screenshot-fa.png
echo "refresh_screenshots: $(ls docs/screenshots | wc -l) screens in docs/screenshots/"
