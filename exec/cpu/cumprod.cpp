// CumProd (opset 26): running products along one axis, with CumSum's exclusive/reverse rules;
// the scan is shared with CumSum (cumulative.h).
#include "cumulative.h"
#include "extra_kernels.h"

#include "exec/kernel_registry.h"

namespace onnxscope {

void registerCumProdKernel(KernelRegistry& r) {
    r.add("CumProd", 26, &makeKernel<CumulativeKernel<CumProdOp>>);
}

} // namespace onnxscope
