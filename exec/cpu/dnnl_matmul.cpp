// MatMul (numpy batch broadcasting, 1-D operands) and Gemm (transA/transB, alpha, C) on the
// oneDNN matmul primitive, plus an addend fused onto the result (MatMul/Gemm + Add) as the
// primitive's broadcast bias. Constant B is packed into oneDNN's preferred layout once.
#include "exec/cpu/dnnl_kernels.h"

#ifdef ONNXSCOPE_HAVE_DNNL

#include "exec/cpu/dnnl_common.h"
#include "exec/cpu/dnnl_factories.h"
#include "exec/cpu/matmul.h"
#include "exec/cpu/matrix_vector.h"
#include "exec/cpu/tensor_kernel_util.h"

#include <map>
#include <mutex>
#include <optional>

namespace onnxscope {

namespace {

using dnnl::memory;
namespace du = dnnl_util;

constexpr int kMaxRank = 12; // DNNL_MAX_NDIMS

// dims left-padded with 1s to rank, or empty when longer.
memory::dims padTo(const Shape& shape, size_t rank) {
    if (shape.size() > rank)
        return {};
    memory::dims out(rank - shape.size(), 1);
    out.insert(out.end(), shape.begin(), shape.end());
    return out;
}

// Whether `addend` (padded) broadcasts onto dst without growing it.
bool broadcastsOnto(const memory::dims& addend, const memory::dims& dst) {
    if (addend.size() != dst.size())
        return false;
    for (size_t i = 0; i < dst.size(); ++i)
        if (addend[i] != dst[i] && addend[i] != 1)
            return false;
    return true;
}

class DnnlMatMulKernel final : public du::PreparedFastPath {
public:
    DnnlMatMulKernel(const NodeDesc& node, std::unique_ptr<Kernel> reference, bool withAddend)
        : m_gemm(node.opType == "Gemm")
        , m_alpha(node.getFloat("alpha", 1.0f))
        , m_beta(node.getFloat("beta", 1.0f))
        , m_transA(node.getInt("transA", 0) != 0)
        , m_transB(node.getInt("transB", 0) != 0)
        , m_withAddend(withAddend)
        , m_reference(std::move(reference)) {}

    std::string implementation(const KernelContext& ctx) const override {
        std::lock_guard lock(m_mutex);
        const Prepared* p = prepare(ctx);
        return !p ? std::string() : p->vector ? "matrix-vector" : p->implementation;
    }

    void bindConstantInput(int index, const Tensor& value) override {
        std::lock_guard lock(m_mutex);
        if (index == 1)
            m_weights = value;
        m_cache.clear();
    }

    Status compute(KernelContext& ctx) const override {
        std::lock_guard lock(m_mutex);
        Prepared* p = prepare(ctx);
        if (!p)
            return du::runReferenceOr(m_reference.get(), ctx, m_gemm ? "Gemm" : "MatMul");
        du::useThreads(ctx.threadCount());
        const Tensor* a = ctx.inputTensor(0);
        if (p->vector)
            return computeVectorProduct(ctx, *p, *a);
        const Tensor* b = weights(ctx);
        const memory wei = p->weights.get(p->userWeights, *b, m_weights.isValid());
        Tensor y = du::newOutput(ctx, p->outputShape);
        std::unordered_map<int, memory> args{{DNNL_ARG_SRC, du::wrap(p->userSrc, a->rawData())},
                                             {DNNL_ARG_WEIGHTS, wei},
                                             {DNNL_ARG_DST, du::wrap(p->userDst, y.data<float>())}};
        if (p->biasInput >= 0)
            args.emplace(DNNL_ARG_BIAS, du::wrap(p->biasDesc, ctx.inputTensor(p->biasInput)->rawData()));
        du::run(p->primitive, args);
        return {};
    }

private:
    bool isPrepared(const KernelContext& ctx) const override { return prepare(ctx) != nullptr; }

    // A single row of A (the classifier Gemm at batch 1): B's columns as rows, read once front
    // to back, instead of oneDNN's packed layout (0.45 -> 0.3 ms for mobilenet_v2's 1280x1000
    // weights, which the rest of a run has evicted from the caches).
    struct VectorProduct {
        Tensor rows;        // [N, K]: B itself under transB, else constant B transposed once
        int biasInput = -1; // C or the fused addend: N values, or one for all
        float alpha = 1.0f; // Gemm's factors
        float beta = 1.0f;
    };

    struct Prepared {
        Shape outputShape;
        std::optional<VectorProduct> vector;
        dnnl::matmul primitive;
        memory::desc userSrc, userWeights, userDst, biasDesc;
        int biasInput = -1; // C or the fused addend
        du::PackedWeights weights;
        std::string implementation;
    };

    const Tensor* weights(const KernelContext& ctx) const {
        return m_weights.isValid() ? &m_weights : ctx.inputTensor(1);
    }

