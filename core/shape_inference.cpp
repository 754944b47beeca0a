#include "shape_inference.h"

#include "node_validation.h"

#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

namespace onnxscope {

namespace {

void copyTensorLight(const onnx::TensorProto& from, onnx::TensorProto& to, size_t maxPayloadBytes) {
    if (from.raw_data().size() <= maxPayloadBytes && from.float_data_size() * 4 <= int(maxPayloadBytes)) {
        to = from;
        return;
    }
    // Keep type and shape; the payload of a big weight never feeds shape inference.
    to.set_name(from.name());
    to.set_data_type(from.data_type());
    to.mutable_dims()->CopyFrom(from.dims());
    to.set_data_location(from.data_location());
    to.mutable_external_data()->CopyFrom(from.external_data());
}

void copyGraphLight(const onnx::GraphProto& from, onnx::GraphProto& to, size_t maxPayloadBytes) {
    to.set_name(from.name());
    to.set_doc_string(from.doc_string());
    to.mutable_input()->CopyFrom(from.input());
    to.mutable_output()->CopyFrom(from.output());
    to.mutable_value_info()->CopyFrom(from.value_info());
    to.mutable_sparse_initializer()->CopyFrom(from.sparse_initializer());
    to.mutable_quantization_annotation()->CopyFrom(from.quantization_annotation());
    for (const auto& init : from.initializer())
        copyTensorLight(init, *to.add_initializer(), maxPayloadBytes);
    for (const auto& node : from.node()) {
        onnx::NodeProto* n = to.add_node();
        *n = node; // nodes are small; subgraph initializers are rare and small
    }
}

} // namespace

std::unique_ptr<onnx::ModelProto> lightCopy(const onnx::ModelProto& model, size_t maxPayloadBytes) {
    auto copy = std::make_unique<onnx::ModelProto>();
    copy->set_ir_version(model.ir_version());
    copy->mutable_opset_import()->CopyFrom(model.opset_import());
    copy->set_producer_name(model.producer_name());
    copy->set_producer_version(model.producer_version());
    copy->set_domain(model.domain());
    copy->set_model_version(model.model_version());
    copy->mutable_metadata_props()->CopyFrom(model.metadata_props());
    copy->mutable_functions()->CopyFrom(model.functions());
    if (model.has_graph())
        copyGraphLight(model.graph(), *copy->mutable_graph(), maxPayloadBytes);
    return copy;
}

InferredModel inferShapes(const onnx::ModelProto& model) {
    InferredModel result;
    result.model = lightCopy(model);
    InvalidNodesSetAside setAside(*result.model);
    for (const ValidationIssue& issue : setAside.issues())
        result.warnings += issue.toString() + " (left out of shape inference)\n";
    try {
        onnx::ShapeInferenceOptions options;
        options.check_type = false;
        options.error_mode = 0; // skip nodes that fail instead of stopping
        options.enable_data_propagation = true;
        onnx::shape_inference::InferShapes(*result.model, onnx::OpSchemaRegistry::Instance(), options);
    } catch (const std::exception& e) {
        result.warnings += e.what();
    }
    return result; // setAside puts the nodes back into result.model, which outlives it
}

} // namespace onnxscope
