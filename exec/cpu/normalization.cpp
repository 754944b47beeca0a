// Normalization kernels: BatchNormalization (inference and training_mode), InstanceNormalization,
// LayerNormalization, GroupNormalization, RMSNormalization, MeanVarianceNormalization,
// LpNormalization and LRN. All compute in float (accumulating in double) and narrow the result
// back to the input type.
#include "normalization.h"

#include "exec/cpu/broadcast.h"
#include "exec/cpu/nn_util.h"
#include "exec/cpu/vector_math.h"
#include "exec/kernel.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace onnxscope {

namespace {

std::string typeError(const std::string& op, DataType type) {
    return op + " does not support element type " + std::string(dataTypeName(type));
}

// Expands `t` (broadcastable to `target`, right-aligned) to a dense float vector of target's size.
Result<std::vector<float>> expandTo(const Tensor& t, const Shape& target, const std::string& what) {
    if (static_cast<size_t>(t.rank()) > target.size()) {
        // Leading ones are harmless ([1,1,C] scale for an axis=-1 layer norm).
        for (int i = 0; i < t.rank() - static_cast<int>(target.size()); ++i)
            if (t.dim(i) != 1)
                return Status::error(what + " of shape " + shapeToString(t.shape()) +
                                     " does not broadcast to " + shapeToString(target));
    }
    Shape s(t.shape().end() - std::min<size_t>(t.shape().size(), target.size()), t.shape().end());
    auto b = broadcastShapes(s, target);
    if (!b.ok() || *b != target)
        return Status::error(what + " of shape " + shapeToString(t.shape()) + " does not broadcast to " +
                             shapeToString(target));
    Tensor f = toFloat(t);
    int64_t total = 1;
    for (int64_t d : target)
        total *= d;
    std::vector<float> out(static_cast<size_t>(total));
    BroadcastIterator it(target, {s});
    const float* src = f.data<float>();
    it.forEachRun([&](int64_t o, const int64_t* in, int64_t len, const int64_t* inner) {
        for (int64_t i = 0; i < len; ++i)
            out[static_cast<size_t>(o + i)] = src[in[0] + i * inner[0]];
    });
    return out;
}

class BatchNormKernel final : public Kernel {
public:
    explicit BatchNormKernel(const NodeDesc& node)
        : m_epsilon(node.getFloat("epsilon", 1e-5f))
        , m_momentum(node.getFloat("momentum", 0.9f))
        , m_training(node.getInt("training_mode", 0) != 0 && node.opsetVersion >= 14)
        , m_spatial(node.opsetVersion < 9 ? node.getInt("spatial", 1) != 0 : true) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        for (int i = 0; i < 5; ++i)
            if (!ctx.inputTensor(i))
                return Status::error("BatchNormalization needs 5 inputs");
        if (!isFloatLike(x->dataType()))
            return Status::error(typeError("BatchNormalization", x->dataType()));
        if (x->rank() < 2)
            return Status::error("BatchNormalization input must have rank >= 2");
        const int64_t N = x->dim(0), C = x->dim(1);
        const int64_t plane = x->elementCount() / std::max<int64_t>(1, N * C);
        // spatial=0 (opset < 9) keeps one statistic per (C, D1...) element.
        const int64_t statSize = m_spatial ? C : C * plane;
        const int64_t inner = m_spatial ? plane : 1;
        std::vector<std::vector<float>> p(4);
        for (int i = 0; i < 4; ++i) {
            Tensor t = toFloat(*ctx.inputTensor(i + 1));
            if (t.elementCount() != statSize)
                return Status::error("BatchNormalization input " + std::to_string(i + 1) + " has " +
                                     std::to_string(t.elementCount()) + " elements, expected " +
                                     std::to_string(statSize));
            p[static_cast<size_t>(i)].assign(t.data<float>(), t.data<float>() + statSize);
        }
        Tensor fx = toFloat(*x);
        const float* xd = fx.data<float>();
        std::vector<float>& mean = p[2];
        std::vector<float>& var = p[3];
        std::vector<float> batchMean, batchVar;
        if (m_training) {
            batchMean.assign(static_cast<size_t>(statSize), 0.0f);
            batchVar.assign(static_cast<size_t>(statSize), 0.0f);
            const double count = static_cast<double>(N * inner);
            for (int64_t c = 0; c < statSize; ++c) {
                double s = 0, sq = 0;
                for (int64_t n = 0; n < N; ++n)
                    for (int64_t i = 0; i < inner; ++i) {
                        const double v = xd[(n * statSize + c) * inner + i];
                        s += v;
                        sq += v * v;
                    }
                const double m = s / count;
                batchMean[c] = static_cast<float>(m);
                batchVar[c] = static_cast<float>(std::max(0.0, sq / count - m * m));
            }
        }
        const std::vector<float>& useMean = m_training ? batchMean : mean;
        const std::vector<float>& useVar = m_training ? batchVar : var;
        Tensor y(DataType::Float, x->shape());
        float* yd = y.data<float>();
#pragma omp parallel for num_threads(ctx.threadCount()) if (ctx.threadCount() > 1)
        for (int64_t nc = 0; nc < N * statSize; ++nc) {
            const int64_t c = nc % statSize;
            const float a = p[0][c] / std::sqrt(useVar[c] + m_epsilon);
            const float b = p[1][c] - useMean[c] * a;
            for (int64_t i = 0; i < inner; ++i)
                yd[nc * inner + i] = xd[nc * inner + i] * a + b;
        }
        ctx.setOutput(0, fromFloat(y, x->dataType()));
        if (m_training) {
            const DataType statType = ctx.inputTensor(3)->dataType();
            Shape statShape = ctx.inputTensor(3)->shape();
            for (int k = 0; k < 2 && k + 1 < ctx.outputCount(); ++k) {
                Tensor r(DataType::Float, statShape);
                const auto& input = k == 0 ? mean : var;
                const auto& current = k == 0 ? batchMean : batchVar;
                for (int64_t c = 0; c < statSize; ++c)
                    r.data<float>()[c] = input[c] * m_momentum + current[c] * (1.0f - m_momentum);
                ctx.setOutput(k + 1, fromFloat(r, statType));
            }
        }
        return Status();
    }

private:
    float m_epsilon, m_momentum;
    bool m_training, m_spatial;
};