    Prepared* prepare(const KernelContext& ctx) const {
        const Tensor* a = ctx.inputTensor(0);
        const Tensor* b = weights(ctx);
        const Tensor* c = m_gemm ? ctx.inputTensor(2) : nullptr;
        const Tensor* addend = m_withAddend ? ctx.inputTensor(3) : nullptr;
        if (!a || !b || a->dataType() != DataType::Float || b->dataType() != DataType::Float ||
            (c && c->dataType() != DataType::Float) || (m_withAddend && !addend) ||
            (addend && addend->dataType() != DataType::Float))
            return nullptr;
        std::vector<int64_t> key = a->shape();
        key.push_back(-1);
        key.insert(key.end(), b->shape().begin(), b->shape().end());
        for (const Tensor* t : {c, addend}) {
            key.push_back(t ? -2 : -3);
            if (t)
                key.insert(key.end(), t->shape().begin(), t->shape().end());
        }
        key.push_back(du::useThreads(ctx.threadCount()));
        auto it = m_cache.find(key);
        if (it == m_cache.end())
            it = m_cache.emplace(key, create(*a, *b, c, addend)).first;
        return it->second.get();
    }

    Status computeVectorProduct(KernelContext& ctx, const Prepared& p, const Tensor& a) const {
        const VectorProduct& v = *p.vector;
        const int64_t n = v.rows.dim(0), k = v.rows.dim(1);
        const Tensor* bias = v.biasInput >= 0 ? ctx.inputTensor(v.biasInput) : nullptr;
        const bool biasPerColumn = bias && bias->elementCount() == n && v.beta == 1.0f && v.alpha == 1.0f;
        Tensor y = du::newOutput(ctx, p.outputShape);
        float* out = y.data<float>();
        matrixVector(v.rows.data<float>(), a.data<float>(), biasPerColumn ? bias->data<float>() : nullptr,
                     out, n, k, ctx.threadCount());
        if (biasPerColumn)
            return {};
        const float* c = bias ? bias->data<float>() : nullptr;
        const bool oneValue = bias && bias->elementCount() == 1;
        for (int64_t i = 0; i < n; ++i)
            out[i] = v.alpha * out[i] + (c ? v.beta * c[oneValue ? 0 : i] : 0.0f);
        return {};
    }

    // The row-of-A case, or nothing. Under transA a [K, 1] A is one contiguous row too.
    std::optional<VectorProduct> vectorProduct(const Tensor& a, const Tensor& b, const Tensor* c,
                                               const Tensor* addend, const Shape& outputShape) const {
        if (b.rank() != 2 || outputShape.empty() ||
            a.elementCount() != (m_gemm && m_transA ? a.dim(0) : a.shape().back()))
            return std::nullopt;
        const bool bAsRows = m_gemm && m_transB;
        if (!bAsRows && !m_weights.isValid())
            return std::nullopt; // transposing a B that changes per run would cost what it saves
        const int64_t n = bAsRows ? b.dim(0) : b.dim(1), k = bAsRows ? b.dim(1) : b.dim(0);
        if (outputShape.back() != n || k != a.elementCount())
            return std::nullopt;
        const Tensor* scaledC = m_gemm && m_beta != 0.0f ? c : nullptr;
        if (scaledC && addend)
            return std::nullopt;
        const Tensor* bias = addend ? addend : scaledC;
        if (bias && bias->elementCount() != 1 && (bias->elementCount() != n || bias->shape().back() != n))
            return std::nullopt;
        VectorProduct v;
        if (bAsRows) {
            v.rows = b;
        } else {
            v.rows = Tensor(DataType::Float, {n, k}); // checked first: transposed only when used
            transposeInto(b, b.shape(), {1, 0}, v.rows, 1);
        }
        v.biasInput = !bias ? -1 : addend ? 3 : 2;
        if (m_gemm) {
            v.alpha = m_alpha;
            v.beta = addend ? 1.0f : m_beta;
        }
        return v;
    }

