// Elementwise unary math: Abs, Neg, Reciprocal, rounding, Sqrt/Exp/Log, trigonometric and
// hyperbolic functions, Erf, Sign, IsNaN, IsInf, Not and BitwiseNot.
#include "math_kernels.h"
#include "unary_kernel.h"

#include "exec/kernel_registry.h"

#include <cmath>

namespace onnxscope {

namespace {

#define OS_FLOAT_FUNCTOR(Name, expr)                                                                         \
    struct Name {                                                                                            \
        explicit Name(const NodeDesc&) {}                                                                    \
        template <typename T> T operator()(T x) const { return expr; }                                       \
    };

OS_FLOAT_FUNCTOR(ReciprocalOp, T(1) / x)
OS_FLOAT_FUNCTOR(FloorOp, std::floor(x))
OS_FLOAT_FUNCTOR(CeilOp, std::ceil(x))
OS_FLOAT_FUNCTOR(RoundOp, std::nearbyint(x)) // default rounding mode: halves to even, as ONNX asks
OS_FLOAT_FUNCTOR(SqrtOp, std::sqrt(x))
OS_FLOAT_FUNCTOR(LogOp, std::log(x))
OS_FLOAT_FUNCTOR(SinOp, std::sin(x))
OS_FLOAT_FUNCTOR(CosOp, std::cos(x))
OS_FLOAT_FUNCTOR(TanOp, std::tan(x))
OS_FLOAT_FUNCTOR(AsinOp, std::asin(x))
OS_FLOAT_FUNCTOR(AcosOp, std::acos(x))
OS_FLOAT_FUNCTOR(AtanOp, std::atan(x))
OS_FLOAT_FUNCTOR(SinhOp, std::sinh(x))
OS_FLOAT_FUNCTOR(CoshOp, std::cosh(x))
OS_FLOAT_FUNCTOR(TanhOp, std::tanh(x))
OS_FLOAT_FUNCTOR(AsinhOp, std::asinh(x))
OS_FLOAT_FUNCTOR(AcoshOp, std::acosh(x))
OS_FLOAT_FUNCTOR(AtanhOp, std::atanh(x))
#undef OS_FLOAT_FUNCTOR

// Exp and Erf run their float inputs through vector_math.h's loops.
struct ExpOp {
    explicit ExpOp(const NodeDesc&) {}
    static constexpr auto floatRows = &vecmath::exp;
    template <typename T> T operator()(T x) const { return std::exp(x); }
};

struct ErfOp {
    explicit ErfOp(const NodeDesc&) {}
    static constexpr auto floatRows = &vecmath::erf;
    template <typename T> T operator()(T x) const { return std::erf(x); }
};

struct AbsOp {
    explicit AbsOp(const NodeDesc&) {}
    template <typename T> T operator()(T x) const {
        if constexpr (std::is_floating_point_v<T>)
            return std::fabs(x);
        else if constexpr (std::is_unsigned_v<T>)
            return x;
        else // the most negative value stays itself, as in two's complement hardware
            return x < 0 ? static_cast<T>(0 - static_cast<std::make_unsigned_t<T>>(x)) : x;
    }
};

struct NegOp {
    explicit NegOp(const NodeDesc&) {}
    template <typename T> T operator()(T x) const {
        if constexpr (std::is_floating_point_v<T>)
            return -x;
        else
            return static_cast<T>(0 - static_cast<std::make_unsigned_t<T>>(x));
    }
};

struct SignOp {
    explicit SignOp(const NodeDesc&) {}
    template <typename T> T operator()(T x) const {
        if constexpr (std::is_floating_point_v<T>)
            return std::isnan(x) ? x : T((x > 0) - (x < 0));
        else
            return T((x > 0) - (x < T(0)));
    }
};

struct BitwiseNotOp {
    explicit BitwiseNotOp(const NodeDesc&) {}
    template <typename T> T operator()(T x) const {
        if constexpr (std::is_integral_v<T>)
            return static_cast<T>(~x);
        else
            return x;
    }
};

// Float in, bool out: IsNaN and IsInf.
class FloatPredicateKernel final : public Kernel {
public:
    explicit FloatPredicateKernel(const NodeDesc& node)
        : m_isInf(node.opType == "IsInf")
        , m_positive(node.getInt("detect_positive", 1) != 0)
        , m_negative(node.getInt("detect_negative", 1) != 0)
        , m_opType(node.opType) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        if (!isFloatingPoint(x->dataType()))
            return Status::error(typeError(m_opType.c_str(), x->dataType()));
        Tensor& y = context.allocateOutput(0, DataType::Bool, x->shape());
        auto test = [this](double v) -> uint8_t {
            if (!m_isInf)
                return std::isnan(v);
            return std::isinf(v) && ((v > 0 && m_positive) || (v < 0 && m_negative));
        };
        if (x->dataType() == DataType::Double) {
            mapElements(x->data<double>(), y.data<uint8_t>(), x->elementCount(), context.threadCount(), test);
        } else {
            Tensor wide = widenToFloat(*x, context.threadCount());
            mapElements(wide.data<float>(), y.data<uint8_t>(), x->elementCount(), context.threadCount(),
                        [&](float v) { return test(v); });
        }
        return {};
    }

private:
    bool m_isInf, m_positive, m_negative;
    std::string m_opType;
};

class NotKernel final : public Kernel {
public:
    explicit NotKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        if (x->dataType() != DataType::Bool)
            return Status::error(typeError("Not", x->dataType()));
        Tensor& y = context.allocateOutput(0, DataType::Bool, x->shape());
        mapElements(x->data<uint8_t>(), y.data<uint8_t>(), x->elementCount(), context.threadCount(),
                    [](uint8_t v) -> uint8_t { return v ? 0 : 1; });
        return {};
    }
};

} // namespace

