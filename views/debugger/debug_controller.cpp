#include "debug_controller.h"

#include "data_watch_dialog.h"
#include "debug_executor.h"
#include "execution_list_model.h"
#include "input_dialog.h"
#include "profile_panel.h"
#include "tensor_preview_panel.h"

#include "core/model.h"
#include "core/tensor_proto_io.h"
#include "views/graph_page.h"
#include "views/graph_view.h"
#include "views/heat_legend.h"
#include "views/node_properties_panel.h"

#ifdef ONNXSCOPE_HAVE_OPENCL
#include "exec/opencl/opencl_device.h"
#endif

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace onnxscope {

namespace {

QString formatMs(double ms) {
    return QString::fromStdString(formatDuration(ms));
}

} // namespace

DebugController::DebugController(QMainWindow* window, GraphPage* page)
    : QObject(window)
    , m_window(window)
    , m_page(page)
    , m_executor(new DebugExecutor(this)) {
    createActions();
    createDocks();
    populateBackends();

    connect(m_executor, &DebugExecutor::planned, this, &DebugController::onPlanned);
    connect(m_executor, &DebugExecutor::planFailed, this, [this](const QString& message) {
        m_ready = false;
        showStatus(tr("Cannot run the model: %1").arg(message));
        m_stateLabel->setText(tr("Not runnable"));
        m_stateLabel->setToolTip(message);
        updateActions();
    });
    connect(m_executor, &DebugExecutor::busyChanged, this, [this] {
        updateActions();
        updateStateLabel();
    });
    connect(m_executor, &DebugExecutor::passStarted, this, [this] {
        m_inPass = true;
        m_executed = 0;
        m_failedNode = -1;
        m_failure.clear();
        m_heat = false;
        std::fill(m_timesMs.begin(), m_timesMs.end(), -1.0);
        m_executionModel->setTimes(m_timesMs);
        m_sketches.clear();
        m_pendingSketches.clear();
        if (onMainGraph())
            m_page->view()->clearValueSketches();
        scheduleOverlay();
    });
    connect(m_executor, &DebugExecutor::valuesSketched, this, [this](const QVector<ValueSketch>& sketches) {
        for (const ValueSketch& v : sketches) {
            m_sketches.insert(v.name, v.sketch);
            m_pendingSketches.insert(v.name, v.sketch);
        }
        scheduleOverlay();
    });
    connect(m_executor, &DebugExecutor::nodesFinished, this, [this](const QVector<NodeRun>& runs) {
        m_executionDock->show(); // once something has run, the execution order is worth its room
        for (const NodeRun& run : runs) {
            if (run.planIndex < 0 || run.planIndex >= static_cast<int>(m_timesMs.size()))
                continue;
            m_timesMs[static_cast<size_t>(run.planIndex)] = static_cast<double>(run.durationNs) / 1e6;
            m_executed = std::max(m_executed, run.planIndex + 1);
        }
        m_executionModel->setTimes(m_timesMs);
        m_executionModel->setProgress(m_executed, m_executed, m_failedNode);
        scheduleOverlay();
    });
    connect(m_executor, &DebugExecutor::stopped, this, &DebugController::onStopped);
    connect(m_executor, &DebugExecutor::profileReady, this, &DebugController::onProfile);
    connect(
        m_executor, &DebugExecutor::valueReady, this,
        [this](quint64 tag, const QString& name, std::shared_ptr<const Value> value, const QString& error) {
            if (tag != m_valueTag)
                return;
            const bool hasValue = value != nullptr;
            m_tensorPanel->setValue(name, std::move(value), error);
            // The dock stays out of the way until there is a tensor to show.
            if (hasValue && m_tensorDock->isHidden()) {
                m_tensorDock->show();
                m_tensorDock->raise();
            }
        });

    connect(m_page->view(), &GraphView::nodeSelected, this, &DebugController::onGraphNodeSelected);
    connect(m_page->view(), &GraphView::tensorSelected, this, [this](int tensor) {
        if (!onMainGraph() || !m_ready)
            return;
        const QString name = m_graph->tensors()[static_cast<size_t>(tensor)].name;
        m_tensorPanel->setCandidates(tr("Edge %1").arg(name), {name});
    });
    connect(m_page, &GraphPage::layoutReady, this, [this] {
        if (!onMainGraph())
            return;
        // Back from a subgraph the view starts without cards; give it the pass's again.
        if (m_page->view()->valueSketchCount() == 0)
            m_pendingSketches = m_sketches;
        refreshOverlay();
    });
    // Activating a tensor row in the properties panel previews it: a weight straight from the
    // model (no run needed), a computed value from the executor.
    connect(m_page->propertiesPanel(), &NodePropertiesPanel::tensorRequested, this,
            &DebugController::showTensor);
    connect(m_page->view()->legend(), &HeatLegend::logarithmicToggled, this, [this](bool on) {
        m_logScale = on;
        refreshOverlay();
    });
    connect(m_tensorPanel, &TensorPreviewPanel::valueRequested, this, &DebugController::showValue);
    connect(m_profilePanel, &ProfilePanel::planNodeActivated, this, &DebugController::onExecutionRowSelected);
    updateActions();
}

DebugController::~DebugController() = default;

void DebugController::createActions() {
    m_menu = new QMenu(tr("&Debug"), m_window);
    m_toolBar = new QToolBar(tr("Debug Toolbar"), m_window);
    m_toolBar->setObjectName(QStringLiteral("debugToolBar"));

    auto add = [this](const QString& text, const QKeySequence& key, const QString& tip, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcut(key);
        action->setStatusTip(tip);
        action->setToolTip(
            key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        m_menu->addAction(action);
        m_planActions << action;
        return action;
    };
    // F5 as in IDEs: start a run, or go on from where a pass stopped.
    m_runAction = add(tr("&Run / Continue"), QKeySequence(Qt::Key_F5),
                      tr("Run the model to the end or a breakpoint, continuing a stopped pass"),
                      [this] { m_inPass ? resume() : run(); });
    m_continueAction = add(tr("&Continue"), QKeySequence(Qt::Key_F8), tr("Run on from the current node"),
                           [this] { resume(); });
    m_stepAction = add(tr("&Step"), QKeySequence(Qt::Key_F10), tr("Run the next node in execution order"),
                       [this] { step(); });
    m_runToAction = add(tr("Run &to Selected Node"), QKeySequence(Qt::CTRL | Qt::Key_F10),
                        tr("Run until the selected node has run"), [this] { runToSelected(); });
    m_pauseAction = add(tr("&Pause"), QKeySequence(Qt::SHIFT | Qt::Key_F8), tr("Stop before the next node"),
                        [this] { pause(); });
    m_stopAction = add(tr("St&op"), QKeySequence(Qt::SHIFT | Qt::Key_F5),
                       tr("End the pass; the next run starts from the first node"), [this] { stop(); });
    m_restartAction = add(tr("Rest&art"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5),
                          tr("Start a new pass, stopped before the first node"), [this] { restart(); });
    m_menu->addSeparator();
    m_breakpointAction =
        add(tr("Toggle &Breakpoint"), QKeySequence(Qt::Key_F9), tr("Stop before the selected node"),
            [this] { toggleBreakpoint(m_page->view()->selectedNode()); });
    m_opBreakpointAction =
        add(tr("Break on Op &Type…"), QKeySequence(), tr("Stop before every node of an op type"),
            [this] { chooseOpTypeBreakpoint(); });
    m_scopeBreakpointAction =
        add(tr("Break in Name &Scope…"), QKeySequence(), tr("Stop before every node under a name scope"),
            [this] { chooseScopeBreakpoint(); });
    m_dataWatchAction =
        add(tr("&Data Breakpoints…"), QKeySequence(), tr("Stop when an output has NaN/Inf or leaves a range"),
            [this] { showDataWatchDialog(); });
    m_clearBreakpointsAction = add(tr("C&lear All Breakpoints"), QKeySequence(),
                                   tr("Remove every breakpoint"), [this] { clearBreakpoints(); });
    m_menu->addSeparator();
    m_inputsAction = add(tr("&Inputs…"), QKeySequence(Qt::CTRL | Qt::Key_I), tr("Choose the graph inputs"),
                         [this] { showInputDialog(); });
    m_profileAction = add(tr("Pro&file…"), QKeySequence(), tr("Time every node over several runs"),
                          [this] { showProfileDialog(); });
    m_runAction->setObjectName(QStringLiteral("debugRun"));
    m_stepAction->setObjectName(QStringLiteral("debugStep"));

    m_backend = new QComboBox(m_toolBar);
    m_backend->setToolTip(tr("Backend the model runs on"));
    m_backend->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_threads = new QSpinBox(m_toolBar);
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("all cores"));
    m_threads->setPrefix(tr("threads: "));
    m_threads->setToolTip(tr("Threads kernels may use"));
    m_stateLabel = new QLabel(m_toolBar);
    m_stateLabel->setMinimumWidth(160);
    m_toolBar->addWidget(m_backend);
    m_toolBar->addWidget(m_threads);
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_runAction, m_continueAction, m_stepAction, m_runToAction, m_pauseAction,
                           m_stopAction, m_restartAction});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_breakpointAction, m_inputsAction, m_profileAction});
    m_toolBar->addSeparator();
    m_toolBar->addWidget(m_stateLabel);

    connect(m_backend, &QComboBox::activated, this, [this] { reconfigure(); });
    connect(m_threads, &QSpinBox::valueChanged, this,
            [this](int threads) { m_executor->setThreads(threads); });
}

