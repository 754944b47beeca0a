#include "compare_controller.h"

#include "compare_panel.h"
#include "compare_results_model.h"
#include "compare_runner.h"
#include "model_diff_window.h"
#include "tensor_diff_view.h"
#include "value_mapping_dialog.h"

#include "views/graph_page.h"
#include "views/graph_view.h"
#include "views/node_overlay.h"

#include "core/model.h"

#include <onnx/onnx_pb.h>

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace onnxscope {

namespace {

QStringList mainGraphValues(const onnx::ModelProto& model) {
    QStringList names;
    for (const auto& node : model.graph().node())
        for (const auto& out : node.output())
            if (!out.empty())
                names << QString::fromStdString(out);
    return names;
}

QString errorText(double maxAbs) {
    return QStringLiteral("Δ %1").arg(maxAbs, 0, 'g', 2);
}

} // namespace

CompareController::CompareController(QMainWindow* window, GraphPage* page)
    : QObject(window)
    , m_window(window)
    , m_page(page)
    , m_runner(new CompareRunner(this))
    , m_panel(new ComparePanel)
    , m_overlayTimer(new QTimer(this)) {
    // Values arrive in bursts; repaint the graph a few times a second at most.
    m_overlayTimer->setSingleShot(true);
    m_overlayTimer->setInterval(200);
    connect(m_overlayTimer, &QTimer::timeout, this, &CompareController::refreshOverlay);

    connect(m_panel, &ComparePanel::startRequested, this, &CompareController::start);
    connect(m_panel, &ComparePanel::cancelRequested, this, &CompareController::cancel);
    connect(m_panel, &ComparePanel::mappingRequested, this, &CompareController::showMappingDialog);
    connect(m_panel, &ComparePanel::valueSelected, this,
            [this](const QString& name, int) { onValueSelected(name); });
    connect(m_runner, &CompareRunner::valuesCompared, this, [this](const std::vector<ValueReport>& reports) {
        m_panel->addValues(reports);
        if (!m_overlayTimer->isActive())
            m_overlayTimer->start();
    });
    connect(m_runner, &CompareRunner::finished, this, &CompareController::onFinished);
    connect(m_runner, &CompareRunner::failed, this, [this](const QString& message) {
        m_panel->setRunning(false);
        m_panel->showError(message);
        if (m_startAction)
            m_startAction->setEnabled(m_model != nullptr);
        if (m_cancelAction)
            m_cancelAction->setEnabled(false);
        emit comparisonFinished();
    });
    connect(m_runner, &CompareRunner::pairReady, m_panel->diffView(), &TensorDiffView::setPair);
    connect(m_page, &GraphPage::nodeSelected, this,
            [this](const QString& name, const QString&) { onNodeSelected(name); });
}

CompareController::~CompareController() {
    delete m_panel.data(); // before the dock, if it still lives; the runner's jobs end with it
}

ComparePanel* CompareController::panel() const {
    return m_panel.data();
}

void CompareController::install(QMenu* viewMenu, QAction* menuBefore, QAbstractItemModel* backendModel) {
    m_panel->setBackendModel(backendModel);
    m_dock = new QDockWidget(tr("Compare"), m_window);
    m_dock->setObjectName(QStringLiteral("compareDock"));
    m_dock->setWidget(m_panel);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    if (viewMenu)
        viewMenu->addAction(m_dock->toggleViewAction());

    m_menu = new QMenu(tr("&Compare"), m_window);
    QAction* show = m_menu->addAction(tr("Compare &Layers…"));
    show->setToolTip(tr("Find the first node where the model's numbers diverge from a reference"));
    connect(show, &QAction::triggered, this, [this] {
        m_dock->show();
        m_dock->raise();
    });
    m_startAction = m_menu->addAction(tr("&Start Comparison"));
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_startAction, &QAction::triggered, this, &CompareController::start);
    m_cancelAction = m_menu->addAction(tr("Ca&ncel Comparison"));
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &CompareController::cancel);
    m_menu->addSeparator();
    m_diffAction = m_menu->addAction(tr("&Diff with Model…"));
    m_diffAction->setToolTip(tr("Show the structural differences to another model side by side"));
    connect(m_diffAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Diff with Model"), QString(),
                                                          tr("ONNX models (*.onnx);;All files (*)"));
        if (!path.isEmpty())
            showDiff(path);
    });
    m_menu->addSeparator();
    QAction* clear = m_menu->addAction(tr("Clear Error &Overlay"));
    connect(clear, &QAction::triggered, this, [this] { m_page->view()->clearOverlay(); });
    if (menuBefore)
        m_window->menuBar()->insertMenu(menuBefore, m_menu);
    else
        m_window->menuBar()->addMenu(m_menu);
    m_startAction->setEnabled(m_model != nullptr);
    m_diffAction->setEnabled(m_model != nullptr);
}

