// Table models of a profile (debug_types.h ProfileResult): one row per node (median time, share
// of the run, min, max, op type, backend, shapes), plus a last row for the time of the run spent
// between nodes, so the rows add up to the run; and one per op type (node executions, total,
// share, median, min, max). SortRole gives numbers for sorting through a QSortFilterProxyModel
// (the between-nodes row sorts below every node in descending order).
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
    QVariant betweenNodesData(int column, int role) const;

    std::vector<NodeStats> m_nodes;
    double m_totalMs = 0;        // the run's median wall time, or the sum of the node medians
    double m_betweenNodesMs = 0; // the wall time no node accounts for (0: no such row)
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
