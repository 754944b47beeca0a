// Attention (opset 23-25): 3-D or 4-D Q/K/V, grouped-query heads, past/present KV cache,
// boolean or additive masks (padded to the total length), causal masking and left/right
// sliding windows aligned to the cache end, nonpad_kv_seqlen, softcap, and the
// qk_matmul_output modes; and RotaryEmbedding.
// Follows the onnx reference, including zeros (not NaN) for fully masked rows.
#include "attention.h"

#include "exec/cpu/gemm.h"
#include "exec/cpu/nn_util.h"
#include "exec/kernel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace onnxscope {

namespace {

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

// [B, S, H*D] -> [B, H, S, D]
Tensor splitHeads(const Tensor& t, int64_t heads) {
    const int64_t B = t.dim(0), S = t.dim(1), D = t.dim(2) / heads;
    Tensor out(DataType::Float, {B, heads, S, D});
    for (int64_t b = 0; b < B; ++b)
        for (int64_t s = 0; s < S; ++s)
            for (int64_t h = 0; h < heads; ++h)
                std::copy_n(t.data<float>() + ((b * S + s) * heads + h) * D, D,
                            out.data<float>() + ((b * heads + h) * S + s) * D);
    return out;
}

// [B, H, S, D] -> [B, S, H*D]
Tensor mergeHeads(const Tensor& t) {
    const int64_t B = t.dim(0), H = t.dim(1), S = t.dim(2), D = t.dim(3);
    Tensor out(DataType::Float, {B, S, H * D});
    for (int64_t b = 0; b < B; ++b)
        for (int64_t h = 0; h < H; ++h)
            for (int64_t s = 0; s < S; ++s)
                std::copy_n(t.data<float>() + ((b * H + h) * S + s) * D, D,
                            out.data<float>() + ((b * S + s) * H + h) * D);
    return out;
}

// Concatenates past [B, H, P, D] and current [B, H, S, D] along the sequence.
Tensor concatSeq(const Tensor* past, const Tensor& cur) {
    if (!past)
        return cur;
    const int64_t B = cur.dim(0), H = cur.dim(1), P = past->dim(2), S = cur.dim(2), D = cur.dim(3);
    Tensor out(DataType::Float, {B, H, P + S, D});
    for (int64_t bh = 0; bh < B * H; ++bh) {
        std::copy_n(past->data<float>() + bh * P * D, P * D, out.data<float>() + bh * (P + S) * D);
        std::copy_n(cur.data<float>() + bh * S * D, S * D, out.data<float>() + bh * (P + S) * D + P * D);
    }
    return out;
}

class AttentionKernel final : public Kernel {
public:
    explicit AttentionKernel(const NodeDesc& node)
        : m_causal(node.getInt("is_causal", 0) != 0)
        , m_qHeads(node.getInt("q_num_heads", 0))
        , m_kvHeads(node.getInt("kv_num_heads", 0))
        , m_mode(node.getInt("qk_matmul_output_mode", 0))
        , m_hasScale(node.hasAttribute("scale"))
        , m_scale(node.getFloat("scale", 1.0f))
        , m_softcap(node.getFloat("softcap", 0.0f))
        , m_leftWindow(node.getInt("left_window_size", -1))
        , m_rightWindow(node.getInt("right_window_size", -1)) {}

