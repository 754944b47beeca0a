#include "metadata_editor.h"
#include "model_editor.h"

#include "core/model.h"

#include <onnx/onnx_pb.h>

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace onnxscope {

namespace {

QString qstr(const std::string& s) {
    return QString::fromStdString(s);
}

// Where the current key of a row is kept, so a key edit knows which entry it renames.
constexpr int kKeyRole = Qt::UserRole;

} // namespace

MetadataEditor::MetadataEditor(QWidget* parent)
    : QWidget(parent)
    , m_producerName(new QLineEdit(this))
    , m_producerVersion(new QLineEdit(this))
    , m_domain(new QLineEdit(this))
    , m_modelVersion(new QLineEdit(this))
    , m_modelDoc(new QPlainTextEdit(this))
    , m_graphDoc(new QPlainTextEdit(this))
    , m_target(new QComboBox(this))
    , m_table(new QTableWidget(0, 2, this))
    , m_newKey(new QLineEdit(this))
    , m_newValue(new QLineEdit(this))
    , m_message(new QLabel(this)) {
    m_producerName->setObjectName(QStringLiteral("producerName"));
    m_producerVersion->setObjectName(QStringLiteral("producerVersion"));
    m_domain->setObjectName(QStringLiteral("domain"));
    m_modelVersion->setObjectName(QStringLiteral("modelVersion"));
    m_modelDoc->setObjectName(QStringLiteral("modelDocString"));
    m_graphDoc->setObjectName(QStringLiteral("graphDocString"));
    m_modelVersion->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("-?\\d{0,19}")), m_modelVersion));
    for (QPlainTextEdit* doc : {m_modelDoc, m_graphDoc}) {
        doc->setTabChangesFocus(true);
        doc->setMaximumHeight(80);
        doc->installEventFilter(this); // applies on focus out
    }
    for (QLineEdit* field : {m_producerName, m_producerVersion, m_domain, m_modelVersion})
        connect(field, &QLineEdit::editingFinished, this, [this, field] { commitField(field); });

    auto* modelBox = new QGroupBox(tr("Model"), this);
    auto* form = new QFormLayout(modelBox);
    form->addRow(tr("Producer name:"), m_producerName);
    form->addRow(tr("Producer version:"), m_producerVersion);
    form->addRow(tr("Domain:"), m_domain);
    form->addRow(tr("Model version:"), m_modelVersion);
    form->addRow(tr("Model doc string:"), m_modelDoc);
    form->addRow(tr("Graph doc string:"), m_graphDoc);

    auto* propsBox = new QGroupBox(tr("Metadata properties"), this);
    auto* props = new QVBoxLayout(propsBox);
    m_target->addItems({tr("Model"), tr("Main graph"), tr("Selected node"), tr("Selected value")});
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        report(true, QString());
        fillTable();
    });
    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(new QLabel(tr("On:"), propsBox));
    targetRow->addWidget(m_target, 1);
    props->addLayout(targetRow);
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_filling)
            return;
        if (item->column() == 0)
            editKey(item->row(), item->text());
        else
            editValue(item->row(), item->text());
    });
    props->addWidget(m_table, 1);
    m_newKey->setPlaceholderText(tr("key"));
    m_newValue->setPlaceholderText(tr("value"));
    auto* add = new QPushButton(tr("Add"), propsBox);
    auto* remove = new QPushButton(tr("Remove"), propsBox);
    connect(add, &QPushButton::clicked, this, [this] {
        if (addEntry(m_newKey->text(), m_newValue->text())) {
            m_newKey->clear();
            m_newValue->clear();
        }
    });
    connect(m_newValue, &QLineEdit::returnPressed, add, &QPushButton::click);
    connect(remove, &QPushButton::clicked, this, [this] { removeEntry(m_table->currentRow()); });
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_newKey);
    addRow->addWidget(m_newValue, 1);
    addRow->addWidget(add);
    addRow->addWidget(remove);
    props->addLayout(addRow);
    m_message->setObjectName(QStringLiteral("metadataMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_message->hide();
    props->addWidget(m_message);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(modelBox);
    layout->addWidget(propsBox, 1);
    refresh();
}

void MetadataEditor::setEditor(ModelEditor* editor) {
    if (m_editor)
        disconnect(m_editor, nullptr, this, nullptr);
    m_editor = editor;
    if (m_editor) {
        // Queued: an edit made from a table cell must not rebuild the table under that cell.
        connect(m_editor, &ModelEditor::changed, this, &MetadataEditor::refresh, Qt::QueuedConnection);
        connect(m_editor, &ModelEditor::modelReplaced, this, &MetadataEditor::refresh, Qt::QueuedConnection);
    }
    refresh();
}

void MetadataEditor::setSelection(int node, const QString& value) {
    m_selectedNode = node;
    m_selectedValue = value;
    updateTargets();
    fillTable();
}

bool MetadataEditor::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::FocusOut && (watched == m_modelDoc || watched == m_graphDoc))
        commitField(watched);
    return QWidget::eventFilter(watched, event);
}

