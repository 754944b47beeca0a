// FlexAttention (ai.onnx.preview, version 1): scaled dot-product attention over rank-4 Q/K/V with
// optional modifier subgraphs:
//   Scores = (Q @ Kᵀ) * scale            scale defaults to 1/sqrt(head_size)
//   Scores = score_mod(Scores)           graph attribute, whole [B, Hq, L, S] tensor in and out
//   Probs  = Softmax(Scores, axis=-1)
//   Probs  = prob_mod(Probs)             graph attribute, same shape
//   Y      = Probs @ V
// K/V heads are shared by contiguous groups of query heads (GQA). Scores and probabilities have
// the softmax_precision element type (float for non-double inputs, double for double); the
// modifiers see that type. A row whose scores are all -inf gives NaN, as Softmax does.
#include "compute_type.h"
#include "sequence_model_kernels.h"

#include "exec/cpu/gemm.h"
#include "exec/graph_body.h"
#include "exec/kernel_registry.h"
#include "type_dispatch.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace onnxscope {

namespace {

const char* const kOp = "FlexAttention";

class FlexAttentionKernel final : public Kernel {
public:
    FlexAttentionKernel(std::optional<float> scale, int64_t precision,
                        std::shared_ptr<const GraphBody> scoreMod, std::shared_ptr<const GraphBody> probMod)
        : m_scale(scale)
        , m_precision(precision)
        , m_scoreMod(std::move(scoreMod))
        , m_probMod(std::move(probMod)) {}

    static Result<std::unique_ptr<Kernel>> create(const NodeDesc& node) {
        std::shared_ptr<const GraphBody> mods[2];
        const char* const modNames[2] = {"score_mod", "prob_mod"};
        for (int i = 0; i < 2; ++i) {
            const Attribute* a = node.attribute(modNames[i]);
            if (!a)
                continue;
            if (a->type != Attribute::Type::Graph || !a->graph)
                return Status::error(std::string(kOp) + ": attribute " + modNames[i] + " is not a graph");
            if (a->graph->inputCount() != 1 || a->graph->outputCount() != 1)
                return Status::error(std::string(kOp) + ": " + modNames[i] +
                                     " must take one input and return one output, it has " +
                                     std::to_string(a->graph->inputCount()) + " and " +
                                     std::to_string(a->graph->outputCount()));
            mods[i] = a->graph;
        }
        const int64_t precision = node.getInt("softmax_precision", 0);
        const DataType p = static_cast<DataType>(precision);
        if (precision != 0 && p != DataType::Float && p != DataType::Double && p != DataType::Float16 &&
            p != DataType::BFloat16)
            return Status::error(std::string(kOp) + ": softmax_precision " + std::to_string(precision) +
                                 " is not float, float16, bfloat16 or double");
        std::optional<float> scale;
        if (node.hasAttribute("scale"))
            scale = node.getFloat("scale", 1.0f);
        return std::unique_ptr<Kernel>(new FlexAttentionKernel(scale, precision, mods[0], mods[1]));
    }

    Status compute(KernelContext& ctx) const override {
        const Tensor* q = ctx.inputTensor(0);
        const Tensor* k = ctx.inputTensor(1);
        const Tensor* v = ctx.inputTensor(2);
        if (!q || !k || !v)
            return Status::error(std::string(kOp) + ": missing required input " +
                                 (!q   ? "Q"
                                  : !k ? "K"
                                       : "V"));
        const DataType type = q->dataType();
        OS_RETURN_IF_ERROR(checkFloatInputs(kOp, type, {{k, "K"}, {v, "V"}}));
        for (const auto& [t, name] : {std::pair{q, "Q"}, std::pair{k, "K"}, std::pair{v, "V"}})
            if (t->rank() != 4)
                return Status::error(std::string(kOp) + ": " + name + " must be 4-D, got " +
                                     shapeToString(t->shape()));
        const int64_t B = q->dim(0), Hq = q->dim(1), Hkv = k->dim(1), S = k->dim(2);
        if (k->dim(0) != B || v->dim(0) != B || v->dim(1) != Hkv || v->dim(2) != S || k->dim(3) != q->dim(3))
            return Status::error(std::string(kOp) + ": K " + shapeToString(k->shape()) + " and V " +
                                 shapeToString(v->shape()) + " do not match Q " + shapeToString(q->shape()));
        if (Hkv <= 0 || Hq % Hkv != 0)
            return Status::error(std::string(kOp) + ": Q heads " + std::to_string(Hq) +
                                 " are not a multiple of K/V heads " + std::to_string(Hkv));
        // Scores and probabilities use the softmax precision; narrow precisions compute in float
        // and are rounded where the modifiers see them.
        const DataType precision =
            m_precision != 0 ? static_cast<DataType>(m_precision) : computeTypeOf(type);
        return precision == DataType::Double ? run<double>(ctx, precision) : run<float>(ctx, precision);
    }

private:
    // Runs a modifier on `t` (compute type) in the precision type; the result must keep the shape.
    Result<Tensor> applyMod(KernelContext& ctx, const GraphBody& body, const char* name, const Tensor& t,
                            DataType precision) const {
        OS_ASSIGN_OR_RETURN(Tensor arg, castIfNeeded(t, precision));
        OS_ASSIGN_OR_RETURN(auto outputs, ctx.runGraph(body, {Value(std::move(arg))}));
        if (outputs.size() != 1 || !outputs[0].isTensor())
            return Status::error(std::string(kOp) + ": " + name + " did not return one tensor");
        const Tensor& r = outputs[0].tensor;
        if (r.shape() != t.shape())
            return Status::error(std::string(kOp) + ": " + name + " returned shape " +
                                 shapeToString(r.shape()) + ", expected " + shapeToString(t.shape()));
        if (!isFloatLike(r.dataType()))
            return Status::error(std::string(kOp) + ": " + name + " returned element type " +
                                 std::string(dataTypeName(r.dataType())));
        return castIfNeeded(r, t.dataType());
    }

