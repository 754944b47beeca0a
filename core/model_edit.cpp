#include "model_edit.h"

#include "model.h"

#include <onnx/onnx_pb.h>

#include <unordered_set>

namespace onnxscope {

Status setProducerName(Model& model, const std::string& value) {
    model.mutableProto().set_producer_name(value);
    return {};
}

Status setProducerVersion(Model& model, const std::string& value) {
    model.mutableProto().set_producer_version(value);
    return {};
}

Status setModelDomain(Model& model, const std::string& value) {
    model.mutableProto().set_domain(value);
    return {};
}

Status setModelVersion(Model& model, int64_t value) {
    model.mutableProto().set_model_version(value);
    return {};
}

Status setModelDocString(Model& model, const std::string& value) {
    model.mutableProto().set_doc_string(value);
    return {};
}

Status setGraphDocString(Model& model, const std::string& value) {
    model.mutableProto().mutable_graph()->set_doc_string(value);
    return {};
}

Status setNodeDocString(Model& model, int nodeIndex, const std::string& value) {
    if (nodeIndex < 0 || nodeIndex >= model.proto().graph().node_size())
        return Status::error("no node at index " + std::to_string(nodeIndex));
    model.mutableProto().mutable_graph()->mutable_node(nodeIndex)->set_doc_string(value);
    return {};
}

Status setNodeName(Model& model, int nodeIndex, const std::string& value) {
    if (nodeIndex < 0 || nodeIndex >= model.proto().graph().node_size())
        return Status::error("no node at index " + std::to_string(nodeIndex));
    model.mutableProto().mutable_graph()->mutable_node(nodeIndex)->set_name(value);
    return {};
}

Status setMetadataProp(Model& model, const std::string& key, const std::string& value) {
    if (key.empty())
        return Status::error("metadata key must not be empty");
    auto* props = model.mutableProto().mutable_metadata_props();
    for (auto& p : *props) {
        if (p.key() == key) {
            p.set_value(value);
            return {};
        }
    }
    auto* p = props->Add();
    p->set_key(key);
    p->set_value(value);
    return {};
}

Status removeMetadataProp(Model& model, const std::string& key) {
    const auto& props = model.proto().metadata_props();
    for (int i = 0; i < props.size(); ++i) {
        if (props.Get(i).key() == key) {
            model.mutableProto().mutable_metadata_props()->DeleteSubrange(i, 1);
            return {};
        }
    }
    return Status::error("no metadata key '" + key + "'");
}

std::optional<std::string> metadataProp(const Model& model, std::string_view key) {
    for (const auto& p : model.proto().metadata_props())
        if (p.key() == key)
            return p.value();
    return std::nullopt;
}

namespace {

bool graphDefines(const onnx::GraphProto& g, const std::string& name) {
    for (const auto& in : g.input())
        if (in.name() == name)
            return true;
    for (const auto& init : g.initializer())
        if (init.name() == name)
            return true;
    for (const auto& n : g.node())
        for (const auto& o : n.output())
            if (o == name)
                return true;
    return false;
}

void renameInGraph(onnx::GraphProto& g, const std::string& from, const std::string& to, bool isOuter);

void renameInNodes(onnx::GraphProto& g, const std::string& from, const std::string& to) {
    for (auto& n : *g.mutable_node()) {
        for (auto& in : *n.mutable_input())
            if (in == from)
                in = to;
        for (auto& out : *n.mutable_output())
            if (out == from)
                out = to;
        for (auto& attr : *n.mutable_attribute()) {
            // A subgraph that defines the same name shadows the outer value: leave it alone.
            if (attr.has_g() && !graphDefines(attr.g(), from))
                renameInGraph(*attr.mutable_g(), from, to, true);
            for (auto& sub : *attr.mutable_graphs())
                if (!graphDefines(sub, from))
                    renameInGraph(sub, from, to, true);
        }
    }
}

void renameInGraph(onnx::GraphProto& g, const std::string& from, const std::string& to, bool isOuter) {
    renameInNodes(g, from, to);
    if (isOuter)
        return; // a subgraph only reads the value; its own inputs/outputs are different values
    for (auto& v : *g.mutable_input())
        if (v.name() == from)
            v.set_name(to);
    for (auto& v : *g.mutable_output())
        if (v.name() == from)
            v.set_name(to);
    for (auto& v : *g.mutable_value_info())
        if (v.name() == from)
            v.set_name(to);
    for (auto& t : *g.mutable_initializer())
        if (t.name() == from)
            t.set_name(to);
}

} // namespace

Status renameGraphValue(Model& model, const std::string& from, const std::string& to) {
    if (to.empty())
        return Status::error("a value name must not be empty");
    const onnx::GraphProto& g = model.proto().graph();
    bool isInputOrOutput = false;
    for (const auto& v : g.input())
        isInputOrOutput |= v.name() == from;
    for (const auto& v : g.output())
        isInputOrOutput |= v.name() == from;
    if (!isInputOrOutput)
        return Status::error("'" + from + "' is not a graph input or output");
    if (from == to)
        return {};
    if (graphDefines(g, to))
        return Status::error("cannot rename '" + from + "' to '" + to + "': that name is already used");
    for (const auto& v : g.output())
        if (v.name() == to)
            return Status::error("cannot rename '" + from + "' to '" + to + "': that name is already used");
    renameInGraph(*model.mutableProto().mutable_graph(), from, to, false);
    return {};
}

} // namespace onnxscope
