// The edit API shared by `onnxscope-cli meta` and the GUI editor (whose undo commands call these
// with the old value to revert). Each edit validates its arguments and leaves the model
// unchanged when it refuses; a successful edit marks the model edited.
//
// ONNX reads an absent string field and an empty one alike, so setting an empty string (or a
// model_version of 0) clears the field: undoing an edit of a field that was absent leaves it
// absent, and the saved bytes match the original again.
//
// Attribute values are in attribute_edit.h; metadata_props on graphs, nodes and values in
// metadata_edit.h.
#pragma once

#include "graph_path.h"
#include "status.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onnxscope {

class Model;

Status setProducerName(Model& model, const std::string& value);
Status setProducerVersion(Model& model, const std::string& value);
Status setModelDomain(Model& model, const std::string& value);
Status setModelVersion(Model& model, int64_t value);
Status setModelDocString(Model& model, const std::string& value);
Status setGraphDocString(Model& model, const std::string& value);
// nodeIndex counts in the graph at path (the main graph by default; graph_path.h).
Status setNodeDocString(Model& model, int nodeIndex, const std::string& value, const GraphPath& path = {});
Status setNodeName(Model& model, int nodeIndex, const std::string& value, const GraphPath& path = {});

// The model's metadata_props: add or replace (empty keys refused), remove (missing key refused).
Status setMetadataProp(Model& model, const std::string& key, const std::string& value);
Status removeMetadataProp(Model& model, const std::string& key);
std::optional<std::string> metadataProp(const Model& model, std::string_view key);

// Renames a main-graph input or output and every reference to it: node inputs/outputs in the
// graph and in subgraphs that read it from the outer scope, value_info, initializers.
// Refused when the new name is empty or already occurs anywhere in the graph or its subgraphs,
// so renaming back always restores the original.
Status renameGraphValue(Model& model, const std::string& from, const std::string& to);

// One dimension of a graph input's or output's tensor shape.
struct TensorDim {
    enum class Kind { Unknown, Fixed, Symbol };
    Kind kind = Kind::Unknown;
    int64_t value = 0;  // Kind::Fixed
    std::string symbol; // Kind::Symbol, e.g. "batch"

    static TensorDim fixed(int64_t v) { return {Kind::Fixed, v, {}}; }
    static TensorDim named(std::string s) { return {Kind::Symbol, 0, std::move(s)}; }
    bool operator==(const TensorDim&) const = default;
};

// "1" is a fixed size, "batch" a symbol, "?" or "" unknown; negative sizes are refused.
Result<TensorDim> parseTensorDim(const std::string& text);
std::string formatTensorDim(const TensorDim& dim);

// The declared dims of a main-graph input or output (a tensor with a shape).
Result<std::vector<TensorDim>> graphValueDims(const Model& model, const std::string& name);
// Sets dim `index` of every graph input and output named `name`.
Status setGraphValueDim(Model& model, const std::string& name, int index, const TensorDim& dim);

} // namespace onnxscope