class InstanceNormKernel final : public Kernel {
public:
    explicit InstanceNormKernel(const NodeDesc& node)
        : m_epsilon(node.getFloat("epsilon", 1e-5f)) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* scale = ctx.inputTensor(1);
        const Tensor* bias = ctx.inputTensor(2);
        if (!x || !scale || !bias)
            return Status::error("InstanceNormalization needs input, scale and B");
        if (!isFloatLike(x->dataType()))
            return Status::error(typeError("InstanceNormalization", x->dataType()));
        if (x->rank() < 3)
            return Status::error("InstanceNormalization input must have rank >= 3");
        const int64_t N = x->dim(0), C = x->dim(1), plane = x->elementCount() / std::max<int64_t>(1, N * C);
        if (scale->elementCount() != C || bias->elementCount() != C)
            return Status::error("InstanceNormalization scale and B must have " + std::to_string(C) +
                                 " elements");
        Tensor fx = toFloat(*x), fs = toFloat(*scale), fb = toFloat(*bias);
        Tensor y(DataType::Float, x->shape());
        normalizePlanes(
            fx.data<float>(), y.data<float>(), N * C, plane, m_epsilon, ctx.threadCount(),
            [&](int64_t p) { return fs.data<float>()[p % C]; },
            [&](int64_t p) { return fb.data<float>()[p % C]; });
        ctx.setOutput(0, fromFloat(y, x->dataType()));
        return Status();
    }

    // y = (x - mean) / sqrt(var + eps) * scale(plane) + bias(plane), per contiguous plane.
    template <typename ScaleFn, typename BiasFn>
    static void normalizePlanes(const float* x, float* y, int64_t planes, int64_t size, float eps,
                                int threads, ScaleFn scale, BiasFn bias) {
#pragma omp parallel for num_threads(threads) if (threads > 1 && planes > 1)
        for (int64_t p = 0; p < planes; ++p) {
            const float* xp = x + p * size;
            double s = 0;
            for (int64_t i = 0; i < size; ++i)
                s += xp[i];
            const double mean = s / static_cast<double>(size);
            double sq = 0;
            for (int64_t i = 0; i < size; ++i)
                sq += (xp[i] - mean) * (xp[i] - mean);
            const double inv = 1.0 / std::sqrt(sq / static_cast<double>(size) + eps);
            const float a = static_cast<float>(inv) * scale(p);
            const float b = bias(p) - static_cast<float>(mean) * a;
            for (int64_t i = 0; i < size; ++i)
                y[p * size + i] = xp[i] * a + b;
        }
    }

private:
    float m_epsilon;
};

