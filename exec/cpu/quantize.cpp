#include "quantize.h"

#include "core/float_types.h"
#include "exec/cpu/nn_util.h"
#include "exec/cpu/type_dispatch.h"
#include "exec/kernel.h"

#include <algorithm>
#include <cmath>

namespace onnxscope {

// The integer types a quantized value may have (up to 32 bits, uint32 excluded as in the spec),
// with their range derived from the type's width and signedness.
bool quantizedRange(DataType type, int64_t& low, int64_t& high) {
    const int bits = serializedBitWidth(type);
    if (!isInteger(type) || bits > 32 || type == DataType::Uint32)
        return false;
    if (isSignedInteger(type)) {
        low = -(int64_t(1) << (bits - 1));
        high = (int64_t(1) << (bits - 1)) - 1;
    } else {
        low = 0;
        high = (int64_t(1) << bits) - 1;
    }
    return true;
}

std::vector<int32_t> toInt32(const Tensor& t) {
    std::vector<int32_t> out(static_cast<size_t>(t.elementCount()));
    switch (t.dataType()) {
    case DataType::Uint8:
    case DataType::Uint4:
    case DataType::Uint2:
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = t.data<uint8_t>()[i];
        break;
    case DataType::Int8:
    case DataType::Int4:
    case DataType::Int2:
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = t.data<int8_t>()[i];
        break;
    case DataType::Int32:
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = t.data<int32_t>()[i];
        break;
    default:
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = static_cast<int32_t>(t.elementAsDouble(static_cast<int64_t>(i)));
    }
    return out;
}

namespace {

bool isFloat8Like(DataType type) {
    return type == DataType::Float8E4M3FN || type == DataType::Float8E4M3FNUZ ||
           type == DataType::Float8E5M2 || type == DataType::Float8E5M2FNUZ || type == DataType::Float4E2M1;
}

// Maps element (outer, a, inner) of x to its scale/zero-point index for per-tensor, per-axis
// and blocked quantization.
struct ScaleLayout {
    int64_t outer = 1, n = 1, inner = 1;
    enum class Mode { Tensor, Axis, Blocked } mode = Mode::Tensor;
    int64_t blockSize = 0, blocks = 1;

