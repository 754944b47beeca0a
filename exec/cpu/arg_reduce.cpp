// ArgMax and ArgMin: int64 indices of the extreme value along one axis; the first occurrence
// wins unless select_last_index is set. NaN counts as the extreme, as numpy's argmax.
#include "math_kernels.h"
#include "unary_kernel.h"

#include "exec/kernel_registry.h"

#include <cmath>

namespace onnxscope {

namespace {

class ArgReduceKernel final : public Kernel {
public:
    explicit ArgReduceKernel(const NodeDesc& node)
        : m_max(node.opType == "ArgMax")
        , m_axis(node.getInt("axis", 0))
        , m_keepDims(node.getInt("keepdims", 1) != 0)
        , m_selectLast(node.getInt("select_last_index", 0) != 0)
        , m_opType(node.opType) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        const int rank = x->rank();
        if (rank == 0)
            return Status::error(m_opType + ": input must have rank >= 1");
        OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(m_axis, rank));
        const int64_t n = x->dim(axis);
        if (n == 0)
            return Status::error(m_opType + ": cannot take the index of an empty axis " +
                                 std::to_string(axis));
        int64_t outer = 1, inner = 1;
        Shape outShape;
        for (int i = 0; i < rank; ++i) {
            if (i < axis)
                outer *= x->dim(i);
            else if (i > axis)
                inner *= x->dim(i);
            if (i != axis || m_keepDims)
                outShape.push_back(i == axis ? 1 : x->dim(i));
        }
        const DataType type = x->dataType();
        const int threads = context.threadCount();
        auto run = [&](const auto* in) {
            Tensor& y = context.allocateOutput(0, DataType::Int64, outShape);
            int64_t* out = y.data<int64_t>();
            const bool parallel = threads > 1 && x->elementCount() >= kParallelThreshold && outer > 1;
#pragma omp parallel for num_threads(threads) if (parallel)
            for (int64_t o = 0; o < outer; ++o)
                argBlock(in + o * n * inner, out + o * inner, n, inner);
        };
        if (isNarrowFloat(type)) {
            Tensor wide = widenToFloat(*x, context.threadCount());
            run(wide.data<float>());
            return {};
        }
        bool handled = dispatchNumeric(type, [&](auto tag) {
            using T = typename decltype(tag)::type;
            run(x->data<T>());
        });
        return handled ? Status() : Status::error(typeError(m_opType.c_str(), type));
    }

private:
    template <typename T> void argBlock(const T* in, int64_t* out, int64_t n, int64_t inner) const {
        std::vector<T> best(in, in + inner);
        std::fill(out, out + inner, 0);
        for (int64_t k = 1; k < n; ++k)
            for (int64_t j = 0; j < inner; ++j) {
                const T v = in[k * inner + j];
                const T b = best[size_t(j)];
                bool better;
                if constexpr (std::is_floating_point_v<T>) {
                    if (std::isnan(b))
                        better = m_selectLast && std::isnan(v);
                    else if (std::isnan(v))
                        better = true;
                    else
                        better = m_max ? (m_selectLast ? v >= b : v > b) : (m_selectLast ? v <= b : v < b);
                } else {
                    better = m_max ? (m_selectLast ? v >= b : v > b) : (m_selectLast ? v <= b : v < b);
                }
                if (better) {
                    best[size_t(j)] = v;
                    out[j] = k;
                }
            }
    }

    bool m_max;
    int64_t m_axis;
    bool m_keepDims, m_selectLast;
    std::string m_opType;
};

} // namespace

void registerArgReduceKernels(KernelRegistry& r) {
    r.add("ArgMax", 1, &makeKernel<ArgReduceKernel>);
    r.add("ArgMin", 1, &makeKernel<ArgReduceKernel>);
}

} // namespace onnxscope