void DebugController::createDocks() {
    m_executionModel = new ExecutionListModel(this);
    m_executionView = new QTreeView(m_window);
    m_executionView->setModel(m_executionModel);
    m_executionView->setUniformRowHeights(true);
    m_executionView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_executionView->header()->setStretchLastSection(false);
    m_executionView->header()->setSectionResizeMode(ExecutionListModel::NameColumn, QHeaderView::Stretch);
    connect(m_executionView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) {
                const int plan = index.data(ExecutionListModel::PlanIndexRole).toInt();
                if (index.isValid() && plan >= 0)
                    onExecutionRowSelected(plan);
            });
    connect(m_executionView, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        const int plan = index.data(ExecutionListModel::PlanIndexRole).toInt();
        if (plan >= 0)
            m_executor->runTo(plan);
    });
    m_tensorPanel = new TensorPreviewPanel(m_window);
    m_profilePanel = new ProfilePanel(m_window);

    auto dock = [this](const QString& title, const QString& name, QWidget* widget) {
        auto* d = new QDockWidget(title, m_window);
        d->setObjectName(name);
        d->setWidget(widget);
        return d;
    };
    m_executionDock = dock(tr("Execution"), QStringLiteral("executionDock"), m_executionView);
    m_tensorDock = dock(tr("Tensor"), QStringLiteral("tensorDock"), m_tensorPanel);
    m_profileDock = dock(tr("Profile"), QStringLiteral("profileDock"), m_profilePanel);
}