void registerUnaryMathKernels(KernelRegistry& r) {
    r.add("Abs", 1, &makeUnary<AbsOp, kAllNumeric>);
    r.add("Neg", 1, &makeUnary<NegOp, kFloatTypes | kSignedInts>);
    r.add("Reciprocal", 1, &makeUnary<ReciprocalOp, kFloatTypes>);
    r.add("Floor", 1, &makeUnary<FloorOp, kFloatTypes>);
    r.add("Ceil", 1, &makeUnary<CeilOp, kFloatTypes>);
    r.add("Round", 11, &makeUnary<RoundOp, kFloatTypes>);
    r.add("Sqrt", 1, &makeUnary<SqrtOp, kFloatTypes>);
    r.add("Exp", 1, &makeUnary<ExpOp, kFloatTypes>);
    r.add("Log", 1, &makeUnary<LogOp, kFloatTypes>);
    r.add("Sin", 7, &makeUnary<SinOp, kFloatTypes>);
    r.add("Cos", 7, &makeUnary<CosOp, kFloatTypes>);
    r.add("Tan", 7, &makeUnary<TanOp, kFloatTypes>);
    r.add("Asin", 7, &makeUnary<AsinOp, kFloatTypes>);
    r.add("Acos", 7, &makeUnary<AcosOp, kFloatTypes>);
    r.add("Atan", 7, &makeUnary<AtanOp, kFloatTypes>);
    r.add("Sinh", 9, &makeUnary<SinhOp, kFloatTypes>);
    r.add("Cosh", 9, &makeUnary<CoshOp, kFloatTypes>);
    r.add("Tanh", 1, &makeUnary<TanhOp, kFloatTypes>);
    r.add("Asinh", 9, &makeUnary<AsinhOp, kFloatTypes>);
    r.add("Acosh", 9, &makeUnary<AcoshOp, kFloatTypes>);
    r.add("Atanh", 9, &makeUnary<AtanhOp, kFloatTypes>);
    r.add("Erf", 9, &makeUnary<ErfOp, kFloatTypes>);
    r.add("Sign", 9, &makeUnary<SignOp, kAllNumeric>);
    r.add("BitwiseNot", 18, &makeUnary<BitwiseNotOp, kSignedInts | kUnsignedInts>);
    r.add("IsNaN", 9, &makeKernel<FloatPredicateKernel>);
    r.add("IsInf", 10, &makeKernel<FloatPredicateKernel>);
    r.add("Not", 1, &makeKernel<NotKernel>);
}

} // namespace onnxscope
