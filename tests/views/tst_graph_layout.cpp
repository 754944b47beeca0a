// Layout invariants for the graph view: every node placed once (or inside a closed block), no
// overlapping boxes, edges that start and end on their boxes, and layouts reused for repeated
// blocks. Runs on models built here and on ONNX conformance models when they are present.
#include "graph_test_util.h"
#include "views/graph_document.h"
#include "views/graphviz_layout.h"
#include "views/layered_layout.h"

#include <QDir>
#include <QGuiApplication>
#include <QtTest>

using namespace onnxscope;
using namespace onnxscope::test;

class TestGraphLayout : public QObject {
    Q_OBJECT
private slots:
    void foldsConstantsAndInitializers();
    void blockTreeFromScopes();
    void layoutInvariants_data();
    void layoutInvariants();
    void repeatedBlocksReuseLayouts();
    void initialExpansionStaysSmall();
    void cancelStopsComposition();
    void enginesHandleCyclesAndSelfLoops_data();
    void enginesHandleCyclesAndSelfLoops();
    void conformanceModels_data();
    void conformanceModels();
};

void TestGraphLayout::foldsConstantsAndInitializers() {
    auto model = std::make_shared<onnx::ModelProto>();
    model->add_opset_import()->set_version(13);
    onnx::GraphProto& g = *model->mutable_graph();
    addValue(g.mutable_input(), "x", {1, 3, 8, 8});
    addInitializer(g, "W", {4, 3, 3, 3});
    auto* conv = addNode(g, "Conv", "conv", {"x", "W"}, {"c"});
    auto* ks = conv->add_attribute();
    ks->set_name("kernel_shape");
    ks->set_type(onnx::AttributeProto::INTS);
    ks->add_ints(3);
    ks->add_ints(3);
    auto* k = addNode(g, "Constant", "k", {}, {"kval"});
    auto* value = k->add_attribute();
    value->set_name("value");
    value->set_type(onnx::AttributeProto::TENSOR);
    value->mutable_t()->set_data_type(onnx::TensorProto::FLOAT);
    value->mutable_t()->add_dims(1);
    value->mutable_t()->add_float_data(2.0f);
    addNode(g, "Mul", "mul", {"c", "kval"}, {"y"});
    addValue(g.mutable_output(), "y", {1, 4, 6, 6});

    auto graph = DisplayGraph::fromModel(model, QStringLiteral("t"));
    // x, conv, mul, y: the Constant and the initializer are folded into their consumers.
    QCOMPARE(int(graph->nodes().size()), 4);
    QCOMPARE(graph->operatorCount(), 2);
    const DisplayNode& convNode = graph->nodes()[1];
    QCOMPARE(convNode.opType, QStringLiteral("Conv"));
    QVERIFY2(convNode.attributeLines.join(' ').contains(QStringLiteral("kernel_shape = 3×3")),
             qPrintable(convNode.attributeLines.join(' ')));
    QCOMPARE(convNode.embeddedLines, QStringList{QStringLiteral("W ⟨4×3×3×3⟩")});
    QCOMPARE(graph->nodes()[2].embeddedLines.size(), 1);
    QCOMPARE(graph->nodes()[0].kind, DisplayNodeKind::GraphInput);
    QCOMPARE(graph->nodes()[3].kind, DisplayNodeKind::GraphOutput);
    QCOMPARE(int(graph->edges().size()), 3); // x->conv, conv->mul, mul->y
    QCOMPARE(graph->tensors()[size_t(graph->tensorIndex("c"))].shapeText, QString());
    QCOMPARE(graph->tensors()[size_t(graph->tensorIndex("x"))].shapeText, QStringLiteral("1×3×8×8"));
}

