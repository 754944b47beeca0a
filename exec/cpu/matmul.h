// Shape planning for MatMul-like ops (MatMul, MatMulInteger, QLinearMatMul, Einsum's batched
// products): numpy 1-D promotion and batch broadcasting, resolved once into offsets.
#pragma once

#include "core/status.h"
#include "core/tensor.h"
#include "exec/kernel_registry.h"

#include <utility>
#include <vector>

namespace onnxscope {

struct MatMulPlan {
    int64_t M = 0, N = 0, K = 0;
    Shape batch;                   // broadcast batch dims
    std::vector<int64_t> stridesA; // per batch dim, in units of matrices
    std::vector<int64_t> stridesB;
    int64_t batchCount = 1;
    Shape output;
    bool foldBatchIntoM = false; // B is shared by every batch and A is dense: one tall GEMM
    // (A matrix index, B matrix index) of each output batch, row-major.
    std::vector<std::pair<int64_t, int64_t>> batchOffsets() const;
};

Result<MatMulPlan> planMatMul(const Shape& a, const Shape& b);

void registerMatMulKernels(KernelRegistry& registry);
// The reference MatMul and Gemm kernels (fast paths fall back to them).
Result<std::unique_ptr<Kernel>> makeReferenceMatMul(const NodeDesc& node);
Result<std::unique_ptr<Kernel>> makeReferenceGemm(const NodeDesc& node);

} // namespace onnxscope
