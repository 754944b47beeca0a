// Binary elementwise ops with numpy broadcasting: arithmetic (Add, Sub, Mul, Div, Mod, Pow),
// bit operations (BitShift, BitwiseAnd/Or/Xor), logic (And, Or, Xor) and comparisons (Equal,
// Less, LessOrEqual, Greater, GreaterOrEqual). Integer arithmetic wraps like two's complement
// hardware; integer division or modulo by zero is an error rather than a crash.
#include "math_kernels.h"
#include "unary_kernel.h"

#include "exec/kernel_registry.h"

#include <cmath>
#include <type_traits>

namespace onnxscope {

namespace {

enum class BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    BitShiftLeft,
    BitShiftRight,
    BitwiseAnd,
    BitwiseOr,
    BitwiseXor,
    And,
    Or,
    Xor,
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
};

bool isComparison(BinaryOp op) {
    return op >= BinaryOp::Equal;
}

BinaryOp opFromNode(const NodeDesc& node) {
    static const std::pair<const char*, BinaryOp> table[] = {
        {"Add", BinaryOp::Add},
        {"Sub", BinaryOp::Sub},
        {"Mul", BinaryOp::Mul},
        {"Div", BinaryOp::Div},
        {"Mod", BinaryOp::Mod},
        {"BitwiseAnd", BinaryOp::BitwiseAnd},
        {"BitwiseOr", BinaryOp::BitwiseOr},
        {"BitwiseXor", BinaryOp::BitwiseXor},
        {"And", BinaryOp::And},
        {"Or", BinaryOp::Or},
        {"Xor", BinaryOp::Xor},
        {"Equal", BinaryOp::Equal},
        {"Less", BinaryOp::Less},
        {"LessOrEqual", BinaryOp::LessOrEqual},
        {"Greater", BinaryOp::Greater},
        {"GreaterOrEqual", BinaryOp::GreaterOrEqual},
    };
    if (node.opType == "BitShift")
        return node.getString("direction", "") == "LEFT" ? BinaryOp::BitShiftLeft : BinaryOp::BitShiftRight;
    for (const auto& [name, op] : table)
        if (node.opType == name)
            return op;
    return BinaryOp::Add;
}

template <typename T> using Wide = std::conditional_t<std::is_integral_v<T>, std::make_unsigned_t<T>, T>;

template <typename T> bool containsZero(const Tensor& t) {
    for (T v : t.values<T>())
        if (v == T(0))
            return true;
    return false;
}

class BinaryKernel final : public Kernel {
public:
    explicit BinaryKernel(const NodeDesc& node)
        : m_op(opFromNode(node))
        , m_fmod(node.getInt("fmod", 0) != 0)
        , m_opType(node.opType) {}

    static Result<std::unique_ptr<Kernel>> create(const NodeDesc& node) {
        if (node.opType == "BitShift") {
            std::string dir = node.getString("direction", "");
            if (dir != "LEFT" && dir != "RIGHT")
                return Status::error("BitShift: direction must be LEFT or RIGHT, got '" + dir + "'");
        }
        return std::unique_ptr<Kernel>(new BinaryKernel(node));
    }

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* a, requireInput(context, 0));
        OS_ASSIGN_OR_RETURN(const Tensor* b, requireInput(context, 1));
        const DataType type = a->dataType();
        if (b->dataType() != type)
            return Status::error(m_opType + ": input types differ (" + std::string(dataTypeName(type)) +
                                 " and " + std::string(dataTypeName(b->dataType())) + ")");
        OS_ASSIGN_OR_RETURN(BroadcastPlan plan, planBroadcast({a->shape(), b->shape()}));
        const DataType outType = isComparison(m_op) ? DataType::Bool : type;
        if (isNarrowFloat(type)) {
            Tensor wa = widenToFloat(*a, context.threadCount()), wb = widenToFloat(*b, context.threadCount());
            if (outType == DataType::Bool) {
                Tensor& y = context.allocateOutput(0, DataType::Bool, plan.outputShape);
                return computeTyped<float>(plan, wa, wb, y, context.threadCount());
            }
            Tensor r(DataType::Float, plan.outputShape);
            OS_RETURN_IF_ERROR(computeTyped<float>(plan, wa, wb, r, context.threadCount()));
            context.setOutput(0, narrowFromFloat(r, type, true, context.threadCount()));
            return {};
        }
        if (type == DataType::String) {
            if (m_op != BinaryOp::Equal)
                return Status::error(typeError(m_opType.c_str(), type));
            Tensor& y = context.allocateOutput(0, DataType::Bool, plan.outputShape);
            broadcastBinary(plan, a->data<std::string>(), b->data<std::string>(), y.data<uint8_t>(),
                            context.threadCount(),
                            [](const std::string& x, const std::string& z) -> uint8_t { return x == z; });
            return {};
        }
        const DataType dispatchType = type == DataType::Bool ? DataType::Uint8 : type;
        Status status = Status::error(typeError(m_opType.c_str(), type));
        dispatchNumeric(dispatchType, [&](auto tag) {
            using T = typename decltype(tag)::type;
            // Every element is written, so the output is not zeroed first.
            Tensor y = Tensor::uninitialized(outType, plan.outputShape);
            status = computeTyped<T>(plan, *a, *b, y, context.threadCount());
            if (status.ok())
                context.setOutput(0, Value(std::move(y)));
        });
        return status;
    }

