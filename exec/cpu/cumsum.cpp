// CumSum: running sums along one axis (given as a scalar input), optionally exclusive (each
// output excludes its own element) and/or reversed. The scan itself is shared with CumProd
// (cumulative.h).
#include "cumulative.h"
#include "math_kernels.h"

#include "exec/kernel_registry.h"

namespace onnxscope {

void registerCumSumKernel(KernelRegistry& r) {
    r.add("CumSum", 11, &makeKernel<CumulativeKernel<CumSumOp>>);
}

} // namespace onnxscope
