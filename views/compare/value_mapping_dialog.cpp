#include "value_mapping_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace onnxscope {

ValueMappingDialog::ValueMappingDialog(const QStringList& modelValues, const QStringList& referenceValues,
                                       const std::map<std::string, std::string>& current, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Map values between the models"));
    auto* layout = new QVBoxLayout(this);
    const QSet<QString> inReference(referenceValues.begin(), referenceValues.end());
    const QSet<QString> inModel(modelValues.begin(), modelValues.end());
    QStringList unmatchedModel, unmatchedReference;
    for (const QString& v : modelValues)
        if (!inReference.contains(v))
            unmatchedModel << v;
    for (const QString& v : referenceValues)
        if (!inModel.contains(v))
            unmatchedReference << v;
    layout->addWidget(new QLabel(tr("%1 values match by name. Pick the reference value for the others; "
                                    "values left unmapped are not compared.")
                                     .arg(modelValues.size() - unmatchedModel.size()),
                                 this));
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by name"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);

    m_table = new QTableWidget(static_cast<int>(unmatchedModel.size()), 2, this);
    m_table->setHorizontalHeaderLabels({tr("Model value"), tr("Reference value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    for (int row = 0; row < unmatchedModel.size(); ++row) {
        auto* item = new QTableWidgetItem(unmatchedModel[row]);
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(row, 0, item);
        auto* choice = new QComboBox(m_table);
        choice->addItem(tr("(not compared)"), QString());
        for (const QString& r : unmatchedReference)
            choice->addItem(r, r);
        auto it = current.find(unmatchedModel[row].toStdString());
        if (it != current.end())
            choice->setCurrentIndex(std::max(0, choice->findData(QString::fromStdString(it->second))));
        m_table->setCellWidget(row, 1, choice);
    }
    m_table->resizeColumnToContents(0);
    layout->addWidget(m_table, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_filter, &QLineEdit::textChanged, this, &ValueMappingDialog::filter);
    resize(640, 480);
}

void ValueMappingDialog::filter(const QString& text) {
    for (int row = 0; row < m_table->rowCount(); ++row)
        m_table->setRowHidden(row, !m_table->item(row, 0)->text().contains(text, Qt::CaseInsensitive));
}

std::map<std::string, std::string> ValueMappingDialog::mapping() const {
    std::map<std::string, std::string> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto* choice = qobject_cast<QComboBox*>(m_table->cellWidget(row, 1));
        const QString chosen = choice ? choice->currentData().toString() : QString();
        if (!chosen.isEmpty())
            out[m_table->item(row, 0)->text().toStdString()] = chosen.toStdString();
    }
    return out;
}

} // namespace onnxscope
