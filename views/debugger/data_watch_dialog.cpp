#include "data_watch_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>

#include <algorithm>

namespace onnxscope {

DataWatchDialog::DataWatchDialog(const DataWatch& watch, QWidget* parent)
    : QDialog(parent)
    , m_nonFinite(new QCheckBox(tr("Stop when an output has NaN or Inf"), this))
    , m_range(new QCheckBox(tr("Stop when an output value leaves the range"), this))
    , m_low(new QDoubleSpinBox(this))
    , m_high(new QDoubleSpinBox(this)) {
    setWindowTitle(tr("Data Breakpoints"));
    m_nonFinite->setChecked(watch.nonFinite);
    m_range->setChecked(watch.range);
    for (QDoubleSpinBox* box : {m_low, m_high}) {
        box->setRange(-1e30, 1e30);
        box->setDecimals(6);
    }
    m_low->setValue(watch.range ? watch.low : -1e4);
    m_high->setValue(watch.range ? watch.high : 1e4);
    auto* form = new QFormLayout(this);
    form->addRow(new QLabel(tr("Checked after every node, on every output it produces."), this));
    form->addRow(m_nonFinite);
    form->addRow(m_range);
    form->addRow(tr("Lowest allowed:"), m_low);
    form->addRow(tr("Highest allowed:"), m_high);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

DataWatch DataWatchDialog::watch() const {
    DataWatch w;
    w.nonFinite = m_nonFinite->isChecked();
    w.range = m_range->isChecked();
    w.low = std::min(m_low->value(), m_high->value());
    w.high = std::max(m_low->value(), m_high->value());
    return w;
}

} // namespace onnxscope
