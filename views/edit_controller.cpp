#include "edit_controller.h"
#include "graph_page.h"
#include "graph_view.h"
#include "metadata_editor.h"
#include "model_editor.h"
#include "model_overview.h"
#include "model_overview_panel.h"
#include "node_properties_panel.h"
#include "save_controller.h"

#include "core/model.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QUndoStack>
#include <QUndoView>

namespace onnxscope {

EditController::EditController(QMainWindow* window, GraphPage* graphPage, ModelOverviewPanel* overview)
    : QObject(window)
    , m_window(window)
    , m_graphPage(graphPage)
    , m_overview(overview)
    , m_editor(new ModelEditor(this))
    , m_saver(new SaveController(m_editor, window))
    , m_metadata(new MetadataEditor)
    , m_history(new QUndoView(m_editor->undoStack()))
    , m_metadataDock(new QDockWidget(tr("Metadata"), window))
    , m_historyDock(new QDockWidget(tr("Edit History"), window))
    , m_undo(new QAction(tr("&Undo"), this))
    , m_redo(new QAction(tr("&Redo"), this))
    , m_save(new QAction(tr("&Save"), this))
    , m_saveAs(new QAction(tr("Save &As…"), this)) {
    m_metadata->setEditor(m_editor);
    m_graphPage->propertiesPanel()->setEditor(m_editor);
    m_history->setEmptyLabel(tr("<opened model>"));

    m_metadataDock->setObjectName(QStringLiteral("metadataDock"));
    m_metadataDock->setWidget(m_metadata);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_history);
    window->addDockWidget(Qt::RightDockWidgetArea, m_metadataDock);
    window->addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    if (auto* overviewDock = qobject_cast<QDockWidget*>(overview->parentWidget())) {
        window->tabifyDockWidget(overviewDock, m_metadataDock);
        window->tabifyDockWidget(m_metadataDock, m_historyDock);
        overviewDock->raise();
    }

    m_undo->setShortcut(QKeySequence::Undo);
    m_redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_save->setShortcut(QKeySequence::Save);
    m_saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_save->setStatusTip(tr("Check and save the model"));
    m_saveAs->setStatusTip(tr("Check and save the model under a new name"));
    QUndoStack* stack = m_editor->undoStack();
    // Undo and redo change the model like any edit, so they wait for the same things.
    auto unlessRefused = [this](auto step) {
        const QString refusal = m_editor->editRefusal();
        if (refusal.isEmpty())
            step();
        else
            emit statusMessage(refusal);
    };
    connect(m_undo, &QAction::triggered, this,
            [unlessRefused, stack] { unlessRefused([stack] { stack->undo(); }); });
    connect(m_redo, &QAction::triggered, this,
            [unlessRefused, stack] { unlessRefused([stack] { stack->redo(); }); });
    connect(m_save, &QAction::triggered, this, &EditController::save);
    connect(m_saveAs, &QAction::triggered, this, &EditController::saveAs);
    connect(stack, &QUndoStack::indexChanged, this, &EditController::updateActions);
    connect(stack, &QUndoStack::cleanChanged, this, &EditController::updateActions);
    connect(m_saver, &SaveController::busyChanged, this, &EditController::updateActions);
    connect(m_saver, &SaveController::statusMessage, this, &EditController::statusMessage);
    connect(m_saver, &SaveController::saved, this, &EditController::saved);
    connect(m_editor, &ModelEditor::modifiedChanged, m_window, &QWidget::setWindowModified);
    connect(m_editor, &ModelEditor::stepFailed, this, &EditController::statusMessage);
    connect(m_editor, &ModelEditor::changed, this, [this](EditScope scope) {
        scheduleRefresh(scope);
        emit modelEdited();
    });

    GraphView* view = m_graphPage->view();
    connect(view, &GraphView::nodeSelected, this, [this](int node) { onSelectionChanged(node, -1); });
    connect(view, &GraphView::tensorSelected, this, [this](int tensor) { onSelectionChanged(-1, tensor); });
    connect(view, &GraphView::selectionCleared, this, [this] { onSelectionChanged(-1, -1); });
    updateActions();
}

EditController::~EditController() = default;

void EditController::install(QAction* before, QMenu* viewMenu) {
    for (QObject* owner : before->associatedObjects()) {
        if (auto* fileMenu = qobject_cast<QMenu*>(owner)) {
            fileMenu->insertActions(before, {m_save, m_saveAs});
            fileMenu->insertSeparator(before);
            break;
        }
    }
    auto* edit = new QMenu(tr("&Edit"), m_window);
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    m_window->menuBar()->insertMenu(viewMenu->menuAction(), edit);
    QAction* metadataToggle = m_metadataDock->toggleViewAction();
    metadataToggle->setText(tr("&Metadata Editor"));
    QAction* historyToggle = m_historyDock->toggleViewAction();
    historyToggle->setText(tr("Edit &History"));
    edit->addSeparator();
    edit->addAction(metadataToggle);
    edit->addAction(historyToggle);
    viewMenu->addAction(metadataToggle);
    viewMenu->addAction(historyToggle);
}

