// Normalization kernels (batch, instance, layer, group, RMS, mean-variance, Lp, LRN).
#pragma once

#include "exec/kernel_registry.h"

namespace onnxscope {

void registerNormalizationKernels(KernelRegistry& registry);

} // namespace onnxscope
