// ai.onnx.ml ops covered by the conformance data: ArrayFeatureExtractor, Binarizer,
// LabelEncoder (1 to 4, list and tensor attributes) and TreeEnsemble (5).
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"

#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace onnxscope {

namespace {

constexpr const char* kMl = "ai.onnx.ml";

class ArrayFeatureExtractorKernel final : public Kernel {
public:
    explicit ArrayFeatureExtractorKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "X"));
        OS_ASSIGN_OR_RETURN(const Tensor* y, requireTensor(context, 1, "Y"));
        if (x->rank() < 1)
            return Status::error("X must have rank >= 1");
        const int64_t last = x->dim(x->rank() - 1);
        const std::vector<int64_t> indices = readInt64s(*y);
        for (int64_t i : indices)
            if (i < 0 || i >= last)
                return Status::error("index " + std::to_string(i) + " is out of range for last dim " +
                                     std::to_string(last));
        const int64_t k = static_cast<int64_t>(indices.size());
        Shape shape = x->rank() == 1 ? Shape{1, k} : x->shape();
        shape.back() = k;
        Tensor& out = context.allocateOutput(0, x->dataType(), shape);
        const int64_t rows = last == 0 ? 0 : x->elementCount() / last;
        ElementCopier copier(*x, out);
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t j = 0; j < k; ++j)
                copier.copy(r * k + j, r * last + indices[j]);
        return {};
    }
};

class BinarizerKernel final : public Kernel {
public:
    explicit BinarizerKernel(const NodeDesc& node)
        : m_threshold(node.getFloat("threshold", 0.f)) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "X"));
        if (!isNumericType(x->dataType()))
            return Status::error("X must be numeric");
        Tensor& out = context.allocateOutput(0, x->dataType(), x->shape());
        for (int64_t i = 0; i < x->elementCount(); ++i)
            setElementFromDouble(out, i, x->elementAsDouble(i) > m_threshold ? 1.0 : 0.0);
        return {};
    }

private:
    double m_threshold;
};

// Keys and values are kept as tensors so every key/value type goes through one lookup.
class LabelEncoderKernel final : public Kernel {
public:
    explicit LabelEncoderKernel(const NodeDesc& node) {
        m_keys = listTensor(node, "keys");
        m_values = listTensor(node, "values");
        if (node.opsetVersion < 2) { // classes_strings <-> int64 by position
            const auto classes = node.getStrings("classes_strings");
            m_keys = stringTensor(classes);
            m_values = Tensor(DataType::Int64, {static_cast<int64_t>(classes.size())});
            for (size_t i = 0; i < classes.size(); ++i)
                m_values.data<int64_t>()[i] = static_cast<int64_t>(i);
        }
        if (!m_values.isValid())
            return;
        m_default = Tensor(m_values.dataType(), {});
        if (const Tensor* t = node.getTensor("default_tensor");
            t && t->elementCount() == 1 && t->dataType() == m_values.dataType()) {
            ElementCopier(*t, m_default).copy(0, 0);
        } else if (m_values.dataType() == DataType::String) {
            m_default.data<std::string>()[0] = node.getString("default_string", "_Unused");
        } else if (m_values.dataType() == DataType::Int64) {
            m_default.data<int64_t>()[0] = node.getInt("default_int64", -1);
        } else if (isNumericType(m_values.dataType())) {
            setElementFromDouble(m_default, 0, node.getFloat("default_float", -0.0f));
        }
        if (m_keys.isValid() && m_keys.elementCount() == m_values.elementCount()) {
            for (int64_t i = m_keys.elementCount() - 1; i >= 0; --i) {
                if (m_keys.dataType() == DataType::String)
                    m_stringIndex[m_keys.data<std::string>()[i]] = i;
                else
                    m_numberIndex[keyOf(m_keys.elementAsDouble(i))] = i;
            }
        }
    }
    Status compute(KernelContext& context) const override {
        if (!m_keys.isValid() || !m_values.isValid() || m_keys.elementCount() != m_values.elementCount())
            return Status::error("LabelEncoder needs keys and values of the same length");
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "X"));
        if ((x->dataType() == DataType::String) != (m_keys.dataType() == DataType::String))
            return Status::error("input type " + std::string(dataTypeName(x->dataType())) +
                                 " does not match the key type " +
                                 std::string(dataTypeName(m_keys.dataType())));
        Tensor& out = context.allocateOutput(0, m_values.dataType(), x->shape());
        ElementCopier fromValues(m_values, out), fromDefault(m_default, out);
        for (int64_t i = 0; i < x->elementCount(); ++i) {
            int64_t found = -1;
            if (x->dataType() == DataType::String) {
                auto it = m_stringIndex.find(x->data<std::string>()[i]);
                found = it == m_stringIndex.end() ? -1 : it->second;
            } else {
                auto it = m_numberIndex.find(keyOf(x->elementAsDouble(i)));
                found = it == m_numberIndex.end() ? -1 : it->second;
            }
            if (found >= 0)
                fromValues.copy(i, found);
            else
                fromDefault.copy(i, 0);
        }
        return {};
    }

