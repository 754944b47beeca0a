#include "tensor_slice_model.h"

#include <QBrush>
#include <QColor>

#include <cmath>
#include <limits>

namespace onnxscope {

namespace {

// Views ask for rowCount as an int; beyond that the table shows the first rows only.
int clampCount(int64_t n) {
    return static_cast<int>(std::min<int64_t>(n, std::numeric_limits<int>::max()));
}

} // namespace

QString elementText(const Tensor& tensor, int64_t index) {
    if (index < 0 || index >= tensor.elementCount())
        return QString();
    switch (tensor.dataType()) {
    case DataType::String:
        return QLatin1Char('"') + QString::fromStdString(tensor.data<std::string>()[index]) +
               QLatin1Char('"');
    case DataType::Bool:
        return tensor.data<uint8_t>()[index] ? QStringLiteral("true") : QStringLiteral("false");
    case DataType::Complex64:
    case DataType::Complex128:
        return QStringLiteral("…");
    default:
        return QString::number(tensor.elementAsDouble(index), 'g', 6);
    }
}

TensorSliceModel::TensorSliceModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void TensorSliceModel::setTensor(const Tensor& tensor, const TensorSlice& slice) {
    beginResetModel();
    m_tensor = tensor;
    m_slice = slice;
    endResetModel();
}

void TensorSliceModel::setSlice(const TensorSlice& slice) {
    beginResetModel();
    m_slice = slice;
    endResetModel();
}

int TensorSliceModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_tensor.isValid() ? 0 : clampCount(m_slice.rows(m_tensor));
}

int TensorSliceModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_tensor.isValid() ? 0 : clampCount(m_slice.columns(m_tensor));
}

QVariant TensorSliceModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_tensor.isValid())
        return {};
    const int64_t flat = m_slice.flatIndex(m_tensor, index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        return elementText(m_tensor, flat);
    case Qt::BackgroundRole: {
        const DataType t = m_tensor.dataType();
        if (t == DataType::String || t == DataType::Complex64 || t == DataType::Complex128)
            return {};
        const double v = m_tensor.elementAsDouble(flat);
        if (std::isnan(v))
            return QBrush(QColor(0xff, 0x80, 0xff));
        if (std::isinf(v))
            return QBrush(QColor(0x80, 0xe0, 0xff));
        return {};
    }
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant TensorSliceModel::headerData(int section, Qt::Orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    return section;
}

} // namespace onnxscope
