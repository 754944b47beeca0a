#include "proto_walk.h"

#include <onnx/onnx_pb.h>

namespace onnxscope {

namespace {

// One walk serves both constnesses: these overloads pick the read-only accessor for a const
// message and the mutable one otherwise, so a const walk never goes through mutable_*().
struct Access {
    static const auto& attributes(const onnx::NodeProto& n) { return n.attribute(); }
    static auto& attributes(onnx::NodeProto& n) { return *n.mutable_attribute(); }
    static const auto& tensors(const onnx::AttributeProto& a) { return a.tensors(); }
    static auto& tensors(onnx::AttributeProto& a) { return *a.mutable_tensors(); }
    static const auto& graphs(const onnx::AttributeProto& a) { return a.graphs(); }
    static auto& graphs(onnx::AttributeProto& a) { return *a.mutable_graphs(); }
    static const onnx::TensorProto& tensor(const onnx::AttributeProto& a) { return a.t(); }
    static onnx::TensorProto& tensor(onnx::AttributeProto& a) { return *a.mutable_t(); }
    static const onnx::GraphProto& graph(const onnx::AttributeProto& a) { return a.g(); }
    static onnx::GraphProto& graph(onnx::AttributeProto& a) { return *a.mutable_g(); }
    static const onnx::SparseTensorProto& sparse(const onnx::AttributeProto& a) { return a.sparse_tensor(); }
    static onnx::SparseTensorProto& sparse(onnx::AttributeProto& a) { return *a.mutable_sparse_tensor(); }
    static const onnx::TensorProto& values(const onnx::SparseTensorProto& s) { return s.values(); }
    static onnx::TensorProto& values(onnx::SparseTensorProto& s) { return *s.mutable_values(); }
    static const onnx::TensorProto& indices(const onnx::SparseTensorProto& s) { return s.indices(); }
    static onnx::TensorProto& indices(onnx::SparseTensorProto& s) { return *s.mutable_indices(); }
    static const auto& initializers(const onnx::GraphProto& g) { return g.initializer(); }
    static auto& initializers(onnx::GraphProto& g) { return *g.mutable_initializer(); }
    static const auto& sparseInitializers(const onnx::GraphProto& g) { return g.sparse_initializer(); }
    static auto& sparseInitializers(onnx::GraphProto& g) { return *g.mutable_sparse_initializer(); }
    static const auto& nodes(const onnx::GraphProto& g) { return g.node(); }
    static auto& nodes(onnx::GraphProto& g) { return *g.mutable_node(); }
    static const auto& nodes(const onnx::FunctionProto& f) { return f.node(); }
    static auto& nodes(onnx::FunctionProto& f) { return *f.mutable_node(); }
    static const onnx::GraphProto& graph(const onnx::ModelProto& m) { return m.graph(); }
    static onnx::GraphProto& graph(onnx::ModelProto& m) { return *m.mutable_graph(); }
    static const auto& functions(const onnx::ModelProto& m) { return m.functions(); }
    static auto& functions(onnx::ModelProto& m) { return *m.mutable_functions(); }
    static const auto& trainingInfo(const onnx::ModelProto& m) { return m.training_info(); }
    static auto& trainingInfo(onnx::ModelProto& m) { return *m.mutable_training_info(); }
    static const onnx::GraphProto& initialization(const onnx::TrainingInfoProto& t) {
        return t.initialization();
    }
    static onnx::GraphProto& initialization(onnx::TrainingInfoProto& t) {
        return *t.mutable_initialization();
    }
    static const onnx::GraphProto& algorithm(const onnx::TrainingInfoProto& t) { return t.algorithm(); }
    static onnx::GraphProto& algorithm(onnx::TrainingInfoProto& t) { return *t.mutable_algorithm(); }
};

template <typename Sparse, typename Fn> void walkSparse(Sparse& s, const Fn& fn) {
    if (s.has_values())
        fn(Access::values(s));
    if (s.has_indices())
        fn(Access::indices(s));
}

// Tensors and nodes are visited by one walk; onTensor or onNode may be a no-op.
template <typename Model, typename OnTensor, typename OnNode> struct Walker {
    using Function =
        std::conditional_t<std::is_const_v<Model>, const onnx::FunctionProto, onnx::FunctionProto>;
    const OnTensor& onTensor;
    const OnNode& onNode;

    template <typename Node> void node(Node& n, Function* function) const {
        onNode(n, function);
        for (auto& attr : Access::attributes(n)) {
            if (attr.has_t())
                onTensor(Access::tensor(attr));
            for (auto& t : Access::tensors(attr))
                onTensor(t);
            if (attr.has_sparse_tensor())
                walkSparse(Access::sparse(attr), onTensor);
            if (attr.has_g())
                graphOf(Access::graph(attr), function);
            for (auto& g : Access::graphs(attr))
                graphOf(g, function);
        }
    }
    template <typename Graph> void graphOf(Graph& g, Function* function) const {
        for (auto& t : Access::initializers(g))
            onTensor(t);
        for (auto& s : Access::sparseInitializers(g))
            walkSparse(s, onTensor);
        for (auto& n : Access::nodes(g))
            node(n, function);
    }
    void model(Model& m) const {
        if (m.has_graph())
            graphOf(Access::graph(m), nullptr);
        for (auto& function : Access::functions(m))
            for (auto& n : Access::nodes(function))
                node(n, &function);
        for (auto& training : Access::trainingInfo(m)) {
            if (training.has_initialization())
                graphOf(Access::initialization(training), nullptr);
            if (training.has_algorithm())
                graphOf(Access::algorithm(training), nullptr);
        }
    }
};

template <typename Model, typename OnTensor, typename OnNode>
void walkModel(Model& m, const OnTensor& onTensor, const OnNode& onNode) {
    Walker<Model, OnTensor, OnNode>{onTensor, onNode}.model(m);
}

constexpr auto kNoTensor = [](const auto&) {};
constexpr auto kNoNode = [](const auto&, const auto*) {};

} // namespace

void forEachTensorProto(const onnx::ModelProto& model,
                        const std::function<void(const onnx::TensorProto&)>& fn) {
    walkModel(model, fn, kNoNode);
}

void forEachTensorProto(const onnx::GraphProto& graph,
                        const std::function<void(const onnx::TensorProto&)>& fn) {
    Walker<const onnx::ModelProto, decltype(fn), decltype(kNoNode)>{fn, kNoNode}.graphOf(graph, nullptr);
}

void forEachMutableTensorProto(onnx::ModelProto& model, const std::function<void(onnx::TensorProto&)>& fn) {
    walkModel(model, fn, kNoNode);
}

void forEachNodeProto(const onnx::ModelProto& model,
                      const std::function<void(const onnx::NodeProto&, const onnx::FunctionProto*)>& fn) {
    walkModel(model, kNoTensor, fn);
}

void forEachMutableNodeProto(onnx::ModelProto& model,
                             const std::function<void(onnx::NodeProto&, onnx::FunctionProto*)>& fn) {
    walkModel(model, kNoTensor, fn);
}

} // namespace onnxscope
