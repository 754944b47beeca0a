// The execution order as a tree, grouped by name scope like an event browser: consecutive nodes
// under /encoder/layer.3/attention/... sit in nested "encoder > layer.3 > attention" groups.
// Each row shows the node, its op type, its time in the last pass (groups: the sum) and the
// backend; the current node, executed nodes, breakpoints and a failed node are marked.
#pragma once

#include "debug_types.h"

#include <QAbstractItemModel>
#include <QSet>

#include <set>

#include <vector>

namespace onnxscope {

class DisplayGraph;
class PlanNodeMap;

class ExecutionListModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, OpColumn, TimeColumn, BackendColumn, ColumnCount };
    static constexpr int PlanIndexRole = Qt::UserRole + 1; // -1 for groups

    explicit ExecutionListModel(QObject* parent = nullptr);

    // graph may be null (then groups come from function paths only).
    void setPlan(const PlanSummary& plan, const PlanNodeMap& map, const DisplayGraph* graph);
    void clear();
    // nextNode: the node that runs next; executedCount: nodes 0..executedCount-1 ran this pass.
    void setProgress(int nextNode, int executedCount, int failedNode);
    void setTimes(const std::vector<double>& msPerPlanNode); // -1 where unknown
    void setBreakpoints(const std::set<int>& planNodes);

    QModelIndex indexOfPlanNode(int planIndex, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        int parent = -1;    // row id of the parent, -1 for top level
        int position = 0;   // row number under the parent
        int planIndex = -1; // -1 for a group
        QString name;
        std::vector<int> children;
        int firstPlan = 0, lastPlan = 0; // the plan range a group covers
    };
    const Row* rowOf(const QModelIndex& index) const;
    double rangeMs(int first, int last) const;
    void emitAllChanged();

    PlanSummary m_plan;
    std::vector<Row> m_rows;
    std::vector<int> m_topLevel;
    std::vector<int> m_rowOfPlan;
    std::vector<double> m_ms;
    std::vector<double> m_prefixMs; // prefix sums of known times, for group totals
    std::set<int> m_breakpoints;
    int m_next = -1;
    int m_executed = 0;
    int m_failed = -1;
};

} // namespace onnxscope
