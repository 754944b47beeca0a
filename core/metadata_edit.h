// metadata_props key/value lists: on the model (every IR version) and, from IR version 10 on, on
// the main graph, its nodes and its values (inputs, outputs, value_info).
//
// The linked libonnx 1.12 predates IR 10, so its classes do not know the newer fields: protobuf
// keeps them as unknown fields (GraphProto 16, NodeProto 9, ValueInfoProto 4), and this module
// reads and writes them there, leaving every other unknown field and its order as it was.
// Keys must be non-empty and distinct within one list; an edit that would break that is refused
// and changes nothing.
#pragma once

#include "status.h"

#include <string>
#include <vector>

namespace onnxscope {

class Model;

// The IR version that added metadata_props to graphs, nodes, values and functions (ONNX 1.16).
constexpr int kIrVersionWithNestedMetadata = 10;

struct MetadataTarget {
    enum class Kind { Model, Graph, Node, Value };
    Kind kind = Kind::Model;
    int node = -1;     // Kind::Node: index in the main graph's node list
    std::string value; // Kind::Value: a main-graph input, output or value_info name

    static MetadataTarget model() { return {}; }
    static MetadataTarget graph() { return {Kind::Graph, -1, {}}; }
    static MetadataTarget nodeAt(int index) { return {Kind::Node, index, {}}; }
    static MetadataTarget valueNamed(std::string name) { return {Kind::Value, -1, std::move(name)}; }
    std::string describe() const; // "the model", "the main graph", "node 3", "value 'x'"
    bool operator==(const MetadataTarget&) const = default;
};

struct MetadataEntry {
    std::string key;
    std::string value;
    bool operator==(const MetadataEntry&) const = default;
};

// Ok when target exists and this model's IR version allows metadata_props on it.
Status checkMetadataTarget(const Model& model, const MetadataTarget& target);

Result<std::vector<MetadataEntry>> metadataEntries(const Model& model, const MetadataTarget& target);

// position: where to insert among the target's entries (-1 appends); undo uses it to put a
// removed entry back where it was.
Status addMetadataEntry(Model& model, const MetadataTarget& target, const std::string& key,
                        const std::string& value, int position = -1);
Status setMetadataValue(Model& model, const MetadataTarget& target, const std::string& key,
                        const std::string& value);
Status renameMetadataKey(Model& model, const MetadataTarget& target, const std::string& from,
                         const std::string& to);
Status removeMetadataEntry(Model& model, const MetadataTarget& target, const std::string& key);

} // namespace onnxscope
