// The reference CPU matrix multiply used by MatMul, Gemm, Conv (im2col), RNNs and Einsum.
//
// A cache-blocked GEMM in the classic Goto/BLIS shape: B is packed into KC x NR column panels,
// A into MR x KC row panels, and a small register-tiled micro-kernel (written so GCC can
// vectorize it with `omp simd`) accumulates an MR x NR tile. Blocks of C are spread over OpenMP
// threads. It is plain C++ so it stays the reference that faster paths (oneDNN) are tested
// against.
#pragma once

#include <cstdint>

namespace onnxscope {

// C[M,N] = alpha * op(A) * op(B) + beta * C, all row-major with leading dimensions lda/ldb/ldc.
// op(A) is A ([M,K]) or, with transA, the transpose of A stored as [K,M]; likewise for B.
// With beta == 0, C is written without being read (so it may hold garbage or NaN).
// Instantiated for float, double, int32_t, int64_t, uint32_t and uint64_t.
template <typename T>
void gemm(bool transA, bool transB, int64_t M, int64_t N, int64_t K, T alpha, const T* A, int64_t lda,
          const T* B, int64_t ldb, T beta, T* C, int64_t ldc, int threads = 1);

} // namespace onnxscope