    int64_t index(int64_t flat) const {
        if (mode == Mode::Tensor)
            return 0;
        const int64_t i = flat % inner;
        const int64_t a = (flat / inner) % n;
        if (mode == Mode::Axis)
            return a;
        const int64_t o = flat / (inner * n);
        return (o * blocks + a / blockSize) * inner + i;
    }
};

Result<ScaleLayout> scaleLayout(const Tensor& x, const Tensor& scale, int64_t axisAttr, int64_t blockSize,
                                const std::string& op) {
    ScaleLayout l;
    if (scale.elementCount() == 1 && scale.rank() <= 1 && blockSize == 0)
        return l;
    OS_ASSIGN_OR_RETURN(int axis, resolveAxis(axisAttr, x.rank(), op + " axis"));
    l.n = x.dim(axis);
    for (int d = 0; d < axis; ++d)
        l.outer *= x.dim(d);
    for (int d = axis + 1; d < x.rank(); ++d)
        l.inner *= x.dim(d);
    if (blockSize > 0) {
        l.mode = ScaleLayout::Mode::Blocked;
        l.blockSize = blockSize;
        l.blocks = (l.n + blockSize - 1) / blockSize;
        Shape expect = x.shape();
        expect[static_cast<size_t>(axis)] = l.blocks;
        if (scale.shape() != expect)
            return Status::error(op + " blocked scale must have shape " + shapeToString(expect) + ", got " +
                                 shapeToString(scale.shape()));
        return l;
    }
    if (scale.rank() != 1 || scale.dim(0) != l.n)
        return Status::error(op + " per-axis scale must have shape [" + std::to_string(l.n) + "], got " +
                             shapeToString(scale.shape()));
    l.mode = ScaleLayout::Mode::Axis;
    return l;
}

class QuantizeLinearKernel final : public Kernel {
public:
    explicit QuantizeLinearKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", 1))
        , m_blockSize(node.getInt("block_size", 0))
        , m_saturate(node.getInt("saturate", 1) != 0)
        , m_outputType(static_cast<int32_t>(node.getInt("output_dtype", 0))) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* scale = ctx.inputTensor(1);
        const Tensor* zp = ctx.inputTensor(2);
        if (!x || !scale)
            return Status::error("QuantizeLinear needs x and y_scale");
        DataType outType = DataType::Uint8;
        if (zp) {
            outType = zp->dataType();
        } else if (m_outputType != 0) {
            auto t = dataTypeFromInt(m_outputType);
            if (!t)
                return Status::error("QuantizeLinear output_dtype " + std::to_string(m_outputType) +
                                     " is unknown");
            outType = *t;
        }
        int64_t low = 0, high = 0;
        const bool integer = quantizedRange(outType, low, high);
        if (!integer && !isFloat8Like(outType))
            return Status::error("QuantizeLinear cannot produce " + std::string(dataTypeName(outType)));
        OS_ASSIGN_OR_RETURN(ScaleLayout layout,
                            scaleLayout(*x, *scale, m_axis, m_blockSize, "QuantizeLinear"));
        if (zp && zp->shape() != scale->shape() && zp->elementCount() != scale->elementCount())
            return Status::error("QuantizeLinear y_zero_point shape " + shapeToString(zp->shape()) +
                                 " differs from y_scale's " + shapeToString(scale->shape()));
        Tensor fx = toFloat(*x), fs = toFloat(*scale);
        const float* xd = fx.data<float>();
        const float* sd = fs.data<float>();
        Tensor y(outType, x->shape());
        const int64_t n = x->elementCount();
        if (integer) {
            std::vector<int32_t> z = zp ? toInt32(*zp) : std::vector<int32_t>(1, 0);
            std::vector<float> q(static_cast<size_t>(n));
            for (int64_t i = 0; i < n; ++i) {
                const int64_t k = layout.index(i);
                double v = std::nearbyint(static_cast<double>(xd[i] / sd[k])) + z[zp ? k : 0];
                v = std::min<double>(std::max<double>(v, double(low)), double(high));
                q[static_cast<size_t>(i)] = static_cast<float>(v);
                switch (outType) {
                case DataType::Uint8:
                case DataType::Uint4:
                case DataType::Uint2:
                    y.data<uint8_t>()[i] = static_cast<uint8_t>(v);
                    break;
                case DataType::Int8:
                case DataType::Int4:
                case DataType::Int2:
                    y.data<int8_t>()[i] = static_cast<int8_t>(v);
                    break;
                case DataType::Uint16:
                    y.data<uint16_t>()[i] = static_cast<uint16_t>(v);
                    break;
                case DataType::Int16:
                    y.data<int16_t>()[i] = static_cast<int16_t>(v);
                    break;
                default:
                    y.data<int32_t>()[i] = static_cast<int32_t>(v);
                    break;
                }
            }
        } else {
            // float8/float4: zero point is 0 by spec (added anyway, as the reference does).
            Tensor fz = zp ? toFloat(*zp) : Tensor();
            for (int64_t i = 0; i < n; ++i) {
                const int64_t k = layout.index(i);
                float v = xd[i] / sd[k];
                if (zp)
                    v += fz.data<float>()[k];
                y.data<uint8_t>()[i] = floatToSmallFloat(outType, v, m_saturate);
            }
        }
        ctx.setOutput(0, y);
        return Status();
    }

private:
    int64_t m_axis, m_blockSize;
    bool m_saturate;
    int32_t m_outputType;
};

class DequantizeLinearKernel final : public Kernel {
public:
    explicit DequantizeLinearKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", 1))
        , m_blockSize(node.getInt("block_size", 0))
        , m_outputType(static_cast<int32_t>(node.getInt("output_dtype", 0))) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* scale = ctx.inputTensor(1);
        const Tensor* zp = ctx.inputTensor(2);
        if (!x || !scale)
            return Status::error("DequantizeLinear needs x and x_scale");
        if (zp && zp->dataType() != x->dataType())
            return Status::error("DequantizeLinear x_zero_point type differs from x");
        OS_ASSIGN_OR_RETURN(ScaleLayout layout,
                            scaleLayout(*x, *scale, m_axis, m_blockSize, "DequantizeLinear"));
        DataType outType = scale->dataType();
        if (m_outputType != 0) {
            auto t = dataTypeFromInt(m_outputType);
            if (!t)
                return Status::error("DequantizeLinear output_dtype is unknown");
            outType = *t;
        }
        Tensor fs = toFloat(*scale);
        const float* sd = fs.data<float>();
        const int64_t n = x->elementCount();
        Tensor y(DataType::Float, x->shape());
        float* yd = y.data<float>();
        int64_t low, high;
        if (quantizedRange(x->dataType(), low, high)) {
            // Integer path subtracts in int32 first, as the reference does, so large int32
            // values and their zero point do not lose bits in float.
            std::vector<int32_t> xv = toInt32(*x);
            std::vector<int32_t> z = zp ? toInt32(*zp) : std::vector<int32_t>();
            for (int64_t i = 0; i < n; ++i) {
                const int64_t k = layout.index(i);
                const int64_t d = int64_t(xv[static_cast<size_t>(i)]) - (zp ? z[static_cast<size_t>(k)] : 0);
                yd[i] = static_cast<float>(d) * sd[k];
            }
        } else if (isFloat8Like(x->dataType()) || x->dataType() == DataType::Float8E8M0) {
            Tensor fz = zp ? toFloat(*zp) : Tensor();
            for (int64_t i = 0; i < n; ++i) {
                const int64_t k = layout.index(i);
                float v = static_cast<float>(x->elementAsDouble(i));
                if (zp)
                    v -= fz.data<float>()[k];
                yd[i] = v * sd[k];
            }
        } else {
            return Status::error("DequantizeLinear does not support input type " +
                                 std::string(dataTypeName(x->dataType())));
        }
        ctx.setOutput(0, fromFloat(y, outType));
        return Status();
    }

private:
    int64_t m_axis, m_blockSize;
    int32_t m_outputType;
};