void EditController::setModel(std::shared_ptr<Model> model) {
    m_editor->setModel(std::move(model));
    m_metadata->setSelection(-1, QString());
    m_window->setWindowModified(false);
    updateActions();
}

bool EditController::maybeSave() {
    if (!m_editor->model() || !m_editor->isModified())
        return true;
    if (m_saver->isBusy())
        return false;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    if (m_prompt) {
        answer = m_prompt();
    } else {
        const QString name = QString::fromStdString(m_editor->model()->path().filename().string());
        answer = QMessageBox::question(m_window, tr("Unsaved Changes"),
                                       tr("“%1” has unsaved changes. Save them before closing it?").arg(name),
                                       QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                       QMessageBox::Save);
    }
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool EditController::save() {
    const auto model = m_editor->model();
    if (!model)
        return false;
    if (model->path().empty())
        return saveAs();
    return m_saver->saveToAndWait(QString::fromStdString(model->path().string()));
}

bool EditController::saveAs() {
    if (!m_editor->model())
        return false;
    const QString path = m_saver->askForPath();
    return !path.isEmpty() && m_saver->saveToAndWait(path);
}

void EditController::updateActions() {
    const bool open = m_editor->model() != nullptr;
    const bool busy = m_saver->isBusy();
    QUndoStack* stack = m_editor->undoStack();
    m_undo->setEnabled(open && !busy && stack->canUndo());
    m_redo->setEnabled(open && !busy && stack->canRedo());
    m_undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
    m_redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    m_save->setEnabled(open && !busy && m_editor->isModified());
    m_saveAs->setEnabled(open && !busy);
    m_history->setEnabled(!busy);
}

void EditController::onSelectionChanged(int displayNode, int displayTensor) {
    const auto document = m_graphPage->document();
    // Only the main graph's nodes and values are edit targets.
    if (!document || m_graphPage->levelCount() != 1) {
        m_metadata->setSelection(-1, QString());
        return;
    }
    const DisplayGraph& graph = *document->graph;
    int node = -1;
    QString value;
    if (displayNode >= 0) {
        const DisplayNode& n = graph.nodes()[static_cast<size_t>(displayNode)];
        if (n.kind == DisplayNodeKind::Operator)
            node = n.protoIndex;
        else
            value = graph
                        .tensors()[static_cast<size_t>(
                            n.kind == DisplayNodeKind::GraphInput ? n.outputs.front() : n.inputs.front())]
                        .name;
    } else if (displayTensor >= 0) {
        value = graph.tensors()[static_cast<size_t>(displayTensor)].name;
    }
    m_metadata->setSelection(node, value);
}

void EditController::scheduleRefresh(EditScope scope) {
    m_refreshOverview |= scope != EditScope::Node;
    m_refreshGraph |= scope == EditScope::Graph;
    m_refreshProperties = true;
    if (std::exchange(m_refreshQueued, true))
        return;
    // Coalesced and after the edit's own event (an editor inside the panel may have sent it).
    QMetaObject::invokeMethod(this, &EditController::refreshViews, Qt::QueuedConnection);
}

void EditController::refreshViews() {
    m_refreshQueued = false;
    const auto model = m_editor->model();
    if (!model)
        return;
    if (std::exchange(m_refreshOverview, false))
        m_overview->setOverview(ModelOverview::fromModel(*model));
    NodePropertiesPanel* panel = m_graphPage->propertiesPanel();
    if (std::exchange(m_refreshGraph, false)) {
        const GraphPath path = m_graphPage->graphPath();
        const int node = panel->shownNode();
        const int tensor = panel->shownTensor();
        // Display indices are stable: a rename, attribute or shape edit keeps the graph's structure.
        // An edit inside a subgraph comes back to that subgraph.
        m_graphPage->loadModel(model);
        // False only when that subgraph is gone; the page then shows the main graph.
        const bool samePlace = m_graphPage->openGraphPath(path);
        if (samePlace && node >= 0) {
            m_graphPage->revealAndSelect(node);
            panel->showNode(node);
        } else if (samePlace && tensor >= 0) {
            panel->showTensor(tensor);
        }
        m_refreshProperties = false;
    }
    if (std::exchange(m_refreshProperties, false))
        panel->refresh();
}

} // namespace onnxscope