private:
    // NaN keys match NaN inputs; -0.0 and 0.0 are the same key.
    static double keyOf(double v) {
        return std::isnan(v) ? std::numeric_limits<double>::quiet_NaN() : v + 0.0;
    }
    static Tensor stringTensor(const std::vector<std::string>& s) {
        Tensor t(DataType::String, {static_cast<int64_t>(s.size())});
        std::copy(s.begin(), s.end(), t.data<std::string>());
        return t;
    }
    static Tensor listTensor(const NodeDesc& node, const std::string& prefix) {
        if (const Tensor* t = node.getTensor(prefix + "_tensor"))
            return t->reshaped({t->elementCount()}).value();
        if (const Attribute* a = node.attribute(prefix + "_strings"))
            return stringTensor(a->strings);
        if (const Attribute* a = node.attribute(prefix + "_int64s")) {
            Tensor t(DataType::Int64, {static_cast<int64_t>(a->ints.size())});
            std::copy(a->ints.begin(), a->ints.end(), t.data<int64_t>());
            return t;
        }
        if (const Attribute* a = node.attribute(prefix + "_floats")) {
            Tensor t(DataType::Float, {static_cast<int64_t>(a->floats.size())});
            std::copy(a->floats.begin(), a->floats.end(), t.data<float>());
            return t;
        }
        return {};
    }

    Tensor m_keys, m_values, m_default;
    std::unordered_map<std::string, int64_t> m_stringIndex;
    std::map<double, int64_t, bool (*)(double, double)> m_numberIndex{[](double a, double b) {
        if (std::isnan(a) || std::isnan(b))
            return !std::isnan(a) && std::isnan(b);
        return a < b;
    }};
};

