// Widget test of the debugger as a user drives it on a real export (example_cnn: Conv, Relu,
// MaxPool, depthwise Conv, Clip with folded Constants, Gemm, Softmax): step, run to a node,
// breakpoints on a node and an op type, a data breakpoint, an engine error on a node and
// recovery with new inputs, the tensor preview's statistics against an independent session,
// profiling with exports, and QAbstractItemModelTester on every item model.
#include "core/model.h"
#include "core/tensor_file_io.h"
#include "core/tensor_proto_io.h"
#include "exec/session.h"
#include "views/debugger/debug_controller.h"
#include "views/debugger/debug_executor.h"
#include "views/debugger/execution_list_model.h"
#include "views/debugger/profile_models.h"
#include "views/debugger/profile_panel.h"
#include "views/debugger/tensor_image_view.h"
#include "views/debugger/tensor_preview_panel.h"
#include "views/debugger/tensor_slice_model.h"
#include "views/display_graph.h"
#include "views/edge_preview_item.h"
#include "views/graph_page.h"
#include "views/graph_view.h"
#include "views/heat_legend.h"
#include "views/node_properties_panel.h"

#include <onnx/onnx_pb.h>

#include <QAbstractItemModelTester>
#include <QMainWindow>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <future>

using namespace onnxscope;

namespace {

const QString kModel = QStringLiteral(ONNXSCOPE_TEST_MODELS_DIR "/example_cnn.onnx");

} // namespace

class TestDebugger : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void stepMarksCurrentAndExecutedNodes();
    void runToShowsTensorStatistics();
    void breakpointsStopBeforeNodes();
    void dataBreakpointStopsAfterNode();
    void errorIsShownOnNodeAndNewInputsRecover();
    void profileFillsPanelOverlayAndExports();
    void itemModelsPassTheTester();
    void pauseStopsARunningPass();
    void initializerPreviewsWithoutARun();
    void edgesPreviewComputedValuesWhenZoomedIn();

private:
    StopInfo waitStop(StopCause expected);
    // A value after running up to planNode in an independent session with the same (seeded)
    // inputs the debugger binds by default; an undefined tensor when that fails.
    Tensor referenceValue(int planNode, const QString& name) const;
    NodeMarks marksOf(int displayNode) const;

    std::shared_ptr<Model> m_model;
    std::unique_ptr<QMainWindow> m_window;
    GraphPage* m_page = nullptr;
    DebugController* m_debug = nullptr;
};

void TestDebugger::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // input choices go to a throw-away settings file
    QCoreApplication::setOrganizationName(QStringLiteral("onnxscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_debugger"));
    if (!QFileInfo::exists(kModel))
        QSKIP("example_cnn.onnx was not exported (PyTorch missing)");
    auto loaded = Model::load(kModel.toStdString());
    QVERIFY2(loaded.ok(), loaded.message().c_str());
    m_model = std::move(loaded).value();
}

void TestDebugger::init() {
    m_window = std::make_unique<QMainWindow>();
    m_page = new GraphPage(m_window.get());
    m_window->setCentralWidget(m_page);
    m_debug = new DebugController(m_window.get(), m_page);
    m_debug->install();
    m_window->resize(1400, 900);
    m_window->show();
    QSignalSpy layout(m_page, &GraphPage::layoutReady);
    m_page->loadModel(m_model);
    QVERIFY(layout.wait(30000));
    m_page->expandAll();
    QVERIFY(layout.wait(30000));
    QSignalSpy ready(m_debug, &DebugController::ready);
    QSignalSpy stopped(m_debug, &DebugController::stopped);
    m_debug->setModel(m_model, kModel);
    QVERIFY(ready.wait(30000));
    // Binding the inputs sets a pass up, stopped before the first node.
    QVERIFY(stopped.count() > 0 || stopped.wait(30000));
    QCOMPARE(m_debug->plan().nodes.size(), size_t(13));
}

