// The edit API shared by `onnxscope-cli meta` and the GUI editor (whose undo commands call these
// with the old value to revert). Each edit validates its arguments and leaves the model
// unchanged when it refuses; a successful edit marks the model edited.
#pragma once

#include "status.h"

#include <optional>
#include <string>
#include <string_view>

namespace onnxscope {

class Model;

Status setProducerName(Model& model, const std::string& value);
Status setProducerVersion(Model& model, const std::string& value);
Status setModelDomain(Model& model, const std::string& value);
Status setModelVersion(Model& model, int64_t value);
Status setModelDocString(Model& model, const std::string& value);
Status setGraphDocString(Model& model, const std::string& value);
Status setNodeDocString(Model& model, int nodeIndex, const std::string& value);
Status setNodeName(Model& model, int nodeIndex, const std::string& value);

// metadata_props: add or replace (empty keys refused), remove (missing key refused).
Status setMetadataProp(Model& model, const std::string& key, const std::string& value);
Status removeMetadataProp(Model& model, const std::string& key);
std::optional<std::string> metadataProp(const Model& model, std::string_view key);

// Renames a main-graph input or output and every reference to it: node inputs/outputs in the
// graph and in subgraphs that read it from the outer scope, value_info, initializers.
// Refused when the new name is empty or already names another value.
Status renameGraphValue(Model& model, const std::string& from, const std::string& to);

} // namespace onnxscope
