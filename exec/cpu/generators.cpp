// Ops that make tensors from attributes or small inputs: Constant, ConstantOfShape, Range,
// EyeLike, OneHot.
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"
#include "type_dispatch.h"

#include <cmath>

namespace onnxscope {

namespace {

class ConstantKernel final : public Kernel {
public:
    explicit ConstantKernel(const NodeDesc& node) {
        for (const Attribute& a : node.attributes) {
            if (a.name == "value" && a.type == Attribute::Type::Tensor) {
                m_value = a.t;
            } else if (a.name == "value_float") {
                m_value = Tensor::scalar<float>(DataType::Float, a.f);
            } else if (a.name == "value_int") {
                m_value = Tensor::scalar<int64_t>(DataType::Int64, a.i);
            } else if (a.name == "value_floats") {
                m_value = Tensor(DataType::Float, {static_cast<int64_t>(a.floats.size())});
                std::copy(a.floats.begin(), a.floats.end(), m_value.data<float>());
            } else if (a.name == "value_ints") {
                m_value = Tensor(DataType::Int64, {static_cast<int64_t>(a.ints.size())});
                std::copy(a.ints.begin(), a.ints.end(), m_value.data<int64_t>());
            } else if (a.name == "value_string") {
                m_value = Tensor(DataType::String, {});
                m_value.data<std::string>()[0] = a.s;
            } else if (a.name == "value_strings") {
                m_value = Tensor(DataType::String, {static_cast<int64_t>(a.strings.size())});
                std::copy(a.strings.begin(), a.strings.end(), m_value.data<std::string>());
            } else if (a.name == "sparse_value") {
                m_error = "sparse_value constants are not supported";
            }
        }
        if (!m_value.isValid() && m_error.empty())
            m_error = "Constant has no value attribute";
    }
    Status compute(KernelContext& context) const override {
        if (!m_value.isValid())
            return Status::error(m_error);
        context.setOutput(0, Value(m_value));
        return {};
    }

private:
    Tensor m_value;
    std::string m_error;
};

class ConstantOfShapeKernel final : public Kernel {
public:
    explicit ConstantOfShapeKernel(const NodeDesc& node) {
        if (const Tensor* t = node.getTensor("value"))
            m_value = *t;
        else
            m_value = Tensor(DataType::Float, {1});
    }
    Status compute(KernelContext& context) const override {
        if (m_value.elementCount() != 1)
            return Status::error("value must hold exactly one element");
        OS_ASSIGN_OR_RETURN(const Tensor* shapeT, requireTensor(context, 0, "input"));
        Tensor& out = context.allocateOutput(0, m_value.dataType(), readInt64s(*shapeT));
        ElementCopier copier(m_value, out);
        for (int64_t i = 0; i < out.elementCount(); ++i)
            copier.copy(i, 0);
        return {};
    }

private:
    Tensor m_value;
};

class RangeKernel final : public Kernel {
public:
    explicit RangeKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* startT, requireTensor(context, 0, "start"));
        OS_ASSIGN_OR_RETURN(const Tensor* limitT, requireTensor(context, 1, "limit"));
        OS_ASSIGN_OR_RETURN(const Tensor* deltaT, requireTensor(context, 2, "delta"));
        if (startT->elementCount() != 1 || limitT->elementCount() != 1 || deltaT->elementCount() != 1)
            return Status::error("start, limit and delta must be scalars");
        const DataType type = startT->dataType();
        if (isInteger(type)) {
            const int64_t start = static_cast<int64_t>(startT->elementAsDouble(0));
            const int64_t limit = static_cast<int64_t>(limitT->elementAsDouble(0));
            const int64_t delta = static_cast<int64_t>(deltaT->elementAsDouble(0));
            if (delta == 0)
                return Status::error("delta is 0");
            int64_t n = 0;
            if ((delta > 0 && limit > start) || (delta < 0 && limit < start))
                n = (std::abs(limit - start) + std::abs(delta) - 1) / std::abs(delta);
            Tensor& out = context.allocateOutput(0, type, {n});
            for (int64_t i = 0; i < n; ++i) {
                if (type == DataType::Int64)
                    out.data<int64_t>()[i] = start + i * delta;
                else
                    setElementFromDouble(out, i, static_cast<double>(start + i * delta));
            }
            return {};
        }
        if (!isFloatingPoint(type))
            return Status::error("unsupported Range type " + std::string(dataTypeName(type)));
        const double start = startT->elementAsDouble(0), limit = limitT->elementAsDouble(0),
                     delta = deltaT->elementAsDouble(0);
        if (delta == 0 || !std::isfinite(delta) || !std::isfinite(start) || !std::isfinite(limit))
            return Status::error("Range needs finite start/limit and a non-zero delta");
        const double count = std::ceil((limit - start) / delta);
        const int64_t n = count > 0 ? static_cast<int64_t>(count) : 0;
        Tensor& out = context.allocateOutput(0, type, {n});
        if (type == DataType::Float) {
            const float s = static_cast<float>(start), d = static_cast<float>(delta);
            for (int64_t i = 0; i < n; ++i)
                out.data<float>()[i] = s + static_cast<float>(i) * d;
        } else {
            for (int64_t i = 0; i < n; ++i)
                setElementFromDouble(out, i, start + static_cast<double>(i) * delta);
        }
        return {};
    }
};