    template <typename T> Status run(KernelContext& ctx, DataType precision) const {
        const DataType compute = dataTypeOf<T>();
        Tensor in[3];
        for (int i = 0; i < 3; ++i) {
            OS_ASSIGN_OR_RETURN(in[i], castIfNeeded(*ctx.inputTensor(i), compute));
        }
        const Tensor &q = in[0], &k = in[1], &v = in[2];
        const int64_t B = q.dim(0), Hq = q.dim(1), L = q.dim(2), D = q.dim(3);
        const int64_t Hkv = k.dim(1), S = k.dim(2), Dv = v.dim(3), group = Hq / Hkv;
        const T scale = m_scale ? T(*m_scale) : T(1) / std::sqrt(T(D));
        const int threads = ctx.threadCount();
        const bool roundScores = precision != compute; // float16/bfloat16 softmax precision

        Tensor scores(compute, {B, Hq, L, S});
#pragma omp parallel for num_threads(threads) if (threads > 1 && B * Hq > 1)
        for (int64_t bh = 0; bh < B * Hq; ++bh) {
            const int64_t kvh = (bh / Hq) * Hkv + (bh % Hq) / group;
            gemm<T>(false, true, L, S, D, scale, q.data<T>() + bh * L * D, D, k.data<T>() + kvh * S * D, D,
                    T(0), scores.data<T>() + bh * L * S, S, 1);
        }
        if (m_scoreMod) {
            OS_ASSIGN_OR_RETURN(scores, applyMod(ctx, *m_scoreMod, "score_mod", scores, precision));
        } else if (roundScores) {
            OS_ASSIGN_OR_RETURN(scores, castIfNeeded(scores, precision));
            OS_ASSIGN_OR_RETURN(scores, castIfNeeded(scores, compute));
        }

        T* p = scores.data<T>(); // softmax in place, row by row
#pragma omp parallel for num_threads(threads) if (threads > 1 && B * Hq * L * S >= 32768)
        for (int64_t row = 0; row < B * Hq * L; ++row) {
            T* x = p + row * S;
            T rowMax = -std::numeric_limits<T>::infinity();
            for (int64_t j = 0; j < S; ++j)
                rowMax = std::max(rowMax, x[j]);
            T sum = 0;
            for (int64_t j = 0; j < S; ++j) {
                x[j] = std::exp(x[j] - rowMax); // NaN for an all -inf row, as Softmax gives
                sum += x[j];
            }
            for (int64_t j = 0; j < S; ++j)
                x[j] /= sum;
        }
        Tensor probs = std::move(scores);
        if (m_probMod) {
            OS_ASSIGN_OR_RETURN(probs, applyMod(ctx, *m_probMod, "prob_mod", probs, precision));
        } else if (roundScores) {
            OS_ASSIGN_OR_RETURN(probs, castIfNeeded(probs, precision));
            OS_ASSIGN_OR_RETURN(probs, castIfNeeded(probs, compute));
        }

        Tensor y(compute, {B, Hq, L, Dv});
#pragma omp parallel for num_threads(threads) if (threads > 1 && B * Hq > 1)
        for (int64_t bh = 0; bh < B * Hq; ++bh) {
            const int64_t kvh = (bh / Hq) * Hkv + (bh % Hq) / group;
            gemm<T>(false, false, L, Dv, S, T(1), probs.data<T>() + bh * L * S, S, v.data<T>() + kvh * S * Dv,
                    Dv, T(0), y.data<T>() + bh * L * Dv, Dv, 1);
        }
        OS_ASSIGN_OR_RETURN(Tensor out, castIfNeeded(y, ctx.inputTensor(0)->dataType()));
        ctx.setOutput(0, std::move(out));
        return Status();
    }

    std::optional<float> m_scale;
    int64_t m_precision; // a DataType, 0 for the default
    std::shared_ptr<const GraphBody> m_scoreMod, m_probMod;
};

} // namespace

void registerFlexAttentionKernel(KernelRegistry& r) {
    r.add("FlexAttention", 1, &FlexAttentionKernel::create, "ai.onnx.preview");
}

} // namespace onnxscope
