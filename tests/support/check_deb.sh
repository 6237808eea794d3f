#!/bin/sh
# Builds the .deb with CPack and checks what it installs and depends on.
set -eu
build="$1"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cd "$build"
cpack -G DEB -B "$out" >/dev/null
deb="$(ls "$out"/*.deb)"
contents="$(dpkg-deb -c "$deb")"
for f in ./usr/bin/masir ./usr/bin/masir-cli ./usr/share/applications/app.masir.Masir.desktop \
         ./usr/share/icons/hicolor/scalable/apps/app.masir.Masir.svg; do
  echo "$contents" | grep -q " $f\$" || { echo "missing in package: $f"; exit 1; }
done
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
echo "$depends" | grep -q "libqt6sql6-sqlite" || { echo "Depends lacks libqt6sql6-sqlite"; exit 1; }
echo "$depends" | grep -q "libphonenumber" || { echo "Depends lacks libphonenumber"; exit 1; }
echo "ok: $(basename "$deb")"
