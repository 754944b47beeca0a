#include "tensor_image_view.h"

#include "views/node_overlay.h"

#include <QPainter>

#include <cmath>
#include <limits>

namespace onnxscope {

namespace {

const QRgb kNaN = qRgb(0xff, 0x00, 0xff);
const QRgb kInf = qRgb(0x00, 0xe0, 0xff);

bool isNumeric(const Tensor& t) {
    const DataType type = t.dataType();
    return t.isValid() && type != DataType::String && type != DataType::Complex64 &&
           type != DataType::Complex128;
}

struct Range {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v) {
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    QRgb color(double v) const {
        if (std::isnan(v))
            return kNaN;
        if (std::isinf(v))
            return kInf;
        const double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        return HeatScale::colorAt(t).rgb();
    }
    QString text() const {
        return lo <= hi ? QStringLiteral("[%1, %2]").arg(lo, 0, 'g', 4).arg(hi, 0, 'g', 4) : QString();
    }
};

// Pictures beyond this many pixels are not drawn; the table still shows the values.
constexpr int64_t kMaxPixels = 16 << 20;

} // namespace

TensorImageView::TensorImageView(QWidget* parent)
    : QWidget(parent) {
    setMinimumSize(120, 120);
}

void TensorImageView::setTensor(const Tensor& tensor, const TensorSlice& slice) {
    m_tensor = tensor;
    m_slice = slice;
    if (m_mode == Mode::ChannelGrid && !canShowChannels())
        m_mode = Mode::Slice;
    rebuild();
}

void TensorImageView::setMode(Mode mode) {
    m_mode = mode == Mode::ChannelGrid && !canShowChannels() ? Mode::Slice : mode;
    rebuild();
}

void TensorImageView::setPerChannelRange(bool perChannel) {
    m_perChannel = perChannel;
    rebuild();
}

bool TensorImageView::canShowChannels() const {
    return isNumeric(m_tensor) && m_tensor.rank() == 4;
}

QImage TensorImageView::renderSlice(const Tensor& tensor, const TensorSlice& slice, QString* rangeText) {
    if (!isNumeric(tensor))
        return {};
    const int64_t rows = slice.rows(tensor), cols = slice.columns(tensor);
    if (rows <= 0 || cols <= 0 || rows * cols > kMaxPixels)
        return {};
    Range range;
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t c = 0; c < cols; ++c)
            range.add(tensor.elementAsDouble(slice.flatIndex(tensor, r, c)));
    QImage image(static_cast<int>(cols), static_cast<int>(rows), QImage::Format_RGB32);
    for (int64_t r = 0; r < rows; ++r) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(static_cast<int>(r)));
        for (int64_t c = 0; c < cols; ++c)
            line[c] = range.color(tensor.elementAsDouble(slice.flatIndex(tensor, r, c)));
    }
    if (rangeText)
        *rangeText = range.text();
    return image;
}

QImage TensorImageView::renderChannels(const Tensor& tensor, int64_t batch, bool perChannel,
                                       QString* rangeText) {
    if (!isNumeric(tensor) || tensor.rank() != 4)
        return {};
    const int64_t n = tensor.dim(0), channels = tensor.dim(1), h = tensor.dim(2), w = tensor.dim(3);
    if (channels <= 0 || h <= 0 || w <= 0)
        return {};
    batch = std::clamp<int64_t>(batch, 0, std::max<int64_t>(0, n - 1));
    const int64_t gridCols = static_cast<int64_t>(std::ceil(std::sqrt(static_cast<double>(channels))));
    const int64_t gridRows = (channels + gridCols - 1) / gridCols;
    const int64_t width = gridCols * (w + 1) - 1, height = gridRows * (h + 1) - 1;
    if (width * height > kMaxPixels)
        return {};
    const int64_t plane = h * w;
    const int64_t base = batch * channels * plane;
    std::vector<Range> ranges(static_cast<size_t>(channels));
    Range all;
    for (int64_t c = 0; c < channels; ++c)
        for (int64_t i = 0; i < plane; ++i) {
            const double v = tensor.elementAsDouble(base + c * plane + i);
            ranges[static_cast<size_t>(c)].add(v);
            all.add(v);
        }
    QImage image(static_cast<int>(width), static_cast<int>(height), QImage::Format_RGB32);
    image.fill(qRgb(0x80, 0x80, 0x80)); // grid lines
    for (int64_t c = 0; c < channels; ++c) {
        const Range& range = perChannel ? ranges[static_cast<size_t>(c)] : all;
        const int64_t x0 = (c % gridCols) * (w + 1), y0 = (c / gridCols) * (h + 1);
        for (int64_t y = 0; y < h; ++y) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(static_cast<int>(y0 + y)));
            for (int64_t x = 0; x < w; ++x)
                line[x0 + x] = range.color(tensor.elementAsDouble(base + c * plane + y * w + x));
        }
    }
    if (rangeText)
        *rangeText = perChannel ? tr("per channel") : all.text();
    return image;
}

void TensorImageView::rebuild() {
    m_rangeText.clear();
    if (m_mode == Mode::ChannelGrid)
        m_image = renderChannels(m_tensor, m_slice.fixed.empty() ? 0 : m_slice.fixed[0], m_perChannel,
                                 &m_rangeText);
    else
        m_image = renderSlice(m_tensor, m_slice, &m_rangeText);
    update();
}

void TensorImageView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    if (m_image.isNull()) {
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         m_tensor.isValid() ? tr("Nothing to draw for this tensor or slice.")
                                            : tr("No tensor."));
        return;
    }
    const QSize target = m_image.size().scaled(size(), Qt::KeepAspectRatio);
    const QRect where(QPoint((width() - target.width()) / 2, (height() - target.height()) / 2), target);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false); // keep cells crisp
    painter.drawImage(where, m_image);
}

} // namespace onnxscope
