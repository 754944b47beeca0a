// An index over a model's graphs: for every value its producer, consumers, declared and inferred
// type, initializer; for every node its subgraphs; outer-scope references of subgraphs resolved
// to the enclosing graph that defines them. Lookups by name are O(1).
//
// The index points into the ModelProto it was built from (no copies of names or tensors); it is
// rebuilt after structural edits.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace onnx {
class GraphProto;
class NodeProto;
class ValueInfoProto;
class TensorProto;
class FunctionProto;
class ModelProto;
} // namespace onnx

namespace onnxscope {

class GraphIndex;

struct ValueEntry {
    std::string_view name;
    int producer = -1;       // node index in this graph; -1 for inputs, initializers, outer scope
    int producerOutput = -1; // which output of the producer
    std::vector<int> consumers;
    const onnx::ValueInfoProto* declared = nullptr; // graph input/output/value_info
    const onnx::ValueInfoProto* inferred = nullptr; // from shape inference, kept apart
    const onnx::TensorProto* initializer = nullptr;
    bool isGraphInput = false;
    bool isGraphOutput = false;
    // Used here but defined by an enclosing graph (If/Loop/Scan bodies).
    bool isOuterScope = false;
};

struct SubgraphEntry {
    int node = -1;
    std::string_view attribute;
    std::unique_ptr<GraphIndex> index;
};

class GraphIndex {
public:
    GraphIndex(const onnx::GraphProto& graph, const GraphIndex* parent = nullptr);
    ~GraphIndex();
    GraphIndex(const GraphIndex&) = delete;
    GraphIndex& operator=(const GraphIndex&) = delete;

    const onnx::GraphProto& graph() const { return *m_graph; }
    const GraphIndex* parent() const { return m_parent; }
    int depth() const;

    int nodeCount() const;
    const onnx::NodeProto& node(int index) const;
    // First node with this name, or -1 (node names are optional and may repeat).
    int findNode(std::string_view name) const;

    const std::vector<ValueEntry>& values() const { return m_values; }
    const ValueEntry* value(std::string_view name) const;
    // This graph's entry if it defines the value, else the nearest enclosing graph's.
    const ValueEntry* resolve(std::string_view name, const GraphIndex** owner = nullptr) const;

    const std::vector<SubgraphEntry>& subgraphs() const { return m_subgraphs; }
    // Subgraphs of one node, in attribute order.
    std::vector<const SubgraphEntry*> subgraphsOf(int node) const;
    int totalNodeCount() const; // this graph and every nested subgraph

    // Attaches value_info from a shape-inferred copy of this graph (same structure).
    void attachInferred(const onnx::GraphProto& inferred);

private:
    ValueEntry& entry(std::string_view name);

    const onnx::GraphProto* m_graph;
    const GraphIndex* m_parent;
    std::vector<ValueEntry> m_values;
    std::unordered_map<std::string_view, int> m_valueByName;
    std::unordered_map<std::string_view, int> m_nodeByName;
    std::vector<SubgraphEntry> m_subgraphs;
};

// The model-level index: the main graph plus model-local functions and opset imports.
class ModelIndex {
public:
    explicit ModelIndex(const onnx::ModelProto& model);
    ~ModelIndex();

    const GraphIndex& mainGraph() const { return *m_main; }
    GraphIndex& mutableMainGraph() { return *m_main; }
    // Imported opset version of a domain ("" and "ai.onnx" are the same), or 0.
    int opsetVersion(std::string_view domain) const;
    const onnx::FunctionProto* function(std::string_view domain, std::string_view name) const;

private:
    const onnx::ModelProto* m_model;
    std::unique_ptr<GraphIndex> m_main;
    std::unordered_map<std::string, int> m_opsets;
    std::unordered_map<std::string, const onnx::FunctionProto*> m_functions;
};

} // namespace onnxscope
