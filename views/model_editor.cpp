#include "model_editor.h"

#include "core/attribute_edit.h"
#include "core/model.h"
#include "core/model_edit.h"

#include <onnx/onnx_pb.h>

#include <QUndoStack>

namespace onnxscope {

namespace {

std::string str(const QString& s) {
    return s.toStdString();
}

QString qstr(const std::string& s) {
    return QString::fromStdString(s);
}

bool fail(QString* error, const QString& message) {
    if (error)
        *error = message;
    return false;
}

} // namespace

ModelEditor::ModelEditor(QObject* parent)
    : QObject(parent)
    , m_stack(new QUndoStack(this)) {
    connect(m_stack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

ModelEditor::~ModelEditor() = default;

void ModelEditor::setModel(std::shared_ptr<Model> model) {
    m_model = std::move(model);
    m_blocked = false;
    m_stack->clear();
    emit modelReplaced();
}

bool ModelEditor::isModified() const {
    return !m_stack->isClean();
}

QStringList ModelEditor::changesSinceSave() const {
    QStringList changes;
    const int clean = m_stack->cleanIndex();
    const int index = m_stack->index();
    if (clean < 0) { // the saved state was dropped from the history: everything on it changed
        for (int i = 0; i < index; ++i)
            changes << m_stack->text(i);
    } else if (clean <= index) {
        for (int i = clean; i < index; ++i)
            changes << m_stack->text(i);
    } else {
        for (int i = clean - 1; i >= index; --i)
            changes << tr("Undo: %1").arg(m_stack->text(i));
    }
    return changes;
}

void ModelEditor::markSaved() {
    m_stack->setClean();
}

void ModelEditor::setBlocked(bool blocked) {
    m_blocked = blocked;
}

QString ModelEditor::editRefusal() const {
    if (m_blocked)
        return tr("The model is being saved; edit it again when the save has finished.");
    return m_readerCheck ? m_readerCheck() : QString();
}

namespace {

// The node at index in the graph at path, or null.
const onnx::NodeProto* nodeAt(const Model* model, int index, const GraphPath& path) {
    if (!model)
        return nullptr;
    auto graph = graphAt(model->proto(), path);
    return graph.ok() && index >= 0 && index < (*graph)->node_size() ? &(*graph)->node(index) : nullptr;
}

} // namespace

QString ModelEditor::nodeLabel(int node, const GraphPath& path) const {
    const onnx::NodeProto* n = nodeAt(m_model.get(), node, path);
    if (!n)
        return tr("node %1").arg(node);
    const QString label =
        n->name().empty() ? QStringLiteral("%1 #%2").arg(qstr(n->op_type())).arg(node) : qstr(n->name());
    return path.empty() ? label
                        : QStringLiteral("%1/%2").arg(qstr(describeGraphPath(m_model->proto(), path)), label);
}

bool ModelEditor::apply(const QString& text, EditScope scope, ModelEditFn redo, ModelEditFn undo,
                        QString* error) {
    if (!m_model)
        return fail(error, tr("No model is open."));
    if (const QString refusal = editRefusal(); !refusal.isEmpty())
        return fail(error, refusal);
    Status status = redo(*m_model);
    if (!status.ok())
        return fail(error, qstr(status.message()));
    m_stack->push(new ModelEditCommand(this, text, scope, std::move(redo), std::move(undo)));
    emit changed(scope);
    return true;
}

void ModelEditor::runStep(const ModelEditFn& step, EditScope scope, const QString& text) {
    if (!m_model)
        return;
    Status status = step(*m_model);
    if (!status.ok())
        emit stepFailed(tr("“%1” could not be undone or redone: %2").arg(text, qstr(status.message())));
    emit changed(scope);
}

// Model properties: each captures the old value for undo.

bool ModelEditor::editModelString(const QString& text, const std::string& before, const QString& value,
                                  Status (*setter)(Model&, const std::string&), QString* error) {
    if (!m_model)
        return fail(error, tr("No model is open."));
    const std::string after = str(value);
    if (before == after)
        return true;
    return apply(
        text, EditScope::Metadata, [after, setter](Model& m) { return setter(m, after); },
        [before, setter](Model& m) { return setter(m, before); }, error);
}

bool ModelEditor::setProducerName(const QString& value, QString* error) {
    return editModelString(tr("Set producer name"),
                           m_model ? m_model->proto().producer_name() : std::string(), value,
                           onnxscope::setProducerName, error);
}

bool ModelEditor::setProducerVersion(const QString& value, QString* error) {
    return editModelString(tr("Set producer version"),
                           m_model ? m_model->proto().producer_version() : std::string(), value,
                           onnxscope::setProducerVersion, error);
}

bool ModelEditor::setDomain(const QString& value, QString* error) {
    return editModelString(tr("Set model domain"), m_model ? m_model->proto().domain() : std::string(), value,
                           onnxscope::setModelDomain, error);
}

bool ModelEditor::setModelDocString(const QString& value, QString* error) {
    return editModelString(tr("Edit model doc string"),
                           m_model ? m_model->proto().doc_string() : std::string(), value,
                           onnxscope::setModelDocString, error);
}

bool ModelEditor::setGraphDocString(const QString& value, QString* error) {
    return editModelString(tr("Edit graph doc string"),
                           m_model ? m_model->proto().graph().doc_string() : std::string(), value,
                           onnxscope::setGraphDocString, error);
}

bool ModelEditor::setModelVersion(qint64 value, QString* error) {
    if (!m_model)
        return fail(error, tr("No model is open."));
    const int64_t before = m_model->proto().model_version();
    if (before == value)
        return true;
    return apply(
        tr("Set model version to %1").arg(value), EditScope::Metadata,
        [value](Model& m) { return onnxscope::setModelVersion(m, value); },
        [before](Model& m) { return onnxscope::setModelVersion(m, before); }, error);
}

// Nodes and values.

bool ModelEditor::setNodeName(int node, const QString& value, QString* error, const GraphPath& path) {
    const onnx::NodeProto* proto = nodeAt(m_model.get(), node, path);
    if (!proto)
        return fail(error, tr("There is no node %1 in that graph.").arg(node));
    const std::string before = proto->name();
    const std::string after = str(value);
    if (before == after)
        return true;
    return apply(
        tr("Rename node “%1” to “%2”").arg(nodeLabel(node, path), value), EditScope::Graph,
        [node, after, path](Model& m) { return onnxscope::setNodeName(m, node, after, path); },
        [node, before, path](Model& m) { return onnxscope::setNodeName(m, node, before, path); }, error);
}

bool ModelEditor::setNodeDocString(int node, const QString& value, QString* error, const GraphPath& path) {
    const onnx::NodeProto* proto = nodeAt(m_model.get(), node, path);
    if (!proto)
        return fail(error, tr("There is no node %1 in that graph.").arg(node));
    const std::string before = proto->doc_string();
    const std::string after = str(value);
    if (before == after)
        return true;
    return apply(
        tr("Edit doc string of “%1”").arg(nodeLabel(node, path)), EditScope::Node,
        [node, after, path](Model& m) { return onnxscope::setNodeDocString(m, node, after, path); },
        [node, before, path](Model& m) { return onnxscope::setNodeDocString(m, node, before, path); }, error);
}

bool ModelEditor::setAttribute(int node, const QString& name, const QString& text, QString* error,
                               const GraphPath& path) {
    if (!m_model)
        return fail(error, tr("No model is open."));
    auto before = nodeAttribute(*m_model, node, str(name), path);
    if (!before.ok())
        return fail(error, qstr(before.message()));
    auto after = parseAttributeValue(kindOf(*before), str(text));
    if (!after.ok())
        return fail(error, tr("%1 expects %2: %3")
                               .arg(name, qstr(std::string(attributeKindName(kindOf(*before)))),
                                    qstr(after.message())));
    if (*after == *before)
        return true;
    const std::string attribute = str(name);
    return apply(
        tr("Set %1.%2 to %3").arg(nodeLabel(node, path), name, qstr(formatAttributeValue(*after))),
        EditScope::Graph,
        [node, attribute, path, value = *after](Model& m) {
            return setNodeAttribute(m, node, attribute, value, path);
        },
        [node, attribute, path, value = *before](Model& m) {
            return setNodeAttribute(m, node, attribute, value, path);
        },
        error);
}

bool ModelEditor::renameValue(const QString& from, const QString& to, QString* error) {
    if (from == to)
        return true;
    const std::string a = str(from), b = str(to);
    return apply(
        tr("Rename “%1” to “%2”").arg(from, to), EditScope::Graph,
        [a, b](Model& m) { return renameGraphValue(m, a, b); },
        [a, b](Model& m) { return renameGraphValue(m, b, a); }, error);
}

bool ModelEditor::setDim(const QString& value, int index, const QString& text, QString* error) {
    if (!m_model)
        return fail(error, tr("No model is open."));
    const std::string name = str(value);
    auto dims = graphValueDims(*m_model, name);
    if (!dims.ok())
        return fail(error, qstr(dims.message()));
    if (index < 0 || index >= static_cast<int>(dims->size()))
        return fail(error, tr("“%1” has no dimension %2.").arg(value).arg(index));
    auto after = parseTensorDim(str(text));
    if (!after.ok())
        return fail(error, qstr(after.message()));
    const TensorDim before = dims->at(static_cast<size_t>(index));
    if (before == *after)
        return true;
    return apply(
        tr("Set dimension %1 of “%2” to %3").arg(index).arg(value, qstr(formatTensorDim(*after))),
        EditScope::Graph,
        [name, index, dim = *after](Model& m) { return setGraphValueDim(m, name, index, dim); },
        [name, index, before](Model& m) { return setGraphValueDim(m, name, index, before); }, error);
}

// metadata_props: the scope is Graph for values shown in the graph page, Metadata otherwise.

namespace {

EditScope scopeOf(const MetadataTarget& target) {
    return target.kind == MetadataTarget::Kind::Node || target.kind == MetadataTarget::Kind::Value
               ? EditScope::Node
               : EditScope::Metadata;
}

} // namespace

bool ModelEditor::addMetadata(const MetadataTarget& target, const QString& key, const QString& value,
                              QString* error) {
    const std::string k = str(key), v = str(value);
    return apply(
        tr("Add metadata “%1”").arg(key), scopeOf(target),
        [target, k, v](Model& m) { return addMetadataEntry(m, target, k, v); },
        [target, k](Model& m) { return removeMetadataEntry(m, target, k); }, error);
}

bool ModelEditor::setMetadataValue(const MetadataTarget& target, const QString& key, const QString& value,
                                   QString* error) {
    if (!m_model)
        return fail(error, tr("No model is open."));
    auto entries = metadataEntries(*m_model, target);
    if (!entries.ok())
        return fail(error, qstr(entries.message()));
    const std::string k = str(key), after = str(value);
    auto it =
        std::find_if(entries->begin(), entries->end(), [&](const MetadataEntry& e) { return e.key == k; });
    if (it != entries->end() && it->value == after)
        return true;
    const std::string before = it == entries->end() ? std::string() : it->value;
    return apply(
        tr("Set metadata “%1”").arg(key), scopeOf(target),
        [target, k, after](Model& m) { return onnxscope::setMetadataValue(m, target, k, after); },
        [target, k, before](Model& m) { return onnxscope::setMetadataValue(m, target, k, before); }, error);
}

bool ModelEditor::renameMetadataKey(const MetadataTarget& target, const QString& from, const QString& to,
                                    QString* error) {
    if (from == to)
        return true;
    const std::string a = str(from), b = str(to);
    return apply(
        tr("Rename metadata “%1” to “%2”").arg(from, to), scopeOf(target),
        [target, a, b](Model& m) { return onnxscope::renameMetadataKey(m, target, a, b); },
        [target, a, b](Model& m) { return onnxscope::renameMetadataKey(m, target, b, a); }, error);
}

bool ModelEditor::removeMetadata(const MetadataTarget& target, const QString& key, QString* error) {
    if (!m_model)
        return fail(error, tr("No model is open."));
    auto entries = metadataEntries(*m_model, target);
    if (!entries.ok())
        return fail(error, qstr(entries.message()));
    const std::string k = str(key);
    auto it =
        std::find_if(entries->begin(), entries->end(), [&](const MetadataEntry& e) { return e.key == k; });
    const int position = static_cast<int>(it - entries->begin());
    const std::string value = it == entries->end() ? std::string() : it->value;
    return apply(
        tr("Remove metadata “%1”").arg(key), scopeOf(target),
        [target, k](Model& m) { return removeMetadataEntry(m, target, k); },
        [target, k, value, position](Model& m) { return addMetadataEntry(m, target, k, value, position); },
        error);
}

} // namespace onnxscope
