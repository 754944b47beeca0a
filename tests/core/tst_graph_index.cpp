// The graph index, schemas, shape inference, summary and edit API on real exported models.
#include "core/graph_index.h"
#include "core/model.h"
#include "core/model_edit.h"
#include "core/model_summary.h"
#include "core/op_schema.h"
#include "core/shape_inference.h"

#include <onnx/onnx_pb.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace onnxscope;
namespace fs = std::filesystem;

namespace {

std::shared_ptr<Model> loadTestModel(const char* name) {
    auto model = Model::load(fs::path(ONNXSCOPE_TEST_MODELS_DIR) / (std::string(name) + ".onnx"));
    if (!model.ok())
        qFatal("%s", model.message().c_str());
    return *model;
}

// A chain of `count` Relu nodes: x -> r0 -> r1 -> ... -> y
std::unique_ptr<onnx::ModelProto> chainModel(int count) {
    auto m = std::make_unique<onnx::ModelProto>();
    m->set_ir_version(8);
    m->add_opset_import()->set_version(17);
    auto* g = m->mutable_graph();
    g->add_input()->set_name("x");
    std::string prev = "x";
    for (int i = 0; i < count; ++i) {
        auto* n = g->add_node();
        n->set_op_type("Relu");
        n->set_name("relu_" + std::to_string(i));
        n->add_input(prev);
        prev = i + 1 == count ? "y" : "v" + std::to_string(i);
        n->add_output(prev);
    }
    g->add_output()->set_name("y");
    return m;
}

} // namespace

class TestGraphIndex : public QObject {
    Q_OBJECT
private slots:
    void producersAndConsumersOnResnet() {
        auto model = loadTestModel("resnet18");
        ModelIndex index(model->proto());
        const GraphIndex& g = index.mainGraph();
        QCOMPARE(g.nodeCount(), model->proto().graph().node_size());
        const ValueEntry* input = g.value("input");
        QVERIFY(input && input->isGraphInput && input->producer == -1);
        QVERIFY(!input->consumers.empty());
        QCOMPARE(g.node(input->consumers.front()).op_type(), std::string("Conv"));
        // Every node output is indexed with its producer; every node input resolves.
        for (int i = 0; i < g.nodeCount(); ++i) {
            for (const std::string& out : g.node(i).output())
                QCOMPARE(g.value(out)->producer, i);
            for (const std::string& in : g.node(i).input()) {
                const ValueEntry* v = g.value(in);
                QVERIFY2(v && (v->producer >= 0 || v->initializer || v->isGraphInput), in.c_str());
            }
        }
        QVERIFY(g.value("output")->isGraphOutput);
        QCOMPARE(index.opsetVersion(""), 13);
        QCOMPARE(index.opsetVersion("ai.onnx"), 13);
        QCOMPARE(g.findNode(g.node(3).name()), 3);
    }

    void subgraphsResolveOuterScope() {
        // If(cond) { then: Identity(outer) } else { Neg(outer) }, both reading the outer 'outer'.
        onnx::ModelProto m;
        m.set_ir_version(8);
        m.add_opset_import()->set_version(17);
        auto* g = m.mutable_graph();
        g->add_input()->set_name("cond");
        g->add_input()->set_name("outer");
        auto* node = g->add_node();
        node->set_op_type("If");
        node->set_name("branch");
        node->add_input("cond");
        node->add_output("result");
        for (const char* branch : {"then_branch", "else_branch"}) {
            auto* attr = node->add_attribute();
            attr->set_name(branch);
            attr->set_type(onnx::AttributeProto::GRAPH);
            auto* body = attr->mutable_g();
            auto* inner = body->add_node();
            inner->set_op_type(std::string(branch) == "then_branch" ? "Identity" : "Neg");
            inner->add_input("outer");
            inner->add_output("branch_out");
            body->add_output()->set_name("branch_out");
        }
        g->add_output()->set_name("result");

        ModelIndex index(m);
        const GraphIndex& main = index.mainGraph();
        QCOMPARE(main.subgraphs().size(), size_t(2));
        QCOMPARE(main.subgraphsOf(0).size(), size_t(2));
        QCOMPARE(main.totalNodeCount(), 3);
        const GraphIndex& body = *main.subgraphs().front().index;
        QCOMPARE(body.parent(), &main);
        QCOMPARE(body.depth(), 1);
        const ValueEntry* outer = body.value("outer");
        QVERIFY(outer && outer->isOuterScope);
        const GraphIndex* owner = nullptr;
        const ValueEntry* resolved = body.resolve("outer", &owner);
        QVERIFY(resolved && resolved->isGraphInput);
        QCOMPARE(owner, &main);
        QVERIFY(!body.value("branch_out")->isOuterScope);
    }

    void indexBuildScales() {
        auto m = chainModel(100000);
        QElapsedTimer timer;
        timer.start();
        ModelIndex index(*m);
        qint64 ms = timer.elapsed();
        qInfo("index over 100000 nodes built in %lld ms", ms);
        QCOMPARE(index.mainGraph().nodeCount(), 100000);
        QCOMPARE(index.mainGraph().findNode("relu_99999"), 99999);
        QCOMPARE(index.mainGraph().value("v500")->consumers.front(), 501);
    }

