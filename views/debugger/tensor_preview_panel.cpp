#include "tensor_preview_panel.h"

#include "histogram_widget.h"
#include "tensor_image_view.h"
#include "tensor_slice_model.h"

#include "core/tensor_file_io.h"
#include "core/tensor_proto_io.h"
#include "exec/graph_executor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace onnxscope {

TensorPreviewPanel::TensorPreviewPanel(QWidget* parent)
    : QWidget(parent)
    , m_names(new QComboBox(this))
    , m_header(new QLabel(this))
    , m_stats(new QLabel(this))
    , m_histogram(new HistogramWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_slicePicker(new TensorSlicePicker(this))
    , m_table(new QTableView(this))
    , m_sliceModel(new TensorSliceModel(this))
    , m_image(new TensorImageView(this))
    , m_imageMode(new QComboBox(this))
    , m_perChannel(new QCheckBox(tr("Per-channel range"), this))
    , m_imageRange(new QLabel(this))
    , m_export(new QPushButton(tr("Export…"), this)) {
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stats->setWordWrap(true);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stats->setMinimumHeight(2 * m_stats->fontMetrics().lineSpacing() + 2); // both lines of statistics
    m_table->setModel(m_sliceModel);
    m_table->horizontalHeader()->setDefaultSectionSize(72);
    m_table->verticalHeader()->setDefaultSectionSize(20);
    m_imageMode->addItem(tr("2-D slice"), int(TensorImageView::Mode::Slice));
    m_imageMode->addItem(tr("Channel grid (NCHW)"), int(TensorImageView::Mode::ChannelGrid));
    m_export->setToolTip(tr("Save the tensor as .npy or .pb"));
    m_export->setEnabled(false);

    auto* valuesPage = new QWidget(m_tabs);
    auto* valuesLayout = new QVBoxLayout(valuesPage);
    valuesLayout->setContentsMargins(2, 2, 2, 2);
    valuesLayout->addWidget(m_table, 1);
    auto* imagePage = new QWidget(m_tabs);
    auto* imageLayout = new QVBoxLayout(imagePage);
    imageLayout->setContentsMargins(2, 2, 2, 2);
    auto* imageBar = new QHBoxLayout;
    imageBar->addWidget(m_imageMode);
    imageBar->addWidget(m_perChannel);
    imageBar->addStretch(1);
    imageBar->addWidget(m_imageRange);
    imageLayout->addLayout(imageBar);
    imageLayout->addWidget(m_image, 1);
    m_tabs->addTab(valuesPage, tr("Values"));
    m_tabs->addTab(imagePage, tr("Image"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_names, 1);
    top->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_header);
    layout->addWidget(m_stats);
    layout->addWidget(m_histogram);
    layout->addWidget(m_slicePicker);
    layout->addWidget(m_tabs, 1);

    connect(m_slicePicker, &TensorSlicePicker::sliceChanged, this, &TensorPreviewPanel::applySlice);
    connect(m_names, &QComboBox::activated, this,
            [this](int index) { emit valueRequested(m_names->itemText(index)); });
    connect(m_imageMode, &QComboBox::activated, this, [this] {
        m_image->setMode(TensorImageView::Mode(m_imageMode->currentData().toInt()));
        m_imageRange->setText(m_image->rangeText());
    });
    connect(m_perChannel, &QCheckBox::toggled, this, [this](bool on) {
        m_image->setPerChannelRange(on);
        m_imageRange->setText(m_image->rangeText());
    });
    connect(m_export, &QPushButton::clicked, this, &TensorPreviewPanel::exportWithDialog);
    clear();
}

TensorPreviewPanel::~TensorPreviewPanel() {
    if (m_cancel)
        m_cancel->store(true);
}

void TensorPreviewPanel::setCandidates(const QString& title, const QStringList& names) {
    m_names->clear();
    for (const QString& name : names)
        if (!name.isEmpty())
            m_names->addItem(name);
    m_header->setText(title);
    if (m_names->count() > 0)
        emit valueRequested(m_names->itemText(0));
    else
        clear();
}

void TensorPreviewPanel::clear() {
    ++m_generation;
    if (m_cancel)
        m_cancel->store(true);
    m_name.clear();
    m_value.reset();
    m_tensor = Tensor();
    m_summaryReady = false;
    m_stats->setText(tr("Select a node or an edge that has been computed."));
    m_histogram->clear();
    m_sliceModel->setTensor(Tensor(), {});
    m_image->setTensor(Tensor(), {});
    m_imageRange->clear();
    m_export->setEnabled(false);
    m_slicePicker->setTensor(Tensor());
}

void TensorPreviewPanel::setValue(const QString& name, std::shared_ptr<const Value> value,
                                  const QString& error) {
    clear();
    m_name = name;
    const int at = m_names->findText(name);
    if (at >= 0)
        m_names->setCurrentIndex(at);
    if (!value) {
        m_stats->setText(error.isEmpty() ? tr("'%1' is not available.").arg(name) : error);
        return;
    }
    m_value = std::move(value);
    m_export->setEnabled(true);
    const QString description = QString::fromStdString(describeValue(*m_value));
    m_header->setText(QStringLiteral("<b>%1</b>  %2").arg(name.toHtmlEscaped(), description.toHtmlEscaped()));
    if (m_value->isTensor())
        showTensor(m_value->tensor);
    else
        m_stats->setText(tr("Statistics and slices are shown for tensors; this is %1.").arg(description));
}

void TensorPreviewPanel::showTensor(const Tensor& tensor) {
    m_tensor = tensor;
    m_slicePicker->setTensor(tensor);
    m_sliceModel->setTensor(tensor, m_slicePicker->slice());
    m_image->setTensor(tensor, m_slicePicker->slice());
    const bool channels = m_image->canShowChannels();
    m_imageMode->setItemData(1, channels ? QVariant() : QVariant(0), Qt::UserRole - 1); // disable the item
    if (channels) {
        // Activations read best as a channel grid.
        m_imageMode->setCurrentIndex(1);
        m_image->setMode(TensorImageView::Mode::ChannelGrid);
    } else {
        m_imageMode->setCurrentIndex(0);
    }
    m_imageRange->setText(m_image->rangeText());
    startSummary(tensor);
}

void TensorPreviewPanel::startSummary(const Tensor& tensor) {
    const quint64 generation = ++m_generation;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_stats->setText(tr("Computing statistics…"));
    auto cancel = m_cancel;
    QtConcurrent::run([tensor, cancel] {
        return summarizeTensor(tensor, 64, cancel.get());
    }).then(this, [this, generation](Result<TensorSummary> result) {
        if (generation != m_generation)
            return; // a newer tensor is on show
        if (!result.ok()) {
            m_stats->setText(QString::fromStdString(result.message()));
            return;
        }
        m_summary = std::move(result).value();
        m_summaryReady = true;
        m_stats->setText(statisticsText());
        m_histogram->setHistogram(m_summary.histogram, m_summary.min, m_summary.max);
        emit summaryReady();
    });
}

QString TensorPreviewPanel::statisticsText() const {
    if (!m_summaryReady)
        return QString();
    const TensorSummary& s = m_summary;
    return tr("min %1   max %2   mean %3   std %4\nNaN %5   Inf %6   zeros %7% of %8")
        .arg(s.min, 0, 'g', 6)
        .arg(s.max, 0, 'g', 6)
        .arg(s.mean, 0, 'g', 6)
        .arg(s.stddev, 0, 'g', 6)
        .arg(s.nanCount)
        .arg(s.infCount)
        .arg(s.zeroFraction() * 100, 0, 'f', 1)
        .arg(s.count);
}

void TensorPreviewPanel::applySlice() {
    m_sliceModel->setSlice(m_slicePicker->slice());
    m_image->setTensor(m_tensor, m_slicePicker->slice());
    m_imageRange->setText(m_image->rangeText());
}

bool TensorPreviewPanel::exportTo(const QString& path, QString* error) const {
    if (!m_value) {
        if (error)
            *error = tr("No value to export.");
        return false;
    }
    const std::filesystem::path file(path.toStdString());
    Status status;
    if (path.endsWith(QLatin1String(".npy"), Qt::CaseInsensitive)) {
        if (!m_value->isTensor())
            status = Status::error("only tensors can be written as .npy; use .pb");
        else
            status = writeNpy(file, m_value->tensor);
    } else {
        status = writeValuePb(file, *m_value, m_name.toStdString());
    }
    if (!status.ok() && error)
        *error = QString::fromStdString(status.message());
    return status.ok();
}

void TensorPreviewPanel::exportWithDialog() {
    QString safe = m_name;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Tensor"), safe + QStringLiteral(".npy"),
                                     tr("NumPy array (*.npy);;ONNX TensorProto (*.pb)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace onnxscope
