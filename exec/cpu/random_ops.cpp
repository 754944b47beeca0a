// Dropout and the random generators: RandomUniform(Like), RandomNormal(Like), Bernoulli,
// Multinomial.
//
// With a seed, draws follow numpy's legacy RandomState (MT19937 seeded with init_genrand, 53-bit
// doubles from two 32-bit words, polar Box-Muller normals), which is how the ONNX reference
// produced the expected outputs of the seeded tests (e.g. training-mode Dropout). Without a
// seed, the generator is seeded from std::random_device.
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>

namespace onnxscope {

namespace {

class NumpyRandom {
public:
    explicit NumpyRandom(std::optional<double> seed)
        : m_engine(seed ? static_cast<uint32_t>(static_cast<int64_t>(*seed)) : std::random_device{}()) {}
    double uniform() // [0, 1)
    {
        const uint32_t a = static_cast<uint32_t>(m_engine()) >> 5, b = static_cast<uint32_t>(m_engine()) >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
    double normal() {
        if (m_hasGauss) {
            m_hasGauss = false;
            return m_gauss;
        }
        double x1, x2, r2;
        do {
            x1 = 2.0 * uniform() - 1.0;
            x2 = 2.0 * uniform() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        const double f = std::sqrt(-2.0 * std::log(r2) / r2);
        m_gauss = f * x1;
        m_hasGauss = true;
        return f * x2;
    }

private:
    std::mt19937 m_engine;
    bool m_hasGauss = false;
    double m_gauss = 0;
};

std::optional<double> seedOf(const NodeDesc& node) {
    const Attribute* a = node.attribute("seed");
    if (!a)
        return std::nullopt;
    return a->type == Attribute::Type::Int ? static_cast<double>(a->i) : static_cast<double>(a->f);
}

Result<DataType> dtypeOf(int64_t value, DataType fallback) {
    if (value < 0)
        return fallback;
    auto t = dataTypeFromInt(static_cast<int32_t>(value));
    if (!t || !isNumericType(*t))
        return Status::error("unsupported dtype " + std::to_string(value));
    return *t;
}

class DropoutKernel final : public Kernel {
public:
    explicit DropoutKernel(const NodeDesc& node)
        : m_opset(node.opsetVersion)
        , m_ratioAttr(node.getFloat("ratio", 0.5f))
        , m_seed(seedOf(node)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "data"));
        double ratio = m_ratioAttr;
        bool training = false;
        if (m_opset >= 12) {
            ratio = 0.5;
            if (const Tensor* r = context.inputTensor(1); r && r->elementCount() > 0)
                ratio = r->elementAsDouble(0);
            if (const Tensor* t = context.inputTensor(2); t && t->elementCount() > 0)
                training = t->elementAsDouble(0) != 0;
        }
        if (ratio < 0 || ratio >= 1)
            return Status::error("ratio " + std::to_string(ratio) + " must be in [0, 1)");
        const DataType maskType = m_opset >= 10 ? DataType::Bool : x->dataType();
        if (!training || ratio == 0) {
            context.setOutput(0, Value(*x));
            if (context.outputCount() > 1) {
                Tensor& mask = context.allocateOutput(1, maskType, x->shape());
                for (int64_t i = 0; i < mask.elementCount(); ++i)
                    setElementFromDouble(mask, i, 1.0);
            }
            return {};
        }
        if (!isFloatingPoint(x->dataType()))
            return Status::error("training-mode Dropout needs a floating-point input");
        NumpyRandom rng(m_seed);
        Tensor& y = context.allocateOutput(0, x->dataType(), x->shape());
        Tensor* mask = context.outputCount() > 1 ? &context.allocateOutput(1, maskType, x->shape()) : nullptr;
        const double scale = 1.0 / (1.0 - ratio);
        for (int64_t i = 0; i < x->elementCount(); ++i) {
            const bool keep = rng.uniform() >= ratio;
            setElementFromDouble(y, i, keep ? x->elementAsDouble(i) * scale : 0.0);
            if (mask)
                setElementFromDouble(*mask, i, keep ? 1.0 : 0.0);
        }
        return {};
    }

private:
    int m_opset;
    float m_ratioAttr;
    std::optional<double> m_seed;
};

// RandomUniform, RandomNormal and their *Like forms.
class RandomKernel final : public Kernel {
public:
    RandomKernel(const NodeDesc& node, bool normal, bool like)
        : m_normal(normal)
        , m_like(like)
        , m_dtype(node.getInt("dtype", -1))
        , m_shape(node.getInts("shape"))
        , m_a(normal ? node.getFloat("mean", 0.f) : node.getFloat("low", 0.f))
        , m_b(normal ? node.getFloat("scale", 1.f) : node.getFloat("high", 1.f))
        , m_seed(seedOf(node)) {}
    Status compute(KernelContext& context) const override {
        Shape shape = m_shape;
        DataType fallback = DataType::Float;
        if (m_like) {
            OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "input"));
            shape = x->shape();
            fallback = x->dataType();
        }
        OS_ASSIGN_OR_RETURN(DataType type, dtypeOf(m_dtype, fallback));
        if (!isFloatingPoint(type))
            return Status::error("random values need a floating-point dtype, got " +
                                 std::string(dataTypeName(type)));
        Tensor& out = context.allocateOutput(0, type, shape);
        NumpyRandom rng(m_seed);
        for (int64_t i = 0; i < out.elementCount(); ++i) {
            const double v = m_normal ? m_a + m_b * rng.normal() : m_a + (m_b - m_a) * rng.uniform();
            setElementFromDouble(out, i, v);
        }
        return {};
    }

private:
    bool m_normal, m_like;
    int64_t m_dtype;
    Shape m_shape;
    double m_a, m_b;
    std::optional<double> m_seed;
};

