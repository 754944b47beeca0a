#include "cpu_kernels.h"
#include "exec/cpu/attention.h"
#include "exec/cpu/conv.h"
#include "exec/cpu/einsum.h"
#include "exec/cpu/matmul.h"
#include "exec/cpu/normalization.h"
#include "exec/cpu/pool.h"
#include "exec/cpu/quantize.h"
#include "exec/cpu/rnn.h"
#include "exec/cpu/spatial_kernels.h"
#include "exec/kernel_registry.h"

namespace onnxscope {

void registerNnKernels(KernelRegistry& registry) {
    registerMatMulKernels(registry);
    registerConvKernels(registry);
    registerPoolKernels(registry);
    registerNormalizationKernels(registry);
    registerQuantizeKernels(registry);
    registerRecurrentKernels(registry);
    registerEinsumKernels(registry);
    registerAttentionKernels(registry);
    registerGridSampleKernels(registry);
    registerRoiKernels(registry);
    registerCol2ImKernels(registry);
    registerDetKernels(registry);
    registerTrainingKernels(registry);
    registerQuantizedMatMulConvKernels(registry);
}

} // namespace onnxscope
