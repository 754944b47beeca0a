// Scatter (opset 9-10), ScatterElements and ScatterND with the reductions none, add, mul, max
// and min, and TensorScatter (KV-cache writes). The target offsets are computed (and bounds-checked) first;
// the write loop is then a type-agnostic copy for "none" or a typed reduction. fp16/bf16 reduce in float.
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"
#include "type_dispatch.h"

#include <algorithm>

namespace onnxscope {

namespace {

enum class Reduction { None, Add, Mul, Max, Min };

Result<Reduction> parseReduction(const std::string& s) {
    if (s == "none")
        return Reduction::None;
    if (s == "add")
        return Reduction::Add;
    if (s == "mul")
        return Reduction::Mul;
    if (s == "max")
        return Reduction::Max;
    if (s == "min")
        return Reduction::Min;
    return Status::error("unknown reduction '" + s + "'");
}

// out = data, then out[offsets[i]] (op)= updates[i] in order.
Status scatterInto(const Tensor& data, const Tensor& updates, const std::vector<int64_t>& offsets,
                   int64_t slice, Reduction reduction, KernelContext& context) {
    if (data.dataType() != updates.dataType())
        return Status::error("updates type " + std::string(dataTypeName(updates.dataType())) +
                             " differs from data type " + std::string(dataTypeName(data.dataType())));
    if (reduction == Reduction::None) {
        Tensor& out = context.allocateOutput(0, data.dataType(), data.shape());
        ElementCopier(data, out).copy(0, 0, data.elementCount());
        ElementCopier copier(updates, out);
        for (size_t i = 0; i < offsets.size(); ++i)
            copier.copy(offsets[i], static_cast<int64_t>(i) * slice, slice);
        return {};
    }
    const DataType type = data.dataType();
    Tensor work = isNarrowFloat(type) ? widenToFloat(data) : data.clone();
    const Tensor upd = widenToFloat(updates);
    bool supported = dispatchNumeric(work.dataType(), [&](auto tag) {
        using T = typename decltype(tag)::type;
        T* o = work.data<T>();
        const T* u = upd.data<T>();
        for (size_t i = 0; i < offsets.size(); ++i) {
            T* d = o + offsets[i];
            const T* s = u + static_cast<int64_t>(i) * slice;
            for (int64_t k = 0; k < slice; ++k) {
                switch (reduction) {
                case Reduction::Add:
                    d[k] = static_cast<T>(d[k] + s[k]);
                    break;
                case Reduction::Mul:
                    d[k] = static_cast<T>(d[k] * s[k]);
                    break;
                case Reduction::Max:
                    d[k] = std::max(d[k], s[k]);
                    break;
                case Reduction::Min:
                    d[k] = std::min(d[k], s[k]);
                    break;
                case Reduction::None:
                    break;
                }
            }
        }
    });
    if (!supported)
        return Status::error("reduction is not supported for element type " +
                             std::string(dataTypeName(type)));
    context.setOutput(0, Value(isNarrowFloat(type) ? narrowFromFloat(work, type) : work));
    return {};
}

class ScatterElementsKernel final : public Kernel {
public:
    explicit ScatterElementsKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", 0))
        , m_reduction(node.getString("reduction", "none")) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(Reduction reduction, parseReduction(m_reduction));
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        OS_ASSIGN_OR_RETURN(const Tensor* indicesT, requireTensor(context, 1, "indices"));
        OS_ASSIGN_OR_RETURN(const Tensor* updates, requireTensor(context, 2, "updates"));
        const int rank = data->rank();
        if (rank == 0 || indicesT->rank() != rank || updates->shape() != indicesT->shape())
            return Status::error("data " + shapeToString(data->shape()) + ", indices " +
                                 shapeToString(indicesT->shape()) + " and updates " +
                                 shapeToString(updates->shape()) +
                                 " must have the same rank, and indices and updates the same shape");
        OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(m_axis, rank));
        for (int k = 0; k < rank; ++k)
            if (k != axis && indicesT->dim(k) > data->dim(k))
                return Status::error("indices " + shapeToString(indicesT->shape()) + " exceed data " +
                                     shapeToString(data->shape()) + " on axis " + std::to_string(k));
        const std::vector<int64_t> indices = readInt64s(*indicesT);
        const std::vector<int64_t> strides = stridesOf(data->shape());
        const Shape& shape = indicesT->shape();
        const int64_t dim = data->dim(axis);
        std::vector<int64_t> offsets(indices.size());
        std::vector<int64_t> index(static_cast<size_t>(rank), 0);
        int64_t base = 0;
        for (size_t i = 0; i < indices.size(); ++i) {
            int64_t idx = indices[i];
            if (idx < -dim || idx >= dim)
                return Status::error("scatter index " + std::to_string(idx) + " is out of range for dim " +
                                     std::to_string(dim));
            offsets[i] = base + (idx < 0 ? idx + dim : idx) * strides[axis];
            for (int k = rank - 1; k >= 0; --k) {
                if (++index[k] < shape[k]) {
                    if (k != axis)
                        base += strides[k];
                    break;
                }
                if (k != axis)
                    base -= strides[k] * (shape[k] - 1);
                index[k] = 0;
            }
        }
        return scatterInto(*data, *updates, offsets, 1, reduction, context);
    }

private:
    int64_t m_axis;
    std::string m_reduction;
};

