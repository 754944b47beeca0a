// Ops that select or reorder elements by value or position: TopK, NonZero, Compress, Unique,
// Trilu, ReverseSequence. Values are compared in their own C++ type (fp16/bf16 widened to
// float, strings as std::string) and then moved with type-agnostic copies from the input.
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"
#include "type_dispatch.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace onnxscope {

namespace {

class TopKKernel final : public Kernel {
public:
    explicit TopKKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", -1))
        , m_kAttr(node.getInt("k", -1))
        , m_largest(node.getInt("largest", 1) != 0)
        , m_sorted(node.getInt("sorted", 1) != 0)
        , m_kFromInput(node.opsetVersion >= 10) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "X"));
        int64_t k = m_kAttr;
        if (m_kFromInput) {
            OS_ASSIGN_OR_RETURN(const Tensor* kT, requireTensor(context, 1, "K"));
            if (kT->elementCount() != 1)
                return Status::error("K must hold one value");
            k = readInt64s(*kT)[0];
        }
        if (x->rank() == 0)
            return Status::error("X must have rank >= 1");
        OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(m_axis, x->rank()));
        const int64_t dim = x->dim(axis);
        if (k < 0 || k > dim)
            return Status::error("k " + std::to_string(k) + " is out of range for axis dim " +
                                 std::to_string(dim));
        Shape outShape = x->shape();
        outShape[axis] = k;
        Tensor& values = context.allocateOutput(0, x->dataType(), outShape);
        Tensor* indices =
            context.outputCount() > 1 ? &context.allocateOutput(1, DataType::Int64, outShape) : nullptr;
        const Tensor wide = widenToFloat(*x);
        const int64_t outer = dimProduct(x->shape(), 0, axis);
        const int64_t inner = dimProduct(x->shape(), axis + 1, x->rank());
        ElementCopier copier(*x, values);
        bool ok = dispatchNumeric(wide.dataType(), [&](auto tag) {
            using T = typename decltype(tag)::type;
            const T* src = wide.data<T>();
            const bool largest = m_largest;
#pragma omp parallel for num_threads(context.threadCount()) if (outer * inner * dim > 65536)
            for (int64_t oi = 0; oi < outer * inner; ++oi) {
                const int64_t o = oi / inner, i = oi % inner;
                const T* base = src + o * dim * inner + i;
                std::vector<int64_t> order(static_cast<size_t>(dim));
                std::iota(order.begin(), order.end(), 0);
                auto before = [&](int64_t a, int64_t b) {
                    const T va = base[a * inner], vb = base[b * inner];
                    if constexpr (std::is_floating_point_v<T>) {
                        // NaN sorts as the largest value, as numpy does.
                        const bool na = std::isnan(va), nb = std::isnan(vb);
                        if (na || nb) {
                            if (na && nb)
                                return a < b;
                            return largest ? na : nb;
                        }
                    }
                    if (va != vb)
                        return largest ? va > vb : va < vb;
                    return a < b;
                };
                std::partial_sort(order.begin(), order.begin() + k, order.end(), before);
                if (!m_sorted)
                    std::sort(order.begin(), order.begin() + k);
                for (int64_t j = 0; j < k; ++j) {
                    const int64_t outIndex = (o * k + j) * inner + i;
                    copier.copy(outIndex, (o * dim + order[j]) * inner + i);
                    if (indices)
                        indices->data<int64_t>()[outIndex] = order[j];
                }
            }
        });
        if (!ok)
            return Status::error("TopK does not support element type " +
                                 std::string(dataTypeName(x->dataType())));
        return {};
    }

private:
    int64_t m_axis;
    int64_t m_kAttr;
    bool m_largest;
    bool m_sorted;
    bool m_kFromInput;
};

bool isNonZero(const Tensor& t, int64_t i) {
    if (t.dataType() == DataType::String)
        return !t.data<std::string>()[i].empty();
    return t.elementAsDouble(i) != 0;
}

class NonZeroKernel final : public Kernel {
public:
    explicit NonZeroKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "X"));
        std::vector<int64_t> hits;
        for (int64_t i = 0; i < x->elementCount(); ++i)
            if (isNonZero(*x, i))
                hits.push_back(i);
        const int rank = x->rank();
        const int64_t n = static_cast<int64_t>(hits.size());
        Tensor& out = context.allocateOutput(0, DataType::Int64, {rank, n});
        const std::vector<int64_t> strides = stridesOf(x->shape());
        for (int64_t j = 0; j < n; ++j) {
            int64_t rest = hits[j];
            for (int k = 0; k < rank; ++k) {
                out.data<int64_t>()[k * n + j] = rest / strides[k];
                rest %= strides[k];
            }
        }
        return {};
    }
};

