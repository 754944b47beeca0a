#include "input_generator.h"

#include "core/tensor_file_io.h"
#include "declared_value_io.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

namespace onnxscope {

namespace {

// Calls fill.template operator()<T>() with the C++ type that stores the elements of `type`;
// false for types without a numeric fill here (strings, complex, packed sub-byte types).
template <typename F> bool withNumericStorage(DataType type, F&& fill) {
    switch (type) {
    case DataType::Float:
        fill.template operator()<float>();
        return true;
    case DataType::Double:
        fill.template operator()<double>();
        return true;
    case DataType::Int64:
        fill.template operator()<int64_t>();
        return true;
    case DataType::Int32:
        fill.template operator()<int32_t>();
        return true;
    case DataType::Int16:
        fill.template operator()<int16_t>();
        return true;
    case DataType::Uint16:
        fill.template operator()<uint16_t>();
        return true;
    case DataType::Int8:
        fill.template operator()<int8_t>();
        return true;
    case DataType::Uint8:
    case DataType::Bool:
        fill.template operator()<uint8_t>();
        return true;
    case DataType::Uint32:
        fill.template operator()<uint32_t>();
        return true;
    case DataType::Uint64:
        fill.template operator()<uint64_t>();
        return true;
    default:
        return false;
    }
}

// Integers are clamped to the type, so a normal draw never wraps around.
template <typename T> T toElement(double v) {
    if constexpr (std::is_integral_v<T>)
        return static_cast<T>(std::clamp(v, static_cast<double>(std::numeric_limits<T>::lowest()),
                                         static_cast<double>(std::numeric_limits<T>::max())));
    else
        return static_cast<T>(v);
}

template <typename T, typename D> void fillWith(Tensor& t, std::mt19937_64& rng, D& distribution) {
    T* data = t.data<T>();
    for (int64_t i = 0, n = t.elementCount(); i < n; ++i)
        data[i] = toElement<T>(static_cast<double>(distribution(rng)));
}

template <typename T> void fillRandom(Tensor& t, std::mt19937_64& rng, const RandomSpec& spec) {
    if (spec.distribution == RandomDistribution::Normal) {
        std::normal_distribution<double> normal(spec.mean, spec.stddev);
        if constexpr (std::is_integral_v<T>) {
            auto rounded = [&](std::mt19937_64& r) { return std::round(normal(r)); };
            fillWith<T>(t, rng, rounded);
        } else {
            fillWith<T>(t, rng, normal);
        }
    } else if constexpr (std::is_integral_v<T>) {
        // int keeps the draws identical to what earlier releases produced for [0, 10).
        const int low = static_cast<int>(std::ceil(spec.low));
        const int high = std::max(low, static_cast<int>(std::ceil(spec.high)) - 1);
        std::uniform_int_distribution<int> uniform(low, high);
        fillWith<T>(t, rng, uniform);
    } else {
        std::uniform_real_distribution<double> uniform(spec.low, std::max(spec.low, spec.high));
        fillWith<T>(t, rng, uniform);
    }
}

} // namespace

RandomSpec defaultRandomSpec(DataType type) {
    RandomSpec spec;
    if (type != DataType::Float && type != DataType::Double) {
        spec.low = 0;
        spec.high = 10;
    }
    return spec;
}

Result<Tensor> randomTensor(DataType type, const Shape& shape, std::mt19937_64& rng) {
    return randomTensor(type, shape, rng, defaultRandomSpec(type));
}

Result<Tensor> randomTensor(DataType type, const Shape& shape, std::mt19937_64& rng, const RandomSpec& spec) {
    OS_ASSIGN_OR_RETURN(Tensor t, Tensor::allocate(type, shape));
    std::uniform_int_distribution<int> digit(0, 9);
    if (type == DataType::Bool) {
        for (int64_t i = 0; i < t.elementCount(); ++i)
            t.data<uint8_t>()[i] = static_cast<uint8_t>(digit(rng) & 1);
    } else if (type == DataType::String) {
        for (int64_t i = 0; i < t.elementCount(); ++i)
            t.data<std::string>()[i] = "s" + std::to_string(digit(rng));
    } else if (!withNumericStorage(type, [&]<typename T>() { fillRandom<T>(t, rng, spec); })) {
        return Status::error("cannot make random data of type " + std::string(dataTypeName(type)));
    }
    return t;
}

Result<Tensor> constantTensor(DataType type, const Shape& shape, double value) {
    OS_ASSIGN_OR_RETURN(Tensor t, Tensor::allocate(type, shape));
    const bool filled = withNumericStorage(type, [&]<typename T>() {
        const T element = toElement<T>(value);
        std::fill_n(t.data<T>(), t.elementCount(), element);
    });
    if (!filled)
        return Status::error("cannot fill a tensor of type " + std::string(dataTypeName(type)) +
                             " with a number");
    return t;
}

Shape resolveInputShape(const ValueInfo& info, const std::map<std::string, int64_t>& dims,
                        std::vector<std::string>* guessed) {
    Shape shape;
    for (size_t d = 0; d < info.dims.size(); ++d) {
        int64_t v = info.dims[d];
        const std::string param = d < info.dimParams.size() ? info.dimParams[d] : std::string();
        if (v < 0) {
            auto it = param.empty() ? dims.end() : dims.find(param);
            if (it != dims.end()) {
                v = it->second;
            } else {
                v = 1;
                if (guessed)
                    guessed->push_back(param.empty() ? "#" + std::to_string(d) : param);
            }
        }
        shape.push_back(v);
    }
    return shape;
}

Result<Value> readInputValue(const std::string& file, const ValueInfo& info) {
    if (info.kind != ValueInfo::Kind::Tensor && info.kind != ValueInfo::Kind::Unknown)
        return readDeclaredValuePb(file, info);
    auto t = readTensorFile(file);
    if (!t.ok())
        return t.status();
    return Value(std::move(t).value());
}

} // namespace onnxscope
