// Registration helpers of the "extra" kernel files (recent-opset ops: BitCast, CumProd, SwiGLU,
// AffineGrid, DeformConv), called only from registerExtraKernels (extra_registration.cpp).
#pragma once

namespace onnxscope {

class KernelRegistry;

void registerBitCastKernel(KernelRegistry& registry);    // bitcast.cpp
void registerCumProdKernel(KernelRegistry& registry);    // cumprod.cpp
void registerSwiGluKernel(KernelRegistry& registry);     // swiglu.cpp
void registerAffineGridKernel(KernelRegistry& registry); // affine_grid.cpp
void registerDeformConvKernel(KernelRegistry& registry); // deform_conv.cpp

} // namespace onnxscope
