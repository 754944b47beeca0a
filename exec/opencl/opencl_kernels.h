// Factories of the OpenCL kernel families, used by OpenClBackend's op table.
#pragma once

#include "opencl_kernel.h"

#include <string>

namespace onnxscope {

using OpenClKernelFactory = std::unique_ptr<OpenClKernel> (*)(std::shared_ptr<OpenClContext>,
                                                              const NodeDesc&);

bool isOpenClUnaryOp(const std::string& opType);
bool isOpenClBinaryOp(const std::string& opType);
std::unique_ptr<OpenClKernel> makeOpenClUnary(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClBinary(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClView(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);

// Conv, ConvTranspose, MatMul, Gemm (opencl_conv_gemm.cpp).
std::unique_ptr<OpenClKernel> makeOpenClConv(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClConvTranspose(std::shared_ptr<OpenClContext> ctx,
                                                      const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClMatMul(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClGemm(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);

// Pools, BatchNormalization, LayerNormalization, Softmax/LogSoftmax (opencl_nn.cpp).
std::unique_ptr<OpenClKernel> makeOpenClPool(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClGlobalPool(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClBatchNorm(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClLayerNorm(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClSoftmax(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);

// Transpose, Concat, Slice, Gather, Pad, Resize, Reduce* (opencl_movement.cpp, opencl_reduce.cpp).
std::unique_ptr<OpenClKernel> makeOpenClTranspose(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClConcat(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClSlice(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClGather(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClPad(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClResize(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);
std::unique_ptr<OpenClKernel> makeOpenClReduce(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node);

} // namespace onnxscope
