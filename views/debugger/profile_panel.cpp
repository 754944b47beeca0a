#include "profile_panel.h"

#include "profile_models.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace onnxscope {

namespace {

QTableView* makeTable(QAbstractItemModel* model, int sortRole, int sortColumn, QWidget* parent) {
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    auto* view = new QTableView(parent);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(sortColumn, Qt::DescendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(20);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

bool writeBytes(const QString& path, const QByteArray& bytes, QString* error) {
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
}

QString ms(double value) {
    return QString::fromStdString(formatDuration(value));
}

} // namespace

ProfilePanel::ProfilePanel(QWidget* parent)
    : QWidget(parent)
    , m_nodes(new ProfileNodeModel(this))
    , m_ops(new ProfileOpModel(this))
    , m_nodeView(makeTable(m_nodes, ProfileNodeModel::SortRole, ProfileNodeModel::MedianColumn, this))
    , m_opView(makeTable(m_ops, ProfileOpModel::SortRole, ProfileOpModel::TotalColumn, this))
    , m_summary(new QLabel(this))
    , m_exportTrace(new QPushButton(tr("Chrome Trace…"), this))
    , m_exportCsv(new QPushButton(tr("CSV…"), this)) {
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportTrace->setToolTip(tr("Save the samples as Chrome trace JSON (chrome://tracing, Perfetto)"));
    m_exportCsv->setToolTip(tr("Save the per-node table as CSV"));
    auto* tabs = new QTabWidget(this);
    tabs->addTab(m_nodeView, tr("Nodes"));
    tabs->addTab(m_opView, tr("Op types"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Export:"), this));
    buttons->addWidget(m_exportTrace);
    buttons->addWidget(m_exportCsv);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(tabs, 1);
    layout->addLayout(buttons);
    connect(m_nodeView, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (const int plan = index.data(ProfileNodeModel::PlanIndexRole).toInt(); plan >= 0)
            emit planNodeActivated(plan); // not the between-nodes row
    });
    connect(m_exportTrace, &QPushButton::clicked, this, [this] { exportWithDialog(true); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportWithDialog(false); });
    clear();
}

void ProfilePanel::clear() {
    m_result = {};
    m_hasResult = false;
    m_nodes->setResult({});
    m_ops->setResult({});
    m_summary->setText(tr("Run the model (Debug ▸ Run) or profile it (Debug ▸ Profile) to see node times."));
    m_exportTrace->setEnabled(false);
    m_exportCsv->setEnabled(false);
}

void ProfilePanel::setResult(const ProfileResult& result) {
    m_result = result;
    m_hasResult = true;
    m_nodes->setResult(result);
    m_ops->setResult(result);
    m_summary->setText(summaryText());
    m_exportTrace->setEnabled(true);
    m_exportCsv->setEnabled(true);
}

QString ProfilePanel::summaryText() const {
    if (!m_hasResult)
        return QString();
    const ProfileResult& r = m_result;
    QStringList lines;
    const QString what = r.deviceTimes
                             ? tr("Host time around each node (device kernel times are in the trace)")
                             : tr("Host time around each node");
    lines << tr("%1 on %2; median of %n run(s) after %3 warm-up.", nullptr, r.runs)
                 .arg(what, r.backendSpec.isEmpty() ? tr("cpu") : r.backendSpec)
                 .arg(r.warmup);
    const double nodesMs = r.medianTotalMs();
    const double wallMs = r.medianWallMs();
    if (wallMs > 0) {
        const double share = 100.0 * nodesMs / wallMs;
        QString check = tr("Node times add up to %1 of %2 measured for the whole run (%3%).")
                            .arg(ms(nodesMs), ms(wallMs))
                            .arg(share, 0, 'f', 1);
        if (share < 90)
            check += QLatin1Char(' ') + tr("The rest is spent between nodes (binding inputs, freeing values, "
                                           "stepping overhead).");
        else if (share > 101)
            check += QLatin1Char(' ') + tr("Node times exceed the run: the clock is coarser than the nodes.");
        lines << check;
    } else {
        lines << tr("Node times add up to %1.").arg(ms(nodesMs));
    }
    if (r.overheadNsPerNode > 0)
        lines << tr("Profiler overhead about %1 per node (%2 per run).")
                     .arg(ms(r.overheadNsPerNode / 1e6),
                          ms(r.overheadNsPerNode * double(r.nodes.size()) / 1e6));
    return lines.join(QLatin1Char('\n'));
}

bool ProfilePanel::exportTrace(const QString& path, QString* error) const {
    return writeBytes(path, QByteArray::fromStdString(m_result.chromeTrace), error);
}

bool ProfilePanel::exportCsv(const QString& path, QString* error) const {
    return writeBytes(path, profileCsv(m_result).toUtf8(), error);
}

void ProfilePanel::exportWithDialog(bool trace) {
    const QString path =
        trace ? QFileDialog::getSaveFileName(this, tr("Export Chrome Trace"), QStringLiteral("profile.json"),
                                             tr("JSON (*.json)"))
              : QFileDialog::getSaveFileName(this, tr("Export CSV"), QStringLiteral("profile.csv"),
                                             tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(trace ? exportTrace(path, &error) : exportCsv(path, &error)))
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace onnxscope
