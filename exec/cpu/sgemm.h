// Float GEMM for hot loops that multiply plain row-major matrices many times per run (the RNN
// input and recurrent projections): oneDNN's JIT sgemm (its GEMV for one row) when the build
// has oneDNN, else the reference gemm(). Same contract as gemm<float>.
#pragma once

#include <cstdint>

namespace onnxscope {

void sgemm(bool transA, bool transB, int64_t M, int64_t N, int64_t K, float alpha, const float* A,
           int64_t lda, const float* B, int64_t ldb, float beta, float* C, int64_t ldc, int threads);

} // namespace onnxscope
