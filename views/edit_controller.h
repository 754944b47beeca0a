// Wires model editing into a main window: the ModelEditor and its undo stack, Undo/Redo/Save/
// Save As actions, the edit-history and metadata-editor docks, the properties panel's in-place
// editors, the window's unsaved-changes mark, the "save changes?" question on close or open,
// and the refresh of the views after each edit (the graph is rebuilt only for edits it draws).
//
// The main window only hands it the loaded model and asks maybeSave() before dropping it.
#pragma once

#include <QMessageBox>
#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QUndoView;

namespace onnxscope {

class GraphPage;
class MetadataEditor;
class Model;
class ModelEditor;
class ModelOverviewPanel;
class SaveController;
enum class EditScope;

class EditController : public QObject {
    Q_OBJECT
public:
    EditController(QMainWindow* window, GraphPage* graphPage, ModelOverviewPanel* overview);
    ~EditController() override;

    // Puts Save/Save As before `before` in its menu (File), an Edit menu before `viewMenu`, and
    // the docks' toggles into `viewMenu`.
    void install(QAction* before, QMenu* viewMenu);
    void setModel(std::shared_ptr<Model> model);

    // Unsaved changes: asks Save / Discard / Cancel. True when the caller may drop the model.
    bool maybeSave();
    // Saves to the model's own path (Save As when it has none); true when written.
    bool save();
    bool saveAs();

    // Replaces the Save/Discard/Cancel question (tests).
    using Prompt = std::function<QMessageBox::StandardButton()>;
    void setUnsavedChangesPrompt(Prompt prompt) { m_prompt = std::move(prompt); }

    ModelEditor* editor() const { return m_editor; }
    SaveController* saver() const { return m_saver; }
    MetadataEditor* metadataEditor() const { return m_metadata; }
    QUndoView* historyView() const { return m_history; }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    QAction* saveAction() const { return m_save; }
    QAction* saveAsAction() const { return m_saveAs; }

signals:
    // The model was written to `path` (after Save As, the model's new home).
    void saved(const QString& path);
    // The model changed (edit, undo or redo); listeners holding derived state should refresh.
    void modelEdited();
    void statusMessage(const QString& message);

private:
    void scheduleRefresh(EditScope scope);
    void refreshViews();
    void updateActions();
    void onSelectionChanged(int displayNode, int displayTensor);

    QMainWindow* m_window;
    GraphPage* m_graphPage;
    ModelOverviewPanel* m_overview;
    ModelEditor* m_editor;
    SaveController* m_saver;
    MetadataEditor* m_metadata;
    QUndoView* m_history;
    QDockWidget* m_metadataDock;
    QDockWidget* m_historyDock;
    QAction* m_undo;
    QAction* m_redo;
    QAction* m_save;
    QAction* m_saveAs;
    Prompt m_prompt;
    bool m_refreshGraph = false;
    bool m_refreshOverview = false;
    bool m_refreshProperties = false;
    bool m_refreshQueued = false;
};

} // namespace onnxscope
