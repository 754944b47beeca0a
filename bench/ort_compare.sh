#!/usr/bin/env bash
# Latency of ONNX Scope's CPU backend against ONNX Runtime's CPU build (npm onnxruntime-node),
# same model, same input, same thread count, at 1 and 2 threads. Each round runs our bench and
# ORT's one after the other (alternating, so load changes hit both alike); the figures are the
# medians over every timed run of all rounds. Then the GFLOP/s our Conv/ConvTranspose/MatMul/Gemm nodes reach
# (from `onnxscope-cli profile`) against this machine's measured FMA peak.
#
# Usage: bench/ort_compare.sh [--isa avx2|sse2] [--busy] [--threads 1,2] [BUILD_DIR] [MODEL...]
#   --isa: caps our side's instruction set (ONEDNN_MAX_CPU_ISA and ONNXSCOPE_CPU_ISA), so an
#     AVX-512 machine runs the code an AVX2-only CPU runs (ONNX Runtime has no such cap: it keeps
#     using what the CPU has, a harder anchor than an AVX2 machine's ONNX Runtime);
#   --busy: one single-threaded busy loop runs beside both sides for the whole comparison;
#   --threads: the thread counts (default 1,2).
#   ROUNDS (10), RUNS per round (5), WARMUP per round (3), THREADS ("1 2") from the environment
#   (many short rounds, so that load from other tenants of the machine hits both sides alike);
#   OURS_ENV: variables for our runs only, e.g. OURS_ENV=GOMP_SPINCOUNT=300000 for libgomp's
#   default spin (our bench, like the CLI and the GUI, otherwise restarts itself with
#   GOMP_SPINCOUNT=10000; see exec/cpu/openmp_spin.h).
# Models (bench/export_models.py): resnet50 mobilenet_v2 efficientnet_b0 vit_b_16 transformer lstm decoder.
set -euo pipefail
cd "$(dirname "$0")/.."
isa="" busy=0 threads_list=${THREADS:-"1 2"}
while [ $# -gt 0 ]; do
    case "$1" in
    --isa) isa=$2; shift 2 ;;
    --busy) busy=1; shift ;;
    --threads) threads_list=${2//,/ }; shift 2 ;;
    *) break ;;
    esac
done
build=${1:-build}
shift || true
models=("$@")
[ ${#models[@]} -eq 0 ] && models=(resnet50 mobilenet_v2 efficientnet_b0 vit_b_16 transformer lstm decoder)
rounds=${ROUNDS:-10}
runs=${RUNS:-5}
warmup=${WARMUP:-3}
out=bench/out
case "$isa" in
"") ;;
avx2) OURS_ENV="${OURS_ENV:-} ONEDNN_MAX_CPU_ISA=AVX2 ONNXSCOPE_CPU_ISA=avx2" ;;
sse2) OURS_ENV="${OURS_ENV:-} ONEDNN_MAX_CPU_ISA=SSE41 ONNXSCOPE_CPU_ISA=sse2" ;;
*) echo "--isa takes avx2 or sse2" >&2; exit 1 ;;
esac
ort_dir=$out/ort

cmake --build "$build" --target onnxscope_bench_latency onnxscope-cli >/dev/null
/usr/bin/python3 bench/export_models.py "$out" "${models[@]}" 2>/dev/null

if [ ! -d "$ort_dir/node_modules/onnxruntime-node" ]; then
    command -v npm >/dev/null || { echo "npm is missing (apt-get install -y nodejs npm)" >&2; exit 1; }
    mkdir -p "$ort_dir"
    # --ignore-scripts: the package ships its prebuilt native binding; no install script is run.
    (cd "$ort_dir" && npm install --ignore-scripts --no-audit --no-fund onnxruntime-node >/dev/null)
fi
export NODE_PATH=$PWD/$ort_dir/node_modules
ort_version=$(node -e "console.log(require('onnxruntime-node').env.versions.common)") ||
    { echo "onnxruntime-node's native binding does not load" >&2; exit 1; }

# One seeded random input per model, of the shape the model declares.
/usr/bin/python3 - "$out" "${models[@]}" <<'PY'
import sys
import numpy as np
import onnx
out = sys.argv[1]
for name in sys.argv[2:]:
    model = onnx.load(f"{out}/{name}.onnx", load_external_data=False)
    dims = [d.dim_value or 1 for d in model.graph.input[0].type.tensor_type.shape.dim]
    np.save(f"{out}/{name}.bench_input.npy", np.random.default_rng(0).standard_normal(dims).astype(np.float32))
PY

if [ "$busy" = 1 ]; then
    # A single-threaded busy loop, as a desktop with one busy process has; stopped on exit.
    /usr/bin/python3 -c "while True: pass" &
    busy_pid=$!
    trap 'kill $busy_pid 2>/dev/null || true' EXIT
