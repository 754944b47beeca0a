// Editing a node's attribute values: the kinds a user can type (int, float, string and lists of
// them), parsed from and formatted to one line of text. An edit keeps the attribute's declared
// type; tensor, graph, sparse-tensor and type attributes are read-only.
#pragma once

#include "graph_path.h"
#include "status.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace onnxscope {

class Model;

enum class AttributeKind { Int, Float, String, Ints, Floats, Strings };

// One alternative per AttributeKind, in the same order.
using AttributeValue = std::variant<int64_t, float, std::string, std::vector<int64_t>, std::vector<float>,
                                    std::vector<std::string>>;

inline AttributeKind kindOf(const AttributeValue& value) {
    return static_cast<AttributeKind>(value.index());
}
std::string_view attributeKindName(AttributeKind kind); // "int", "float list", ...

// The editable kind for an onnx::AttributeProto::AttributeType, nullopt for read-only types.
std::optional<AttributeKind> editableAttributeKind(int attributeType);

// Text forms: "3", "0.001", "same_upper", "1, 2, 3", "0.5, 1e-05", "\"a\", \"b, c\"". Lists may be
// wrapped in [ ]; string list items may be quoted (needed for commas and quotes) or bare.
Result<AttributeValue> parseAttributeValue(AttributeKind kind, const std::string& text);
std::string formatAttributeValue(const AttributeValue& value);

// The value of attribute `name` of node `nodeIndex` in the graph at path (the main graph by
// default); refused for read-only types.
Result<AttributeValue> nodeAttribute(const Model& model, int nodeIndex, const std::string& name,
                                     const GraphPath& path = {});
// Replaces the value; the attribute must exist and `value` must have its declared kind.
Status setNodeAttribute(Model& model, int nodeIndex, const std::string& name, const AttributeValue& value,
                        const GraphPath& path = {});

} // namespace onnxscope
