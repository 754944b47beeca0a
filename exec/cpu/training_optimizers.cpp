// The ai.onnx.preview.training optimizers: Adagrad, Momentum (standard and Nesterov) and Adam.
// Each takes a learning rate R, a step count T, then n tensors to optimize followed by their
// gradients and accumulators, and returns the updated tensors and accumulators.
#include "spatial_kernels.h"

#include "exec/cpu/nn_util.h"
#include "exec/kernel.h"

#include <cmath>

namespace onnxscope {

namespace {

constexpr const char* kTrainingDomain = "ai.onnx.preview.training";

enum class Optimizer { Adagrad, Momentum, Adam };

class OptimizerKernel final : public Kernel {
public:
    OptimizerKernel(const NodeDesc& node, Optimizer kind)
        : m_kind(kind)
        , m_decay(node.getFloat("decay_factor", 0.0f))
        , m_epsilon(node.getFloat("epsilon", 1e-6f))
        , m_norm(node.getFloat("norm_coefficient", 0.0f))
        , m_normPost(node.getFloat("norm_coefficient_post", 0.0f))
        , m_alpha(node.getFloat("alpha", kind == Optimizer::Adam ? 0.9f : 0.0f))
        , m_beta(node.getFloat("beta", kind == Optimizer::Adam ? 0.999f : 0.0f))
        , m_nesterov(node.getString("mode", "standard") == "nesterov") {}

    Status compute(KernelContext& ctx) const override {
        const char* op = m_kind == Optimizer::Adagrad    ? "Adagrad"
                         : m_kind == Optimizer::Momentum ? "Momentum"
                                                         : "Adam";
        const int groups = m_kind == Optimizer::Adam ? 4 : 3; // X, G, then one or two accumulators
        const int tensors = ctx.inputCount() - 2;
        if (tensors <= 0 || tensors % groups != 0)
            return Status::error(std::string(op) + " expects R, T and " + std::to_string(groups) +
                                 " inputs per optimized tensor");
        const int n = tensors / groups;
        const Tensor* rT = ctx.inputTensor(0);
        const Tensor* tT = ctx.inputTensor(1);
        if (!rT || !tT || rT->elementCount() != 1 || tT->elementCount() != 1)
            return Status::error(std::string(op) + " R and T must be scalars");
        const double R = rT->elementAsDouble(0);
        const double T = tT->elementAsDouble(0);
        for (int i = 0; i < n; ++i) {
            const Tensor* x = ctx.inputTensor(2 + i);
            const Tensor* g = ctx.inputTensor(2 + n + i);
            const Tensor* a1 = ctx.inputTensor(2 + 2 * n + i);
            const Tensor* a2 = m_kind == Optimizer::Adam ? ctx.inputTensor(2 + 3 * n + i) : nullptr;
            if (!x || !g || !a1 || (m_kind == Optimizer::Adam && !a2))
                return Status::error(std::string(op) + " input group " + std::to_string(i) +
                                     " is incomplete");
            if (g->shape() != x->shape() || a1->shape() != x->shape() || (a2 && a2->shape() != x->shape()))
                return Status::error(std::string(op) + " tensor " + std::to_string(i) +
                                     ": gradient and accumulators must have the shape of X " +
                                     shapeToString(x->shape()));
            if (!isFloatLike(x->dataType()))
                return Status::error(std::string(op) + " needs float tensors");
            Tensor xd = toDouble(*x), gd = toDouble(*g), ad = toDouble(*a1),
                   bd = a2 ? toDouble(*a2) : Tensor();
            Tensor xNew(DataType::Double, x->shape()), aNew(DataType::Double, x->shape()), bNew;
            if (a2)
                bNew = Tensor(DataType::Double, x->shape());
            for (int64_t k = 0; k < x->elementCount(); ++k) {
                const double xv = xd.data<double>()[k];
                const double gReg = m_norm * xv + gd.data<double>()[k];
                const double a = ad.data<double>()[k];
                switch (m_kind) {
                case Optimizer::Adagrad: {
                    const double r = R / (1 + T * m_decay);
                    const double h = a + gReg * gReg;
                    aNew.data<double>()[k] = h;
                    xNew.data<double>()[k] = xv - r * gReg / (std::sqrt(h) + m_epsilon);
                    break;
                }
                case Optimizer::Momentum: {
                    const double beta = T > 0 ? m_beta : 1.0;
                    const double v = m_alpha * a + beta * gReg;
                    aNew.data<double>()[k] = v;
                    xNew.data<double>()[k] = m_nesterov ? xv - R * (gReg + m_alpha * v) : xv - R * v;
                    break;
                }
                case Optimizer::Adam: {
                    const double v = m_alpha * a + (1 - m_alpha) * gReg;
                    const double h = m_beta * bd.data<double>()[k] + (1 - m_beta) * gReg * gReg;
                    const double rAdj =
                        T > 0 ? R * std::sqrt(1 - std::pow(m_beta, T)) / (1 - std::pow(m_alpha, T)) : R;
                    aNew.data<double>()[k] = v;
                    bNew.data<double>()[k] = h;
                    xNew.data<double>()[k] = (1 - m_normPost) * (xv - rAdj * v / (std::sqrt(h) + m_epsilon));
                    break;
                }
                }
            }
            auto narrow = [&](const Tensor& t, DataType type) {
                return type == DataType::Double ? t : fromFloat(toFloat(t), type);
            };
            ctx.setOutput(i, narrow(xNew, x->dataType()));
            if (i + n < ctx.outputCount())
                ctx.setOutput(i + n, narrow(aNew, a1->dataType()));
            if (a2 && i + 2 * n < ctx.outputCount())
                ctx.setOutput(i + 2 * n, narrow(bNew, a2->dataType()));
        }
        return Status();
    }

private:
    Optimizer m_kind;
    float m_decay, m_epsilon, m_norm, m_normPost, m_alpha, m_beta;
    bool m_nesterov;
};

template <Optimizer Kind> Result<std::unique_ptr<Kernel>> makeOptimizer(const NodeDesc& node) {
    return std::unique_ptr<Kernel>(new OptimizerKernel(node, Kind));
}

} // namespace

void registerTrainingKernels(KernelRegistry& registry) {
    registry.add("Adagrad", 1, &makeOptimizer<Optimizer::Adagrad>, kTrainingDomain);
    registry.add("Momentum", 1, &makeOptimizer<Optimizer::Momentum>, kTrainingDomain);
    registry.add("Adam", 1, &makeOptimizer<Optimizer::Adam>, kTrainingDomain);
}

} // namespace onnxscope
