// Activation functions: Relu and its relatives, sigmoid-shaped functions, Gelu, Shrink, Swish,
// PRelu (slope broadcast to the input) and Clip (bounds as attributes before opset 11, as
// optional scalar inputs from 11 on).
#include "math_kernels.h"
#include "unary_kernel.h"

#include "exec/kernel_registry.h"

#include <cmath>
#include <limits>

namespace onnxscope {

namespace {

struct ReluOp {
    explicit ReluOp(const NodeDesc&) {}
    static constexpr auto floatRows = &vecmath::relu;
    template <typename T> T operator()(T x) const { return x < T(0) ? T(0) : x; }
};

struct LeakyReluOp {
    explicit LeakyReluOp(const NodeDesc& n)
        : alpha(n.getFloat("alpha", 0.01f)) {}
    template <typename T> T operator()(T x) const { return x < 0 ? T(alpha) * x : x; }
    float alpha;
};

struct EluOp {
    explicit EluOp(const NodeDesc& n)
        : alpha(n.getFloat("alpha", 1.0f)) {}
    template <typename T> T operator()(T x) const { return x < 0 ? T(alpha) * std::expm1(x) : x; }
    float alpha;
};

struct SeluOp {
    explicit SeluOp(const NodeDesc& n)
        : alpha(n.getFloat("alpha", 1.67326319217681884765625f))
        , gamma(n.getFloat("gamma", 1.05070102214813232421875f)) {}
    template <typename T> T operator()(T x) const {
        return x <= 0 ? T(gamma) * (T(alpha) * std::exp(x) - T(alpha)) : T(gamma) * x;
    }
    float alpha, gamma;
};

struct CeluOp {
    explicit CeluOp(const NodeDesc& n)
        : alpha(n.getFloat("alpha", 1.0f)) {}
    template <typename T> T operator()(T x) const {
        return std::max(T(0), x) + std::min(T(0), T(alpha) * std::expm1(x / T(alpha)));
    }
    float alpha;
};

template <typename T> T sigmoid(T x) {
    // Split by sign so exp never overflows to produce Inf/Inf.
    if (x >= 0)
        return T(1) / (T(1) + std::exp(-x));
    T e = std::exp(x);
    return e / (T(1) + e);
}

template <typename T> T softplus(T x) {
    return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

struct SigmoidOp {
    explicit SigmoidOp(const NodeDesc&) {}
    static constexpr auto floatRows = &vecmath::sigmoid;
    template <typename T> T operator()(T x) const { return sigmoid(x); }
};

struct HardSigmoidOp {
    explicit HardSigmoidOp(const NodeDesc& n)
        : alpha(n.getFloat("alpha", 0.2f))
        , beta(n.getFloat("beta", 0.5f)) {}
    template <typename T> T operator()(T x) const {
        return std::max(T(0), std::min(T(1), T(alpha) * x + T(beta)));
    }
    float alpha, beta;
};

struct HardSwishOp {
    explicit HardSwishOp(const NodeDesc&) {}
    template <typename T> T operator()(T x) const {
        return x * std::max(T(0), std::min(T(1), x / T(6) + T(0.5)));
    }
};

struct SoftplusOp {
    explicit SoftplusOp(const NodeDesc&) {}
    template <typename T> T operator()(T x) const { return softplus(x); }
};

struct SoftsignOp {
    explicit SoftsignOp(const NodeDesc&) {}
    template <typename T> T operator()(T x) const { return x / (T(1) + std::fabs(x)); }
};

struct MishOp {
    explicit MishOp(const NodeDesc&) {}
    template <typename T> T operator()(T x) const { return x * std::tanh(softplus(x)); }
};

struct GeluOp {
    explicit GeluOp(const NodeDesc& n)
        : tanhApprox(n.getString("approximate", "none") == "tanh") {}
    template <typename T> T operator()(T x) const {
        if (tanhApprox) {
            const T k = T(0.7978845608028654); // sqrt(2 / pi)
            return T(0.5) * x * (T(1) + std::tanh(k * (x + T(0.044715) * x * x * x)));
        }
        return T(0.5) * x * (T(1) + std::erf(x * T(0.7071067811865476)));
    }
    bool tanhApprox;
};

struct ThresholdedReluOp {
    explicit ThresholdedReluOp(const NodeDesc& n)
        : alpha(n.getFloat("alpha", 1.0f)) {}
    template <typename T> T operator()(T x) const { return x > T(alpha) ? x : T(0); }
    float alpha;
};

struct ShrinkOp {
    explicit ShrinkOp(const NodeDesc& n)
        : lambd(n.getFloat("lambd", 0.5f))
        , bias(n.getFloat("bias", 0.0f)) {}
    template <typename T> T operator()(T x) const {
        // Integer inputs compare and shift in double, then convert back (as onnx's reference).
        double v = static_cast<double>(x);
        if (v < -lambd)
            return static_cast<T>(v + bias);
        if (v > lambd)
            return static_cast<T>(v - bias);
        return T(0);
    }
    float lambd, bias;
};

struct SwishOp {
    explicit SwishOp(const NodeDesc& n)
        : alpha(n.getFloat("alpha", 1.0f)) {}
    template <typename T> T operator()(T x) const { return x * sigmoid(T(alpha) * x); }
    float alpha;
};

class PReluKernel final : public Kernel {
public:
    explicit PReluKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        OS_ASSIGN_OR_RETURN(const Tensor* slope, requireInput(context, 1));
        if (x->dataType() != slope->dataType())
            return Status::error("PRelu: slope type " + std::string(dataTypeName(slope->dataType())) +
                                 " differs from input type " + std::string(dataTypeName(x->dataType())));
        OS_ASSIGN_OR_RETURN(BroadcastPlan plan, planBroadcastTo(x->shape(), {x->shape(), slope->shape()}));
        const DataType type = x->dataType();
        auto prelu = [](auto v, auto s) { return v < 0 ? decltype(v)(s * v) : v; };
        if (isNarrowFloat(type)) {
            Tensor a = widenToFloat(*x, context.threadCount()),
                   b = widenToFloat(*slope, context.threadCount());
            Tensor r(DataType::Float, x->shape());
            broadcastBinary(plan, a.data<float>(), b.data<float>(), r.data<float>(), context.threadCount(),
                            prelu);
            context.setOutput(0, narrowFromFloat(r, type, true, context.threadCount()));
            return {};
        }
        bool handled = dispatchNumeric(type, [&](auto tag) {
            using T = typename decltype(tag)::type;
            Tensor& y = context.allocateOutput(0, type, x->shape());
            broadcastBinary(plan, x->data<T>(), slope->data<T>(), y.data<T>(), context.threadCount(), prelu);
        });
        return handled ? Status() : Status::error(typeError("PRelu", type));
    }
};

class ClipKernel final : public Kernel {
public:
    explicit ClipKernel(const NodeDesc& node)
        : m_boundsAsInputs(node.opsetVersion >= 11)
        , m_min(node.getFloat("min", std::numeric_limits<float>::lowest()))
        , m_max(node.getFloat("max", std::numeric_limits<float>::max())) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        const Tensor* lo = m_boundsAsInputs ? context.inputTensor(1) : nullptr;
        const Tensor* hi = m_boundsAsInputs ? context.inputTensor(2) : nullptr;
        for (const Tensor* b : {lo, hi}) {
            if (!b)
                continue;
            if (b->elementCount() != 1)
                return Status::error("Clip: min and max must be scalars, got shape " +
                                     shapeToString(b->shape()));
            if (b->dataType() != x->dataType())
                return Status::error("Clip: bound type " + std::string(dataTypeName(b->dataType())) +
                                     " differs from input type " + std::string(dataTypeName(x->dataType())));
        }
        const DataType type = x->dataType();
        const int threads = context.threadCount();
        if (isNarrowFloat(type)) {
            float l =
                lo ? narrowBitsToFloat(type, lo->rawData(), 0) : -std::numeric_limits<float>::infinity();
            float h = hi ? narrowBitsToFloat(type, hi->rawData(), 0) : std::numeric_limits<float>::infinity();
            Tensor wide = widenToFloat(*x, context.threadCount());
            Tensor r(DataType::Float, x->shape());
            mapElements(wide.data<float>(), r.data<float>(), x->elementCount(), threads,
                        [&](float v) { return std::min(std::max(v, l), h); });
            context.setOutput(0, narrowFromFloat(r, type, true, context.threadCount()));
            return {};
        }
        bool handled = dispatchNumeric(type, [&](auto tag) {
            using T = typename decltype(tag)::type;
            T l = std::numeric_limits<T>::lowest(), h = std::numeric_limits<T>::max();
            if constexpr (std::is_floating_point_v<T>) {
                if (!m_boundsAsInputs) {
                    l = static_cast<T>(m_min);
                    h = static_cast<T>(m_max);
                }
            }
            if (lo)
                l = *lo->data<T>();
            if (hi)
                h = *hi->data<T>();
            Tensor& y = context.allocateOutput(0, type, x->shape());
            mapElements(x->data<T>(), y.data<T>(), x->elementCount(), threads,
                        [&](T v) { return std::min(std::max(v, l), h); });
        });
        return handled ? Status() : Status::error(typeError("Clip", type));
    }

private:
    bool m_boundsAsInputs;
    float m_min, m_max;
};

} // namespace

