#include "tensor_diff_view.h"

#include "views/debugger/histogram_widget.h"
#include "views/debugger/tensor_image_view.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace onnxscope {

namespace {

QString shapeString(const Tensor& t) {
    QStringList dims;
    for (int64_t d : t.shape())
        dims << QString::number(d);
    return dims.join(QStringLiteral("×"));
}

QString typeString(const Tensor& t) {
    return QString::fromStdString(std::string(dataTypeName(t.dataType())));
}

constexpr int kImageSize = 220;

} // namespace

TensorDiffView::TensorDiffView(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    m_slicePicker = new TensorSlicePicker(this);
    layout->addWidget(m_slicePicker);

    auto* grid = new QGridLayout;
    const QString captions[3] = {tr("Model"), tr("Reference"), tr("Difference (model − reference)")};
    for (int i = 0; i < 3; ++i) {
        grid->addWidget(new QLabel(captions[i], this), 0, i);
        m_images[i] = new QLabel(this);
        m_images[i]->setMinimumSize(kImageSize / 2, kImageSize / 2);
        m_images[i]->setAlignment(Qt::AlignCenter);
        m_images[i]->setFrameShape(QFrame::StyledPanel);
        grid->addWidget(m_images[i], 1, i);
        m_ranges[i] = new QLabel(this);
        grid->addWidget(m_ranges[i], 2, i);
    }
    layout->addLayout(grid);
    layout->addWidget(new QLabel(tr("Distribution of the differences:"), this));
    m_histogram = new HistogramWidget(this);
    layout->addWidget(m_histogram);
    m_stats = new QLabel(this);
    m_stats->setWordWrap(true);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_stats);
    layout->addStretch();

    connect(m_slicePicker, &TensorSlicePicker::sliceChanged, this, &TensorDiffView::renderImages);
    clear();
}

void TensorDiffView::clear() {
    m_pair = {};
    showMessage(tr("Select a compared value to see both sides."));
}

void TensorDiffView::showMessage(const QString& text) {
    m_title->setText(text);
    m_stats->clear();
    m_histogram->clear();
    for (int i = 0; i < 3; ++i) {
        m_images[i]->clear();
        m_ranges[i]->clear();
        m_rendered[i] = {};
    }
    m_slicePicker->setTensor(Tensor());
}

void TensorDiffView::setPair(const ValuePair& pair) {
    m_pair = pair;
    if (!pair.error.isEmpty() && !(pair.actual.isValid() && pair.reference.isValid())) {
        showMessage(tr("%1: %2").arg(pair.name, pair.error));
        return;
    }
    m_title->setText(tr("%1 — model %2 %3, reference %4 %5")
                         .arg(pair.name, typeString(pair.actual), shapeString(pair.actual),
                              typeString(pair.reference), shapeString(pair.reference)));
    const TensorComparison& c = pair.comparison;
    QString stats = c.comparable() ? tr("max abs %1, max rel %2, mean abs %3, cosine %4, %5 of %6 elements "
                                        "outside atol %7 + rtol %8 · |reference|")
                                         .arg(c.maxAbs, 0, 'g', 3)
                                         .arg(c.maxRel, 0, 'g', 3)
                                         .arg(c.meanAbs, 0, 'g', 3)
                                         .arg(c.cosine, 0, 'f', 6)
                                         .arg(c.outside)
                                         .arg(c.count)
                                         .arg(c.tolerance.atol, 0, 'g', 3)
                                         .arg(c.tolerance.rtol, 0, 'g', 3)
                                   : tr("The two sides cannot be compared element by element.");
    if (c.newNaN || c.newInf)
        stats += QLatin1Char('\n') +
                 tr("%1 NaN and %2 Inf appear only in the model's values.").arg(c.newNaN).arg(c.newInf);
    m_stats->setText(stats);
    if (pair.difference.isValid())
        m_histogram->setHistogram(pair.differenceSummary.histogram, pair.differenceSummary.min,
                                  pair.differenceSummary.max);
    else
        m_histogram->clear();

    m_slicePicker->setTensor(pair.actual);
    renderImages();
}

void TensorDiffView::renderImages() {
    const Tensor* tensors[3] = {&m_pair.actual, &m_pair.reference, &m_pair.difference};
    for (int i = 0; i < 3; ++i) {
        const Tensor& t = *tensors[i];
        // The reference slice only makes sense where both sides have the same shape.
        if (!t.isValid() || t.shape() != m_pair.actual.shape() || slice().rowAxis == slice().colAxis) {
            m_rendered[i] = {};
            m_images[i]->clear();
            m_ranges[i]->setText(t.isValid() ? tr("shape differs") : QString());
            continue;
        }
        QString range;
        m_rendered[i] = TensorImageView::renderSlice(t, slice(), &range);
        m_images[i]->setPixmap(QPixmap::fromImage(
            m_rendered[i].scaled(kImageSize, kImageSize, Qt::KeepAspectRatio, Qt::FastTransformation)));
        m_ranges[i]->setText(range);
    }
}

QImage TensorDiffView::image(int side) const {
    return side >= 0 && side < 3 ? m_rendered[side] : QImage();
}

} // namespace onnxscope
