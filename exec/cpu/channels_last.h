// Conversions between ONNX's [N, C, spatial...] layout and channels-last data of the same shape
// (channels innermost), which fused runs keep between oneDNN convolutions and pools. Tensors of
// rank below 3 are the same in both layouts and are returned as they are.
#pragma once

#include "core/tensor.h"

namespace onnxscope {

Tensor toChannelsLast(const Tensor& plain);
Tensor fromChannelsLast(const Tensor& channelsLast);

} // namespace onnxscope
