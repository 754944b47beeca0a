#include "cpu_kernels.h"
#include "exec/kernel_registry.h"
#include "tensor_kernels.h"

namespace onnxscope {

void registerTensorKernels(KernelRegistry& registry) {
    registerShapeOps(registry);
    registerTransposeOps(registry);
    registerConcatSplitOps(registry);
    registerSliceOps(registry);
    registerGatherOps(registry);
    registerScatterOps(registry);
    registerPadOps(registry);
    registerExpandOps(registry);
    registerGeneratorOps(registry);
    registerResizeOps(registry);
    registerSelectionOps(registry);
    registerNmsOps(registry);
    registerRandomOps(registry);
    registerStringOps(registry);
    registerSignalOps(registry);
    registerTfIdfOps(registry);
    registerMlOps(registry);
}

} // namespace onnxscope
