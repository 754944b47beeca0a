// A small read-only table model for the overview panel's lists (opsets, inputs, outputs,
// operator counts, metadata, functions).
//
// Cells keep their natural type (numbers stay numbers), so a QSortFilterProxyModel on top sorts
// counts numerically rather than as text.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariantList>

namespace onnxscope {

class OverviewTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit OverviewTableModel(QObject* parent = nullptr);

    void setHeaders(const QStringList& headers);
    void setRows(QList<QVariantList> rows);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QList<QVariantList> m_rows;
};

} // namespace onnxscope
