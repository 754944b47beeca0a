// TfIdfVectorizer: counts the pool's n-grams (with up to max_skip_count skipped items between
// tokens) in each row of int or string tokens and weighs the counts (TF, IDF or TFIDF).
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"

#include <map>

namespace onnxscope {

namespace {

class TfIdfVectorizerKernel final : public Kernel {
public:
    explicit TfIdfVectorizerKernel(const NodeDesc& node)
        : m_mode(node.getString("mode", "TF"))
        , m_minGram(node.getInt("min_gram_length", 1))
        , m_maxGram(node.getInt("max_gram_length", 1))
        , m_maxSkip(node.getInt("max_skip_count", 0))
        , m_ngramCounts(node.getInts("ngram_counts"))
        , m_ngramIndexes(node.getInts("ngram_indexes"))
        , m_poolInts(node.getInts("pool_int64s"))
        , m_poolStrings(node.getStrings("pool_strings"))
        , m_weights(node.getFloats("weights")) {
        for (int64_t i : m_ngramIndexes)
            m_outDim = std::max(m_outDim, i + 1);
        m_error = buildPool();
    }
    Status compute(KernelContext& context) const override {
        if (!m_error.empty())
            return Status::error(m_error);
        if (m_mode != "TF" && m_mode != "IDF" && m_mode != "TFIDF")
            return Status::error("unknown mode '" + m_mode + "'");
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "X"));
        const bool strings = x->dataType() == DataType::String;
        if (strings != m_stringPool)
            return Status::error("input type does not match the pool (pool_strings vs pool_int64s)");
        if (x->rank() != 1 && x->rank() != 2)
            return Status::error("X must be [C] or [N, C], got " + shapeToString(x->shape()));
        const int64_t rows = x->rank() == 2 ? x->dim(0) : 1;
        const int64_t cols = x->rank() == 2 ? x->dim(1) : x->elementCount();
        Tensor& out = context.allocateOutput(0, DataType::Float,
                                             x->rank() == 2 ? Shape{rows, m_outDim} : Shape{m_outDim});
        std::vector<std::string> tokens(static_cast<size_t>(cols));
        for (int64_t r = 0; r < rows; ++r) {
            for (int64_t c = 0; c < cols; ++c)
                tokens[c] = strings ? x->data<std::string>()[r * cols + c]
                                    : std::to_string(static_cast<int64_t>(x->elementAsDouble(r * cols + c)));
            std::vector<float> counts(static_cast<size_t>(m_outDim), 0.f);
            for (int64_t start = 0; start < cols; ++start) {
                for (int64_t skip = 0; skip <= m_maxSkip; ++skip) {
                    std::vector<std::string> gram;
                    for (int64_t n = 1; n <= m_maxGram; ++n) {
                        const int64_t pos = start + (n - 1) * (skip + 1);
                        if (pos >= cols)
                            break;
                        gram.push_back(tokens[pos]);
                        if (n == 1 && skip > 0)
                            continue; // unigrams are counted once, with skip 0
                        if (n < m_minGram)
                            continue;
                        auto it = m_pool.find(gram);
                        if (it != m_pool.end())
                            counts[static_cast<size_t>(m_ngramIndexes[it->second])] += 1;
                    }
                }
            }
            float* o = out.data<float>() + r * m_outDim;
            for (int64_t k = 0; k < m_outDim; ++k) {
                const float w = m_weights.empty() ? 1.f : m_weights[k];
                if (m_mode == "TF")
                    o[k] = counts[k];
                else if (m_mode == "IDF")
                    o[k] = counts[k] > 0 ? w : 0.f;
                else
                    o[k] = counts[k] * w;
            }
        }
        return {};
    }

private:
    // Pool items are grouped by length: ngram_counts[i] is where the (i+1)-grams start.
    std::string buildPool() {
        m_stringPool = !m_poolStrings.empty();
        const size_t poolSize = m_stringPool ? m_poolStrings.size() : m_poolInts.size();
        if (m_minGram < 1 || m_maxGram < m_minGram || m_maxSkip < 0)
            return "invalid gram lengths or max_skip_count";
        if (!m_weights.empty() && static_cast<int64_t>(m_weights.size()) < m_outDim)
            return "weights has fewer entries than the output dim";
        size_t id = 0;
        for (size_t i = 0; i < m_ngramCounts.size(); ++i) {
            const size_t begin = static_cast<size_t>(m_ngramCounts[i]);
            const size_t end =
                i + 1 < m_ngramCounts.size() ? static_cast<size_t>(m_ngramCounts[i + 1]) : poolSize;
            const size_t n = i + 1;
            if (begin > end || end > poolSize || (end - begin) % n != 0)
                return "ngram_counts do not partition the pool";
            for (size_t p = begin; p < end; p += n, ++id) {
                if (id >= m_ngramIndexes.size())
                    return "ngram_indexes has fewer entries than the pool has n-grams";
                std::vector<std::string> gram;
                for (size_t k = 0; k < n; ++k)
                    gram.push_back(m_stringPool ? m_poolStrings[p + k] : std::to_string(m_poolInts[p + k]));
                m_pool.emplace(std::move(gram), id);
            }
        }
        return {};
    }

    std::string m_mode;
    int64_t m_minGram, m_maxGram, m_maxSkip;
    std::vector<int64_t> m_ngramCounts, m_ngramIndexes, m_poolInts;
    std::vector<std::string> m_poolStrings;
    std::vector<float> m_weights;
    int64_t m_outDim = 0;
    bool m_stringPool = false;
    std::map<std::vector<std::string>, size_t> m_pool;
    std::string m_error;
};

} // namespace

void registerTfIdfOps(KernelRegistry& registry) {
    registry.add("TfIdfVectorizer", 9, &makeKernel<TfIdfVectorizerKernel>);
}

} // namespace onnxscope
