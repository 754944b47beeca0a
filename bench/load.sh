#!/usr/bin/env bash
# Model load time and peak RSS: onnxscope's loader (+ graph index) against `onnx.load` in the same
# run, on torchvision resnet50 (~100 MB) and vit_b_16 (~350 MB), and resnet50 with external data.
# Usage: bench/load.sh [BUILD_DIR]   (default build); models are exported into bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=bench/out
cmake --build "$build" --target onnxscope_bench_load >/dev/null
/usr/bin/python3 bench/export_models.py "$out" resnet50 vit_b_16 resnet50_external 2>/dev/null
printf '%-18s %8s %9s %9s %9s %9s %9s %9s %7s %7s\n' model file_MB first_s onnx_1st median_s onnx_med rss_MB onnx_rss time_x rss_x
for name in resnet50 vit_b_16 resnet50_external; do
    model="$out/$name.onnx"
    size=$(du -b "$model" | cut -f1)
    [ "$name" = resnet50_external ] && size=$(du -b "$out/$name.weights" | cut -f1)
    ours=$("$build/bench/onnxscope_bench_load" "$model" 5)
    theirs=$(/usr/bin/python3 - "$model" <<'PY'
import resource, statistics, sys, time
import onnx
times = []
for _ in range(5):
    t = time.perf_counter(); onnx.load(sys.argv[1], load_external_data=True); times.append(time.perf_counter() - t)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{times[0]:.4f} {statistics.median(times):.4f} {rss:.1f}")
PY
)
    field() { echo "$ours" | sed "s/.*\"$1\": \([0-9.]*\).*/\1/"; }
    read -r t_first t_med t_rss <<<"$theirs"
    awk -v n="$name" -v sz="$size" -v of="$(field load_first_s)" -v om="$(field load_median_s)" \
        -v orss="$(field peak_rss_mb)" -v tf="$t_first" -v tm="$t_med" -v trss="$t_rss" 'BEGIN {
        printf "%-18s %8.1f %9.3f %9.3f %9.3f %9.3f %9.1f %9.1f %7.2f %7.2f\n", n, sz/1048576, of, tf, om, tm, orss, trss, om/tm, orss/(sz/1048576) }'
done
echo "5 loads each in one process; time_x: our median / onnx.load median; rss_x: our peak RSS / file size (external: / weights size)"