void MetadataEditor::commitField(QObject* field) {
    if (m_filling || !m_editor || !m_editor->model())
        return;
    QString error;
    bool ok = true;
    if (field == m_producerName)
        ok = m_editor->setProducerName(m_producerName->text(), &error);
    else if (field == m_producerVersion)
        ok = m_editor->setProducerVersion(m_producerVersion->text(), &error);
    else if (field == m_domain)
        ok = m_editor->setDomain(m_domain->text(), &error);
    else if (field == m_modelVersion)
        ok = m_editor->setModelVersion(m_modelVersion->text().toLongLong(), &error);
    else if (field == m_modelDoc)
        ok = m_editor->setModelDocString(m_modelDoc->toPlainText(), &error);
    else if (field == m_graphDoc)
        ok = m_editor->setGraphDocString(m_graphDoc->toPlainText(), &error);
    report(ok, error);
}

void MetadataEditor::refresh() {
    const auto model = m_editor ? m_editor->model() : nullptr;
    m_filling = true;
    for (QWidget* w : {static_cast<QWidget*>(m_producerName), static_cast<QWidget*>(m_producerVersion),
                       static_cast<QWidget*>(m_domain), static_cast<QWidget*>(m_modelVersion),
                       static_cast<QWidget*>(m_modelDoc), static_cast<QWidget*>(m_graphDoc),
                       static_cast<QWidget*>(m_target), static_cast<QWidget*>(m_table)})
        w->setEnabled(model != nullptr);
    const onnx::ModelProto* proto = model ? &model->proto() : nullptr;
    m_producerName->setText(proto ? qstr(proto->producer_name()) : QString());
    m_producerVersion->setText(proto ? qstr(proto->producer_version()) : QString());
    m_domain->setText(proto ? qstr(proto->domain()) : QString());
    m_modelVersion->setText(proto ? QString::number(proto->model_version()) : QString());
    m_modelDoc->setPlainText(proto ? qstr(proto->doc_string()) : QString());
    m_graphDoc->setPlainText(proto ? qstr(proto->graph().doc_string()) : QString());
    m_filling = false;
    updateTargets();
    fillTable();
}

void MetadataEditor::updateTargets() {
    auto* items = qobject_cast<QStandardItemModel*>(m_target->model());
    const auto model = m_editor ? m_editor->model() : nullptr;
    const bool nested = model && model->proto().ir_version() >= kIrVersionWithNestedMetadata;
    const QString why = model && !nested ? tr("Needs IR version %1 or newer; this model is IR %2.")
                                               .arg(kIrVersionWithNestedMetadata)
                                               .arg(model->proto().ir_version())
                                         : QString();
    const bool enabled[] = {model != nullptr, nested, nested && m_selectedNode >= 0,
                            nested && !m_selectedValue.isEmpty()};
    for (int i = 0; i < 4; ++i) {
        items->item(i)->setEnabled(enabled[i]);
        items->item(i)->setToolTip(i > 0 ? why : QString());
    }
    if (!enabled[m_target->currentIndex()])
        m_target->setCurrentIndex(0);
}

