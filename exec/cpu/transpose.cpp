// Transpose and the two ops that are a reshape + transpose + reshape (DepthToSpace,
// SpaceToDepth). All run through stridedCopy, which merges contiguous axes first.
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"

namespace onnxscope {

namespace {

class TransposeKernel final : public Kernel {
public:
    explicit TransposeKernel(const NodeDesc& node)
        : m_perm(node.getInts("perm")) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        const int rank = data->rank();
        std::vector<int64_t> perm = m_perm;
        if (perm.empty()) {
            for (int k = rank - 1; k >= 0; --k)
                perm.push_back(k);
        }
        if (static_cast<int>(perm.size()) != rank)
            return Status::error("perm has " + std::to_string(perm.size()) +
                                 " entries but the input has rank " + std::to_string(rank));
        std::vector<bool> seen(static_cast<size_t>(rank), false);
        Shape outShape;
        for (int64_t& p : perm) {
            OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(p, rank, "perm entry"));
            if (seen[axis])
                return Status::error("perm " + shapeToString(m_perm) + " is not a permutation");
            seen[axis] = true;
            p = axis;
            outShape.push_back(data->dim(axis));
        }
        // A perm that only moves dims of size 1 keeps every element where it is: the output is
        // the input with the new shape (attention exports do this to swap a batch of 1).
        int64_t previous = -1;
        bool sameLayout = true;
        for (int64_t p : perm) {
            if (data->dim(static_cast<int>(p)) == 1)
                continue;
            sameLayout = sameLayout && p > previous;
            previous = p;
        }
        if (sameLayout)
            if (auto view = data->reshaped(outShape); view.ok()) {
                context.setOutput(0, Value(std::move(view).value()));
                return {};
            }
        Tensor out = Tensor::uninitialized(data->dataType(), outShape); // every element is written
        transposeInto(*data, data->shape(), perm, out, context.threadCount());
        context.setOutput(0, Value(std::move(out)));
        return {};
    }

private:
    std::vector<int64_t> m_perm;
};

class DepthSpaceKernel final : public Kernel {
public:
    DepthSpaceKernel(const NodeDesc& node, bool toSpace)
        : m_blockSize(node.getInt("blocksize", 0))
        , m_crd(node.getString("mode", "DCR") == "CRD")
        , m_toSpace(toSpace) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "input"));
        if (data->rank() != 4)
            return Status::error("input must be 4-D (NCHW), got " + shapeToString(data->shape()));
        const int64_t b = m_blockSize;
        if (b <= 0)
            return Status::error("blocksize must be positive, got " + std::to_string(b));
        const int64_t n = data->dim(0), c = data->dim(1), h = data->dim(2), w = data->dim(3);
        if (m_toSpace) {
            if (c % (b * b) != 0)
                return Status::error("channels " + std::to_string(c) + " are not divisible by blocksize^2 " +
                                     std::to_string(b * b));
            const int64_t c2 = c / (b * b);
            Tensor& out = context.allocateOutput(0, data->dataType(), {n, c2, h * b, w * b});
            if (m_crd)
                transposeInto(*data, {n, c2, b, b, h, w}, {0, 1, 4, 2, 5, 3}, out, context.threadCount());
            else
                transposeInto(*data, {n, b, b, c2, h, w}, {0, 3, 4, 1, 5, 2}, out, context.threadCount());
        } else {
            if (h % b != 0 || w % b != 0)
                return Status::error("spatial dims of " + shapeToString(data->shape()) +
                                     " are not divisible by blocksize " + std::to_string(b));
            Tensor& out = context.allocateOutput(0, data->dataType(), {n, c * b * b, h / b, w / b});
            transposeInto(*data, {n, c, h / b, b, w / b, b}, {0, 3, 5, 1, 2, 4}, out, context.threadCount());
        }
        return {};
    }

private:
    int64_t m_blockSize;
    bool m_crd;
    bool m_toSpace;
};

Result<std::unique_ptr<Kernel>> makeDepthToSpace(const NodeDesc& node) {
    return std::unique_ptr<Kernel>(new DepthSpaceKernel(node, true));
}
Result<std::unique_ptr<Kernel>> makeSpaceToDepth(const NodeDesc& node) {
    return std::unique_ptr<Kernel>(new DepthSpaceKernel(node, false));
}

} // namespace

void registerTransposeOps(KernelRegistry& registry) {
    registry.add("Transpose", 1, &makeKernel<TransposeKernel>);
    registry.add("DepthToSpace", 1, &makeDepthToSpace);
    registry.add("SpaceToDepth", 1, &makeSpaceToDepth);
}

} // namespace onnxscope
