// Shared loops of the elementwise math kernels: a parallel unary map, numpy broadcasting over
// any number of inputs with the innermost run kept free of index math, and the float
// widening used for float16/bfloat16 inputs. Internal to exec/cpu (the math family and any
// kernel that needs broadcasting).
#pragma once

#include "broadcast.h"
#include "float_tensor.h"
#include "tensor_kernel_util.h" // normalizeAxis
#include "type_dispatch.h"

#include "exec/kernel.h"

#include <algorithm>
#include <string>
#include <vector>

namespace onnxscope {

// Below this many elements a loop runs on one thread (thread start-up would dominate).
constexpr int64_t kParallelThreshold = 32768;

template <typename In, typename Out, typename F>
void mapElements(const In* in, Out* out, int64_t count, int threads, F&& f) {
    if (count < kParallelThreshold || threads <= 1) {
        for (int64_t i = 0; i < count; ++i)
            out[i] = f(in[i]);
        return;
    }
#pragma omp parallel for num_threads(threads)
    for (int64_t i = 0; i < count; ++i)
        out[i] = f(in[i]);
}

// rows(in, out, length) over contiguous pieces of [0, count), in parallel when large: for the
// whole-array loops of vector_math.h.
template <typename In, typename Out, typename Rows>
void mapChunks(const In* in, Out* out, int64_t count, int threads, Rows&& rows) {
    if (count < kParallelThreshold || threads <= 1) {
        rows(in, out, count);
        return;
    }
    const int64_t chunks = int64_t(threads) * 4;
#pragma omp parallel for num_threads(threads) schedule(dynamic)
    for (int64_t c = 0; c < chunks; ++c) {
        // Chunk bounds on 16-element (cache line) boundaries.
        const int64_t begin = count * c / chunks / 16 * 16;
        const int64_t end = c + 1 == chunks ? count : count * (c + 1) / chunks / 16 * 16;
        rows(in + begin, out + begin, end - begin);
    }
}

// Broadcasting of several input shapes to one output, with adjacent axes merged where every
// input either spans both or broadcasts both, so the innermost run is as long as possible.
struct BroadcastPlan {
    Shape outputShape;                         // the real output shape
    Shape dims;                                // merged axes (at least one)
    std::vector<std::vector<int64_t>> strides; // per input, per merged axis (0 = broadcast)
    int64_t total = 0;
};

Result<BroadcastPlan> planBroadcast(const std::vector<Shape>& inputs);
// Unidirectional: inputs must broadcast to `target` exactly (PRelu's slope, Expand-like ops).
Result<BroadcastPlan> planBroadcastTo(const Shape& target, const std::vector<Shape>& inputs);

// Calls fn(outOffset, inOffsets, runLength, innerStrides) for each innermost run; runs are
// distributed over threads when the output is large.
template <typename Fn> void forEachRun(const BroadcastPlan& plan, int threads, Fn&& fn) {
    if (plan.total == 0)
        return;
    const size_t n = plan.strides.size();
    const int rank = static_cast<int>(plan.dims.size());
    const int64_t runLength = plan.dims[rank - 1];
    const int64_t runs = plan.total / runLength;
    std::vector<int64_t> inner(n);
    for (size_t k = 0; k < n; ++k)
        inner[k] = plan.strides[k][rank - 1];
    auto body = [&](int64_t first, int64_t last) {
        // Offsets of the first run from its index, then advanced like an odometer.
        std::vector<int64_t> index(rank, 0), offsets(n, 0);
        int64_t rest = first;
        for (int axis = rank - 2; axis >= 0; --axis) {
            index[axis] = rest % plan.dims[axis];
            rest /= plan.dims[axis];
            for (size_t k = 0; k < n; ++k)
                offsets[k] += index[axis] * plan.strides[k][axis];
        }
        for (int64_t r = first; r < last; ++r) {
            fn(r * runLength, offsets.data(), runLength, inner.data());
            for (int axis = rank - 2; axis >= 0; --axis) {
                if (++index[axis] < plan.dims[axis]) {
                    for (size_t k = 0; k < n; ++k)
                        offsets[k] += plan.strides[k][axis];
                    break;
                }
                for (size_t k = 0; k < n; ++k)
                    offsets[k] -= plan.strides[k][axis] * (plan.dims[axis] - 1);
                index[axis] = 0;
            }
        }
    };
    if (threads <= 1 || plan.total < kParallelThreshold) {
        body(0, runs);
        return;
    }
    const int64_t wanted = int64_t(threads) * 4;
    if (runs >= wanted) {
        const int64_t chunks = wanted;
#pragma omp parallel for num_threads(threads) schedule(dynamic)
        for (int64_t c = 0; c < chunks; ++c)
            body(runs * c / chunks, runs * (c + 1) / chunks);
        return;
    }
    // Few long runs (same-shape inputs merge into one): split each run into pieces.
    const int64_t splits = std::max<int64_t>(1, std::min((wanted + runs - 1) / runs, runLength / 4096));
#pragma omp parallel for num_threads(threads) schedule(dynamic)
    for (int64_t w = 0; w < runs * splits; ++w) {
        const int64_t r = w / splits, part = w % splits;
        const int64_t begin = runLength * part / splits, end = runLength * (part + 1) / splits;
        std::vector<int64_t> offsets(n, 0);
        int64_t rest = r;
        for (int axis = rank - 2; axis >= 0; --axis) {
            const int64_t coord = rest % plan.dims[axis];
            rest /= plan.dims[axis];
            for (size_t k = 0; k < n; ++k)
                offsets[k] += coord * plan.strides[k][axis];
        }
        for (size_t k = 0; k < n; ++k)
            offsets[k] += begin * inner[k];
        fn(r * runLength + begin, offsets.data(), end - begin, inner.data());
    }
}

// out[i] = f(a[..], b[..]) over the plan of two inputs.
template <typename A, typename B, typename Out, typename F>
void broadcastBinary(const BroadcastPlan& plan, const A* a, const B* b, Out* out, int threads, F&& f) {
    forEachRun(plan, threads, [&](int64_t o, const int64_t* in, int64_t len, const int64_t* step) {
        const A* pa = a + in[0];
        const B* pb = b + in[1];
        Out* po = out + o;
        if (step[0] && step[1]) {
            for (int64_t i = 0; i < len; ++i)
                po[i] = f(pa[i], pb[i]);
        } else if (step[0]) {
            const B vb = *pb;
            for (int64_t i = 0; i < len; ++i)
                po[i] = f(pa[i], vb);
        } else if (step[1]) {
            const A va = *pa;
            for (int64_t i = 0; i < len; ++i)
                po[i] = f(va, pb[i]);
        } else {
            const Out v = f(*pa, *pb);
            for (int64_t i = 0; i < len; ++i)
                po[i] = v;
        }
    });
}

// Input `index` as a tensor, or an error naming the missing input.
inline Result<const Tensor*> requireInput(const KernelContext& context, int index) {
    const Tensor* t = context.inputTensor(index);
    if (!t)
        return Status::error("missing required input " + std::to_string(index));
    return t;
}

inline std::string typeError(const char* what, DataType type) {
    return std::string(what) + ": unsupported element type " + std::string(dataTypeName(type));
}

// Float16/bfloat16 (and other narrow floats) compute as float.
inline DataType computeType(DataType type) {
    return isNarrowFloat(type) ? DataType::Float : type;
}

} // namespace onnxscope
