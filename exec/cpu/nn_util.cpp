#include "nn_util.h"

#include "core/float_types.h"
#include "exec/cpu/type_dispatch.h"

#include <cmath>
#include <limits>

namespace onnxscope {

bool isFloatLike(DataType type) {
    return type == DataType::Float || type == DataType::Double || type == DataType::Float16 ||
           type == DataType::BFloat16;
}

Tensor toFloat(const Tensor& t) {
    if (t.dataType() == DataType::Float)
        return t;
    Tensor out(DataType::Float, t.shape());
    float* dst = out.data<float>();
    const int64_t n = t.elementCount();
    switch (t.dataType()) {
    case DataType::Float16: {
        const uint16_t* src = t.data<uint16_t>();
        for (int64_t i = 0; i < n; ++i)
            dst[i] = halfToFloat(src[i]);
        break;
    }
    case DataType::BFloat16: {
        const uint16_t* src = t.data<uint16_t>();
        for (int64_t i = 0; i < n; ++i)
            dst[i] = bfloat16ToFloat(src[i]);
        break;
    }
    case DataType::Double: {
        const double* src = t.data<double>();
        for (int64_t i = 0; i < n; ++i)
            dst[i] = static_cast<float>(src[i]);
        break;
    }
    default:
        for (int64_t i = 0; i < n; ++i)
            dst[i] = static_cast<float>(t.elementAsDouble(i));
    }
    return out;
}

Tensor toDouble(const Tensor& t) {
    if (t.dataType() == DataType::Double)
        return t;
    Tensor out(DataType::Double, t.shape());
    double* dst = out.data<double>();
    for (int64_t i = 0; i < t.elementCount(); ++i)
        dst[i] = t.elementAsDouble(i);
    return out;
}

namespace {

template <typename T> T saturateCast(float v) {
    if constexpr (std::is_floating_point_v<T>) {
        return static_cast<T>(v);
    } else {
        if (std::isnan(v))
            return T(0);
        const double r = std::nearbyint(static_cast<double>(v));
        if (r <= static_cast<double>(std::numeric_limits<T>::lowest()))
            return std::numeric_limits<T>::lowest();
        if (r >= static_cast<double>(std::numeric_limits<T>::max()))
            return std::numeric_limits<T>::max();
        return static_cast<T>(r);
    }
}

} // namespace

Tensor fromFloat(const Tensor& t, DataType type, bool saturate) {
    if (type == DataType::Float)
        return t;
    Tensor out(type, t.shape());
    const float* src = t.data<float>();
    const int64_t n = t.elementCount();
    switch (type) {
    case DataType::Float16: {
        uint16_t* dst = out.data<uint16_t>();
        for (int64_t i = 0; i < n; ++i)
            dst[i] = floatToHalf(src[i]);
        return out;
    }
    case DataType::BFloat16: {
        uint16_t* dst = out.data<uint16_t>();
        for (int64_t i = 0; i < n; ++i)
            dst[i] = floatToBfloat16(src[i]);
        return out;
    }
    case DataType::Float8E4M3FN:
    case DataType::Float8E4M3FNUZ:
    case DataType::Float8E5M2:
    case DataType::Float8E5M2FNUZ:
    case DataType::Float8E8M0:
    case DataType::Float4E2M1: {
        uint8_t* dst = out.data<uint8_t>();
        for (int64_t i = 0; i < n; ++i)
            dst[i] = floatToSmallFloat(type, src[i], saturate);
        return out;
    }
    case DataType::Bool: {
        uint8_t* dst = out.data<uint8_t>();
        for (int64_t i = 0; i < n; ++i)
            dst[i] = src[i] != 0.0f;
        return out;
    }
    default:
        break;
    }
    dispatchNumeric(type, [&](auto tag) {
        using T = typename decltype(tag)::type;
        T* dst = out.data<T>();
        for (int64_t i = 0; i < n; ++i)
            dst[i] = saturateCast<T>(src[i]);
    });
    return out;
}

Result<std::vector<int64_t>> readInts(const Tensor& t, const std::string& what) {
    std::vector<int64_t> out(static_cast<size_t>(t.elementCount()));
    if (t.dataType() == DataType::Int64) {
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = t.data<int64_t>()[i];
    } else if (t.dataType() == DataType::Int32) {
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = t.data<int32_t>()[i];
    } else {
        return Status::error(what + " must be int32 or int64, got " +
                             std::string(dataTypeName(t.dataType())));
    }
    return out;
}

Result<int> resolveAxis(int64_t axis, int rank, const std::string& what) {
    if (axis < -rank || axis >= std::max(rank, 1))
        return Status::error(what + " " + std::to_string(axis) + " is out of range for rank " +
                             std::to_string(rank));
    return static_cast<int>(axis < 0 ? axis + rank : axis);
}

Status readWindowAttributes(const NodeDesc& node, int spatial, WindowGeometry& g) {
    const size_t n = static_cast<size_t>(spatial);
    if (node.hasAttribute("kernel_shape"))
        g.kernel = node.getInts("kernel_shape");
    if (g.kernel.size() != n)
        return Status::error("kernel_shape has " + std::to_string(g.kernel.size()) + " entries, expected " +
                             std::to_string(n));
    g.strides = node.getInts("strides", std::vector<int64_t>(n, 1));
    g.dilations = node.getInts("dilations", std::vector<int64_t>(n, 1));
    g.pads = node.getInts("pads", std::vector<int64_t>(2 * n, 0));
    g.autoPad = node.getString("auto_pad", "NOTSET");
    g.ceilMode = node.getInt("ceil_mode", 0) != 0;
    if (g.strides.size() != n || g.dilations.size() != n || g.pads.size() != 2 * n)
        return Status::error("strides/dilations/pads lengths do not match " + std::to_string(n) +
                             " spatial dims");
    for (size_t i = 0; i < n; ++i) {
        if (g.kernel[i] <= 0 || g.strides[i] <= 0 || g.dilations[i] <= 0)
            return Status::error("kernel_shape, strides and dilations must be positive");
        if (g.pads[i] < 0 || g.pads[i + n] < 0)
            return Status::error("pads must be non-negative");
    }
    if (g.autoPad != "NOTSET" && g.autoPad != "SAME_UPPER" && g.autoPad != "SAME_LOWER" &&
        g.autoPad != "VALID")
        return Status::error("unknown auto_pad '" + g.autoPad + "'");
    return Status();
}

Result<std::vector<int64_t>> windowOutputShape(WindowGeometry& g, const std::vector<int64_t>& in) {
    const size_t n = in.size();
    std::vector<int64_t> out(n);
    for (size_t i = 0; i < n; ++i) {
        const int64_t effective = (g.kernel[i] - 1) * g.dilations[i] + 1;
        if (g.autoPad == "SAME_UPPER" || g.autoPad == "SAME_LOWER") {
            out[i] = (in[i] + g.strides[i] - 1) / g.strides[i];
            const int64_t total = std::max<int64_t>(0, (out[i] - 1) * g.strides[i] + effective - in[i]);
            const int64_t small = total / 2;
            g.pads[i] = g.autoPad == "SAME_UPPER" ? small : total - small;
            g.pads[i + n] = total - g.pads[i];
            continue;
        }
        if (g.autoPad == "VALID") {
            g.pads[i] = g.pads[i + n] = 0;
        }
        const int64_t span = in[i] + g.pads[i] + g.pads[i + n] - effective;
        if (span < 0)
            return Status::error("window of size " + std::to_string(effective) + " does not fit input dim " +
                                 std::to_string(in[i]) + " with its pads");
        if (g.ceilMode) {
            out[i] = (span + g.strides[i] - 1) / g.strides[i] + 1;
            // The last window must start inside the input or the left padding.
            if ((out[i] - 1) * g.strides[i] >= in[i] + g.pads[i])
                --out[i];
        } else {
            out[i] = span / g.strides[i] + 1;
        }
    }
    return out;
}

} // namespace onnxscope
