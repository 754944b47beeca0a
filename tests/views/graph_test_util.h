// Test helpers for the graph view: compact model building and layout invariant checks.
#pragma once

#include "views/block_layout.h"
#include "views/block_tree.h"
#include "views/display_graph.h"

#include <onnx/onnx_pb.h>

#include <QFile>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>

namespace onnxscope::test {

// Adds a node "op(in1,in2)->out" with a name; attributes are added by the caller on the result.
inline onnx::NodeProto* addNode(onnx::GraphProto& g, const std::string& op, const std::string& name,
                                const std::vector<std::string>& inputs,
                                const std::vector<std::string>& outputs) {
    onnx::NodeProto* n = g.add_node();
    n->set_op_type(op);
    n->set_name(name);
    for (const auto& i : inputs)
        n->add_input(i);
    for (const auto& o : outputs)
        n->add_output(o);
    return n;
}

inline void addValue(google::protobuf::RepeatedPtrField<onnx::ValueInfoProto>* list, const std::string& name,
                     const std::vector<int64_t>& dims) {
    onnx::ValueInfoProto* v = list->Add();
    v->set_name(name);
    auto* t = v->mutable_type()->mutable_tensor_type();
    t->set_elem_type(onnx::TensorProto::FLOAT);
    for (int64_t d : dims)
        t->mutable_shape()->add_dim()->set_dim_value(d);
}

inline void addInitializer(onnx::GraphProto& g, const std::string& name, const std::vector<int64_t>& dims) {
    onnx::TensorProto* t = g.add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    int64_t count = 1;
    for (int64_t d : dims) {
        t->add_dims(d);
        count *= d;
    }
    for (int64_t i = 0; i < count; ++i)
        t->add_float_data(static_cast<float>(i % 7) - 3.0f);
}

// A transformer-like model: `layers` identical scoped layers (attention + MLP with residuals),
// then an unscoped chain of `tail` Relu nodes that must be chunked.
inline std::shared_ptr<onnx::ModelProto> makeLayeredModel(int layers, int tail) {
    auto model = std::make_shared<onnx::ModelProto>();
    model->set_ir_version(8);
    model->add_opset_import()->set_version(17);
    onnx::GraphProto& g = *model->mutable_graph();
    g.set_name("layered");
    addValue(g.mutable_input(), "x", {1, 16, 64});
    std::string cur = "x";
    for (int l = 0; l < layers; ++l) {
        const std::string p = "/encoder/layer." + std::to_string(l);
        auto t = [&](const std::string& s) { return p + "/" + s + "_out"; };
        addInitializer(g, "w_q" + std::to_string(l), {64, 64});
        addInitializer(g, "w_k" + std::to_string(l), {64, 64});
        addNode(g, "MatMul", p + "/attention/q/MatMul", {cur, "w_q" + std::to_string(l)}, {t("q")});
        addNode(g, "MatMul", p + "/attention/k/MatMul", {cur, "w_k" + std::to_string(l)}, {t("k")});
        auto* tr = addNode(g, "Transpose", p + "/attention/Transpose", {t("k")}, {t("kt")});
        auto* perm = tr->add_attribute();
        perm->set_name("perm");
        perm->set_type(onnx::AttributeProto::INTS);
        perm->add_ints(0);
        perm->add_ints(2);
        perm->add_ints(1);
        addNode(g, "MatMul", p + "/attention/scores/MatMul", {t("q"), t("kt")}, {t("s")});
        auto* sm = addNode(g, "Softmax", p + "/attention/Softmax", {t("s")}, {t("p")});
        auto* axis = sm->add_attribute();
        axis->set_name("axis");
        axis->set_type(onnx::AttributeProto::INT);
        axis->set_i(-1);
        addNode(g, "MatMul", p + "/attention/context/MatMul", {t("p"), cur}, {t("ctx")});
        addNode(g, "Add", p + "/Add", {t("ctx"), cur}, {t("res")});
        addNode(g, "Relu", p + "/mlp/Relu", {t("res")}, {t("act")});
        addNode(g, "Add", p + "/mlp/Add", {t("act"), t("res")}, {t("out")});
        cur = t("out");
    }
    for (int i = 0; i < tail; ++i) {
        const std::string out = "tail" + std::to_string(i);
        addNode(g, "Relu", "relu_" + std::to_string(i), {cur}, {out});
        cur = out;
    }
    addNode(g, "Identity", "final", {cur}, {"y"});
    addValue(g.mutable_output(), "y", {1, 16, 64});
    return model;
}

inline std::shared_ptr<onnx::ModelProto> readModel(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return nullptr;
    const QByteArray bytes = f.readAll();
    auto model = std::make_shared<onnx::ModelProto>();
    if (!model->ParseFromArray(bytes.constData(), static_cast<int>(bytes.size())))
        return nullptr;
    return model;
}

// Returns an empty string when the layout is sound, else the first problem found.
inline QString checkLayout(const DisplayGraph& graph, const BlockTree& tree,
                           const std::vector<bool>& expanded, const SceneLayout& layout) {
    auto isOpen = [&](int b) { return b == 0 || expanded[static_cast<size_t>(b)]; };
    std::vector<int> seen(graph.nodes().size(), 0);
    for (const SceneNode& n : layout.nodes)
        ++seen[static_cast<size_t>(n.node)];
    std::vector<bool> blockShown(tree.blocks().size(), false);
    for (const SceneBlock& b : layout.blocks)
        blockShown[static_cast<size_t>(b.block)] = true;
    for (size_t n = 0; n < graph.nodes().size(); ++n) {
        bool hidden = false;
        int holder = -1;
        for (int b : tree.ancestors(static_cast<int>(n)))
            if (!isOpen(b)) {
                hidden = true;
                holder = b;
                break;
            }
        if (hidden) {
            if (seen[n] != 0)
                return QStringLiteral("node %1 is drawn although its block is closed").arg(n);
            if (!blockShown[static_cast<size_t>(holder)])
                return QStringLiteral("closed block %1 holding node %2 is not drawn").arg(holder).arg(n);
        } else if (seen[n] != 1) {
            return QStringLiteral("node %1 (%2) placed %3 times")
                .arg(n)
                .arg(graph.nodes()[n].opType)
                .arg(seen[n]);
        }
    }
    // Boxes: nodes and closed blocks must not overlap each other; open block frames may only
    // contain what is inside them.
    struct Box {
        QRectF rect;
        int block; // -1 for a node
        int node;
    };
    std::vector<Box> boxes;
    for (const SceneNode& n : layout.nodes)
        boxes.push_back({n.rect, -1, n.node});
    for (const SceneBlock& b : layout.blocks)
        boxes.push_back({b.rect, b.block, -1});
    auto inside = [&](const Box& box, int block) {
        if (box.block >= 0)
            return tree.isAncestor(block, box.block) && box.block != block;
        return tree.isAncestor(block, tree.blockOfNode(box.node));
    };
    for (size_t i = 0; i < boxes.size(); ++i)
        for (size_t j = i + 1; j < boxes.size(); ++j) {
            const QRectF overlap =
                boxes[i].rect.adjusted(0.5, 0.5, -0.5, -0.5) & boxes[j].rect.adjusted(0.5, 0.5, -0.5, -0.5);
            if (overlap.isEmpty())
                continue;
            if (boxes[i].block >= 0 && inside(boxes[j], boxes[i].block))
                continue;
            if (boxes[j].block >= 0 && inside(boxes[i], boxes[j].block))
                continue;
            return QStringLiteral("boxes overlap: %1/%2 and %3/%4")
                .arg(boxes[i].node)
                .arg(boxes[i].block)
                .arg(boxes[j].node)
                .arg(boxes[j].block);
        }
    std::vector<QRectF> nodeRect(graph.nodes().size());
    for (const SceneNode& n : layout.nodes)
        nodeRect[static_cast<size_t>(n.node)] = n.rect;
    std::vector<QRectF> blockRect(tree.blocks().size());
    for (const SceneBlock& b : layout.blocks)
        blockRect[static_cast<size_t>(b.block)] = b.rect;
    for (const SceneEdge& e : layout.edges) {
        if (e.points.size() < 2)
            return QStringLiteral("edge for tensor %1 has %2 points").arg(e.tensor).arg(e.points.size());
        const QRectF from = e.fromNode >= 0 ? nodeRect[static_cast<size_t>(e.fromNode)]
                                            : blockRect[static_cast<size_t>(e.fromBlock)];
        const QRectF to = e.toNode >= 0 ? nodeRect[static_cast<size_t>(e.toNode)]
                                        : blockRect[static_cast<size_t>(e.toBlock)];
        if (!from.adjusted(-2, -2, 2, 2).contains(e.points.front()))
            return QStringLiteral("edge for tensor %1 starts off its source")
                .arg(graph.tensors()[static_cast<size_t>(e.tensor)].name);
        if (!to.adjusted(-2, -2, 2, 2).contains(e.points.back()))
            return QStringLiteral("edge for tensor %1 ends off its target")
                .arg(graph.tensors()[static_cast<size_t>(e.tensor)].name);
    }
    for (const Box& box : boxes)
        if (!layout.bounds.adjusted(-1, -1, 1, 1).contains(box.rect))
            return QStringLiteral("box %1/%2 (%3,%4 %5x%6) lies outside the layout bounds (%7x%8)")
                .arg(box.node)
                .arg(box.block)
                .arg(box.rect.x())
                .arg(box.rect.y())
                .arg(box.rect.width())
                .arg(box.rect.height())
                .arg(layout.bounds.width())
                .arg(layout.bounds.height());
    return QString();
}

} // namespace onnxscope::test