void DebugController::install(QMenu* viewMenu, QAction* menuBefore) {
    if (menuBefore)
        m_window->menuBar()->insertMenu(menuBefore, m_menu);
    else
        m_window->menuBar()->addMenu(m_menu);
    m_window->addToolBar(m_toolBar);
    m_window->addDockWidget(Qt::LeftDockWidgetArea, m_executionDock);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_tensorDock);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_profileDock);
    m_window->tabifyDockWidget(m_tensorDock, m_profileDock);
    m_tensorDock->raise();
    // Browsing needs the room for the graph: the debugger's docks appear when nodes have run, a
    // tensor is fetched or a profile arrives (the saved window state restores the user's choice).
    for (QDockWidget* d : {m_executionDock, m_tensorDock, m_profileDock})
        d->hide();
    if (viewMenu) {
        viewMenu->addSeparator();
        viewMenu->addAction(m_toolBar->toggleViewAction());
        for (QDockWidget* d : {m_executionDock, m_tensorDock, m_profileDock})
            viewMenu->addAction(d->toggleViewAction());
    }
}

void DebugController::populateBackends() {
#ifdef ONNXSCOPE_HAVE_OPENCL
    // The ICD loader can take a while to wake drivers; list devices off the UI thread.
    QtConcurrent::run([] {
        QList<QPair<QString, QString>> devices;
        auto list = listOpenClDevices();
        if (list.ok())
            for (const OpenClDeviceInfo& d : *list)
                devices.append({QStringLiteral("opencl:%1").arg(d.index),
                                QStringLiteral("OpenCL %1: %2 (%3)")
                                    .arg(d.index)
                                    .arg(QString::fromStdString(d.name), QString::fromStdString(d.type))});
        return devices;
    }).then(this, [this](const QList<QPair<QString, QString>>& devices) {
        for (const auto& [spec, label] : devices)
            m_backend->addItem(label, spec);
    });
#endif
}