class ScatterNDKernel final : public Kernel {
public:
    explicit ScatterNDKernel(const NodeDesc& node)
        : m_reduction(node.getString("reduction", "none")) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(Reduction reduction, parseReduction(m_reduction));
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "data"));
        OS_ASSIGN_OR_RETURN(const Tensor* indicesT, requireTensor(context, 1, "indices"));
        OS_ASSIGN_OR_RETURN(const Tensor* updates, requireTensor(context, 2, "updates"));
        const int r = data->rank(), q = indicesT->rank();
        if (r < 1 || q < 1)
            return Status::error("data and indices must have rank >= 1");
        const int64_t depth = indicesT->dim(q - 1);
        if (depth > r)
            return Status::error("indices last dim " + std::to_string(depth) + " exceeds data rank " +
                                 std::to_string(r));
        Shape expected(indicesT->shape().begin(), indicesT->shape().end() - 1);
        expected.insert(expected.end(), data->shape().begin() + depth, data->shape().end());
        if (updates->shape() != expected)
            return Status::error("updates shape " + shapeToString(updates->shape()) + " should be " +
                                 shapeToString(expected));
        const std::vector<int64_t> indices = readInt64s(*indicesT);
        const std::vector<int64_t> strides = stridesOf(data->shape());
        const int64_t tuples = dimProduct(indicesT->shape(), 0, q - 1);
        const int64_t slice = dimProduct(data->shape(), static_cast<int>(depth), r);
        std::vector<int64_t> offsets(static_cast<size_t>(tuples));
        for (int64_t t = 0; t < tuples; ++t) {
            int64_t offset = 0;
            for (int64_t k = 0; k < depth; ++k) {
                const int64_t dim = data->dim(static_cast<int>(k));
                int64_t idx = indices[t * depth + k];
                if (idx < -dim || idx >= dim)
                    return Status::error("ScatterND index " + std::to_string(idx) +
                                         " is out of range for dim " + std::to_string(dim));
                offset += (idx < 0 ? idx + dim : idx) * strides[k];
            }
            offsets[t] = offset;
        }
        return scatterInto(*data, *updates, offsets, slice, reduction, context);
    }

private:
    std::string m_reduction;
};

// TensorScatter (opset 24): writes update into a copy of past_cache along `axis`, starting for
// each batch entry (axis 0) at write_indices[b]; "circular" wraps around the axis.
class TensorScatterKernel final : public Kernel {
public:
    explicit TensorScatterKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", -2))
        , m_mode(node.getString("mode", "linear")) {}
    Status compute(KernelContext& context) const override {
        if (m_mode != "linear" && m_mode != "circular")
            return Status::error("unknown mode '" + m_mode + "'");
        OS_ASSIGN_OR_RETURN(const Tensor* cache, requireTensor(context, 0, "past_cache"));
        OS_ASSIGN_OR_RETURN(const Tensor* update, requireTensor(context, 1, "update"));
        const int rank = cache->rank();
        if (rank < 2 || update->rank() != rank || update->dataType() != cache->dataType())
            return Status::error("past_cache " + shapeToString(cache->shape()) + " and update " +
                                 shapeToString(update->shape()) + " must have the same type and rank >= 2");
        OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(m_axis, rank));
        if (axis == 0)
            return Status::error("axis cannot be the batch axis 0");
        for (int k = 0; k < rank; ++k)
            if (k != axis && update->dim(k) != cache->dim(k))
                return Status::error("update " + shapeToString(update->shape()) +
                                     " differs from past_cache " + shapeToString(cache->shape()) +
                                     " outside axis " + std::to_string(axis));
        const int64_t batch = cache->dim(0), maxSeq = cache->dim(axis), seq = update->dim(axis);
        std::vector<int64_t> writes(static_cast<size_t>(batch), 0);
        if (const Tensor* w = context.inputTensor(2)) {
            writes = readInt64s(*w);
            if (static_cast<int64_t>(writes.size()) != batch)
                return Status::error("write_indices has " + std::to_string(writes.size()) +
                                     " entries for batch " + std::to_string(batch));
        }
        const bool circular = m_mode == "circular";
        if (seq > maxSeq)
            return Status::error("update is longer than the cache along axis " + std::to_string(axis));
        for (int64_t w : writes)
            if (w < 0 || w >= std::max<int64_t>(maxSeq, 1) || (!circular && w + seq > maxSeq))
                return Status::error("write index " + std::to_string(w) + " does not fit " +
                                     std::to_string(seq) + " entries in a cache of " +
                                     std::to_string(maxSeq));
        Tensor& out = context.allocateOutput(0, cache->dataType(), cache->shape());
        ElementCopier(*cache, out).copy(0, 0, cache->elementCount());
        const int64_t mid = dimProduct(cache->shape(), 1, axis);
        const int64_t inner = dimProduct(cache->shape(), axis + 1, rank);
        ElementCopier copier(*update, out);
        for (int64_t b = 0; b < batch; ++b)
            for (int64_t m = 0; m < mid; ++m)
                for (int64_t i = 0; i < seq; ++i) {
                    const int64_t row = circular ? (writes[b] + i) % maxSeq : writes[b] + i;
                    copier.copy(((b * mid + m) * maxSeq + row) * inner, ((b * mid + m) * seq + i) * inner,
                                inner);
                }
        return {};
    }

private:
    int64_t m_axis;
    std::string m_mode;
};

} // namespace

void registerScatterOps(KernelRegistry& registry) {
    registry.add(KernelDef{"Scatter", "", 9, 10, &makeKernel<ScatterElementsKernel>});
    registry.add("ScatterElements", 11, &makeKernel<ScatterElementsKernel>);
    registry.add("ScatterND", 11, &makeKernel<ScatterNDKernel>);
    registry.add("TensorScatter", 24, &makeKernel<TensorScatterKernel>);
}

} // namespace onnxscope
