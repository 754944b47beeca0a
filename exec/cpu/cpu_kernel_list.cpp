#include "cpu_kernels.h"

#include "dnnl_kernels.h"

namespace onnxscope {

void registerCpuKernels(KernelRegistry& registry) {
    registerMathKernels(registry);
    registerTensorKernels(registry);
    registerNnKernels(registry);
    registerControlFlowKernels(registry);
    registerExtraKernels(registry);
    registerDnnlKernels(registry); // above the reference kernels, which stay as fallbacks
}

} // namespace onnxscope
