// The QGraphicsItems of the graph view: operator/input/output boxes, block boxes and frames,
// and edges. Each paints with a level of detail so a zoomed-out view of thousands of items stays
// cheap (boxes only, no text), and carries the id of what it stands for.
#pragma once

#include "graph_document.h"
#include "node_overlay.h"
#include "op_category.h"

#include <QGraphicsItem>

#include <memory>

namespace onnxscope {

// The overlay as the items of one view paint it; the view swaps `overlay` and `blocks` and
// repaints, so items never need rebuilding for a new overlay.
struct OverlayState {
    NodeOverlay overlay;
    std::vector<NodeOverlay::BlockSummary> blocks; // per block of the view's tree
};

enum class GraphItemKind { Node = 1, Block = 2, Edge = 3 };

constexpr int kItemKindRole = 0;
constexpr int kItemIdRole = 1;

class NodeGraphItem : public QGraphicsItem {
public:
    NodeGraphItem(const GraphDocument& doc, int node, const QRectF& rect,
                  std::shared_ptr<const OverlayState> overlay = nullptr);
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    int node() const { return m_node; }
    void setOverlay(std::shared_ptr<const OverlayState> overlay);

private:
    void paintOverlay(QPainter* painter, const NodeOverlayEntry& entry, double detail);

    int m_node;
    std::shared_ptr<const OverlayState> m_overlay;
    QString m_baseToolTip;
    QRectF m_rect;
    NodeText m_text;
    DisplayNodeKind m_kind;
    QColor m_color;
    GraphFonts m_fonts;
};

class BlockGraphItem : public QGraphicsItem {
public:
    BlockGraphItem(const GraphDocument& doc, int block, const QRectF& rect, bool expanded,
                   std::shared_ptr<const OverlayState> overlay = nullptr);
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    int block() const { return m_block; }
    bool isExpanded() const { return m_expanded; }
    void setOverlay(std::shared_ptr<const OverlayState> overlay) { m_overlay = std::move(overlay); }

private:
    const NodeOverlay::BlockSummary* summary() const;

    int m_block;
    std::shared_ptr<const OverlayState> m_overlay;
    QRectF m_rect;
    bool m_expanded;
    QString m_title;
    QString m_subtitle;
    double m_header;
    GraphFonts m_fonts;
};

class EdgeGraphItem : public QGraphicsItem {
public:
    EdgeGraphItem(const SceneEdge& edge, const QString& label);
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    int tensor() const { return m_tensor; }
    // Where an inline value preview goes: just right of the shape label.
    QPointF previewAnchor() const;

private:
    QPainterPath m_path;
    QPolygonF m_arrow;
    QString m_label;
    QPointF m_labelPos;
    QRectF m_bounds;
    int m_tensor;
};

} // namespace onnxscope
