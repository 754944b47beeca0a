// Einsum: parses the equation (with "..." and implicit outputs), takes diagonals of repeated
// labels, sums out labels no later operand or the output needs, and contracts operands pairwise
// left to right as batched GEMMs after transposing each to [batch, kept, contracted] order.
#include "einsum.h"

#include "exec/cpu/gemm.h"
#include "exec/cpu/nn_util.h"
#include "exec/kernel.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace onnxscope {

namespace {

constexpr int kEllipsisLabel = 1000; // ellipsis dims get labels 1000 + k (k counted from the left)

struct Term {
    std::vector<int> labels; // chars, with the ellipsis spliced in as kEllipsisLabel + k
    bool hasEllipsis = false;
};

template <typename T> struct Labeled {
    std::vector<T> data;
    std::vector<int> labels;
    std::vector<int64_t> dims;
};

// Gathers dst[out index] = sum over reduced index of src[offset], with per-dim strides (0 for
// broadcast, summed for diagonals). Covers transpose, expand, diagonal and reduction.
template <typename T>
std::vector<T> gatherSum(const T* src, const std::vector<int64_t>& outDims,
                         const std::vector<int64_t>& outStrides, const std::vector<int64_t>& redDims,
                         const std::vector<int64_t>& redStrides) {
    int64_t outCount = 1, redCount = 1;
    for (int64_t d : outDims)
        outCount *= d;
    for (int64_t d : redDims)
        redCount *= d;
    std::vector<T> dst(static_cast<size_t>(outCount), T(0));
    std::vector<int64_t> oi(outDims.size(), 0);
    int64_t base = 0;
    for (int64_t o = 0; o < outCount; ++o) {
        T acc = T(0);
        std::vector<int64_t> ri(redDims.size(), 0);
        int64_t off = base;
        for (int64_t r = 0; r < redCount; ++r) {
            acc += src[off];
            for (size_t d = redDims.size(); d-- > 0;) {
                off += redStrides[d];
                if (++ri[d] < redDims[d])
                    break;
                off -= redStrides[d] * redDims[d];
                ri[d] = 0;
            }
        }
        dst[static_cast<size_t>(o)] = acc;
        for (size_t d = outDims.size(); d-- > 0;) {
            base += outStrides[d];
            if (++oi[d] < outDims[d])
                break;
            base -= outStrides[d] * outDims[d];
            oi[d] = 0;
        }
    }
    return dst;
}

// Rearranges t to the label order `order`, summing the labels of t not in `order`.
template <typename T>
Labeled<T> rearrange(const Labeled<T>& t, const std::vector<int>& order,
                     const std::map<int, int64_t>& sizes) {
    std::vector<int64_t> strides(t.dims.size());
    for (size_t i = t.dims.size(), s = 1; i-- > 0;) {
        strides[i] = static_cast<int64_t>(s);
        s *= static_cast<size_t>(t.dims[i]);
    }
    auto strideOf = [&](int label) {
        int64_t s = 0;
        for (size_t i = 0; i < t.labels.size(); ++i)
            if (t.labels[i] == label && t.dims[i] != 1)
                s += strides[i];
        return s;
    };
    Labeled<T> out;
    std::vector<int64_t> outStrides, redDims, redStrides;
    for (int l : order) {
        out.labels.push_back(l);
        out.dims.push_back(sizes.at(l));
        outStrides.push_back(strideOf(l));
    }
    std::vector<int> seen;
    for (int l : t.labels) {
        if (std::find(order.begin(), order.end(), l) != order.end() ||
            std::find(seen.begin(), seen.end(), l) != seen.end())
            continue;
        seen.push_back(l);
        redDims.push_back(sizes.at(l));
        redStrides.push_back(strideOf(l));
    }
    out.data = gatherSum(t.data.data(), out.dims, outStrides, redDims, redStrides);
    return out;
}

bool contains(const std::vector<int>& v, int x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

Result<Term> parseTerm(const std::string& text, int rank, int& ellipsisRank, const std::string& equation) {
    Term t;
    size_t letters = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (std::isalpha(static_cast<unsigned char>(text[i])))
            ++letters;
        else if (text.compare(i, 3, "...") == 0)
            i += 2;
        else
            return Status::error("Einsum equation '" + equation + "' has an unexpected character '" +
                                 text[i] + "'");
    }
    // The output term has no rank of its own: its ellipsis spans all broadcast dims.
    const int ell = rank >= 0 ? rank - static_cast<int>(letters) : ellipsisRank;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "...") == 0) {
            if (t.hasEllipsis)
                return Status::error("Einsum term '" + text + "' has two ellipses");
            t.hasEllipsis = true;
            if (ell < 0)
                return Status::error("Einsum term '" + text + "' has more labels than its input's rank");
            ellipsisRank = std::max(ellipsisRank, ell);
            for (int k = 0; k < ell; ++k)
                t.labels.push_back(kEllipsisLabel + k); // renumbered right-aligned below
            i += 2;
        } else {
            t.labels.push_back(text[i]);
        }
    }
    if (rank >= 0 && static_cast<int>(t.labels.size()) != rank)
        return Status::error("Einsum term '" + text + "' has " + std::to_string(t.labels.size()) +
                             " labels for an input of rank " + std::to_string(rank));
    return t;
}