private:
    template <typename T>
    Status computeTyped(const BroadcastPlan& plan, const Tensor& a, const Tensor& b, Tensor& y,
                        int threads) const {
        const bool isBool = a.dataType() == DataType::Bool;
        const T* pa = a.data<T>();
        const T* pb = b.data<T>();
        auto run = [&](auto f) {
            using R = decltype(f(T(), T()));
            broadcastBinary(plan, pa, pb, y.data<R>(), threads, f);
            return Status();
        };
        auto unsupported = [&] { return Status::error(typeError(m_opType.c_str(), a.dataType())); };
        constexpr bool isInt = std::is_integral_v<T>;
        switch (m_op) {
        case BinaryOp::Equal:
            return run([](T x, T z) -> uint8_t { return x == z; });
        case BinaryOp::Less:
            return isBool ? unsupported() : run([](T x, T z) -> uint8_t { return x < z; });
        case BinaryOp::LessOrEqual:
            return isBool ? unsupported() : run([](T x, T z) -> uint8_t { return x <= z; });
        case BinaryOp::Greater:
            return isBool ? unsupported() : run([](T x, T z) -> uint8_t { return x > z; });
        case BinaryOp::GreaterOrEqual:
            return isBool ? unsupported() : run([](T x, T z) -> uint8_t { return x >= z; });
        case BinaryOp::And:
        case BinaryOp::Or:
        case BinaryOp::Xor:
            if (!isBool)
                return unsupported();
            if (m_op == BinaryOp::And)
                return run([](T x, T z) -> T { return x && z; });
            if (m_op == BinaryOp::Or)
                return run([](T x, T z) -> T { return x || z; });
            return run([](T x, T z) -> T { return (x != 0) != (z != 0); });
        default:
            break;
        }
        if (isBool)
            return unsupported();
        if constexpr (isInt) {
            using U = Wide<T>;
            switch (m_op) {
            case BinaryOp::Add:
                return run([](T x, T z) { return T(U(x) + U(z)); });
            case BinaryOp::Sub:
                return run([](T x, T z) { return T(U(x) - U(z)); });
            case BinaryOp::Mul:
                return run([](T x, T z) { return T(U(x) * U(z)); });
            case BinaryOp::Div:
            case BinaryOp::Mod:
                if (containsZero<T>(b))
                    return Status::error(m_opType + ": integer division by zero");
                if (m_op == BinaryOp::Div)
                    // x / -1 is negation, spelled out because MIN / -1 traps.
                    return run([](T x, T z) {
                        return std::is_signed_v<T> && z == T(-1) ? T(U(0) - U(x)) : T(x / z);
                    });
                if (m_fmod)
                    return run([](T x, T z) { return std::is_signed_v<T> && z == T(-1) ? T(0) : T(x % z); });
                return run([](T x, T z) {
                    if (std::is_signed_v<T> && z == T(-1))
                        return T(0);
                    T r = T(x % z);
                    if (r != 0 && ((r < 0) != (z < 0)))
                        r = T(r + z);
                    return r;
                });
            case BinaryOp::BitShiftLeft:
            case BinaryOp::BitShiftRight: {
                if (std::is_signed_v<T>)
                    return unsupported();
                constexpr U bits = sizeof(T) * 8;
                if (m_op == BinaryOp::BitShiftLeft)
                    return run([](T x, T z) { return U(z) >= bits ? T(0) : T(U(x) << U(z)); });
                return run([](T x, T z) { return U(z) >= bits ? T(0) : T(U(x) >> U(z)); });
            }
            case BinaryOp::BitwiseAnd:
                return run([](T x, T z) { return T(x & z); });
            case BinaryOp::BitwiseOr:
                return run([](T x, T z) { return T(x | z); });
            case BinaryOp::BitwiseXor:
                return run([](T x, T z) { return T(x ^ z); });
            default:
                return unsupported();
            }
        } else {
            switch (m_op) {
            case BinaryOp::Add:
                return run([](T x, T z) { return x + z; });
            case BinaryOp::Sub:
                return run([](T x, T z) { return x - z; });
            case BinaryOp::Mul:
                return run([](T x, T z) { return x * z; });
            case BinaryOp::Div:
                return run([](T x, T z) { return x / z; });
            case BinaryOp::Mod:
                if (m_fmod)
                    return run([](T x, T z) { return std::fmod(x, z); });
                return run([](T x, T z) {
                    T r = std::fmod(x, z);
                    if (r != 0 && ((r < 0) != (z < 0)))
                        r += z;
                    return r;
                });
            default:
                return unsupported();
            }
        }
    }

    BinaryOp m_op;
    bool m_fmod;
    std::string m_opType;
};

