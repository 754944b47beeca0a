// LinearAttention (opset 27): recurrent linear attention over packed [B, T, H*D] inputs with a
// per-KV-head state S of shape [d_k, d_v] (past_state/present_state [B, H_kv, d_k, d_v]).
// For each step t, with update_rule
//   linear:      S = S + k ⊗ v
//   gated:       S = exp(g) * S + k ⊗ v
//   delta:       S = S + k ⊗ β(v - Sᵀk)
//   gated_delta: S = exp(g) * S, then S = S + k ⊗ β(v - Sᵀk)   (the default)
// and o = scale * qᵀS for every query head sharing the KV head (grouped-query attention: head h
// reads KV head h / (q_num_heads / kv_num_heads)). decay g is per key dimension [B, T, H_kv*d_k]
// or per head [B, T, H_kv]; beta is per head [B, T, H_kv] or shared [B, T, 1]; the optional
// erase_gate [B, T, H_kv*d_k] scales k in the retrieval Sᵀk. Float16/bfloat16 compute in float,
// double in double; present_state takes past_state's element type (query's without one).
#include "compute_type.h"
#include "sequence_model_kernels.h"

#include "exec/kernel_registry.h"
#include "type_dispatch.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace onnxscope {

namespace {

enum Input { kQuery, kKey, kValue, kPastState, kDecay, kBeta, kEraseGate, kInputCount };

struct Dims {
    int64_t B = 0, T = 0, Hq = 0, Hkv = 0, dk = 0, dv = 0;
    bool decayPerHead = false; // decay [B, T, H_kv] rather than [B, T, H_kv*d_k]
    int64_t betaHeads = 0;     // beta's last dim: H_kv or 1
};

// Pointers to the compute-type inputs; decay/beta/erase are null when absent.
template <typename T> struct Inputs { const T *q, *k, *v, *past, *decay, *beta, *erase; };

template <typename T>
void linearAttention(const Inputs<T>& in, const Dims& d, T scale, T* out, T* present, int threads) {
    const int64_t group = d.Hq / d.Hkv;
#pragma omp parallel for num_threads(threads) if (threads > 1 && d.B * d.Hkv > 1)
    for (int64_t bh = 0; bh < d.B * d.Hkv; ++bh) {
        const int64_t b = bh / d.Hkv, kh = bh % d.Hkv;
        T* S = present + bh * d.dk * d.dv; // the state, updated in place
        if (in.past)
            std::copy_n(in.past + bh * d.dk * d.dv, d.dk * d.dv, S);
        else
            std::fill_n(S, d.dk * d.dv, T(0));
        std::vector<T> u(static_cast<size_t>(d.dv)), ke(static_cast<size_t>(d.dk));
        for (int64_t t = 0; t < d.T; ++t) {
            const int64_t row = b * d.T + t;
            const T* k = in.k + (row * d.Hkv + kh) * d.dk;
            const T* v = in.v + (row * d.Hkv + kh) * d.dv;
            if (in.decay) {
                for (int64_t i = 0; i < d.dk; ++i) {
                    const T g =
                        d.decayPerHead ? in.decay[row * d.Hkv + kh] : in.decay[(row * d.Hkv + kh) * d.dk + i];
                    const T factor = std::exp(g);
                    for (int64_t m = 0; m < d.dv; ++m)
                        S[i * d.dv + m] *= factor;
                }
            }
            if (in.beta) {
                const T beta = in.beta[row * d.betaHeads + (d.betaHeads == 1 ? 0 : kh)];
                for (int64_t i = 0; i < d.dk; ++i)
                    ke[static_cast<size_t>(i)] =
                        in.erase ? in.erase[(row * d.Hkv + kh) * d.dk + i] * k[i] : k[i];
                // u = beta * (v - Sᵀ ke)
                for (int64_t m = 0; m < d.dv; ++m)
                    u[static_cast<size_t>(m)] = v[m];
                for (int64_t i = 0; i < d.dk; ++i)
                    for (int64_t m = 0; m < d.dv; ++m)
                        u[static_cast<size_t>(m)] -= S[i * d.dv + m] * ke[static_cast<size_t>(i)];
                for (T& x : u)
                    x *= beta;
            } else {
                std::copy_n(v, d.dv, u.begin());
            }
            for (int64_t i = 0; i < d.dk; ++i)
                for (int64_t m = 0; m < d.dv; ++m)
                    S[i * d.dv + m] += k[i] * u[static_cast<size_t>(m)];
            for (int64_t h = kh * group; h < (kh + 1) * group; ++h) {
                const T* q = in.q + (row * d.Hq + h) * d.dk;
                T* o = out + (row * d.Hq + h) * d.dv;
                std::fill_n(o, d.dv, T(0));
                for (int64_t i = 0; i < d.dk; ++i)
                    for (int64_t m = 0; m < d.dv; ++m)
                        o[m] += q[i] * S[i * d.dv + m];
                for (int64_t m = 0; m < d.dv; ++m)
                    o[m] *= scale;
            }
        }
    }
}

class LinearAttentionKernel final : public Kernel {
public:
    LinearAttentionKernel(int64_t qHeads, int64_t kvHeads, float scale, bool gated, bool delta)
        : m_qHeads(qHeads)
        , m_kvHeads(kvHeads)
        , m_scale(scale)
        , m_gated(gated)
        , m_delta(delta) {}

