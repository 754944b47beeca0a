// CumSum: running sums along one axis (given as a scalar input), optionally exclusive (each
// output excludes its own element) and/or reversed.
#include "math_kernels.h"
#include "unary_kernel.h"

#include "exec/kernel_registry.h"

namespace onnxscope {

namespace {

template <typename T>
void cumsumBlock(const T* in, T* out, int64_t n, int64_t inner, bool exclusive, bool reverse) {
    std::vector<T> acc(static_cast<size_t>(inner), T(0));
    for (int64_t s = 0; s < n; ++s) {
        const int64_t k = reverse ? n - 1 - s : s;
        for (int64_t j = 0; j < inner; ++j) {
            const T v = in[k * inner + j];
            if (exclusive) {
                out[k * inner + j] = acc[size_t(j)];
                acc[size_t(j)] += v;
            } else {
                acc[size_t(j)] += v;
                out[k * inner + j] = acc[size_t(j)];
            }
        }
    }
}

class CumSumKernel final : public Kernel {
public:
    explicit CumSumKernel(const NodeDesc& node)
        : m_exclusive(node.getInt("exclusive", 0) != 0)
        , m_reverse(node.getInt("reverse", 0) != 0) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        OS_ASSIGN_OR_RETURN(const Tensor* axisTensor, requireInput(context, 1));
        if (axisTensor->elementCount() != 1 ||
            (axisTensor->dataType() != DataType::Int32 && axisTensor->dataType() != DataType::Int64))
            return Status::error("CumSum: axis must be an int32 or int64 scalar");
        const int64_t rawAxis = axisTensor->dataType() == DataType::Int32 ? *axisTensor->data<int32_t>()
                                                                          : *axisTensor->data<int64_t>();
        const int rank = x->rank();
        if (rank == 0)
            return Status::error("CumSum: input must have rank >= 1");
        OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(rawAxis, rank));
        int64_t outer = 1, inner = 1;
        for (int i = 0; i < axis; ++i)
            outer *= x->dim(i);
        for (int i = axis + 1; i < rank; ++i)
            inner *= x->dim(i);
        const int64_t n = x->dim(axis);
        const int threads = context.threadCount();
        auto run = [&](const auto* in, auto* out) {
            const bool parallel = x->elementCount() >= kParallelThreshold && threads > 1 && outer > 1;
#pragma omp parallel for num_threads(threads) if (parallel)
            for (int64_t o = 0; o < outer; ++o)
                cumsumBlock(in + o * n * inner, out + o * n * inner, n, inner, m_exclusive, m_reverse);
        };
        const DataType type = x->dataType();
        if (isNarrowFloat(type)) {
            Tensor wide = widenToFloat(*x, context.threadCount());
            Tensor r(DataType::Float, x->shape());
            run(wide.data<float>(), r.data<float>());
            context.setOutput(0, narrowFromFloat(r, type, true, context.threadCount()));
            return {};
        }
        bool handled = dispatchNumeric(type, [&](auto tag) {
            using T = typename decltype(tag)::type;
            if constexpr (sizeof(T) >= 4) // the schema's types: 32/64-bit ints and floats
                run(x->data<T>(), context.allocateOutput(0, type, x->shape()).data<T>());
            else
                throw KernelError(typeError("CumSum", type));
        });
        return handled ? Status() : Status::error(typeError("CumSum", type));
    }

private:
    bool m_exclusive, m_reverse;
};

} // namespace

void registerCumSumKernel(KernelRegistry& r) {
    r.add("CumSum", 11, &makeKernel<CumSumKernel>);
}

} // namespace onnxscope
