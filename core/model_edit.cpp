#include "model_edit.h"

#include "metadata_edit.h"
#include "model.h"

#include <onnx/onnx_pb.h>

#include <cctype>
#include <charconv>

namespace onnxscope {

namespace {

// An empty value clears the field (see the header). Protobuf generates set_X and clear_X per
// field, so one macro serves every string field.
#define OS_SET_OR_CLEAR(message, field, value)                                                               \
    do {                                                                                                     \
        if ((value).empty())                                                                                 \
            (message)->clear_##field();                                                                      \
        else                                                                                                 \
            (message)->set_##field(value);                                                                   \
    } while (0)

Result<onnx::NodeProto*> mutableNode(Model& model, int nodeIndex, const GraphPath& path) {
    OS_ASSIGN_OR_RETURN(const onnx::GraphProto* graph, graphAt(model.proto(), path));
    if (nodeIndex < 0 || nodeIndex >= graph->node_size())
        return Status::error("no node at index " + std::to_string(nodeIndex) + " in the " +
                             describeGraphPath(model.proto(), path));
    OS_ASSIGN_OR_RETURN(onnx::GraphProto * target, mutableGraphAt(model.mutableProto(), path));
    return target->mutable_node(nodeIndex);
}

} // namespace

Status setProducerName(Model& model, const std::string& value) {
    OS_SET_OR_CLEAR(&model.mutableProto(), producer_name, value);
    return {};
}

Status setProducerVersion(Model& model, const std::string& value) {
    OS_SET_OR_CLEAR(&model.mutableProto(), producer_version, value);
    return {};
}

Status setModelDomain(Model& model, const std::string& value) {
    OS_SET_OR_CLEAR(&model.mutableProto(), domain, value);
    return {};
}

Status setModelVersion(Model& model, int64_t value) {
    if (value == 0)
        model.mutableProto().clear_model_version();
    else
        model.mutableProto().set_model_version(value);
    return {};
}

Status setModelDocString(Model& model, const std::string& value) {
    OS_SET_OR_CLEAR(&model.mutableProto(), doc_string, value);
    return {};
}

Status setGraphDocString(Model& model, const std::string& value) {
    OS_SET_OR_CLEAR(model.mutableProto().mutable_graph(), doc_string, value);
    return {};
}

Status setNodeDocString(Model& model, int nodeIndex, const std::string& value, const GraphPath& path) {
    OS_ASSIGN_OR_RETURN(onnx::NodeProto * node, mutableNode(model, nodeIndex, path));
    OS_SET_OR_CLEAR(node, doc_string, value);
    return {};
}

Status setNodeName(Model& model, int nodeIndex, const std::string& value, const GraphPath& path) {
    OS_ASSIGN_OR_RETURN(onnx::NodeProto * node, mutableNode(model, nodeIndex, path));
    OS_SET_OR_CLEAR(node, name, value);
    return {};
}

Status setMetadataProp(Model& model, const std::string& key, const std::string& value) {
    if (metadataProp(model, key))
        return setMetadataValue(model, MetadataTarget::model(), key, value);
    return addMetadataEntry(model, MetadataTarget::model(), key, value);
}

Status removeMetadataProp(Model& model, const std::string& key) {
    return removeMetadataEntry(model, MetadataTarget::model(), key);
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

// Anywhere at all: definitions, references, value_info, and inside subgraphs.
bool nameOccurs(const onnx::GraphProto& g, const std::string& name) {
    if (graphDefines(g, name))
        return true;
    for (const auto* list : {&g.input(), &g.output(), &g.value_info()})
        for (const auto& v : *list)
            if (v.name() == name)
                return true;
    for (const auto& n : g.node()) {
        for (const auto& in : n.input())
            if (in == name)
                return true;
        for (const auto& attr : n.attribute()) {
            if (attr.has_g() && nameOccurs(attr.g(), name))
                return true;
            for (const auto& sub : attr.graphs())
                if (nameOccurs(sub, name))
                    return true;
        }
    }
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
    if (nameOccurs(g, to))
        return Status::error("cannot rename '" + from + "' to '" + to + "': that name is already used");
    renameInGraph(*model.mutableProto().mutable_graph(), from, to, false);
    return {};
}

Result<TensorDim> parseTensorDim(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos || text == "?")
        return TensorDim{};
    const std::string trimmed = text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
    if (trimmed == "?")
        return TensorDim{};
    const char first = trimmed.front();
    if (first == '-' || first == '+' || std::isdigit(static_cast<unsigned char>(first))) {
        int64_t value = 0;
        auto [end, ec] =
            std::from_chars(trimmed.data() + (first == '+'), trimmed.data() + trimmed.size(), value);
        if (ec != std::errc() || end != trimmed.data() + trimmed.size())
            return Status::error("'" + trimmed +
                                 "' is neither a size nor a symbol (symbols start with a letter)");
        if (value < 0)
            return Status::error("a dimension cannot be negative (" + trimmed + ")");
        return TensorDim::fixed(value);
    }
    return TensorDim::named(trimmed);
}

std::string formatTensorDim(const TensorDim& dim) {
    switch (dim.kind) {
    case TensorDim::Kind::Fixed:
        return std::to_string(dim.value);
    case TensorDim::Kind::Symbol:
        return dim.symbol;
    case TensorDim::Kind::Unknown:
        break;
    }
    return "?";
}

namespace {

bool hasShape(const onnx::ValueInfoProto& v) {
    return v.type().has_tensor_type() && v.type().tensor_type().has_shape();
}

// Graph inputs first, then outputs; a value can be both.
std::vector<int> ioIndices(const onnx::GraphProto& g, const std::string& name, bool outputs) {
    std::vector<int> indices;
    const auto& list = outputs ? g.output() : g.input();
    for (int i = 0; i < list.size(); ++i)
        if (list.Get(i).name() == name)
            indices.push_back(i);
    return indices;
}

} // namespace

Result<std::vector<TensorDim>> graphValueDims(const Model& model, const std::string& name) {
    const onnx::GraphProto& g = model.proto().graph();
    const onnx::ValueInfoProto* info = nullptr;
    for (bool outputs : {false, true})
        for (int i : ioIndices(g, name, outputs))
            if (!info)
                info = outputs ? &g.output(i) : &g.input(i);
    if (!info)
        return Status::error("'" + name + "' is not a graph input or output");
    if (!hasShape(*info))
        return Status::error("'" + name + "' has no declared tensor shape");
    std::vector<TensorDim> dims;
    for (const auto& d : info->type().tensor_type().shape().dim()) {
        if (d.has_dim_value())
            dims.push_back(TensorDim::fixed(d.dim_value()));
        else if (d.has_dim_param())
            dims.push_back(TensorDim::named(d.dim_param()));
        else
            dims.emplace_back();
    }
    return dims;
}

Status setGraphValueDim(Model& model, const std::string& name, int index, const TensorDim& dim) {
    OS_ASSIGN_OR_RETURN(std::vector<TensorDim> dims, graphValueDims(model, name));
    if (index < 0 || index >= static_cast<int>(dims.size()))
        return Status::error("'" + name + "' has " + std::to_string(dims.size()) +
                             " dimensions, no dimension " + std::to_string(index));
    if (dim.kind == TensorDim::Kind::Fixed && dim.value < 0)
        return Status::error("a dimension cannot be negative");
    if (dim.kind == TensorDim::Kind::Symbol && dim.symbol.empty())
        return Status::error("a symbolic dimension needs a name");
    const onnx::GraphProto& g = model.proto().graph();
    std::vector<onnx::ValueInfoProto*> targets;
    onnx::GraphProto* mg = model.mutableProto().mutable_graph();
    for (bool outputs : {false, true})
        for (int i : ioIndices(g, name, outputs))
            targets.push_back(outputs ? mg->mutable_output(i) : mg->mutable_input(i));
    for (onnx::ValueInfoProto* info : targets) {
        if (!hasShape(*info) || index >= info->type().tensor_type().shape().dim_size())
            continue;
        auto* d = info->mutable_type()->mutable_tensor_type()->mutable_shape()->mutable_dim(index);
        if (dim.kind == TensorDim::Kind::Fixed)
            d->set_dim_value(dim.value);
        else if (dim.kind == TensorDim::Kind::Symbol)
            d->set_dim_param(dim.symbol);
        else
            d->clear_value();
    }
    return {};
}

} // namespace onnxscope
