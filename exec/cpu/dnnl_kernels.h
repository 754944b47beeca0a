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

// Which of a kernel's activations hold channels-last data (NWC/NHWC/NDHWC, same shape and size
// as the ONNX tensor, channels innermost) instead of ONNX's layout. Fused runs keep the values
// between consecutive convolutions and pools that way, so they are not reordered at every node.
struct ChannelsLast {
    bool src = false;      // input X
    bool residual = false; // a Conv's fused Add operand (input 3)
    bool dst = false;      // output 0
    // Blocked mode, plan-wide: channels-last images of 28x28 pixels or more whose channel count
    // is a multiple of 8 are stored in blocks of 8 channels (channelBlock in channels_last.h).
    // In MobileNet-style blocks, whose wide activations come from memory rather than cache,
    // oneDNN's depthwise and narrow 1x1 kernels run 10-25% faster on them than on NHWC. Its 1x1
    // kernels for this layout are AVX2 only, and resnet50 (dense 1x1 layers at 56x56) lost 3%
    // in it, so only graphs with a depthwise convolution use it.
    bool blocked = false;
};

// Kernels for the fusion pass. Conv: inputs X, W, B and, when postOps has a Sum, the residual
// as input 3. MatMul/Gemm: inputs A, B, (Gemm's C) and an addend broadcast onto the result (the
// fused Add's operand) as input 3. Pools: input X. nullptr when oneDNN is absent.
// What a Conv's implementation() ends with when oneDNN computes in a layout of its own and the
// result is reordered into the output (which then cannot be the residual taken over in place).
inline constexpr const char* kReorderedOutput = "(output reordered)";
std::unique_ptr<FastPathKernel> makeDnnlConv(const NodeDesc& conv, std::vector<PostOp> postOps,
                                             ChannelsLast layout = {});
std::unique_ptr<FastPathKernel> makeDnnlMatMul(const NodeDesc& matmulOrGemm, bool withAddend);
std::unique_ptr<FastPathKernel> makeDnnlPool(const NodeDesc& pool, ChannelsLast layout);
// Mul or Add of two same-rank float tensors where one is full-size and the other either the same
// shape or per-channel ([N or 1, C, 1, ...]), either in either order; layout.src covers both
// inputs and must equal layout.dst.
std::unique_ptr<FastPathKernel> makeDnnlChannelBinary(const NodeDesc& mulOrAdd, ChannelsLast layout);

} // namespace onnxscope
