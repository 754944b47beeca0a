#include "node_properties_panel.h"
#include "model_editor.h"
#include "onnx_format.h"
#include "op_category.h"
#include "tensor_stats.h"
#include "typed_value_delegate.h"

#include "core/attribute_edit.h"
#include "core/model.h"
#include "core/model_edit.h"

#include <onnx/onnx_pb.h>

#include <QHeaderView>
#include <QLabel>
#include <QShortcut>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace onnxscope {

namespace {
constexpr int kSubgraphRole = Qt::UserRole;
constexpr int kTensorRole = Qt::UserRole + 1;
// On the value column of editable rows: what the row edits and its argument (attribute name,
// "value name" or "value name\ndimension index").
constexpr int kEditKindRole = Qt::UserRole + 2;
constexpr int kEditArgumentRole = Qt::UserRole + 3;

QString qstr(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

NodePropertiesPanel::NodePropertiesPanel(QWidget* parent)
    : QWidget(parent)
    , m_message(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_doc(new QTextBrowser(this)) {
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Property"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(true);
    m_doc->setOpenExternalLinks(true);
    m_message->setObjectName(QStringLiteral("editError"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_message->hide();
    auto* delegate = new TypedValueDelegate(m_tree);
    m_tree->setItemDelegateForColumn(1, delegate);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers); // only the value column is edited
    auto* editShortcut =
        new QShortcut(QKeySequence(Qt::Key_F2), m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(editShortcut, &QShortcut::activated, this, [this] {
        QTreeWidgetItem* item = m_tree->currentItem();
        if (item && item->data(1, kEditKindRole).toInt() != int(EditKind::None) && isEditable())
            m_tree->editItem(item, 1);
    });
    connect(delegate, &TypedValueDelegate::committed, this,
            [this](const QModelIndex& index, const QString& text) {
                // Apply after the editor has closed: a successful edit rebuilds the tree under it.
                QMetaObject::invokeMethod(
                    this,
                    [this, row = QPersistentModelIndex(index), text] {
                        if (row.isValid())
                            commitEdit(m_tree->itemFromIndex(row), text);
                    },
                    Qt::QueuedConnection);
            });
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        if (item->data(1, kEditKindRole).toInt() != int(EditKind::None) && isEditable())
            m_tree->editItem(item, 1);
    });
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_doc);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(splitter);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString attribute = item->data(0, kSubgraphRole).toString();
        if (!attribute.isEmpty() && m_node >= 0)
            emit subgraphRequested(m_node, attribute);
        else if (item->data(0, kTensorRole).isValid())
            emit tensorRequested(item->data(0, kTensorRole).toInt());
    });
}

void NodePropertiesPanel::setDocument(std::shared_ptr<const GraphDocument> document, GraphPath path) {
    m_document = std::move(document);
    m_path = std::move(path);
    clear();
}

void NodePropertiesPanel::setEditor(ModelEditor* editor) {
    m_editor = editor;
    refresh();
}

void NodePropertiesPanel::clear() {
    showEditError(QString());
    m_tree->clear();
    m_doc->clear();
    m_node = -1;
    m_tensor = -1;
    m_block = -1;
}

void NodePropertiesPanel::refresh() {
    if (m_node >= 0)
        showNode(m_node);
    else if (m_tensor >= 0)
        showTensor(m_tensor);
    else if (m_block >= 0)
        showBlock(m_block);
}

bool NodePropertiesPanel::isEditable() const {
    if (!m_editor || !m_editor->model() || !m_document)
        return false;
    auto graph = graphAt(m_editor->model()->proto(), m_path);
    return graph.ok() && *graph == &m_document->graph->proto();
}

QTreeWidgetItem* NodePropertiesPanel::addRow(QTreeWidgetItem* parent, const QString& key,
                                             const QString& value) {
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    item->setText(0, key);
    item->setText(1, value);
    item->setToolTip(1, value);
    return item;
}

