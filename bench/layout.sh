#!/usr/bin/env bash
# Graph layout: our block layout (first view and fully expanded) against one Graphviz `dot` run
# over the same graph. Models: vit_b_16 and nn.TransformerEncoder exports of 12 and 160 layers.
# Usage: bench/layout.sh [BUILD_DIR] [DOT_TIMEOUT_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
limit=${2:-600}
out=bench/out
mkdir -p "$out"
/usr/bin/python3 bench/export_models.py "$out" vit_b_16 2>/dev/null
for n in 12 160; do
    [ -f "$out/transformer_$n.onnx" ] || /usr/bin/python3 bench/export_transformer.py "$out/transformer_$n.onnx" "$n" 2>/dev/null
done
printf '%-18s %7s %7s %10s %11s %10s %8s\n' model nodes blocks first_s expanded_s dot_s ratio
for name in vit_b_16 transformer_12 transformer_160; do
    model="$out/$name.onnx"
    json=$("$build/app/onnxscope-cli" layout "$model" --expand-all --json 2>/dev/null)
    field() { echo "$json" | sed -n "s/.*\"$1\": \([0-9.e-]*\).*/\1/p" | head -n 1; }
    /usr/bin/python3 bench/onnx_to_dot.py "$model" "$out/$name.dot"
    start=$(date +%s.%N)
    if timeout "$limit" dot -Tplain "$out/$name.dot" >/dev/null 2>&1; then
        dot_s=$(echo "$(date +%s.%N) - $start" | bc)
    else
        dot_s=">$limit"
    fi
    total=$(field expanded_seconds)
    ratio=$( [[ $dot_s == ">"* ]] && echo "<$(echo "scale=4; $total / $limit" | bc)" || echo "scale=4; $total / $dot_s" | bc)
    printf '%-18s %7s %7s %10.3f %11.3f %10s %8s\n' "$name" "$(field nodes)" "$(field blocks)" \
        "$(field first_view_seconds)" "$(field expanded_seconds)" "$dot_s" "$ratio"
done
echo "first/expanded: from a loaded model (shape inference, text measuring, block tree and layout); ratio: expanded / dot"
