#include "edge_preview_item.h"

#include "graph_items.h"
#include "node_overlay.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace onnxscope {

namespace {

constexpr double kThumbSide = 26;
constexpr double kHistogramWidth = 54;
constexpr double kPadding = 2;

QString number(double v) {
    return QString::number(v, 'g', 3);
}

// The thumbnail on the same heat scale as the tensor preview's image view, fitted to its own
// range so a slice with little contrast still shows structure; NaN/Inf cells are magenta.
QImage thumbnailImage(const TensorSketch& sketch) {
    if (sketch.thumbRows <= 0 || sketch.thumbCols <= 0)
        return {};
    float lo = INFINITY, hi = -INFINITY;
    for (float v : sketch.thumb)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    QImage image(sketch.thumbCols, sketch.thumbRows, QImage::Format_RGB32);
    for (int r = 0; r < sketch.thumbRows; ++r) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
        for (int c = 0; c < sketch.thumbCols; ++c) {
            const float v = sketch.thumb[static_cast<size_t>(r * sketch.thumbCols + c)];
            if (!std::isfinite(v))
                line[c] = qRgb(0xff, 0x00, 0xff);
            else
                line[c] = HeatScale::colorAt(hi > lo ? (v - lo) / (hi - lo) : 0.5).rgb();
        }
    }
    return image;
}

} // namespace

EdgePreviewItem::EdgePreviewItem(int tensor, const QPointF& anchor, const TensorSketch& sketch)
    : m_tensor(tensor)
    , m_thumb(thumbnailImage(sketch))
    , m_histogram(sketch.histogram)
    , m_range(rangeText(sketch))
    , m_nonFinite(sketch.nanCount > 0 || sketch.infCount > 0) {
    const double thumb = m_thumb.isNull() ? 0 : kThumbSide + kPadding;
    m_rect = QRectF(anchor, QSizeF(thumb + kHistogramWidth + 2 * kPadding, kThumbSide + 2 * kPadding));
    setToolTip(toolTipText(sketch));
    setFlag(ItemIsSelectable);
    // Clicking a card is clicking its edge: the view reports the value as selected.
    setData(kItemKindRole, int(GraphItemKind::Edge));
    setData(kItemIdRole, tensor);
    setZValue(4); // over nodes and edges: the user zoomed in to read it
}

QString EdgePreviewItem::rangeText(const TensorSketch& sketch) {
    if (sketch.nanCount > 0 || sketch.infCount > 0) {
        QStringList parts;
        if (sketch.nanCount > 0)
            parts << QCoreApplication::translate("EdgePreviewItem", "%1 NaN").arg(sketch.nanCount);
        if (sketch.infCount > 0)
            parts << QCoreApplication::translate("EdgePreviewItem", "%1 Inf").arg(sketch.infCount);
        return parts.join(QLatin1Char(' '));
    }
    if (sketch.finiteCount() == 0)
        return QCoreApplication::translate("EdgePreviewItem", "empty");
    if (sketch.min == sketch.max)
        return QCoreApplication::translate("EdgePreviewItem", "all %1").arg(number(sketch.min));
    return QStringLiteral("[%1, %2]").arg(number(sketch.min), number(sketch.max));
}

QString EdgePreviewItem::toolTipText(const TensorSketch& sketch) {
    QStringList dims;
    for (int64_t d : sketch.shape)
        dims << QString::number(d);
    QString text = QCoreApplication::translate("EdgePreviewItem", "%1 [%2], %3 elements")
                       .arg(QString::fromUtf8(dataTypeName(sketch.type)), dims.join(QStringLiteral("×")),
                            QLocale().toString(qlonglong(sketch.count)));
    if (sketch.finiteCount() > 0)
        text += QLatin1Char('\n') + QCoreApplication::translate("EdgePreviewItem", "min %1  max %2  mean %3")
                                        .arg(number(sketch.min), number(sketch.max), number(sketch.mean));
    if (sketch.nanCount > 0 || sketch.infCount > 0)
        text += QLatin1Char('\n') + QCoreApplication::translate("EdgePreviewItem", "%1 NaN, %2 Inf")
                                        .arg(sketch.nanCount)
                                        .arg(sketch.infCount);
    if (sketch.thumbRows > 0 && sketch.shape.size() > 2)
        text += QLatin1Char('\n') +
                QCoreApplication::translate("EdgePreviewItem", "Picture: the first %1×%2 slice")
                    .arg(sketch.shape[sketch.shape.size() - 2])
                    .arg(sketch.shape.back());
    text += QLatin1Char('\n') +
            QCoreApplication::translate("EdgePreviewItem", "Click to open it in the preview.");
    return text;
}

QRectF EdgePreviewItem::boundingRect() const {
    return m_rect.adjusted(-1.5, -1.5, 1.5, 1.5);
}

void EdgePreviewItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    // The minimap renders the same scene far smaller, where a card would be a smudge.
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < kMinZoom / 2)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor border = isSelected()  ? QColor(0xe0, 0x8a, 0x00)
                          : m_nonFinite ? markColor(NodeMark::Error)
                                        : QColor(0x90, 0x90, 0x90);
    painter->setPen(QPen(border, m_nonFinite || isSelected() ? 1.5 : 0.8));
    painter->setBrush(QColor(0xff, 0xff, 0xff, 240));
    painter->drawRoundedRect(m_rect, 2.5, 2.5);

    double x = m_rect.left() + kPadding;
    const double top = m_rect.top() + kPadding;
    if (!m_thumb.isNull()) {
        // Keep the slice's aspect inside the square so a 7×768 slice does not look square.
        QSizeF size(m_thumb.width(), m_thumb.height());
        size.scale(kThumbSide, kThumbSide, Qt::KeepAspectRatio);
        const QRectF target(x + (kThumbSide - size.width()) / 2, top + (kThumbSide - size.height()) / 2,
                            size.width(), size.height());
        painter->drawImage(target, m_thumb);
        x += kThumbSide + kPadding;
    }

    const QRectF bars(x, top + 1, kHistogramWidth - kPadding, kThumbSide * 0.55);
    const uint32_t peak = m_histogram.empty() ? 0 : *std::max_element(m_histogram.begin(), m_histogram.end());
    if (peak > 0) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x4a, 0x7d, 0xb8));
        const double width = bars.width() / double(m_histogram.size());
        for (size_t i = 0; i < m_histogram.size(); ++i) {
            if (m_histogram[i] == 0)
                continue;
            // Square-root heights: a spike at zero after a ReLU would flatten everything else.
            const double h = std::max(0.6, bars.height() * std::sqrt(double(m_histogram[i]) / double(peak)));
            painter->drawRect(QRectF(bars.left() + double(i) * width, bars.bottom() - h, width * 0.85, h));
        }
    }
    QFont font = painter->font();
    font.setPointSizeF(5.5);
    painter->setFont(font);
    painter->setPen(m_nonFinite ? markColor(NodeMark::Error) : QColor(0x30, 0x30, 0x30));
    const QRectF textRect(x, bars.bottom() + 0.5, kHistogramWidth - kPadding,
                          m_rect.bottom() - bars.bottom() - 1);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(font).elidedText(m_range, Qt::ElideRight, textRect.width()));
}

} // namespace onnxscope