void DebugController::setModel(std::shared_ptr<const Model> model, const QString& path) {
    m_model = std::move(model);
    m_modelPath = path;
    m_graph = m_model && m_page->document() ? m_page->document()->graph : nullptr;
    m_ready = false;
    m_inPass = false;
    m_plan = {};
    m_map = {};
    m_timesMs.clear();
    m_sketches.clear();
    m_pendingSketches.clear();
    m_executed = 0;
    m_failedNode = -1;
    m_heat = false;
    m_lastStop = {};
    m_followCurrent = false;
    m_breakpoints.clear();
    m_executionModel->clear();
    m_tensorPanel->clear();
    m_profilePanel->clear();
    m_stateLabel->setText(m_model ? tr("Planning…") : QString());
    reconfigure();
    updateActions();
}

void DebugController::reconfigure() {
    m_ready = false;
    ExecutorConfig config;
    config.backendSpec = m_backend->currentData().toString();
    config.threads = m_threads->value();
    m_executor->configure(m_model, config);
    updateActions();
}

void DebugController::onPlanned(const PlanSummary& plan) {
    m_plan = plan;
    m_map = m_graph ? PlanNodeMap(plan, *m_graph) : PlanNodeMap();
    m_timesMs.assign(plan.nodes.size(), -1.0);
    m_executionModel->setPlan(plan, m_map, m_graph.get());
    m_inputSettings = InputSettings::load(m_modelPath);
    applyBreakpoints();
    bindInputs(m_inputSettings);
}

void DebugController::bindInputs(const InputSettings& settings) {
    const quint64 generation = ++m_inputGeneration;
    m_stateLabel->setText(tr("Preparing inputs…"));
    const std::vector<ValueInfo> inputs = m_plan.inputs;
    QtConcurrent::run([inputs, settings] {
        return buildInputs(inputs, settings);
    }).then(this, [this, generation, inputs](Result<std::map<std::string, Value>> built) {
        if (generation != m_inputGeneration)
            return;
        if (!built.ok()) {
            const QString message = QString::fromStdString(built.message());
            showStatus(tr("Inputs: %1; using seeded random data instead.").arg(message));
            emit inputsFailed(message);
            built = buildInputs(inputs, InputSettings());
            if (!built.ok()) {
                m_stateLabel->setText(tr("No inputs"));
                m_stateLabel->setToolTip(QString::fromStdString(built.message()));
                return;
            }
        }
        m_executor->setInputs(std::move(built).value());
        const bool first = !m_ready;
        m_ready = true;
        updateActions();
        if (first)
            emit ready();
    });
}

void DebugController::setInputSettings(const InputSettings& settings) {
    m_inputSettings = settings;
    if (!m_modelPath.isEmpty())
        settings.save(m_modelPath);
    if (!m_plan.nodes.empty())
        bindInputs(settings);
}

bool DebugController::onMainGraph() const {
    return m_graph && m_page->document() && m_page->document()->graph == m_graph;
}

int DebugController::currentPlanNode() const {
    return m_inPass && m_lastStop.nextNode < static_cast<int>(m_plan.nodes.size()) ? m_lastStop.nextNode : -1;
}

