#include "control_flow_kernels.h"
#include "cpu_kernels.h"
#include "exec/kernel_registry.h"

namespace onnxscope {

void registerControlFlowKernels(KernelRegistry& registry) {
    registerControlFlowOps(registry);
    registerSequenceOps(registry);
    registerOptionalOps(registry);
}

} // namespace onnxscope
