// Table models of a profile (debug_types.h ProfileResult): one row per node (median time, share
// of the run, min, max, op type, backend, shapes) and one per op type (node executions, total,
// share, median, min, max). SortRole gives numbers for sorting through a QSortFilterProxyModel.
#pragma once

#include "debug_types.h"

#include <QAbstractTableModel>

namespace onnxscope {

class ProfileNodeModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IndexColumn,
        NameColumn,
        OpColumn,
        BackendColumn,
        MedianColumn,
        PercentColumn,
        MinColumn,
        MaxColumn,
        ShapesColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int PlanIndexRole = Qt::UserRole + 2;

    explicit ProfileNodeModel(QObject* parent = nullptr);
    void setResult(const ProfileResult& result);
    void clear() { setResult({}); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<NodeStats> m_nodes;
    double m_totalMs = 0; // sum of the node medians
};

class ProfileOpModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        OpColumn,
        CountColumn,
        TotalColumn,
        PercentColumn,
        MedianColumn,
        MinColumn,
        MaxColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit ProfileOpModel(QObject* parent = nullptr);
    void setResult(const ProfileResult& result);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<OpStats> m_ops;
    double m_totalMs = 0;
};

// CSV of the per-node table (RFC 4180 quoting), for spreadsheets.
QString profileCsv(const ProfileResult& result);

} // namespace onnxscope