int DebugController::currentDisplayNode() const {
    return m_map.displayNode(currentPlanNode());
}

QString DebugController::nodeTitle(int planIndex) const {
    if (planIndex < 0 || planIndex >= static_cast<int>(m_plan.nodes.size()))
        return QString();
    const PlanNodeInfo& n = m_plan.nodes[static_cast<size_t>(planIndex)];
    return QStringLiteral("#%1 %2 (%3)").arg(planIndex).arg(n.opType, n.label);
}

void DebugController::run() {
    m_followCurrent = true;
    if (m_ready)
        m_executor->run();
}

void DebugController::step() {
    m_followCurrent = true;
    if (m_ready)
        m_executor->step();
}

void DebugController::resume() {
    m_followCurrent = true;
    if (m_ready)
        m_executor->resume();
}

void DebugController::pause() {
    m_executor->pause();
}

void DebugController::stop() {
    if (m_ready)
        m_executor->stop();
}

void DebugController::restart() {
    m_followCurrent = true;
    if (m_ready)
        m_executor->restart();
}

void DebugController::profile(int warmup, int runs) {
    if (m_ready)
        m_executor->profile(warmup, runs);
}

void DebugController::runToSelected() {
    runToDisplayNode(onMainGraph() ? m_page->view()->selectedNode() : -1);
}

void DebugController::runToDisplayNode(int displayNode) {
    const int plan = m_map.lastPlanNode(displayNode);
    if (!m_ready || plan < 0) {
        showStatus(tr("Select a node of the main graph to run to."));
        return;
    }
    m_followCurrent = true;
    m_executor->runTo(plan);
}

void DebugController::toggleBreakpoint(int displayNode) {
    if (!onMainGraph() || m_map.planNodes(displayNode).empty()) {
        showStatus(tr("Select a node of the main graph to set a breakpoint on."));
        return;
    }
    const bool set = m_breakpoints.toggleNode(displayNode);
    showStatus(set ? tr("Breakpoint set.") : tr("Breakpoint removed."));
    applyBreakpoints();
}

void DebugController::toggleOpTypeBreakpoint(const QString& opType) {
    const bool set = m_breakpoints.toggleOpType(opType);
    showStatus(set ? tr("Breaking on every %1.").arg(opType) : tr("No longer breaking on %1.").arg(opType));
    applyBreakpoints();
}

void DebugController::toggleScopeBreakpoint(const QString& scope) {
    const bool set = m_breakpoints.toggleScope(scope);
    showStatus(set ? tr("Breaking in %1.").arg(scope) : tr("No longer breaking in %1.").arg(scope));
    applyBreakpoints();
}

void DebugController::clearBreakpoints() {
    m_breakpoints.clear();
    m_watch = DataWatch();
    m_executor->setDataWatch(m_watch);
    applyBreakpoints();
}

void DebugController::setDataWatch(const DataWatch& watch) {
    m_watch = watch;
    m_executor->setDataWatch(watch);
}

void DebugController::applyBreakpoints() {
    std::set<int> planNodes;
    if (m_graph)
        planNodes = m_breakpoints.planNodes(m_plan, m_map, *m_graph);
    m_executor->setBreakpoints(planNodes);
    m_executionModel->setBreakpoints(planNodes);
    refreshOverlay();
}

