// Widening and narrowing between float and the narrow floating-point element types.
//
// Kernels have one float body for float16, bfloat16, the float8 variants, float8e8m0 and
// float4e2m1: they widen the inputs to float, compute, and narrow the result back, rounding to
// nearest even as onnx's reference does. Everything here is elementwise and parallel.
#pragma once

#include "core/tensor.h"

namespace onnxscope {

// threads: how many threads large conversions may use (a kernel passes context.threadCount());
// 0 means OpenMP's default.

// float16, bfloat16, float8*, float8e8m0, float4e2m1: stored as bits, computed as float.
bool isNarrowFloat(DataType type);

// Element i of a narrow-float tensor's bits as float (type must satisfy isNarrowFloat).
float narrowBitsToFloat(DataType type, const void* data, int64_t index);

// The values of a narrow-float tensor as a float tensor of the same shape. Any other tensor
// (float, integers...) is returned as is (shared storage, no copy), so integer/float templated
// bodies can call this unconditionally.
Tensor widenToFloat(const Tensor& input, int threads = 0);
// Writes `count` widened elements of a narrow-float buffer of `type` into out.
void widenToFloat(DataType type, const void* in, float* out, int64_t count, int threads = 0);

// A float tensor converted to the narrow float `type`. saturate applies to the float8 types
// only (values beyond the largest finite become it instead of Inf/NaN). Returned as is when
// it already has `type`, is not float, or `type` is not a narrow float.
Tensor narrowFromFloat(const Tensor& input, DataType type, bool saturate = true, int threads = 0);
void narrowFromFloat(const float* in, DataType type, void* out, int64_t count, bool saturate = true,
                     int threads = 0);

} // namespace onnxscope