void TestDebugger::cleanup() {
    m_window.reset();
}

StopInfo TestDebugger::waitStop(StopCause expected) {
    QSignalSpy spy(m_debug, &DebugController::stopped);
    if (!spy.wait(30000))
        return StopInfo{StopCause::Failed, -1, -1, QStringLiteral("timed out"), 0};
    const StopInfo info = spy.takeFirst().at(0).value<StopInfo>();
    if (info.cause != expected)
        qWarning() << "stopped with cause" << int(info.cause) << info.message;
    return info;
}

Tensor TestDebugger::referenceValue(int planNode, const QString& name) const {
    auto session = Session::create(m_model);
    if (!session.ok())
        return {};
    auto inputs = buildInputs((*session)->inputs(), InputSettings());
    if (!inputs.ok() || !(*session)->begin(*inputs).ok() ||
        !(*session)->runTo(static_cast<size_t>(planNode)).ok())
        return {};
    const Value* value = (*session)->value(name.toStdString());
    return value && value->isTensor() ? value->tensor : Tensor();
}

NodeMarks TestDebugger::marksOf(int displayNode) const {
    const NodeOverlayEntry* e = m_page->view()->overlay().entry(displayNode);
    return e ? e->marks : NodeMarks();
}

void TestDebugger::stepMarksCurrentAndExecutedNodes() {
    const PlanNodeMap& map = m_debug->nodeMap();
    QCOMPARE(m_debug->currentPlanNode(), 0);
    const int first = map.displayNode(0);
    QVERIFY(first >= 0);
    QCOMPARE(m_page->document()->graph->nodes()[size_t(first)].opType, QStringLiteral("Conv"));
    QVERIFY(marksOf(first) & NodeMark::Current);

    m_debug->step();
    QCOMPARE(int(waitStop(StopCause::Step).cause), int(StopCause::Step));
    QCOMPARE(m_debug->currentPlanNode(), 1);
    const int second = map.displayNode(1);
    QCOMPARE(m_page->document()->graph->nodes()[size_t(second)].opType, QStringLiteral("Relu"));
    QVERIFY(marksOf(second) & NodeMark::Current);
    QVERIFY(marksOf(first) & NodeMark::Executed);
    QVERIFY(!(marksOf(first) & NodeMark::Current));
    // The current node is kept in view.
    const QRectF visible = m_page->view()->mapToScene(m_page->view()->viewport()->rect()).boundingRect();
    QVERIFY(visible.intersects(m_page->view()->nodeRect(second)));
    // The execution list follows.
    QCOMPARE(m_debug->executionModel()->indexOfPlanNode(1).data(Qt::FontRole).value<QFont>().bold(), true);
}

