// Reduce* on the device: each output element walks the reduced sub-box of the input.
#include "opencl_kernels.h"

#include "exec/cpu/nn_util.h"

#include <map>

namespace onnxscope {

namespace {

// Op codes of reduce_f32 in kernels/reduce.cl.
const std::map<std::string, int>& reduceOps() {
    static const std::map<std::string, int> ops = {
        {"ReduceSum", 0},       {"ReduceMean", 1},      {"ReduceMax", 2}, {"ReduceMin", 3},
        {"ReduceProd", 4},      {"ReduceL1", 5},        {"ReduceL2", 6},  {"ReduceLogSum", 7},
        {"ReduceLogSumExp", 8}, {"ReduceSumSquare", 9},
    };
    return ops;
}

class ReduceKernel final : public OpenClKernel {
public:
    ReduceKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_op(reduceOps().at(node.opType))
        , m_keepDims(node.getInt("keepdims", 1) != 0)
        , m_noopWithEmptyAxes(node.getInt("noop_with_empty_axes", 0) != 0)
        , m_axesFromInput(node.opsetVersion >= (node.opType == "ReduceSum" ? 13 : 18))
        , m_axesAttr(node.getInts("axes")) {}

protected:
    bool isDataInput(int index) const override { return index == 0; }

    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor& x = *context.inputTensor(0);
        std::vector<int64_t> axes = m_axesAttr;
        if (m_axesFromInput) {
            axes.clear();
            if (const Tensor* a = context.inputTensor(1)) {
                OS_ASSIGN_OR_RETURN(axes, readInts(*a, "axes"));
            }
        }
        if (axes.empty() && m_axesFromInput && m_noopWithEmptyAxes)
            return false; // identity: the CPU kernel returns the input as it is
        std::vector<char> reduced(static_cast<size_t>(x.rank()), axes.empty() ? 1 : 0);
        for (int64_t a : axes) {
            OS_ASSIGN_OR_RETURN(int axis, resolveAxis(a, x.rank(), "axes"));
            reduced[static_cast<size_t>(axis)] = 1;
        }
        const auto strides = contiguousStrides(x.shape());
        Shape keptDims, redDims, out;
        std::vector<int64_t> keptStrides, redStrides;
        int64_t redCount = 1;
        for (int d = 0; d < x.rank(); ++d) {
            const auto i = static_cast<size_t>(d);
            if (reduced[i]) {
                redDims.push_back(x.dim(d));
                redStrides.push_back(strides[i]);
                redCount *= x.dim(d);
                if (m_keepDims)
                    out.push_back(1);
            } else {
                keptDims.push_back(x.dim(d));
                keptStrides.push_back(strides[i]);
                out.push_back(x.dim(d));
            }
        }
        if (redCount == 0)
            return false; // empty reductions: the CPU kernel knows each op's identity and errors
        int64_t count = 1;
        for (int64_t d : keptDims)
            count *= d;
        OS_ASSIGN_OR_RETURN(ClBuffer bx, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(static_cast<size_t>(count) * sizeof(float)));
        OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("reduce_f32"));
        OS_RETURN_IF_ERROR(setKernelArgs(
            k, bx, by, cl_int(count), cl_int(keptDims.size()), packInts(keptDims), packInts(keptStrides),
            cl_int(redDims.size()), packInts(redDims), packInts(redStrides), cl_int(redCount), cl_int(m_op)));
        OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(count)));
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, out));
        return true;
    }

private:
    int m_op;
    bool m_keepDims;
    bool m_noopWithEmptyAxes;
    bool m_axesFromInput;
    std::vector<int64_t> m_axesAttr;
};

} // namespace

std::unique_ptr<OpenClKernel> makeOpenClReduce(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<ReduceKernel>(std::move(ctx), node);
}

} // namespace onnxscope
