// Operator documentation and signatures from libonnx's schema registry, picked for the opset
// version the model imports. Ops, domains or versions the registry does not know (custom
// domains, opsets newer than libonnx 1.12's 17) come back as not found, never as a failure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onnxscope {

struct OpSchemaInfo {
    struct Attribute {
        std::string name;
        std::string type; // "int", "floats", "graph", ...
        std::string description;
        bool required = false;
        std::string defaultValue; // printed default, empty when none
    };
    struct Port {
        std::string name;
        std::string description;
        std::string typeConstraint; // e.g. "T"
        bool optional = false;
        bool variadic = false;
    };
    std::string name;
    std::string domain;
    int sinceVersion = 0;
    std::string documentation;
    bool deprecated = false;
    bool hasFunctionBody = false;
    std::vector<Attribute> attributes;
    std::vector<Port> inputs;
    std::vector<Port> outputs;
};

// The schema in force for op `opType` of `domain` at opset `opsetVersion`; nothing if unknown.
std::optional<OpSchemaInfo> lookupOpSchema(std::string_view opType, std::string_view domain,
                                           int opsetVersion);

} // namespace onnxscope
