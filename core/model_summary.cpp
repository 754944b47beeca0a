#include "model_summary.h"

#include "data_type.h"
#include "model.h"
#include "tensor.h"

#include <onnx/onnx_pb.h>

#include <set>

namespace onnxscope {

std::string ValueSummary::shapeText() const {
    if (!hasShape)
        return "?";
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i)
        s += (i ? "," : "") + shape[i];
    return s + "]";
}

std::string typeToString(const onnx::TypeProto& type) {
    auto elem = [](int32_t t) {
        auto dt = dataTypeFromInt(t);
        return dt ? std::string(dataTypeName(*dt)) : "type" + std::to_string(t);
    };
    switch (type.value_case()) {
    case onnx::TypeProto::kTensorType:
        return elem(type.tensor_type().elem_type());
    case onnx::TypeProto::kSparseTensorType:
        return "sparse(" + elem(type.sparse_tensor_type().elem_type()) + ")";
    case onnx::TypeProto::kSequenceType:
        return "sequence(" + typeToString(type.sequence_type().elem_type()) + ")";
    case onnx::TypeProto::kOptionalType:
        return "optional(" + typeToString(type.optional_type().elem_type()) + ")";
    case onnx::TypeProto::kMapType:
        return "map(" + elem(type.map_type().key_type()) + "," + typeToString(type.map_type().value_type()) +
               ")";
    default:
        return "?";
    }
}

ValueSummary summarizeValue(const onnx::ValueInfoProto& value) {
    ValueSummary v;
    v.name = value.name();
    v.elementType = value.has_type() ? typeToString(value.type()) : "?";
    const onnx::TypeProto::Tensor* tensor = nullptr;
    if (value.type().has_tensor_type())
        tensor = &value.type().tensor_type();
    if (tensor && tensor->has_shape()) {
        v.hasShape = true;
        for (const auto& d : tensor->shape().dim()) {
            if (d.has_dim_value())
                v.shape.push_back(std::to_string(d.dim_value()));
            else if (d.has_dim_param() && !d.dim_param().empty())
                v.shape.push_back(d.dim_param());
            else
                v.shape.push_back("?");
        }
    }
    return v;
}

namespace {

void countNodes(const onnx::GraphProto& graph, ModelSummary& s) {
    for (const auto& node : graph.node()) {
        ++s.nodeCountTotal;
        std::string key = node.domain().empty() || node.domain() == "ai.onnx"
                              ? node.op_type()
                              : node.domain() + "::" + node.op_type();
        ++s.opHistogram[key];
        for (const auto& attr : node.attribute()) {
            if (attr.has_g())
                countNodes(attr.g(), s);
            for (const auto& g : attr.graphs())
                countNodes(g, s);
        }
    }
}

} // namespace

ModelSummary summarizeModel(const Model& model) {
    const onnx::ModelProto& m = model.proto();
    ModelSummary s;
    s.irVersion = m.ir_version();
    for (const auto& o : m.opset_import())
        s.opsetImports.emplace_back(o.domain(), o.version());
    s.producerName = m.producer_name();
    s.producerVersion = m.producer_version();
    s.domain = m.domain();
    s.modelVersion = m.model_version();
    s.docString = m.doc_string();
    s.graphName = m.graph().name();
    s.nodeCount = m.graph().node_size();
    countNodes(m.graph(), s);
    for (const auto& f : m.functions()) {
        s.functions.push_back(f.domain() + ":" + f.name());
        s.nodeCountTotal += f.node_size();
    }
    std::set<std::string> initNames;
    for (const auto& init : m.graph().initializer())
        initNames.insert(init.name());
    for (const auto& in : m.graph().input())
        if (!initNames.count(in.name()))
            s.inputs.push_back(summarizeValue(in));
    for (const auto& out : m.graph().output())
        s.outputs.push_back(summarizeValue(out));
    for (const onnx::TensorProto& t : m.graph().initializer()) {
        ++s.initializerCount;
        auto type = dataTypeFromInt(t.data_type());
        std::vector<int64_t> dims(t.dims().begin(), t.dims().end());
        auto count = checkedElementCount(dims);
        if (type && count) {
            int bits = serializedBitWidth(*type);
            s.initializerBytes += (static_cast<uint64_t>(*count) * static_cast<uint64_t>(bits) + 7) / 8;
        }
    }
    for (const auto& p : m.metadata_props())
        s.metadata.emplace_back(p.key(), p.value());
    return s;
}

} // namespace onnxscope
