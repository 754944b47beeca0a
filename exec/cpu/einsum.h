// Einsum kernel.
#pragma once

#include "exec/kernel_registry.h"

namespace onnxscope {

void registerEinsumKernels(KernelRegistry& registry);

} // namespace onnxscope
