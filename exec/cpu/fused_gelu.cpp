#include "fused_gelu.h"

#include "elementwise.h"
#include "vector_math.h"

#include <utility>

namespace onnxscope {

namespace {

class FusedErfGeluKernel final : public FastPathKernel {
public:
    explicit FusedErfGeluKernel(float divisor)
        : m_divisor(divisor) {}

    void bindConstantInput(int, const Tensor&) override {}
    bool handles(const KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        return x && x->dataType() == DataType::Float;
    }

    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        if (!x || x->dataType() != DataType::Float)
            return Status::error("fused GELU needs a float input");
        // Elementwise, so x itself can take the result where this is its last read.
        Tensor in = ctx.takeInputForReuse(0);
        if (!in.isValid())
            in = *x;
        Tensor y = in.ownsStorageAlone() ? in : Tensor::uninitialized(DataType::Float, in.shape());
        const float divisor = m_divisor;
        mapChunks(std::as_const(in).data<float>(), y.data<float>(), in.elementCount(), ctx.threadCount(),
                  [divisor](const float* a, float* b, int64_t n) { vecmath::erfGelu(a, b, n, divisor); });
        ctx.setOutput(0, Value(std::move(y)));
        return {};
    }

private:
    float m_divisor;
};

} // namespace

std::unique_ptr<FastPathKernel> makeFusedErfGelu(float divisor) {
    return std::make_unique<FusedErfGeluKernel>(divisor);
}

} // namespace onnxscope
