#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages), builds Masir, then either launches
# it on the demo workspace or runs the whole test suite.
#
#   scripts/bootstrap.sh demo [masir options...]   build and open the demo workspace
#   scripts/bootstrap.sh test                      build and run every test
#   scripts/bootstrap.sh build                     only install and build
set -euo pipefail

cd "$(dirname "$0")/.."
action="${1:-demo}"
[ $# -gt 0 ] && shift

packages=(
  build-essential cmake ninja-build pkg-config dpkg-dev file
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev
  libqt6sql6-sqlite qt6-qpa-plugins libgl-dev libvulkan-dev
  libphonenumber-dev libuchardet-dev libicu-dev libsqlite3-dev sqlite3
  libcurl4-openssl-dev libmd4c-dev libmd4c-html0-dev qtkeychain-qt6-dev
  python3 python3-aiosmtpd openssl dovecot-imapd poppler-utils
  postgresql libpq-dev libqt6sql6-psql
  nodejs chromium
  fonts-dejavu-core
)

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "bootstrap: installing packages needs root; run as root or install sudo." >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# npm: Debian's package, unless a node that brings its own is installed
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # The tests start dovecot of their own on free ports; the system's, if the
  # package started one, is not needed.
  if [[ " ${missing[*]} " == *" dovecot-imapd "* ]]; then
    "${sudo[@]}" systemctl disable --now dovecot >/dev/null 2>&1 ||
      "${sudo[@]}" service dovecot stop >/dev/null 2>&1 || true
  fi
  # Likewise PostgreSQL: the tests run a server of their own in the build
  # folder (tests/support/pg_cluster.sh).
  if [[ " ${missing[*]} " == *" postgresql "* ]]; then
    "${sudo[@]}" systemctl disable --now postgresql >/dev/null 2>&1 ||
      "${sudo[@]}" service postgresql stop >/dev/null 2>&1 || true
  fi
fi

jobs="$(nproc 2>/dev/null || echo 2)"
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"

case "$action" in
  build)
    ;;
  demo)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "bootstrap: no display found; run this from a desktop session." >&2
      exit 1
    fi
    exec build/release/app/gui/masir --demo "$@"
    ;;
  test)
    # playwright-core drives Debian's chromium in the browser tests of the
    # collector's pages (tests/browser)
    if [ ! -d tests/browser/node_modules/playwright-core ]; then
      (cd tests/browser && npm install --no-audit --no-fund --loglevel=error)
    fi
    export QT_QPA_PLATFORM=offscreen
    ctest --preset release -j "$jobs"
    ;;
  *)
    echo "usage: scripts/bootstrap.sh [demo|test|build]" >&2
    exit 2
    ;;
esac
