// Pooling kernels (average, max, Lp, their global forms, MaxUnpool).
#pragma once

#include "exec/kernel_registry.h"

namespace onnxscope {

void registerPoolKernels(KernelRegistry& registry);

} // namespace onnxscope
