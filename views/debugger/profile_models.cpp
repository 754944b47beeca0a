#include "profile_models.h"

#include <QStringList>

namespace onnxscope {

namespace {

QString duration(double ms) {
    return QString::fromStdString(formatDuration(ms));
}

QString percent(double part, double whole) {
    return whole > 0 ? QString::number(100.0 * part / whole, 'f', 1) + QLatin1Char('%') : QString();
}

QString joinShapes(const std::vector<std::string>& shapes) {
    QStringList parts;
    for (const std::string& s : shapes)
        parts << QString::fromStdString(s);
    return parts.join(QStringLiteral(", "));
}

QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

ProfileNodeModel::ProfileNodeModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ProfileNodeModel::setResult(const ProfileResult& result) {
    beginResetModel();
    m_nodes = result.nodes;
    double nodesMs = 0;
    for (const NodeStats& n : m_nodes)
        nodesMs += n.medianMs;
    const double wallMs = result.medianWallMs();
    m_betweenNodesMs = !m_nodes.empty() && wallMs > nodesMs ? wallMs - nodesMs : 0;
    m_totalMs = nodesMs + m_betweenNodesMs;
    endResetModel();
}

int ProfileNodeModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_nodes.size()) + (m_betweenNodesMs > 0 ? 1 : 0);
}

QVariant ProfileNodeModel::betweenNodesData(int column, int role) const {
    if (role == PlanIndexRole)
        return -1;
    if (role == SortRole)
        return column == NameColumn ? QVariant(QString()) : QVariant(-1.0);
    if (role == Qt::ToolTipRole)
        return tr("Time of the run outside every node: binding inputs, freeing values, reading outputs, "
                  "the profiler's own bookkeeping");
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case NameColumn:
        return tr("(between nodes)");
    case MedianColumn:
        return duration(m_betweenNodesMs);
    case PercentColumn:
        return percent(m_betweenNodesMs, m_totalMs);
    default:
        return {};
    }
}

int ProfileNodeModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileNodeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (index.row() == static_cast<int>(m_nodes.size()))
        return betweenNodesData(index.column(), role);
    const NodeStats& n = m_nodes[static_cast<size_t>(index.row())];
    if (role == PlanIndexRole)
        return n.nodeIndex;
    if (role == SortRole) {
        switch (index.column()) {
        case IndexColumn:
            return n.nodeIndex;
        case MedianColumn:
        case PercentColumn:
            return n.medianMs;
        case MinColumn:
            return n.minMs;
        case MaxColumn:
            return n.maxMs;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn && index.column() != OpColumn &&
        index.column() != BackendColumn && index.column() != ShapesColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case IndexColumn:
        return n.nodeIndex;
    case NameColumn:
        return QString::fromStdString(n.name);
    case OpColumn:
        return QString::fromStdString(n.opType);
    case BackendColumn:
        return QString::fromStdString(n.backend);
    case MedianColumn:
        return duration(n.medianMs);
    case PercentColumn:
        return percent(n.medianMs, m_totalMs);
    case MinColumn:
        return duration(n.minMs);
    case MaxColumn:
        return duration(n.maxMs);
    case ShapesColumn:
        return QStringLiteral("%1 → %2").arg(joinShapes(n.inputShapes), joinShapes(n.outputShapes));
    }
    return {};
}

QVariant ProfileNodeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IndexColumn:
        return tr("#");
    case NameColumn:
        return tr("Node");
    case OpColumn:
        return tr("Op type");
    case BackendColumn:
        return tr("Backend");
    case MedianColumn:
        return tr("Median");
    case PercentColumn:
        return tr("% of total");
    case MinColumn:
        return tr("Min");
    case MaxColumn:
        return tr("Max");
    case ShapesColumn:
        return tr("Shapes");
    }
    return {};
}

ProfileOpModel::ProfileOpModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ProfileOpModel::setResult(const ProfileResult& result) {
    beginResetModel();
    m_ops = result.ops;
    m_totalMs = 0;
    for (const OpStats& o : m_ops)
        m_totalMs += o.totalMs;
    endResetModel();
}

int ProfileOpModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_ops.size());
}

int ProfileOpModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileOpModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(m_ops.size()))
        return {};
    const OpStats& o = m_ops[static_cast<size_t>(index.row())];
    if (role == SortRole) {
        switch (index.column()) {
        case CountColumn:
            return o.count;
        case TotalColumn:
        case PercentColumn:
            return o.totalMs;
        case MedianColumn:
            return o.medianMs;
        case MinColumn:
            return o.minMs;
        case MaxColumn:
            return o.maxMs;
        default:
            return QString::fromStdString(o.opType);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != OpColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case OpColumn:
        return QString::fromStdString(o.opType);
    case CountColumn:
        return o.count;
    case TotalColumn:
        return duration(o.totalMs);
    case PercentColumn:
        return percent(o.totalMs, m_totalMs);
    case MedianColumn:
        return duration(o.medianMs);
    case MinColumn:
        return duration(o.minMs);
    case MaxColumn:
        return duration(o.maxMs);
    }
    return {};
}

QVariant ProfileOpModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OpColumn:
        return tr("Op type");
    case CountColumn:
        return tr("Executions");
    case TotalColumn:
        return tr("Total");
    case PercentColumn:
        return tr("% of total");
    case MedianColumn:
        return tr("Median");
    case MinColumn:
        return tr("Min");
    case MaxColumn:
        return tr("Max");
    }
    return {};
}

QString profileCsv(const ProfileResult& result) {
    QStringList lines;
    lines << QStringLiteral(
        "index,name,op_type,backend,median_ms,min_ms,max_ms,runs,input_shapes,output_shapes");
    for (const NodeStats& n : result.nodes)
        lines << QStringList{QString::number(n.nodeIndex),
                             csvField(QString::fromStdString(n.name)),
                             csvField(QString::fromStdString(n.opType)),
                             csvField(QString::fromStdString(n.backend)),
                             QString::number(n.medianMs, 'g', 9),
                             QString::number(n.minMs, 'g', 9),
                             QString::number(n.maxMs, 'g', 9),
                             QString::number(n.count),
                             csvField(joinShapes(n.inputShapes)),
                             csvField(joinShapes(n.outputShapes))}
                     .join(QLatin1Char(','));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace onnxscope
