// SwiGLU (opset 28): y = Swish(a, alpha) * b = a * sigmoid(alpha * a) * b, elementwise over two
// inputs of one shape. Float16/bfloat16 compute in float.
#include "elementwise.h"
#include "extra_kernels.h"

#include "exec/kernel_registry.h"

#include <cmath>

namespace onnxscope {

namespace {

template <typename T> void swiglu(const T* a, const T* b, T* y, int64_t count, T alpha, int threads) {
    const bool parallel = count >= kParallelThreshold && threads > 1;
#pragma omp parallel for num_threads(threads) if (parallel)
    for (int64_t i = 0; i < count; ++i) {
        const T gate = a[i] / (T(1) + std::exp(-alpha * a[i]));
        y[i] = gate * b[i];
    }
}

class SwiGluKernel final : public Kernel {
public:
    explicit SwiGluKernel(const NodeDesc& node)
        : m_alpha(node.getFloat("alpha", 1.0f)) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* a, requireInput(context, 0));
        OS_ASSIGN_OR_RETURN(const Tensor* b, requireInput(context, 1));
        if (a->dataType() != b->dataType())
            return Status::error("SwiGLU: inputs a and b have different element types");
        if (a->shape() != b->shape())
            return Status::error("SwiGLU: input shapes " + shapeToString(a->shape()) + " and " +
                                 shapeToString(b->shape()) + " differ");
        const DataType type = a->dataType();
        const int threads = context.threadCount();
        const int64_t count = a->elementCount();
        if (isNarrowFloat(type)) {
            Tensor wa = widenToFloat(*a, threads), wb = widenToFloat(*b, threads);
            Tensor r(DataType::Float, a->shape());
            swiglu(wa.data<float>(), wb.data<float>(), r.data<float>(), count, m_alpha, threads);
            context.setOutput(0, narrowFromFloat(r, type, true, threads));
            return {};
        }
        if (type == DataType::Float) {
            Tensor& y = context.allocateOutput(0, type, a->shape());
            swiglu(a->data<float>(), b->data<float>(), y.data<float>(), count, m_alpha, threads);
            return {};
        }
        if (type == DataType::Double) {
            Tensor& y = context.allocateOutput(0, type, a->shape());
            swiglu(a->data<double>(), b->data<double>(), y.data<double>(), count, double(m_alpha), threads);
            return {};
        }
        return Status::error(typeError("SwiGLU", type));
    }

private:
    float m_alpha;
};

} // namespace

void registerSwiGluKernel(KernelRegistry& r) {
    r.add("SwiGLU", 28, &makeKernel<SwiGluKernel>);
}

} // namespace onnxscope
