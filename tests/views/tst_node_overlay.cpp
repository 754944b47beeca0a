// The graph overlay on its own: heat scale positions (linear and log), block sums and merged
// marks, and a graph view that paints the overlay, keeps it across relayouts and shows the
// legend only with a scale.
#include "graph_test_util.h"
#include "views/graph_page.h"
#include "views/graph_view.h"
#include "views/heat_legend.h"
#include "views/node_overlay.h"

#include <QSignalSpy>
#include <QtTest>

using namespace onnxscope;
using namespace onnxscope::test;

class TestNodeOverlay : public QObject {
    Q_OBJECT
private slots:
    void heatScalePositions();
    void blocksSumTheirChildren();
    void viewPaintsAndKeepsTheOverlay();
};

void TestNodeOverlay::heatScalePositions() {
    HeatScale linear;
    linear.min = 0;
    linear.max = 10;
    QCOMPARE(linear.position(5), 0.5);
    QCOMPARE(linear.position(-3), 0.0);
    QCOMPARE(linear.position(30), 1.0);
    HeatScale log = linear;
    log.logarithmic = true;
    log.min = 0.01;
    log.max = 100;
    QVERIFY(qAbs(log.position(1) - 0.5) < 1e-12);
    QVERIFY(log.color(100) != log.color(0.01));
    log.format = [](double v) { return QStringLiteral("%1 ms").arg(v); };
    QCOMPARE(log.text(2), QStringLiteral("2 ms"));
}

void TestNodeOverlay::blocksSumTheirChildren() {
    auto proto = makeLayeredModel(3, 0);
    auto graph = DisplayGraph::fromModel(proto, QStringLiteral("layered"));
    auto doc = GraphDocument::create(graph);
    const BlockTree& tree = *doc->tree;
    NodeOverlay overlay;
    double total = 0;
    int someNode = -1;
    for (int n = 0; n < static_cast<int>(graph->nodes().size()); ++n)
        if (graph->nodes()[size_t(n)].name.startsWith(QStringLiteral("/encoder/layer.1/"))) {
            overlay.setValue(n, 1.5);
            total += 1.5;
            someNode = n;
        }
    QVERIFY(someNode >= 0);
    overlay.addMark(someNode, NodeMark::Error);
    overlay.setValue(100000, 7); // not a node of this graph: ignored
    const auto blocks = overlay.summarizeBlocks(tree, static_cast<int>(graph->nodes().size()));
    int layer1 = -1;
    for (size_t b = 0; b < tree.blocks().size(); ++b)
        if (tree.blocks()[b].path == QStringLiteral("encoder/layer.1"))
            layer1 = static_cast<int>(b);
    QVERIFY(layer1 > 0);
    QCOMPARE(*blocks[size_t(layer1)].value, total);
    QVERIFY(blocks[size_t(layer1)].marks & NodeMark::Error);
    QCOMPARE(*blocks[0].value, total); // the root holds everything
    for (size_t b = 0; b < tree.blocks().size(); ++b)
        if (tree.blocks()[b].path.startsWith(QStringLiteral("encoder/layer.2")))
            QVERIFY(!blocks[b].value);
    overlay.fitScale();
    QCOMPARE(overlay.scale().max, 7.0);
}

void TestNodeOverlay::viewPaintsAndKeepsTheOverlay() {
    GraphPage page;
    page.resize(1000, 700);
    page.show();
    QSignalSpy layout(&page, &GraphPage::layoutReady);
    page.loadModelProto(makeLayeredModel(2, 0), QStringLiteral("layered.onnx"));
    QVERIFY(layout.wait(30000));
    page.expandAll();
    QVERIFY(layout.wait(30000));
    GraphView* view = page.view();
    const QImage before = view->renderImage(0.5);
    QVERIFY(!view->legend()->isVisible());

    NodeOverlay overlay;
    HeatScale scale;
    scale.title = QStringLiteral("time");
    overlay.setScale(scale);
    for (int n = 0; n < static_cast<int>(page.document()->graph->nodes().size()); ++n)
        overlay.setValue(n, n);
    overlay.addMark(1, NodeMark::Current);
    overlay.fitScale();
    view->setOverlay(overlay);
    QVERIFY(view->legend()->isVisible());
    QCOMPARE(view->legend()->scale().title, QStringLiteral("time"));
    const QImage after = view->renderImage(0.5);
    QCOMPARE(after.size(), before.size());
    QVERIFY(after != before);
    QVERIFY(view->ensureNodeVisible(1));

    // A relayout (collapse) keeps the overlay; closed blocks show sums.
    page.collapseAll();
    QVERIFY(layout.wait(30000));
    QVERIFY(view->overlay().entry(1) && (view->overlay().entry(1)->marks & NodeMark::Current));
    view->clearOverlay();
    QVERIFY(!view->legend()->isVisible());
}

QTEST_MAIN(TestNodeOverlay)
#include "tst_node_overlay.moc"
