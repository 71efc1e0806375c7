#!/bin/sh
# Install the Debian packages a make target needs, when missing.
# Usage: scripts/system-deps.sh run|test
# As root it installs them with apt-get; otherwise it prints the exact command and fails.
set -eu

RUN_PKGS="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-noto-core fonts-noto-cjk fonts-dejavu-core poppler-utils qpdf tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-fra tesseract-ocr-hat tesseract-ocr-por tesseract-ocr-ara tesseract-ocr-fas tesseract-ocr-pus tesseract-ocr-urd tesseract-ocr-rus tesseract-ocr-ukr tesseract-ocr-tur tesseract-ocr-chi-sim tesseract-ocr-chi-tra tesseract-ocr-tir tesseract-ocr-amh"
TEST_PKGS="$RUN_PKGS chromium libreoffice-writer-nogui postgresql gettext nginx-light nodejs"

case "${1:-run}" in
  run) wanted=$RUN_PKGS ;;
  test) wanted=$TEST_PKGS ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=""
for pkg in $wanted; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $pkg"
  fi
done

# npm (for axe-core in the browser tests) is its own Debian package, but some nodejs builds
# (NodeSource's) bring it along and conflict with it: ask for it only when there is none.
if [ "${1:-run}" = test ] && ! command -v npm >/dev/null 2>&1; then
  missing="$missing npm"
fi

[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "asylum-prep needs these system packages:$missing (no apt-get found: install them with your package manager)" >&2
  exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "asylum-prep needs these system packages. Run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi

echo "Installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
