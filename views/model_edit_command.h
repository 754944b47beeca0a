// One undoable model edit: redo calls the core edit API with the new value, undo calls it with
// the value captured before the edit. ModelEditor applies the edit once before pushing the
// command (so a refused edit never reaches the stack); the push's own redo() is skipped.
#pragma once

#include "core/status.h"

#include <QUndoCommand>

#include <functional>

namespace onnxscope {

class Model;
class ModelEditor;

enum class EditScope {
    Metadata, // model/graph properties and metadata_props: overview and metadata editor
    Node,     // a node's doc string: the properties panel only
    Graph,    // names, attributes, shapes: what the graph view draws
};

using ModelEditFn = std::function<Status(Model&)>;

class ModelEditCommand : public QUndoCommand {
public:
    ModelEditCommand(ModelEditor* editor, const QString& text, EditScope scope, ModelEditFn redo,
                     ModelEditFn undo);

    void redo() override;
    void undo() override;
    EditScope scope() const { return m_scope; }

private:
    ModelEditor* m_editor;
    EditScope m_scope;
    ModelEditFn m_redo;
    ModelEditFn m_undo;
    bool m_skipRedo = true;
};

} // namespace onnxscope
