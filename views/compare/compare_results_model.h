// The compared values of a layer-by-layer comparison as a table, in side A's execution order:
// value, node, op type, max abs / max rel / mean abs error, cosine similarity, the fraction of
// elements out of tolerance and a verdict. Numbers sort by their value (SortRole); the first
// divergence is shown in bold.
#pragma once

#include "exec/layer_compare.h"

#include <QAbstractTableModel>

#include <vector>

namespace onnxscope {

class CompareResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ValueColumn,
        NodeColumn,
        OpColumn,
        MaxAbsColumn,
        MaxRelColumn,
        MeanAbsColumn,
        CosineColumn,
        OutsideColumn,
        VerdictColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int RowRole = Qt::UserRole + 2; // the report's index, whatever the sorting

    explicit CompareResultsModel(QObject* parent = nullptr);

    void clear();
    void append(const std::vector<ValueReport>& reports);
    void setFirstDivergence(int planIndex);
    const ValueReport& report(int row) const { return m_reports[static_cast<size_t>(row)]; }
    const std::vector<ValueReport>& reports() const { return m_reports; }
    int rowOfValue(const QString& name) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const ValueReport& r, int column) const;
    QVariant sortKey(const ValueReport& r, int column) const;

    std::vector<ValueReport> m_reports;
    int m_firstDivergence = -1;
};

// Text for a verdict: "ok", "3.2% outside", "shape differs", ...
QString compareVerdict(const TensorComparison& c);

} // namespace onnxscope
