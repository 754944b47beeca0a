// The Reduce* family (Sum, Mean, Max, Min, Prod, L1, L2, LogSum, LogSumExp, SumSquare).
//
// Axes come from the `axes` attribute, or from the second input (ReduceSum from opset 13, the
// others from 18); empty axes reduce everything unless noop_with_empty_axes is set, in which
// case nothing is reduced (the per-element part of the op still applies: ReduceSumSquare
// squares). Reducing an empty set gives the identity of the op (0, 1, -inf, +inf, NaN for the
// mean). Floats accumulate in double. Reduced axes are merged; when they form one contiguous
// block the work is an [outer, n, inner] loop split over threads, otherwise one ordered pass
// over the input.
#include "math_kernels.h"
#include "unary_kernel.h"

#include "exec/kernel_registry.h"

#include <cmath>
#include <limits>

namespace onnxscope {

namespace {

enum class ReduceOp { Sum, Mean, Max, Min, Prod, L1, L2, LogSum, LogSumExp, SumSquare };

ReduceOp reduceOpFromName(const std::string& opType) {
    static const std::pair<const char*, ReduceOp> table[] = {
        {"ReduceSum", ReduceOp::Sum},
        {"ReduceMean", ReduceOp::Mean},
        {"ReduceMax", ReduceOp::Max},
        {"ReduceMin", ReduceOp::Min},
        {"ReduceProd", ReduceOp::Prod},
        {"ReduceL1", ReduceOp::L1},
        {"ReduceL2", ReduceOp::L2},
        {"ReduceLogSum", ReduceOp::LogSum},
        {"ReduceLogSumExp", ReduceOp::LogSumExp},
        {"ReduceSumSquare", ReduceOp::SumSquare},
    };
    for (const auto& [name, op] : table)
        if (opType == name)
            return op;
    return ReduceOp::Sum;
}

// Accumulator type: double for floating point, 64-bit for integers, T itself for Max/Min.
template <typename T>
using AccOf = std::conditional_t<std::is_floating_point_v<T>, double,
                                 std::conditional_t<std::is_signed_v<T>, int64_t, uint64_t>>;

template <typename T> struct Reducer {
    using A = AccOf<T>;
    ReduceOp op;

    A init() const {
        switch (op) {
        case ReduceOp::Prod:
            return A(1);
        case ReduceOp::Max:
            if constexpr (std::is_floating_point_v<T>)
                return -std::numeric_limits<A>::infinity();
            else
                return A(std::numeric_limits<T>::lowest());
        case ReduceOp::Min:
            if constexpr (std::is_floating_point_v<T>)
                return std::numeric_limits<A>::infinity();
            else
                return A(std::numeric_limits<T>::max());
        default:
            return A(0);
        }
    }
    // bias is the running maximum for LogSumExp (subtracted before exp), unused otherwise.
    A step(A acc, T x, A bias) const {
        const A v = A(x);
        switch (op) {
        case ReduceOp::Max:
            if constexpr (std::is_floating_point_v<T>)
                if (std::isnan(v) || std::isnan(acc))
                    return std::isnan(acc) ? acc : v;
            return v > acc ? v : acc;
        case ReduceOp::Min:
            if constexpr (std::is_floating_point_v<T>)
                if (std::isnan(v) || std::isnan(acc))
                    return std::isnan(acc) ? acc : v;
            return v < acc ? v : acc;
        case ReduceOp::Prod:
            return acc * v;
        case ReduceOp::L1:
            if constexpr (std::is_signed_v<A>)
                return acc + (v < 0 ? A(0) - v : v);
            else
                return acc + v;
        case ReduceOp::L2:
        case ReduceOp::SumSquare:
            return acc + v * v;
        case ReduceOp::LogSumExp:
            if constexpr (std::is_floating_point_v<A>)
                return acc + (std::isinf(bias) ? std::exp(v) : std::exp(v - bias));
            else
                return acc + A(std::exp(double(v) - double(bias)));
        default:
            return acc + v;
        }
    }
    T finish(A acc, int64_t n, A bias) const {
        switch (op) {
        case ReduceOp::Mean:
            if constexpr (std::is_floating_point_v<T>)
                return T(acc / double(n));
            else
                return n ? T(acc / A(n)) : T(0);
        case ReduceOp::L2:
            return T(std::sqrt(double(acc)));
        case ReduceOp::LogSum:
            return T(std::log(double(acc)));
        case ReduceOp::LogSumExp:
            if constexpr (std::is_floating_point_v<A>)
                return T((std::isinf(bias) ? 0.0 : bias) + std::log(acc));
            else
                return T(double(bias) + std::log(double(acc)));
        default:
            return T(acc);
        }
    }
};

struct ReduceLayout {
    bool contiguous = false; // reduced axes form one block: [outer, n, inner]
    int64_t outer = 1, n = 1, inner = 1;
    Shape keptShape; // input shape with reduced axes set to 1
};

template <typename T>
void reduceTyped(const Reducer<T>& r, const T* in, const Shape& inShape, const ReduceLayout& layout, T* out,
                 int64_t outCount, int threads) {
    using A = typename Reducer<T>::A;
    const int64_t inCount = layout.outer * layout.n * layout.inner;
    std::vector<A> bias(static_cast<size_t>(outCount), A(0));
    std::vector<A> acc(static_cast<size_t>(outCount));
    // LogSumExp needs each output's maximum first so exp() cannot overflow.
    const int passes = r.op == ReduceOp::LogSumExp ? 2 : 1;
    for (int pass = 0; pass < passes; ++pass) {
        Reducer<T> cur = r;
        if (passes == 2 && pass == 0)
            cur.op = ReduceOp::Max;
        std::fill(acc.begin(), acc.end(), cur.init());
        const A* b = bias.data();
        if (layout.contiguous || inCount == 0) {
            const int64_t n = layout.n, inner = layout.inner;
            const bool parallel = threads > 1 && inCount >= kParallelThreshold;
            if (layout.outer > 1 || !parallel) {
#pragma omp parallel for num_threads(threads) if (parallel)
                for (int64_t o = 0; o < layout.outer; ++o) {
                    A* a = acc.data() + o * inner;
                    const A* bb = b + o * inner;
                    for (int64_t k = 0; k < n; ++k) {
                        const T* row = in + (o * n + k) * inner;
                        for (int64_t j = 0; j < inner; ++j)
                            a[j] = cur.step(a[j], row[j], bb[j]);
                    }
                }
            } else { // one outer block: split the inner columns
#pragma omp parallel for num_threads(threads)
                for (int64_t j = 0; j < inner; ++j)
                    for (int64_t k = 0; k < n; ++k)
                        acc[size_t(j)] = cur.step(acc[size_t(j)], in[k * inner + j], b[j]);
            }
        } else {
            auto plan = planBroadcastTo(inShape, {layout.keptShape});
            forEachRun(*plan, 1, [&](int64_t i, const int64_t* o, int64_t len, const int64_t* step) {
                A* a = acc.data() + o[0];
                const A* bb = b + o[0];
                for (int64_t k = 0; k < len; ++k)
                    a[k * step[0]] = cur.step(a[k * step[0]], in[i + k], bb[k * step[0]]);
            });
        }
        if (passes == 2 && pass == 0)
            bias = acc;
    }
    const int64_t n = outCount ? (inCount == 0 ? 0 : inCount / outCount) : 0;
    for (int64_t o = 0; o < outCount; ++o)
        out[o] = r.finish(acc[size_t(o)], n, bias[size_t(o)]);
}

class ReduceKernel final : public Kernel {
public:
    explicit ReduceKernel(const NodeDesc& node)
        : m_op(reduceOpFromName(node.opType))
        , m_axesFromInput(node.opsetVersion >= (node.opType == "ReduceSum" ? 13 : 18))
        , m_axes(node.getInts("axes"))
        , m_keepDims(node.getInt("keepdims", 1) != 0)
        , m_noopWithEmptyAxes(node.getInt("noop_with_empty_axes", 0) != 0)
        , m_opType(node.opType) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        std::vector<int64_t> axes = m_axes;
        if (m_axesFromInput) {
            axes.clear();
            if (const Tensor* a = context.inputTensor(1)) {
                if (a->dataType() != DataType::Int64 || a->rank() > 1)
                    return Status::error(m_opType + ": axes must be a 1-D int64 tensor");
                axes.assign(a->data<int64_t>(), a->data<int64_t>() + a->elementCount());
            }
        }
        const int rank = x->rank();
        std::vector<bool> reduced(static_cast<size_t>(rank), axes.empty() && !m_noopWithEmptyAxes);
        for (int64_t axis : axes) {
            OS_ASSIGN_OR_RETURN(int a, normalizeAxis(axis, rank, "axes value"));
            if (rank > 0)
                reduced[size_t(a)] = true;
        }
        ReduceLayout layout;
        Shape outShape;
        // Group axes: outer kept, reduced block, inner kept; size-1 axes go anywhere.
        int phase = 0; // 0: before the reduced block, 1: inside, 2: after
        layout.contiguous = true;
        for (int i = 0; i < rank; ++i) {
            const int64_t d = x->dim(i);
            layout.keptShape.push_back(reduced[size_t(i)] ? 1 : d);
            if (!reduced[size_t(i)] || m_keepDims)
                outShape.push_back(reduced[size_t(i)] ? 1 : d);
            if (d == 1)
                continue;
            if (reduced[size_t(i)]) {
                if (phase == 2)
                    layout.contiguous = false;
                phase = 1;
                layout.n *= d;
            } else {
                if (phase == 1)
                    phase = 2;
                (phase == 0 ? layout.outer : layout.inner) *= d;
            }
        }
        const DataType type = x->dataType();
        const int threads = context.threadCount();
        int64_t outCount = 1;
        for (int64_t d : outShape)
            outCount *= d;
        if (isNarrowFloat(type)) {
            Tensor wide = widenToFloat(*x, context.threadCount());
            Tensor r(DataType::Float, outShape);
            reduceTyped(Reducer<float>{m_op}, wide.data<float>(), x->shape(), layout, r.data<float>(),
                        outCount, threads);
            context.setOutput(0, narrowFromFloat(r, type, true, context.threadCount()));
            return {};
        }
        const bool minMax = m_op == ReduceOp::Max || m_op == ReduceOp::Min;
        if (type == DataType::Bool && minMax) {
            // Max is "any", Min is "all"; an empty set gives false / true.
            Tensor& y = context.allocateOutput(0, type, outShape);
            reduceTyped(Reducer<uint8_t>{m_op}, x->data<uint8_t>(), x->shape(), layout, y.data<uint8_t>(),
                        outCount, threads);
            for (uint8_t& v : y.mutableValues<uint8_t>())
                v = v != 0; // an empty Min starts at 255: "all" of nothing is true
            return {};
        }
        bool handled = dispatchNumeric(type, [&](auto tag) {
            using T = typename decltype(tag)::type;
            Tensor& y = context.allocateOutput(0, type, outShape);
            reduceTyped(Reducer<T>{m_op}, x->data<T>(), x->shape(), layout, y.data<T>(), outCount, threads);
        });
        return handled ? Status() : Status::error(typeError(m_opType.c_str(), type));
    }

private:
    ReduceOp m_op;
    bool m_axesFromInput;
    std::vector<int64_t> m_axes;
    bool m_keepDims, m_noopWithEmptyAxes;
    std::string m_opType;
};

} // namespace

void registerReduceKernels(KernelRegistry& r) {
    for (const char* op : {"ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1",
                           "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare"})
        r.add(op, 1, &makeKernel<ReduceKernel>);
}

} // namespace onnxscope
