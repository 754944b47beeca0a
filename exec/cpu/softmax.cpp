// Softmax, LogSoftmax and Hardmax. Before opset 13 the input is coerced to 2-D at `axis` and
// the function runs over each row of the flattened trailing dims; from 13 on it runs along the
// one axis. Both are the same loop over an [outer, n, inner] view.
#include "math_kernels.h"
#include "unary_kernel.h"

#include "exec/kernel_registry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace onnxscope {

namespace {

enum class SoftmaxKind { Softmax, LogSoftmax, Hardmax };

template <typename T> void softmaxBlock(SoftmaxKind kind, const T* in, T* out, int64_t n, int64_t inner) {
    // One [n, inner] block; inner columns are processed together so memory is read in order.
    std::vector<T> best(static_cast<size_t>(inner), -std::numeric_limits<T>::infinity());
    std::vector<int64_t> where(static_cast<size_t>(inner), 0);
    for (int64_t k = 0; k < n; ++k)
        for (int64_t j = 0; j < inner; ++j) {
            T v = in[k * inner + j];
            if (v > best[size_t(j)] || (k == 0)) {
                best[size_t(j)] = v;
                where[size_t(j)] = k;
            }
        }
    if (kind == SoftmaxKind::Hardmax) {
        for (int64_t k = 0; k < n; ++k)
            for (int64_t j = 0; j < inner; ++j)
                out[k * inner + j] = where[size_t(j)] == k ? T(1) : T(0);
        return;
    }
    std::vector<T> sum(static_cast<size_t>(inner), T(0));
    for (int64_t k = 0; k < n; ++k)
        for (int64_t j = 0; j < inner; ++j) {
            T e = std::exp(in[k * inner + j] - best[size_t(j)]);
            sum[size_t(j)] += e;
            if (kind == SoftmaxKind::Softmax)
                out[k * inner + j] = e;
        }
    if (kind == SoftmaxKind::Softmax) {
        for (int64_t k = 0; k < n; ++k)
            for (int64_t j = 0; j < inner; ++j)
                out[k * inner + j] /= sum[size_t(j)];
    } else {
        for (int64_t j = 0; j < inner; ++j)
            sum[size_t(j)] = std::log(sum[size_t(j)]);
        for (int64_t k = 0; k < n; ++k)
            for (int64_t j = 0; j < inner; ++j)
                out[k * inner + j] = in[k * inner + j] - best[size_t(j)] - sum[size_t(j)];
    }
}

class SoftmaxKernel final : public Kernel {
public:
    explicit SoftmaxKernel(const NodeDesc& node)
        : m_kind(node.opType == "Softmax"      ? SoftmaxKind::Softmax
                 : node.opType == "LogSoftmax" ? SoftmaxKind::LogSoftmax
                                               : SoftmaxKind::Hardmax)
        , m_flatten(node.opsetVersion < 13)
        , m_axis(node.getInt("axis", node.opsetVersion < 13 ? 1 : -1))
        , m_opType(node.opType) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        const Shape& shape = x->shape();
        const int rank = x->rank();
        if (rank == 0)
            return Status::error(m_opType + ": input must have rank >= 1");
        OS_ASSIGN_OR_RETURN(int axis, normalizeAxis(m_axis, rank));
        int64_t outer = 1, n = 1, inner = 1;
        for (int i = 0; i < axis; ++i)
            outer *= shape[size_t(i)];
        if (m_flatten) {
            for (int i = axis; i < rank; ++i)
                n *= shape[size_t(i)];
        } else {
            n = shape[size_t(axis)];
            for (int i = axis + 1; i < rank; ++i)
                inner *= shape[size_t(i)];
        }
        const DataType type = x->dataType();
        const int threads = context.threadCount();
        auto run = [&](const auto* in, auto* out) {
            const bool parallel = x->elementCount() >= kParallelThreshold && threads > 1 && outer > 1;
#pragma omp parallel for num_threads(threads) if (parallel)
            for (int64_t o = 0; o < outer; ++o)
                softmaxBlock(m_kind, in + o * n * inner, out + o * n * inner, n, inner);
        };
        if (isNarrowFloat(type)) {
            Tensor wide = widenToFloat(*x, context.threadCount());
            Tensor r(DataType::Float, shape);
            run(wide.data<float>(), r.data<float>());
            context.setOutput(0, narrowFromFloat(r, type, true, context.threadCount()));
            return {};
        }
        if (type == DataType::Float && inner == 1 && m_kind != SoftmaxKind::Hardmax) {
            // Contiguous rows (the usual last axis): the vectorized row loop.
            // Row by row, so x can take the result where this is its last read (x's pointer is
            // then no longer valid).
            const int64_t count = x->elementCount();
            OutputOverInput y = outputOverInput(context, 0);
            const float* in = static_cast<const float*>(y.source);
            float* out = y.output.data<float>();
            context.setOutput(0, Value(y.output));
            const bool log = m_kind == SoftmaxKind::LogSoftmax;
            const bool parallel = count >= kParallelThreshold && threads > 1 && outer > 1;
            const int64_t chunks = parallel ? std::min<int64_t>(outer, int64_t(threads) * 4) : 1;
#pragma omp parallel for num_threads(threads) if (parallel) schedule(dynamic)
            for (int64_t c = 0; c < chunks; ++c) {
                const int64_t first = outer * c / chunks, last = outer * (c + 1) / chunks;
                vecmath::softmaxRows(in + first * n, out + first * n, last - first, n, log);
            }
            return {};
        }
        if (type == DataType::Float) {
            run(x->data<float>(), context.allocateOutput(0, type, shape).data<float>());
            return {};
        }
        if (type == DataType::Double) {
            run(x->data<double>(), context.allocateOutput(0, type, shape).data<double>());
            return {};
        }
        return Status::error(typeError(m_opType.c_str(), type));
    }

private:
    SoftmaxKind m_kind;
    bool m_flatten;
    int64_t m_axis;
    std::string m_opType;
};

} // namespace

void registerSoftmaxKernels(KernelRegistry& r) {
    for (const char* op : {"Softmax", "LogSoftmax", "Hardmax"})
        r.add(op, 1, &makeKernel<SoftmaxKernel>);
}

} // namespace onnxscope
