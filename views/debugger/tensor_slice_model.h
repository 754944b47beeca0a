// The values table of the tensor preview: one 2-D slice of a tensor (tensor_slice.h), numbers
// shown with six significant digits and NaN / Inf cells highlighted.
#pragma once

#include "tensor_slice.h"

#include <QAbstractTableModel>

namespace onnxscope {

class TensorSliceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit TensorSliceModel(QObject* parent = nullptr);

    void setTensor(const Tensor& tensor, const TensorSlice& slice);
    void setSlice(const TensorSlice& slice);
    const Tensor& tensor() const { return m_tensor; }
    const TensorSlice& slice() const { return m_slice; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Tensor m_tensor;
    TensorSlice m_slice;
};

// One element as text: "0.125", "nan", "true", "\"abc\"".
QString elementText(const Tensor& tensor, int64_t index);

} // namespace onnxscope
