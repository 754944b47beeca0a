// Concat and Split: block copies along one axis (outer × [axis dim × inner] blocks).
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"

namespace onnxscope {

namespace {

class ConcatKernel final : public Kernel {
public:
    explicit ConcatKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", node.opsetVersion < 4 ? 1 : 0)) {}
    Status compute(KernelContext& context) const override {
        std::vector<const Tensor*> inputs;
        for (int i = 0; i < context.inputCount(); ++i) {
            OS_ASSIGN_OR_RETURN(const Tensor* t, requireTensor(context, i, "inputs"));
            inputs.push_back(t);
        }
        if (inputs.empty())
            return Status::error("Concat needs at least one input");
        const Tensor& first = *inputs[0];
        const int rank = first.rank();
        OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(m_axis, rank));
        Shape outShape = first.shape();
        outShape[axis] = 0;
        for (size_t i = 0; i < inputs.size(); ++i) {
            const Tensor& t = *inputs[i];
            if (t.dataType() != first.dataType())
                return Status::error("input " + std::to_string(i) + " has element type " +
                                     std::string(dataTypeName(t.dataType())) + ", input 0 has " +
                                     std::string(dataTypeName(first.dataType())));
            if (t.rank() != rank)
                return Status::error("input " + std::to_string(i) + " " + shapeToString(t.shape()) +
                                     " has a different rank than input 0 " + shapeToString(first.shape()));
            for (int k = 0; k < rank; ++k)
                if (k != axis && t.dim(k) != first.dim(k))
                    return Status::error("input " + std::to_string(i) + " " + shapeToString(t.shape()) +
                                         " does not match input 0 " + shapeToString(first.shape()) +
                                         " outside axis " + std::to_string(axis));
            outShape[axis] += t.dim(axis);
        }
        Tensor& out = context.allocateOutput(0, first.dataType(), outShape);
        const int64_t outer = dimProduct(outShape, 0, axis);
        const int64_t outBlock = dimProduct(outShape, axis, rank);
        int64_t column = 0;
        for (const Tensor* t : inputs) {
            const int64_t block = dimProduct(t->shape(), axis, rank);
            ElementCopier copier(*t, out);
#pragma omp parallel for num_threads(context.threadCount()) if (outer * block > 65536)
            for (int64_t o = 0; o < outer; ++o)
                copier.copy(o * outBlock + column, o * block, block);
            column += block;
        }
        return {};
    }

private:
    int64_t m_axis;
};

class SplitKernel final : public Kernel {
public:
    explicit SplitKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", 0))
        , m_splitAttr(node.getInts("split"))
        , m_numOutputs(node.getInt("num_outputs", 0))
        , m_opset(node.opsetVersion) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "input"));
        const int rank = data->rank();
        OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(m_axis, rank));
        const int64_t dim = data->dim(axis);
        const int outputs = context.outputCount();
        std::vector<int64_t> split = m_splitAttr;
        if ((m_opset >= 13 || m_opset < 2) && context.inputTensor(1))
            split = readInt64s(*context.inputTensor(1));
        if (split.empty()) {
            const int64_t parts = m_numOutputs > 0 ? m_numOutputs : outputs;
            if (parts != outputs)
                return Status::error("num_outputs " + std::to_string(parts) + " differs from the node's " +
                                     std::to_string(outputs) + " outputs");
            if (parts <= 0)
                return Status::error("Split needs at least one output");
            const int64_t chunk = m_numOutputs > 0 ? (dim + parts - 1) / parts : dim / parts;
            if (m_numOutputs == 0 && dim % parts != 0)
                return Status::error("axis dim " + std::to_string(dim) + " cannot be split evenly into " +
                                     std::to_string(parts) + " outputs");
            int64_t left = dim;
            for (int64_t i = 0; i < parts; ++i) {
                split.push_back(std::min(chunk, left));
                left -= split.back();
            }
        }
        if (static_cast<int>(split.size()) != outputs)
            return Status::error("split has " + std::to_string(split.size()) + " entries for " +
                                 std::to_string(outputs) + " outputs");
        int64_t total = 0;
        for (int64_t s : split) {
            if (s < 0)
                return Status::error("split " + shapeToString(split) + " has a negative entry");
            total += s;
        }
        if (total != dim)
            return Status::error("split " + shapeToString(split) + " sums to " + std::to_string(total) +
                                 ", not the axis dim " + std::to_string(dim));
        const int64_t outer = dimProduct(data->shape(), 0, axis);
        const int64_t inner = dimProduct(data->shape(), axis + 1, rank);
        const int64_t inBlock = dim * inner;
        int64_t column = 0;
        for (int i = 0; i < outputs; ++i) {
            Shape shape = data->shape();
            shape[axis] = split[i];
            Tensor& out = context.allocateOutput(i, data->dataType(), shape);
            const int64_t block = split[i] * inner;
            ElementCopier copier(*data, out);
            for (int64_t o = 0; o < outer; ++o)
                copier.copy(o * block, o * inBlock + column, block);
            column += block;
        }
        return {};
    }

private:
    int64_t m_axis;
    std::vector<int64_t> m_splitAttr;
    int64_t m_numOutputs;
    int m_opset;
};

} // namespace

void registerConcatSplitOps(KernelRegistry& registry) {
    registry.add("Concat", 1, &makeKernel<ConcatKernel>);
    registry.add("Split", 1, &makeKernel<SplitKernel>);
}

} // namespace onnxscope
