#!/bin/sh
# Installs the Debian 12 packages ONNX Scope needs to build, test and package: the one list.
# Only missing packages are installed, and `apt-get update` runs only when something is missing.
# Qt's own translations and a Korean font are listed too: the .deb only recommends them, and
# --no-install-recommends below would leave a Korean source build with English Qt dialogs and
# Hangul drawn as boxes (tests/app/tst_first_view checks for qtbase_ko).
# Usage: packaging/install-deps.sh [--dry-run]   (as root, or with sudo available)
set -eu

PACKAGES="
build-essential cmake ninja-build pkg-config
libonnx-dev libprotobuf-dev protobuf-compiler
qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
libgraphviz-dev graphviz
ocl-icd-opencl-dev opencl-headers pocl-opencl-icd libclblast-dev
libdnnl-dev zlib1g-dev
libjpeg62-turbo-dev libpng-dev libtiff-dev libwebp-dev libopenjp2-7-dev
python3-onnx python3-torch python3-torchvision python3-numpy
xvfb xauth
qt6-translations-l10n fonts-nanum
appstream desktop-file-utils shared-mime-info
"

dry_run=0
[ "${1:-}" = "--dry-run" ] && dry_run=1

missing=""
for pkg in $PACKAGES; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing="$missing $pkg"
done

if [ -z "$missing" ]; then
    echo "install-deps: all packages are installed."
    exit 0
fi
echo "install-deps: missing:$missing"
[ "$dry_run" -eq 1 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    sudo=sudo
fi
$sudo apt-get update
# shellcheck disable=SC2086 # word splitting of the package list is intended
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