void DebugController::onStopped(const StopInfo& info) {
    m_lastStop = info;
    switch (info.cause) {
    case StopCause::Started:
        m_inPass = true;
        m_executed = 0;
        showStatus(tr("Ready at the first node."));
        break;
    case StopCause::Finished:
        m_inPass = false;
        m_executed = static_cast<int>(m_plan.nodes.size());
        showStatus(tr("Finished: node times add up to %1.").arg(formatMs(info.passMs)));
        break;
    case StopCause::Failed:
        m_inPass = false;
        m_failedNode = info.lastNode;
        m_failure = info.message;
        if (info.lastNode >= 0)
            m_executed = info.lastNode;
        showStatus(info.lastNode >= 0 ? tr("Failed at %1: %2").arg(nodeTitle(info.lastNode), info.message)
                                      : info.message);
        break;
    case StopCause::Breakpoint:
        showStatus(tr("Breakpoint before %1.").arg(nodeTitle(info.nextNode)));
        break;
    case StopCause::DataBreakpoint:
        showStatus(tr("Data breakpoint after %1: %2").arg(nodeTitle(info.lastNode), info.message));
        break;
    case StopCause::Paused:
        showStatus(tr("Paused before %1.").arg(nodeTitle(info.nextNode)));
        break;
    case StopCause::Stopped:
        m_inPass = false;
        showStatus(tr("Stopped; the next run starts from the first node."));
        break;
    case StopCause::Step:
    case StopCause::RunTo:
        break;
    }
    if (info.lastNode >= 0 && info.cause != StopCause::Failed)
        m_executed = std::max(m_executed, info.lastNode + 1);
    m_executionModel->setProgress(currentPlanNode(), m_executed, m_failedNode);
    const QModelIndex current = m_executionModel->indexOfPlanNode(std::max(currentPlanNode(), m_failedNode));
    if (current.isValid())
        m_executionView->scrollTo(current);
    refreshOverlay();
    // Keep the current (or failing) node in view; closed blocks show the mark on themselves.
    // Not before the user has run anything: the pass set up after loading must leave the
    // first view alone.
    const int display = m_map.displayNode(m_failedNode >= 0 ? m_failedNode : currentPlanNode());
    if (display >= 0 && onMainGraph() && m_followCurrent)
        m_page->view()->ensureNodeVisible(display);
    updateStateLabel();
    updateActions();
    emit stopped(info);
}

void DebugController::onProfile(const ProfileResult& result) {
    ProfileResult shown = result;
    if (shown.backendSpec.isEmpty())
        shown.backendSpec = m_plan.backendSpec;
    m_profilePanel->setResult(shown);
    std::fill(m_timesMs.begin(), m_timesMs.end(), -1.0);
    for (const NodeStats& n : result.nodes)
        if (n.nodeIndex >= 0 && n.nodeIndex < static_cast<int>(m_timesMs.size()))
            m_timesMs[static_cast<size_t>(n.nodeIndex)] = n.medianMs;
    m_executionModel->setTimes(m_timesMs);
    m_heat = true;
    if (!result.fromDebugPass) {
        // Profiling runs the plain inference path; no stepped pass is left to continue.
        m_inPass = false;
        m_executed = static_cast<int>(m_plan.nodes.size());
        m_failedNode = -1;
        m_lastStop = {StopCause::Finished, static_cast<int>(m_plan.nodes.size()), -1, QString(),
                      result.medianTotalMs()};
        m_executionModel->setProgress(-1, m_executed, -1);
        m_profileDock->show();
        m_profileDock->raise();
        updateStateLabel();
        updateActions();
    }
    refreshOverlay();
    emit profileShown();
}

void DebugController::scheduleOverlay() {
    // Runs report nodes in batches; repaint the graph at most a few times a second.
    if (m_overlayPending)
        return;
    m_overlayPending = true;
    QTimer::singleShot(100, this, [this] {
        m_overlayPending = false;
        refreshOverlay();
    });
}

void DebugController::refreshOverlay() {
    if (!onMainGraph())
        return;
    NodeOverlay overlay;
    HeatScale scale;
    scale.title = tr("Node time");
    scale.logarithmic = m_logScale;
    scale.format = formatMs;
    overlay.setScale(scale);
    const int count = static_cast<int>(m_plan.nodes.size());
    for (int p = 0; p < count; ++p) {
        const int display = m_map.displayNode(p);
        if (display < 0)
            continue;
        if (p < m_executed)
            overlay.addMark(display, NodeMark::Executed);
        const double ms = m_timesMs[static_cast<size_t>(p)];
        if (ms >= 0) {
            const NodeOverlayEntry* e = overlay.entry(display);
            overlay.setValue(display, (e && e->value ? *e->value : 0.0) + ms);
        }
    }
    if (m_graph)
        for (int display : m_breakpoints.displayNodes(m_plan, m_map, *m_graph))
            overlay.addMark(display, NodeMark::Breakpoint);
    if (const int current = currentDisplayNode(); current >= 0)
        overlay.addMark(current, NodeMark::Current);
    if (const int failed = m_map.displayNode(m_failedNode); failed >= 0) {
        overlay.addMark(failed, NodeMark::Error);
        overlay.setMessage(failed, m_failure);
    }
    if (m_heat)
        overlay.fitScale();
    else
        overlay.clearScale(); // times still show as badges while stepping
    m_page->view()->setOverlay(overlay);
    pushSketches();
}

