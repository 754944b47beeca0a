#include "sgemm.h"

#include "gemm.h"

#ifdef ONNXSCOPE_HAVE_DNNL
#include "dnnl_common.h"
#endif

namespace onnxscope {

void sgemm(bool transA, bool transB, int64_t M, int64_t N, int64_t K, float alpha, const float* A,
           int64_t lda, const float* B, int64_t ldb, float beta, float* C, int64_t ldc, int threads) {
#ifdef ONNXSCOPE_HAVE_DNNL
    if (M > 0 && N > 0 && K > 0) {
        dnnl_util::useThreads(threads);
        if (dnnl_sgemm(transA ? 'T' : 'N', transB ? 'T' : 'N', M, N, K, alpha, A, lda, B, ldb, beta, C,
                       ldc) == dnnl_success)
            return;
    }
#endif
    gemm<float>(transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc, threads);
}

} // namespace onnxscope
