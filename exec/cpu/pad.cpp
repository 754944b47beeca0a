// Pad (constant, reflect, edge, wrap; pads as attribute before opset 11, as input after, with
// axes from 18) and CenterCropPad (a pad with negative pads on the cropped axes).
//
// Each axis gets a table mapping an output coordinate to an input coordinate (or -1 for the
// constant value); the copy then walks the output once, so the cost is linear in the output
// whatever the mode or pad sizes.
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"

namespace onnxscope {

namespace {

enum class PadMode { Constant, Reflect, Edge, Wrap };

int64_t mapCoordinate(int64_t i, int64_t dim, PadMode mode) {
    if (i >= 0 && i < dim)
        return i;
    switch (mode) {
    case PadMode::Constant:
        return -1;
    case PadMode::Edge:
        return i < 0 ? 0 : dim - 1;
    case PadMode::Wrap:
        return ((i % dim) + dim) % dim;
    case PadMode::Reflect: {
        if (dim == 1)
            return 0;
        const int64_t period = 2 * (dim - 1);
        int64_t m = ((i % period) + period) % period;
        return m < dim ? m : period - m;
    }
    }
    return -1;
}

// Fills out (shape outShape) from data shifted by begin[k] on each axis; value is a one-element
// tensor of data's type used where constant mode falls outside the input.
Status padInto(const Tensor& data, const std::vector<int64_t>& begin, PadMode mode, const Tensor& value,
               Tensor& out, int threads) {
    const int rank = data.rank();
    const Shape& outShape = out.shape();
    if (out.elementCount() == 0)
        return {};
    if (mode != PadMode::Constant) {
        for (int k = 0; k < rank; ++k)
            if (data.dim(k) == 0 && outShape[k] > 0)
                return Status::error("cannot pad an empty axis " + std::to_string(k) + " in this mode");
    }
    if (rank == 0) {
        ElementCopier(data, out).copy(0, 0);
        return {};
    }
    std::vector<std::vector<int64_t>> tables(static_cast<size_t>(rank));
    for (int k = 0; k < rank; ++k) {
        tables[k].resize(static_cast<size_t>(outShape[k]));
        for (int64_t i = 0; i < outShape[k]; ++i)
            tables[k][i] = mapCoordinate(i - begin[k], data.dim(k), mode);
    }
    const std::vector<int64_t> strides = stridesOf(data.shape());
    ElementCopier fromData(data, out);
    ElementCopier fromValue(value, out);
    const int64_t inner = outShape[rank - 1];
    const int64_t outer = out.elementCount() / inner;
    const std::vector<int64_t>& last = tables[rank - 1];
#pragma omp parallel for num_threads(threads) if (out.elementCount() > 65536) schedule(static)
    for (int64_t o = 0; o < outer; ++o) {
        int64_t base = 0;
        bool outside = false;
        int64_t rest = o;
        for (int k = rank - 2; k >= 0; --k) {
            const int64_t src = tables[k][rest % outShape[k]];
            rest /= outShape[k];
            if (src < 0)
                outside = true;
            base += src * strides[k];
        }
        // Copy runs of consecutive source elements in one go (the unpadded middle of a row).
        for (int64_t i = 0; i < inner;) {
            if (outside || last[i] < 0) {
                fromValue.copy(o * inner + i, 0);
                ++i;
                continue;
            }
            int64_t j = i + 1;
            while (j < inner && last[j] == last[j - 1] + 1)
                ++j;
            fromData.copy(o * inner + i, base + last[i], j - i);
            i = j;
        }
    }
    return {};
}

class PadKernel final : public Kernel {
public:
    explicit PadKernel(const NodeDesc& node)
        : m_modeName(node.getString("mode", "constant"))
        , m_padsAttr(node.opsetVersion < 2 ? node.getInts("paddings") : node.getInts("pads"))
        , m_valueAttr(node.getFloat("value", 0.f))
        , m_fromInputs(node.opsetVersion >= 11) {}
    Status compute(KernelContext& context) const override {
        PadMode mode;
        if (m_modeName == "constant")
            mode = PadMode::Constant;
        else if (m_modeName == "reflect")
            mode = PadMode::Reflect;
        else if (m_modeName == "edge")
            mode = PadMode::Edge;
        else if (m_modeName == "wrap")
            mode = PadMode::Wrap;
        else
            return Status::error("unknown pad mode '" + m_modeName + "'");
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        const int rank = data->rank();
        std::vector<int64_t> pads = m_padsAttr;
        Tensor value(data->dataType(), {});
        if (m_fromInputs) {
            OS_ASSIGN_OR_RETURN(const Tensor* padsT, requireTensor(context, 1, "pads"));
            pads = readInt64s(*padsT);
            if (const Tensor* v = context.inputTensor(2); v && v->elementCount() > 0) {
                if (v->dataType() != data->dataType())
                    return Status::error("constant_value type differs from data type");
                ElementCopier(*v, value).copy(0, 0);
            }
        } else if (isNumericType(data->dataType())) {
            setElementFromDouble(value, 0, m_valueAttr);
        }
        std::vector<int64_t> axes;
        if (const Tensor* a = m_fromInputs ? context.inputTensor(3) : nullptr) {
            for (int64_t axis : readInt64s(*a)) {
                OS_ASSIGN_OR_RETURN(int n, normalizeAxis(axis, rank, "pad axis"));
                axes.push_back(n);
            }
        } else {
            for (int k = 0; k < rank; ++k)
                axes.push_back(k);
        }
        if (pads.size() != 2 * axes.size())
            return Status::error("pads has " + std::to_string(pads.size()) + " entries, expected " +
                                 std::to_string(2 * axes.size()) + " for input " +
                                 shapeToString(data->shape()));
        std::vector<int64_t> begin(static_cast<size_t>(rank), 0);
        Shape outShape = data->shape();
        const size_t n = axes.size();
        for (size_t i = 0; i < n; ++i) {
            const int axis = static_cast<int>(axes[i]);
            begin[axis] = pads[i];
            outShape[axis] = data->dim(axis) + pads[i] + pads[i + n];
            if (outShape[axis] < 0)
                return Status::error("pads " + shapeToString(pads) + " crop more than axis " +
                                     std::to_string(axis) + " of " + shapeToString(data->shape()) + " holds");
        }
        Tensor& out = context.allocateOutput(0, data->dataType(), outShape);
        return padInto(*data, begin, mode, value, out, context.threadCount());
    }

private:
    std::string m_modeName;
    std::vector<int64_t> m_padsAttr;
    float m_valueAttr;
    bool m_fromInputs;
};

class CenterCropPadKernel final : public Kernel {
public:
    explicit CenterCropPadKernel(const NodeDesc& node)
        : m_axes(node.getInts("axes")) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "input_data"));
        OS_ASSIGN_OR_RETURN(const Tensor* shapeT, requireTensor(context, 1, "shape"));
        const int rank = data->rank();
        const std::vector<int64_t> target = readInt64s(*shapeT);
        std::vector<int64_t> axes;
        if (m_axes.empty()) {
            for (int k = 0; k < rank; ++k)
                axes.push_back(k);
        } else {
            for (int64_t a : m_axes) {
                OS_ASSIGN_OR_RETURN(int n, normalizeAxis(a, rank));
                axes.push_back(n);
            }
        }
        if (target.size() != axes.size())
            return Status::error("shape has " + std::to_string(target.size()) + " entries for " +
                                 std::to_string(axes.size()) + " axes");
        std::vector<int64_t> begin(static_cast<size_t>(rank), 0);
        Shape outShape = data->shape();
        for (size_t i = 0; i < axes.size(); ++i) {
            const int axis = static_cast<int>(axes[i]);
            const int64_t dim = data->dim(axis);
            if (target[i] < 0)
                return Status::error("shape entry " + std::to_string(target[i]) + " is negative");
            outShape[axis] = target[i];
            begin[axis] = target[i] > dim ? (target[i] - dim) / 2 : -((dim - target[i]) / 2);
        }
        Tensor value(data->dataType(), {});
        Tensor& out = context.allocateOutput(0, data->dataType(), outShape);
        return padInto(*data, begin, PadMode::Constant, value, out, context.threadCount());
    }

private:
    std::vector<int64_t> m_axes;
};

} // namespace

void registerPadOps(KernelRegistry& registry) {
    registry.add("Pad", 1, &makeKernel<PadKernel>);
    registry.add("CenterCropPad", 18, &makeKernel<CenterCropPadKernel>);
}

} // namespace onnxscope