void DebugController::pushSketches() {
    if (m_pendingSketches.isEmpty() || !onMainGraph())
        return;
    QHash<int, TensorSketch> byTensor;
    for (auto it = m_pendingSketches.cbegin(); it != m_pendingSketches.cend(); ++it)
        if (const int id = m_graph->tensorIndex(it.key()); id >= 0)
            byTensor.insert(id, it.value());
    m_pendingSketches.clear();
    m_page->view()->addValueSketches(byTensor);
}

void DebugController::updateActions() {
    const bool ready = m_ready;
    const bool busy = m_executor->isBusy();
    for (QAction* action : m_planActions)
        action->setEnabled(ready);
    m_pauseAction->setEnabled(ready && busy);
    m_continueAction->setEnabled(ready && m_inPass);
    m_stopAction->setEnabled(ready && (m_inPass || busy));
    m_backend->setEnabled(m_model != nullptr);
}

void DebugController::updateStateLabel() {
    if (m_executor->isBusy()) {
        m_stateLabel->setText(m_executor->busyWith() + QStringLiteral("…"));
        return;
    }
    if (!m_ready)
        return;
    m_stateLabel->setToolTip(m_failure);
    if (m_failedNode >= 0)
        m_stateLabel->setText(tr("Failed at %1").arg(nodeTitle(m_failedNode)));
    else if (const int current = currentPlanNode(); current >= 0)
        m_stateLabel->setText(
            tr("Before %1 · %2 so far").arg(nodeTitle(current), formatMs(m_lastStop.passMs)));
    else if (m_lastStop.cause == StopCause::Finished)
        m_stateLabel->setText(tr("Finished · %1").arg(formatMs(m_lastStop.passMs)));
    else
        m_stateLabel->setText(tr("Ready"));
}

void DebugController::onGraphNodeSelected(int displayNode) {
    if (!onMainGraph() || !m_ready || m_syncingSelection)
        return;
    const auto& planNodes = m_map.planNodes(displayNode);
    QStringList outputs;
    if (!planNodes.empty()) {
        outputs = m_plan.nodes[static_cast<size_t>(planNodes.back())].outputs;
        const QModelIndex row = m_executionModel->indexOfPlanNode(planNodes.back());
        m_syncingSelection = true;
        m_executionView->setCurrentIndex(row);
        m_syncingSelection = false;
    } else {
        for (int t : m_graph->nodes()[static_cast<size_t>(displayNode)].outputs)
            outputs << m_graph->tensors()[static_cast<size_t>(t)].name;
        if (m_graph->nodes()[static_cast<size_t>(displayNode)].kind == DisplayNodeKind::GraphInput)
            outputs << m_graph->nodes()[static_cast<size_t>(displayNode)].opType;
    }
    m_tensorPanel->setCandidates(planNodes.empty() ? m_graph->nodes()[static_cast<size_t>(displayNode)].name
                                                   : nodeTitle(planNodes.back()),
                                 outputs);
}

void DebugController::onExecutionRowSelected(int planIndex) {
    if (m_syncingSelection || planIndex < 0 || planIndex >= static_cast<int>(m_plan.nodes.size()))
        return;
    m_syncingSelection = true;
    const int display = m_map.displayNode(planIndex);
    if (display >= 0 && onMainGraph())
        m_page->revealAndSelect(display);
    m_syncingSelection = false;
    // The state right after this node: its outputs (kept for inspection once it has run).
    m_tensorPanel->setCandidates(nodeTitle(planIndex), m_plan.nodes[static_cast<size_t>(planIndex)].outputs);
}

