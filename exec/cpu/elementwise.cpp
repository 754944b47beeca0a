#include "elementwise.h"

namespace onnxscope {

namespace {

BroadcastPlan mergeAxes(const Shape& output, const std::vector<Shape>& inputs) {
    BroadcastPlan plan;
    plan.outputShape = output;
    plan.total = 1;
    for (int64_t d : output)
        plan.total *= d;
    std::vector<std::vector<int64_t>> full;
    for (const Shape& in : inputs)
        full.push_back(broadcastStrides(in, output));
    // Drop size-1 output axes, then merge an axis into the previous one when every input's
    // strides are contiguous across the pair (stride[prev] == stride[cur] * dim[cur]).
    plan.strides.assign(inputs.size(), {});
    for (size_t axis = 0; axis < output.size(); ++axis) {
        const int64_t d = output[axis];
        if (d == 1)
            continue;
        bool merge = !plan.dims.empty();
        for (size_t k = 0; merge && k < inputs.size(); ++k)
            merge = plan.strides[k].back() == full[k][axis] * d;
        if (merge) {
            plan.dims.back() *= d;
            for (size_t k = 0; k < inputs.size(); ++k)
                plan.strides[k].back() = full[k][axis];
        } else {
            plan.dims.push_back(d);
            for (size_t k = 0; k < inputs.size(); ++k)
                plan.strides[k].push_back(full[k][axis]);
        }
    }
    if (plan.dims.empty()) {
        plan.dims.push_back(1);
        for (auto& s : plan.strides)
            s.push_back(0);
    }
    // The innermost stride of a spanning input is 1; a broadcast one is 0. A run with any other
    // inner stride cannot happen: a spanning input's last merged axis is its own last axis.
    return plan;
}

} // namespace

Result<BroadcastPlan> planBroadcast(const std::vector<Shape>& inputs) {
    OS_ASSIGN_OR_RETURN(Shape output, broadcastShapes(std::span<const Shape>(inputs.data(), inputs.size())));
    return mergeAxes(output, inputs);
}

Result<BroadcastPlan> planBroadcastTo(const Shape& target, const std::vector<Shape>& inputs) {
    for (const Shape& in : inputs) {
        bool ok = in.size() <= target.size();
        for (size_t i = 0; ok && i < in.size(); ++i) {
            int64_t d = in[in.size() - 1 - i];
            ok = d == 1 || d == target[target.size() - 1 - i];
        }
        if (!ok)
            return Status::error("shape " + shapeToString(in) + " cannot be broadcast to " +
                                 shapeToString(target));
    }
    return mergeAxes(target, inputs);
}

} // namespace onnxscope
