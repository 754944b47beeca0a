// Matrix-vector products (one input row against a weight matrix stored row by row): the
// classifier Gemm and the squeeze-and-excitation convolutions at batch 1. They are bound by
// reading the matrix, which a GEMM library's packed layout and blocking do not help: ONNX's
// [N, K] rows read front to back stream at the memory's speed.
#pragma once

#include <cstdint>

namespace onnxscope {

// y[r] = dot(rows[r], x) + (bias ? bias[r] : 0) for `count` rows of `length`, split in
// contiguous row ranges over up to `threads` threads.
void matrixVector(const float* rows, const float* x, const float* bias, float* y, int64_t count,
                  int64_t length, int threads);

} // namespace onnxscope
