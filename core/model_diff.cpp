#include "model_diff.h"

#include "data_type.h"
#include "model.h"
#include "model_summary.h"
#include "tensor_proto_io.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <sstream>

namespace onnxscope {

std::string_view changeKindName(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::Added:
        return "added";
    case ChangeKind::Removed:
        return "removed";
    case ChangeKind::Changed:
        break;
    }
    return "changed";
}

std::string NodeChange::label() const {
    const std::string& name = nameA.empty() ? nameB : nameA;
    if (!name.empty())
        return name;
    return opType + "#" + std::to_string(indexA >= 0 ? indexA : indexB);
}

namespace {

std::string joinList(const google::protobuf::RepeatedPtrField<std::string>& items) {
    std::string s = "[";
    for (int i = 0; i < items.size(); ++i)
        s += (i ? ", " : "") + items.Get(i);
    return s + "]";
}

std::string formatFloat(double v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

std::string describeTensorProto(const onnx::TensorProto& t) {
    auto type = tensorProtoDataType(t);
    std::string s = "tensor " + (type.ok() ? std::string(dataTypeName(*type)) : std::string("?")) + "[";
    for (int i = 0; i < t.dims_size(); ++i)
        s += (i ? "," : "") + std::to_string(t.dims(i));
    return s + "]";
}

std::string formatAttribute(const onnx::AttributeProto& a) {
    if (!a.ref_attr_name().empty())
        return "@" + a.ref_attr_name();
    std::string s;
    switch (a.type()) {
    case onnx::AttributeProto::FLOAT:
        return formatFloat(a.f());
    case onnx::AttributeProto::INT:
        return std::to_string(a.i());
    case onnx::AttributeProto::STRING:
        return "\"" + a.s() + "\"";
    case onnx::AttributeProto::TENSOR:
        return describeTensorProto(a.t());
    case onnx::AttributeProto::GRAPH:
        return "graph " + a.g().name() + " (" + std::to_string(a.g().node_size()) + " nodes)";
    case onnx::AttributeProto::FLOATS:
        for (int i = 0; i < a.floats_size(); ++i)
            s += (i ? ", " : "") + formatFloat(a.floats(i));
        return "[" + s + "]";
    case onnx::AttributeProto::INTS:
        for (int i = 0; i < a.ints_size(); ++i)
            s += (i ? ", " : "") + std::to_string(a.ints(i));
        return "[" + s + "]";
    case onnx::AttributeProto::STRINGS:
        for (int i = 0; i < a.strings_size(); ++i)
            s += std::string(i ? ", " : "") + "\"" + a.strings(i) + "\"";
        return "[" + s + "]";
    case onnx::AttributeProto::TENSORS:
        return std::to_string(a.tensors_size()) + " tensors";
    case onnx::AttributeProto::GRAPHS:
        return std::to_string(a.graphs_size()) + " graphs";
    default:
        return "(type " + std::to_string(static_cast<int>(a.type())) + ")";
    }
}

void diffAttributes(const onnx::NodeProto& a, const onnx::NodeProto& b, std::vector<FieldChange>& out) {
    std::map<std::string, const onnx::AttributeProto*> inA, inB;
    for (const auto& attr : a.attribute())
        inA[attr.name()] = &attr;
    for (const auto& attr : b.attribute())
        inB[attr.name()] = &attr;
    std::set<std::string> names;
    for (const auto& [n, p] : inA)
        names.insert(n);
    for (const auto& [n, p] : inB)
        names.insert(n);
    for (const std::string& name : names) {
        auto ia = inA.find(name), ib = inB.find(name);
        const onnx::AttributeProto* pa = ia == inA.end() ? nullptr : ia->second;
        const onnx::AttributeProto* pb = ib == inB.end() ? nullptr : ib->second;
        if (pa && pb && pa->SerializeAsString() == pb->SerializeAsString())
            continue;
        FieldChange change{"attribute:" + name, pa ? formatAttribute(*pa) : "",
                           pb ? formatAttribute(*pb) : ""};
        if (pa && pb && change.before == change.after)
            change.after += " (contents differ)";
        out.push_back(std::move(change));
    }
}

NodeChange diffNodes(const onnx::NodeProto& a, int ia, const onnx::NodeProto& b, int ib,
                     const char* matchedBy) {
    NodeChange c;
    c.indexA = ia;
    c.indexB = ib;
    c.nameA = a.name();
    c.nameB = b.name();
    c.opType = a.op_type();
    c.matchedBy = matchedBy;
    if (!a.name().empty() && !b.name().empty() && a.name() != b.name())
        c.fields.push_back({"name", a.name(), b.name()});
    if (a.op_type() != b.op_type())
        c.fields.push_back({"op_type", a.op_type(), b.op_type()});
    if (a.domain() != b.domain())
        c.fields.push_back({"domain", a.domain(), b.domain()});
    if (joinList(a.input()) != joinList(b.input()))
        c.fields.push_back({"inputs", joinList(a.input()), joinList(b.input())});
    if (joinList(a.output()) != joinList(b.output()))
        c.fields.push_back({"outputs", joinList(a.output()), joinList(b.output())});
    diffAttributes(a, b, c.fields);
    if (a.doc_string() != b.doc_string())
        c.fields.push_back({"doc_string", a.doc_string(), b.doc_string()});
    return c;
}

// Pairs nodes in three passes (name, op type + inputs, op type + order among the unmatched).
std::vector<std::pair<int, int>> matchNodes(const onnx::GraphProto& ga, const onnx::GraphProto& gb,
                                            std::vector<const char*>& how) {
    const int na = ga.node_size(), nb = gb.node_size();
    std::vector<int> partnerA(static_cast<size_t>(na), -1), partnerB(static_cast<size_t>(nb), -1);
    std::vector<std::pair<int, int>> pairs;
    auto link = [&](int i, int j, const char* by) {
        partnerA[static_cast<size_t>(i)] = j;
        partnerB[static_cast<size_t>(j)] = i;
        pairs.emplace_back(i, j);
        how.push_back(by);
    };
    std::map<std::string, int> byNameB;
    std::set<std::string> duplicate;
    for (int j = 0; j < nb; ++j) {
        const std::string& n = gb.node(j).name();
        if (n.empty())
            continue;
        if (!byNameB.emplace(n, j).second)
            duplicate.insert(n);
    }
    for (int i = 0; i < na; ++i) {
        auto it = byNameB.find(ga.node(i).name());
        if (!ga.node(i).name().empty() && it != byNameB.end() && !duplicate.count(it->first) &&
            partnerB[static_cast<size_t>(it->second)] < 0)
            link(i, it->second, "name");
    }
    for (int i = 0; i < na; ++i) {
        if (partnerA[static_cast<size_t>(i)] >= 0)
            continue;
        const std::string key = ga.node(i).op_type() + joinList(ga.node(i).input());
        for (int j = 0; j < nb; ++j)
            if (partnerB[static_cast<size_t>(j)] < 0 &&
                gb.node(j).op_type() + joinList(gb.node(j).input()) == key) {
                link(i, j, "inputs");
                break;
            }
    }
    std::map<std::string, std::vector<int>> leftB;
    for (int j = 0; j < nb; ++j)
        if (partnerB[static_cast<size_t>(j)] < 0)
            leftB[gb.node(j).op_type()].push_back(j);
    std::map<std::string, size_t> used;
    for (int i = 0; i < na; ++i) {
        if (partnerA[static_cast<size_t>(i)] >= 0)
            continue;
        const std::string& op = ga.node(i).op_type();
        auto it = leftB.find(op);
        size_t& k = used[op];
        if (it != leftB.end() && k < it->second.size())
            link(i, it->second[k++], "order");
    }
    for (int i = 0; i < na; ++i)
        if (partnerA[static_cast<size_t>(i)] < 0) {
            pairs.emplace_back(i, -1);
            how.push_back("");
        }
    for (int j = 0; j < nb; ++j)
        if (partnerB[static_cast<size_t>(j)] < 0) {
            pairs.emplace_back(-1, j);
            how.push_back("");
        }
    return pairs;
}

void diffInitializerValues(const Tensor& a, const Tensor& b, InitializerChange& c) {
    if (a.dataType() == DataType::String) {
        const auto sa = a.values<std::string>(), sb = b.values<std::string>();
        for (size_t i = 0; i < sa.size(); ++i)
            c.changedElements += sa[i] != sb[i] ? 1 : 0;
        return;
    }
    if (a.dataType() == DataType::Complex64 || a.dataType() == DataType::Complex128) {
        if (std::memcmp(a.rawData(), b.rawData(), a.byteSize()) != 0)
            c.problem = "complex values differ";
        return;
    }
    for (int64_t i = 0; i < a.elementCount(); ++i) {
        const double x = a.elementAsDouble(i), y = b.elementAsDouble(i);
        if (x == y || (std::isnan(x) && std::isnan(y)))
            continue;
        ++c.changedElements;
        const double d = std::fabs(x - y);
        if (std::isnan(d) || d > c.maxAbsDiff)
            c.maxAbsDiff = std::isnan(d) ? INFINITY : d;
    }
}

void diffInitializers(const Model& ma, const Model& mb, ModelDiff& diff) {
    std::map<std::string, const onnx::TensorProto*> inA, inB;
    for (const auto& t : ma.proto().graph().initializer())
        inA[t.name()] = &t;
    for (const auto& t : mb.proto().graph().initializer())
        inB[t.name()] = &t;
    for (const auto& [name, pa] : inA) {
        auto ib = inB.find(name);
        if (ib == inB.end()) {
            diff.initializers.push_back(
                {ChangeKind::Removed, name, describeTensorProto(*pa), "", {}, {}, 0, 0, ""});
            continue;
        }
        const onnx::TensorProto* pb = ib->second;
        if (pa->SerializeAsString() == pb->SerializeAsString())
            continue;
        InitializerChange c;
        c.name = name;
        auto ta = tensorFromProto(*pa, &ma.externalData());
        auto tb = tensorFromProto(*pb, &mb.externalData());
        if (!ta.ok() || !tb.ok()) {
            c.problem = !ta.ok() ? ta.message() : tb.message();
            diff.initializers.push_back(std::move(c));
            continue;
        }
        c.typeA = dataTypeName(ta->dataType());
        c.typeB = dataTypeName(tb->dataType());
        c.shapeA = ta->shape();
        c.shapeB = tb->shape();
        if (c.typeA != c.typeB || c.shapeA != c.shapeB) {
            c.problem = "type or shape changed";
            diff.initializers.push_back(std::move(c));
            continue;
        }
        // Same values stored differently (raw_data vs float_data, external vs inline) are no change.
        if (ta->dataType() != DataType::String && ta->byteSize() == tb->byteSize() &&
            std::memcmp(ta->rawData(), tb->rawData(), ta->byteSize()) == 0)
            continue;
        diffInitializerValues(*ta, *tb, c);
        if (c.changedElements > 0 || !c.problem.empty())
            diff.initializers.push_back(std::move(c));
    }
    for (const auto& [name, pb] : inB)
        if (!inA.count(name))
            diff.initializers.push_back(
                {ChangeKind::Added, name, "", describeTensorProto(*pb), {}, {}, 0, 0, ""});
}

void addIfDifferent(ModelDiff& diff, const std::string& property, const std::string& a,
                    const std::string& b) {
    if (a != b)
        diff.properties.push_back({property, a, b});
}

void diffProperties(const Model& ma, const Model& mb, ModelDiff& diff) {
    const ModelSummary a = summarizeModel(ma), b = summarizeModel(mb);
    addIfDifferent(diff, "ir_version", std::to_string(a.irVersion), std::to_string(b.irVersion));
    addIfDifferent(diff, "producer_name", a.producerName, b.producerName);
    addIfDifferent(diff, "producer_version", a.producerVersion, b.producerVersion);
    addIfDifferent(diff, "domain", a.domain, b.domain);
    addIfDifferent(diff, "model_version", std::to_string(a.modelVersion), std::to_string(b.modelVersion));
    addIfDifferent(diff, "doc_string", a.docString, b.docString);
    addIfDifferent(diff, "graph_name", a.graphName, b.graphName);
    auto keyed = [](const auto& pairs, auto format) {
        std::map<std::string, std::string> m;
        for (const auto& p : pairs)
            m[p.first] = format(p.second);
        return m;
    };
    auto diffMaps = [&](const std::string& prefix, const std::map<std::string, std::string>& x,
                        const std::map<std::string, std::string>& y) {
        std::set<std::string> keys;
        for (const auto& [k, v] : x)
            keys.insert(k);
        for (const auto& [k, v] : y)
            keys.insert(k);
        for (const std::string& k : keys) {
            auto ix = x.find(k), iy = y.find(k);
            addIfDifferent(diff, prefix + k, ix == x.end() ? "" : ix->second,
                           iy == y.end() ? "" : iy->second);
        }
    };
    auto version = [](int64_t v) { return std::to_string(v); };
    auto text = [](const std::string& s) { return s; };
    auto renameDefault = [](std::vector<std::pair<std::string, int64_t>> v) {
        for (auto& p : v)
            if (p.first.empty())
                p.first = "ai.onnx";
        return v;
    };
    diffMaps("opset:", keyed(renameDefault(a.opsetImports), version),
             keyed(renameDefault(b.opsetImports), version));
    diffMaps("metadata:", keyed(a.metadata, text), keyed(b.metadata, text));
    auto values = [](const std::vector<ValueSummary>& v) {
        std::map<std::string, std::string> m;
        for (const ValueSummary& s : v)
            m[s.name] = s.elementType + s.shapeText();
        return m;
    };
    diffMaps("input:", values(a.inputs), values(b.inputs));
    diffMaps("output:", values(a.outputs), values(b.outputs));
}

} // namespace

Result<ModelDiff> diffModels(const Model& a, const Model& b) {
    ModelDiff diff;
    diffProperties(a, b, diff);
    const onnx::GraphProto& ga = a.proto().graph();
    const onnx::GraphProto& gb = b.proto().graph();
    diff.nodesA = ga.node_size();
    diff.nodesB = gb.node_size();
    std::vector<const char*> how;
    const auto pairs = matchNodes(ga, gb, how);
    for (size_t k = 0; k < pairs.size(); ++k) {
        const auto [i, j] = pairs[k];
        if (i >= 0 && j >= 0) {
            NodeChange c = diffNodes(ga.node(i), i, gb.node(j), j, how[k]);
            if (c.fields.empty())
                ++diff.unchangedNodes;
            else
                diff.nodes.push_back(std::move(c));
        } else {
            const onnx::NodeProto& n = i >= 0 ? ga.node(i) : gb.node(j);
            NodeChange c;
            c.kind = i >= 0 ? ChangeKind::Removed : ChangeKind::Added;
            c.indexA = i;
            c.indexB = j;
            (i >= 0 ? c.nameA : c.nameB) = n.name();
            c.opType = n.op_type();
            diff.nodes.push_back(std::move(c));
        }
    }
    // Report in graph order: A's index, added nodes by B's index after their neighbours.
    std::stable_sort(diff.nodes.begin(), diff.nodes.end(), [](const NodeChange& x, const NodeChange& y) {
        const int kx = x.indexA >= 0 ? x.indexA : x.indexB, ky = y.indexA >= 0 ? y.indexA : y.indexB;
        return kx < ky;
    });
    diffInitializers(a, b, diff);
    return diff;
}

} // namespace onnxscope