void TestGraphLayout::blockTreeFromScopes() {
    auto graph = DisplayGraph::fromModel(makeLayeredModel(4, 200), QStringLiteral("t"));
    auto doc = GraphDocument::create(graph, 24);
    const BlockTree& tree = *doc->tree;
    QStringList paths;
    for (const Block& b : tree.blocks())
        paths << b.path;
    QVERIFY2(paths.contains(QStringLiteral("encoder")), qPrintable(paths.join(',')));
    QVERIFY(paths.contains(QStringLiteral("encoder/layer.2/attention")));
    QVERIFY(paths.contains(QStringLiteral("encoder/layer.3/mlp")));
    // Identical layers share a signature; a layer differs from its attention block.
    auto find = [&](const QString& path) { return int(paths.indexOf(path)); };
    QCOMPARE(tree.block(find("encoder/layer.0")).signature, tree.block(find("encoder/layer.3")).signature);
    QVERIFY(tree.block(find("encoder/layer.0")).signature !=
            tree.block(find("encoder/layer.0/attention")).signature);
    QCOMPARE(tree.block(find("encoder/layer.1")).totalNodes, 9);
    // Unscoped tail of 200 nodes is chunked: no block holds more than 24 items.
    for (const Block& b : tree.blocks())
        QVERIFY2(b.items.size() <= 24,
                 qPrintable(QStringLiteral("%1 holds %2 items").arg(b.path).arg(b.items.size())));
    int total = 0;
    for (const Block& b : tree.blocks())
        for (const BlockItem& item : b.items)
            total += !item.isBlock;
    QCOMPARE(total, int(graph->nodes().size()));
}

void TestGraphLayout::layoutInvariants_data() {
    QTest::addColumn<int>("engine");
    QTest::addColumn<bool>("expandAll");
    QTest::newRow("graphviz-initial") << int(LayoutEngineChoice::Graphviz) << false;
    QTest::newRow("graphviz-expanded") << int(LayoutEngineChoice::Graphviz) << true;
    QTest::newRow("layered-initial") << int(LayoutEngineChoice::Layered) << false;
    QTest::newRow("layered-expanded") << int(LayoutEngineChoice::Layered) << true;
}

void TestGraphLayout::layoutInvariants() {
    QFETCH(int, engine);
    QFETCH(bool, expandAll);
    auto graph = DisplayGraph::fromModel(makeLayeredModel(6, 150), QStringLiteral("t"));
    auto doc = GraphDocument::create(graph, 24);
    const std::vector<bool> expanded =
        expandAll ? fullExpansion(*doc->tree) : initialExpansion(*doc->tree, 40);
    SceneLayout layout;
    QVERIFY(doc->layouter(LayoutEngineChoice(engine)).compose(expanded, layout));
    const QString problem = checkLayout(*graph, *doc->tree, expanded, layout);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(!layout.edges.empty());
    if (expandAll)
        QCOMPARE(layout.nodes.size(), graph->nodes().size());
    else
        QVERIFY(layout.nodes.size() < graph->nodes().size());
}

void TestGraphLayout::repeatedBlocksReuseLayouts() {
    auto graph = DisplayGraph::fromModel(makeLayeredModel(8, 0), QStringLiteral("t"));
    auto doc = GraphDocument::create(graph);
    SceneLayout layout;
    QVERIFY(doc->layouter().compose(fullExpansion(*doc->tree), layout));
    // 8 layers x (layer, attention, mlp) blocks: only the first layer's three are computed.
    QVERIFY2(layout.reusedLayouts >= 21, qPrintable(QString::number(layout.reusedLayouts)));
    QVERIFY(layout.engineRuns <= 6);
    // A second composition of the same state comes entirely from the cache.
    SceneLayout again;
    QVERIFY(doc->layouter().compose(fullExpansion(*doc->tree), again));
    QCOMPARE(again.engineRuns, 0);
    QCOMPARE(again.nodes.size(), layout.nodes.size());
}

