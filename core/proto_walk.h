// Visits every TensorProto of a model (initializers, sparse initializers, tensor attributes)
// through every subgraph and model-local function, so external-data checks and Save As see
// each tensor exactly once wherever it sits.
#pragma once

#include <functional>

namespace onnx {
class ModelProto;
class GraphProto;
class TensorProto;
} // namespace onnx

namespace onnxscope {

void forEachTensorProto(const onnx::ModelProto& model,
                        const std::function<void(const onnx::TensorProto&)>& fn);
void forEachTensorProto(const onnx::GraphProto& graph,
                        const std::function<void(const onnx::TensorProto&)>& fn);
void forEachMutableTensorProto(onnx::ModelProto& model, const std::function<void(onnx::TensorProto&)>& fn);

} // namespace onnxscope
