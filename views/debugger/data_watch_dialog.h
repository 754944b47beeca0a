// Edits the data breakpoint: stop after a node whose outputs hold NaN or Inf, or a finite value
// outside a range.
#pragma once

#include "exec/tensor_summary.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;

namespace onnxscope {

class DataWatchDialog : public QDialog {
    Q_OBJECT
public:
    explicit DataWatchDialog(const DataWatch& watch, QWidget* parent = nullptr);
    DataWatch watch() const;

private:
    QCheckBox* m_nonFinite;
    QCheckBox* m_range;
    QDoubleSpinBox* m_low;
    QDoubleSpinBox* m_high;
};

} // namespace onnxscope
