#include "tensor_slice_picker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

#include <algorithm>

namespace onnxscope {

TensorSlicePicker::TensorSlicePicker(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this)) {
    m_layout->setContentsMargins(0, 0, 0, 0);
    setVisible(false);
}

void TensorSlicePicker::setTensor(const Tensor& tensor) {
    m_shape = tensor.isValid() ? tensor.shape() : Shape{};
    m_slice = TensorSlice::defaultFor(tensor);
    rebuild();
}

void TensorSlicePicker::rebuild() {
    while (QLayoutItem* item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const int rank = static_cast<int>(m_shape.size());
    setVisible(rank >= 2);
    if (rank < 2)
        return;
    auto axisBox = [&](const QString& label, int current, bool rows) {
        m_layout->addWidget(new QLabel(label, this));
        auto* box = new QComboBox(this);
        for (int a = 0; a < rank; ++a)
            box->addItem(tr("axis %1 (%2)").arg(a).arg(m_shape[static_cast<size_t>(a)]), a);
        box->setCurrentIndex(current);
        connect(box, &QComboBox::activated, this, [this, box, rows] {
            const int axis = box->currentData().toInt();
            int& mine = rows ? m_slice.rowAxis : m_slice.colAxis;
            int& other = rows ? m_slice.colAxis : m_slice.rowAxis;
            if (axis == other)
                other = mine; // swap rather than show one axis twice
            mine = axis;
            rebuild();
            emit sliceChanged(m_slice);
        });
        m_layout->addWidget(box);
    };
    axisBox(tr("Rows:"), m_slice.rowAxis, true);
    axisBox(tr("Columns:"), m_slice.colAxis, false);
    for (int a = 0; a < rank; ++a) {
        if (a == m_slice.rowAxis || a == m_slice.colAxis)
            continue;
        m_layout->addWidget(new QLabel(tr("axis %1 =").arg(a), this));
        auto* spin = new QSpinBox(this);
        spin->setRange(0, static_cast<int>(std::max<int64_t>(0, m_shape[static_cast<size_t>(a)] - 1)));
        spin->setValue(static_cast<int>(m_slice.fixed[static_cast<size_t>(a)]));
        connect(spin, &QSpinBox::valueChanged, this, [this, a](int v) {
            m_slice.fixed[static_cast<size_t>(a)] = v;
            emit sliceChanged(m_slice);
        });
        m_layout->addWidget(spin);
    }
    m_layout->addStretch(1);
}

} // namespace onnxscope
