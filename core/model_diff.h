// Structural diff of two models: what changed between an original and an edited, re-exported
// or converted model. Nodes are matched by name first, then by op type and inputs, then by op
// type and order; matched nodes report changed op types, inputs, outputs and attributes, the
// rest are added or removed. Initializers are matched by name and report type, shape and the
// largest numeric difference. Model properties (IR version, producer, opsets, metadata, graph
// inputs and outputs) are listed when they differ. Only the main graph's nodes are matched;
// a changed subgraph shows as a changed graph attribute.
#pragma once

#include "status.h"
#include "tensor.h"

#include <string>
#include <vector>

namespace onnxscope {

class Model;

enum class ChangeKind { Added, Removed, Changed };
std::string_view changeKindName(ChangeKind kind); // "added", "removed", "changed"

struct PropertyChange {
    std::string property; // "producer_version", "opset:ai.onnx", "metadata:author", "input:x"
    std::string before;   // "" when absent in A
    std::string after;    // "" when absent in B
};

struct FieldChange {
    std::string field; // "op_type", "domain", "inputs", "outputs", "attribute:pads"
    std::string before, after;
};

struct NodeChange {
    ChangeKind kind = ChangeKind::Changed;
    int indexA = -1, indexB = -1; // in graph.node; -1 on the side that lacks the node
    std::string nameA, nameB;
    std::string opType;    // A's, or B's for an added node
    std::string matchedBy; // "name", "inputs", "order" for changed nodes
    std::vector<FieldChange> fields;
    std::string label() const; // the node's name, or "OpType#index"
};

struct InitializerChange {
    ChangeKind kind = ChangeKind::Changed;
    std::string name;
    std::string typeA, typeB;
    Shape shapeA, shapeB;
    double maxAbsDiff = 0; // when types and shapes match and the values are numeric
    int64_t changedElements = 0;
    std::string problem; // why values could not be compared (unreadable, non-numeric, shape change)
};

struct ModelDiff {
    std::vector<PropertyChange> properties;
    std::vector<NodeChange> nodes;
    std::vector<InitializerChange> initializers;
    int nodesA = 0, nodesB = 0, unchangedNodes = 0;

    bool isEmpty() const { return properties.empty() && nodes.empty() && initializers.empty(); }
};

Result<ModelDiff> diffModels(const Model& a, const Model& b);

} // namespace onnxscope
