// The compare dock on real models, offscreen: a variant of the exported CNN with one corrupted
// weight, one changed attribute or two swapped inputs is compared against the original, and the
// GUI must name and select exactly the broken node, colour it on the graph and show both sides
// of its output. Also: expected outputs from a file, per-value tolerances, the value mapping
// dialog, and QAbstractItemModelTester on the results table.
#include "../exec/model_variants.h"

#include "views/compare/compare_controller.h"
#include "views/compare/compare_panel.h"
#include "views/compare/compare_results_model.h"
#include "views/compare/compare_runner.h"
#include "views/compare/model_diff_window.h"
#include "views/compare/tensor_diff_view.h"
#include "views/compare/value_mapping_dialog.h"
#include "views/graph_page.h"
#include "views/graph_view.h"
#include "views/node_overlay.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace onnxscope;
using namespace onnxscope::test;

class TestCompareGui : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QMainWindow* m_window = nullptr;
    GraphPage* m_page = nullptr;
    CompareController* m_compare = nullptr;

    template <typename Edit> QString writeVariant(const QString& file, Edit edit) {
        const QString out = m_tmp.filePath(file);
        return writeVariantFile("example_cnn", out.toStdString(), edit) ? out : QString();
    }

    bool open(const QString& path) {
        auto model = Model::load(path.toStdString());
        if (!model.ok())
            return false;
        QSignalSpy layout(m_page, &GraphPage::layoutReady);
        m_page->loadModel(*model);
        if (!layout.wait(30000))
            return false;
        m_page->expandAll();
        layout.wait(30000);
        m_compare->setModel(*model, path);
        return true;
    }

    bool runComparison(const CompareSetup& setup) {
        QSignalSpy done(m_compare, &CompareController::comparisonFinished);
        m_compare->panel()->setSetup(setup);
        m_compare->start();
        return done.wait(60000);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_window = new QMainWindow;
        m_page = new GraphPage(m_window);
        m_window->setCentralWidget(m_page);
        m_compare = new CompareController(m_window, m_page);
        m_compare->install();
        m_window->resize(1200, 900);
        m_window->show();
    }
    void cleanupTestCase() { delete m_window; }

    void resultsModelPassesTester() {
        new QAbstractItemModelTester(m_compare->panel()->resultsModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    }

    void namesAndSelectsTheBrokenNode_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("node");
        for (const char* kind : {"weight", "attribute", "swap"})
            QTest::newRow(kind) << kind << brokenNode(kind);
    }
    void namesAndSelectsTheBrokenNode() {
        QFETCH(QString, kind);
        QFETCH(QString, node);
        const QString variant = writeVariant(
            kind + ".onnx", [&](onnx::ModelProto& m) { return breakExampleCnn(m, kind.toStdString()); });
        QVERIFY(!variant.isEmpty());
        QVERIFY(open(variant));

        CompareSetup setup;
        setup.source = CompareSetup::Source::Model;
        setup.referencePath = QString::fromStdString(testModelPath("example_cnn").string());
        setup.everyNode = true; // names the node inside a fused group (a Clip fused into its Conv)
        QVERIFY(runComparison(setup));

        const LayerCompareReport& report = m_compare->lastReport();
        QVERIFY2(report.error.empty(), report.error.c_str());
        QCOMPARE(QString::fromStdString(report.firstDivergenceNode), node);
        QVERIFY(report.isolation && report.isolation->ownError());
        QVERIFY(m_compare->panel()->summaryLabel()->text().contains(node));
        QVERIFY(m_compare->panel()->resultsModel()->rowCount() > 3);

        // The broken node is selected on the graph, marked as the error and coloured hot.
        const int display = m_page->view()->selectedNode();
        QVERIFY(display >= 0);
        QCOMPARE(m_page->document()->graph->nodes()[static_cast<size_t>(display)].name, node);
        const NodeOverlay& overlay = m_page->view()->overlay();
        const NodeOverlayEntry* entry = overlay.entry(display);
        QVERIFY(entry);
        QVERIFY(entry->marks.testFlag(NodeMark::Error));
        QVERIFY(entry->value.has_value());
        QVERIFY(overlay.hasScale() && overlay.scale().logarithmic);

        // Its output is the current row; both sides arrive in the side-by-side view.
        QTableView* table = m_compare->panel()->table();
        QVERIFY(table->currentIndex().isValid());
        QSignalSpy pair(m_compare->runner(), &CompareRunner::pairReady);
        QVERIFY(pair.count() > 0 || pair.wait(30000));
        const ValuePair& shown = m_compare->panel()->diffView()->pair();
        QVERIFY2(shown.error.isEmpty(), qPrintable(shown.error));
        QCOMPARE(shown.actual.shape(), shown.reference.shape());
        QVERIFY(shown.difference.isValid());
        QVERIFY(!shown.comparison.withinTolerance());
        QVERIFY(shown.differenceSummary.max - shown.differenceSummary.min > 0);
        for (int side = 0; side < 3; ++side)
            QVERIFY(!m_compare->panel()->diffView()->image(side).isNull());
    }

    void withinToleranceAgainstPyTorchOutputFile() {
        QVERIFY(open(QString::fromStdString(testModelPath("example_cnn").string())));
        // The inputs PyTorch used: a test_data_set folder holds them beside the expected output.
        QTemporaryDir set;
        auto input = readNpy(testModelPath("example_cnn", ".input.npy"));
        auto output = readNpy(testModelPath("example_cnn", ".output.npy"));
        QVERIFY(input.ok() && output.ok());
        QVERIFY(writeValuePb(set.filePath("input_0.pb").toStdString(), Value(*input), "input").ok());
        QVERIFY(writeValuePb(set.filePath("output_0.pb").toStdString(), Value(*output), "output").ok());
        CompareSetup setup;
        setup.source = CompareSetup::Source::Files;
        setup.referencePath = set.path();
        setup.tolerances.global = {1e-5, 1e-4};
        QVERIFY(runComparison(setup));
        const LayerCompareReport& report = m_compare->lastReport();
        QVERIFY2(report.error.empty(), report.error.c_str());
        QCOMPARE(report.values.size(), size_t(1));
        QVERIFY(report.withinTolerance());
        QCOMPARE(report.firstDivergence, -1);
    }

    void perValueToleranceOverridesGlobal() {
        const QString variant = writeVariant(
            "perturbed.onnx", [](onnx::ModelProto& m) { return perturbWeight(m, "onnx::Conv_38", 1e-3f); });
        QVERIFY(open(variant));
        CompareSetup setup;
        setup.source = CompareSetup::Source::Model;
        setup.referencePath = QString::fromStdString(testModelPath("example_cnn").string());
        setup.isolate = false;
        QVERIFY(runComparison(setup));
        QVERIFY(!m_compare->lastReport().withinTolerance());
        // Loosen every value that failed: the same comparison now passes.
        for (const ValueReport& v : m_compare->lastReport().values)
            if (!v.withinTolerance())
                setup.tolerances.perTensor[v.name] = {1e3, 1e3};
        QVERIFY(runComparison(setup));
        QVERIFY(m_compare->lastReport().withinTolerance());
    }

    void badReferenceIsReported() {
        QVERIFY(open(QString::fromStdString(testModelPath("example_cnn").string())));
        QSignalSpy failed(m_compare->runner(), &CompareRunner::failed);
        CompareSetup setup;
        setup.source = CompareSetup::Source::Model;
        setup.referencePath = m_tmp.filePath("missing.onnx");
        QVERIFY(runComparison(setup));
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains("missing.onnx"));
        QVERIFY(m_compare->panel()->startButton()->isEnabled());
    }

    void modelDiffMarksAndSyncsBothSides() {
        QVERIFY(open(QString::fromStdString(testModelPath("example_cnn").string())));
        const QString variant = writeVariant(
            "diff_attribute.onnx", [](onnx::ModelProto& m) { return breakExampleCnn(m, "attribute"); });
        QVERIFY(!variant.isEmpty());
        ModelDiffWindow* window = m_compare->showDiff(variant);
        QVERIFY(window);
        QSignalSpy ready(window, &ModelDiffWindow::ready);
        QVERIFY(ready.wait(30000));
        const QString node = QString::fromLatin1(brokenNode("attribute"));
        // Exactly the changed node, found by name, with its pads.
        const ModelDiff& diff = window->diff();
        QCOMPARE(diff.nodes.size(), size_t(1));
        QCOMPARE(QString::fromStdString(diff.nodes[0].nameA), node);
        QCOMPARE(int(diff.nodes[0].kind), int(ChangeKind::Changed));
        QVERIFY(window->changeList()->topLevelItem(0)->child(0)->text(0).contains(node));
        // Marked on both graphs (wait for their layouts so the boxes exist).
        QTRY_VERIFY(window->pageA()->hasLayout() && window->pageB()->hasLayout());
        const int a = window->displayNode(0, diff.nodes[0].indexA);
        const int b = window->displayNode(1, diff.nodes[0].indexB);
        QVERIFY(a >= 0 && b >= 0);
        QVERIFY(window->pageA()->view()->overlay().entry(a) &&
                window->pageA()->view()->overlay().entry(a)->fill);
        QVERIFY(window->pageB()->view()->overlay().entry(b) &&
                window->pageB()->view()->overlay().entry(b)->fill);
        // Selecting it on the left selects its counterpart on the right.
        window->pageA()->revealAndSelect(a);
        QTRY_COMPARE(window->pageB()->view()->selectedNode(), b);
        window->close();
    }

    void mappingDialogPairsUnmatchedNames() {
        ValueMappingDialog dialog({"a", "conv_out", "relu_out"}, {"a", "Conv_0_out", "Relu_1_out"},
                                  {{"relu_out", "Relu_1_out"}});
        QTableWidget* table = dialog.table();
        QCOMPARE(table->rowCount(), 2); // "a" matches by name
        auto* first = qobject_cast<QComboBox*>(table->cellWidget(0, 1));
        QVERIFY(first);
        QCOMPARE(table->item(0, 0)->text(), QString("conv_out"));
        first->setCurrentIndex(first->findData(QString("Conv_0_out")));
        const auto mapping = dialog.mapping();
        QCOMPARE(mapping.size(), size_t(2));
        QCOMPARE(mapping.at("conv_out"), std::string("Conv_0_out"));
        QCOMPARE(mapping.at("relu_out"), std::string("Relu_1_out"));
    }
};

QTEST_MAIN(TestCompareGui)
#include "tst_compare_gui.moc"
