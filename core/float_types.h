// Conversions between float and the narrow floating-point formats ONNX stores as bits:
// float16, bfloat16, the four float8 variants, float8e8m0 and float4e2m1.
//
// All encoders round to nearest, ties to even, as onnx's reference implementation does.
// With saturate (the ONNX default for Cast to float8), values beyond the largest finite value
// clamp to it; without, they become Inf where the format has one and NaN otherwise.
#pragma once

#include "data_type.h"

#include <cstdint>

namespace onnxscope {

float halfToFloat(uint16_t bits);
uint16_t floatToHalf(float value);
float bfloat16ToFloat(uint16_t bits);
uint16_t floatToBfloat16(float value);

// type is one of the float8 types, Float8E8M0 or Float4E2M1 (4-bit value in the low bits).
float smallFloatToFloat(DataType type, uint8_t bits);
uint8_t floatToSmallFloat(DataType type, float value, bool saturate = true);

enum class E8M0Rounding { Up, Down, Nearest };
uint8_t floatToE8M0(float value, bool saturate, E8M0Rounding rounding);

} // namespace onnxscope
