// Running scans along one axis (CumSum, CumProd): the axis comes as a scalar input, and the
// `exclusive` / `reverse` attributes shift and flip the scan. One kernel template serves every
// scan so the axis handling, type coverage and threading stay identical between them.
#pragma once

#include "elementwise.h"
#include "float_tensor.h"
#include "type_dispatch.h"

#include "exec/kernel.h"

#include <vector>

namespace onnxscope {

// Scans `n` slices of `inner` elements; acc starts at Op::identity().
template <typename Op, typename T>
void cumulativeBlock(const T* in, T* out, int64_t n, int64_t inner, bool exclusive, bool reverse) {
    std::vector<T> acc(static_cast<size_t>(inner), Op::template identity<T>());
    for (int64_t s = 0; s < n; ++s) {
        const int64_t k = reverse ? n - 1 - s : s;
        for (int64_t j = 0; j < inner; ++j) {
            const T v = in[k * inner + j];
            T& a = acc[size_t(j)];
            if (exclusive) {
                out[k * inner + j] = a;
                a = Op::apply(a, v);
            } else {
                a = Op::apply(a, v);
                out[k * inner + j] = a;
            }
        }
    }
}

struct CumSumOp {
    static constexpr const char* kName = "CumSum";
    template <typename T> static T identity() { return T(0); }
    template <typename T> static T apply(T a, T b) { return static_cast<T>(a + b); }
};

struct CumProdOp {
    static constexpr const char* kName = "CumProd";
    template <typename T> static T identity() { return T(1); }
    template <typename T> static T apply(T a, T b) { return static_cast<T>(a * b); }
};

template <typename Op> class CumulativeKernel final : public Kernel {
public:
    explicit CumulativeKernel(const NodeDesc& node)
        : m_exclusive(node.getInt("exclusive", 0) != 0)
        , m_reverse(node.getInt("reverse", 0) != 0) {}

    Status compute(KernelContext& context) const override {
        const std::string name = Op::kName;
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        OS_ASSIGN_OR_RETURN(const Tensor* axisTensor, requireInput(context, 1));
        if (axisTensor->elementCount() != 1 ||
            (axisTensor->dataType() != DataType::Int32 && axisTensor->dataType() != DataType::Int64))
            return Status::error(name + ": axis must be an int32 or int64 scalar");
        const int64_t rawAxis = axisTensor->dataType() == DataType::Int32 ? *axisTensor->data<int32_t>()
                                                                          : *axisTensor->data<int64_t>();
        const int rank = x->rank();
        if (rank == 0)
            return Status::error(name + ": input must have rank >= 1");
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
                cumulativeBlock<Op>(in + o * n * inner, out + o * n * inner, n, inner, m_exclusive,
                                    m_reverse);
        };
        const DataType type = x->dataType();
        if (isNarrowFloat(type)) {
            Tensor wide = widenToFloat(*x, threads);
            Tensor r(DataType::Float, x->shape());
            run(wide.data<float>(), r.data<float>());
            context.setOutput(0, narrowFromFloat(r, type, true, threads));
            return {};
        }
        bool handled = dispatchNumeric(type, [&](auto tag) {
            using T = typename decltype(tag)::type;
            if constexpr (sizeof(T) >= 4) // the schema's types: 32/64-bit ints and floats
                run(x->data<T>(), context.allocateOutput(0, type, x->shape()).data<T>());
            else
                throw KernelError(typeError(Op::kName, type));
        });
        return handled ? Status() : Status::error(typeError(Op::kName, type));
    }

private:
    bool m_exclusive, m_reverse;
};

} // namespace onnxscope