class BernoulliKernel final : public Kernel {
public:
    explicit BernoulliKernel(const NodeDesc& node)
        : m_dtype(node.getInt("dtype", -1))
        , m_seed(seedOf(node)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "input"));
        OS_ASSIGN_OR_RETURN(DataType type, dtypeOf(m_dtype, x->dataType()));
        Tensor& out = context.allocateOutput(0, type, x->shape());
        NumpyRandom rng(m_seed);
        for (int64_t i = 0; i < x->elementCount(); ++i) {
            const double p = x->elementAsDouble(i);
            if (!(p >= 0 && p <= 1))
                return Status::error("probability " + std::to_string(p) + " at index " + std::to_string(i) +
                                     " is outside [0, 1]");
            setElementFromDouble(out, i, rng.uniform() < p ? 1.0 : 0.0);
        }
        return {};
    }

private:
    int64_t m_dtype;
    std::optional<double> m_seed;
};

class MultinomialKernel final : public Kernel {
public:
    explicit MultinomialKernel(const NodeDesc& node)
        : m_dtype(node.getInt("dtype", static_cast<int64_t>(DataType::Int32)))
        , m_samples(node.getInt("sample_size", 1))
        , m_seed(seedOf(node)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "input"));
        if (x->rank() != 2)
            return Status::error("input must be [batch, classes], got " + shapeToString(x->shape()));
        if (m_dtype != static_cast<int64_t>(DataType::Int32) &&
            m_dtype != static_cast<int64_t>(DataType::Int64))
            return Status::error("dtype must be int32 or int64");
        if (m_samples < 1)
            return Status::error("sample_size must be positive");
        const int64_t batch = x->dim(0), classes = x->dim(1);
        Tensor& out = context.allocateOutput(0, static_cast<DataType>(m_dtype), {batch, m_samples});
        NumpyRandom rng(m_seed);
        std::vector<double> cdf(static_cast<size_t>(classes));
        for (int64_t b = 0; b < batch; ++b) {
            // Inputs are unnormalized log-probabilities.
            double maxLog = -INFINITY;
            for (int64_t c = 0; c < classes; ++c)
                maxLog = std::max(maxLog, x->elementAsDouble(b * classes + c));
            double total = 0;
            for (int64_t c = 0; c < classes; ++c) {
                total += std::exp(x->elementAsDouble(b * classes + c) - maxLog);
                cdf[c] = total;
            }
            for (int64_t s = 0; s < m_samples; ++s) {
                const double u = rng.uniform() * total;
                const int64_t c = std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin();
                setElementFromDouble(out, b * m_samples + s, static_cast<double>(std::min(c, classes - 1)));
            }
        }
        return {};
    }

private:
    int64_t m_dtype;
    int64_t m_samples;
    std::optional<double> m_seed;
};

template <bool Normal, bool Like> Result<std::unique_ptr<Kernel>> makeRandom(const NodeDesc& node) {
    return std::unique_ptr<Kernel>(new RandomKernel(node, Normal, Like));
}

} // namespace

void registerRandomOps(KernelRegistry& registry) {
    registry.add("Dropout", 1, &makeKernel<DropoutKernel>);
    registry.add("RandomUniform", 1, &makeRandom<false, false>);
    registry.add("RandomNormal", 1, &makeRandom<true, false>);
    registry.add("RandomUniformLike", 1, &makeRandom<false, true>);
    registry.add("RandomNormalLike", 1, &makeRandom<true, true>);
    registry.add("Bernoulli", 15, &makeKernel<BernoulliKernel>);
    registry.add("Multinomial", 7, &makeKernel<MultinomialKernel>);
}

} // namespace onnxscope
