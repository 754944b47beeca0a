#include "compare_panel.h"

#include "compare_results_model.h"
#include "tensor_diff_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace onnxscope {

namespace {

QDoubleSpinBox* toleranceBox(double value, QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setDecimals(10);
    box->setRange(0, 1e6);
    box->setSingleStep(1e-5);
    box->setValue(value);
    return box;
}

} // namespace

ComparePanel::ComparePanel(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    m_source = new QComboBox(this);
    m_source->addItem(tr("Expected or dumped tensors (files)"), int(CompareSetup::Source::Files));
    m_source->addItem(tr("The same model on another backend"), int(CompareSetup::Source::Backend));
    m_source->addItem(tr("Another model"), int(CompareSetup::Source::Model));
    form->addRow(tr("Reference:"), m_source);

    auto* pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setPlaceholderText(tr(".pb, .npy, .npz or a test_data_set folder"));
    m_browse = new QPushButton(tr("Browse…"), this);
    m_mapping = new QPushButton(tr("Map values…"), this);
    m_mapping->setToolTip(tr("Pair values the two models name differently"));
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    pathRow->addWidget(m_mapping);
    form->addRow(tr("File:"), pathRow);

    auto* backends = new QHBoxLayout;
    m_backend = new QComboBox(this);
    m_referenceBackend = new QComboBox(this);
    m_backend->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_referenceBackend->addItem(tr("CPU"), QStringLiteral("cpu"));
    backends->addWidget(new QLabel(tr("Model on"), this));
    backends->addWidget(m_backend, 1);
    backends->addWidget(new QLabel(tr("reference on"), this));
    backends->addWidget(m_referenceBackend, 1);
    form->addRow(tr("Backends:"), backends);

    auto* tolerance = new QHBoxLayout;
    m_atol = toleranceBox(Tolerance{}.atol, this);
    m_rtol = toleranceBox(Tolerance{}.rtol, this);
    m_isolate = new QCheckBox(tr("Isolate the first divergence"), this);
    m_isolate->setChecked(true);
    m_isolate->setToolTip(tr("Re-run the diverging node on the reference's inputs to tell its own error "
                             "from error it inherited"));
    tolerance->addWidget(new QLabel(tr("atol"), this));
    tolerance->addWidget(m_atol);
    tolerance->addWidget(new QLabel(tr("rtol"), this));
    tolerance->addWidget(m_rtol);
    tolerance->addWidget(m_isolate);
    tolerance->addStretch();
    form->addRow(tr("Tolerance:"), tolerance);
    m_everyNode = new QCheckBox(tr("Compare every node (unfused)"), this);
    m_everyNode->setToolTip(tr("Run every node of the model on its own, so values inside fused groups are "
                               "compared too. Off, both sides run as a plain run does, and the comparison "
                               "sees exactly the numbers it produces."));
    form->addRow(QString(), m_everyNode);
    layout->addLayout(form);

    auto* actions = new QHBoxLayout;
    m_start = new QPushButton(tr("Compare"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    actions->addWidget(m_start);
    actions->addWidget(m_cancel);
    actions->addWidget(m_progress, 1);
    layout->addLayout(actions);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_results = new CompareResultsModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_results);
    m_sorted->setSortRole(CompareResultsModel::SortRole);
    m_table = new QTableView(splitter);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CompareResultsModel::NodeColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_diff = new TensorDiffView(splitter);
    splitter->addWidget(m_table);
    splitter->addWidget(m_diff);
    layout->addWidget(splitter, 1);

    connect(m_source, &QComboBox::currentIndexChanged, this, &ComparePanel::updateSourceWidgets);
    connect(m_browse, &QPushButton::clicked, this, &ComparePanel::browse);
    connect(m_mapping, &QPushButton::clicked, this, &ComparePanel::mappingRequested);
    connect(m_start, &QPushButton::clicked, this, &ComparePanel::startRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ComparePanel::cancelRequested);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ComparePanel::emitSelection);
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (!m_table->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        menu.addAction(tr("Set tolerance for this value…"), this, &ComparePanel::setToleranceForSelected);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    updateSourceWidgets();
    setRunning(false);
}

void ComparePanel::setBackendModel(QAbstractItemModel* model) {
    if (!model)
        return;
    m_backend->setModel(model);
    m_referenceBackend->setModel(model);
}

void ComparePanel::updateSourceWidgets() {
    const auto source = CompareSetup::Source(m_source->currentData().toInt());
    const bool files = source == CompareSetup::Source::Files;
    const bool model = source == CompareSetup::Source::Model;
    m_path->setEnabled(files || model);
    m_browse->setEnabled(files || model);
    m_mapping->setEnabled(model);
    m_referenceBackend->setEnabled(!files);
    m_path->setPlaceholderText(model ? tr("the other .onnx model")
                                     : tr(".pb, .npy, .npz or a test_data_set folder"));
}

void ComparePanel::browse() {
    const auto source = CompareSetup::Source(m_source->currentData().toInt());
    QString path;
    if (source == CompareSetup::Source::Model) {
        path = QFileDialog::getOpenFileName(this, tr("Reference model"), m_path->text(),
                                            tr("ONNX models (*.onnx);;All files (*)"));
    } else {
        QMenu menu(this);
        QAction* file = menu.addAction(tr("A tensor file…"));
        QAction* folder = menu.addAction(tr("A test_data_set folder…"));
        QAction* chosen = menu.exec(m_browse->mapToGlobal(QPoint(0, m_browse->height())));
        if (chosen == file)
            path = QFileDialog::getOpenFileName(this, tr("Reference tensors"), m_path->text(),
                                                tr("Tensors (*.pb *.npy *.npz);;All files (*)"));
        else if (chosen == folder)
            path = QFileDialog::getExistingDirectory(this, tr("Reference folder"), m_path->text());
    }
    if (!path.isEmpty())
        m_path->setText(path);
}

CompareSetup ComparePanel::setup() const {
    CompareSetup s;
    s.source = CompareSetup::Source(m_source->currentData().toInt());
    s.referencePath = m_path->text().trimmed();
    s.backend = m_backend->currentData().toString();
    s.referenceBackend = m_referenceBackend->currentData().toString();
    if (s.backend.isEmpty())
        s.backend = QStringLiteral("cpu");
    if (s.referenceBackend.isEmpty())
        s.referenceBackend = QStringLiteral("cpu");
    s.tolerances.global = {m_atol->value(), m_rtol->value()};
    s.tolerances.perTensor = m_perValue;
    s.isolate = m_isolate->isChecked();
    s.everyNode = m_everyNode->isChecked();
    s.nameMap = m_nameMap;
    return s;
}

void ComparePanel::setSetup(const CompareSetup& s) {
    m_source->setCurrentIndex(m_source->findData(int(s.source)));
    m_path->setText(s.referencePath);
    if (int i = m_backend->findData(s.backend); i >= 0)
        m_backend->setCurrentIndex(i);
    if (int i = m_referenceBackend->findData(s.referenceBackend); i >= 0)
        m_referenceBackend->setCurrentIndex(i);
    m_atol->setValue(s.tolerances.global.atol);
    m_rtol->setValue(s.tolerances.global.rtol);
    m_perValue = s.tolerances.perTensor;
    m_isolate->setChecked(s.isolate);
    m_everyNode->setChecked(s.everyNode);
    m_nameMap = s.nameMap;
}

void ComparePanel::setValueMapping(std::map<std::string, std::string> map) {
    m_nameMap = std::move(map);
    m_mapping->setText(m_nameMap.empty() ? tr("Map values…") : tr("Map values (%1)…").arg(m_nameMap.size()));
}

void ComparePanel::setRunning(bool running, int totalValues) {
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_progress->setVisible(running);
    m_progress->setRange(0, std::max(0, totalValues));
    m_progress->setValue(0);
}

void ComparePanel::clearResults() {
    m_results->clear();
    m_summary->clear();
    m_diff->clear();
}

void ComparePanel::addValues(const std::vector<ValueReport>& reports) {
    m_results->append(reports);
    if (m_progress->maximum() > 0)
        m_progress->setValue(std::min(m_progress->maximum(), m_results->rowCount()));
}

void ComparePanel::showReport(const LayerCompareReport& report) {
    m_results->setFirstDivergence(report.firstDivergence);
    QStringList lines;
    lines << tr("Compared %1 values against %2; %3 out of tolerance.")
                 .arg(report.values.size())
                 .arg(QString::fromStdString(report.reference))
                 .arg(report.outOfTolerance());
    if (report.firstDivergence >= 0) {
        lines
            << tr("First divergence: <b>%1</b> — its output is out of tolerance while its inputs are within.")
                   .arg(QString::fromStdString(report.firstDivergenceNode).toHtmlEscaped());
        if (!report.firstDivergenceGroup.empty()) {
            QStringList members;
            for (const std::string& member : report.firstDivergenceGroup)
                members << QString::fromStdString(member).toHtmlEscaped();
            lines << tr("It ran fused with %1; compare every node to look inside the group.")
                         .arg(members.join(QStringLiteral(" + ")));
        }
        if (report.isolation) {
            const IsolationReport& iso = *report.isolation;
            if (!iso.ran())
                lines << tr("Could not re-run it on the reference's inputs: %1")
                             .arg(QString::fromStdString(iso.error).toHtmlEscaped());
            else if (iso.ownError())
                lines << tr(
                    "Re-run on the reference's inputs it still disagrees: the error is the op's own.");
            else
                lines << tr("Re-run on the reference's inputs it agrees: the error is inherited from "
                            "differences below tolerance upstream.");
        }
    } else if (report.withinTolerance()) {
        lines << tr("Every compared value is within tolerance.");
    }
    if (!report.notCompared.empty())
        lines << tr("%1 values had no reference.").arg(report.notCompared.size());
    if (!report.error.empty())
        lines << tr("The run stopped early: %1").arg(QString::fromStdString(report.error).toHtmlEscaped());
    m_summary->setText(lines.join(QStringLiteral("<br>")));
    if (report.firstDivergence >= 0)
        for (const ValueReport& v : report.values)
            if (v.nodeIndex == static_cast<size_t>(report.firstDivergence)) {
                selectValue(QString::fromStdString(v.name));
                break;
            }
}

void ComparePanel::showError(const QString& message) {
    m_summary->setText(message.toHtmlEscaped());
}

void ComparePanel::selectValue(const QString& name) {
    const int row = m_results->rowOfValue(name);
    if (row < 0)
        return;
    const QModelIndex index = m_sorted->mapFromSource(m_results->index(row, 0));
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void ComparePanel::emitSelection() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const int row = m_sorted->data(current, CompareResultsModel::RowRole).toInt();
    const ValueReport& r = m_results->report(row);
    emit valueSelected(QString::fromStdString(r.name), static_cast<int>(r.nodeIndex));
}

void ComparePanel::setToleranceForSelected() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const std::string name =
        m_results->report(m_sorted->data(current, CompareResultsModel::RowRole).toInt()).name;
    const Tolerance now = setup().tolerances.forName(name);
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Tolerance for %1").arg(QString::fromStdString(name)));
    auto* form = new QFormLayout(&dialog);
    auto* atol = toleranceBox(now.atol, &dialog);
    auto* rtol = toleranceBox(now.rtol, &dialog);
    form->addRow(tr("atol"), atol);
    form->addRow(tr("rtol"), rtol);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        m_perValue[name] = {atol->value(), rtol->value()};
}

} // namespace onnxscope
