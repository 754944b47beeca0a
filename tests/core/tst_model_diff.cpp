// Structural model diff on real exports: a corrupted weight, a changed attribute, swapped
// inputs, renamed/added/removed nodes and changed properties each show up exactly once.
#include "../exec/model_variants.h"

#include "core/model_diff.h"

#include <QTest>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

std::shared_ptr<Model> loadModel(const std::string& name) {
    auto m = Model::load(testModelPath(name));
    return m.ok() ? std::move(m).value() : nullptr;
}

const FieldChange* field(const NodeChange& c, const std::string& name) {
    for (const FieldChange& f : c.fields)
        if (f.field == name)
            return &f;
    return nullptr;
}

} // namespace

class TestModelDiff : public QObject {
    Q_OBJECT
private slots:
    void identicalModels() {
        auto a = loadModel("resnet18");
        QVERIFY(a);
        auto b = loadModel("resnet18");
        auto diff = diffModels(*a, *b);
        QVERIFY(diff.ok());
        QVERIFY(diff->isEmpty());
        QCOMPARE(diff->unchangedNodes, a->proto().graph().node_size());
    }

    void corruptedWeight() {
        auto a = loadModel("example_cnn");
        QVERIFY(a);
        auto b =
            makeVariant(*a, [](onnx::ModelProto& m) { return corruptWeight(m, "onnx::Conv_38", 0.25f, 7); });
        QVERIFY(b);
        auto diff = diffModels(*a, *b);
        QVERIFY(diff.ok());
        QVERIFY(diff->nodes.empty());
        QVERIFY(diff->properties.empty());
        QCOMPARE(diff->initializers.size(), size_t(1));
        const InitializerChange& c = diff->initializers[0];
        QCOMPARE(c.name, std::string("onnx::Conv_38"));
        QCOMPARE(c.kind, ChangeKind::Changed);
        QCOMPARE(c.changedElements, int64_t(1));
        QVERIFY(std::abs(c.maxAbsDiff - 0.25) < 1e-6);
        QVERIFY(c.problem.empty());
    }

    void changedAttributeAndSwappedInputs() {
        auto a = loadModel("example_cnn");
        auto b = makeVariant(*a, [](onnx::ModelProto& m) {
            return setInts(m, "/features/features.4/Conv", "pads", {0, 0, 2, 2}) &&
                   swapInputs(m, "/features/features.8/Clip", 1, 2);
        });
        QVERIFY(b);
        auto diff = diffModels(*a, *b);
        QVERIFY(diff.ok());
        QCOMPARE(diff->nodes.size(), size_t(2));
        const NodeChange& conv = diff->nodes[0];
        QCOMPARE(conv.label(), std::string("/features/features.4/Conv"));
        QCOMPARE(conv.matchedBy, std::string("name"));
        const FieldChange* pads = field(conv, "attribute:pads");
        QVERIFY(pads);
        QCOMPARE(pads->before, std::string("[1, 1, 1, 1]"));
        QCOMPARE(pads->after, std::string("[0, 0, 2, 2]"));
        QCOMPARE(conv.fields.size(), size_t(1));
        const NodeChange& clip = diff->nodes[1];
        QCOMPARE(clip.label(), std::string("/features/features.8/Clip"));
        QVERIFY(field(clip, "inputs"));
        QVERIFY(diff->initializers.empty());
    }

    void unnamedNodesMatchByInputsThenOrder() {
        auto a = loadModel("example_cnn");
        auto b = makeVariant(*a, [](onnx::ModelProto& m) {
            for (auto& n : *m.mutable_graph()->mutable_node())
                n.clear_name();
            auto* relu = m.mutable_graph()->add_node(); // one more node at the end
            relu->set_op_type("Relu");
            relu->add_input("output");
            relu->add_output("extra");
            return true;
        });
        auto c = makeVariant(*a, [](onnx::ModelProto& m) {
            for (auto& n : *m.mutable_graph()->mutable_node())
                n.clear_name();
            return true;
        });
        // Names gone on both sides: everything still matches (by inputs), nothing changed.
        auto same = diffModels(*c, *c);
        QVERIFY(same.ok() && same->isEmpty());
        auto diff = diffModels(*c, *b);
        QVERIFY(diff.ok());
        QCOMPARE(diff->nodes.size(), size_t(1));
        QCOMPARE(diff->nodes[0].kind, ChangeKind::Added);
        QCOMPARE(diff->nodes[0].opType, std::string("Relu"));
        QCOMPARE(diff->nodes[0].indexB, a->proto().graph().node_size());
        // A renamed node in A vs unnamed in B matches by inputs and reports no field change.
        auto named = diffModels(*a, *c);
        QVERIFY(named.ok());
        QVERIFY(named->nodes.empty());
        QCOMPARE(named->unchangedNodes, a->proto().graph().node_size());
    }

    void removedNodeAndProperties() {
        auto a = loadModel("example_cnn");
        auto b = makeVariant(*a, [](onnx::ModelProto& m) {
            m.set_producer_version("9.9");
            m.mutable_opset_import(0)->set_version(m.opset_import(0).version() + 1);
            auto* meta = m.add_metadata_props();
            meta->set_key("note");
            meta->set_value("edited");
            auto* nodes = m.mutable_graph()->mutable_node();
            nodes->erase(nodes->begin() + 1); // the first Relu
            return true;
        });
        auto diff = diffModels(*a, *b);
        QVERIFY(diff.ok());
        std::map<std::string, PropertyChange> props;
        for (const PropertyChange& p : diff->properties)
            props[p.property] = p;
        QVERIFY(props.count("producer_version"));
        QCOMPARE(props["producer_version"].after, std::string("9.9"));
        QVERIFY(props.count("opset:ai.onnx"));
        QVERIFY(props.count("metadata:note"));
        QCOMPARE(props["metadata:note"].before, std::string());
        bool removed = false;
        for (const NodeChange& n : diff->nodes)
            removed = removed || (n.kind == ChangeKind::Removed && n.label() == "/features/features.2/Relu");
        QVERIFY(removed);
        QCOMPARE(diff->nodes.size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestModelDiff)
#include "tst_model_diff.moc"