    void schemaFollowsOpset() {
        auto v1 = lookupOpSchema("Softmax", "", 11);
        auto v13 = lookupOpSchema("Softmax", "", 13);
        QVERIFY(v1 && v13);
        QCOMPARE(v1->sinceVersion, 11);
        QCOMPARE(v13->sinceVersion, 13);
        auto axis = std::find_if(v13->attributes.begin(), v13->attributes.end(),
                                 [](const auto& a) { return a.name == "axis"; });
        QVERIFY(axis != v13->attributes.end());
        QCOMPARE(axis->defaultValue, std::string("-1"));
        QVERIFY(!v13->documentation.empty());
        // Unknown ops and domains are "not found", not a crash; a newer opset falls back to the
        // latest known version.
        QVERIFY(!lookupOpSchema("NoSuchOp", "", 13));
        QVERIFY(!lookupOpSchema("Conv", "com.example", 1));
        QVERIFY(lookupOpSchema("Relu", "", 28).has_value());
    }

    void shapeInferenceKeepsDeclaredApart() {
        auto model = loadTestModel("example_cnn");
        InferredModel inferred = inferShapes(model->proto());
        QVERIFY(inferred.model);
        ModelIndex index(model->proto());
        index.mutableMainGraph().attachInferred(inferred.model->graph());
        const GraphIndex& g = index.mainGraph();
        int withInferred = 0;
        for (const ValueEntry& v : g.values())
            if (v.inferred)
                ++withInferred;
        QVERIFY(withInferred > g.nodeCount() / 2);
        // The loaded model itself is not modified.
        QCOMPARE(model->proto().graph().value_info_size(), 0);
        QVERIFY(!model->isEdited());
    }

    void summaryOfTransformer() {
        auto model = loadTestModel("transformer_encoder");
        ModelSummary s = summarizeModel(*model);
        QCOMPARE(s.inputs.size(), size_t(1));
        QCOMPARE(s.inputs[0].shape.at(0), std::string("batch"));
        QCOMPARE(s.inputs[0].shape.at(1), std::string("sequence"));
        QCOMPARE(s.inputs[0].shape.at(2), std::string("64"));
        QCOMPARE(s.inputs[0].elementType, std::string("float"));
        QVERIFY(s.opHistogram.count("MatMul") || s.opHistogram.count("Gemm"));
        QVERIFY(s.initializerCount > 0 && s.initializerBytes > 64 * 64 * 4);
        QCOMPARE(s.producerName, std::string("pytorch"));
    }

    void editsAndRename() {
        auto model = loadTestModel("example_cnn");
        QVERIFY(setMetadataProp(*model, "author", "tests").ok());
        QVERIFY(setMetadataProp(*model, "author", "tests2").ok());
        QCOMPARE(metadataProp(*model, "author").value(), std::string("tests2"));
        QVERIFY(!setMetadataProp(*model, "", "x").ok());
        QVERIFY(!removeMetadataProp(*model, "nope").ok());
        QVERIFY(setProducerName(*model, "onnxscope").ok());
        QVERIFY(model->isEdited());

        Status clash = renameGraphValue(*model, "input", model->proto().graph().node(0).output(0));
        QVERIFY(!clash.ok());
        QVERIFY(clash.message().find("already used") != std::string::npos);
        QVERIFY(renameGraphValue(*model, "input", "image").ok());
        QCOMPARE(model->proto().graph().input(0).name(), std::string("image"));
        QCOMPARE(model->proto().graph().node(0).input(0), std::string("image"));
        QVERIFY(renameGraphValue(*model, "output", "probabilities").ok());

        QTemporaryDir tmp;
        fs::path out = fs::path(tmp.path().toStdString()) / "edited.onnx";
        Status saved = model->save(out);
        QVERIFY2(saved.ok(), saved.message().c_str());
        auto reloaded = Model::load(out);
        QVERIFY(reloaded.ok());
        QCOMPARE(metadataProp(**reloaded, "author").value(), std::string("tests2"));
        QCOMPARE((*reloaded)->proto().producer_name(), std::string("onnxscope"));
        QCOMPARE((*reloaded)->proto().graph().output(0).name(), std::string("probabilities"));
        // Everything not edited is unchanged: same nodes and initializers, byte for byte.
        auto original = loadTestModel("example_cnn");
        QCOMPARE((*reloaded)->proto().graph().initializer_size(),
                 original->proto().graph().initializer_size());
        for (int i = 0; i < original->proto().graph().initializer_size(); ++i)
            QVERIFY((*reloaded)->proto().graph().initializer(i).SerializeAsString() ==
                    original->proto().graph().initializer(i).SerializeAsString());
    }
};

QTEST_GUILESS_MAIN(TestGraphIndex)
#include "tst_graph_index.moc"
