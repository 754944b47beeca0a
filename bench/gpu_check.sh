#!/usr/bin/env bash
# The OpenCL backend on a real GPU (NVIDIA's driver ships an OpenCL runtime, as do AMD's and
# Intel's): builds, runs the OpenCL differential test (tst_opencl_models: a transformer with GELU
# at sequence 48, a small ViT, a CNN and an LSTM, three runs each, against the CPU backend) on the
# GPU's device, then times OpenCL against the CPU backend with bench/opencl_bench.sh on resnet50,
# mobilenet_v2, vit_b_16 and the transformer. Prints the lines that go into README.
#
# Usage: bench/gpu_check.sh [BUILD_DIR]   (the machine needs the Quick start's packages)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[ -f "$build/build.ninja" ] || cmake -S . -B "$build" -G Ninja
cmake --build "$build" --target onnxscope-cli tst_opencl_models

"$build"/app/onnxscope-cli devices
# `devices` lists "opencl:N  NAME (TYPE)": the first GPU, else stop (PoCL proves nothing here).
device=$("$build"/app/onnxscope-cli devices | awk '/^opencl:[0-9]+ .*\(GPU\)/ {print $1; exit}')
if [ -z "$device" ]; then
    echo "gpu_check: no OpenCL GPU device found" >&2
    exit 1
fi
echo "== differential test on $device"
ONNXSCOPE_TEST_OPENCL_DEVICE=$device "$build"/tests/exec/tst_opencl_models

echo "== OpenCL ($device) against the CPU backend"
/usr/bin/python3 bench/export_models.py bench/out resnet50 mobilenet_v2 vit_b_16 transformer
DEVICE=$device RUNS=${RUNS:-10} WARMUP=${WARMUP:-3} \
    bash bench/opencl_bench.sh "$build" resnet50 mobilenet_v2 vit_b_16 transformer
