// oneDNN fast paths for float32 Conv, MatMul, Gemm and pooling, registered above the reference
// kernels (which stay registered, for fallback and differential tests). Every fast path
// checks per call whether it computes the node exactly and otherwise runs the reference.
//
// Without oneDNN (ONNXSCOPE_HAVE_DNNL unset) registration adds nothing and the fused-kernel
// factories return nullptr, so the project builds and runs on the reference kernels alone.
#pragma once

#include "exec/cpu/post_ops.h"
#include "exec/fast_path.h"
#include "exec/kernel_registry.h"

#include <memory>
#include <vector>

namespace onnxscope {

bool dnnlAvailable();
void registerDnnlKernels(KernelRegistry& registry);

// Fused kernels for the fusion pass. Conv: inputs X, W, B and, when postOps has a Sum, the
// residual as input 3. MatMul/Gemm: inputs A, B, (Gemm's C) and an addend broadcast onto the
// result (the fused Add's constant) as input 3. nullptr when oneDNN is absent.
std::unique_ptr<FastPathKernel> makeDnnlConv(const NodeDesc& conv, std::vector<PostOp> postOps);
std::unique_ptr<FastPathKernel> makeDnnlMatMul(const NodeDesc& matmulOrGemm, bool withAddend);

} // namespace onnxscope