    static Result<std::unique_ptr<Kernel>> create(const NodeDesc& node) {
        const int64_t qHeads = node.getInt("q_num_heads", 0), kvHeads = node.getInt("kv_num_heads", 0);
        if (!node.hasAttribute("q_num_heads") || !node.hasAttribute("kv_num_heads"))
            return Status::error("LinearAttention: attributes q_num_heads and kv_num_heads are required");
        if (qHeads <= 0 || kvHeads <= 0 || qHeads % kvHeads != 0)
            return Status::error("LinearAttention: q_num_heads (" + std::to_string(qHeads) +
                                 ") must be a positive multiple of kv_num_heads (" + std::to_string(kvHeads) +
                                 ")");
        const std::string rule = node.getString("update_rule", "gated_delta");
        if (rule != "linear" && rule != "gated" && rule != "delta" && rule != "gated_delta")
            return Status::error("LinearAttention: unknown update_rule '" + rule +
                                 "' (expected linear, gated, delta or gated_delta)");
        return std::unique_ptr<Kernel>(new LinearAttentionKernel(
            qHeads, kvHeads, node.getFloat("scale", 0.0f), rule == "gated" || rule == "gated_delta",
            rule == "delta" || rule == "gated_delta"));
    }

    Status compute(KernelContext& ctx) const override {
        const Tensor* in[kInputCount];
        for (int i = 0; i < kInputCount; ++i)
            in[i] = ctx.inputTensor(i);
        static const char* const names[kInputCount] = {"query", "key",  "value",     "past_state",
                                                       "decay", "beta", "erase_gate"};
        for (int i : {kQuery, kKey, kValue})
            if (!in[i])
                return Status::error(std::string("LinearAttention: missing required input ") + names[i]);
        const DataType type = in[kQuery]->dataType();
        OS_RETURN_IF_ERROR(checkFloatInputs("LinearAttention", type,
                                            {{in[kKey], "key"},
                                             {in[kValue], "value"},
                                             {in[kDecay], "decay"},
                                             {in[kBeta], "beta"},
                                             {in[kEraseGate], "erase_gate"}}));
        if (in[kPastState] && !isFloatLike(in[kPastState]->dataType()))
            return Status::error("LinearAttention: past_state has unsupported element type " +
                                 std::string(dataTypeName(in[kPastState]->dataType())));
        if (m_gated != (in[kDecay] != nullptr))
            return Status::error(std::string("LinearAttention: update rule ") +
                                 (m_gated ? "'gated'/'gated_delta' requires" : "'linear'/'delta' forbids") +
                                 " the decay input");
        if (m_delta != (in[kBeta] != nullptr))
            return Status::error(std::string("LinearAttention: update rule ") +
                                 (m_delta ? "'delta'/'gated_delta' requires" : "'linear'/'gated' forbids") +
                                 " the beta input");
        if (in[kEraseGate] && !m_delta)
            return Status::error("LinearAttention: erase_gate needs update rule 'delta' or 'gated_delta'");
        for (int i = 0; i < kInputCount; ++i)
            if (in[i] && i != kPastState && in[i]->rank() != 3)
                return Status::error(std::string("LinearAttention: ") + names[i] +
                                     " must be 3-D (B, T, H*D), got " + shapeToString(in[i]->shape()));

        Dims d;
        d.B = in[kQuery]->dim(0);
        d.T = in[kQuery]->dim(1);
        d.Hq = m_qHeads;
        d.Hkv = m_kvHeads;
        auto packedDim = [&](int input, int64_t heads, int64_t& perHead) -> Status {
            const Tensor& t = *in[input];
            if (t.dim(0) != d.B || t.dim(1) != d.T || t.dim(2) % heads != 0)
                return Status::error(std::string("LinearAttention: ") + names[input] + " shape " +
                                     shapeToString(t.shape()) + " is not (" + std::to_string(d.B) + ", " +
                                     std::to_string(d.T) + ", " + std::to_string(heads) + "*D)");
            perHead = t.dim(2) / heads;
            return Status();
        };
        int64_t keyDim = 0;
        OS_RETURN_IF_ERROR(packedDim(kQuery, d.Hq, d.dk));
        OS_RETURN_IF_ERROR(packedDim(kKey, d.Hkv, keyDim));
        OS_RETURN_IF_ERROR(packedDim(kValue, d.Hkv, d.dv));
        if (keyDim != d.dk)
            return Status::error("LinearAttention: key head size " + std::to_string(keyDim) +
                                 " differs from the query head size " + std::to_string(d.dk));
        if (const Tensor* decay = in[kDecay]) {
            int64_t perHead = 0;
            OS_RETURN_IF_ERROR(packedDim(kDecay, d.Hkv, perHead));
            if (perHead != 1 && perHead != d.dk)
                return Status::error("LinearAttention: decay last dim " + std::to_string(decay->dim(2)) +
                                     " is neither kv_num_heads nor kv_num_heads*d_k");
            d.decayPerHead = perHead == 1;
        }
        if (const Tensor* beta = in[kBeta]) {
            d.betaHeads = beta->dim(2);
            if (beta->dim(0) != d.B || beta->dim(1) != d.T || (d.betaHeads != d.Hkv && d.betaHeads != 1))
                return Status::error("LinearAttention: beta shape " + shapeToString(beta->shape()) +
                                     " is not (" + std::to_string(d.B) + ", " + std::to_string(d.T) +
                                     ", kv_num_heads or 1)");
        }
        if (in[kEraseGate]) {
            int64_t perHead = 0;
            OS_RETURN_IF_ERROR(packedDim(kEraseGate, d.Hkv, perHead));
            if (perHead != d.dk)
                return Status::error("LinearAttention: erase_gate shape " +
                                     shapeToString(in[kEraseGate]->shape()) +
                                     " is not (B, T, kv_num_heads*d_k)");
        }
        const Shape stateShape{d.B, d.Hkv, d.dk, d.dv};
        if (in[kPastState] && in[kPastState]->shape() != stateShape)
            return Status::error("LinearAttention: past_state shape " +
                                 shapeToString(in[kPastState]->shape()) + " is not " +
                                 shapeToString(stateShape));
        return type == DataType::Double ? run<double>(ctx, in, d) : run<float>(ctx, in, d);
    }

private:
    template <typename T> Status run(KernelContext& ctx, const Tensor* const* in, const Dims& d) const {
        const DataType compute = dataTypeOf<T>();
        Tensor cast[kInputCount];
        for (int i = 0; i < kInputCount; ++i) {
            if (in[i]) {
                OS_ASSIGN_OR_RETURN(cast[i], castIfNeeded(*in[i], compute));
            }
        }
        auto ptr = [&](int i) -> const T* { return in[i] ? cast[i].data<T>() : nullptr; };
        const Inputs<T> inputs{ptr(kQuery), ptr(kKey),  ptr(kValue),    ptr(kPastState),
                               ptr(kDecay), ptr(kBeta), ptr(kEraseGate)};
        const T scale = m_scale != 0.0f ? T(m_scale) : T(1) / std::sqrt(T(d.dk));
        Tensor out(compute, {d.B, d.T, d.Hq * d.dv}), present(compute, {d.B, d.Hkv, d.dk, d.dv});
        linearAttention<T>(inputs, d, scale, out.data<T>(), present.data<T>(), ctx.threadCount());
        OS_ASSIGN_OR_RETURN(Tensor outCast, castIfNeeded(out, in[kQuery]->dataType()));
        ctx.setOutput(0, std::move(outCast));
        if (ctx.outputCount() > 1) {
            const DataType stateType = in[kPastState] ? in[kPastState]->dataType() : in[kQuery]->dataType();
            OS_ASSIGN_OR_RETURN(Tensor stateCast, castIfNeeded(present, stateType));
            ctx.setOutput(1, std::move(stateCast));
        }
        return Status();
    }

    int64_t m_qHeads, m_kvHeads;
    float m_scale; // 0: 1/sqrt(d_k)
    bool m_gated, m_delta;
};

} // namespace

void registerLinearAttentionKernel(KernelRegistry& r) {
    r.add("LinearAttention", 27, &LinearAttentionKernel::create);
}

} // namespace onnxscope
