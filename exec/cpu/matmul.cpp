// MatMul (numpy semantics: 1-D promotion, broadcast batch dims) and Gemm (transA/transB,
// alpha/beta, unidirectionally broadcast C), both on the blocked gemm() of gemm.h.
#include "matmul.h"

#include "exec/cpu/broadcast.h"
#include "exec/cpu/gemm.h"
#include "exec/cpu/nn_util.h"
#include "exec/cpu/type_dispatch.h"
#include "exec/kernel.h"

namespace onnxscope {

Result<MatMulPlan> planMatMul(const Shape& a, const Shape& b) {
    if (a.empty() || b.empty())
        return Status::error("MatMul inputs must have rank >= 1, got " + shapeToString(a) + " and " +
                             shapeToString(b));
    MatMulPlan p;
    Shape sa = a, sb = b;
    const bool aVec = sa.size() == 1, bVec = sb.size() == 1;
    if (aVec)
        sa.insert(sa.begin(), 1);
    if (bVec)
        sb.push_back(1);
    p.M = sa[sa.size() - 2];
    p.K = sa.back();
    p.N = sb.back();
    if (sb[sb.size() - 2] != p.K)
        return Status::error("MatMul inner dimensions differ: " + shapeToString(a) + " x " +
                             shapeToString(b));
    Shape batchA(sa.begin(), sa.end() - 2), batchB(sb.begin(), sb.end() - 2);
    OS_ASSIGN_OR_RETURN(p.batch, broadcastShapes(batchA, batchB));
    p.stridesA = broadcastStrides(batchA, p.batch);
    p.stridesB = broadcastStrides(batchB, p.batch);
    p.batchCount = 1;
    for (int64_t d : p.batch)
        p.batchCount *= d;
    p.output = p.batch;
    if (!aVec)
        p.output.push_back(p.M);
    if (!bVec)
        p.output.push_back(p.N);
    // A batched A times one shared matrix B is one tall GEMM.
    p.foldBatchIntoM = batchB.empty() || p.batchCount == 1;
    for (int64_t s : p.stridesB)
        if (s != 0)
            p.foldBatchIntoM = false;
    bool aDense = true;
    int64_t expect = 1;
    for (size_t i = p.batch.size(); i-- > 0;) {
        if (p.batch[i] != 1 && p.stridesA[i] != expect)
            aDense = false;
        expect *= p.batch[i];
    }
    p.foldBatchIntoM = p.foldBatchIntoM && aDense;
    return p;
}

std::vector<std::pair<int64_t, int64_t>> MatMulPlan::batchOffsets() const {
    std::vector<std::pair<int64_t, int64_t>> offsets(static_cast<size_t>(batchCount));
    std::vector<int64_t> index(batch.size(), 0);
    for (int64_t b = 0; b < batchCount; ++b) {
        int64_t oa = 0, ob = 0;
        for (size_t i = 0; i < batch.size(); ++i) {
            oa += index[i] * stridesA[i];
            ob += index[i] * stridesB[i];
        }
        offsets[static_cast<size_t>(b)] = {oa, ob};
        for (size_t i = batch.size(); i-- > 0;) {
            if (++index[i] < batch[i])
                break;
            index[i] = 0;
        }
    }
    return offsets;
}

namespace {

template <typename T> void runMatMul(const MatMulPlan& p, const T* a, const T* b, T* c, int threads) {
    if (p.foldBatchIntoM) {
        gemm<T>(false, false, p.M * p.batchCount, p.N, p.K, T(1), a, p.K, b, p.N, T(0), c, p.N, threads);
        return;
    }
    const auto offsets = p.batchOffsets();
    for (int64_t i = 0; i < p.batchCount; ++i) {
        const auto [oa, ob] = offsets[static_cast<size_t>(i)];
        gemm<T>(false, false, p.M, p.N, p.K, T(1), a + oa * p.M * p.K, p.K, b + ob * p.K * p.N, p.N, T(0),
                c + i * p.M * p.N, p.N, threads);
    }
}

template <typename Fn> bool dispatchGemmType(DataType type, Fn&& fn) {
    switch (type) {
    case DataType::Float:
        fn(TypeTag<float>{});
        return true;
    case DataType::Double:
        fn(TypeTag<double>{});
        return true;
    case DataType::Int32:
        fn(TypeTag<int32_t>{});
        return true;
    case DataType::Int64:
        fn(TypeTag<int64_t>{});
        return true;
    case DataType::Uint32:
        fn(TypeTag<uint32_t>{});
        return true;
    case DataType::Uint64:
        fn(TypeTag<uint64_t>{});
        return true;
    default:
        return false;
    }
}

class MatMulKernel final : public Kernel {
public:
    explicit MatMulKernel(const NodeDesc&) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* a = ctx.inputTensor(0);
        const Tensor* b = ctx.inputTensor(1);
        if (!a || !b)
            return Status::error("MatMul needs two tensor inputs");
        if (a->dataType() != b->dataType())
            return Status::error("MatMul input types differ");
        OS_ASSIGN_OR_RETURN(MatMulPlan plan, planMatMul(a->shape(), b->shape()));
        const DataType type = a->dataType();
        if (isNarrowFloat(type)) {
            Tensor fa = toFloat(*a), fb = toFloat(*b);
            Tensor out(DataType::Float, plan.output);
            runMatMul<float>(plan, fa.data<float>(), fb.data<float>(), out.data<float>(), ctx.threadCount());
            ctx.setOutput(0, fromFloat(out, type));
            return Status();
        }
        Tensor& out = ctx.allocateOutput(0, type, plan.output);
        const bool ok = dispatchGemmType(type, [&](auto tag) {
            using T = typename decltype(tag)::type;
            runMatMul<T>(plan, a->data<T>(), b->data<T>(), out.data<T>(), ctx.threadCount());
        });
        if (!ok)
            return Status::error("MatMul does not support element type " + std::string(dataTypeName(type)));
        return Status();
    }
};

class GemmKernel final : public Kernel {
public:
    explicit GemmKernel(const NodeDesc& node)
        : m_alpha(node.getFloat("alpha", 1.0f))
        , m_beta(node.getFloat("beta", 1.0f))
        , m_transA(node.getInt("transA", 0) != 0)
        , m_transB(node.getInt("transB", 0) != 0) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* a = ctx.inputTensor(0);
        const Tensor* b = ctx.inputTensor(1);
        const Tensor* c = ctx.inputTensor(2);
        if (!a || !b)
            return Status::error("Gemm needs inputs A and B");
        if (a->rank() != 2 || b->rank() != 2)
            return Status::error("Gemm inputs must be 2-D, got " + shapeToString(a->shape()) + " and " +
                                 shapeToString(b->shape()));
        const int64_t M = m_transA ? a->dim(1) : a->dim(0);
        const int64_t K = m_transA ? a->dim(0) : a->dim(1);
        const int64_t kb = m_transB ? b->dim(1) : b->dim(0);
        const int64_t N = m_transB ? b->dim(0) : b->dim(1);
        if (K != kb)
            return Status::error("Gemm inner dimensions differ: K=" + std::to_string(K) + " vs " +
                                 std::to_string(kb));
        const Shape outShape{M, N};
        if (c) {
            auto bs = broadcastShapes(c->shape(), outShape);
            if (!bs.ok() || *bs != outShape)
                return Status::error("Gemm C of shape " + shapeToString(c->shape()) +
                                     " does not broadcast to " + shapeToString(outShape));
        }
        const DataType type = a->dataType();
        const bool narrow = isNarrowFloat(type);
        const DataType work = narrow ? DataType::Float : type;
        Tensor wa = narrow ? toFloat(*a) : *a, wb = narrow ? toFloat(*b) : *b;
        Tensor wc;
        if (c)
            wc = narrow ? toFloat(*c) : *c;
        Tensor out(work, outShape);
        const int threads = ctx.threadCount();
        const bool ok = dispatchGemmType(work, [&](auto tag) {
            using T = typename decltype(tag)::type;
            T* o = out.data<T>();
            const bool useC = c && m_beta != 0.0f;
            if (useC) {
                BroadcastIterator it(outShape, {wc.shape()});
                const T* src = wc.data<T>();
                it.forEachRun([&](int64_t outOff, const int64_t* inOff, int64_t len, const int64_t* inner) {
                    for (int64_t i = 0; i < len; ++i)
                        o[outOff + i] = src[inOff[0] + i * inner[0]];
                });
            }
            gemm<T>(m_transA, m_transB, M, N, K, static_cast<T>(m_alpha), wa.data<T>(), wa.dim(1),
                    wb.data<T>(), wb.dim(1), useC ? static_cast<T>(m_beta) : T(0), o, N, threads);
        });
        if (!ok)
            return Status::error("Gemm does not support element type " + std::string(dataTypeName(type)));
        ctx.setOutput(0, narrow ? fromFloat(out, type) : out);
        return Status();
    }

private:
    float m_alpha, m_beta;
    bool m_transA, m_transB;
};

} // namespace

Result<std::unique_ptr<Kernel>> makeReferenceMatMul(const NodeDesc& node) {
    return makeKernel<MatMulKernel>(node);
}

Result<std::unique_ptr<Kernel>> makeReferenceGemm(const NodeDesc& node) {
    return makeKernel<GemmKernel>(node);
}

void registerMatMulKernels(KernelRegistry& registry) {
    registry.add("MatMul", 1, &makeReferenceMatMul);
    registry.add("Gemm", 1, &makeReferenceGemm);
}

} // namespace onnxscope
