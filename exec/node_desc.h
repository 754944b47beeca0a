// A protobuf-free description of one node, built once when a session plans a model.
//
// Kernels see only this (never onnx::NodeProto), so kernel files compile without the heavy
// generated protobuf headers and can be unit-tested from a hand-built description.
#pragma once

#include "core/tensor.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onnxscope {

class GraphBody; // a subgraph (If/Loop/Scan body) compiled by the session; opaque to kernels

struct Attribute {
    enum class Type {
        Undefined,
        Float,
        Int,
        String,
        Tensor,
        Graph,
        Floats,
        Ints,
        Strings,
        Tensors,
        Graphs,
        Other
    };

    std::string name;
    Type type = Type::Undefined;
    float f = 0;
    int64_t i = 0;
    std::string s;
    Tensor t;
    std::shared_ptr<const GraphBody> graph;
    std::vector<float> floats;
    std::vector<int64_t> ints;
    std::vector<std::string> strings;
    std::vector<Tensor> tensors;
    std::vector<std::shared_ptr<const GraphBody>> graphs;
};

struct NodeDesc {
    std::string name;
    std::string opType;
    std::string domain;               // "" for the default ONNX domain
    int opsetVersion = 0;             // the model's import of this node's domain
    std::vector<std::string> inputs;  // "" for an omitted optional input
    std::vector<std::string> outputs; // "" for an unused optional output
    std::vector<Attribute> attributes;

    const Attribute* attribute(std::string_view attrName) const;
    bool hasAttribute(std::string_view attrName) const { return attribute(attrName) != nullptr; }
    int64_t getInt(std::string_view attrName, int64_t fallback) const;
    float getFloat(std::string_view attrName, float fallback) const;
    std::string getString(std::string_view attrName, std::string_view fallback) const;
    std::vector<int64_t> getInts(std::string_view attrName, std::vector<int64_t> fallback = {}) const;
    std::vector<float> getFloats(std::string_view attrName, std::vector<float> fallback = {}) const;
    std::vector<std::string> getStrings(std::string_view attrName) const;
    const Tensor* getTensor(std::string_view attrName) const;

    // "name (OpType)", or "OpType_index"-style fallback when the node has no name; for messages.
    std::string displayName() const;
};

} // namespace onnxscope
