#include "fused_gelu.h"

#include "elementwise.h"
#include "vector_math.h"

#include <string>
#include <utility>

namespace onnxscope {

namespace {

class FusedErfGeluKernel final : public FastPathKernel {
public:
    FusedErfGeluKernel(float divisor, int constantRank)
        : m_divisor(divisor)
        , m_constantRank(constantRank) {}

    void bindConstantInput(int, const Tensor&) override {}
    bool handles(const KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        return x && x->dataType() == DataType::Float && x->rank() >= m_constantRank;
    }

    Status compute(KernelContext& ctx) const override {
        if (!handles(ctx))
            return Status::error("fused GELU needs a float input of rank " + std::to_string(m_constantRank) +
                                 " or more");
        // Elementwise, so x itself can take the result where this is its last read.
        OutputOverInput y = outputOverInput(ctx, 0);
        const float divisor = m_divisor;
        mapChunks(static_cast<const float*>(y.source), y.output.data<float>(), y.output.elementCount(),
                  ctx.threadCount(),
                  [divisor](const float* a, float* b, int64_t n) { vecmath::erfGelu(a, b, n, divisor); });
        ctx.setOutput(0, Value(std::move(y.output)));
        return {};
    }

private:
    float m_divisor;
    int m_constantRank;
};

} // namespace

std::unique_ptr<FastPathKernel> makeFusedErfGelu(float divisor, int constantRank) {
    return std::make_unique<FusedErfGeluKernel>(divisor, constantRank);
}

} // namespace onnxscope