std::string stripSpaces(std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(),
                           [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
            s.end());
    return s;
}

class EinsumKernel final : public Kernel {
public:
    explicit EinsumKernel(const NodeDesc& node)
        : m_equation(stripSpaces(node.getString("equation", ""))) {}

    Status compute(KernelContext& ctx) const override {
        std::vector<const Tensor*> inputs;
        for (int i = 0; i < ctx.inputCount(); ++i) {
            if (!ctx.inputTensor(i))
                return Status::error("Einsum input " + std::to_string(i) + " is missing");
            inputs.push_back(ctx.inputTensor(i));
        }
        if (inputs.empty())
            return Status::error("Einsum needs at least one input");
        const DataType type = inputs[0]->dataType();
        if (type == DataType::Double)
            return run<double>(ctx, inputs, type);
        if (type == DataType::Float || isNarrowFloat(type))
            return run<float>(ctx, inputs, type);
        if (isInteger(type))
            return run<int64_t>(ctx, inputs, type);
        return Status::error("Einsum does not support element type " + std::string(dataTypeName(type)));
    }

private:
    template <typename T>
    Status run(KernelContext& ctx, const std::vector<const Tensor*>& inputs, DataType type) const {
        const size_t arrow = m_equation.find("->");
        const std::string lhs = m_equation.substr(0, arrow);
        std::vector<std::string> texts;
        for (size_t start = 0;;) {
            const size_t comma = lhs.find(',', start);
            texts.push_back(
                lhs.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
        if (texts.size() != inputs.size())
            return Status::error("Einsum equation '" + m_equation + "' has " + std::to_string(texts.size()) +
                                 " terms for " + std::to_string(inputs.size()) + " inputs");
        int ellRank = 0;
        std::vector<Term> terms;
        for (size_t i = 0; i < texts.size(); ++i) {
            OS_ASSIGN_OR_RETURN(Term t, parseTerm(texts[i], inputs[i]->rank(), ellRank, m_equation));
            terms.push_back(std::move(t));
        }
        // Right-align ellipsis dims: a term's k-th ellipsis dim is global dim ellRank - ell + k.
        for (auto& t : terms) {
            int ell = 0;
            for (int l : t.labels)
                ell += l >= kEllipsisLabel;
            for (int& l : t.labels)
                if (l >= kEllipsisLabel)
                    l += ellRank - ell;
        }
        // Label sizes, with numpy broadcasting of size-1 dims.
        std::map<int, int64_t> sizes;
        std::map<int, int> counts;
        for (size_t i = 0; i < terms.size(); ++i)
            for (size_t d = 0; d < terms[i].labels.size(); ++d) {
                const int l = terms[i].labels[d];
                const int64_t n = inputs[i]->dim(static_cast<int>(d));
                ++counts[l];
                auto [it, inserted] = sizes.emplace(l, n);
                if (!inserted && it->second != n) {
                    if (it->second == 1)
                        it->second = n;
                    else if (n != 1)
                        return Status::error("Einsum label '" + labelName(l) + "' has sizes " +
                                             std::to_string(it->second) + " and " + std::to_string(n));
                }
            }
        std::vector<int> outLabels;
        if (arrow != std::string::npos) {
            OS_ASSIGN_OR_RETURN(Term o, parseTerm(m_equation.substr(arrow + 2), -1, ellRank, m_equation));
            for (int l : o.labels) {
                if (l >= kEllipsisLabel)
                    continue;
                if (!sizes.count(l))
                    return Status::error("Einsum output label '" + labelName(l) + "' is not in any input");
                outLabels.push_back(l);
            }
            if (o.hasEllipsis) {
                // Splice the ellipsis dims where "..." stood.
                const size_t pos = m_equation.substr(arrow + 2).find("...");
                size_t lettersBefore = 0;
                for (size_t i = 0; i < pos; ++i)
                    lettersBefore += std::isalpha(static_cast<unsigned char>(m_equation[arrow + 2 + i])) != 0;
                std::vector<int> ell;
                for (int k = 0; k < ellRank; ++k)
                    ell.push_back(kEllipsisLabel + k);
                outLabels.insert(outLabels.begin() + static_cast<long>(lettersBefore), ell.begin(),
                                 ell.end());
            }
        } else {
            for (int k = 0; k < ellRank; ++k)
                outLabels.push_back(kEllipsisLabel + k);
            for (auto [l, n] : counts)
                if (l < kEllipsisLabel && n == 1)
                    outLabels.push_back(l);
        }

        auto load = [&](size_t i) {
            Labeled<T> t;
            const Tensor& src = *inputs[i];
            t.data.resize(static_cast<size_t>(src.elementCount()));
            if constexpr (std::is_same_v<T, float>) {
                Tensor f = toFloat(src);
                std::copy(f.data<float>(), f.data<float>() + f.elementCount(), t.data.begin());
            } else {
                for (size_t k = 0; k < t.data.size(); ++k)
                    t.data[k] = static_cast<T>(src.elementAsDouble(static_cast<int64_t>(k)));
            }
            if constexpr (std::is_same_v<T, int64_t>) {
                // Exact for values beyond double's 53 bits.
                if (src.dataType() == DataType::Int64)
                    std::copy(src.data<int64_t>(), src.data<int64_t>() + src.elementCount(), t.data.begin());
            }
            t.labels = terms[i].labels;
            t.dims = src.shape();
            return t;
        };
        auto neededAfter = [&](size_t i) {
            std::vector<int> need = outLabels;
            for (size_t j = i + 1; j < terms.size(); ++j)
                need.insert(need.end(), terms[j].labels.begin(), terms[j].labels.end());
            return need;
        };
        // Unique labels of t kept in order of first appearance, minus those summed out now.
        auto keepOrder = [&](const Labeled<T>& t, const std::vector<int>& need,
                             const std::vector<int>& other) {
            std::vector<int> keep;
            for (int l : t.labels)
                if (!contains(keep, l) && (contains(need, l) || contains(other, l)))
                    keep.push_back(l);
            return keep;
        };
        const int threads = ctx.threadCount();
        Labeled<T> cur = load(0);
        {
            const auto need = neededAfter(0);
            cur = rearrange(cur, keepOrder(cur, need, {}), sizes);
        }
        for (size_t i = 1; i < terms.size(); ++i) {
            Labeled<T> nxt = load(i);
            const auto need = neededAfter(i);
            nxt = rearrange(nxt, keepOrder(nxt, need, cur.labels), sizes);
            std::vector<int> batch, left, right, contract;
            for (int l : cur.labels) {
                if (contains(nxt.labels, l))
                    (contains(need, l) ? batch : contract).push_back(l);
                else
                    left.push_back(l);
            }
            for (int l : nxt.labels)
                if (!contains(cur.labels, l))
                    right.push_back(l);
            auto cat = [](std::vector<int> a, const std::vector<int>& b, const std::vector<int>& c) {
                a.insert(a.end(), b.begin(), b.end());
                a.insert(a.end(), c.begin(), c.end());
                return a;
            };
            auto prod = [&](const std::vector<int>& ls) {
                int64_t p = 1;
                for (int l : ls)
                    p *= sizes.at(l);
                return p;
            };
            Labeled<T> a = rearrange(cur, cat(batch, left, contract), sizes);
            Labeled<T> b = rearrange(nxt, cat(batch, contract, right), sizes);
            const int64_t B = prod(batch), M = prod(left), K = prod(contract), N = prod(right);
            Labeled<T> r;
            r.labels = cat(batch, left, right);
            for (int l : r.labels)
                r.dims.push_back(sizes.at(l));
            r.data.assign(static_cast<size_t>(B * M * N), T(0));
            for (int64_t bi = 0; bi < B; ++bi)
                gemm<T>(false, false, M, N, K, T(1), a.data.data() + bi * M * K, K,
                        b.data.data() + bi * K * N, N, T(0), r.data.data() + bi * M * N, N, threads);
            cur = std::move(r);
        }
        cur = rearrange(cur, outLabels, sizes);
        Shape outShape(cur.dims.begin(), cur.dims.end());
        if constexpr (std::is_same_v<T, float>) {
            Tensor y(DataType::Float, outShape);
            std::copy(cur.data.begin(), cur.data.end(), y.data<float>());
            ctx.setOutput(0, fromFloat(y, type));
        } else if constexpr (std::is_same_v<T, double>) {
            Tensor& y = ctx.allocateOutput(0, type, outShape);
            std::copy(cur.data.begin(), cur.data.end(), y.data<double>());
        } else {
            Tensor y(DataType::Int64, outShape);
            std::copy(cur.data.begin(), cur.data.end(), y.data<int64_t>());
            if (type == DataType::Int64) {
                ctx.setOutput(0, y);
            } else {
                Tensor& out = ctx.allocateOutput(0, type, outShape);
                dispatchInteger(type, out, cur.data);
            }
        }
        return Status();
    }

    static void dispatchInteger(DataType type, Tensor& out, const std::vector<int64_t>& v) {
        for (size_t i = 0; i < v.size(); ++i) {
            switch (type) {
            case DataType::Int32:
                out.data<int32_t>()[i] = static_cast<int32_t>(v[i]);
                break;
            case DataType::Int16:
                out.data<int16_t>()[i] = static_cast<int16_t>(v[i]);
                break;
            case DataType::Int8:
                out.data<int8_t>()[i] = static_cast<int8_t>(v[i]);
                break;
            case DataType::Uint8:
                out.data<uint8_t>()[i] = static_cast<uint8_t>(v[i]);
                break;
            case DataType::Uint16:
                out.data<uint16_t>()[i] = static_cast<uint16_t>(v[i]);
                break;
            case DataType::Uint32:
                out.data<uint32_t>()[i] = static_cast<uint32_t>(v[i]);
                break;
            case DataType::Uint64:
                out.data<uint64_t>()[i] = static_cast<uint64_t>(v[i]);
                break;
            default:
                break;
            }
        }
    }

    static std::string labelName(int l) {
        return l >= kEllipsisLabel ? std::string("...") : std::string(1, char(l));
    }

    std::string m_equation;
};

} // namespace

void registerEinsumKernels(KernelRegistry& registry) {
    registry.add("Einsum", 12, &makeKernel<EinsumKernel>);
}

} // namespace onnxscope
