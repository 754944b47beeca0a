// String ops: StringNormalizer, StringConcat, StringSplit, RegexFullMatch.
//
// Case changes are ASCII-only (the locale attribute is accepted but not applied); RegexFullMatch
// uses std::regex (ECMAScript), which covers the RE2 syntax the conformance tests use.
#include "tensor_kernels.h"

#include "broadcast.h"
#include "tensor_kernel_util.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <unordered_set>

namespace onnxscope {

namespace {

std::string toLowerAscii(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string toUpperAscii(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

Status requireStrings(const Tensor& t, const char* name) {
    if (t.dataType() != DataType::String)
        return Status::error(std::string(name) + " must be a string tensor, got " +
                             std::string(dataTypeName(t.dataType())));
    return {};
}

class StringNormalizerKernel final : public Kernel {
public:
    explicit StringNormalizerKernel(const NodeDesc& node)
        : m_action(node.getString("case_change_action", "NONE"))
        , m_caseSensitive(node.getInt("is_case_sensitive", 0) != 0) {
        for (const std::string& w : node.getStrings("stopwords"))
            m_stopwords.insert(m_caseSensitive ? w : toLowerAscii(w));
    }
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "X"));
        OS_RETURN_IF_ERROR(requireStrings(*x, "X"));
        if (m_action != "NONE" && m_action != "LOWER" && m_action != "UPPER")
            return Status::error("unknown case_change_action '" + m_action + "'");
        const bool twoD = x->rank() == 2;
        if (!(x->rank() == 1 || (twoD && x->dim(0) == 1)))
            return Status::error("X must be [C] or [1, C], got " + shapeToString(x->shape()));
        std::vector<std::string> kept;
        for (const std::string& s : x->values<std::string>()) {
            if (!m_stopwords.empty() && m_stopwords.count(m_caseSensitive ? s : toLowerAscii(s)))
                continue;
            kept.push_back(m_action == "LOWER" ? toLowerAscii(s) : m_action == "UPPER" ? toUpperAscii(s) : s);
        }
        if (kept.empty())
            kept.emplace_back(); // an all-filtered input yields one empty string
        const int64_t n = static_cast<int64_t>(kept.size());
        Tensor& out = context.allocateOutput(0, DataType::String, twoD ? Shape{1, n} : Shape{n});
        std::move(kept.begin(), kept.end(), out.data<std::string>());
        return {};
    }

private:
    std::string m_action;
    bool m_caseSensitive;
    std::unordered_set<std::string> m_stopwords;
};

class StringConcatKernel final : public Kernel {
public:
    explicit StringConcatKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* a, requireTensor(context, 0, "X"));
        OS_ASSIGN_OR_RETURN(const Tensor* b, requireTensor(context, 1, "Y"));
        OS_RETURN_IF_ERROR(requireStrings(*a, "X"));
        OS_RETURN_IF_ERROR(requireStrings(*b, "Y"));
        OS_ASSIGN_OR_RETURN(Shape shape, broadcastShapes(a->shape(), b->shape()));
        Tensor& out = context.allocateOutput(0, DataType::String, shape);
        std::string* o = out.data<std::string>();
        const std::string* sa = a->data<std::string>();
        const std::string* sb = b->data<std::string>();
        BroadcastIterator(shape, {a->shape(), b->shape()})
            .forEachRun([&](int64_t outOffset, const int64_t* in, int64_t n, const int64_t* step) {
                for (int64_t i = 0; i < n; ++i)
                    o[outOffset + i] = sa[in[0] + i * step[0]] + sb[in[1] + i * step[1]];
            });
        return {};
    }
};

class StringSplitKernel final : public Kernel {
public:
    explicit StringSplitKernel(const NodeDesc& node)
        : m_delimiter(node.getString("delimiter", ""))
        , m_maxSplit(node.getInt("maxsplit", -1)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "X"));
        OS_RETURN_IF_ERROR(requireStrings(*x, "X"));
        std::vector<std::vector<std::string>> parts;
        size_t widest = 0;
        for (const std::string& s : x->values<std::string>()) {
            parts.push_back(split(s));
            widest = std::max(widest, parts.back().size());
        }
        Shape shape = x->shape();
        shape.push_back(static_cast<int64_t>(widest));
        Tensor& y = context.allocateOutput(0, DataType::String, shape);
        Tensor& z = context.allocateOutput(1, DataType::Int64, x->shape());
        for (size_t i = 0; i < parts.size(); ++i) {
            z.data<int64_t>()[i] = static_cast<int64_t>(parts[i].size());
            std::move(parts[i].begin(), parts[i].end(), y.data<std::string>() + i * widest);
        }
        return {};
    }

private:
    // Python str.split semantics: no delimiter splits on whitespace runs and drops empty parts.
    std::vector<std::string> split(const std::string& s) const {
        std::vector<std::string> out;
        int64_t splits = 0;
        const bool limited = m_maxSplit >= 0;
        if (m_delimiter.empty()) {
            size_t i = 0;
            while (i < s.size()) {
                while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
                    ++i;
                if (i >= s.size())
                    break;
                if (limited && splits >= m_maxSplit) {
                    size_t end = s.size();
                    while (end > i && std::isspace(static_cast<unsigned char>(s[end - 1])))
                        --end;
                    out.push_back(s.substr(i, end - i));
                    break;
                }
                size_t j = i;
                while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])))
                    ++j;
                out.push_back(s.substr(i, j - i));
                ++splits;
                i = j;
            }
            return out;
        }
        size_t start = 0;
        while (true) {
            const size_t pos =
                (limited && splits >= m_maxSplit) ? std::string::npos : s.find(m_delimiter, start);
            if (pos == std::string::npos) {
                out.push_back(s.substr(start));
                break;
            }
            out.push_back(s.substr(start, pos - start));
            ++splits;
            start = pos + m_delimiter.size();
        }
        return out;
    }

    std::string m_delimiter;
    int64_t m_maxSplit;
};

class RegexFullMatchKernel final : public Kernel {
public:
    explicit RegexFullMatchKernel(const NodeDesc& node)
        : m_pattern(node.getString("pattern", "")) {
        try {
            m_regex = std::regex(m_pattern, std::regex::ECMAScript);
            m_valid = true;
        } catch (const std::regex_error& e) {
            m_error = e.what();
        }
    }
    Status compute(KernelContext& context) const override {
        if (!m_valid)
            return Status::error("invalid pattern '" + m_pattern + "': " + m_error);
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "X"));
        OS_RETURN_IF_ERROR(requireStrings(*x, "X"));
        Tensor& out = context.allocateOutput(0, DataType::Bool, x->shape());
        const std::string* s = x->data<std::string>();
        for (int64_t i = 0; i < x->elementCount(); ++i)
            out.data<uint8_t>()[i] = std::regex_match(s[i], m_regex) ? 1 : 0;
        return {};
    }

private:
    std::string m_pattern;
    std::regex m_regex;
    bool m_valid = false;
    std::string m_error;
};

} // namespace

void registerStringOps(KernelRegistry& registry) {
    registry.add("StringNormalizer", 10, &makeKernel<StringNormalizerKernel>);
    registry.add("StringConcat", 20, &makeKernel<StringConcatKernel>);
    registry.add("StringSplit", 20, &makeKernel<StringSplitKernel>);
    registry.add("RegexFullMatch", 20, &makeKernel<RegexFullMatchKernel>);
}

} // namespace onnxscope
