// A small card beside an edge that shows what its value held in the last debugger pass: a
// thumbnail of the first 2-D slice, a histogram, the range, and NaN/Inf counts. Cards draw only
// when the view is zoomed in far enough to read them (GraphView hides them otherwise, so a
// zoomed-out view neither paints nor hit-tests them); clicking one selects the value, which
// opens it in the tensor preview.
#pragma once

#include "exec/tensor_summary.h"

#include <QGraphicsItem>
#include <QImage>

namespace onnxscope {

class EdgePreviewItem : public QGraphicsItem {
public:
    // The zoom from which cards show; below it their text would not be legible.
    static constexpr double kMinZoom = 0.9;

    // anchor: the card's top-left corner, beside the value's shape label.
    EdgePreviewItem(int tensor, const QPointF& anchor, const TensorSketch& sketch);
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    int tensor() const { return m_tensor; }

    // "[-1.25, 3.5]", or the non-finite counts when there are any.
    static QString rangeText(const TensorSketch& sketch);
    static QString toolTipText(const TensorSketch& sketch);

private:
    int m_tensor;
    QRectF m_rect;
    QImage m_thumb;
    std::vector<uint32_t> m_histogram;
    QString m_range;
    bool m_nonFinite;
};

} // namespace onnxscope
