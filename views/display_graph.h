// The graph as the graph view shows it: operator nodes, graph inputs and outputs, and the
// tensors that connect them, built once from an onnx::GraphProto.
//
// It is a display model, not an execution model: initializers and single-use Constant nodes are
// folded into the node that consumes them (shown as extra lines inside that node), and each node
// remembers its name scope so the block hierarchy (block_tree.h) can group it. Instances are
// immutable after building and shared read-only with layout worker threads.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace onnx {
class GraphProto;
class NodeProto;
class TensorProto;
class ModelProto;
} // namespace onnx

namespace onnxscope {

enum class DisplayNodeKind { Operator, GraphInput, GraphOutput };

struct DisplayTensor {
    QString name;
    QString typeText;  // "float32" or "seq(float32)"; empty when unknown
    QString shapeText; // "1×3×224×224", "?" parts for symbolic dims; empty when unknown
    int producer = -1; // display node, -1 for initializers and outer-scope values
    std::vector<int> consumers;
    const onnx::TensorProto* initializer = nullptr; // initializer or Constant value, if any
    bool isGraphInput = false;
    bool isGraphOutput = false;
};

struct DisplayNode {
    DisplayNodeKind kind = DisplayNodeKind::Operator;
    QString name;
    QString opType; // for inputs/outputs: the tensor name
    QString domain;
    int protoIndex = -1;        // index in GraphProto::node, -1 for graph inputs/outputs
    QStringList attributeLines; // key attributes, "kernel_shape = 3×3"
    QStringList embeddedLines;  // folded initializers / constants, "W ⟨64×3×7×7⟩"
    std::vector<int> inputs;    // tensor ids, -1 for an omitted optional input
    std::vector<int> outputs;   // tensor ids
    std::vector<int> embeddedTensors;
    QStringList scope;              // name scope, outermost first ("encoder", "layer.3")
    QStringList subgraphAttributes; // attributes holding a graph (If/Loop/Scan bodies)
};

struct DisplayEdge {
    int from = -1; // display node
    int to = -1;   // display node
    int tensor = -1;
};

class DisplayGraph {
public:
    // owner keeps graph (and the model around it) alive for as long as the DisplayGraph lives.
    // inferred, when given, is the same graph after shape inference (owned by owner too): it
    // supplies types and shapes for values the model does not declare.
    static std::shared_ptr<const DisplayGraph> build(std::shared_ptr<const void> owner,
                                                     const onnx::GraphProto& graph,
                                                     std::map<std::string, int> opsetImports,
                                                     const QString& title,
                                                     const onnx::GraphProto* inferred = nullptr);
    static std::shared_ptr<const DisplayGraph>
    fromModel(std::shared_ptr<const onnx::ModelProto> model, const QString& title,
              std::shared_ptr<const onnx::ModelProto> inferred = {});

    const onnx::GraphProto& proto() const { return *m_graph; }
    const onnx::GraphProto* inferredProto() const { return m_inferred; }
    // The inferred counterpart of a subgraph held by a node's attribute, or nullptr.
    const onnx::GraphProto* inferredSubgraph(int node, const QString& attribute, int index) const;
    const onnx::NodeProto* nodeProto(int node) const;
    const QString& title() const { return m_title; }
    int opsetFor(const QString& domain) const;
    const std::map<std::string, int>& opsetImports() const { return m_opsets; }
    std::shared_ptr<const void> owner() const { return m_owner; }

    const std::vector<DisplayNode>& nodes() const { return m_nodes; }
    const std::vector<DisplayEdge>& edges() const { return m_edges; }
    const std::vector<DisplayTensor>& tensors() const { return m_tensors; }
    int tensorIndex(const QString& name) const { return m_tensorIndex.value(name, -1); }
    int operatorCount() const;

private:
    std::shared_ptr<const void> m_owner;
    const onnx::GraphProto* m_graph = nullptr;
    const onnx::GraphProto* m_inferred = nullptr;
    std::map<std::string, int> m_opsets;
    QString m_title;
    std::vector<DisplayNode> m_nodes;
    std::vector<DisplayEdge> m_edges;
    std::vector<DisplayTensor> m_tensors;
    QHash<QString, int> m_tensorIndex;

    friend class DisplayGraphBuilder;
};

} // namespace onnxscope
