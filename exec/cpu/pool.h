// Pooling kernels (average, max, Lp, their global forms, MaxUnpool).
#pragma once

#include "exec/kernel_registry.h"

namespace onnxscope {

void registerPoolKernels(KernelRegistry& registry);
// The reference kernel of a pooling node, by its op type (fast paths fall back to it).
Result<std::unique_ptr<Kernel>> makeReferencePool(const NodeDesc& node);

} // namespace onnxscope
