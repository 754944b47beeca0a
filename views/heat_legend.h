// The key to a heat-coloured graph overlay: title, gradient, the numbers at its ends and middle,
// and a switch between a linear and a logarithmic scale. The graph view shows it in a corner
// whenever its overlay has a scale.
#pragma once

#include "node_overlay.h"

#include <QWidget>

class QCheckBox;
class QLabel;

namespace onnxscope {

class HeatLegend : public QWidget {
    Q_OBJECT
public:
    explicit HeatLegend(QWidget* parent = nullptr);
    void setScale(const HeatScale& scale);
    const HeatScale& scale() const { return m_scale; }
    QSize sizeHint() const override;

signals:
    // The user switched the scale; the overlay's owner refits and sets the overlay again.
    void logarithmicToggled(bool logarithmic);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QRectF barRect() const;

    HeatScale m_scale;
    QLabel* m_title;
    QCheckBox* m_log;
};

} // namespace onnxscope
