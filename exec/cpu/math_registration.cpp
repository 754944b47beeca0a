#include "cpu_kernels.h"
#include "math_kernels.h"

namespace onnxscope {

// Elementwise math, activations, casts, softmax, cumulative sums and reductions. Each file
// registers its own ops; this is the family's one list of them.
void registerMathKernels(KernelRegistry& registry) {
    registerUnaryMathKernels(registry);
    registerActivationKernels(registry);
    registerBinaryMathKernels(registry);
    registerVariadicKernels(registry);
    registerCastKernels(registry);
    registerSoftmaxKernels(registry);
    registerCumSumKernel(registry);
    registerReduceKernels(registry);
    registerArgReduceKernels(registry);
}

} // namespace onnxscope
