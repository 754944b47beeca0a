// Element types of ONNX tensors, numbered as TensorProto.DataType (0..26).
//
// Debian's libonnx 1.12 knows only up to BFLOAT16 (16); the later types (float8, int4/uint4,
// float4, int2/uint2) are still read and written by number, so this enum is ours, not libonnx's.
// In memory, sub-byte types are unpacked to one byte per element (kernels stay simple); they are
// packed again only when serialized (see tensor_proto_io).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace onnxscope {

enum class DataType : int32_t {
    Undefined = 0,
    Float = 1,
    Uint8 = 2,
    Int8 = 3,
    Uint16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    Uint32 = 12,
    Uint64 = 13,
    Complex64 = 14,
    Complex128 = 15,
    BFloat16 = 16,
    Float8E4M3FN = 17,
    Float8E4M3FNUZ = 18,
    Float8E5M2 = 19,
    Float8E5M2FNUZ = 20,
    Uint4 = 21,
    Int4 = 22,
    Float4E2M1 = 23,
    Float8E8M0 = 24,
    Uint2 = 25,
    Int2 = 26,
};

constexpr int32_t kMaxDataType = 26;

// Returns the type for a TensorProto.data_type number, or nothing for an unknown number.
std::optional<DataType> dataTypeFromInt(int32_t value);

// ONNX spelling: "float", "int64", "float8e4m3fn", ...
std::string_view dataTypeName(DataType type);

// Bytes one element takes in a Tensor's memory (sub-byte types unpacked to 1; String is the size
// of std::string; Undefined is 0).
size_t elementByteSize(DataType type);

// Bits one element takes when serialized (raw_data): 4 for int4/uint4/float4, 2 for int2/uint2.
int serializedBitWidth(DataType type);

bool isFloatingPoint(DataType type); // float, double, float16, bfloat16, float8*, float4
bool isSignedInteger(DataType type);
bool isUnsignedInteger(DataType type);
inline bool isInteger(DataType type) {
    return isSignedInteger(type) || isUnsignedInteger(type);
}
bool isSubByte(DataType type);

} // namespace onnxscope
