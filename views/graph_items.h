// The QGraphicsItems of the graph view: operator/input/output boxes, block boxes and frames,
// and edges. Each paints with a level of detail so a zoomed-out view of thousands of items stays
// cheap (boxes only, no text), and carries the id of what it stands for.
#pragma once

#include "graph_document.h"
#include "op_category.h"

#include <QGraphicsItem>

namespace onnxscope {

enum class GraphItemKind { Node = 1, Block = 2, Edge = 3 };

constexpr int kItemKindRole = 0;
constexpr int kItemIdRole = 1;

class NodeGraphItem : public QGraphicsItem {
public:
    NodeGraphItem(const GraphDocument& doc, int node, const QRectF& rect);
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    int node() const { return m_node; }

private:
    int m_node;
    QRectF m_rect;
    NodeText m_text;
    DisplayNodeKind m_kind;
    QColor m_color;
    GraphFonts m_fonts;
};

class BlockGraphItem : public QGraphicsItem {
public:
    BlockGraphItem(const GraphDocument& doc, int block, const QRectF& rect, bool expanded);
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    int block() const { return m_block; }
    bool isExpanded() const { return m_expanded; }

private:
    int m_block;
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

private:
    QPainterPath m_path;
    QPolygonF m_arrow;
    QString m_label;
    QPointF m_labelPos;
    QRectF m_bounds;
    int m_tensor;
};

} // namespace onnxscope