void TestDebugger::runToShowsTensorStatistics() {
    const PlanNodeMap& map = m_debug->nodeMap();
    // Run to the second Conv (plan node 3) by its box.
    const int conv = map.displayNode(3);
    m_debug->runToDisplayNode(conv);
    const StopInfo info = waitStop(StopCause::RunTo);
    QCOMPARE(int(info.cause), int(StopCause::RunTo));
    QCOMPARE(info.lastNode, 3);
    QCOMPARE(m_debug->currentPlanNode(), 4);
    QVERIFY(marksOf(map.displayNode(4)) & NodeMark::Current);

    // Selecting the node shows its output in the tensor preview.
    QSignalSpy summary(m_debug->tensorPanel(), &TensorPreviewPanel::summaryReady);
    m_page->view()->selectNode(conv);
    QVERIFY(summary.wait(30000));
    TensorPreviewPanel* panel = m_debug->tensorPanel();
    QCOMPARE(panel->currentName(), m_debug->plan().nodes[3].outputs.front());
    QVERIFY(panel->value() && panel->value()->isTensor());
    QCOMPARE(panel->value()->tensor.shape(), (Shape{1, 32, 16, 16}));

    // The same value from an independent session with the same (seeded) inputs.
    const Tensor reference = referenceValue(3, panel->currentName());
    QVERIFY(reference.isValid());
    auto expected = summarizeTensor(reference);
    QVERIFY(expected.ok());
    const TensorSummary& shown = panel->summary();
    QCOMPARE(shown.count, int64_t(32 * 16 * 16));
    QCOMPARE(shown.nanCount, int64_t(0));
    QVERIFY(qFuzzyCompare(shown.min, expected->min));
    QVERIFY(qFuzzyCompare(shown.max, expected->max));
    QVERIFY(qAbs(shown.mean - expected->mean) < 1e-9 * std::max(1.0, qAbs(expected->mean)));
    QVERIFY(shown.stddev > 0);
    int64_t binned = 0;
    for (int64_t b : shown.histogram)
        binned += b;
    QCOMPARE(binned, shown.count);

    // Values table and channel grid of the NCHW activation.
    QCOMPARE(panel->sliceModel()->rowCount(), 16);
    QCOMPARE(panel->sliceModel()->columnCount(), 16);
    QCOMPARE(panel->sliceModel()->index(0, 0).data().toString(), elementText(reference, 0));
    QVERIFY(panel->imageView()->canShowChannels());
    QCOMPARE(panel->imageView()->mode(), TensorImageView::Mode::ChannelGrid);
    QVERIFY(!panel->imageView()->image().isNull());

    QTemporaryDir dir;
    const QString npy = dir.filePath(QStringLiteral("conv.npy"));
    QVERIFY(panel->exportTo(npy));
    auto back = readNpy(npy.toStdString());
    QVERIFY(back.ok());
    QCOMPARE(back->shape(), reference.shape());
    QCOMPARE(back->elementAsDouble(100), reference.elementAsDouble(100));
    QVERIFY(panel->exportTo(dir.filePath(QStringLiteral("conv.pb"))));
}

void TestDebugger::breakpointsStopBeforeNodes() {
    const PlanNodeMap& map = m_debug->nodeMap();
    const int maxPool = map.displayNode(2);
    m_debug->toggleBreakpoint(maxPool);
    QVERIFY(marksOf(maxPool) & NodeMark::Breakpoint);
    m_debug->run();
    StopInfo info = waitStop(StopCause::Breakpoint);
    QCOMPARE(int(info.cause), int(StopCause::Breakpoint));
    QCOMPARE(info.nextNode, 2);
    QVERIFY(marksOf(maxPool) & NodeMark::Current);

    // The Clip box also shows its two folded Constants: its breakpoint stops before the first.
    const int clip = map.displayNode(8);
    QCOMPARE(map.displayNode(6), clip);
    m_debug->toggleBreakpoint(clip);
    m_debug->resume();
    info = waitStop(StopCause::Breakpoint);
    QCOMPARE(int(info.cause), int(StopCause::Breakpoint));
    QCOMPARE(info.nextNode, 6);
    QVERIFY(marksOf(clip) & NodeMark::Current);

    // On an op type.
    m_debug->toggleOpTypeBreakpoint(QStringLiteral("Gemm"));
    m_debug->resume();
    info = waitStop(StopCause::Breakpoint);
    QCOMPARE(int(info.cause), int(StopCause::Breakpoint));
    QCOMPARE(m_debug->plan().nodes[size_t(info.nextNode)].opType, QStringLiteral("Gemm"));

    m_debug->resume();
    info = waitStop(StopCause::Finished);
    QCOMPARE(int(info.cause), int(StopCause::Finished));
    QVERIFY(info.passMs > 0);
    for (int p = 0; p < 13; ++p)
        QVERIFY(marksOf(map.displayNode(p)) & NodeMark::Executed);
}

