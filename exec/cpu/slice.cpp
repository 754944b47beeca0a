// Slice: starts/ends/axes as attributes before opset 10, as inputs (with steps) from 10 on.
// Starts and ends are clamped as the ONNX spec says, so out-of-range and INT64_MAX ends are
// valid; negative steps walk backwards. The copy is one strided copy.
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"

#include <algorithm>
#include <limits>

namespace onnxscope {

namespace {

class SliceKernel final : public Kernel {
public:
    explicit SliceKernel(const NodeDesc& node)
        : m_fromInputs(node.opsetVersion >= 10)
        , m_starts(node.getInts("starts"))
        , m_ends(node.getInts("ends"))
        , m_axes(node.getInts("axes")) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        std::vector<int64_t> starts = m_starts, ends = m_ends, axes = m_axes, steps;
        if (m_fromInputs) {
            OS_ASSIGN_OR_RETURN(const Tensor* s, requireTensor(context, 1, "starts"));
            OS_ASSIGN_OR_RETURN(const Tensor* e, requireTensor(context, 2, "ends"));
            starts = readInt64s(*s);
            ends = readInt64s(*e);
            axes = context.inputTensor(3) ? readInt64s(*context.inputTensor(3)) : std::vector<int64_t>{};
            steps = context.inputTensor(4) ? readInt64s(*context.inputTensor(4)) : std::vector<int64_t>{};
        }
        if (starts.size() != ends.size())
            return Status::error("starts has " + std::to_string(starts.size()) + " entries but ends has " +
                                 std::to_string(ends.size()));
        if (axes.empty())
            for (size_t i = 0; i < starts.size(); ++i)
                axes.push_back(static_cast<int64_t>(i));
        if (steps.empty())
            steps.assign(starts.size(), 1);
        if (axes.size() != starts.size() || steps.size() != starts.size())
            return Status::error("starts, ends, axes and steps must have the same length");

        const int rank = data->rank();
        Shape outShape = data->shape();
        std::vector<int64_t> inStrides = stridesOf(data->shape());
        std::vector<int64_t> strides = inStrides;
        std::vector<bool> seen(static_cast<size_t>(rank), false);
        int64_t offset = 0;
        for (size_t i = 0; i < starts.size(); ++i) {
            OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(axes[i], rank, "slice axis"));
            if (seen[axis])
                return Status::error("slice axis " + std::to_string(axes[i]) + " is repeated");
            seen[axis] = true;
            const int64_t dim = data->dim(axis);
            const int64_t step = steps[i];
            if (step == 0)
                return Status::error("slice step for axis " + std::to_string(axes[i]) + " is 0");
            int64_t start = starts[i], end = ends[i];
            if (start < 0)
                start = start < -dim ? 0 : start + dim;
            if (end < 0)
                end = end < -dim ? -1 : end + dim; // -1 only matters for negative steps
            int64_t count;
            if (step > 0) {
                start = std::clamp<int64_t>(start, 0, dim);
                end = std::clamp<int64_t>(end, 0, dim);
                count = end > start ? (end - start - 1) / step + 1 : 0;
            } else {
                start = std::clamp<int64_t>(start, 0, dim - 1);
                end = std::clamp<int64_t>(end, -1, dim - 1);
                count = start > end ? (start - end - 1) / (-step) + 1 : 0;
            }
            outShape[axis] = count;
            if (count > 0)
                offset += start * inStrides[axis];
            strides[axis] = inStrides[axis] * step;
        }
        Tensor& out = context.allocateOutput(0, data->dataType(), outShape);
        if (out.elementCount() > 0)
            stridedCopy(*data, offset, strides, out, outShape, context.threadCount());
        return {};
    }

private:
    bool m_fromInputs;
    std::vector<int64_t> m_starts, m_ends, m_axes;
};

} // namespace

void registerSliceOps(KernelRegistry& registry) {
    registry.add("Slice", 1, &makeKernel<SliceKernel>);
}

} // namespace onnxscope