    Status compute(KernelContext& ctx) const override {
        const Tensor* q0 = ctx.inputTensor(0);
        const Tensor* k0 = ctx.inputTensor(1);
        const Tensor* v0 = ctx.inputTensor(2);
        if (!q0 || !k0 || !v0)
            return Status::error("Attention needs Q, K and V");
        const DataType type = q0->dataType();
        if (!isFloatLike(type))
            return Status::error("Attention does not support element type " +
                                 std::string(dataTypeName(type)));
        const int rank = q0->rank();
        if ((rank != 3 && rank != 4) || k0->rank() != rank || v0->rank() != rank)
            return Status::error("Attention Q, K and V must all be 3-D or all 4-D");
        Tensor q = toFloat(*q0), k = toFloat(*k0), v = toFloat(*v0);
        if (rank == 3) {
            if (m_qHeads <= 0 || m_kvHeads <= 0)
                return Status::error("Attention with 3-D inputs needs q_num_heads and kv_num_heads");
            if (q.dim(2) % m_qHeads || k.dim(2) % m_kvHeads || v.dim(2) % m_kvHeads)
                return Status::error("Attention hidden sizes are not divisible by the head counts");
            q = splitHeads(q, m_qHeads);
            k = splitHeads(k, m_kvHeads);
            v = splitHeads(v, m_kvHeads);
        }
        const int64_t B = q.dim(0), Hq = q.dim(1), Sq = q.dim(2), D = q.dim(3);
        const int64_t Hkv = k.dim(1), Dv = v.dim(3);
        if (k.dim(0) != B || v.dim(0) != B || k.dim(3) != D || v.dim(1) != Hkv || v.dim(2) != k.dim(2))
            return Status::error("Attention K/V shapes " + shapeToString(k0->shape()) + ", " +
                                 shapeToString(v0->shape()) + " do not match Q " +
                                 shapeToString(q0->shape()));
        if (Hkv <= 0 || Hq % Hkv != 0)
            return Status::error("Attention q heads " + std::to_string(Hq) +
                                 " are not a multiple of kv heads " + std::to_string(Hkv));
        const Tensor* pastK = ctx.inputTensor(4);
        const Tensor* pastV = ctx.inputTensor(5);
        Tensor pk, pv;
        if (pastK) {
            pk = toFloat(*pastK);
            if (pk.rank() != 4 || pk.dim(0) != B || pk.dim(1) != Hkv || pk.dim(3) != D)
                return Status::error("Attention past_key shape " + shapeToString(pk.shape()) +
                                     " does not match K");
        }
        if (pastV) {
            pv = toFloat(*pastV);
            if (pv.rank() != 4 || pv.dim(0) != B || pv.dim(1) != Hkv || pv.dim(3) != Dv ||
                (pastK && pv.dim(2) != pk.dim(2)))
                return Status::error("Attention past_value shape " + shapeToString(pv.shape()) +
                                     " does not match V");
        }
        const int64_t past = pastK ? pk.dim(2) : 0;
        Tensor presentK = concatSeq(pastK ? &pk : nullptr, k);
        Tensor presentV = concatSeq(pastV ? &pv : nullptr, v);
        const int64_t T = presentK.dim(2);

        // Additive bias [B, Hq, Sq, T] built from mask, causality and nonpad lengths.
        std::vector<int64_t> nonpad;
        if (const Tensor* np = ctx.inputTensor(6)) {
            OS_ASSIGN_OR_RETURN(nonpad, readInts(*np, "Attention nonpad_kv_seqlen"));
            if (static_cast<int64_t>(nonpad.size()) != B)
                return Status::error("Attention nonpad_kv_seqlen must have " + std::to_string(B) +
                                     " entries");
        }
        const Tensor* mask = ctx.inputTensor(3);
        Tensor fmask;
        std::vector<int64_t> maskStrides(4, 0);
        int64_t maskLast = T;
        const bool boolMask = mask && mask->dataType() == DataType::Bool;
        if (mask) {
            if (mask->rank() < 1 || mask->rank() > 4)
                return Status::error("Attention attn_mask must have rank 1 to 4");
            fmask = boolMask ? Tensor() : toFloat(*mask);
            const Shape full{B, Hq, Sq, T};
            int64_t stride = 1;
            for (int i = mask->rank() - 1, d = 3; i >= 0; --i, --d) {
                const int64_t n = mask->dim(i);
                const int64_t want = d == 3 ? n : full[static_cast<size_t>(d)];
                if (d == 3 ? n > T : (n != 1 && n != want))
                    return Status::error("Attention attn_mask shape " + shapeToString(mask->shape()) +
                                         " does not broadcast to " + shapeToString(full));
                maskStrides[static_cast<size_t>(d)] = n == 1 && d != 3 ? 0 : stride;
                stride *= n;
            }
            maskLast = mask->dim(mask->rank() - 1);
        }
        auto biasAt = [&](int64_t b, int64_t h, int64_t i, int64_t j) -> float {
            float bias = 0;
            if (mask) {
                if (j >= maskLast) {
                    bias = kNegInf; // the mask is padded to the total length with "masked"
                } else {
                    const int64_t off =
                        b * maskStrides[0] + h * maskStrides[1] + i * maskStrides[2] + j * maskStrides[3];
                    bias =
                        boolMask ? (mask->data<uint8_t>()[off] ? 0.0f : kNegInf) : fmask.data<float>()[off];
                }
            }
            // Query i sits at absolute position i + offset: after the cache, or (external cache)
            // at the end of the valid keys.
            const int64_t offset = !pastK && !nonpad.empty() ? nonpad[static_cast<size_t>(b)] - Sq : past;
            const int64_t position = i + offset;
            if (m_causal && j > position)
                bias = kNegInf;
            if ((m_leftWindow >= 0 && position - j > m_leftWindow) ||
                (m_rightWindow >= 0 && j - position > m_rightWindow))
                bias = kNegInf;
            if (!nonpad.empty() && j >= nonpad[static_cast<size_t>(b)])
                bias = kNegInf;
            return bias;
        };

        const float scale = m_hasScale ? m_scale : 1.0f / std::sqrt(static_cast<float>(D));
        const bool wantQk = ctx.outputCount() > 3;
        Tensor y(DataType::Float, {B, Hq, Sq, Dv});
        Tensor qkOut(DataType::Float, {B, Hq, Sq, T});
        const int64_t group = Hq / Hkv;
        const int threads = ctx.threadCount();
#pragma omp parallel for num_threads(threads) if (threads > 1 && B * Hq > 1)
        for (int64_t bh = 0; bh < B * Hq; ++bh) {
            const int64_t b = bh / Hq, h = bh % Hq, kvh = h / group;
            std::vector<float> scores(static_cast<size_t>(Sq * T)), probs(static_cast<size_t>(Sq * T));
            gemm<float>(false, true, Sq, T, D, scale, q.data<float>() + bh * Sq * D, D,
                        presentK.data<float>() + (b * Hkv + kvh) * T * D, D, 0.0f, scores.data(), T, 1);
            float* qk = qkOut.data<float>() + bh * Sq * T;
            for (int64_t i = 0; i < Sq; ++i) {
                float* row = scores.data() + i * T;
                float* p = probs.data() + i * T;
                float rowMax = kNegInf;
                for (int64_t j = 0; j < T; ++j) {
                    if (m_softcap > 0)
                        row[j] = m_softcap * std::tanh(row[j] / m_softcap);
                    const float withBias = row[j] + biasAt(b, h, i, j);
                    if (m_mode == 2)
                        qk[i * T + j] = withBias;
                    else if (m_mode != 3)
                        qk[i * T + j] = row[j];
                    p[j] = withBias;
                    rowMax = std::max(rowMax, withBias);
                }
                // A fully masked row attends to nothing: zeros, not NaN.
                double sum = 0;
                for (int64_t j = 0; j < T; ++j) {
                    p[j] = rowMax == kNegInf ? 0.0f : std::exp(p[j] - rowMax);
                    sum += p[j];
                }
                for (int64_t j = 0; j < T; ++j) {
                    p[j] = sum > 0 ? static_cast<float>(p[j] / sum) : 0.0f;
                    if (m_mode == 3)
                        qk[i * T + j] = p[j];
                }
            }
            gemm<float>(false, false, Sq, Dv, T, 1.0f, probs.data(), T,
                        presentV.data<float>() + (b * Hkv + kvh) * T * Dv, Dv, 0.0f,
                        y.data<float>() + bh * Sq * Dv, Dv, 1);
        }
        ctx.setOutput(0, fromFloat(rank == 3 ? mergeHeads(y) : y, type));
        if (ctx.outputCount() > 1)
            ctx.setOutput(1, fromFloat(presentK, type));
        if (ctx.outputCount() > 2)
            ctx.setOutput(2, fromFloat(presentV, type));
        if (wantQk)
            ctx.setOutput(3, fromFloat(qkOut, type));
        return Status();
    }

private:
    bool m_causal;
    int64_t m_qHeads, m_kvHeads, m_mode;
    bool m_hasScale;
    float m_scale, m_softcap;
    int64_t m_leftWindow, m_rightWindow; // sliding window (opset 25); -1 is unbounded
};

class RotaryEmbeddingKernel final : public Kernel {
public:
    explicit RotaryEmbeddingKernel(const NodeDesc& node)
        : m_interleaved(node.getInt("interleaved", 0) != 0)
        , m_heads(node.getInt("num_heads", 0))
        , m_rotaryDim(node.getInt("rotary_embedding_dim", 0)) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x0 = ctx.inputTensor(0);
        const Tensor* cos0 = ctx.inputTensor(1);
        const Tensor* sin0 = ctx.inputTensor(2);
        const Tensor* pos0 = ctx.inputTensor(3);
        if (!x0 || !cos0 || !sin0)
            return Status::error("RotaryEmbedding needs X, cos_cache and sin_cache");
        if (!isFloatLike(x0->dataType()))
            return Status::error("RotaryEmbedding needs a float input");
        if (x0->rank() != 3 && x0->rank() != 4)
            return Status::error("RotaryEmbedding input must be 3-D or 4-D");
        // Work in [B, S, H, D] layout.
        Tensor x = toFloat(*x0);
        int64_t B = x.dim(0), S, H, D;
        if (x.rank() == 4) {
            H = x.dim(1);
            S = x.dim(2);
            D = x.dim(3);
        } else {
            if (m_heads <= 0 || x.dim(2) % m_heads)
                return Status::error(
                    "RotaryEmbedding with 3-D input needs num_heads dividing the hidden size");
            S = x.dim(1);
            H = m_heads;
            D = x.dim(2) / m_heads;
        }
        const int64_t rot = m_rotaryDim > 0 ? m_rotaryDim : D;
        if (rot > D || rot % 2)
            return Status::error("RotaryEmbedding rotary_embedding_dim " + std::to_string(rot) +
                                 " must be even and at most the head size " + std::to_string(D));
        const int64_t half = rot / 2;
        Tensor cs = toFloat(*cos0), sn = toFloat(*sin0);
        if (cs.shape() != sn.shape() || cs.dim(cs.rank() - 1) < half)
            return Status::error("RotaryEmbedding cos_cache/sin_cache shapes " + shapeToString(cs.shape()) +
                                 ", " + shapeToString(sn.shape()) + " do not fit rotary dim " +
                                 std::to_string(rot));
        std::vector<int64_t> pos;
        if (pos0) {
            OS_ASSIGN_OR_RETURN(pos, readInts(*pos0, "RotaryEmbedding position_ids"));
            if (static_cast<int64_t>(pos.size()) != B * S || cs.rank() != 2)
                return Status::error("RotaryEmbedding position_ids must be [B, S] with a 2-D cache");
        } else if (cs.rank() != 3 || cs.dim(0) != B || cs.dim(1) != S) {
            return Status::error("RotaryEmbedding without position_ids needs caches of shape [B, S, rot/2]");
        }
        const int64_t cacheRow = cs.dim(cs.rank() - 1);
        Tensor y(DataType::Float, x.shape());
        const bool heads4d = x.rank() == 4;
        for (int64_t b = 0; b < B; ++b)
            for (int64_t s = 0; s < S; ++s) {
                int64_t row = b * S + s;
                if (pos0) {
                    row = pos[static_cast<size_t>(b * S + s)];
                    if (row < 0 || row >= cs.dim(0))
                        return Status::error("RotaryEmbedding position id " + std::to_string(row) +
                                             " is outside the cache");
                }
                const float* c = cs.data<float>() + row * cacheRow;
                const float* sv = sn.data<float>() + row * cacheRow;
                for (int64_t h = 0; h < H; ++h) {
                    const int64_t off = heads4d ? ((b * H + h) * S + s) * D : ((b * S + s) * H + h) * D;
                    const float* in = x.data<float>() + off;
                    float* out = y.data<float>() + off;
                    for (int64_t i = 0; i < half; ++i) {
                        const int64_t i1 = m_interleaved ? 2 * i : i,
                                      i2 = m_interleaved ? 2 * i + 1 : i + half;
                        out[i1] = c[i] * in[i1] - sv[i] * in[i2];
                        out[i2] = sv[i] * in[i1] + c[i] * in[i2];
                    }
                    std::copy(in + rot, in + D, out + rot);
                }
            }
        ctx.setOutput(0, fromFloat(y, x0->dataType()));
        return Status();
    }

private:
    bool m_interleaved;
    int64_t m_heads, m_rotaryDim;
};

} // namespace

void registerAttentionKernels(KernelRegistry& registry) {
    registry.add("Attention", 23, &makeKernel<AttentionKernel>);
    registry.add("RotaryEmbedding", 23, &makeKernel<RotaryEmbeddingKernel>);
}

} // namespace onnxscope