// LayerNormalization and RMSNormalization: normalize over dims [axis, rank).
class LayerNormKernel final : public Kernel {
public:
    LayerNormKernel(const NodeDesc& node, bool rms)
        : m_axis(node.getInt("axis", -1))
        , m_epsilon(node.getFloat("epsilon", 1e-5f))
        , m_rms(rms) {}
    Status compute(KernelContext& ctx) const override {
        const char* op = m_rms ? "RMSNormalization" : "LayerNormalization";
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* scale = ctx.inputTensor(1);
        const Tensor* bias = m_rms ? nullptr : ctx.inputTensor(2);
        if (!x || !scale)
            return Status::error(std::string(op) + " needs X and Scale");
        if (!isFloatLike(x->dataType()))
            return Status::error(typeError(op, x->dataType()));
        OS_ASSIGN_OR_RETURN(int axis, resolveAxis(m_axis, x->rank(), std::string(op) + " axis"));
        const Shape normShape(x->shape().begin() + axis, x->shape().end());
        int64_t size = 1;
        for (int64_t d : normShape)
            size *= d;
        const int64_t outer = size ? x->elementCount() / size : 0;
        OS_ASSIGN_OR_RETURN(std::vector<float> s, expandTo(*scale, normShape, std::string(op) + " Scale"));
        std::vector<float> b;
        if (bias) {
            OS_ASSIGN_OR_RETURN(b, expandTo(*bias, normShape, std::string(op) + " B"));
        }
        const DataType type = x->dataType();
        const Shape xShape = x->shape();
        // Row by row, so a float x can take the result where this is its last read (x's pointer
        // is then no longer valid).
        Tensor fx, y;
        const float* xd = nullptr;
        if (type == DataType::Float) {
            OutputOverInput over = outputOverInput(ctx, 0);
            y = std::move(over.output);
            xd = static_cast<const float*>(over.source);
        } else {
            fx = toFloat(*x);
            y = Tensor::uninitialized(DataType::Float, xShape);
            xd = std::as_const(fx).data<float>();
        }
        Shape statShape(xShape.begin(), xShape.begin() + axis);
        statShape.resize(xShape.size(), 1);
        Tensor meanT(DataType::Float, statShape), invT(DataType::Float, statShape);
        float* yd = y.data<float>();
#pragma omp parallel for num_threads(ctx.threadCount()) if (ctx.threadCount() > 1 && outer > 1)
        for (int64_t o = 0; o < outer; ++o)
            vecmath::layerNormRow(xd + o * size, s.data(), b.empty() ? nullptr : b.data(), yd + o * size,
                                  size, m_epsilon, m_rms, &meanT.data<float>()[o], &invT.data<float>()[o]);
        ctx.setOutput(0, fromFloat(y, type));
        if (!m_rms && ctx.outputCount() > 1)
            ctx.setOutput(1, meanT);
        if (!m_rms && ctx.outputCount() > 2)
            ctx.setOutput(2, invT);
        return Status();
    }

private:
    int64_t m_axis;
    float m_epsilon;
    bool m_rms;
};

template <bool Rms> Result<std::unique_ptr<Kernel>> makeLayerNorm(const NodeDesc& node) {
    return std::unique_ptr<Kernel>(new LayerNormKernel(node, Rms));
}