void TestDebugger::dataBreakpointStopsAfterNode() {
    DataWatch watch;
    watch.range = true;
    watch.low = -1e6;
    watch.high = 1e6;
    m_debug->setDataWatch(watch);
    m_debug->run();
    StopInfo info = waitStop(StopCause::Finished);
    QCOMPARE(int(info.cause), int(StopCause::Finished)); // nothing that large

    watch.low = 0; // ReLU outputs are >= 0; the first Conv's are not
    m_debug->setDataWatch(watch);
    m_debug->run();
    info = waitStop(StopCause::DataBreakpoint);
    QCOMPARE(int(info.cause), int(StopCause::DataBreakpoint));
    QCOMPARE(info.lastNode, 0);
    QVERIFY2(info.message.contains(QStringLiteral("outside")), qPrintable(info.message));
    QCOMPARE(m_debug->currentPlanNode(), 1);
}

void TestDebugger::errorIsShownOnNodeAndNewInputsRecover() {
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.npy"));
    auto tensor = Tensor::allocate(DataType::Float, {1, 5, 8, 8}); // Conv expects 3 channels
    QVERIFY(tensor.ok());
    QVERIFY(writeNpy(bad.toStdString(), *tensor).ok());
    InputSettings settings;
    InputSpec spec;
    spec.source = InputSpec::Source::File;
    spec.file = bad;
    settings.inputs[QString::fromStdString(m_debug->plan().inputs.front().name)] = spec;
    QSignalSpy stopped(m_debug, &DebugController::stopped);
    m_debug->setInputSettings(settings);
    QVERIFY(stopped.wait(30000)); // the new pass is set up
    m_debug->run();
    const StopInfo info = waitStop(StopCause::Failed);
    QCOMPARE(int(info.cause), int(StopCause::Failed));
    QCOMPARE(info.lastNode, 0);
    const int conv = m_debug->nodeMap().displayNode(0);
    QVERIFY(marksOf(conv) & NodeMark::Error);
    const QString message = m_page->view()->overlay().entry(conv)->message;
    QVERIFY2(message.contains(QStringLiteral("Conv")), qPrintable(message));

    // New inputs: the session goes on.
    m_debug->setInputSettings(InputSettings());
    QVERIFY(stopped.wait(30000));
    m_debug->run();
    QCOMPARE(int(waitStop(StopCause::Finished).cause), int(StopCause::Finished));
    QVERIFY(!(marksOf(conv) & NodeMark::Error));
    // The choice was remembered for the model.
    QCOMPARE(InputSettings::load(kModel).inputs.size(), 0);
    m_debug->setInputSettings(settings);
    QCOMPARE(InputSettings::load(kModel).inputs.first().file, bad);
    m_debug->setInputSettings(InputSettings());
}