ModelDiffWindow* CompareController::showDiff(const QString& otherModel) {
    if (!m_model)
        return nullptr;
    auto* window = new ModelDiffWindow(m_window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->open(m_model, QString::fromStdString(m_model->path().filename().string()), otherModel);
    window->show();
    return window;
}

void CompareController::setModel(std::shared_ptr<const Model> model, const QString& path) {
    m_model = std::move(model);
    m_runner->setModel(m_model, path);
    m_report = {};
    m_panel->clearResults();
    m_panel->setRunning(false);
    if (m_startAction)
        m_startAction->setEnabled(m_model != nullptr);
    if (m_diffAction)
        m_diffAction->setEnabled(m_model != nullptr);
}

int CompareController::valueCount() const {
    return m_model ? static_cast<int>(mainGraphValues(m_model->proto()).size()) : 0;
}

void CompareController::start() {
    if (!m_model)
        return;
    const CompareSetup setup = m_panel->setup();
    if (setup.source != CompareSetup::Source::Backend && setup.referencePath.isEmpty()) {
        m_panel->showError(setup.source == CompareSetup::Source::Model
                               ? tr("Choose the reference model first.")
                               : tr("Choose a reference file or folder first."));
        if (m_dock)
            m_dock->show();
        return;
    }
    m_report = {};
    m_panel->clearResults();
    m_panel->setRunning(true, valueCount());
    if (m_startAction)
        m_startAction->setEnabled(false);
    if (m_cancelAction)
        m_cancelAction->setEnabled(true);
    m_runner->start(setup);
}

void CompareController::cancel() {
    m_runner->cancel();
}

void CompareController::onFinished(const LayerCompareReport& report) {
    m_report = report;
    m_panel->setRunning(false);
    if (m_startAction)
        m_startAction->setEnabled(true);
    if (m_cancelAction)
        m_cancelAction->setEnabled(false);
    m_panel->showReport(report);
    refreshOverlay();
    emit comparisonFinished();
}

int CompareController::displayNodeOf(const QString& valueName) const {
    const auto doc = m_page->document();
    if (!doc || m_page->levelCount() != 1)
        return -1;
    const int tensor = doc->graph->tensorIndex(valueName);
    return tensor < 0 ? -1 : doc->graph->tensors()[static_cast<size_t>(tensor)].producer;
}

void CompareController::refreshOverlay() {
    const auto& reports = m_panel->resultsModel()->reports();
    if (reports.empty() || m_page->levelCount() != 1)
        return;
    NodeOverlay overlay;
    double worst = 0, tightest = std::numeric_limits<double>::infinity();
    for (const ValueReport& r : reports) {
        const int node = displayNodeOf(QString::fromStdString(r.name));
        if (node < 0)
            continue;
        const TensorComparison& c = r.comparison;
        NodeOverlayEntry& entry = overlay.entryFor(node);
        const QString line =
            QStringLiteral("%1: %2").arg(QString::fromStdString(r.name), QString::fromStdString(c.summary()));
        entry.message = entry.message.isEmpty() ? line : entry.message + QLatin1Char('\n') + line;
        if (r.withinTolerance()) {
            if (!entry.value)
                entry.fill = QColor(0xc8, 0xe6, 0xc9);
            continue;
        }
        // Out of tolerance: on the heat scale by max abs error (a node's worst output wins).
        const double error = c.comparable() && std::isfinite(c.maxAbs) && !(c.newNaN || c.newInf)
                                 ? std::max(c.maxAbs, c.tolerance.atol)
                                 : std::numeric_limits<double>::max();
        entry.fill.reset();
        entry.value = std::max(entry.value.value_or(0.0), error);
        entry.badge = c.comparable() && !(c.newNaN || c.newInf) ? errorText(c.maxAbs) : compareVerdict(c);
        worst = std::max(worst, error == std::numeric_limits<double>::max() ? 0.0 : error);
        tightest = std::min(tightest, c.tolerance.atol);
    }
    if (worst > 0) {
        HeatScale scale;
        scale.title = tr("Max abs error");
        scale.logarithmic = true;
        scale.min = std::isfinite(tightest) && tightest > 0 ? tightest : worst / 1e6;
        scale.max = std::max(worst, scale.min * 10);
        scale.format = [](double v) { return QString::number(v, 'g', 2); };
        overlay.setScale(scale);
    }
    if (m_report.firstDivergence >= 0) {
        for (const ValueReport& r : m_report.values) {
            if (r.nodeIndex != static_cast<size_t>(m_report.firstDivergence))
                continue;
            const int node = displayNodeOf(QString::fromStdString(r.name));
            if (node >= 0) {
                overlay.addMark(node, NodeMark::Error);
                overlay.entryFor(node).message.prepend(tr("First divergence") + QLatin1Char('\n'));
                if (!m_selecting) {
                    m_selecting = true;
                    m_page->revealAndSelect(node);
                    m_selecting = false;
                }
            }
            break;
        }
    }
    m_page->view()->setOverlay(overlay);
}

void CompareController::onValueSelected(const QString& name) {
    m_panel->diffView()->showMessage(tr("Computing both sides of %1…").arg(name));
    m_runner->fetchPair(name);
    const int node = displayNodeOf(name);
    if (node >= 0 && !m_selecting) {
        m_selecting = true;
        m_page->revealAndSelect(node);
        m_selecting = false;
    }
}

void CompareController::onNodeSelected(const QString& nodeName) {
    if (m_selecting || !m_model)
        return;
    const std::string name = nodeName.toStdString();
    for (const ValueReport& r : m_panel->resultsModel()->reports()) {
        if (r.node == name) {
            m_selecting = true;
            m_panel->selectValue(QString::fromStdString(r.name));
            m_selecting = false;
            return;
        }
    }
}

void CompareController::showMappingDialog() {
    const CompareSetup setup = m_panel->setup();
    if (!m_model || setup.referencePath.isEmpty()) {
        m_panel->showError(tr("Choose the reference model first."));
        return;
    }
    // The reference model may be large: read its value names off the UI thread.
    auto* watcher = new QFutureWatcher<Result<QStringList>>(this);
    const QString path = setup.referencePath;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, setup] {
        watcher->deleteLater();
        Result<QStringList> names = watcher->result();
        if (!names.ok()) {
            m_panel->showError(QString::fromStdString(names.message()));
            return;
        }
        ValueMappingDialog dialog(mainGraphValues(m_model->proto()), *names, setup.nameMap, m_window);
        if (dialog.exec() == QDialog::Accepted)
            m_panel->setValueMapping(dialog.mapping());
    });
    watcher->setFuture(QtConcurrent::run([path]() -> Result<QStringList> {
        OS_ASSIGN_OR_RETURN(auto model, Model::load(path.toStdString()));
        return mainGraphValues(model->proto());
    }));
}

} // namespace onnxscope