class GroupNormKernel final : public Kernel {
public:
    explicit GroupNormKernel(const NodeDesc& node)
        : m_groups(node.getInt("num_groups", 0))
        , m_epsilon(node.getFloat("epsilon", 1e-5f)) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* scale = ctx.inputTensor(1);
        const Tensor* bias = ctx.inputTensor(2);
        if (!x || !scale || !bias)
            return Status::error("GroupNormalization needs X, scale and bias");
        if (!isFloatLike(x->dataType()))
            return Status::error(typeError("GroupNormalization", x->dataType()));
        if (x->rank() < 2)
            return Status::error("GroupNormalization input must have rank >= 2");
        const int64_t N = x->dim(0), C = x->dim(1);
        if (m_groups <= 0 || C % m_groups != 0)
            return Status::error("num_groups " + std::to_string(m_groups) + " must divide the " +
                                 std::to_string(C) + " channels");
        // Opset 18 had one scale per group, opset 21 one per channel.
        const bool perChannel = scale->elementCount() == C;
        if ((!perChannel && scale->elementCount() != m_groups) ||
            bias->elementCount() != scale->elementCount())
            return Status::error("GroupNormalization scale and bias must have C or num_groups elements");
        const int64_t plane = x->elementCount() / std::max<int64_t>(1, N * C);
        const int64_t cpg = C / m_groups;
        Tensor fx = toFloat(*x), fs = toFloat(*scale), fb = toFloat(*bias);
        const float* xd = fx.data<float>();
        Tensor y(DataType::Float, x->shape());
        float* yd = y.data<float>();
        const int64_t size = cpg * plane;
#pragma omp parallel for num_threads(ctx.threadCount()) if (ctx.threadCount() > 1)
        for (int64_t ng = 0; ng < N * m_groups; ++ng) {
            const float* xp = xd + ng * size;
            double s = 0, sq = 0;
            for (int64_t i = 0; i < size; ++i)
                s += xp[i];
            const double mean = s / static_cast<double>(size);
            for (int64_t i = 0; i < size; ++i)
                sq += (xp[i] - mean) * (xp[i] - mean);
            const float inv = static_cast<float>(1.0 / std::sqrt(sq / static_cast<double>(size) + m_epsilon));
            const int64_t g = ng % m_groups;
            for (int64_t c = 0; c < cpg; ++c) {
                const int64_t k = perChannel ? g * cpg + c : g;
                const float a = inv * fs.data<float>()[k], b = fb.data<float>()[k];
                for (int64_t i = 0; i < plane; ++i) {
                    const int64_t idx = ng * size + c * plane + i;
                    yd[idx] = (xd[idx] - static_cast<float>(mean)) * a + b;
                }
            }
        }
        ctx.setOutput(0, fromFloat(y, x->dataType()));
        return Status();
    }

private:
    int64_t m_groups;
    float m_epsilon;
};

class MvnKernel final : public Kernel {
public:
    explicit MvnKernel(const NodeDesc& node)
        : m_axes(node.getInts("axes", {0, 2, 3})) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        if (!x || !isFloatLike(x->dataType()))
            return Status::error("MeanVarianceNormalization needs a float input");
        const int rank = x->rank();
        std::vector<bool> reduced(static_cast<size_t>(rank), false);
        for (int64_t a : m_axes) {
            OS_ASSIGN_OR_RETURN(int axis, resolveAxis(a, rank, "MeanVarianceNormalization axes entry"));
            reduced[static_cast<size_t>(axis)] = true;
        }
        // Stats index of each element: its index with the reduced axes dropped.
        std::vector<int64_t> statStride(static_cast<size_t>(rank), 0);
        int64_t statCount = 1;
        for (int d = rank; d-- > 0;)
            if (!reduced[static_cast<size_t>(d)]) {
                statStride[static_cast<size_t>(d)] = statCount;
                statCount *= x->dim(d);
            }
        const int64_t total = x->elementCount();
        std::vector<int64_t> key(static_cast<size_t>(total));
        {
            std::vector<int64_t> index(static_cast<size_t>(rank), 0);
            int64_t k = 0;
            for (int64_t i = 0; i < total; ++i) {
                key[static_cast<size_t>(i)] = k;
                for (int d = rank; d-- > 0;) {
                    k += statStride[static_cast<size_t>(d)];
                    if (++index[static_cast<size_t>(d)] < x->dim(d))
                        break;
                    k -= statStride[static_cast<size_t>(d)] * x->dim(d);
                    index[static_cast<size_t>(d)] = 0;
                }
            }
        }
        Tensor fx = toFloat(*x);
        const float* xd = fx.data<float>();
        std::vector<double> sum(static_cast<size_t>(statCount), 0), sq(static_cast<size_t>(statCount), 0);
        std::vector<int64_t> count(static_cast<size_t>(statCount), 0);
        for (int64_t i = 0; i < total; ++i) {
            const size_t k = static_cast<size_t>(key[static_cast<size_t>(i)]);
            sum[k] += xd[i];
            sq[k] += double(xd[i]) * xd[i];
            ++count[k];
        }
        Tensor y(DataType::Float, x->shape());
        for (int64_t i = 0; i < total; ++i) {
            const size_t k = static_cast<size_t>(key[static_cast<size_t>(i)]);
            const double mean = sum[k] / static_cast<double>(count[k]);
            const double std = std::sqrt(std::max(0.0, sq[k] / static_cast<double>(count[k]) - mean * mean));
            y.data<float>()[i] = static_cast<float>((xd[i] - mean) / (std + 1e-9));
        }
        ctx.setOutput(0, fromFloat(y, x->dataType()));
        return Status();
    }

