// Conversions between ONNX's [N, C, spatial...] layout and channels-last data of the same shape,
// which fused runs keep between oneDNN convolutions and pools: channels innermost (NHWC), or, in
// blocked mode, for images of 28x28 pixels and more whose channel count is a multiple of 8,
// blocks of 8 channels innermost ([N, C/8, spatial..., 8], oneDNN's nChw8c). A value's layout
// follows from its shape alone, so every kernel that reads it agrees. Tensors of rank below 3
// are the same in every layout and are returned as they are.
#pragma once

#include "core/tensor.h"

namespace onnxscope {

// Channels per innermost block of a channels-last tensor of this shape: 8 in blocked mode where
// they divide the channels (1 to 3 spatial dims, 28x28 pixels or more), else all of them (NHWC
// is one block of every channel).
int64_t channelBlock(const Shape& shape, bool blocked);

Tensor toChannelsLast(const Tensor& plain, bool blocked = false);
Tensor fromChannelsLast(const Tensor& channelsLast, bool blocked = false);

} // namespace onnxscope