// Pow: the exponent may have another numeric type than the base; the output has the base's.
class PowKernel final : public Kernel {
public:
    explicit PowKernel(const NodeDesc&) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* a, requireInput(context, 0));
        OS_ASSIGN_OR_RETURN(const Tensor* b, requireInput(context, 1));
        OS_ASSIGN_OR_RETURN(BroadcastPlan plan, planBroadcast({a->shape(), b->shape()}));
        Tensor exponent(DataType::Double, b->shape());
        if (!toDouble(*b, exponent.data<double>()))
            return Status::error(typeError("Pow exponent", b->dataType()));
        const double* e = exponent.data<double>();
        const int threads = context.threadCount();
        const DataType type = a->dataType();
        if (isNarrowFloat(type)) {
            Tensor wa = widenToFloat(*a, context.threadCount());
            Tensor r(DataType::Float, plan.outputShape);
            broadcastBinary(plan, wa.data<float>(), e, r.data<float>(), threads,
                            [](float x, double z) { return float(std::pow(double(x), z)); });
            context.setOutput(0, narrowFromFloat(r, type, true, context.threadCount()));
            return {};
        }
        bool handled = dispatchNumeric(type, [&](auto tag) {
            using T = typename decltype(tag)::type;
            Tensor& y = context.allocateOutput(0, type, plan.outputShape);
            broadcastBinary(plan, a->data<T>(), e, y.data<T>(), threads, [](T x, double z) -> T {
                if constexpr (std::is_integral_v<T>) {
                    if (z >= 0 && z == std::floor(z) && z < 4294967296.0) {
                        // Exact integer power by squaring, wrapping like the other integer ops.
                        using U = Wide<T>;
                        U result = 1, base = U(x);
                        for (uint64_t n = uint64_t(z); n; n >>= 1) {
                            if (n & 1)
                                result *= base;
                            base *= base;
                        }
                        return T(result);
                    }
                    double p = std::pow(double(x), z);
                    return std::isfinite(p) ? T(p) : T(0);
                } else {
                    return T(std::pow(x, T(z)));
                }
            });
        });
        return handled ? Status() : Status::error(typeError("Pow", type));
    }

private:
    static bool toDouble(const Tensor& t, double* out) {
        if (isNarrowFloat(t.dataType())) {
            for (int64_t i = 0; i < t.elementCount(); ++i)
                out[i] = narrowBitsToFloat(t.dataType(), t.rawData(), i);
            return true;
        }
        return dispatchNumeric(t.dataType(), [&](auto tag) {
            using T = typename decltype(tag)::type;
            const T* in = t.data<T>();
            for (int64_t i = 0; i < t.elementCount(); ++i)
                out[i] = static_cast<double>(in[i]);
        });
    }
};

} // namespace

void registerBinaryMathKernels(KernelRegistry& r) {
    for (const char* op : {"Add", "Sub", "Mul", "Div", "And", "Or", "Xor", "Equal", "Less", "Greater"})
        r.add(op, 7, &BinaryKernel::create);
    r.add("Mod", 10, &BinaryKernel::create);
    r.add("BitShift", 11, &BinaryKernel::create);
    r.add("LessOrEqual", 12, &BinaryKernel::create);
    r.add("GreaterOrEqual", 12, &BinaryKernel::create);
    for (const char* op : {"BitwiseAnd", "BitwiseOr", "BitwiseXor"})
        r.add(op, 18, &BinaryKernel::create);
    r.add("Pow", 7, &makeKernel<PowKernel>);
}

} // namespace onnxscope