private:
    std::vector<int64_t> m_axes;
};

class LpNormKernel final : public Kernel {
public:
    explicit LpNormKernel(const NodeDesc& node)
        : m_axis(node.getInt("axis", -1))
        , m_p(node.getInt("p", 2)) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        if (!x || !isFloatLike(x->dataType()))
            return Status::error("LpNormalization needs a float input");
        if (m_p != 1 && m_p != 2)
            return Status::error("LpNormalization p must be 1 or 2, got " + std::to_string(m_p));
        OS_ASSIGN_OR_RETURN(int axis, resolveAxis(m_axis, x->rank(), "LpNormalization axis"));
        const int64_t n = x->rank() ? x->dim(axis) : 1;
        int64_t inner = 1;
        for (int d = axis + 1; d < x->rank(); ++d)
            inner *= x->dim(d);
        const int64_t outer = (n * inner) != 0 ? x->elementCount() / (n * inner) : 0;
        Tensor fx = toFloat(*x);
        Tensor y(DataType::Float, x->shape());
        const float* xd = fx.data<float>();
        float* yd = y.data<float>();
        for (int64_t o = 0; o < outer; ++o)
            for (int64_t i = 0; i < inner; ++i) {
                double norm = 0;
                for (int64_t k = 0; k < n; ++k) {
                    const double v = xd[(o * n + k) * inner + i];
                    norm += m_p == 1 ? std::fabs(v) : v * v;
                }
                if (m_p == 2)
                    norm = std::sqrt(norm);
                for (int64_t k = 0; k < n; ++k) {
                    const int64_t idx = (o * n + k) * inner + i;
                    yd[idx] = norm == 0 ? 0.0f : static_cast<float>(xd[idx] / norm);
                }
            }
        ctx.setOutput(0, fromFloat(y, x->dataType()));
        return Status();
    }

private:
    int64_t m_axis, m_p;
};

class LrnKernel final : public Kernel {
public:
    explicit LrnKernel(const NodeDesc& node)
        : m_alpha(node.getFloat("alpha", 1e-4f))
        , m_beta(node.getFloat("beta", 0.75f))
        , m_bias(node.getFloat("bias", 1.0f))
        , m_size(node.getInt("size", 0)) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        if (!x || !isFloatLike(x->dataType()))
            return Status::error("LRN needs a float input");
        if (x->rank() < 3 || m_size <= 0)
            return Status::error("LRN needs rank >= 3 input and a positive size");
        const int64_t N = x->dim(0), C = x->dim(1), plane = x->elementCount() / std::max<int64_t>(1, N * C);
        const int64_t before = (m_size - 1) / 2, after = m_size - 1 - before;
        Tensor fx = toFloat(*x);
        Tensor y(DataType::Float, x->shape());
        const float* xd = fx.data<float>();
        float* yd = y.data<float>();
#pragma omp parallel for num_threads(ctx.threadCount()) if (ctx.threadCount() > 1)
        for (int64_t nc = 0; nc < N * C; ++nc) {
            const int64_t n = nc / C, c = nc % C;
            for (int64_t i = 0; i < plane; ++i) {
                double sq = 0;
                for (int64_t k = std::max<int64_t>(0, c - before); k <= std::min(C - 1, c + after); ++k) {
                    const double v = xd[(n * C + k) * plane + i];
                    sq += v * v;
                }
                yd[nc * plane + i] =
                    static_cast<float>(xd[nc * plane + i] / std::pow(m_bias + m_alpha / m_size * sq, m_beta));
            }
        }
        ctx.setOutput(0, fromFloat(y, x->dataType()));
        return Status();
    }

private:
    float m_alpha, m_beta, m_bias;
    int64_t m_size;
};

} // namespace

void registerNormalizationKernels(KernelRegistry& registry) {
    registry.add("BatchNormalization", 1, &makeKernel<BatchNormKernel>);
    registry.add("InstanceNormalization", 1, &makeKernel<InstanceNormKernel>);
    registry.add("LayerNormalization", 17, &makeLayerNorm<false>);
    registry.add("RMSNormalization", 23, &makeLayerNorm<true>);
    registry.add("GroupNormalization", 18, &makeKernel<GroupNormKernel>);
    registry.add("MeanVarianceNormalization", 1, &makeKernel<MvnKernel>);
    registry.add("LpNormalization", 1, &makeKernel<LpNormKernel>);
    registry.add("LRN", 1, &makeKernel<LrnKernel>);
}

} // namespace onnxscope
