// Registration of the smaller spatial and linear-algebra nn kernels, one file each:
// GridSample, RoiAlign / MaxRoiPool, Col2Im, Det, and the ai.onnx.preview.training optimizers.
#pragma once

#include "exec/kernel_registry.h"

namespace onnxscope {

void registerGridSampleKernels(KernelRegistry& registry);
void registerRoiKernels(KernelRegistry& registry);
void registerCol2ImKernels(KernelRegistry& registry);
void registerDetKernels(KernelRegistry& registry);
void registerTrainingKernels(KernelRegistry& registry);

} // namespace onnxscope
