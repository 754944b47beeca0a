#!/usr/bin/env bash
# Latency of the OpenCL backend next to our CPU backend, per model, from `onnxscope-cli profile`
# (median over the timed runs, same seeded input for both), with how many nodes the plan put on
# OpenCL (and how many of those fell back to the CPU when they ran) and the median per-run
# host<->device transfer time from the Chrome trace. On PoCL (a CPU OpenCL device) this checks
# that everything runs, not how fast a GPU would be.
#
# Usage: bench/opencl_bench.sh [BUILD_DIR] [MODEL...]
#   RUNS (5) and WARMUP (1) from the environment; CLI overrides the binary (to compare builds);
#   DEVICE picks the OpenCL device ("opencl", "opencl:1", see `onnxscope-cli devices`).
# Models: bench/out/NAME.onnx (bench/export_models.py); by default resnet50 mobilenet_v2
# efficientnet_b0 and every other bench/out model with a NAME.bench_input.npy.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
models=("$@")
out=bench/out
if [ ${#models[@]} -eq 0 ]; then
    models=(resnet50 mobilenet_v2 efficientnet_b0)
    for input in "$out"/*.bench_input.npy; do
        name=$(basename "$input" .bench_input.npy)
        [[ " ${models[*]} " == *" $name "* ]] || models+=("$name")
    done
fi
runs=${RUNS:-5}
warmup=${WARMUP:-1}
device=${DEVICE:-opencl}
cli=${CLI:-$build/app/onnxscope-cli}
[ -x "$cli" ] || cmake --build "$build" --target onnxscope-cli >/dev/null
/usr/bin/python3 bench/export_models.py "$out" "${models[@]}" >/dev/null 2>&1 || true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "$("$cli" devices 2>/dev/null | grep -m1 -i "$device" || echo "$device")"
echo "$runs runs after $warmup warm-up; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| model | CPU | OpenCL | OpenCL / CPU | nodes on OpenCL | fell back | transfers per run |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for name in "${models[@]}"; do
    model=$out/$name.onnx
    npy=$out/$name.bench_input.npy
    if [ ! -f "$model" ]; then
        echo "| $name | (no $model) | | | | | |"
        continue
    fi
    inputs=()
    if [ -f "$npy" ]; then
        input_name=$(/usr/bin/python3 -c "import onnx,sys; print(onnx.load(sys.argv[1], load_external_data=False).graph.input[0].name)" "$model")
        inputs=(--input "$input_name=$npy")
    fi
    for backend in cpu "$device"; do
        tag=${backend%%:*}
        if ! "$cli" profile "$model" --backend "$backend" --warmup "$warmup" --runs "$runs" "${inputs[@]}" \
            --json "$work/$tag.json" --trace "$work/$tag.trace" >"$work/$tag.log" 2>&1; then
            echo "$name on $backend failed:" >&2
            tail -5 "$work/$tag.log" >&2
            rm -f "$work/$tag.json"
        fi
    done
    /usr/bin/python3 - "$name" "$work/cpu.json" "$work/opencl.json" "$work/opencl.trace" <<'PY'
import json, os, statistics, sys
from collections import defaultdict

name, cpu_path, ocl_path, trace_path = sys.argv[1:5]
def load(path):
    return json.load(open(path)) if os.path.exists(path) else None
cpu, ocl = load(cpu_path), load(ocl_path)
fmt = lambda ms: "%.1f ms" % ms if ms >= 10 else "%.2f ms" % ms
cpu_ms = cpu["total_ms"] if cpu else None
if not ocl:
    print(f"| {name} | {fmt(cpu_ms) if cpu else 'failed'} | failed | | | | |")
    sys.exit(0)
nodes = ocl["nodes"]
planned = sum(1 for n in nodes if n["backend"].startswith("opencl"))
fell_back = sum(1 for n in nodes if n["backend"].startswith("opencl") and "fallback" in n["backend"])
transfer = defaultdict(float)  # per run (trace thread)
for event in json.load(open(trace_path))["traceEvents"]:
    transfer[event["tid"]] += event["args"].get("transfer_ms", 0.0)
per_run = statistics.median(transfer.values()) if transfer else 0.0
ratio = "%.2f" % (ocl["total_ms"] / cpu_ms) if cpu_ms else ""
print(f"| {name} | {fmt(cpu_ms) if cpu else 'failed'} | {fmt(ocl['total_ms'])} | {ratio} | "
      f"{planned} / {len(nodes)} | {fell_back} | {fmt(per_run)} |")
PY
    rm -f "$work"/*.json "$work"/*.trace
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