QTreeWidgetItem* NodePropertiesPanel::addEditableRow(QTreeWidgetItem* parent, const QString& key,
                                                     const QString& value, EditKind kind,
                                                     const QString& argument, int valueType) {
    auto* item = addRow(parent, key, value);
    // Renames and dims reach the main graph's inputs and outputs only.
    const bool mainGraphOnly = kind == EditKind::ValueName || kind == EditKind::Dim;
    if (!isEditable() || (mainGraphOnly && !m_path.empty()))
        return item;
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    item->setData(1, kEditKindRole, int(kind));
    item->setData(1, kEditArgumentRole, argument);
    item->setData(1, TypedValueDelegate::kEditTextRole, value);
    item->setData(1, TypedValueDelegate::kValueTypeRole, valueType);
    item->setToolTip(1, tr("%1 — double-click or press F2 to edit").arg(value));
    QFont font = item->font(1);
    font.setUnderline(true);
    item->setFont(1, font);
    return item;
}

QTreeWidgetItem* NodePropertiesPanel::editableRow(EditKind kind, const QString& argument) const {
    QTreeWidgetItem* found = nullptr;
    std::function<void(QTreeWidgetItem*)> walk = [&](QTreeWidgetItem* item) {
        if (!found && item->data(1, kEditKindRole).toInt() == int(kind) &&
            (argument.isNull() || item->data(1, kEditArgumentRole).toString() == argument))
            found = item;
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i));
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        walk(m_tree->topLevelItem(i));
    return found;
}

bool NodePropertiesPanel::commitEdit(QTreeWidgetItem* row, const QString& text) {
    if (!row || !isEditable())
        return false;
    const auto kind = EditKind(row->data(1, kEditKindRole).toInt());
    const QString argument = row->data(1, kEditArgumentRole).toString();
    const int protoNode = m_node >= 0 ? m_document->graph->nodes()[size_t(m_node)].protoIndex : -1;
    QString error;
    bool ok = false;
    switch (kind) {
    case EditKind::NodeName:
        ok = m_editor->setNodeName(protoNode, text, &error, m_path);
        break;
    case EditKind::NodeDocString:
        ok = m_editor->setNodeDocString(protoNode, text, &error, m_path);
        break;
    case EditKind::Attribute:
        ok = m_editor->setAttribute(protoNode, argument, text, &error, m_path);
        break;
    case EditKind::ValueName:
        ok = m_editor->renameValue(argument, text, &error);
        break;
    case EditKind::Dim: {
        const QStringList parts = argument.split(QLatin1Char('\n'));
        ok = parts.size() == 2 && m_editor->setDim(parts[0], parts[1].toInt(), text, &error);
        break;
    }
    case EditKind::None:
        return false;
    }
    showEditError(ok ? QString() : tr("Not changed: %1").arg(error));
    return ok;
}

QString NodePropertiesPanel::editError() const {
    return m_message->isHidden() ? QString() : m_message->text();
}

