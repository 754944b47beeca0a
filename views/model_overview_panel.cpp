#include "model_overview_panel.h"

#include "overview_table_model.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace onnxscope {

namespace {

enum Field {
    IrVersion,
    Producer,
    Domain,
    ModelVersion,
    GraphName,
    Nodes,
    Initializers,
    Description,
    FieldCount
};

QString domainLabel(const QString& domain) {
    // The default ONNX domain is the empty string (or "ai.onnx"); show it the way users know it.
    return domain.isEmpty() ? QStringLiteral("ai.onnx") : domain;
}

} // namespace

ModelOverviewPanel::ModelOverviewPanel(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    m_placeholder = new QLabel(tr("No model loaded."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setEnabled(false);
    layout->addWidget(m_placeholder);

    m_content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    const QString captions[FieldCount] = {
        tr("IR version:"), tr("Producer:"), tr("Domain:"),       tr("Model version:"),
        tr("Graph:"),      tr("Nodes:"),    tr("Initializers:"), tr("Description:"),
    };
    for (const QString& caption : captions) {
        auto* captionLabel = new QLabel(caption, m_content);
        auto* value = new QLabel(m_content);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        form->addRow(captionLabel, value);
        m_fields.append(qMakePair(captionLabel, value));
    }
    contentLayout->addLayout(form);

    m_tabs = new QTabWidget(m_content);
    m_tabs->setDocumentMode(true);
    contentLayout->addWidget(m_tabs, 1);
    addSection(Table::Operators, tr("Operators"), {tr("Operator"), tr("Count"), tr("Domain")});
    addSection(Table::Inputs, tr("Inputs"), {tr("Name"), tr("Type"), tr("Shape")});
    addSection(Table::Outputs, tr("Outputs"), {tr("Name"), tr("Type"), tr("Shape")});
    addSection(Table::Opsets, tr("Opsets"), {tr("Domain"), tr("Version")});
    addSection(Table::Metadata, tr("Metadata"), {tr("Key"), tr("Value")});
    addSection(Table::Functions, tr("Functions"),
               {tr("Name"), tr("Domain"), tr("Nodes"), tr("Inputs"), tr("Outputs")});
    layout->addWidget(m_content, 1);

    clear();
}

ModelOverviewPanel::Section& ModelOverviewPanel::section(Table table) {
    return m_sections[int(table)];
}

const ModelOverviewPanel::Section& ModelOverviewPanel::section(Table table) const {
    return m_sections[int(table)];
}

void ModelOverviewPanel::addSection(Table table, const QString& title, const QStringList& headers) {
    Section& s = section(table);
    s.model = new OverviewTableModel(this);
    s.model->setHeaders(headers);
    s.proxy = new QSortFilterProxyModel(this);
    s.proxy->setSourceModel(s.model);
    s.proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    s.view = new QTableView(m_tabs);
    s.view->setModel(s.proxy);
    s.view->setSortingEnabled(true);
    s.view->setSelectionBehavior(QAbstractItemView::SelectRows);
    s.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    s.view->setAlternatingRowColors(true);
    s.view->verticalHeader()->hide();
    s.view->horizontalHeader()->setStretchLastSection(true);
    s.view->horizontalHeader()->setSortIndicatorShown(true);
    // Unsorted until the user clicks a header: the model's own order (by count) is meaningful.
    s.view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    s.tabIndex = m_tabs->addTab(s.view, title);
    m_tabBaseTitles[int(table)] = title;
}

void ModelOverviewPanel::updateTabTitles() {
    for (int i = 0; i < 6; ++i) {
        const int rows = m_sections[i].model->rowCount();
        m_tabs->setTabText(m_sections[i].tabIndex,
                           rows ? tr("%1 (%2)").arg(m_tabBaseTitles[i]).arg(rows) : m_tabBaseTitles[i]);
    }
}

void ModelOverviewPanel::setOverview(const ModelOverview& o) {
    const QString producer =
        o.producerVersion.isEmpty() ? o.producerName : tr("%1 %2").arg(o.producerName, o.producerVersion);
    const QString nodes =
        o.nodeCountTotal > o.nodeCount
            ? tr("%1 (%2 with subgraphs and functions)").arg(o.nodeCount).arg(o.nodeCountTotal)
            : QString::number(o.nodeCount);
    const QString initializers = o.initializerCount
                                     ? tr("%1 (%2)")
                                           .arg(o.initializerCount)
                                           .arg(QLocale().formattedDataSize(qint64(o.initializerBytes), 1))
                                     : QString::number(o.initializerCount);
    const QString values[FieldCount] = {
        QString::number(o.irVersion),
        producer.isEmpty() ? tr("(unknown)") : producer,
        o.domain.isEmpty() ? tr("(none)") : o.domain,
        QString::number(o.modelVersion),
        o.graphName.isEmpty() ? tr("(unnamed)") : o.graphName,
        nodes,
        initializers,
        o.docString.isEmpty() ? tr("(none)") : o.docString,
    };
    for (int i = 0; i < FieldCount; ++i)
        m_fields[i].second->setText(values[i]);

    QList<QVariantList> rows;
    for (const auto& op : o.opCounts)
        rows.append({op.opType, op.count, domainLabel(op.domain)});
    section(Table::Operators).model->setRows(rows);

    auto valueRows = [](const QList<OverviewValueInfo>& infos) {
        QList<QVariantList> out;
        for (const auto& info : infos)
            out.append({info.name, info.type, info.shape});
        return out;
    };
    section(Table::Inputs).model->setRows(valueRows(o.inputs));
    section(Table::Outputs).model->setRows(valueRows(o.outputs));

    rows.clear();
    for (const auto& opset : o.opsets)
        rows.append({domainLabel(opset.domain), opset.version});
    section(Table::Opsets).model->setRows(rows);

    rows.clear();
    for (const auto& [key, value] : o.metadata)
        rows.append({key, value});
    section(Table::Metadata).model->setRows(rows);

    rows.clear();
    for (const auto& f : o.functions)
        rows.append({f.name, domainLabel(f.domain), f.nodeCount, f.inputs.join(QStringLiteral(", ")),
                     f.outputs.join(QStringLiteral(", "))});
    section(Table::Functions).model->setRows(rows);

    for (auto& s : m_sections)
        s.view->resizeColumnsToContents();
    updateTabTitles();
    m_hasOverview = true;
    m_placeholder->hide();
    m_content->show();
}

void ModelOverviewPanel::clear() {
    for (auto& s : m_sections)
        s.model->clear();
    for (auto& field : m_fields)
        field.second->clear();
    updateTabTitles();
    m_hasOverview = false;
    m_content->hide();
    m_placeholder->show();
}

QSize ModelOverviewPanel::sizeHint() const {
    return {420, 640};
}

OverviewTableModel* ModelOverviewPanel::tableModel(Table table) const {
    return section(table).model;
}

QTableView* ModelOverviewPanel::tableView(Table table) const {
    return section(table).view;
}

QString ModelOverviewPanel::summaryText() const {
    QStringList lines;
    for (const auto& [caption, value] : m_fields)
        lines << caption->text() + QLatin1Char(' ') + value->text();
    return lines.join(QLatin1Char('\n'));
}

} // namespace onnxscope