MetadataTarget MetadataEditor::currentTarget() const {
    switch (m_target->currentIndex()) {
    case 1:
        return MetadataTarget::graph();
    case 2:
        return MetadataTarget::nodeAt(m_selectedNode);
    case 3:
        return MetadataTarget::valueNamed(m_selectedValue.toStdString());
    default:
        return MetadataTarget::model();
    }
}

bool MetadataEditor::setCurrentTarget(MetadataTarget::Kind kind) {
    if (!isTargetEnabled(kind))
        return false;
    m_target->setCurrentIndex(int(kind));
    return true;
}

bool MetadataEditor::isTargetEnabled(MetadataTarget::Kind kind) const {
    return qobject_cast<QStandardItemModel*>(m_target->model())->item(int(kind))->isEnabled();
}

QStringList MetadataEditor::targetNames() const {
    QStringList names;
    for (int i = 0; i < m_target->count(); ++i)
        names << m_target->itemText(i);
    return names;
}

void MetadataEditor::fillTable() {
    m_filling = true;
    m_table->setRowCount(0);
    const auto model = m_editor ? m_editor->model() : nullptr;
    auto entries = model ? metadataEntries(*model, currentTarget())
                         : Result<std::vector<MetadataEntry>>(std::vector<MetadataEntry>());
    if (entries.ok()) {
        m_table->setRowCount(static_cast<int>(entries->size()));
        for (int row = 0; row < static_cast<int>(entries->size()); ++row) {
            const MetadataEntry& e = entries->at(static_cast<size_t>(row));
            auto* key = new QTableWidgetItem(qstr(e.key));
            key->setData(kKeyRole, qstr(e.key));
            m_table->setItem(row, 0, key);
            m_table->setItem(row, 1, new QTableWidgetItem(qstr(e.value)));
        }
    }
    m_filling = false;
}

void MetadataEditor::report(bool ok, const QString& error) {
    m_message->setText(ok ? QString() : tr("Not changed: %1").arg(error));
    m_message->setVisible(!ok);
    if (!ok) // show the model's values again, not the refused ones
        QMetaObject::invokeMethod(this, &MetadataEditor::refresh, Qt::QueuedConnection);
}

QString MetadataEditor::message() const {
    return m_message->isHidden() ? QString() : m_message->text();
}

bool MetadataEditor::addEntry(const QString& key, const QString& value) {
    if (!m_editor)
        return false;
    QString error;
    const bool ok = m_editor->addMetadata(currentTarget(), key, value, &error);
    report(ok, error);
    return ok;
}

bool MetadataEditor::removeEntry(int row) {
    if (!m_editor || row < 0 || row >= m_table->rowCount()) {
        report(false, tr("select the entry to remove"));
        return false;
    }
    QString error;
    const bool ok =
        m_editor->removeMetadata(currentTarget(), m_table->item(row, 0)->data(kKeyRole).toString(), &error);
    report(ok, error);
    return ok;
}

bool MetadataEditor::editKey(int row, const QString& key) {
    if (!m_editor || row < 0 || row >= m_table->rowCount())
        return false;
    QString error;
    const bool ok = m_editor->renameMetadataKey(
        currentTarget(), m_table->item(row, 0)->data(kKeyRole).toString(), key, &error);
    report(ok, error);
    return ok;
}

bool MetadataEditor::editValue(int row, const QString& value) {
    if (!m_editor || row < 0 || row >= m_table->rowCount())
        return false;
    QString error;
    const bool ok = m_editor->setMetadataValue(
        currentTarget(), m_table->item(row, 0)->data(kKeyRole).toString(), value, &error);
    report(ok, error);
    return ok;
}

} // namespace onnxscope
