// Picks the 2-D window into an N-d tensor (tensor_slice.h): which axis runs down the rows and
// which across the columns (choosing the other one's axis swaps them), and a spin box for the
// index of every other axis. Hidden below rank 2, where there is nothing to pick. Shared by the
// tensor preview and the compare panel's side-by-side view.
#pragma once

#include "tensor_slice.h"

#include <QWidget>

class QHBoxLayout;

namespace onnxscope {

class TensorSlicePicker : public QWidget {
    Q_OBJECT
public:
    explicit TensorSlicePicker(QWidget* parent = nullptr);
    // A new shape starts from TensorSlice::defaultFor.
    void setTensor(const Tensor& tensor);
    const TensorSlice& slice() const { return m_slice; }

signals:
    void sliceChanged(const onnxscope::TensorSlice& slice);

private:
    void rebuild();

    QHBoxLayout* m_layout;
    Shape m_shape;
    TensorSlice m_slice;
};

} // namespace onnxscope
