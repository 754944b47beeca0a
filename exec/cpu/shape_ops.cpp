// Ops that only change how a tensor's elements are viewed, or report its shape: Identity,
// Reshape, Flatten, Squeeze, Unsqueeze, Shape, Size. The reshaping ones share the input's storage
// (no copy), since kernels never write to their inputs.
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"

#include <algorithm>

namespace onnxscope {

namespace {

class IdentityKernel final : public Kernel {
public:
    explicit IdentityKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        const Value* v = context.input(0);
        if (!v)
            return Status::error("input 0 is missing");
        context.setOutput(0, *v);
        return {};
    }
};

class ReshapeKernel final : public Kernel {
public:
    explicit ReshapeKernel(const NodeDesc& node)
        : m_allowZero(node.getInt("allowzero", 0) != 0)
        , m_shapeAttr(node.getInts("shape"))
        , m_shapeFromInput(node.opsetVersion >= 5) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        std::vector<int64_t> requested = m_shapeAttr;
        if (m_shapeFromInput) {
            OS_ASSIGN_OR_RETURN(const Tensor* shapeT, requireTensor(context, 1, "shape"));
            requested = readInt64s(*shapeT);
        }
        Shape shape(requested.size());
        int inferred = -1;
        int64_t known = 1;
        for (size_t k = 0; k < requested.size(); ++k) {
            int64_t d = requested[k];
            if (d == 0 && !m_allowZero) {
                if (k >= data->shape().size())
                    return Status::error("shape dim " + std::to_string(k) + " is 0 (copy) but the input " +
                                         shapeToString(data->shape()) + " has no such dim");
                d = data->shape()[k];
            }
            if (d == -1) {
                if (inferred >= 0)
                    return Status::error("shape " + shapeToString(requested) + " has more than one -1");
                inferred = static_cast<int>(k);
                continue;
            }
            if (d < 0)
                return Status::error("shape " + shapeToString(requested) + " has an invalid dim " +
                                     std::to_string(d));
            shape[k] = d;
            known *= d;
        }
        if (inferred >= 0) {
            if (known == 0 || data->elementCount() % known != 0)
                return Status::error("cannot infer the -1 dim reshaping " + shapeToString(data->shape()) +
                                     " to " + shapeToString(requested));
            shape[static_cast<size_t>(inferred)] = data->elementCount() / known;
        }
        OS_ASSIGN_OR_RETURN(Tensor out, data->reshaped(shape));
        context.setOutput(0, Value(std::move(out)));
        return {};
    }

private:
    bool m_allowZero;
    std::vector<int64_t> m_shapeAttr;
    bool m_shapeFromInput;
};

class FlattenKernel final : public Kernel {
public:
    explicit FlattenKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", 1)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "input"));
        const int rank = data->rank();
        int64_t axis = m_axis < 0 ? m_axis + rank : m_axis;
        if (axis < 0 || axis > rank)
            return Status::error("axis " + std::to_string(m_axis) + " is out of range for rank " +
                                 std::to_string(rank));
        const int a = static_cast<int>(axis);
        OS_ASSIGN_OR_RETURN(Tensor out, data->reshaped({dimProduct(data->shape(), 0, a),
                                                        dimProduct(data->shape(), a, rank)}));
        context.setOutput(0, Value(std::move(out)));
        return {};
    }

private:
    int64_t m_axis;
};