class TreeEnsembleKernel final : public Kernel {
public:
    explicit TreeEnsembleKernel(const NodeDesc& node)
        : m_aggregate(node.getInt("aggregate_function", 1))
        , m_postTransform(node.getInt("post_transform", 0))
        , m_targets(node.getInt("n_targets", 0))
        , m_roots(node.getInts("tree_roots"))
        , m_featureIds(node.getInts("nodes_featureids"))
        , m_trueIds(node.getInts("nodes_truenodeids"))
        , m_falseIds(node.getInts("nodes_falsenodeids"))
        , m_trueLeafs(node.getInts("nodes_trueleafs"))
        , m_falseLeafs(node.getInts("nodes_falseleafs"))
        , m_missingTrue(node.getInts("nodes_missing_value_tracks_true"))
        , m_leafTargets(node.getInts("leaf_targetids")) {
        auto tensorValues = [&](const char* name) {
            const Tensor* t = node.getTensor(name);
            return t ? toDoubles(*t) : std::vector<double>{};
        };
        m_splits = tensorValues("nodes_splits");
        m_leafWeights = tensorValues("leaf_weights");
        for (double m : tensorValues("nodes_modes"))
            m_modes.push_back(static_cast<int>(m));
        // Member sets: one NaN-terminated run per BRANCH_MEMBER node, in node order.
        const std::vector<double> members = tensorValues("membership_values");
        m_memberSets.resize(m_modes.size());
        size_t pos = 0;
        for (size_t n = 0; n < m_modes.size(); ++n) {
            if (m_modes[n] != 6)
                continue;
            while (pos < members.size() && !std::isnan(members[pos]))
                m_memberSets[n].push_back(members[pos++]);
            ++pos;
        }
    }
    Status compute(KernelContext& context) const override {
        const size_t n = m_modes.size();
        if (m_splits.size() != n || m_featureIds.size() != n || m_trueIds.size() != n ||
            m_falseIds.size() != n || m_trueLeafs.size() != n || m_falseLeafs.size() != n)
            return Status::error("tree node attributes have different lengths");
        if (m_leafTargets.size() != m_leafWeights.size())
            return Status::error("leaf_targetids and leaf_weights have different lengths");
        if (m_postTransform != 0)
            return Status::error("post_transform " + std::to_string(m_postTransform) + " is not supported");
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireTensor(context, 0, "X"));
        if (x->rank() != 2)
            return Status::error("X must be [N, F], got " + shapeToString(x->shape()));
        const int64_t rows = x->dim(0), features = x->dim(1);
        Tensor& out = context.allocateOutput(0, x->dataType(), {rows, m_targets});
        std::vector<double> acc(static_cast<size_t>(m_targets));
        std::vector<bool> hit(static_cast<size_t>(m_targets));
        for (int64_t r = 0; r < rows; ++r) {
            std::fill(acc.begin(), acc.end(), 0.0);
            std::fill(hit.begin(), hit.end(), false);
            for (int64_t root : m_roots) {
                int64_t node = root;
                int64_t leaf = -1;
                for (size_t steps = 0; steps <= n && leaf < 0; ++steps) {
                    if (node < 0 || node >= static_cast<int64_t>(n))
                        return Status::error("tree node id " + std::to_string(node) + " is out of range");
                    const int64_t f = m_featureIds[node];
                    if (f < 0 || f >= features)
                        return Status::error("feature id " + std::to_string(f) + " is out of range");
                    const bool take = evaluate(node, x->elementAsDouble(r * features + f));
                    const int64_t next = take ? m_trueIds[node] : m_falseIds[node];
                    if (take ? m_trueLeafs[node] : m_falseLeafs[node])
                        leaf = next;
                    else
                        node = next;
                }
                if (leaf < 0 || leaf >= static_cast<int64_t>(m_leafWeights.size()))
                    return Status::error("tree starting at node " + std::to_string(root) +
                                         " does not reach a leaf");
                const int64_t target = m_leafTargets[leaf];
                if (target < 0 || target >= m_targets)
                    return Status::error("leaf target id " + std::to_string(target) + " is out of range");
                const double w = m_leafWeights[leaf];
                switch (m_aggregate) {
                case 2:
                    acc[target] = hit[target] ? std::min(acc[target], w) : w;
                    break;
                case 3:
                    acc[target] = hit[target] ? std::max(acc[target], w) : w;
                    break;
                default:
                    acc[target] += w;
                    break;
                }
                hit[target] = true;
            }
            for (int64_t t = 0; t < m_targets; ++t) {
                double v = acc[t];
                if (m_aggregate == 0 && !m_roots.empty())
                    v /= static_cast<double>(m_roots.size());
                setElementFromDouble(out, r * m_targets + t, v);
            }
        }
        return {};
    }

private:
    bool evaluate(int64_t node, double v) const {
        if (std::isnan(v) && static_cast<size_t>(node) < m_missingTrue.size() && m_missingTrue[node])
            return true;
        const double s = m_splits[node];
        switch (m_modes[node]) {
        case 0:
            return v <= s;
        case 1:
            return v < s;
        case 2:
            return v >= s;
        case 3:
            return v > s;
        case 4:
            return v == s;
        case 5:
            return v != s;
        case 6:
            for (double m : m_memberSets[node])
                if (static_cast<float>(m) == static_cast<float>(v))
                    return true;
            return false;
        default:
            return false;
        }
    }

    int64_t m_aggregate, m_postTransform, m_targets;
    std::vector<int64_t> m_roots, m_featureIds, m_trueIds, m_falseIds, m_trueLeafs, m_falseLeafs,
        m_missingTrue, m_leafTargets;
    std::vector<double> m_splits, m_leafWeights;
    std::vector<int> m_modes;
    std::vector<std::vector<double>> m_memberSets;
};

} // namespace

void registerMlOps(KernelRegistry& registry) {
    registry.add("ArrayFeatureExtractor", 1, &makeKernel<ArrayFeatureExtractorKernel>, kMl);
    registry.add("Binarizer", 1, &makeKernel<BinarizerKernel>, kMl);
    registry.add("LabelEncoder", 1, &makeKernel<LabelEncoderKernel>, kMl);
    registry.add("TreeEnsemble", 5, &makeKernel<TreeEnsembleKernel>, kMl);
}

} // namespace onnxscope
