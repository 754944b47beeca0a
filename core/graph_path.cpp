#include "graph_path.h"

#include <onnx/onnx_pb.h>

namespace onnxscope {

namespace {

std::string nodeLabel(const onnx::NodeProto& node, int index) {
    return node.name().empty() ? node.op_type() + "_" + std::to_string(index) : node.name();
}

// The subgraph one step below graph, or why there is none. Works for const and mutable access
// alike: the mutable caller passes a graph it may change and casts the result back.
Result<const onnx::GraphProto*> step(const onnx::GraphProto& graph, const GraphStep& s) {
    if (s.node < 0 || s.node >= graph.node_size())
        return Status::error("no node at index " + std::to_string(s.node) + " (the graph has " +
                             std::to_string(graph.node_size()) + ")");
    const onnx::NodeProto& node = graph.node(s.node);
    for (const onnx::AttributeProto& a : node.attribute()) {
        if (a.name() != s.attribute)
            continue;
        if (a.has_g() && s.index == 0)
            return &a.g();
        if (s.index >= 0 && s.index < a.graphs_size())
            return &a.graphs(s.index);
        return Status::error("attribute '" + s.attribute + "' of " + nodeLabel(node, s.node) +
                             " holds no graph " + std::to_string(s.index));
    }
    return Status::error(nodeLabel(node, s.node) + " has no attribute '" + s.attribute + "'");
}

} // namespace

Result<const onnx::GraphProto*> graphAt(const onnx::ModelProto& model, const GraphPath& path) {
    const onnx::GraphProto* graph = &model.graph();
    for (size_t i = 0; i < path.size(); ++i) {
        auto next = step(*graph, path[i]);
        if (!next.ok())
            return next.status().withContext("subgraph path step " + std::to_string(i + 1) + ": ");
        graph = *next;
    }
    return graph;
}

Result<onnx::GraphProto*> mutableGraphAt(onnx::ModelProto& model, const GraphPath& path) {
    OS_ASSIGN_OR_RETURN(const onnx::GraphProto* graph, graphAt(model, path));
    // Every step is owned by model, which the caller may change.
    return const_cast<onnx::GraphProto*>(graph);
}

std::string describeGraphPath(const onnx::ModelProto& model, const GraphPath& path) {
    if (path.empty())
        return "main graph";
    std::string text;
    const onnx::GraphProto* graph = &model.graph();
    for (const GraphStep& s : path) {
        if (!text.empty())
            text += '/';
        text += (graph && s.node >= 0 && s.node < graph->node_size() ? nodeLabel(graph->node(s.node), s.node)
                                                                     : "node " + std::to_string(s.node)) +
                "." + s.attribute;
        if (s.index > 0)
            text += "[" + std::to_string(s.index) + "]";
        if (graph) {
            auto next = step(*graph, s);
            graph = next.ok() ? *next : nullptr;
        }
    }
    return text;
}

} // namespace onnxscope
