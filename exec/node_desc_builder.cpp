#include "node_desc_builder.h"

#include "core/tensor_proto_io.h"

#include <onnx/onnx_pb.h>

namespace onnxscope {

namespace {

Attribute::Type attributeType(onnx::AttributeProto_AttributeType type) {
    switch (type) {
    case onnx::AttributeProto::FLOAT:
        return Attribute::Type::Float;
    case onnx::AttributeProto::INT:
        return Attribute::Type::Int;
    case onnx::AttributeProto::STRING:
        return Attribute::Type::String;
    case onnx::AttributeProto::TENSOR:
        return Attribute::Type::Tensor;
    case onnx::AttributeProto::GRAPH:
        return Attribute::Type::Graph;
    case onnx::AttributeProto::FLOATS:
        return Attribute::Type::Floats;
    case onnx::AttributeProto::INTS:
        return Attribute::Type::Ints;
    case onnx::AttributeProto::STRINGS:
        return Attribute::Type::Strings;
    case onnx::AttributeProto::TENSORS:
        return Attribute::Type::Tensors;
    case onnx::AttributeProto::GRAPHS:
        return Attribute::Type::Graphs;
    default:
        return Attribute::Type::Other;
    }
}

// Old models sometimes leave AttributeProto.type unset; infer it from the filled field.
onnx::AttributeProto_AttributeType inferType(const onnx::AttributeProto& a) {
    if (a.type() != onnx::AttributeProto::UNDEFINED)
        return a.type();
    if (a.has_g())
        return onnx::AttributeProto::GRAPH;
    if (a.has_t())
        return onnx::AttributeProto::TENSOR;
    if (a.has_s())
        return onnx::AttributeProto::STRING;
    if (a.has_f())
        return onnx::AttributeProto::FLOAT;
    if (a.has_i())
        return onnx::AttributeProto::INT;
    if (a.floats_size())
        return onnx::AttributeProto::FLOATS;
    if (a.ints_size())
        return onnx::AttributeProto::INTS;
    if (a.strings_size())
        return onnx::AttributeProto::STRINGS;
    if (a.tensors_size())
        return onnx::AttributeProto::TENSORS;
    if (a.graphs_size())
        return onnx::AttributeProto::GRAPHS;
    return onnx::AttributeProto::UNDEFINED;
}

} // namespace

Result<Attribute> buildAttribute(const onnx::AttributeProto& proto, const ExternalDataStore* store,
                                 const SubgraphCompiler& compileSubgraph, const std::string& nodeLabel) {
    Attribute a;
    a.name = proto.name();
    a.type = attributeType(inferType(proto));
    const std::string where = nodeLabel + " attribute '" + proto.name() + "': ";
    switch (a.type) {
    case Attribute::Type::Float:
        a.f = proto.f();
        break;
    case Attribute::Type::Int:
        a.i = proto.i();
        break;
    case Attribute::Type::String:
        a.s = proto.s();
        break;
    case Attribute::Type::Tensor: {
        auto t = tensorFromProto(proto.t(), store);
        if (!t.ok())
            return t.status().withContext(where);
        a.t = std::move(t).value();
        break;
    }
    case Attribute::Type::Graph: {
        if (!compileSubgraph)
            return Status::error(where + "graph attributes are not supported here");
        auto g = compileSubgraph(proto.g(), proto.name());
        if (!g.ok())
            return g.status().withContext(where);
        a.graph = std::move(g).value();
        break;
    }
    case Attribute::Type::Floats:
        a.floats.assign(proto.floats().begin(), proto.floats().end());
        break;
    case Attribute::Type::Ints:
        a.ints.assign(proto.ints().begin(), proto.ints().end());
        break;
    case Attribute::Type::Strings:
        a.strings.assign(proto.strings().begin(), proto.strings().end());
        break;
    case Attribute::Type::Tensors:
        for (const auto& tp : proto.tensors()) {
            auto t = tensorFromProto(tp, store);
            if (!t.ok())
                return t.status().withContext(where);
            a.tensors.push_back(std::move(t).value());
        }
        break;
    case Attribute::Type::Graphs:
        if (!compileSubgraph)
            return Status::error(where + "graph attributes are not supported here");
        for (const auto& gp : proto.graphs()) {
            auto g = compileSubgraph(gp, proto.name());
            if (!g.ok())
                return g.status().withContext(where);
            a.graphs.push_back(std::move(g).value());
        }
        break;
    default:
        break; // sparse tensors and type protos: kept by name only
    }
    return a;
}

Result<NodeDesc> buildNodeDesc(const onnx::NodeProto& node, int opsetVersion, const ExternalDataStore* store,
                               const SubgraphCompiler& compileSubgraph) {
    NodeDesc desc;
    desc.name = node.name();
    desc.opType = node.op_type();
    desc.domain = node.domain() == "ai.onnx" ? std::string() : node.domain();
    desc.opsetVersion = opsetVersion;
    desc.inputs.assign(node.input().begin(), node.input().end());
    desc.outputs.assign(node.output().begin(), node.output().end());
    const std::string label = desc.displayName();
    for (const auto& attr : node.attribute()) {
        if (!attr.ref_attr_name().empty())
            return Status::error(label + ": attribute '" + attr.name() + "' refers to '" +
                                 attr.ref_attr_name() + "' outside a function body");
        auto a = buildAttribute(attr, store, compileSubgraph, label);
        if (!a.ok())
            return a.status();
        desc.attributes.push_back(std::move(a).value());
    }
    return desc;
}

namespace {

void resolveInGraph(onnx::GraphProto& graph,
                    const std::map<std::string, const onnx::AttributeProto*>& caller) {
    for (auto& n : *graph.mutable_node())
        resolveAttributeReferences(n, caller);
}

} // namespace

void resolveAttributeReferences(onnx::NodeProto& node,
                                const std::map<std::string, const onnx::AttributeProto*>& callerAttributes) {
    auto* attrs = node.mutable_attribute();
    for (int i = 0; i < attrs->size();) {
        onnx::AttributeProto& a = attrs->at(i);
        if (!a.ref_attr_name().empty()) {
            auto it = callerAttributes.find(a.ref_attr_name());
            if (it == callerAttributes.end()) {
                attrs->DeleteSubrange(i, 1);
                continue;
            }
            const std::string name = a.name();
            a = *it->second;
            a.set_name(name);
            a.clear_ref_attr_name();
        }
        if (a.has_g())
            resolveInGraph(*a.mutable_g(), callerAttributes);
        for (auto& g : *a.mutable_graphs())
            resolveInGraph(g, callerAttributes);
        ++i;
    }
}

} // namespace onnxscope
