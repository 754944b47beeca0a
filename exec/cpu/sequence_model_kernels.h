// Registration helpers of the sequence-model ops (CausalConvWithState, LinearAttention,
// ai.onnx.preview FlexAttention), called only from registerExtraKernels (extra_registration.cpp).
#pragma once

namespace onnxscope {

class KernelRegistry;

void registerCausalConvWithStateKernel(KernelRegistry& registry); // causal_conv_with_state.cpp
void registerLinearAttentionKernel(KernelRegistry& registry);     // linear_attention.cpp
void registerFlexAttentionKernel(KernelRegistry& registry);       // flex_attention.cpp

} // namespace onnxscope
