#include "cpu_kernels.h"

namespace onnxscope {

void registerCpuKernels(KernelRegistry& registry) {
    registerMathKernels(registry);
    registerTensorKernels(registry);
    registerNnKernels(registry);
    registerControlFlowKernels(registry);
    registerExtraKernels(registry);
}

} // namespace onnxscope