void DebugController::showTensor(int tensor) {
    const auto doc = m_page->document();
    if (!doc || !m_model || tensor < 0 || tensor >= static_cast<int>(doc->graph->tensors().size()))
        return;
    const DisplayTensor& t = doc->graph->tensors()[static_cast<size_t>(tensor)];
    if (!t.initializer) {
        if (onMainGraph() && m_ready)
            m_tensorPanel->setCandidates(tr("Value %1").arg(t.name), {t.name});
        return;
    }
    m_tensorPanel->setCandidates(tr("Initializer %1").arg(t.name), {});
    m_tensorDock->show();
    m_tensorDock->raise();
    // Weights can be large and may live in external data (mapped, read on first touch): convert
    // them off the UI thread. The model pointer keeps the TensorProto alive meanwhile.
    const quint64 tag = ++m_valueTag;
    auto model = m_model;
    const onnx::TensorProto* proto = t.initializer;
    auto* watcher = new QFutureWatcher<Result<Tensor>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, tag, name = t.name] {
        watcher->deleteLater();
        if (tag != m_valueTag)
            return;
        Result<Tensor> loaded = watcher->result();
        if (loaded.ok())
            m_tensorPanel->setValue(name, std::make_shared<const Value>(std::move(loaded).value()));
        else
            m_tensorPanel->setValue(name, nullptr, QString::fromStdString(loaded.message()));
    });
    watcher->setFuture(QtConcurrent::run(
        [model, proto]() -> Result<Tensor> { return tensorFromProto(*proto, &model->externalData()); }));
}

void DebugController::showValue(const QString& name) {
    m_executor->fetchValue(name, ++m_valueTag);
}

void DebugController::showInputDialog() {
    if (m_plan.nodes.empty() && m_plan.inputs.empty())
        return;
    InputDialog dialog(m_plan.inputs, m_inputSettings, m_window);
    if (dialog.exec() == QDialog::Accepted)
        setInputSettings(dialog.settings());
}

void DebugController::showDataWatchDialog() {
    DataWatchDialog dialog(m_watch, m_window);
    if (dialog.exec() == QDialog::Accepted)
        setDataWatch(dialog.watch());
}

void DebugController::showProfileDialog() {
    bool ok = false;
    const int runs = QInputDialog::getInt(m_window, tr("Profile"),
                                          tr("Timed runs (after one warm-up run); the median is shown:"), 10,
                                          1, 10000, 1, &ok);
    if (ok)
        profile(1, runs);
}

void DebugController::chooseOpTypeBreakpoint() {
    QStringList ops;
    for (const PlanNodeInfo& n : m_plan.nodes)
        if (!ops.contains(n.opType))
            ops << n.opType;
    ops.sort();
    bool ok = false;
    const QString op = QInputDialog::getItem(m_window, tr("Break on Op Type"),
                                             tr("Stop before every node of type (choose again to remove):"),
                                             ops, 0, false, &ok);
    if (ok && !op.isEmpty())
        toggleOpTypeBreakpoint(op);
}

void DebugController::chooseScopeBreakpoint() {
    if (!m_graph)
        return;
    QStringList scopes;
    for (const DisplayNode& n : m_graph->nodes())
        for (qsizetype depth = 1; depth <= n.scope.size(); ++depth) {
            const QString path = scopePath(n.scope.mid(0, depth));
            if (!scopes.contains(path))
                scopes << path;
        }
    if (scopes.isEmpty()) {
        showStatus(tr("This model's node names carry no name scopes."));
        return;
    }
    bool ok = false;
    const QString scope = QInputDialog::getItem(m_window, tr("Break in Name Scope"),
                                                tr("Stop before every node under (choose again to remove):"),
                                                scopes, 0, false, &ok);
    if (ok && !scope.isEmpty())
        toggleScopeBreakpoint(scope);
}

void DebugController::showStatus(const QString& message) {
    if (m_window->statusBar())
        m_window->statusBar()->showMessage(message, 8000);
}

} // namespace onnxscope