class CompressKernel final : public Kernel {
public:
    explicit CompressKernel(const NodeDesc& node)
        : m_hasAxis(node.hasAttribute("axis"))
        , m_axis(node.getInt("axis", 0)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "input"));
        OS_ASSIGN_OR_RETURN(const Tensor* cond, requireTensor(context, 1, "condition"));
        if (cond->rank() != 1)
            return Status::error("condition must be 1-D, got " + shapeToString(cond->shape()));
        Shape shape = x->shape();
        int axis = 0;
        if (m_hasAxis) {
            OS_ASSIGN_OR_RETURN(axis, normalizeAxis(m_axis, x->rank()));
        } else {
            shape = {x->elementCount()};
        }
        const int64_t dim = shape[axis];
        std::vector<int64_t> keep;
        for (int64_t i = 0; i < cond->elementCount(); ++i) {
            if (cond->elementAsDouble(i) == 0)
                continue;
            if (i >= dim)
                return Status::error("condition selects index " + std::to_string(i) + " past the axis dim " +
                                     std::to_string(dim));
            keep.push_back(i);
        }
        Shape outShape = shape;
        outShape[axis] = static_cast<int64_t>(keep.size());
        Tensor& out = context.allocateOutput(0, x->dataType(), outShape);
        const int64_t outer = dimProduct(shape, 0, axis);
        const int64_t inner = dimProduct(shape, axis + 1, static_cast<int>(shape.size()));
        ElementCopier copier(*x, out);
        const int64_t n = static_cast<int64_t>(keep.size());
        for (int64_t o = 0; o < outer; ++o)
            for (int64_t j = 0; j < n; ++j)
                copier.copy((o * n + j) * inner, (o * dim + keep[j]) * inner, inner);
        return {};
    }

private:
    bool m_hasAxis;
    int64_t m_axis;
};

class UniqueKernel final : public Kernel {
public:
    explicit UniqueKernel(const NodeDesc& node)
        : m_sorted(node.getInt("sorted", 1) != 0)
        , m_hasAxis(node.hasAttribute("axis"))
        , m_axis(node.getInt("axis", 0)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "X"));
        Shape shape = m_hasAxis ? x->shape() : Shape{x->elementCount()};
        int axis = 0;
        if (m_hasAxis) {
            OS_ASSIGN_OR_RETURN(axis, normalizeAxis(m_axis, x->rank()));
        }
        const int rank = static_cast<int>(shape.size());
        const int64_t outer = dimProduct(shape, 0, axis);
        const int64_t dim = shape[axis];
        const int64_t inner = dimProduct(shape, axis + 1, rank);
        const Tensor wide = widenToFloat(*x);
        // order: slice ids sorted so that equal slices are adjacent, first occurrence first.
        std::vector<int64_t> order(static_cast<size_t>(dim));
        std::iota(order.begin(), order.end(), 0);
        std::vector<int64_t> group(static_cast<size_t>(dim)); // slice id -> position of its group
        std::vector<int64_t> firsts;                          // group -> first slice id
        bool ok = dispatchAny(wide.dataType(), [&](auto tag) {
            using T = typename decltype(tag)::type;
            const T* v = wide.data<T>();
            auto compare = [&](int64_t a, int64_t b) -> int {
                for (int64_t o = 0; o < outer; ++o)
                    for (int64_t i = 0; i < inner; ++i) {
                        const T& va = v[(o * dim + a) * inner + i];
                        const T& vb = v[(o * dim + b) * inner + i];
                        if (va < vb)
                            return -1;
                        if (vb < va)
                            return 1;
                    }
                return 0;
            };
            std::stable_sort(order.begin(), order.end(),
                             [&](int64_t a, int64_t b) { return compare(a, b) < 0; });
            for (size_t i = 0; i < order.size(); ++i) {
                if (i == 0 || compare(order[i - 1], order[i]) != 0)
                    firsts.push_back(order[i]);
                group[order[i]] = static_cast<int64_t>(firsts.size()) - 1;
            }
        });
        if (!ok)
            return Status::error("Unique does not support element type " +
                                 std::string(dataTypeName(x->dataType())));
        const int64_t groups = static_cast<int64_t>(firsts.size());
        // Position of each group in the output: sorted order, or order of first occurrence.
        std::vector<int64_t> position(static_cast<size_t>(groups));
        std::iota(position.begin(), position.end(), 0);
        if (!m_sorted) {
            std::vector<int64_t> byFirst(position);
            std::sort(byFirst.begin(), byFirst.end(),
                      [&](int64_t a, int64_t b) { return firsts[a] < firsts[b]; });
            for (int64_t p = 0; p < groups; ++p)
                position[byFirst[p]] = p;
        }
        Shape outShape = shape;
        outShape[axis] = groups;
        Tensor& y = context.allocateOutput(0, x->dataType(), outShape);
        ElementCopier copier(*x, y);
        std::vector<int64_t> counts(static_cast<size_t>(groups), 0);
        for (int64_t s = 0; s < dim; ++s)
            ++counts[group[s]];
        for (int64_t g = 0; g < groups; ++g)
            for (int64_t o = 0; o < outer; ++o)
                copier.copy((o * groups + position[g]) * inner, (o * dim + firsts[g]) * inner, inner);
        if (context.outputCount() > 1) {
            Tensor& idx = context.allocateOutput(1, DataType::Int64, {groups});
            for (int64_t g = 0; g < groups; ++g)
                idx.data<int64_t>()[position[g]] = firsts[g];
        }
        if (context.outputCount() > 2) {
            Tensor& inv = context.allocateOutput(2, DataType::Int64, {dim});
            for (int64_t s = 0; s < dim; ++s)
                inv.data<int64_t>()[s] = position[group[s]];
        }
        if (context.outputCount() > 3) {
            Tensor& cnt = context.allocateOutput(3, DataType::Int64, {groups});
            for (int64_t g = 0; g < groups; ++g)
                cnt.data<int64_t>()[position[g]] = counts[g];
        }
        return {};
    }

