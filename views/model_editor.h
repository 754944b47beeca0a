// The editable model behind the GUI: it owns the loaded model and the undo stack, and turns each
// edit into a ModelEditCommand that calls the core edit API (core/model_edit.h,
// attribute_edit.h, metadata_edit.h), so the GUI and `onnxscope-cli meta` share one set of
// rules. Views read the model through a const pointer and refresh when `changed` fires.
//
// Every edit method returns false and sets *error (core's reason, untranslated detail) when the
// edit is refused; the model and the stack are then untouched. Setting a value equal to the
// current one succeeds without pushing a command.
#pragma once

#include "model_edit_command.h"

#include "core/graph_path.h"
#include "core/metadata_edit.h"

#include <QObject>

#include <functional>
#include <memory>

class QUndoStack;

namespace onnxscope {

class Model;

class ModelEditor : public QObject {
    Q_OBJECT
public:
    explicit ModelEditor(QObject* parent = nullptr);
    ~ModelEditor() override;

    // A new model (or none) starts a clean history.
    void setModel(std::shared_ptr<Model> model);
    std::shared_ptr<const Model> model() const { return m_model; }
    // For the save flow, which writes the model while edits are blocked.
    std::shared_ptr<Model> mutableModel() const { return m_model; }
    QUndoStack* undoStack() const { return m_stack; }
    bool isModified() const;
    // The undo texts of the edits since the last save, oldest first.
    QStringList changesSinceSave() const;
    void markSaved();

    // While a save reads the model on a worker thread, edits (and undo/redo) are refused.
    void setBlocked(bool blocked);
    bool isBlocked() const { return m_blocked; }
    // Others that read the model on worker threads (the debugger, a comparison) say here why an
    // edit must wait; an empty string lets it through.
    void setReaderCheck(std::function<QString()> check) { m_readerCheck = std::move(check); }
    // Why an edit (or undo/redo) cannot run now, or empty.
    QString editRefusal() const;

    bool setProducerName(const QString& value, QString* error = nullptr);
    bool setProducerVersion(const QString& value, QString* error = nullptr);
    bool setDomain(const QString& value, QString* error = nullptr);
    bool setModelVersion(qint64 value, QString* error = nullptr);
    bool setModelDocString(const QString& value, QString* error = nullptr);
    bool setGraphDocString(const QString& value, QString* error = nullptr);

    // node counts in the graph at path: the main graph, or a subgraph (graph_path.h).
    bool setNodeName(int node, const QString& value, QString* error = nullptr, const GraphPath& path = {});
    bool setNodeDocString(int node, const QString& value, QString* error = nullptr,
                          const GraphPath& path = {});
    // `text` is parsed as the attribute's declared kind (attribute_edit.h for the syntax).
    bool setAttribute(int node, const QString& name, const QString& text, QString* error = nullptr,
                      const GraphPath& path = {});
    bool renameValue(const QString& from, const QString& to, QString* error = nullptr);
    // `text`: a size ("1"), a symbol ("batch") or "?" for unknown.
    bool setDim(const QString& value, int index, const QString& text, QString* error = nullptr);

    bool addMetadata(const MetadataTarget& target, const QString& key, const QString& value,
                     QString* error = nullptr);
    bool setMetadataValue(const MetadataTarget& target, const QString& key, const QString& value,
                          QString* error = nullptr);
    bool renameMetadataKey(const MetadataTarget& target, const QString& from, const QString& to,
                           QString* error = nullptr);
    bool removeMetadata(const MetadataTarget& target, const QString& key, QString* error = nullptr);

    // Runs one undo/redo step (called by ModelEditCommand).
    void runStep(const ModelEditFn& step, EditScope scope, const QString& text);

    // "conv1", or "Conv #3" for an unnamed node; inside a subgraph prefixed with its path.
    QString nodeLabel(int node, const GraphPath& path = {}) const;

signals:
    void changed(onnxscope::EditScope scope);
    void modelReplaced();
    void modifiedChanged(bool modified);
    // An undo or redo step failed (it should not: each step restores a value read before).
    void stepFailed(const QString& message);

private:
    bool apply(const QString& text, EditScope scope, ModelEditFn redo, ModelEditFn undo, QString* error);
    bool editModelString(const QString& text, const std::string& before, const QString& value,
                         Status (*setter)(Model&, const std::string&), QString* error);

    std::shared_ptr<Model> m_model;
    QUndoStack* m_stack;
    bool m_blocked = false;
    std::function<QString()> m_readerCheck;
};

} // namespace onnxscope
