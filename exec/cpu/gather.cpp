// Gather, GatherElements and GatherND. Indices may be negative (counted from the end); an index
// out of range is an error naming the index and the dim, never an out-of-bounds read.
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"

namespace onnxscope {

namespace {

Status indexError(int64_t index, int64_t dim, const char* what) {
    return Status::error(std::string(what) + " index " + std::to_string(index) + " is out of range for dim " +
                         std::to_string(dim));
}

// Normalizes negative indices in place; returns an error for the first out-of-range one.
Status normalizeIndices(std::vector<int64_t>& indices, int64_t dim, const char* what) {
    for (int64_t& i : indices) {
        if (i < -dim || i >= dim)
            return indexError(i, dim, what);
        if (i < 0)
            i += dim;
    }
    return {};
}

class GatherKernel final : public Kernel {
public:
    explicit GatherKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", 0)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        OS_ASSIGN_OR_RETURN(const Tensor* indicesT, requireTensor(context, 1, "indices"));
        const int rank = data->rank();
        if (rank == 0)
            return Status::error("data must have rank >= 1");
        OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(m_axis, rank));
        const int64_t dim = data->dim(axis);
        std::vector<int64_t> indices = readInt64s(*indicesT);
        OS_RETURN_IF_ERROR(normalizeIndices(indices, dim, "Gather"));
        Shape outShape(data->shape().begin(), data->shape().begin() + axis);
        outShape.insert(outShape.end(), indicesT->shape().begin(), indicesT->shape().end());
        outShape.insert(outShape.end(), data->shape().begin() + axis + 1, data->shape().end());
        Tensor& out = context.allocateOutput(0, data->dataType(), outShape);
        const int64_t outer = dimProduct(data->shape(), 0, axis);
        const int64_t inner = dimProduct(data->shape(), axis + 1, rank);
        const int64_t n = static_cast<int64_t>(indices.size());
        ElementCopier copier(*data, out);
#pragma omp parallel for num_threads(context.threadCount()) if (outer * n * inner > 65536)
        for (int64_t o = 0; o < outer; ++o)
            for (int64_t j = 0; j < n; ++j)
                copier.copy((o * n + j) * inner, (o * dim + indices[j]) * inner, inner);
        return {};
    }

private:
    int64_t m_axis;
};

class GatherElementsKernel final : public Kernel {
public:
    explicit GatherElementsKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", 0)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        OS_ASSIGN_OR_RETURN(const Tensor* indicesT, requireTensor(context, 1, "indices"));
        const int rank = data->rank();
        if (rank == 0 || indicesT->rank() != rank)
            return Status::error("data " + shapeToString(data->shape()) + " and indices " +
                                 shapeToString(indicesT->shape()) + " must have the same rank >= 1");
        OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(m_axis, rank));
        for (int k = 0; k < rank; ++k)
            if (k != axis && indicesT->dim(k) > data->dim(k))
                return Status::error("indices " + shapeToString(indicesT->shape()) + " exceed data " +
                                     shapeToString(data->shape()) + " on axis " + std::to_string(k));
        std::vector<int64_t> indices = readInt64s(*indicesT);
        OS_RETURN_IF_ERROR(normalizeIndices(indices, data->dim(axis), "GatherElements"));
        Tensor& out = context.allocateOutput(0, data->dataType(), indicesT->shape());
        const std::vector<int64_t> dataStrides = stridesOf(data->shape());
        ElementCopier copier(*data, out);
        std::vector<int64_t> index(static_cast<size_t>(rank), 0);
        int64_t base = 0; // data offset of index with the axis coordinate zeroed
        const Shape& shape = indicesT->shape();
        for (int64_t i = 0; i < out.elementCount(); ++i) {
            copier.copy(i, base + indices[i] * dataStrides[axis]);
            for (int k = rank - 1; k >= 0; --k) {
                if (++index[k] < shape[k]) {
                    if (k != axis)
                        base += dataStrides[k];
                    break;
                }
                if (k != axis)
                    base -= dataStrides[k] * (shape[k] - 1);
                index[k] = 0;
            }
        }
        return {};
    }

private:
    int64_t m_axis;
};

class GatherNDKernel final : public Kernel {
public:
    explicit GatherNDKernel(const NodeDesc& node)
        : m_batchDims(node.getInt("batch_dims", 0)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        OS_ASSIGN_OR_RETURN(const Tensor* indicesT, requireTensor(context, 1, "indices"));
        const int r = data->rank(), q = indicesT->rank();
        const int b = static_cast<int>(m_batchDims);
        if (r < 1 || q < 1 || b < 0 || b >= std::min(r, q))
            return Status::error("invalid ranks for GatherND: data " + shapeToString(data->shape()) +
                                 ", indices " + shapeToString(indicesT->shape()) + ", batch_dims " +
                                 std::to_string(m_batchDims));
        for (int k = 0; k < b; ++k)
            if (data->dim(k) != indicesT->dim(k))
                return Status::error("batch dim " + std::to_string(k) + " differs between data " +
                                     shapeToString(data->shape()) + " and indices " +
                                     shapeToString(indicesT->shape()));
        const int64_t depth = indicesT->dim(q - 1);
        if (depth < 1 || depth > r - b)
            return Status::error("indices last dim " + std::to_string(depth) + " must be in [1, " +
                                 std::to_string(r - b) + "]");
        Shape outShape(indicesT->shape().begin(), indicesT->shape().end() - 1);
        outShape.insert(outShape.end(), data->shape().begin() + b + depth, data->shape().end());
        Tensor& out = context.allocateOutput(0, data->dataType(), outShape);

        const std::vector<int64_t> indices = readInt64s(*indicesT);
        const std::vector<int64_t> strides = stridesOf(data->shape());
        const int64_t batches = dimProduct(data->shape(), 0, b);
        const int64_t batchSize = dimProduct(data->shape(), b, r);
        const int64_t tuplesPerBatch = dimProduct(indicesT->shape(), b, q - 1);
        const int64_t slice = dimProduct(data->shape(), b + static_cast<int>(depth), r);
        ElementCopier copier(*data, out);
        for (int64_t batch = 0; batch < batches; ++batch) {
            for (int64_t t = 0; t < tuplesPerBatch; ++t) {
                const int64_t tuple = batch * tuplesPerBatch + t;
                int64_t offset = batch * batchSize;
                for (int64_t k = 0; k < depth; ++k) {
                    const int64_t dim = data->dim(b + static_cast<int>(k));
                    int64_t idx = indices[tuple * depth + k];
                    if (idx < -dim || idx >= dim)
                        return indexError(idx, dim, "GatherND");
                    if (idx < 0)
                        idx += dim;
                    offset += idx * strides[b + k];
                }
                copier.copy(tuple * slice, offset, slice);
            }
        }
        return {};
    }

private:
    int64_t m_batchDims;
};

} // namespace

void registerGatherOps(KernelRegistry& registry) {
    registry.add("Gather", 1, &makeKernel<GatherKernel>);
    registry.add("GatherElements", 11, &makeKernel<GatherElementsKernel>);
    registry.add("GatherND", 11, &makeKernel<GatherNDKernel>);
}

} // namespace onnxscope
