#include "histogram_widget.h"

#include <QPainter>

#include <algorithm>

namespace onnxscope {

HistogramWidget::HistogramWidget(QWidget* parent)
    : QWidget(parent) {
    setMinimumHeight(70);
}

void HistogramWidget::setHistogram(std::vector<int64_t> bins, double min, double max) {
    m_bins = std::move(bins);
    m_min = min;
    m_max = max;
    setToolTip(tr("%n bin(s) from %1 to %2", nullptr, static_cast<int>(m_bins.size())).arg(min).arg(max));
    update();
}

void HistogramWidget::clear() {
    m_bins.clear();
    setToolTip(QString());
    update();
}

void HistogramWidget::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QRectF area = QRectF(rect()).adjusted(2, 2, -2, -(fontMetrics().height() + 4));
    painter.fillRect(rect(), palette().base());
    if (m_bins.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No histogram"));
        return;
    }
    const int64_t peak = std::max<int64_t>(1, *std::max_element(m_bins.begin(), m_bins.end()));
    const double barW = area.width() / static_cast<double>(m_bins.size());
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::Highlight));
    for (size_t i = 0; i < m_bins.size(); ++i) {
        const double h = area.height() * static_cast<double>(m_bins[i]) / static_cast<double>(peak);
        // A non-empty bin gets at least one pixel, so outliers stay visible.
        const double shown = m_bins[i] > 0 ? std::max(1.0, h) : 0.0;
        painter.drawRect(QRectF(area.left() + barW * static_cast<double>(i), area.bottom() - shown,
                                std::max(1.0, barW - 1), shown));
    }
    painter.setPen(palette().color(QPalette::Text));
    const QRectF labels(area.left(), area.bottom() + 2, area.width(), fontMetrics().height());
    painter.drawText(labels, Qt::AlignLeft, QString::number(m_min, 'g', 4));
    painter.drawText(labels, Qt::AlignRight, QString::number(m_max, 'g', 4));
}

} // namespace onnxscope
