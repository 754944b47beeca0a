#include "node_properties_panel.h"
#include "onnx_format.h"
#include "op_category.h"
#include "tensor_stats.h"

#include <onnx/onnx_pb.h>

#include <QHeaderView>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace onnxscope {

namespace {
constexpr int kSubgraphRole = Qt::UserRole;
constexpr int kTensorRole = Qt::UserRole + 1;
} // namespace

NodePropertiesPanel::NodePropertiesPanel(QWidget* parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_doc(new QTextBrowser(this)) {
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Property"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(true);
    m_doc->setOpenExternalLinks(true);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_doc);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString attribute = item->data(0, kSubgraphRole).toString();
        if (!attribute.isEmpty() && m_node >= 0)
            emit subgraphRequested(m_node, attribute);
        else if (item->data(0, kTensorRole).isValid())
            emit tensorRequested(item->data(0, kTensorRole).toInt());
    });
}

void NodePropertiesPanel::setDocument(std::shared_ptr<const GraphDocument> document) {
    m_document = std::move(document);
    clear();
}

void NodePropertiesPanel::clear() {
    m_tree->clear();
    m_doc->clear();
    m_node = -1;
}

QTreeWidgetItem* NodePropertiesPanel::addRow(QTreeWidgetItem* parent, const QString& key,
                                             const QString& value) {
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    item->setText(0, key);
    item->setText(1, value);
    item->setToolTip(1, value);
    return item;
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
        addRow(nullptr, tr("Name"), n.name);
        addRow(nullptr, tr("Type"), tensorSummary(t));
        return;
    }
    const onnx::NodeProto* proto = graph.nodeProto(node);
    const int opset = graph.opsetFor(n.domain);
    addRow(nullptr, tr("Op type"), n.opType);
    addRow(nullptr, tr("Domain"), n.domain.isEmpty() ? QStringLiteral("ai.onnx") : n.domain);
    addRow(nullptr, tr("Name"), n.name.isEmpty() ? tr("(unnamed)") : n.name);
    addRow(nullptr, tr("Opset"), opset > 0 ? QString::number(opset) : tr("not imported"));
    addRow(nullptr, tr("Category"), categoryName(opCategory(n.opType, n.domain)));
    if (proto && !proto->attribute().empty()) {
        auto* attrs = addRow(nullptr, tr("Attributes"), QString::number(proto->attribute_size()));
        for (const auto& a : proto->attribute()) {
            auto* row = addRow(attrs, QString::fromStdString(a.name()), attributeValueText(a, 64));
            if (a.type() == onnx::AttributeProto::GRAPH || a.type() == onnx::AttributeProto::GRAPHS) {
                row->setData(0, kSubgraphRole, QString::fromStdString(a.name()));
                row->setText(1, tr("graph — double-click to open"));
            }
        }
        attrs->setExpanded(true);
    }
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
    if (proto && !proto->doc_string().empty())
        addRow(nullptr, tr("Doc string"), QString::fromStdString(proto->doc_string()));
    const QString doc = operatorDoc(n.opType, n.domain, opset);
    m_doc->setMarkdown(doc.isEmpty() ? tr("No schema documentation for %1.").arg(n.opType)
                                     : QStringLiteral("### %1\n\n%2").arg(n.opType, doc));
}

void NodePropertiesPanel::showTensor(int tensor) {
    clear();
    if (!m_document || tensor < 0)
        return;
    const DisplayGraph& graph = *m_document->graph;
    const DisplayTensor& t = graph.tensors()[static_cast<size_t>(tensor)];
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
}

void NodePropertiesPanel::showBlock(int block) {
    clear();
    if (!m_document || block < 0)
        return;
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