class DynamicQuantizeLinearKernel final : public Kernel {
public:
    explicit DynamicQuantizeLinearKernel(const NodeDesc&) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        if (!x || x->dataType() != DataType::Float)
            return Status::error("DynamicQuantizeLinear needs a float input");
        const float* xd = x->data<float>();
        const int64_t n = x->elementCount();
        float lo = 0, hi = 0; // the range always includes 0
        for (int64_t i = 0; i < n; ++i) {
            lo = std::min(lo, xd[i]);
            hi = std::max(hi, xd[i]);
        }
        const float scale = (hi - lo) / 255.0f;
        const float zpF = scale == 0 ? 0.0f : std::nearbyint(std::clamp(-lo / scale, 0.0f, 255.0f));
        Tensor& y = ctx.allocateOutput(0, DataType::Uint8, x->shape());
        for (int64_t i = 0; i < n; ++i) {
            const float q = scale == 0 ? zpF : std::nearbyint(xd[i] / scale) + zpF;
            y.data<uint8_t>()[i] = static_cast<uint8_t>(std::clamp(q, 0.0f, 255.0f));
        }
        ctx.setOutput(1, Tensor::scalar<float>(DataType::Float, scale));
        ctx.setOutput(2, Tensor::scalar<uint8_t>(DataType::Uint8, static_cast<uint8_t>(zpF)));
        return Status();
    }
};

} // namespace

void registerQuantizeKernels(KernelRegistry& registry) {
    registry.add("QuantizeLinear", 10, &makeKernel<QuantizeLinearKernel>);
    registry.add("DequantizeLinear", 10, &makeKernel<DequantizeLinearKernel>);
    registry.add("DynamicQuantizeLinear", 11, &makeKernel<DynamicQuantizeLinearKernel>);
}

} // namespace onnxscope
