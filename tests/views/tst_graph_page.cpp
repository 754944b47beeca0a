// Widget test of the graph page as a user drives it: open a model, search, select, expand a
// block, navigate with the keyboard, open a subgraph, export, and render to a non-blank image.
#include "graph_test_util.h"
#include "views/graph_page.h"
#include "views/graph_search_panel.h"
#include "views/graph_view.h"
#include "views/layout_controller.h"
#include "views/node_properties_panel.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace onnxscope;
using namespace onnxscope::test;

class TestGraphPage : public QObject {
    Q_OBJECT
private slots:
    void opensSearchesSelectsAndExpands();
    void keyboardFollowsProducers();
    void opensSubgraphWithBreadcrumb();
    void exportsSvgAndPng();
    void controllerDropsSupersededLayouts();

private:
    static bool waitLayout(GraphPage& page) {
        QSignalSpy spy(&page, &GraphPage::layoutReady);
        return spy.wait(60000);
    }
};

static int nonWhitePixels(const QImage& image) {
    int count = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            count += (image.pixel(x, y) & 0xffffff) != 0xffffff;
    return count;
}

void TestGraphPage::opensSearchesSelectsAndExpands() {
    GraphPage page;
    page.resize(1200, 800);
    page.show();
    page.loadModelProto(makeLayeredModel(12, 300), QStringLiteral("layered.onnx"));
    QVERIFY(waitLayout(page));
    QVERIFY(page.hasLayout());
    const SceneLayout& first = page.view()->sceneLayout();
    QVERIFY(!first.nodes.empty());
    // 12 layers + a 300-node tail open collapsed, not as ~420 nodes.
    QVERIFY2(first.nodes.size() < page.document()->graph->nodes().size(),
             qPrintable(QString::number(first.nodes.size())));

    // Search by op type; the hit sits in a closed block, so choosing it expands and selects.
    QCOMPARE(page.searchPanel()->search(QStringLiteral("softmax")), 12);
    page.searchPanel()->activateResult(3);
    QVERIFY(waitLayout(page));
    const int selected = page.view()->selectedNode();
    QVERIFY(selected >= 0);
    QCOMPARE(page.document()->graph->nodes()[size_t(selected)].opType, QStringLiteral("Softmax"));
    QVERIFY(page.document()->graph->nodes()[size_t(selected)].name.contains(QStringLiteral("layer.3")));
    const QStringList rows = page.propertiesPanel()->rowsText();
    QVERIFY2(rows.contains(QStringLiteral("Op type: Softmax")), qPrintable(rows.join('\n')));
    QVERIFY2(rows.contains(QStringLiteral("axis: -1")), qPrintable(rows.join('\n')));
    QVERIFY(!page.propertiesPanel()->documentation().isEmpty());

    // Expand a closed block by toggling it.
    int closed = -1;
    for (const SceneBlock& b : page.view()->sceneLayout().blocks)
        if (!b.expanded) {
            closed = b.block;
            break;
        }
    QVERIFY(closed > 0);
    const size_t nodesBefore = page.view()->sceneLayout().nodes.size();
    page.toggleBlock(closed);
    QVERIFY(waitLayout(page));
    bool nowOpen = false;
    for (const SceneBlock& b : page.view()->sceneLayout().blocks)
        nowOpen |= b.block == closed && b.expanded;
    QVERIFY(nowOpen);
    QVERIFY(page.view()->sceneLayout().nodes.size() > nodesBefore);

    const QImage image = page.view()->renderImage(0.5, 2000);
    QVERIFY(!image.isNull());
    QVERIFY2(nonWhitePixels(image) > 500, qPrintable(QString::number(nonWhitePixels(image))));
    // The widget itself paints something too.
    const QImage grabbed = page.view()->viewport()->grab().toImage();
    QVERIFY(nonWhitePixels(grabbed) > 50);
}

