// Shape setup shared by Conv, ConvTranspose, ConvInteger and QLinearConv: validates X/W
// against group and the window attributes and resolves auto_pad into a ConvGeometry.
#pragma once

#include "core/status.h"
#include "core/tensor.h"
#include "exec/cpu/im2col.h"
#include "exec/kernel_registry.h"

namespace onnxscope {

struct ConvSetup {
    int64_t batch = 0, inChannels = 0, outChannels = 0, group = 1;
    ConvGeometry geometry;
    Shape outputShape;
};

Result<ConvSetup> setupConv(const NodeDesc& node, const Shape& x, const Shape& w, int64_t group);
Result<ConvSetup> setupConvTranspose(const NodeDesc& node, const Shape& x, const Shape& w, int64_t group);

void registerConvKernels(KernelRegistry& registry);
// The reference Conv and ConvTranspose kernels (fast paths fall back to them).
Result<std::unique_ptr<Kernel>> makeReferenceConv(const NodeDesc& node);
Result<std::unique_ptr<Kernel>> makeReferenceConvTranspose(const NodeDesc& node);

} // namespace onnxscope
