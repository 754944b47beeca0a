// CausalConvWithState (opset 27): a stateful causal depthwise 1-D convolution. Each channel of
// input [B, C, L] is left-padded with past_state [B, C, K-1] (zeros when omitted), convolved
// with its own kernel weight[c, 0, :] (plus bias[c]) and optionally passed through SiLU; the last
// K-1 positions of the padded sequence become present_state. Float16/bfloat16 compute in float,
// double in double.
#include "compute_type.h"
#include "sequence_model_kernels.h"

#include "exec/kernel_registry.h"
#include "type_dispatch.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace onnxscope {

namespace {

template <typename T>
void causalConv(const T* x, const T* w, const T* bias, const T* past, T* y, T* present, int64_t B, int64_t C,
                int64_t L, int64_t K, bool silu, int threads) {
    const int64_t state = K - 1;
#pragma omp parallel for num_threads(threads) if (threads > 1 && B * C * L * K >= 32768)
    for (int64_t bc = 0; bc < B * C; ++bc) {
        const int64_t c = bc % C;
        // The padded sequence: past (or zeros) followed by the input.
        std::vector<T> seq(static_cast<size_t>(state + L), T(0));
        if (past)
            std::copy_n(past + bc * state, state, seq.begin());
        std::copy_n(x + bc * L, L, seq.begin() + state);
        const T* kernel = w + c * K;
        T* out = y + bc * L;
        for (int64_t t = 0; t < L; ++t) {
            T acc = bias ? bias[c] : T(0);
            for (int64_t k = 0; k < K; ++k)
                acc += kernel[k] * seq[static_cast<size_t>(t + k)];
            out[t] = silu ? acc / (T(1) + std::exp(-acc)) : acc;
        }
        std::copy_n(seq.begin() + L, state, present + bc * state);
    }
}

class CausalConvWithStateKernel final : public Kernel {
public:
    explicit CausalConvWithStateKernel(bool silu)
        : m_silu(silu) {}

    static Result<std::unique_ptr<Kernel>> create(const NodeDesc& node) {
        const std::string activation = node.getString("activation", "none");
        if (activation != "none" && activation != "silu" && activation != "swish")
            return Status::error("CausalConvWithState: unknown activation '" + activation +
                                 "' (expected none, silu or swish)");
        return std::unique_ptr<Kernel>(new CausalConvWithStateKernel(activation != "none"));
    }

    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* w = ctx.inputTensor(1);
        if (!x || !w)
            return Status::error(std::string("CausalConvWithState: missing required input ") +
                                 (x ? "weight" : "input"));
        const Tensor* bias = ctx.inputTensor(2);
        const Tensor* past = ctx.inputTensor(3);
        const DataType type = x->dataType();
        OS_RETURN_IF_ERROR(checkFloatInputs("CausalConvWithState", type,
                                            {{w, "weight"}, {bias, "bias"}, {past, "past_state"}}));
        if (x->rank() != 3)
            return Status::error("CausalConvWithState: input must be 3-D (batch, channels, length), got " +
                                 shapeToString(x->shape()));
        const int64_t B = x->dim(0), C = x->dim(1);
        if (w->rank() != 3 || w->dim(0) != C || w->dim(1) != 1 || w->dim(2) < 1)
            return Status::error("CausalConvWithState: weight shape " + shapeToString(w->shape()) +
                                 " is not (channels=" + std::to_string(C) + ", 1, k) with k >= 1");
        const int64_t K = w->dim(2);
        if (bias && (bias->rank() != 1 || bias->dim(0) != C))
            return Status::error("CausalConvWithState: bias shape " + shapeToString(bias->shape()) +
                                 " is not (" + std::to_string(C) + ")");
        const Shape stateShape{B, C, K - 1};
        if (past && past->shape() != stateShape)
            return Status::error("CausalConvWithState: past_state shape " + shapeToString(past->shape()) +
                                 " is not " + shapeToString(stateShape));

        return type == DataType::Double ? run<double>(ctx, stateShape) : run<float>(ctx, stateShape);
    }

private:
    template <typename T> Status run(KernelContext& ctx, const Shape& stateShape) const {
        const DataType compute = dataTypeOf<T>();
        const Tensor* inputs[4] = {ctx.inputTensor(0), ctx.inputTensor(1), ctx.inputTensor(2),
                                   ctx.inputTensor(3)};
        Tensor cast[4];
        for (int i = 0; i < 4; ++i) {
            if (inputs[i]) {
                OS_ASSIGN_OR_RETURN(cast[i], castIfNeeded(*inputs[i], compute));
            }
        }
        const Tensor& x = cast[0];
        Tensor y(compute, x.shape()), present(compute, stateShape);
        causalConv<T>(x.data<T>(), cast[1].data<T>(), inputs[2] ? cast[2].data<T>() : nullptr,
                      inputs[3] ? cast[3].data<T>() : nullptr, y.data<T>(), present.data<T>(), x.dim(0),
                      x.dim(1), x.dim(2), cast[1].dim(2), m_silu, ctx.threadCount());
        const DataType type = inputs[0]->dataType();
        OS_ASSIGN_OR_RETURN(Tensor yOut, castIfNeeded(y, type));
        ctx.setOutput(0, std::move(yOut));
        if (ctx.outputCount() > 1) {
            OS_ASSIGN_OR_RETURN(Tensor stateOut, castIfNeeded(present, type));
            ctx.setOutput(1, std::move(stateOut));
        }
        return Status();
    }

    bool m_silu;
};

} // namespace

void registerCausalConvWithStateKernel(KernelRegistry& r) {
    r.add("CausalConvWithState", 27, &CausalConvWithStateKernel::create);
}

} // namespace onnxscope