void TestGraphPage::keyboardFollowsProducers() {
    GraphPage page;
    page.resize(1000, 700);
    page.show();
    page.loadModelProto(makeLayeredModel(2, 0), QStringLiteral("small.onnx"));
    QVERIFY(waitLayout(page));
    page.expandAll();
    QVERIFY(waitLayout(page));
    const DisplayGraph& graph = *page.document()->graph;
    int softmax = -1;
    for (int n = 0; n < int(graph.nodes().size()); ++n)
        if (graph.nodes()[size_t(n)].opType == QLatin1String("Softmax"))
            softmax = n;
    QVERIFY(page.view()->selectNode(softmax));
    QSignalSpy selected(page.view(), &GraphView::nodeSelected);
    QTest::keyClick(page.view(), Qt::Key_Up);
    QCOMPARE(graph.nodes()[size_t(page.view()->selectedNode())].opType, QStringLiteral("MatMul")); // scores
    QTest::keyClick(page.view(), Qt::Key_Down);
    QCOMPARE(page.view()->selectedNode(), softmax);
    QVERIFY(selected.count() >= 2);
}

void TestGraphPage::opensSubgraphWithBreadcrumb() {
    auto model = std::make_shared<onnx::ModelProto>();
    model->add_opset_import()->set_version(16);
    onnx::GraphProto& g = *model->mutable_graph();
    addValue(g.mutable_input(), "cond", {});
    addValue(g.mutable_input(), "x", {4});
    auto* ifNode = addNode(g, "If", "branch", {"cond"}, {"y"});
    for (const char* name : {"then_branch", "else_branch"}) {
        auto* a = ifNode->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::GRAPH);
        onnx::GraphProto* body = a->mutable_g();
        addNode(*body, name[0] == 't' ? "Relu" : "Neg", "inner", {"x"}, {"r"});
        addNode(*body, "Identity", "id", {"r"}, {"out"});
        addValue(body->mutable_output(), "out", {4});
    }
    addValue(g.mutable_output(), "y", {4});

    GraphPage page;
    page.loadModelProto(model, QStringLiteral("if.onnx"));
    QVERIFY(waitLayout(page));
    QCOMPARE(page.document()->graph->nodes()[2].subgraphAttributes,
             (QStringList{QStringLiteral("then_branch"), QStringLiteral("else_branch")}));
    QVERIFY(page.openSubgraph(2, QStringLiteral("else_branch")));
    QVERIFY(waitLayout(page));
    QCOMPARE(page.breadcrumb(),
             (QStringList{QStringLiteral("if.onnx"), QStringLiteral("branch.else_branch")}));
    QCOMPARE(page.document()->graph->nodes()[0].opType, QStringLiteral("Neg"));
    // "x" comes from the outer graph: no producer inside the body, still listed as an input.
    QCOMPARE(page.document()->graph->tensors()[size_t(page.document()->graph->tensorIndex("x"))].producer,
             -1);
    page.goToLevel(0);
    QVERIFY(waitLayout(page));
    QCOMPARE(page.levelCount(), 1);
    QCOMPARE(page.document()->graph->nodes()[2].opType, QStringLiteral("If"));
}

void TestGraphPage::exportsSvgAndPng() {
    GraphPage page;
    page.loadModelProto(makeLayeredModel(3, 20), QStringLiteral("export.onnx"));
    QVERIFY(waitLayout(page));
    QTemporaryDir dir;
    QString error;
    QVERIFY2(page.exportSvg(dir.filePath("g.svg"), &error), qPrintable(error));
    QVERIFY2(page.exportPng(dir.filePath("g.png"), &error), qPrintable(error));
    QFile svg(dir.filePath("g.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray text = svg.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("encoder"));
    QImage png(dir.filePath("g.png"));
    QVERIFY(!png.isNull());
    QVERIFY(nonWhitePixels(png) > 200);
}

void TestGraphPage::controllerDropsSupersededLayouts() {
    auto doc = GraphDocument::create(DisplayGraph::fromModel(makeLayeredModel(6, 400), QStringLiteral("t")));
    LayoutController controller;
    QSignalSpy finished(&controller, &LayoutController::finished);
    QSignalSpy progress(&controller, &LayoutController::progress);
    const quint64 first = controller.request(doc, fullExpansion(*doc->tree));
    const quint64 second = controller.request(doc, initialExpansion(*doc->tree, 20));
    QVERIFY(second > first);
    QVERIFY(finished.wait(60000));
    controller.waitForIdle();
    QTest::qWait(50); // let any queued (stale) delivery arrive, to prove it is dropped
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), second);
    QVERIFY(progress.count() >= 1);
    // A cancelled request delivers nothing.
    controller.request(doc, fullExpansion(*doc->tree));
    controller.cancel();
    controller.waitForIdle();
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
}

QTEST_MAIN(TestGraphPage)
#include "tst_graph_page.moc"
