#include "proto_walk.h"

#include <onnx/onnx_pb.h>

namespace onnxscope {

namespace {

template <typename Graph, typename Fn> void walkGraph(Graph& graph, const Fn& fn);

template <typename Node, typename Fn> void walkNode(Node& node, const Fn& fn) {
    for (auto& attr : *const_cast<std::remove_const_t<Node>&>(node).mutable_attribute()) {
        if (attr.has_t())
            fn(*attr.mutable_t());
        for (auto& t : *attr.mutable_tensors())
            fn(t);
        if (attr.has_sparse_tensor()) {
            fn(*attr.mutable_sparse_tensor()->mutable_values());
            fn(*attr.mutable_sparse_tensor()->mutable_indices());
        }
        if (attr.has_g())
            walkGraph(*attr.mutable_g(), fn);
        for (auto& g : *attr.mutable_graphs())
            walkGraph(g, fn);
    }
}

template <typename Graph, typename Fn> void walkGraph(Graph& graph, const Fn& fn) {
    auto& g = const_cast<std::remove_const_t<Graph>&>(graph);
    for (auto& t : *g.mutable_initializer())
        fn(t);
    for (auto& s : *g.mutable_sparse_initializer()) {
        fn(*s.mutable_values());
        fn(*s.mutable_indices());
    }
    for (auto& node : *g.mutable_node())
        walkNode(node, fn);
}

template <typename Fn> void walkModel(onnx::ModelProto& model, const Fn& fn) {
    if (model.has_graph())
        walkGraph(*model.mutable_graph(), fn);
    for (auto& function : *model.mutable_functions())
        for (auto& node : *function.mutable_node())
            walkNode(node, fn);
    for (auto& training : *model.mutable_training_info()) {
        if (training.has_initialization())
            walkGraph(*training.mutable_initialization(), fn);
        if (training.has_algorithm())
            walkGraph(*training.mutable_algorithm(), fn);
    }
}

} // namespace

// The const walkers reuse the mutable walk; nothing is modified through the casts, and the
// mutable_*() accessors are only called on sub-messages that already exist (has_*() checks).
void forEachTensorProto(const onnx::ModelProto& model,
                        const std::function<void(const onnx::TensorProto&)>& fn) {
    walkModel(const_cast<onnx::ModelProto&>(model), [&](onnx::TensorProto& t) { fn(t); });
}

void forEachTensorProto(const onnx::GraphProto& graph,
                        const std::function<void(const onnx::TensorProto&)>& fn) {
    walkGraph(const_cast<onnx::GraphProto&>(graph), [&](onnx::TensorProto& t) { fn(t); });
}

void forEachMutableTensorProto(onnx::ModelProto& model, const std::function<void(onnx::TensorProto&)>& fn) {
    walkModel(model, fn);
}

} // namespace onnxscope