private:
    bool m_sorted;
    bool m_hasAxis;
    int64_t m_axis;
};

class TriluKernel final : public Kernel {
public:
    explicit TriluKernel(const NodeDesc& node)
        : m_upper(node.getInt("upper", 1) != 0) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "input"));
        if (x->rank() < 2)
            return Status::error("input must have rank >= 2, got " + shapeToString(x->shape()));
        int64_t k = 0;
        if (const Tensor* kT = context.inputTensor(1)) {
            if (kT->elementCount() != 1)
                return Status::error("k must hold one value");
            k = readInt64s(*kT)[0];
        }
        Tensor& out = context.allocateOutput(0, x->dataType(), x->shape());
        const int64_t rows = x->dim(x->rank() - 2), cols = x->dim(x->rank() - 1);
        const int64_t mats = rows * cols == 0 ? 0 : x->elementCount() / (rows * cols);
        ElementCopier copier(*x, out);
        for (int64_t m = 0; m < mats; ++m)
            for (int64_t i = 0; i < rows; ++i)
                for (int64_t j = 0; j < cols; ++j) {
                    const bool keep = m_upper ? j - i >= k : j - i <= k;
                    if (keep)
                        copier.copy((m * rows + i) * cols + j, (m * rows + i) * cols + j);
                }
        return {};
    }

private:
    bool m_upper;
};

class ReverseSequenceKernel final : public Kernel {
public:
    explicit ReverseSequenceKernel(const NodeDesc& node)
        : m_batchAxis(node.getInt("batch_axis", 1))
        , m_timeAxis(node.getInt("time_axis", 0)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "input"));
        OS_ASSIGN_OR_RETURN(const Tensor* lensT, requireTensor(context, 1, "sequence_lens"));
        if (x->rank() < 2)
            return Status::error("input must have rank >= 2");
        if (!((m_batchAxis == 0 && m_timeAxis == 1) || (m_batchAxis == 1 && m_timeAxis == 0)))
            return Status::error("batch_axis and time_axis must be 0 and 1 in some order");
        const int64_t batch = x->dim(static_cast<int>(m_batchAxis)),
                      time = x->dim(static_cast<int>(m_timeAxis));
        const std::vector<int64_t> lens = readInt64s(*lensT);
        if (static_cast<int64_t>(lens.size()) != batch)
            return Status::error("sequence_lens has " + std::to_string(lens.size()) + " entries for batch " +
                                 std::to_string(batch));
        Tensor& out = context.allocateOutput(0, x->dataType(), x->shape());
        const int64_t inner = dimProduct(x->shape(), 2, x->rank());
        auto offset = [&](int64_t b, int64_t t) {
            return (m_batchAxis == 0 ? b * time + t : t * batch + b) * inner;
        };
        ElementCopier copier(*x, out);
        for (int64_t b = 0; b < batch; ++b) {
            const int64_t len = lens[b];
            if (len < 0 || len > time)
                return Status::error("sequence length " + std::to_string(len) +
                                     " is out of range for time dim " + std::to_string(time));
            for (int64_t t = 0; t < time; ++t)
                copier.copy(offset(b, t), offset(b, t < len ? len - 1 - t : t), inner);
        }
        return {};
    }

private:
    int64_t m_batchAxis;
    int64_t m_timeAxis;
};

} // namespace

void registerSelectionOps(KernelRegistry& registry) {
    registry.add("TopK", 1, &makeKernel<TopKKernel>);
    registry.add("NonZero", 9, &makeKernel<NonZeroKernel>);
    registry.add("Compress", 9, &makeKernel<CompressKernel>);
    registry.add("Unique", 11, &makeKernel<UniqueKernel>);
    registry.add("Trilu", 14, &makeKernel<TriluKernel>);
    registry.add("ReverseSequence", 10, &makeKernel<ReverseSequenceKernel>);
}

} // namespace onnxscope