void registerActivationKernels(KernelRegistry& r) {
    r.add("Relu", 1, &makeUnary<ReluOp, kFloatTypes | kSignedInts>);
    r.add("LeakyRelu", 1, &makeUnary<LeakyReluOp, kFloatTypes>);
    r.add("Elu", 1, &makeUnary<EluOp, kFloatTypes>);
    r.add("Selu", 1, &makeUnary<SeluOp, kFloatTypes>);
    r.add("Celu", 12, &makeUnary<CeluOp, kFloatTypes>);
    r.add("Sigmoid", 1, &makeUnary<SigmoidOp, kFloatTypes>);
    r.add("HardSigmoid", 1, &makeUnary<HardSigmoidOp, kFloatTypes>);
    r.add("HardSwish", 14, &makeUnary<HardSwishOp, kFloatTypes>);
    r.add("Softplus", 1, &makeUnary<SoftplusOp, kFloatTypes>);
    r.add("Softsign", 1, &makeUnary<SoftsignOp, kFloatTypes>);
    r.add("Mish", 18, &makeUnary<MishOp, kFloatTypes>);
    r.add("Gelu", 20, &makeUnary<GeluOp, kFloatTypes>);
    r.add("ThresholdedRelu", 10, &makeUnary<ThresholdedReluOp, kFloatTypes>);
    r.add("Shrink", 9, &makeUnary<ShrinkOp, kAllNumeric>);
    r.add("Swish", 24, &makeUnary<SwishOp, kFloatTypes>);
    r.add("PRelu", 1, &makeKernel<PReluKernel>);
    r.add("Clip", 1, &makeKernel<ClipKernel>);
}

} // namespace onnxscope
