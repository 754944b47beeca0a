// The overview value built from a protobuf, and the panel and table models that show it.
#include "test_models.h"

#include "core/model.h"
#include "views/model_overview.h"
#include "views/model_overview_panel.h"
#include "views/overview_table_model.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QtTest>

using namespace onnxscope;

namespace {
ModelOverview overviewOf(const onnx::ModelProto& proto) {
    auto model = Model::fromProto(std::make_unique<onnx::ModelProto>(proto), {});
    return ModelOverview::fromModel(*model);
}
} // namespace

class TestModelOverview : public QObject {
    Q_OBJECT
private slots:
    void overviewFromProto();
    void panelShowsOverview();
    void operatorTableSortsNumerically();
    void tableModelSurvivesResets();
};

void TestModelOverview::overviewFromProto() {
    const ModelOverview o = overviewOf(test::overviewModel());
    QCOMPARE(o.irVersion, 8);
    QCOMPARE(o.producerName, QStringLiteral("onnxscope-test"));
    QCOMPARE(o.producerVersion, QStringLiteral("1.0"));
    QCOMPARE(o.graphName, QStringLiteral("overview_graph"));
    QCOMPARE(o.modelVersion, 3);
    QCOMPARE(o.nodeCount, 5);
    QCOMPARE(o.nodeCountTotal, 9); // + 2 in the If branches + 2 in MyFn's body
    QCOMPARE(o.initializerCount, 1);
    QCOMPARE(o.initializerBytes, 16u);

    QCOMPARE(o.opsets.size(), 2);
    QCOMPARE(o.opsets[0].domain, QString());
    QCOMPARE(o.opsets[0].version, 15);
    QCOMPARE(o.opsets[1].domain, QStringLiteral("org.example.custom"));

    // W is an initializer, so it is not an input the user has to feed.
    QCOMPARE(o.inputs.size(), 2);
    QCOMPARE(o.inputs[0].name, QStringLiteral("X"));
    QCOMPARE(o.inputs[0].type, QStringLiteral("float"));
    QCOMPARE(o.inputs[0].shape, QStringLiteral("[N,3,?,4]"));
    QCOMPARE(o.inputs[1].type, QStringLiteral("bool"));
    QCOMPARE(o.inputs[1].shape, QStringLiteral("[]"));
    QCOMPARE(o.outputs.size(), 1);
    QCOMPARE(o.outputs[0].name, QStringLiteral("Y"));

    // Sorted by count, then domain, then name; the If branches' Identity nodes are counted.
    QCOMPARE(o.opCounts.size(), 5);
    QCOMPARE(o.opCounts[0].opType, QStringLiteral("Identity"));
    QCOMPARE(o.opCounts[0].count, 2);
    QCOMPARE(o.opCounts[1].opType, QStringLiteral("Relu"));
    QCOMPARE(o.opCounts[1].count, 2);
    QCOMPARE(o.opCounts[2].opType, QStringLiteral("Add"));
    QCOMPARE(o.opCounts[4].opType, QStringLiteral("MyFn"));
    QCOMPARE(o.opCounts[4].domain, QStringLiteral("org.example.custom"));

    QCOMPARE(o.metadata.size(), 1);
    QCOMPARE(o.metadata[0].first, QStringLiteral("author"));
    QCOMPARE(o.metadata[0].second, QStringLiteral("tests"));
    QCOMPARE(o.functions.size(), 1);
    QCOMPARE(o.functions[0].name, QStringLiteral("MyFn"));
    QCOMPARE(o.functions[0].nodeCount, 2);
    QCOMPARE(o.functions[0].inputs, QStringList{QStringLiteral("x")});
}

void TestModelOverview::panelShowsOverview() {
    ModelOverviewPanel panel;
    QList<QAbstractItemModelTester*> testers;
    for (auto table : {ModelOverviewPanel::Table::Operators, ModelOverviewPanel::Table::Inputs,
                       ModelOverviewPanel::Table::Outputs, ModelOverviewPanel::Table::Opsets,
                       ModelOverviewPanel::Table::Metadata, ModelOverviewPanel::Table::Functions}) {
        testers << new QAbstractItemModelTester(
            panel.tableModel(table), QAbstractItemModelTester::FailureReportingMode::QtTest, &panel);
        testers << new QAbstractItemModelTester(
            panel.tableView(table)->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &panel);
    }
    QVERIFY(!panel.hasOverview());
    panel.setOverview(overviewOf(test::overviewModel()));
    QVERIFY(panel.hasOverview());

    const QString summary = panel.summaryText();
    QVERIFY2(summary.contains(QStringLiteral("onnxscope-test 1.0")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("overview_graph")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("5 (9 with subgraphs and functions)")), qPrintable(summary));

    OverviewTableModel* ops = panel.tableModel(ModelOverviewPanel::Table::Operators);
    QCOMPARE(ops->rowCount(), 5);
    QCOMPARE(ops->columnCount(), 3);
    QCOMPARE(ops->index(0, 0).data().toString(), QStringLiteral("Identity"));
    QCOMPARE(ops->index(0, 1).data().toInt(), 2);
    QCOMPARE(ops->index(0, 2).data().toString(), QStringLiteral("ai.onnx"));
    QCOMPARE(ops->index(4, 2).data().toString(), QStringLiteral("org.example.custom"));

    OverviewTableModel* inputs = panel.tableModel(ModelOverviewPanel::Table::Inputs);
    QCOMPARE(inputs->rowCount(), 2);
    QCOMPARE(inputs->index(0, 2).data().toString(), QStringLiteral("[N,3,?,4]"));
    QCOMPARE(panel.tableModel(ModelOverviewPanel::Table::Metadata)->index(0, 1).data().toString(),
             QStringLiteral("tests"));
    QCOMPARE(panel.tableModel(ModelOverviewPanel::Table::Functions)->index(0, 2).data().toInt(), 2);

    panel.clear();
    QVERIFY(!panel.hasOverview());
    QCOMPARE(ops->rowCount(), 0);
    qDeleteAll(testers);
}

void TestModelOverview::operatorTableSortsNumerically() {
    ModelOverview o;
    o.opCounts = {{QString(), QStringLiteral("Conv"), 9},
                  {QString(), QStringLiteral("Relu"), 10},
                  {QString(), QStringLiteral("Add"), 100}};
    ModelOverviewPanel panel;
    panel.setOverview(o);
    QTableView* view = panel.tableView(ModelOverviewPanel::Table::Operators);
    view->sortByColumn(1, Qt::AscendingOrder);
    QAbstractItemModel* shown = view->model();
    // As text "10" < "100" < "9"; as numbers 9 < 10 < 100.
    QCOMPARE(shown->index(0, 0).data().toString(), QStringLiteral("Conv"));
    QCOMPARE(shown->index(1, 0).data().toString(), QStringLiteral("Relu"));
    QCOMPARE(shown->index(2, 0).data().toString(), QStringLiteral("Add"));
    view->sortByColumn(0, Qt::AscendingOrder);
    QCOMPARE(shown->index(0, 0).data().toString(), QStringLiteral("Add"));
}

void TestModelOverview::tableModelSurvivesResets() {
    OverviewTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHeaders({QStringLiteral("A"), QStringLiteral("B")});
    model.setRows({{1, QStringLiteral("x")}, {2}}); // a short row is padded, not read past its end
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.index(1, 1).data().isValid());
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("B"));
    QCOMPARE(model.index(0, 0).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight, int(Qt::AlignRight));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestModelOverview)
#include "tst_model_overview.moc"
