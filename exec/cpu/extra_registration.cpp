#include "cpu_kernels.h"
#include "extra_kernels.h"
#include "image_decoder.h"
#include "sequence_model_kernels.h"

namespace onnxscope {

void registerExtraKernels(KernelRegistry& registry) {
    registerBitCastKernel(registry);
    registerCumProdKernel(registry);
    registerSwiGluKernel(registry);
    registerAffineGridKernel(registry);
    registerDeformConvKernel(registry);
    registerCausalConvWithStateKernel(registry);
    registerLinearAttentionKernel(registry);
    registerFlexAttentionKernel(registry);
    registerImageDecoderKernel(registry);
}

} // namespace onnxscope
