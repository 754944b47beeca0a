#!/usr/bin/env bash
# Screenshots for the README: the GUI under Xvfb on a 1600x1000 screen, first start (no
# settings), on the bundled example model, in English and in Korean. Each run opens the model,
# waits for its first view and saves the window (`onnxscope --screenshot`).
# Usage: packaging/screenshots.sh [BUILD_DIR] [OUT_DIR]   (defaults: build, resources/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-resources/screenshots}
model="$build/models/example_cnn.onnx"
[ -f "$model" ] || { echo "screenshots: $model is missing; build first" >&2; exit 1; }
mkdir -p "$out"
for lang in en ko; do
    config=$(mktemp -d)
    # A fresh settings folder: the window, docks and minimap as a new user sees them.
    XDG_CONFIG_HOME="$config" LANGUAGE="$lang" \
        xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
        "$build/app/onnxscope" --lang "$lang" --screenshot "$out/onnxscope-$lang.png" "$model"
    rm -rf "$config"
    echo "screenshots: wrote $out/onnxscope-$lang.png"
done
