#include "graph_search_panel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace onnxscope {

namespace {
constexpr int kKindRole = Qt::UserRole;
constexpr int kIdRole = Qt::UserRole + 1;
enum { NodeResult = 1, TensorResult = 2 };
} // namespace

GraphSearchPanel::GraphSearchPanel(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_summary(new QLabel(this)) {
    m_edit->setPlaceholderText(tr("Find node, op type or tensor…"));
    m_edit->setClearButtonEnabled(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_summary);
    layout->addWidget(m_results, 1);
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString& text) { search(text); });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (m_results->count() > 0)
            activateResult(m_results->currentRow() >= 0 ? m_results->currentRow() : 0);
    });
    connect(m_results, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { activateResult(m_results->row(item)); });
    connect(m_results, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { activateResult(m_results->row(item)); });
}

void GraphSearchPanel::setDocument(std::shared_ptr<const GraphDocument> document) {
    m_document = std::move(document);
    m_results->clear();
    m_summary->clear();
    if (!m_edit->text().isEmpty())
        search(m_edit->text());
}

int GraphSearchPanel::search(const QString& text) {
    if (m_edit->text() != text) {
        const QSignalBlocker blocker(m_edit);
        m_edit->setText(text);
    }
    m_results->clear();
    const QString needle = text.trimmed();
    if (!m_document || needle.isEmpty()) {
        m_summary->clear();
        return 0;
    }
    const DisplayGraph& graph = *m_document->graph;
    int hits = 0;
    auto add = [&](const QString& label, const QString& detail, int kind, int id) {
        auto* item =
            new QListWidgetItem(detail.isEmpty() ? label : QStringLiteral("%1 — %2").arg(label, detail));
        item->setData(kKindRole, kind);
        item->setData(kIdRole, id);
        m_results->addItem(item);
        ++hits;
    };
    for (int n = 0; n < static_cast<int>(graph.nodes().size()) && hits < maxResults; ++n) {
        const DisplayNode& node = graph.nodes()[static_cast<size_t>(n)];
        if (node.name.contains(needle, Qt::CaseInsensitive) ||
            node.opType.contains(needle, Qt::CaseInsensitive)) {
            QString kind = node.opType;
            if (node.kind == DisplayNodeKind::GraphInput)
                kind = tr("input");
            else if (node.kind == DisplayNodeKind::GraphOutput)
                kind = tr("output");
            add(node.name.isEmpty() ? tr("(unnamed)") : node.name, kind, NodeResult, n);
        }
    }
    for (int t = 0; t < static_cast<int>(graph.tensors().size()) && hits < maxResults; ++t) {
        const DisplayTensor& tensor = graph.tensors()[static_cast<size_t>(t)];
        if (tensor.name.contains(needle, Qt::CaseInsensitive))
            add(tensor.name, tensor.initializer ? tr("initializer") : tr("tensor"), TensorResult, t);
    }
    m_summary->setText(hits >= maxResults ? tr("First %1 results").arg(hits)
                                          : tr("%n result(s)", nullptr, hits));
    return hits;
}

int GraphSearchPanel::resultCount() const {
    return m_results->count();
}

void GraphSearchPanel::activateResult(int row) {
    QListWidgetItem* item = m_results->item(row);
    if (!item)
        return;
    m_results->setCurrentRow(row);
    const int id = item->data(kIdRole).toInt();
    if (item->data(kKindRole).toInt() == NodeResult)
        emit nodeChosen(id);
    else
        emit tensorChosen(id);
}

void GraphSearchPanel::focusSearch() {
    m_edit->setFocus();
    m_edit->selectAll();
}

} // namespace onnxscope
