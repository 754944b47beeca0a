#include "compare_results_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace onnxscope {

namespace {

QString number(double v) {
    return QString::number(v, 'g', 3);
}

} // namespace

QString compareVerdict(const TensorComparison& c) {
    if (c.kindMismatch)
        return CompareResultsModel::tr("kind differs");
    if (c.shapeMismatch)
        return CompareResultsModel::tr("shape differs");
    if (!c.problem.empty())
        return QString::fromStdString(c.problem);
    if (c.newNaN || c.newInf)
        return CompareResultsModel::tr("%1 new NaN, %2 new Inf").arg(c.newNaN).arg(c.newInf);
    if (c.outside == 0)
        return CompareResultsModel::tr("within tolerance");
    return CompareResultsModel::tr("%1% outside").arg(100.0 * c.fractionOutside(), 0, 'g', 3);
}

CompareResultsModel::CompareResultsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void CompareResultsModel::clear() {
    beginResetModel();
    m_reports.clear();
    m_firstDivergence = -1;
    endResetModel();
}

void CompareResultsModel::append(const std::vector<ValueReport>& reports) {
    if (reports.empty())
        return;
    const int first = static_cast<int>(m_reports.size());
    beginInsertRows({}, first, first + static_cast<int>(reports.size()) - 1);
    m_reports.insert(m_reports.end(), reports.begin(), reports.end());
    endInsertRows();
}

void CompareResultsModel::setFirstDivergence(int planIndex) {
    m_firstDivergence = planIndex;
    if (!m_reports.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::FontRole});
}

int CompareResultsModel::rowOfValue(const QString& name) const {
    const std::string n = name.toStdString();
    for (size_t i = 0; i < m_reports.size(); ++i)
        if (m_reports[i].name == n)
            return static_cast<int>(i);
    return -1;
}

int CompareResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_reports.size());
}

int CompareResultsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompareResultsModel::display(const ValueReport& r, int column) const {
    const TensorComparison& c = r.comparison;
    switch (column) {
    case ValueColumn:
        return QString::fromStdString(r.name);
    case NodeColumn:
        return QString::fromStdString(r.node);
    case OpColumn:
        return QString::fromStdString(r.opType);
    case MaxAbsColumn:
        return c.comparable() ? number(c.maxAbs) : QString();
    case MaxRelColumn:
        return c.comparable() ? number(c.maxRel) : QString();
    case MeanAbsColumn:
        return c.comparable() ? number(c.meanAbs) : QString();
    case CosineColumn:
        return c.comparable() ? QString::number(c.cosine, 'f', 6) : QString();
    case OutsideColumn:
        return c.comparable() ? QStringLiteral("%1 / %2").arg(c.outside).arg(c.count) : QString();
    case VerdictColumn:
        return compareVerdict(c);
    }
    return {};
}

QVariant CompareResultsModel::sortKey(const ValueReport& r, int column) const {
    const TensorComparison& c = r.comparison;
    // Values that could not be compared sort as the worst.
    const double worst = std::numeric_limits<double>::infinity();
    switch (column) {
    case MaxAbsColumn:
        return c.comparable() ? c.maxAbs : worst;
    case MaxRelColumn:
        return c.comparable() ? c.maxRel : worst;
    case MeanAbsColumn:
        return c.comparable() ? c.meanAbs : worst;
    case CosineColumn:
        return c.comparable() ? c.cosine : -worst;
    case OutsideColumn:
    case VerdictColumn:
        return c.comparable() ? c.fractionOutside() + double(c.newNaN + c.newInf) : worst;
    case NodeColumn:
        return qulonglong(r.nodeIndex);
    default:
        return display(r, column);
    }
}

QVariant CompareResultsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ValueReport& r = m_reports[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case SortRole:
        return sortKey(r, index.column());
    case RowRole:
        return index.row();
    case Qt::ToolTipRole:
        return QString::fromStdString(r.comparison.summary());
    case Qt::TextAlignmentRole:
        return index.column() >= MaxAbsColumn && index.column() <= OutsideColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == VerdictColumn)
            return QBrush(r.withinTolerance() ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        return {};
    case Qt::FontRole:
        if (m_firstDivergence >= 0 && r.nodeIndex == static_cast<size_t>(m_firstDivergence)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    }
    return {};
}

QVariant CompareResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ValueColumn:
        return tr("Value");
    case NodeColumn:
        return tr("Node");
    case OpColumn:
        return tr("Op");
    case MaxAbsColumn:
        return tr("Max abs");
    case MaxRelColumn:
        return tr("Max rel");
    case MeanAbsColumn:
        return tr("Mean abs");
    case CosineColumn:
        return tr("Cosine");
    case OutsideColumn:
        return tr("Outside");
    case VerdictColumn:
        return tr("Verdict");
    }
    return {};
}

} // namespace onnxscope
