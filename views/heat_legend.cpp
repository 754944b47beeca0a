#include "heat_legend.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLinearGradient>
#include <QPainter>
#include <QVBoxLayout>

#include <cmath>

namespace onnxscope {

namespace {
constexpr int kBarHeight = 12;
constexpr int kLabelHeight = 16;
} // namespace

HeatLegend::HeatLegend(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_log(new QCheckBox(tr("Log scale"), this)) {
    setAttribute(Qt::WA_StyledBackground);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(255, 255, 255, 235));
    pal.setColor(QPalette::WindowText, Qt::black);
    setPalette(pal);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(2);
    auto* top = new QHBoxLayout;
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    top->addWidget(m_title, 1);
    top->addWidget(m_log);
    layout->addLayout(top);
    layout->addSpacing(kBarHeight + kLabelHeight + 2);
    m_log->setToolTip(tr("Spread small values apart when a few nodes dominate"));
    connect(m_log, &QCheckBox::toggled, this, &HeatLegend::logarithmicToggled);
}

void HeatLegend::setScale(const HeatScale& scale) {
    m_scale = scale;
    m_title->setText(scale.title);
    const QSignalBlocker blocker(m_log);
    m_log->setChecked(scale.logarithmic);
    update();
}

QSize HeatLegend::sizeHint() const {
    return QSize(260, QWidget::sizeHint().height());
}

QRectF HeatLegend::barRect() const {
    const int bottom = height() - 4 - kLabelHeight;
    return QRectF(8, bottom - kBarHeight, width() - 16, kBarHeight);
}

void HeatLegend::paintEvent(QPaintEvent* event) {
    QWidget::paintEvent(event);
    QPainter painter(this);
    const QRectF bar = barRect();
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    for (int i = 0; i <= 10; ++i)
        gradient.setColorAt(i / 10.0, HeatScale::colorAt(i / 10.0));
    painter.fillRect(bar, gradient);
    painter.setPen(QColor(0x60, 0x60, 0x60));
    painter.drawRect(bar);
    // The value at the middle of the bar, which on a log scale is the geometric mean.
    double middle = (m_scale.min + m_scale.max) / 2;
    if (m_scale.logarithmic && m_scale.min > 0 && m_scale.max > 0)
        middle = std::sqrt(m_scale.min * m_scale.max);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    painter.setPen(Qt::black);
    const QRectF labels(bar.left(), bar.bottom() + 1, bar.width(), kLabelHeight);
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, m_scale.text(m_scale.min));
    painter.drawText(labels, Qt::AlignHCenter | Qt::AlignVCenter, m_scale.text(middle));
    painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, m_scale.text(m_scale.max));
}

} // namespace onnxscope
