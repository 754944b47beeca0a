// Numpy-style multidirectional broadcasting: output shape and per-input strides.
#pragma once

#include "core/status.h"
#include "core/tensor.h"

#include <span>
#include <vector>

namespace onnxscope {

// The broadcast shape of several shapes, or an error naming the incompatible dims or the shape
// whose element count overflows (planBroadcast and the other broadcasting kernels start here).
Result<Shape> broadcastShapes(std::span<const Shape> shapes);
Result<Shape> broadcastShapes(const Shape& a, const Shape& b);

// Element strides of `input` when iterated over `output` (0 on broadcast axes); output.size()
// entries, input right-aligned.
std::vector<int64_t> broadcastStrides(const Shape& input, const Shape& output);

// Iterates the output in row-major order, tracking one offset per input. Visits innermost runs:
// fn(outOffset, inOffsets, runLength, inInnerStrides) where each input advances by its inner
// stride (0 or 1) along the run. Keeps the per-element cost to the innermost loop.
class BroadcastIterator {
public:
    BroadcastIterator(const Shape& output, std::vector<Shape> inputs);
    template <typename Fn> void forEachRun(Fn&& fn) const {
        const size_t n = m_strides.size();
        std::vector<int64_t> offsets(n, 0);
        std::vector<int64_t> inner(n);
        const int rank = static_cast<int>(m_output.size());
        if (rank == 0) {
            for (size_t k = 0; k < n; ++k)
                inner[k] = 0;
            fn(int64_t(0), offsets.data(), int64_t(1), inner.data());
            return;
        }
        int64_t total = 1;
        for (int64_t d : m_output)
            total *= d;
        if (total == 0)
            return;
        const int64_t runLength = m_output[rank - 1];
        for (size_t k = 0; k < n; ++k)
            inner[k] = m_strides[k][rank - 1];
        std::vector<int64_t> index(rank, 0);
        for (int64_t out = 0; out < total; out += runLength) {
            fn(out, offsets.data(), runLength, inner.data());
            // advance the outer index (all axes but the last)
            for (int axis = rank - 2; axis >= 0; --axis) {
                if (++index[axis] < m_output[axis]) {
                    for (size_t k = 0; k < n; ++k)
                        offsets[k] += m_strides[k][axis];
                    break;
                }
                for (size_t k = 0; k < n; ++k)
                    offsets[k] -= m_strides[k][axis] * (m_output[axis] - 1);
                index[axis] = 0;
            }
        }
    }

private:
    Shape m_output;
    std::vector<std::vector<int64_t>> m_strides;
};

} // namespace onnxscope