void TestGraphLayout::initialExpansionStaysSmall() {
    auto graph = DisplayGraph::fromModel(makeLayeredModel(24, 2000), QStringLiteral("t"));
    auto doc = GraphDocument::create(graph);
    const auto expanded = initialExpansion(*doc->tree, 300);
    SceneLayout layout;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(doc->layouter().compose(expanded, layout));
    QVERIFY(layout.nodes.size() + layout.blocks.size() <= 300 + 48);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    const QString problem = checkLayout(*graph, *doc->tree, expanded, layout);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestGraphLayout::cancelStopsComposition() {
    auto graph = DisplayGraph::fromModel(makeLayeredModel(3, 300), QStringLiteral("t"));
    auto doc = GraphDocument::create(graph);
    int calls = 0;
    SceneLayout layout;
    const bool done =
        doc->layouter(LayoutEngineChoice::Layered).compose(fullExpansion(*doc->tree), layout, [&] {
            return ++calls > 2;
        });
    QVERIFY(!done);
    QCOMPARE(calls, 3);
}

void TestGraphLayout::enginesHandleCyclesAndSelfLoops_data() {
    QTest::addColumn<bool>("graphviz");
    QTest::newRow("layered") << false;
    if (graphvizAvailable())
        QTest::newRow("graphviz") << true;
}

void TestGraphLayout::enginesHandleCyclesAndSelfLoops() {
    QFETCH(bool, graphviz);
    LayoutInput input;
    for (int i = 0; i < 6; ++i)
        input.nodeSizes.push_back(QSizeF(60 + 10 * i, 30));
    input.edges = {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 3}, {0, 4}, {4, 5}, {0, 5}, {0, 5}};
    const auto back = findBackEdges(6, input.edges);
    QCOMPARE(int(std::count(back.begin(), back.end(), true)), 2); // 2->0 and the self loop
    LayoutOutput out;
    QString error;
    std::unique_ptr<GraphLayout> engine = graphviz ? std::unique_ptr<GraphLayout>(new GraphvizLayout)
                                                   : std::unique_ptr<GraphLayout>(new LayeredLayout);
    QVERIFY2(engine->calculate(input, out, &error), qPrintable(error));
    QCOMPARE(out.positions.size(), input.nodeSizes.size());
    for (size_t i = 0; i < 6; ++i)
        for (size_t j = i + 1; j < 6; ++j)
            QVERIFY(!QRectF(out.positions[i], input.nodeSizes[i])
                         .intersects(QRectF(out.positions[j], input.nodeSizes[j])));
    const QRectF bounds(QPointF(0, 0), out.size);
    for (size_t i = 0; i < 6; ++i)
        QVERIFY(bounds.adjusted(-1, -1, 1, 1).contains(QRectF(out.positions[i], input.nodeSizes[i])));
    for (size_t e = 0; e < input.edges.size(); ++e) {
        const auto [a, b] = input.edges[e];
        QVERIFY(out.edges[e].points.size() >= 2);
        QVERIFY(QRectF(out.positions[size_t(a)], input.nodeSizes[size_t(a)])
                    .adjusted(-2, -2, 2, 2)
                    .contains(out.edges[e].points.front()));
        QVERIFY(QRectF(out.positions[size_t(b)], input.nodeSizes[size_t(b)])
                    .adjusted(-2, -2, 2, 2)
                    .contains(out.edges[e].points.back()));
    }
    // Flow goes downward: 0 above 1 above 2.
    QVERIFY(out.positions[0].y() < out.positions[1].y());
    QVERIFY(out.positions[1].y() < out.positions[2].y());
}

void TestGraphLayout::conformanceModels_data() {
    QTest::addColumn<QString>("name");
    for (const char* name :
         {"test_conv_with_strides_padding", "test_if", "test_loop11", "test_lstm_defaults",
          "test_layer_normalization_4d_axis0_expanded",
          "test_attention_local_window_ext_cache_rank4_batch_mask_expanded",
          "test_affine_grid_3d_align_corners_expanded", "test_range_float_type_positive_delta_expanded"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestGraphLayout::conformanceModels() {
    QFETCH(QString, name);
    const QString path = QStringLiteral(ONNXSCOPE_SHARED_DIR "/onnx-tests/node/%1/model.onnx").arg(name);
    if (!QFile::exists(path))
        QSKIP(qPrintable(QStringLiteral("%1 not present").arg(path)));
    auto model = readModel(path);
    QVERIFY(model);
    auto graph = DisplayGraph::fromModel(model, name);
    QVERIFY(graph->operatorCount() >= 1);
    for (auto engine : {LayoutEngineChoice::Graphviz, LayoutEngineChoice::Layered}) {
        auto doc = GraphDocument::create(graph, 8); // small blocks so chunking is exercised too
        for (const auto& expanded : {fullExpansion(*doc->tree), initialExpansion(*doc->tree, 6)}) {
            SceneLayout layout;
            QVERIFY(doc->layouter(engine).compose(expanded, layout));
            const QString problem = checkLayout(*graph, *doc->tree, expanded, layout);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }
}

QTEST_MAIN(TestGraphLayout)
#include "tst_graph_layout.moc"