void NodePropertiesPanel::showEditError(const QString& message) {
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void NodePropertiesPanel::addAttributeRows(const onnx::NodeProto& proto) {
    auto* attrs = addRow(nullptr, tr("Attributes"), QString::number(proto.attribute_size()));
    for (const auto& a : proto.attribute()) {
        const QString name = qstr(a.name());
        const auto kind = a.ref_attr_name().empty() ? editableAttributeKind(a.type()) : std::nullopt;
        QTreeWidgetItem* row = nullptr;
        if (kind && isEditable()) {
            row =
                addEditableRow(attrs, name, attributeValueText(a, 64), EditKind::Attribute, name, int(*kind));
            // Edit the full value, not the shortened display.
            auto value = nodeAttribute(*m_editor->model(),
                                       m_document->graph->nodes()[size_t(m_node)].protoIndex, a.name());
            if (value.ok())
                row->setData(1, TypedValueDelegate::kEditTextRole, qstr(formatAttributeValue(*value)));
        } else {
            row = addRow(attrs, name, attributeValueText(a, 64));
        }
        if (a.type() == onnx::AttributeProto::GRAPH || a.type() == onnx::AttributeProto::GRAPHS) {
            row->setData(0, kSubgraphRole, name);
            row->setText(1, tr("graph — double-click to open"));
        }
    }
    attrs->setExpanded(true);
}

// Name and dims of a graph input or output, editable on the main graph.
void NodePropertiesPanel::addValueRows(const QString& valueName) {
    if (!isEditable())
        return;
    auto dims = graphValueDims(*m_editor->model(), valueName.toStdString());
    if (dims.ok()) {
        auto* shape = addRow(nullptr, tr("Dimensions"), QString::number(dims->size()));
        for (size_t i = 0; i < dims->size(); ++i)
            addEditableRow(shape, QString::number(i), qstr(formatTensorDim(dims->at(i))), EditKind::Dim,
                           valueName + QLatin1Char('\n') + QString::number(i), TypedValueDelegate::kDimType);
        shape->setExpanded(true);
    }
    addMetadataRows(-1, valueName);
}

// metadata_props of a node or value (IR 10 and newer); edited in the metadata editor.
void NodePropertiesPanel::addMetadataRows(int protoNode, const QString& valueName) {
    // MetadataTarget addresses the main graph's nodes and values.
    if (!m_editor || !m_editor->model() || !isEditable() || !m_path.empty())
        return;
    const MetadataTarget target = protoNode >= 0 ? MetadataTarget::nodeAt(protoNode)
                                                 : MetadataTarget::valueNamed(valueName.toStdString());
    auto entries = metadataEntries(*m_editor->model(), target);
    if (!entries.ok() || entries->empty())
        return;
    auto* group = addRow(nullptr, tr("Metadata"), QString::number(entries->size()));
    for (const MetadataEntry& e : *entries)
        addRow(group, qstr(e.key), qstr(e.value));
    group->setExpanded(true);
}

QString NodePropertiesPanel::tensorSummary(int tensor) const {
    const DisplayTensor& t = m_document->graph->tensors()[static_cast<size_t>(tensor)];
    QString text = t.typeText.isEmpty() ? tr("unknown type") : t.typeText;
    if (!t.shapeText.isEmpty())
        text += QStringLiteral("[%1]").arg(t.shapeText);
    if (t.initializer)
        text += tr(" (constant)");
    return text;
}

void NodePropertiesPanel::showNode(int node) {
    clear();
    if (!m_document || node < 0)
        return;
    m_node = node;
    const DisplayGraph& graph = *m_document->graph;
    const DisplayNode& n = graph.nodes()[static_cast<size_t>(node)];
    if (n.kind != DisplayNodeKind::Operator) {
        addRow(nullptr, tr("Kind"),
               n.kind == DisplayNodeKind::GraphInput ? tr("Graph input") : tr("Graph output"));
        const int t = n.kind == DisplayNodeKind::GraphInput ? n.outputs.front() : n.inputs.front();
        const QString valueName = graph.tensors()[static_cast<size_t>(t)].name;
        addEditableRow(nullptr, tr("Name"), valueName, EditKind::ValueName, valueName);
        addRow(nullptr, tr("Type"), tensorSummary(t));
        addValueRows(valueName);
        return;
    }
    const onnx::NodeProto* proto = graph.nodeProto(node);
    const int opset = graph.opsetFor(n.domain);
    addRow(nullptr, tr("Op type"), n.opType);
    addRow(nullptr, tr("Domain"), n.domain.isEmpty() ? QStringLiteral("ai.onnx") : n.domain);
    if (isEditable() && proto)
        addEditableRow(nullptr, tr("Name"), qstr(proto->name()), EditKind::NodeName);
    else
        addRow(nullptr, tr("Name"), n.name.isEmpty() ? tr("(unnamed)") : n.name);
    addRow(nullptr, tr("Opset"), opset > 0 ? QString::number(opset) : tr("not imported"));
    addRow(nullptr, tr("Category"), categoryName(opCategory(n.opType, n.domain)));
    if (proto && !proto->attribute().empty())
        addAttributeRows(*proto);
    auto addTensors = [&](const QString& title, const std::vector<int>& tensors, bool inputs) {
        auto* group = addRow(nullptr, title, QString::number(tensors.size()));
        for (size_t k = 0; k < tensors.size(); ++k) {
            const int t = tensors[k];
            QString label =
                inputs ? schemaInputName(n.opType, n.domain, opset, static_cast<int>(k)) : QString();
            if (label.isEmpty())
                label = QString::number(k);
            if (t < 0) {
                addRow(group, label, tr("(omitted)"));
                continue;
            }
            const DisplayTensor& tensor = graph.tensors()[static_cast<size_t>(t)];
            auto* row = addRow(group, label, QStringLiteral("%1: %2").arg(tensor.name, tensorSummary(t)));
            row->setData(0, kTensorRole, t);
            if (tensor.initializer)
                addRow(row, tr("Statistics"), tensorStatsText(*tensor.initializer));
        }
        group->setExpanded(true);
    };
    addTensors(tr("Inputs"), n.inputs, true);
    addTensors(tr("Outputs"), n.outputs, false);
    if (isEditable() && proto)
        addEditableRow(nullptr, tr("Doc string"), qstr(proto->doc_string()), EditKind::NodeDocString);
    else if (proto && !proto->doc_string().empty())
        addRow(nullptr, tr("Doc string"), qstr(proto->doc_string()));
    if (proto)
        addMetadataRows(n.protoIndex, QString());
    const QString doc = operatorDoc(n.opType, n.domain, opset);
    m_doc->setMarkdown(doc.isEmpty() ? tr("No schema documentation for %1.").arg(n.opType)
                                     : QStringLiteral("### %1\n\n%2").arg(n.opType, doc));
}

void NodePropertiesPanel::showTensor(int tensor) {
    clear();
    if (!m_document || tensor < 0)
        return;
    m_tensor = tensor;
    const DisplayGraph& graph = *m_document->graph;
    const DisplayTensor& t = graph.tensors()[static_cast<size_t>(tensor)];
    if (t.isGraphInput || t.isGraphOutput)
        addEditableRow(nullptr, tr("Tensor"), t.name, EditKind::ValueName, t.name);
    else
        addRow(nullptr, tr("Tensor"), t.name);
    addRow(nullptr, tr("Type"), tensorSummary(tensor));
    auto nodeLabel = [&](int n) {
        const DisplayNode& node = graph.nodes()[static_cast<size_t>(n)];
        return node.name.isEmpty() ? node.opType : QStringLiteral("%1 (%2)").arg(node.name, node.opType);
    };
    addRow(nullptr, tr("Producer"),
           t.producer >= 0 ? nodeLabel(t.producer)
           : t.initializer ? tr("initializer")
                           : tr("outer scope"));
    auto* consumers = addRow(nullptr, tr("Consumers"), QString::number(t.consumers.size()));
    for (int c : t.consumers)
        addRow(consumers, QString(), nodeLabel(c));
    consumers->setExpanded(true);
    if (t.initializer) {
        addRow(nullptr, tr("Statistics"), tensorStatsText(*t.initializer));
        if (t.initializer->data_location() == onnx::TensorProto::EXTERNAL)
            addRow(nullptr, tr("Storage"), tr("external data"));
    }
    if (t.isGraphInput || t.isGraphOutput)
        addValueRows(t.name);
}

void NodePropertiesPanel::showBlock(int block) {
    clear();
    if (!m_document || block < 0)
        return;
    m_block = block;
    const Block& b = m_document->tree->block(block);
    addRow(nullptr, tr("Block"), b.path.isEmpty() ? blockTitle(*m_document->tree, block) : b.path);
    addRow(nullptr, tr("Nodes"), QString::number(b.totalNodes));
    addRow(nullptr, tr("Direct items"), QString::number(b.items.size()));
    m_doc->setPlainText(tr("Double-click the block or press Enter to expand or collapse it."));
}

QStringList NodePropertiesPanel::rowsText() const {
    QStringList rows;
    std::function<void(QTreeWidgetItem*)> walk = [&](QTreeWidgetItem* item) {
        rows << QStringLiteral("%1: %2").arg(item->text(0), item->text(1));
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i));
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        walk(m_tree->topLevelItem(i));
    return rows;
}

QString NodePropertiesPanel::documentation() const {
    return m_doc->toPlainText();
}

} // namespace onnxscope