fi

median() { /usr/bin/python3 -c "import json,statistics,sys; print('%.2f' % statistics.median(sum((json.loads(l)['times_ms'] for l in sys.stdin if l.strip()), [])))"; }

echo "ONNX Runtime $ort_version (onnxruntime-node, CPU EP); $rounds rounds x $runs runs after $warmup warm-up, alternating"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)${OURS_ENV:+; ours with$OURS_ENV}$([ "$busy" = 1 ] && echo "; one busy loop beside")"
printf '%-16s %7s %10s %10s %7s\n' model threads ours_ms ort_ms ratio
for threads in $threads_list; do
    for name in "${models[@]}"; do
        model=$out/$name.onnx input=$out/$name.bench_input.npy
        ours=$(mktemp) theirs=$(mktemp)
        for ((r = 0; r < rounds; ++r)); do
            env ${OURS_ENV:-} "$build/bench/onnxscope_bench_latency" "$model" "$input" "$threads" "$warmup" "$runs" >>"$ours"
            node bench/ort_bench.js "$model" "$input" "$threads" "$warmup" "$runs" >>"$theirs"
        done
        o=$(median <"$ours") t=$(median <"$theirs")
        rm -f "$ours" "$theirs"
        printf '%-16s %7s %10s %10s %7.2f\n' "$name" "$threads" "$o" "$t" "$(echo "$o / $t" | bc -l)"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ratio: ours / ONNX Runtime (below 1: we are faster)"

# Achieved GFLOP/s of the Conv/ConvTranspose/MatMul/Gemm nodes (fused groups count under their Conv/MatMul).
peak_bin=$out/ort_peak_flops
[ "$peak_bin" -nt bench/ort_peak_flops.c ] || cc -O2 -march=native -fopenmp bench/ort_peak_flops.c -o "$peak_bin"
echo
printf '%-16s %7s %10s %9s %9s %8s\n' model threads conv_mm_ms GFLOP GFLOP/s of_peak
for threads in $threads_list; do
    peak=$("$peak_bin" "$threads")
    for name in "${models[@]}"; do
        json=$(mktemp)
        env ${OURS_ENV:-} "$build/app/onnxscope-cli" profile "$out/$name.onnx" --threads "$threads" --warmup 3 --runs 10 \
            --input "input=$out/$name.bench_input.npy" --json "$json" >/dev/null
        /usr/bin/python3 - "$out/$name.onnx" "$json" "$name" "$threads" "$peak" <<'PY'
import json, sys
import numpy as np
import onnx
from onnx import shape_inference
path, profile, name, threads, peak = sys.argv[1:6]
model = shape_inference.infer_shapes(onnx.load(path, load_external_data=True))
g = model.graph
shapes = {v.name: [d.dim_value for d in v.type.tensor_type.shape.dim]
          for v in list(g.value_info) + list(g.input) + list(g.output)}
shapes.update({i.name: list(i.dims) for i in g.initializer})
def attr(node, key, default):
    for a in node.attribute:
        if a.name == key:
            return onnx.helper.get_attribute_value(a)
    return default
flops = {}
for node in g.node:
    try:
        if node.op_type == "Conv":
            w, y = shapes[node.input[1]], shapes[node.output[0]]
            flops[node.name] = 2 * np.prod(y) * np.prod(w[1:])
        elif node.op_type == "ConvTranspose":  # every input element times W[c] (C_out/group x k)
            x, w = shapes[node.input[0]], shapes[node.input[1]]
            flops[node.name] = 2 * np.prod(x) * np.prod(w[1:])
        elif node.op_type == "MatMul":
            a, y = shapes[node.input[0]], shapes[node.output[0]]
            flops[node.name] = 2 * np.prod(y) * a[-1]
        elif node.op_type == "Gemm":
            a, y = shapes[node.input[0]], shapes[node.output[0]]
            flops[node.name] = 2 * np.prod(y) * (a[0] if attr(node, "transA", 0) else a[1])
    except (KeyError, IndexError):
        pass
nodes = json.load(open(profile))["nodes"]
ms = sum(n["median_ms"] for n in nodes if n["name"] in flops)
total = sum(flops[n["name"]] for n in nodes if n["name"] in flops) / 1e9
rate = total / (ms / 1e3) if ms else 0
print("%-16s %7s %10.2f %9.2f %9.1f %7.0f%%" % (name, threads, ms, total, rate, 100 * rate / float(peak)))
PY
        rm -f "$json"
    done
    echo "peak ($threads thread(s), FMA loop): $peak GFLOP/s"
done
