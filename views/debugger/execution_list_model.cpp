#include "execution_list_model.h"

#include "plan_node_map.h"
#include "views/display_graph.h"
#include "views/node_overlay.h"

#include "exec/profiler.h"

#include <QBrush>
#include <QFont>

namespace onnxscope {

ExecutionListModel::ExecutionListModel(QObject* parent)
    : QAbstractItemModel(parent) {}

void ExecutionListModel::clear() {
    beginResetModel();
    m_plan = {};
    m_rows.clear();
    m_topLevel.clear();
    m_rowOfPlan.clear();
    m_ms.clear();
    m_prefixMs.assign(1, 0.0);
    m_breakpoints.clear();
    m_next = -1;
    m_executed = 0;
    m_failed = -1;
    endResetModel();
}

void ExecutionListModel::setPlan(const PlanSummary& plan, const PlanNodeMap& map, const DisplayGraph* graph) {
    beginResetModel();
    m_plan = plan;
    m_rows.clear();
    m_topLevel.clear();
    m_rowOfPlan.assign(plan.nodes.size(), -1);
    m_ms.assign(plan.nodes.size(), -1.0);
    m_prefixMs.assign(plan.nodes.size() + 1, 0.0);
    m_next = -1;
    m_executed = 0;
    m_failed = -1;
    // Open groups, outermost first; a node closes the groups its scope does not share.
    std::vector<int> open;
    auto addRow = [&](Row row) {
        const int id = static_cast<int>(m_rows.size());
        std::vector<int>& siblings =
            row.parent < 0 ? m_topLevel : m_rows[static_cast<size_t>(row.parent)].children;
        row.position = static_cast<int>(siblings.size());
        siblings.push_back(id);
        m_rows.push_back(std::move(row));
        return id;
    };
    for (int p = 0; p < static_cast<int>(plan.nodes.size()); ++p) {
        const PlanNodeInfo& info = plan.nodes[static_cast<size_t>(p)];
        QStringList scope;
        const int display = map.displayNode(p);
        if (graph && display >= 0)
            scope = graph->nodes()[static_cast<size_t>(display)].scope;
        if (!info.functionPath.isEmpty())
            scope += info.functionPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        size_t shared = 0;
        while (shared < open.size() && shared < static_cast<size_t>(scope.size()) &&
               m_rows[static_cast<size_t>(open[shared])].name == scope[static_cast<qsizetype>(shared)])
            ++shared;
        open.resize(shared);
        for (size_t depth = shared; depth < static_cast<size_t>(scope.size()); ++depth) {
            Row group;
            group.parent = open.empty() ? -1 : open.back();
            group.name = scope[static_cast<qsizetype>(depth)];
            group.firstPlan = p;
            open.push_back(addRow(std::move(group)));
        }
        for (int g : open)
            m_rows[static_cast<size_t>(g)].lastPlan = p;
        Row leaf;
        leaf.parent = open.empty() ? -1 : open.back();
        leaf.planIndex = p;
        leaf.name = info.label;
        leaf.firstPlan = leaf.lastPlan = p;
        m_rowOfPlan[static_cast<size_t>(p)] = addRow(std::move(leaf));
    }
    endResetModel();
}

void ExecutionListModel::setProgress(int nextNode, int executedCount, int failedNode) {
    m_next = nextNode;
    m_executed = executedCount;
    m_failed = failedNode;
    emitAllChanged();
}

void ExecutionListModel::setTimes(const std::vector<double>& msPerPlanNode) {
    m_ms = msPerPlanNode;
    m_ms.resize(m_plan.nodes.size(), -1.0);
    m_prefixMs.assign(m_ms.size() + 1, 0.0);
    for (size_t i = 0; i < m_ms.size(); ++i)
        m_prefixMs[i + 1] = m_prefixMs[i] + std::max(0.0, m_ms[i]);
    emitAllChanged();
}

void ExecutionListModel::setBreakpoints(const std::set<int>& planNodes) {
    m_breakpoints = planNodes;
    emitAllChanged();
}

void ExecutionListModel::emitAllChanged() {
    if (m_rows.empty())
        return;
    // One signal per level is enough for views; rows are cheap to repaint.
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    for (const Row& row : m_rows)
        if (!row.children.empty()) {
            const QModelIndex parentIndex = createIndex(row.position, 0, quintptr(&row - m_rows.data()));
            emit dataChanged(index(0, 0, parentIndex),
                             index(static_cast<int>(row.children.size()) - 1, ColumnCount - 1, parentIndex));
        }
}

double ExecutionListModel::rangeMs(int first, int last) const {
    if (first < 0 || last + 1 >= static_cast<int>(m_prefixMs.size()) || first > last)
        return 0;
    return m_prefixMs[static_cast<size_t>(last) + 1] - m_prefixMs[static_cast<size_t>(first)];
}

QModelIndex ExecutionListModel::indexOfPlanNode(int planIndex, int column) const {
    if (planIndex < 0 || planIndex >= static_cast<int>(m_rowOfPlan.size()))
        return {};
    const int id = m_rowOfPlan[static_cast<size_t>(planIndex)];
    return createIndex(m_rows[static_cast<size_t>(id)].position, column, quintptr(id));
}

const ExecutionListModel::Row* ExecutionListModel::rowOf(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() >= m_rows.size())
        return nullptr;
    return &m_rows[index.internalId()];
}