    std::unique_ptr<Prepared> create(const Tensor& a, const Tensor& b, const Tensor* c,
                                     const Tensor* addend) const {
        auto p = std::make_unique<Prepared>();
        memory::dims src, wei, dst, strideA, strideB;
        const Tensor* bias = nullptr;
        bool folded = false;
        if (m_gemm) {
            if (a.rank() != 2 || b.rank() != 2)
                return nullptr;
            const int64_t M = m_transA ? a.dim(1) : a.dim(0), K = m_transA ? a.dim(0) : a.dim(1);
            const int64_t N = m_transB ? b.dim(0) : b.dim(1);
            if ((m_transB ? b.dim(1) : b.dim(0)) != K)
                return nullptr;
            src = {M, K};
            wei = {K, N};
            dst = {M, N};
            strideA = m_transA ? memory::dims{1, M} : memory::dims{K, 1};
            strideB = m_transB ? memory::dims{1, K} : memory::dims{N, 1};
            p->outputShape = {M, N};
            if (c && !broadcastsOnto(padTo(c->shape(), 2), dst))
                return nullptr; // the reference reports the bad C
            if ((p->vector = vectorProduct(a, b, c, addend, p->outputShape)))
                return p;
            if (c && m_beta != 0.0f) {
                if (m_beta != 1.0f || m_alpha != 1.0f || addend)
                    return nullptr;
                bias = c;
                p->biasInput = 2;
            }
        } else {
            if (a.rank() < 1 || b.rank() < 1)
                return nullptr;
            auto plan = planMatMul(a.shape(), b.shape());
            if (!plan.ok())
                return nullptr;
            p->outputShape = plan->output;
            if ((p->vector = vectorProduct(a, b, c, addend, p->outputShape)))
                return p;
            Shape sa = a.shape(), sb = b.shape();
            if (sa.size() == 1)
                sa.insert(sa.begin(), 1);
            if (sb.size() == 1)
                sb.push_back(1);
            const size_t rank = std::max(sa.size(), sb.size());
            if (rank > static_cast<size_t>(kMaxRank) || (addend && (a.rank() == 1 || b.rank() == 1)))
                return nullptr;
            src = padTo(sa, rank);
            wei = padTo(sb, rank);
            dst = src;
            for (size_t i = 0; i + 2 < rank; ++i)
                dst[i] = std::max(src[i], wei[i]);
            dst[rank - 1] = wei[rank - 1];
            // Rows of a batched A against one 2-D B ([..., M, K] x [K, N]) are one [rows, K] GEMM;
            // oneDNN would otherwise run a thin product per batch entry (M = 1 in [seq, 1, d]).
            // An addend then has to broadcast along the last axis only.
            bool rowAddend = true;
            if (addend)
                for (size_t i = 0; i + 1 < addend->shape().size(); ++i)
                    rowAddend = rowAddend && addend->shape()[i] == 1;
            if (rank > 2 && a.rank() > 2 && b.rank() == 2 && rowAddend) {
                int64_t rows = 1;
                for (size_t i = 0; i + 1 < rank; ++i)
                    rows *= src[i];
                src = {rows, src[rank - 1]};
                wei = {wei[rank - 2], wei[rank - 1]};
                dst = {rows, dst[rank - 1]};
                folded = true;
            }
        }
        if (addend) {
            bias = addend;
            p->biasInput = 3;
        }
        for (const memory::dims* d : {&src, &wei, &dst})
            for (int64_t v : *d)
                if (v == 0)
                    return nullptr; // empty products: the reference writes the zeros

        const auto f32 = memory::data_type::f32;
        p->userSrc = strideA.empty() ? du::plainDesc(src) : memory::desc(src, f32, strideA);
        p->userWeights = strideB.empty() ? du::plainDesc(wei) : memory::desc(wei, f32, strideB);
        p->userDst = du::plainDesc(dst);
        if (bias) {
            Shape biasShape = bias->shape();
            if (folded && !biasShape.empty())
                biasShape = {biasShape.back()};
            const memory::dims bdims = padTo(biasShape, dst.size());
            if (!broadcastsOnto(bdims, dst))
                return nullptr;
            p->biasDesc = du::plainDesc(bdims);
        }
        dnnl::primitive_attr attr;
        if (m_gemm && m_alpha != 1.0f) {
            if (bias)
                return nullptr;
            attr.set_output_scales(0, {m_alpha});
        }
        // Constant B goes into the layout oneDNN prefers; if that is refused, the plain one.
        for (bool packed : {m_weights.isValid(), false}) {
            try {
                const memory::desc weiDesc =
                    packed ? memory::desc(wei, f32, memory::format_tag::any) : p->userWeights;
                dnnl::matmul::desc desc(p->userSrc, weiDesc, p->biasDesc, p->userDst);
                dnnl::matmul::primitive_desc pd(desc, attr, du::engine());
                p->primitive = dnnl::matmul(pd);
                p->implementation = pd.impl_info_str();
                if (pd.weights_desc() != p->userWeights)
                    p->weights.allocate(pd.weights_desc());
                return p;
            } catch (const dnnl::error&) {
                if (!packed)
                    return nullptr;
            }
        }
        return nullptr;
    }

    bool m_gemm;
    float m_alpha, m_beta;
    bool m_transA, m_transB;
    bool m_withAddend;
    std::unique_ptr<Kernel> m_reference;                                       // null when fused
    Tensor m_weights;                                                          // bound constant B
    mutable std::map<std::vector<int64_t>, std::unique_ptr<Prepared>> m_cache; // null: declined
};

} // namespace

Result<std::unique_ptr<Kernel>> makeDnnlMatMulKernel(const NodeDesc& node) {
    OS_ASSIGN_OR_RETURN(auto reference, makeReferenceMatMul(node));
    return std::unique_ptr<Kernel>(new DnnlMatMulKernel(node, std::move(reference), false));
}

Result<std::unique_ptr<Kernel>> makeDnnlGemmKernel(const NodeDesc& node) {
    OS_ASSIGN_OR_RETURN(auto reference, makeReferenceGemm(node));
    return std::unique_ptr<Kernel>(new DnnlMatMulKernel(node, std::move(reference), false));
}

std::unique_ptr<FastPathKernel> makeDnnlMatMul(const NodeDesc& node, bool withAddend) {
    return std::make_unique<DnnlMatMulKernel>(node, nullptr, withAddend);
}

} // namespace onnxscope

#endif