class SqueezeKernel final : public Kernel {
public:
    explicit SqueezeKernel(const NodeDesc& node)
        : m_axesAttr(node.getInts("axes"))
        , m_axesFromInput(node.opsetVersion >= 13) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        std::vector<int64_t> axes = m_axesAttr;
        if (m_axesFromInput && context.inputTensor(1))
            axes = readInt64s(*context.inputTensor(1));
        const int rank = data->rank();
        std::vector<bool> drop(static_cast<size_t>(rank), false);
        if (axes.empty()) {
            for (int k = 0; k < rank; ++k)
                drop[k] = data->dim(k) == 1;
        }
        for (int64_t a : axes) {
            OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(a, rank, "squeeze axis"));
            if (data->dim(axis) != 1)
                return Status::error("cannot squeeze axis " + std::to_string(a) + " of shape " +
                                     shapeToString(data->shape()) + ": its dim is not 1");
            drop[axis] = true;
        }
        Shape shape;
        for (int k = 0; k < rank; ++k)
            if (!drop[k])
                shape.push_back(data->dim(k));
        OS_ASSIGN_OR_RETURN(Tensor out, data->reshaped(shape));
        context.setOutput(0, Value(std::move(out)));
        return {};
    }

private:
    std::vector<int64_t> m_axesAttr;
    bool m_axesFromInput;
};

class UnsqueezeKernel final : public Kernel {
public:
    explicit UnsqueezeKernel(const NodeDesc& node)
        : m_axesAttr(node.getInts("axes"))
        , m_axesFromInput(node.opsetVersion >= 13) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        std::vector<int64_t> axes = m_axesAttr;
        if (m_axesFromInput) {
            OS_ASSIGN_OR_RETURN(const Tensor* axesT, requireTensor(context, 1, "axes"));
            axes = readInt64s(*axesT);
        }
        const int outRank = data->rank() + static_cast<int>(axes.size());
        std::vector<bool> inserted(static_cast<size_t>(outRank), false);
        for (int64_t a : axes) {
            OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(a, outRank, "unsqueeze axis"));
            if (inserted[axis])
                return Status::error("unsqueeze axis " + std::to_string(a) + " is repeated");
            inserted[axis] = true;
        }
        Shape shape;
        int next = 0;
        for (int k = 0; k < outRank; ++k)
            shape.push_back(inserted[k] ? 1 : data->dim(next++));
        OS_ASSIGN_OR_RETURN(Tensor out, data->reshaped(shape));
        context.setOutput(0, Value(std::move(out)));
        return {};
    }

private:
    std::vector<int64_t> m_axesAttr;
    bool m_axesFromInput;
};

class ShapeKernel final : public Kernel {
public:
    explicit ShapeKernel(const NodeDesc& node)
        : m_start(node.getInt("start", 0))
        , m_end(node.hasAttribute("end") ? std::optional<int64_t>(node.getInt("end", 0)) : std::nullopt) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        const int64_t rank = data->rank();
        auto clampIndex = [rank](int64_t i) { return std::clamp<int64_t>(i < 0 ? i + rank : i, 0, rank); };
        const int64_t start = clampIndex(m_start);
        const int64_t end = m_end ? clampIndex(*m_end) : rank;
        const int64_t n = std::max<int64_t>(0, end - start);
        Tensor& out = context.allocateOutput(0, DataType::Int64, {n});
        for (int64_t i = 0; i < n; ++i)
            out.data<int64_t>()[i] = data->shape()[static_cast<size_t>(start + i)];
        return {};
    }

private:
    int64_t m_start;
    std::optional<int64_t> m_end;
};

class SizeKernel final : public Kernel {
public:
    explicit SizeKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        context.allocateOutput(0, DataType::Int64, {}).data<int64_t>()[0] = data->elementCount();
        return {};
    }
};

} // namespace

void registerShapeOps(KernelRegistry& registry) {
    registry.add("Identity", 1, &makeKernel<IdentityKernel>);
    registry.add("Reshape", 1, &makeKernel<ReshapeKernel>);
    registry.add("Flatten", 1, &makeKernel<FlattenKernel>);
    registry.add("Squeeze", 1, &makeKernel<SqueezeKernel>);
    registry.add("Unsqueeze", 1, &makeKernel<UnsqueezeKernel>);
    registry.add("Shape", 1, &makeKernel<ShapeKernel>);
    registry.add("Size", 1, &makeKernel<SizeKernel>);
}

} // namespace onnxscope
