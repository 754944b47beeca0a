#include "overview_table_model.h"

namespace onnxscope {

OverviewTableModel::OverviewTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void OverviewTableModel::setHeaders(const QStringList& headers) {
    beginResetModel();
    m_headers = headers;
    // Rows shorter than the header would make data() read past their end.
    for (auto& row : m_rows)
        while (row.size() < m_headers.size())
            row.append(QVariant());
    endResetModel();
}

void OverviewTableModel::setRows(QList<QVariantList> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    for (auto& row : m_rows)
        while (row.size() < m_headers.size())
            row.append(QVariant());
    endResetModel();
}

void OverviewTableModel::clear() {
    setRows({});
}

int OverviewTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OverviewTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant OverviewTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant& value = m_rows.at(index.row()).at(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return value;
    case Qt::TextAlignmentRole: {
        const int type = value.typeId();
        const bool numeric =
            type == QMetaType::Int || type == QMetaType::LongLong || type == QMetaType::Double;
        return int(numeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    }
    default:
        return {};
    }
}

QVariant OverviewTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= m_headers.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_headers.at(section);
}

} // namespace onnxscope
