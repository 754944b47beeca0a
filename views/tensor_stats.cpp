#include "tensor_stats.h"

#include "core/float_types.h"

#include <onnx/onnx_pb.h>

#include <QCoreApplication>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace onnxscope {

namespace {

template <typename T> std::vector<double> fromRaw(const std::string& raw) {
    std::vector<double> out(raw.size() / sizeof(T));
    for (size_t i = 0; i < out.size(); ++i) {
        T v;
        std::memcpy(&v, raw.data() + i * sizeof(T), sizeof(T)); // raw_data is little-endian, like us
        out[i] = static_cast<double>(v);
    }
    return out;
}

std::optional<std::vector<double>> readValues(const onnx::TensorProto& t) {
    if (t.data_location() == onnx::TensorProto::EXTERNAL)
        return std::nullopt;
    const bool raw = t.has_raw_data();
    std::vector<double> v;
    switch (t.data_type()) {
    case onnx::TensorProto::FLOAT:
        if (raw)
            return fromRaw<float>(t.raw_data());
        v.assign(t.float_data().begin(), t.float_data().end());
        return v;
    case onnx::TensorProto::DOUBLE:
        if (raw)
            return fromRaw<double>(t.raw_data());
        v.assign(t.double_data().begin(), t.double_data().end());
        return v;
    case onnx::TensorProto::INT64:
        if (raw)
            return fromRaw<int64_t>(t.raw_data());
        for (int64_t x : t.int64_data())
            v.push_back(static_cast<double>(x));
        return v;
    case onnx::TensorProto::INT32:
        if (raw)
            return fromRaw<int32_t>(t.raw_data());
        v.assign(t.int32_data().begin(), t.int32_data().end());
        return v;
    case onnx::TensorProto::INT8:
        if (raw)
            return fromRaw<int8_t>(t.raw_data());
        v.assign(t.int32_data().begin(), t.int32_data().end());
        return v;
    case onnx::TensorProto::UINT8:
        if (raw)
            return fromRaw<uint8_t>(t.raw_data());
        v.assign(t.int32_data().begin(), t.int32_data().end());
        return v;
    case onnx::TensorProto::FLOAT16: {
        std::vector<uint16_t> bits;
        if (raw) {
            bits.resize(t.raw_data().size() / 2);
            std::memcpy(bits.data(), t.raw_data().data(), bits.size() * 2);
        } else {
            for (int32_t x : t.int32_data())
                bits.push_back(static_cast<uint16_t>(x));
        }
        for (uint16_t b : bits)
            v.push_back(halfToFloat(b));
        return v;
    }
    default:
        return std::nullopt;
    }
}

} // namespace

std::optional<TensorStats> tensorStats(const onnx::TensorProto& tensor) {
    auto values = readValues(tensor);
    if (!values)
        return std::nullopt;
    qint64 expected = 1;
    for (int64_t d : tensor.dims())
        expected *= d;
    if (static_cast<qint64>(values->size()) != expected)
        return std::nullopt;
    TensorStats s;
    double sum = 0, sumSq = 0;
    s.min = std::numeric_limits<double>::infinity();
    s.max = -std::numeric_limits<double>::infinity();
    for (double x : *values) {
        if (!std::isfinite(x)) {
            ++s.nonFinite;
            continue;
        }
        ++s.count;
        s.zeros += x == 0;
        s.min = std::min(s.min, x);
        s.max = std::max(s.max, x);
        sum += x;
        sumSq += x * x;
    }
    if (s.count > 0) {
        s.mean = sum / static_cast<double>(s.count);
        s.stddev = std::sqrt(std::max(0.0, sumSq / static_cast<double>(s.count) - s.mean * s.mean));
    } else {
        s.min = s.max = 0;
    }
    return s;
}

QString tensorStatsText(const onnx::TensorProto& tensor) {
    const auto s = tensorStats(tensor);
    if (!s)
        return QCoreApplication::translate("TensorStats", "statistics not available for this tensor");
    return QCoreApplication::translate("TensorStats", "min %1, max %2, mean %3, std %4, zeros %5 of %6")
        .arg(s->min, 0, 'g', 6)
        .arg(s->max, 0, 'g', 6)
        .arg(s->mean, 0, 'g', 6)
        .arg(s->stddev, 0, 'g', 6)
        .arg(s->zeros)
        .arg(s->count + s->nonFinite);
}

} // namespace onnxscope
