#include "constant_gemm.h"

#include "sgemm.h"

#ifdef ONNXSCOPE_HAVE_DNNL
#include "dnnl_common.h"
#endif

namespace onnxscope {

#ifdef ONNXSCOPE_HAVE_DNNL
namespace du = dnnl_util;

struct ConstantRightGemm::Prepared {
    dnnl::matmul primitive;
    dnnl::memory::desc src, dst;
    dnnl::memory weights; // B^T in the primitive's layout
};

ConstantRightGemm::Prepared* ConstantRightGemm::prepare(int64_t m, int threads) const {
    const int effective = du::useThreads(threads);
    auto it = m_cache.find({m, effective});
    if (it != m_cache.end())
        return it->second.get();
    std::unique_ptr<Prepared> p;
    try {
        using tag = dnnl::memory::format_tag;
        const auto f32 = dnnl::memory::data_type::f32;
        auto prepared = std::make_unique<Prepared>();
        prepared->src = dnnl::memory::desc({m, m_k}, f32, tag::ab);
        prepared->dst = dnnl::memory::desc({m, m_n}, f32, tag::ab);
        const dnnl::memory::desc plainWeights({m_k, m_n}, f32, tag::ba); // B [n, k] read as B^T
        dnnl::matmul::desc desc(prepared->src, dnnl::memory::desc({m_k, m_n}, f32, tag::any), prepared->dst);
        dnnl::matmul::primitive_desc pd(desc, du::engine());
        prepared->primitive = dnnl::matmul(pd);
        prepared->weights = dnnl::memory(pd.weights_desc(), du::engine());
        du::reorder(du::wrap(plainWeights, m_b), prepared->weights);
        p = std::move(prepared);
    } catch (const dnnl::error&) {
        p = nullptr; // no oneDNN implementation: sgemm
    }
    return m_cache.emplace(std::pair{m, effective}, std::move(p)).first->second.get();
}
#else
struct ConstantRightGemm::Prepared {};

ConstantRightGemm::Prepared* ConstantRightGemm::prepare(int64_t, int) const {
    return nullptr;
}
#endif

ConstantRightGemm::ConstantRightGemm(const float* b, int64_t n, int64_t k)
    : m_b(b)
    , m_n(n)
    , m_k(k) {}

ConstantRightGemm::~ConstantRightGemm() = default;

void ConstantRightGemm::run(const float* a, int64_t m, float* c, int threads) const {
    if (m <= 0 || m_n <= 0)
        return;
#ifdef ONNXSCOPE_HAVE_DNNL
    if (m_k > 0) {
        std::lock_guard lock(m_mutex);
        if (Prepared* p = prepare(m, threads)) {
            du::run(p->primitive, {{DNNL_ARG_SRC, du::wrap(p->src, a)},
                                   {DNNL_ARG_WEIGHTS, p->weights},
                                   {DNNL_ARG_DST, du::wrap(p->dst, c)}});
            return;
        }
    }
#endif
    sgemm(false, true, m, m_n, m_k, 1.0f, a, m_k, m_b, m_k, 0.0f, c, m_n, threads);
}

} // namespace onnxscope