class EyeLikeKernel final : public Kernel {
public:
    explicit EyeLikeKernel(const NodeDesc& node)
        : m_dtype(node.getInt("dtype", -1))
        , m_k(node.getInt("k", 0)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "input"));
        if (data->rank() != 2)
            return Status::error("input must be 2-D, got " + shapeToString(data->shape()));
        DataType type = data->dataType();
        if (m_dtype >= 0) {
            auto t = dataTypeFromInt(static_cast<int32_t>(m_dtype));
            if (!t || !isNumericType(*t))
                return Status::error("unsupported dtype " + std::to_string(m_dtype));
            type = *t;
        }
        Tensor& out = context.allocateOutput(0, type, data->shape());
        const int64_t rows = data->dim(0), cols = data->dim(1);
        for (int64_t i = 0; i < rows; ++i) {
            const int64_t j = i + m_k;
            if (j >= 0 && j < cols)
                setElementFromDouble(out, i * cols + j, 1.0);
        }
        return {};
    }

private:
    int64_t m_dtype;
    int64_t m_k;
};

class OneHotKernel final : public Kernel {
public:
    explicit OneHotKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", -1)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* indicesT, requireTensor(context, 0, "indices"));
        OS_ASSIGN_OR_RETURN(const Tensor* depthT, requireTensor(context, 1, "depth"));
        OS_ASSIGN_OR_RETURN(const Tensor* values, requireTensor(context, 2, "values"));
        if (depthT->elementCount() != 1)
            return Status::error("depth must hold one value");
        if (values->elementCount() != 2)
            return Status::error("values must hold [off_value, on_value]");
        const int64_t depth = static_cast<int64_t>(depthT->elementAsDouble(0));
        if (depth < 1)
            return Status::error("depth " + std::to_string(depth) + " must be positive");
        const int outRank = indicesT->rank() + 1;
        OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(m_axis, outRank));
        Shape outShape = indicesT->shape();
        outShape.insert(outShape.begin() + axis, depth);
        Tensor& out = context.allocateOutput(0, values->dataType(), outShape);
        ElementCopier copier(*values, out);
        for (int64_t i = 0; i < out.elementCount(); ++i)
            copier.copy(i, 0);
        const int64_t outer = dimProduct(indicesT->shape(), 0, axis);
        const int64_t inner = dimProduct(indicesT->shape(), axis, indicesT->rank());
        for (int64_t o = 0; o < outer; ++o) {
            for (int64_t j = 0; j < inner; ++j) {
                int64_t idx = static_cast<int64_t>(indicesT->elementAsDouble(o * inner + j));
                if (idx < 0)
                    idx += depth;
                if (idx >= 0 && idx < depth)
                    copier.copy((o * depth + idx) * inner + j, 1);
            }
        }
        return {};
    }

private:
    int64_t m_axis;
};

} // namespace

void registerGeneratorOps(KernelRegistry& registry) {
    registry.add("Constant", 1, &makeKernel<ConstantKernel>);
    registry.add("ConstantOfShape", 9, &makeKernel<ConstantOfShapeKernel>);
    registry.add("Range", 11, &makeKernel<RangeKernel>);
    registry.add("EyeLike", 9, &makeKernel<EyeLikeKernel>);
    registry.add("OneHot", 9, &makeKernel<OneHotKernel>);
}

} // namespace onnxscope
