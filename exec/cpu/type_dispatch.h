// Maps a runtime DataType to a C++ element type for templated kernel bodies.
//
// Float16/BFloat16/float8 have no native C++ arithmetic type here; kernels widen them to float
// with widenToFloat()/narrowFromFloat() (see float_tensor.h) and run their float body.
#pragma once

#include "core/data_type.h"

#include <cstdint>
#include <string>
#include <type_traits>

namespace onnxscope {

template <typename T> struct TypeTag { using type = T; };

// Calls fn(TypeTag<T>{}) for the numeric types with a native C++ representation.
// Returns false (without calling) for others.
template <typename Fn> bool dispatchNumeric(DataType type, Fn&& fn) {
    switch (type) {
    case DataType::Float:
        fn(TypeTag<float>{});
        return true;
    case DataType::Double:
        fn(TypeTag<double>{});
        return true;
    case DataType::Int8:
        fn(TypeTag<int8_t>{});
        return true;
    case DataType::Int16:
        fn(TypeTag<int16_t>{});
        return true;
    case DataType::Int32:
        fn(TypeTag<int32_t>{});
        return true;
    case DataType::Int64:
        fn(TypeTag<int64_t>{});
        return true;
    case DataType::Uint8:
        fn(TypeTag<uint8_t>{});
        return true;
    case DataType::Uint16:
        fn(TypeTag<uint16_t>{});
        return true;
    case DataType::Uint32:
        fn(TypeTag<uint32_t>{});
        return true;
    case DataType::Uint64:
        fn(TypeTag<uint64_t>{});
        return true;
    default:
        return false;
    }
}

// As dispatchNumeric plus Bool (as uint8_t) and String (std::string): for ops that only move
// elements around (Gather, Concat, Transpose...). Prefer byte-wise copies where possible.
template <typename Fn> bool dispatchAny(DataType type, Fn&& fn) {
    if (type == DataType::Bool) {
        fn(TypeTag<uint8_t>{});
        return true;
    }
    if (type == DataType::String) {
        fn(TypeTag<std::string>{});
        return true;
    }
    return dispatchNumeric(type, fn);
}

template <typename T> constexpr DataType dataTypeOf() {
    if constexpr (std::is_same_v<T, float>)
        return DataType::Float;
    else if constexpr (std::is_same_v<T, double>)
        return DataType::Double;
    else if constexpr (std::is_same_v<T, int8_t>)
        return DataType::Int8;
    else if constexpr (std::is_same_v<T, int16_t>)
        return DataType::Int16;
    else if constexpr (std::is_same_v<T, int32_t>)
        return DataType::Int32;
    else if constexpr (std::is_same_v<T, int64_t>)
        return DataType::Int64;
    else if constexpr (std::is_same_v<T, uint8_t>)
        return DataType::Uint8;
    else if constexpr (std::is_same_v<T, uint16_t>)
        return DataType::Uint16;
    else if constexpr (std::is_same_v<T, uint32_t>)
        return DataType::Uint32;
    else if constexpr (std::is_same_v<T, uint64_t>)
        return DataType::Uint64;
    else if constexpr (std::is_same_v<T, std::string>)
        return DataType::String;
    else
        return DataType::Undefined;
}

} // namespace onnxscope
