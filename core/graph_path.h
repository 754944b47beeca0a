// Where a graph sits in a model: the main graph (an empty path) or a subgraph reached through
// node attributes, such as main-graph node 12's "then_branch", then that branch's node 3's
// "body". Edits address nodes inside If/Loop/Scan bodies by a path and an index in that graph.
#pragma once

#include "status.h"

#include <string>
#include <vector>

namespace onnx {
class GraphProto;
class ModelProto;
} // namespace onnx

namespace onnxscope {

struct GraphStep {
    int node = -1;         // index in the enclosing graph's node list
    std::string attribute; // the GRAPH or GRAPHS attribute holding the subgraph
    int index = 0;         // which graph of a GRAPHS attribute
    bool operator==(const GraphStep&) const = default;
};
using GraphPath = std::vector<GraphStep>;

// The graph at path; an error names the step that does not lead to a graph.
Result<const onnx::GraphProto*> graphAt(const onnx::ModelProto& model, const GraphPath& path);
Result<onnx::GraphProto*> mutableGraphAt(onnx::ModelProto& model, const GraphPath& path);

// "main graph", or the steps joined: "If_3.then_branch/Loop_0.body".
std::string describeGraphPath(const onnx::ModelProto& model, const GraphPath& path);

} // namespace onnxscope