QModelIndex ExecutionListModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const std::vector<int>* children = &m_topLevel;
    if (const Row* p = rowOf(parent))
        children = &p->children;
    if (row >= static_cast<int>(children->size()))
        return {};
    return createIndex(row, column, quintptr((*children)[static_cast<size_t>(row)]));
}

QModelIndex ExecutionListModel::parent(const QModelIndex& child) const {
    const Row* row = rowOf(child);
    if (!row || row->parent < 0)
        return {};
    const Row& p = m_rows[static_cast<size_t>(row->parent)];
    return createIndex(p.position, 0, quintptr(row->parent));
}

int ExecutionListModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return static_cast<int>(m_topLevel.size());
    if (parent.column() != 0)
        return 0;
    const Row* row = rowOf(parent);
    return row ? static_cast<int>(row->children.size()) : 0;
}

int ExecutionListModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant ExecutionListModel::data(const QModelIndex& index, int role) const {
    const Row* row = rowOf(index);
    if (!row)
        return {};
    const bool leaf = row->planIndex >= 0;
    const PlanNodeInfo* info = leaf ? &m_plan.nodes[static_cast<size_t>(row->planIndex)] : nullptr;
    const bool current =
        leaf ? row->planIndex == m_next : (m_next >= row->firstPlan && m_next <= row->lastPlan);
    const bool failed =
        leaf ? row->planIndex == m_failed : (m_failed >= row->firstPlan && m_failed <= row->lastPlan);
    switch (role) {
    case PlanIndexRole:
        return row->planIndex;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return leaf ? QStringLiteral("%1  %2").arg(row->planIndex).arg(row->name) : row->name;
        case OpColumn:
            return leaf ? info->opType : tr("%n node(s)", nullptr, row->lastPlan - row->firstPlan + 1);
        case TimeColumn: {
            if (leaf && m_ms[static_cast<size_t>(row->planIndex)] < 0)
                return QString();
            const double ms =
                leaf ? m_ms[static_cast<size_t>(row->planIndex)] : rangeMs(row->firstPlan, row->lastPlan);
            if (!leaf && ms <= 0)
                return QString();
            return QString::fromStdString(formatDuration(ms));
        }
        case BackendColumn:
            return leaf ? info->backend : QString();
        }
        return {};
    case Qt::ToolTipRole:
        if (failed && leaf)
            return tr("Failed here");
        if (leaf && !info->planError.isEmpty())
            return info->planError;
        return {};
    case Qt::DecorationRole:
        if (index.column() != NameColumn || !leaf)
            return {};
        if (row->planIndex == m_failed)
            return markColor(NodeMark::Error);
        if (m_breakpoints.count(row->planIndex))
            return markColor(NodeMark::Breakpoint);
        if (current)
            return markColor(NodeMark::Current);
        return {};
    case Qt::FontRole:
        if (current || failed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (failed)
            return QBrush(markColor(NodeMark::Error));
        if (leaf && row->planIndex < m_executed)
            return QBrush(markColor(NodeMark::Executed));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == TimeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    return {};
}

QVariant ExecutionListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Node");
    case OpColumn:
        return tr("Op type");
    case TimeColumn:
        return tr("Time");
    case BackendColumn:
        return tr("Backend");
    }
    return {};
}

} // namespace onnxscope
