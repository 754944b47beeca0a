// Attention and RotaryEmbedding kernels.
#pragma once

#include "exec/kernel_registry.h"

namespace onnxscope {

void registerAttentionKernels(KernelRegistry& registry);

} // namespace onnxscope
