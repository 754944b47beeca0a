// Recurrent kernels: RNN, GRU, LSTM.
#pragma once

#include "exec/kernel_registry.h"

namespace onnxscope {

void registerRecurrentKernels(KernelRegistry& registry);

} // namespace onnxscope
