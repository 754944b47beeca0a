// Small ONNX models built with libonnx's protobuf classes for the GUI tests, so the tests need
// no fixture files and no Python.
#pragma once

#include <onnx/onnx_pb.h>

#include <QString>

#include <cctype>
#include <fstream>
#include <string>

namespace onnxscope::test {

inline void setTensorType(onnx::ValueInfoProto* info, const std::string& name, int elemType,
                          std::initializer_list<std::string> dims) {
    info->set_name(name);
    auto* tensor = info->mutable_type()->mutable_tensor_type();
    tensor->set_elem_type(elemType);
    auto* shape = tensor->mutable_shape();
    for (const std::string& dim : dims) {
        auto* d = shape->add_dim();
        if (dim == "?")
            continue; // neither value nor param: an unknown dimension
        if (!dim.empty() && std::isdigit(static_cast<unsigned char>(dim[0])))
            d->set_dim_value(std::stoll(dim));
        else
            d->set_dim_param(dim);
    }
}

inline onnx::NodeProto* addNode(onnx::GraphProto* graph, const std::string& op,
                                std::initializer_list<std::string> inputs,
                                std::initializer_list<std::string> outputs, const std::string& domain = {}) {
    auto* node = graph->add_node();
    node->set_op_type(op);
    node->set_domain(domain);
    for (const auto& in : inputs)
        node->add_input(in);
    for (const auto& out : outputs)
        node->add_output(out);
    node->set_name(op + "_" + std::to_string(graph->node_size()));
    return node;
}

// X[N,3,?,4] float -> Relu -> Relu -> Add(W) -> If(cond) { Identity } -> Y; W is an initializer
// that is also listed as a graph input (IR >= 4 style), plus metadata and one local function.
inline onnx::ModelProto overviewModel() {
    onnx::ModelProto model;
    model.set_ir_version(8);
    model.set_producer_name("onnxscope-test");
    model.set_producer_version("1.0");
    model.set_domain("org.example");
    model.set_model_version(3);
    model.set_doc_string("A model for the overview test.");
    auto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(15);
    auto* custom = model.add_opset_import();
    custom->set_domain("org.example.custom");
    custom->set_version(1);
    auto* meta = model.add_metadata_props();
    meta->set_key("author");
    meta->set_value("tests");

    onnx::GraphProto* graph = model.mutable_graph();
    graph->set_name("overview_graph");
    setTensorType(graph->add_input(), "X", onnx::TensorProto::FLOAT, {"N", "3", "?", "4"});
    setTensorType(graph->add_input(), "cond", onnx::TensorProto::BOOL, {});
    setTensorType(graph->add_input(), "W", onnx::TensorProto::FLOAT, {"4"});
    auto* w = graph->add_initializer();
    w->set_name("W");
    w->set_data_type(onnx::TensorProto::FLOAT);
    w->add_dims(4);
    for (int i = 0; i < 4; ++i)
        w->add_float_data(float(i));
    addNode(graph, "Relu", {"X"}, {"r1"});
    addNode(graph, "Relu", {"r1"}, {"r2"});
    addNode(graph, "Add", {"r2", "W"}, {"a"});
    addNode(graph, "MyFn", {"a"}, {"f"}, "org.example.custom");
    auto* ifNode = addNode(graph, "If", {"cond"}, {"Y"});
    for (const char* branch : {"then_branch", "else_branch"}) {
        auto* attr = ifNode->add_attribute();
        attr->set_name(branch);
        attr->set_type(onnx::AttributeProto::GRAPH);
        auto* body = attr->mutable_g();
        body->set_name(branch);
        addNode(body, "Identity", {"f"}, {"out"});
        setTensorType(body->add_output(), "out", onnx::TensorProto::FLOAT, {"N", "3", "?", "4"});
    }
    setTensorType(graph->add_output(), "Y", onnx::TensorProto::FLOAT, {"N", "3", "?", "4"});

    auto* function = model.add_functions();
    function->set_name("MyFn");
    function->set_domain("org.example.custom");
    function->add_input("x");
    function->add_output("y");
    auto* fopset = function->add_opset_import();
    fopset->set_domain("");
    fopset->set_version(15);
    auto* n1 = function->add_node();
    n1->set_op_type("Neg");
    n1->add_input("x");
    n1->add_output("t");
    auto* n2 = function->add_node();
    n2->set_op_type("Neg");
    n2->add_input("t");
    n2->add_output("y");
    return model;
}

inline bool writeModel(const onnx::ModelProto& model, const QString& path) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    return model.SerializeToOstream(&out) && out.good();
}

} // namespace onnxscope::test
