#include "data_type.h"

#include <array>
#include <string>

namespace onnxscope {

namespace {

struct TypeInfo {
    std::string_view name;
    size_t memoryBytes;
    int serializedBits;
};

constexpr std::array<TypeInfo, kMaxDataType + 1> kTypes = {{
    {"undefined", 0, 0},      {"float", 4, 32},     {"uint8", 1, 8},
    {"int8", 1, 8},           {"uint16", 2, 16},    {"int16", 2, 16},
    {"int32", 4, 32},         {"int64", 8, 64},     {"string", sizeof(std::string), 0},
    {"bool", 1, 8},           {"float16", 2, 16},   {"double", 8, 64},
    {"uint32", 4, 32},        {"uint64", 8, 64},    {"complex64", 8, 64},
    {"complex128", 16, 128},  {"bfloat16", 2, 16},  {"float8e4m3fn", 1, 8},
    {"float8e4m3fnuz", 1, 8}, {"float8e5m2", 1, 8}, {"float8e5m2fnuz", 1, 8},
    {"uint4", 1, 4},          {"int4", 1, 4},       {"float4e2m1", 1, 4},
    {"float8e8m0", 1, 8},     {"uint2", 1, 2},      {"int2", 1, 2},
}};

const TypeInfo& info(DataType type) {
    auto index = static_cast<size_t>(type);
    return kTypes[index < kTypes.size() ? index : 0];
}

} // namespace

std::optional<DataType> dataTypeFromInt(int32_t value) {
    if (value < 0 || value > kMaxDataType)
        return std::nullopt;
    return static_cast<DataType>(value);
}

std::string_view dataTypeName(DataType type) {
    return info(type).name;
}
size_t elementByteSize(DataType type) {
    return info(type).memoryBytes;
}
int serializedBitWidth(DataType type) {
    return info(type).serializedBits;
}

bool isFloatingPoint(DataType type) {
    switch (type) {
    case DataType::Float:
    case DataType::Double:
    case DataType::Float16:
    case DataType::BFloat16:
    case DataType::Float8E4M3FN:
    case DataType::Float8E4M3FNUZ:
    case DataType::Float8E5M2:
    case DataType::Float8E5M2FNUZ:
    case DataType::Float4E2M1:
    case DataType::Float8E8M0:
        return true;
    default:
        return false;
    }
}

bool isSignedInteger(DataType type) {
    switch (type) {
    case DataType::Int8:
    case DataType::Int16:
    case DataType::Int32:
    case DataType::Int64:
    case DataType::Int4:
    case DataType::Int2:
        return true;
    default:
        return false;
    }
}

bool isUnsignedInteger(DataType type) {
    switch (type) {
    case DataType::Uint8:
    case DataType::Uint16:
    case DataType::Uint32:
    case DataType::Uint64:
    case DataType::Uint4:
    case DataType::Uint2:
        return true;
    default:
        return false;
    }
}

bool isSubByte(DataType type) {
    return serializedBitWidth(type) > 0 && serializedBitWidth(type) < 8;
}

} // namespace onnxscope
