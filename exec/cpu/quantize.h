// Linear quantization: QuantizeLinear / DequantizeLinear (per-tensor, per-axis and blocked
// scales; 8/16-bit, 4-bit, 2-bit and float8 encodings), DynamicQuantizeLinear, and the integer
// and QLinear forms of MatMul and Conv.
#pragma once

#include "core/status.h"
#include "core/tensor.h"
#include "exec/kernel_registry.h"

#include <vector>

namespace onnxscope {

// The integer range of a quantized type (uint8, int8, uint16, int16, uint4, int4, uint2, int2,
// int32); false for other types.
bool quantizedRange(DataType type, int64_t& low, int64_t& high);

// A tensor's values as int32 (integer types) for the integer kernels.
std::vector<int32_t> toInt32(const Tensor& t);

void registerQuantizeKernels(KernelRegistry& registry);
void registerQuantizedMatMulConvKernels(KernelRegistry& registry);

} // namespace onnxscope
