// Element type conversion as ONNX Cast defines it, usable outside the Cast kernel (CastLike,
// quantization, ops that accept several index types).
//
// Integers convert with wrap-around, floating point to integer truncates toward zero (NaN
// becomes 0, values beyond int64 clamp), float8 honours `saturate`, sub-byte integers wrap to
// their width, strings parse and format numbers the way numpy does.
#pragma once

#include "core/float_types.h"
#include "core/tensor.h"

namespace onnxscope {

struct CastOptions {
    bool saturate = true;
    E8M0Rounding rounding = E8M0Rounding::Up;
};

Result<Tensor> castTensor(const Tensor& input, DataType to, CastOptions options = {}, int threads = 1);

} // namespace onnxscope