void TestDebugger::profileFillsPanelOverlayAndExports() {
    QSignalSpy shown(m_debug, &DebugController::profileShown);
    m_debug->profile(1, 3);
    QVERIFY(shown.wait(60000));
    ProfilePanel* panel = m_debug->profilePanel();
    QVERIFY(panel->hasResult());
    QCOMPARE(panel->result().runs, 3);
    QCOMPARE(panel->result().runWallMs.size(), size_t(3));
    QVERIFY(!panel->result().nodes.empty());
    QVERIFY2(panel->summaryText().contains(QStringLiteral("add up")), qPrintable(panel->summaryText()));
    QCOMPARE(m_debug->currentPlanNode(), -1); // profiling leaves no stepped pass behind
    // Nodes coloured by time, with badges and a legend.
    const NodeOverlay& overlay = m_page->view()->overlay();
    QVERIFY(overlay.hasScale());
    QVERIFY(m_page->view()->legend()->isVisible());
    // (Plain runs may execute fused groups, timed at the group's last node.)
    const int timed = m_debug->nodeMap().displayNode(panel->result().nodes.front().nodeIndex);
    QVERIFY(overlay.entry(timed) && overlay.entry(timed)->value);
    QVERIFY(!overlay.badgeText(*overlay.entry(timed)).isEmpty());
    // Clicking a row selects the node.
    QTableView* table = panel->nodeView();
    const QModelIndex row = table->model()->index(0, 0);
    emit table->clicked(row);
    QTest::qWait(50);
    const int plan = row.data(ProfileNodeModel::PlanIndexRole).toInt();
    QCOMPARE(m_page->view()->selectedNode(), m_debug->nodeMap().displayNode(plan));

    QTemporaryDir dir;
    QVERIFY(panel->exportCsv(dir.filePath(QStringLiteral("p.csv"))));
    QVERIFY(panel->exportTrace(dir.filePath(QStringLiteral("p.json"))));
    QFile csv(dir.filePath(QStringLiteral("p.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), int(panel->result().nodes.size()) + 1);
    QFile trace(dir.filePath(QStringLiteral("p.json")));
    QVERIFY(trace.open(QIODevice::ReadOnly));
    QVERIFY(trace.readAll().contains("traceEvents"));
}

void TestDebugger::itemModelsPassTheTester() {
    QAbstractItemModelTester execution(m_debug->executionModel(),
                                       QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_debug->run();
    QCOMPARE(int(waitStop(StopCause::Finished).cause), int(StopCause::Finished));
    QSignalSpy shown(m_debug, &DebugController::profileShown);
    ProfilePanel* panel = m_debug->profilePanel();
    QAbstractItemModelTester nodes(panel->nodeModel(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester ops(panel->opModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_debug->profile(0, 2);
    QVERIFY(shown.wait(60000));
    QVERIFY(panel->nodeModel()->rowCount() > 0);
    QVERIFY(panel->opModel()->rowCount() > 0);
    {
        // The time no node accounts for has a row of its own, last, with no node behind it.
        const ProfileResult& result = panel->result();
        double nodesMs = 0;
        for (const NodeStats& n : result.nodes)
            nodesMs += n.medianMs;
        ProfileNodeModel* model = panel->nodeModel();
        const bool between = result.medianWallMs() > nodesMs;
        QCOMPARE(model->rowCount(), int(result.nodes.size()) + (between ? 1 : 0));
        if (between) {
            const QModelIndex last = model->index(model->rowCount() - 1, ProfileNodeModel::NameColumn);
            QCOMPARE(last.data().toString(), QStringLiteral("(between nodes)"));
            QCOMPARE(last.data(ProfileNodeModel::PlanIndexRole).toInt(), -1);
        }
    }
    // Grouped by name scope: /features/features.0/Conv sits in features > features.0.
    ExecutionListModel* list = m_debug->executionModel();
    QCOMPARE(list->rowCount(), 2);
    const QModelIndex features = list->index(0, 0);
    QCOMPARE(features.data().toString(), QStringLiteral("features"));
    QCOMPARE(list->index(1, 0).data().toString(), QStringLiteral("classifier"));
    QCOMPARE(list->indexOfPlanNode(0).parent().parent(), features);
    QVERIFY(!list->index(0, ExecutionListModel::TimeColumn).data().toString().isEmpty()); // summed
    QCOMPARE(m_debug->executionModel()->indexOfPlanNode(12).data(ExecutionListModel::PlanIndexRole).toInt(),
             12);
    QAbstractItemModelTester slice(m_debug->tensorPanel()->sliceModel(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy summary(m_debug->tensorPanel(), &TensorPreviewPanel::summaryReady);
    m_debug->showValue(m_debug->plan().nodes[12].outputs.front());
    QVERIFY(summary.wait(30000));
    QCOMPARE(m_debug->tensorPanel()->sliceModel()->rowCount(), 1);
    QCOMPARE(m_debug->tensorPanel()->sliceModel()->columnCount(), 10);
}

void TestDebugger::pauseStopsARunningPass() {
    // resnet18 runs long enough on the CPU to be caught mid-pass.
    const QString path = QStringLiteral(ONNXSCOPE_TEST_MODELS_DIR "/resnet18.onnx");
    auto loaded = Model::load(path.toStdString());
    if (!loaded.ok())
        QSKIP("resnet18.onnx was not exported");
    std::shared_ptr<Model> model = std::move(loaded).value();
    QSignalSpy layout(m_page, &GraphPage::layoutReady);
    m_page->loadModel(model);
    QVERIFY(layout.wait(30000));
    QSignalSpy ready(m_debug, &DebugController::ready);
    m_debug->setModel(model, path);
    QVERIFY(ready.wait(30000));
    waitStop(StopCause::Started);
    const int count = static_cast<int>(m_debug->plan().nodes.size());
    QVERIFY(count > 40);

    // The worker waits before node 20 until the pause has been asked for, so the pause always
    // arrives mid-pass, however fast the machine.
    constexpr int kHeldNode = 20;
    struct Gate {
        std::atomic<bool> fired{false};
        std::promise<void> reached, released;
    };
    auto gate = std::make_shared<Gate>();
    std::future<void> reached = gate->reached.get_future();
    std::shared_future<void> release = gate->released.get_future().share();
    m_debug->executor()->setBeforeNodeHookForTesting([gate, release](int index) {
        if (index == kHeldNode && !gate->fired.exchange(true)) {
            gate->reached.set_value();
            release.wait();
        }
    });
    // Whatever fails below, the worker is let go (a set promise throws when set again).
    auto letGo = qScopeGuard([gate] {
        try {
            gate->released.set_value();
        } catch (const std::future_error&) {
        }
    });
    m_debug->run();
    QCOMPARE(reached.wait_for(std::chrono::seconds(60)), std::future_status::ready);
    QTRY_VERIFY(m_debug->executor()->isBusy()); // the worker is inside the pass
    m_debug->pause();
    gate->released.set_value();
    const StopInfo info = waitStop(StopCause::Paused);
    m_debug->executor()->setBeforeNodeHookForTesting({});
    QCOMPARE(int(info.cause), int(StopCause::Paused));
    QCOMPARE(info.nextNode, kHeldNode);
    QCOMPARE(m_debug->currentPlanNode(), info.nextNode);
    // Continue from there to the end.
    m_debug->resume();
    QCOMPARE(int(waitStop(StopCause::Finished).cause), int(StopCause::Finished));
    QCOMPARE(m_debug->executionModel()->indexOfPlanNode(count - 1).data(Qt::ForegroundRole).isValid(), true);
}

void TestDebugger::initializerPreviewsWithoutARun() {
    // A Conv weight: folded into its node on the graph, listed as its input in the properties.
    const DisplayGraph& graph = *m_page->document()->graph;
    int weight = -1;
    for (int t = 0; t < static_cast<int>(graph.tensors().size()) && weight < 0; ++t)
        if (graph.tensors()[static_cast<size_t>(t)].initializer &&
            graph.tensors()[static_cast<size_t>(t)].initializer->dims_size() == 4)
            weight = t;
    QVERIFY(weight >= 0);
    const onnx::TensorProto& proto = *graph.tensors()[static_cast<size_t>(weight)].initializer;
    QSignalSpy summary(m_debug->tensorPanel(), &TensorPreviewPanel::summaryReady);
    emit m_page->propertiesPanel()->tensorRequested(weight);
    QVERIFY(summary.wait(30000));
    TensorPreviewPanel* panel = m_debug->tensorPanel();
    QCOMPARE(panel->currentName(), QString::fromStdString(proto.name()));
    auto expected = tensorFromProto(proto);
    QVERIFY(expected.ok());
    QCOMPARE(panel->value()->tensor.shape(), expected->shape());
    double min = expected->elementAsDouble(0), max = min;
    for (int64_t i = 1; i < expected->elementCount(); ++i) {
        min = std::min(min, expected->elementAsDouble(i));
        max = std::max(max, expected->elementAsDouble(i));
    }
    QCOMPARE(panel->summary().count, expected->elementCount());
    QCOMPARE(panel->summary().min, min);
    QCOMPARE(panel->summary().max, max);
    QVERIFY(!panel->summary().histogram.empty());
}

void TestDebugger::edgesPreviewComputedValuesWhenZoomedIn() {
    const PlanNodeMap& map = m_debug->nodeMap();
    const DisplayGraph& graph = *m_page->document()->graph;
    auto tensorId = [&](const QString& name) { return graph.tensorIndex(name); };
    GraphView* view = m_page->view();
    m_debug->runToDisplayNode(map.displayNode(3));
    QCOMPARE(int(waitStop(StopCause::RunTo).cause), int(StopCause::RunTo));
    // What ran has a card (the bound input too); what did not run has none.
    const QString input = QString::fromStdString(m_debug->plan().inputs.front().name);
    const QString ran = m_debug->plan().nodes[3].outputs.front();
    const QString notRun = m_debug->plan().nodes[4].outputs.front();
    QTRY_VERIFY(view->valuePreviewItem(tensorId(ran)) != nullptr);
    QVERIFY(view->valuePreviewItem(tensorId(input)) != nullptr);
    QVERIFY(view->valuePreviewItem(tensorId(notRun)) == nullptr);

    // The card states the value's exact range, as an independent session computes it.
    const Tensor reference = referenceValue(3, ran);
    QVERIFY(reference.isValid());
    auto expected = sketchTensor(reference);
    QVERIFY(expected.ok());
    QGraphicsItem* card = view->valuePreviewItem(tensorId(ran));
    QVERIFY2(card->toolTip().contains(QString::number(expected->max, 'g', 3)), qPrintable(card->toolTip()));
    QVERIFY2(card->toolTip().contains(QString::number(expected->min, 'g', 3)), qPrintable(card->toolTip()));
    QCOMPARE(static_cast<EdgePreviewItem*>(card)->tensor(), tensorId(ran));

    // Zoomed out the cards are hidden (and catch no clicks); zoomed in they show.
    view->setTransform(QTransform::fromScale(0.4, 0.4));
    view->viewport()->repaint();
    QVERIFY(!card->isVisible());
    view->setTransform(QTransform::fromScale(1.5, 1.5));
    view->centerOn(card);
    view->viewport()->repaint();
    QVERIFY(card->isVisible());
    QVERIFY(view->mapToScene(view->viewport()->rect()).boundingRect().intersects(card->sceneBoundingRect()));

    // Clicking a card opens its value in the tensor preview.
    QSignalSpy summary(m_debug->tensorPanel(), &TensorPreviewPanel::summaryReady);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->mapFromScene(card->sceneBoundingRect().center()));
    QVERIFY(summary.wait(30000));
    QCOMPARE(m_debug->tensorPanel()->currentName(), ran);
    QCOMPARE(m_debug->tensorPanel()->summary().max, expected->max);

    // A relayout (closing and opening blocks) rebuilds every item; the cards come back beside
    // the edges' new places.
    QSignalSpy relayout(m_page, &GraphPage::layoutReady);
    m_page->collapseAll();
    QVERIFY(relayout.wait(30000));
    m_page->expandAll();
    QVERIFY(relayout.wait(30000));
    card = view->valuePreviewItem(tensorId(ran));
    QVERIFY(card != nullptr);
    QVERIFY(card->toolTip().contains(QString::number(expected->max, 'g', 3)));
    if (qEnvironmentVariableIsSet("DEBUGGER_SHOT")) {
        view->centerOn(card);
        view->grab().save(qEnvironmentVariable("DEBUGGER_SHOT"));
    }

    // A new pass starts without the old pass's values.
    m_debug->restart();
    waitStop(StopCause::Started);
    QVERIFY(view->valuePreviewItem(tensorId(ran)) == nullptr);
    QVERIFY(view->valuePreviewItem(tensorId(input)) != nullptr);
}

QTEST_MAIN(TestDebugger)
#include "tst_debugger.moc"
