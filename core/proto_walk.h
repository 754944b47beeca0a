// Visits every TensorProto of a model (initializers, sparse initializers, tensor attributes)
// and every NodeProto (graph, subgraphs, model-local functions) so external-data checks, Save As
// and attribute validation see each one exactly once wherever it sits.
//
// The const walks only read: they never call a mutable_*() accessor, so they are safe on a model
// other threads read at the same time and never add empty sub-messages.
#pragma once

#include <functional>

namespace onnx {
class FunctionProto;
class GraphProto;
class ModelProto;
class NodeProto;
class TensorProto;
} // namespace onnx

namespace onnxscope {

void forEachTensorProto(const onnx::ModelProto& model,
                        const std::function<void(const onnx::TensorProto&)>& fn);
void forEachTensorProto(const onnx::GraphProto& graph,
                        const std::function<void(const onnx::TensorProto&)>& fn);
void forEachMutableTensorProto(onnx::ModelProto& model, const std::function<void(onnx::TensorProto&)>& fn);

// Nodes of the main graph, of every subgraph below them, and of model-local functions (with
// their subgraphs); function is the enclosing model-local function, or null.
void forEachNodeProto(
    const onnx::ModelProto& model,
    const std::function<void(const onnx::NodeProto&, const onnx::FunctionProto* function)>& fn);
void forEachMutableNodeProto(onnx::ModelProto& model,
                             const std::function<void(onnx::NodeProto&, onnx::FunctionProto* function)>& fn);

} // namespace onnxscope
