#include "model_edit_command.h"
#include "model_editor.h"

#include <utility>

namespace onnxscope {

ModelEditCommand::ModelEditCommand(ModelEditor* editor, const QString& text, EditScope scope,
                                   ModelEditFn redo, ModelEditFn undo)
    : QUndoCommand(text)
    , m_editor(editor)
    , m_scope(scope)
    , m_redo(std::move(redo))
    , m_undo(std::move(undo)) {}

void ModelEditCommand::redo() {
    if (std::exchange(m_skipRedo, false))
        return; // ModelEditor already applied it
    m_editor->runStep(m_redo, m_scope, text());
}

void ModelEditCommand::undo() {
    m_editor->runStep(m_undo, m_scope, text());
}

} // namespace onnxscope
