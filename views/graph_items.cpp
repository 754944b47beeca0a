#include "graph_items.h"

#include <QCoreApplication>
#include <QPainter>

#include <QStyleOptionGraphicsItem>
#include <algorithm>

#include <cmath>

namespace onnxscope {

namespace {

const QColor kSelection(0xe0, 0x8a, 0x00);

double lod(const QStyleOptionGraphicsItem* option, const QPainter* painter) {
    return option->levelOfDetailFromTransform(painter->worldTransform());
}

// The part of rect's fill and outline inside exposed (both in item coordinates).
void paintClippedFrame(QPainter* painter, const QRectF& rect, const QRectF& exposed, const QColor& fill,
                       const QPen& pen) {
    const QRectF view = exposed.isEmpty() ? rect : exposed.adjusted(-4, -4, 4, 4);
    const QRectF visible = rect.intersected(view);
    if (visible.isEmpty())
        return;
    painter->fillRect(visible, fill);
    painter->setPen(pen);
    const double left = visible.left(), right = visible.right(), top = visible.top(),
                 bottom = visible.bottom();
    if (rect.top() >= view.top())
        painter->drawLine(QLineF(left, rect.top(), right, rect.top()));
    if (rect.bottom() <= view.bottom())
        painter->drawLine(QLineF(left, rect.bottom(), right, rect.bottom()));
    if (rect.left() >= view.left())
        painter->drawLine(QLineF(rect.left(), top, rect.left(), bottom));
    if (rect.right() <= view.right())
        painter->drawLine(QLineF(rect.right(), top, rect.right(), bottom));
}

// Marks as outlines around a box, strongest first: an error or the current node is what the
// user must see at any zoom.
void paintMarkOutline(QPainter* painter, const QRectF& rect, double radius, NodeMarks marks) {
    QColor color;
    if (marks & NodeMark::Error)
        color = markColor(NodeMark::Error);
    else if (marks & NodeMark::Current)
        color = markColor(NodeMark::Current);
    else
        return;
    painter->save();
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(color, 4));
    painter->drawRoundedRect(rect.adjusted(-3, -3, 3, 3), radius + 2, radius + 2);
    painter->restore();
}

void paintBreakpointDot(QPainter* painter, const QRectF& rect) {
    painter->save();
    painter->setPen(QPen(Qt::white, 1.5));
    painter->setBrush(markColor(NodeMark::Breakpoint));
    painter->drawEllipse(QPointF(rect.left() + 1, rect.top() + 1), 6, 6);
    painter->restore();
}

void paintBadge(QPainter* painter, const QRectF& rect, const QString& text, const QFont& base) {
    if (text.isEmpty())
        return;
    QFont font = base;
    font.setPointSizeF(std::max(6.0, base.pointSizeF() * 0.85));
    const QFontMetricsF metrics(font);
    const QSizeF size(metrics.horizontalAdvance(text) + 8, metrics.height() + 2);
    const QRectF box(rect.right() - size.width() + 4, rect.bottom() - size.height() / 2, size.width(),
                     size.height());
    painter->save();
    painter->setFont(font);
    painter->setPen(QPen(QColor(0x50, 0x50, 0x50), 0.8));
    painter->setBrush(QColor(0xff, 0xff, 0xff, 235));
    painter->drawRoundedRect(box, 3, 3);
    painter->setPen(Qt::black);
    painter->drawText(box, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace

NodeGraphItem::NodeGraphItem(const GraphDocument& doc, int node, const QRectF& rect,
                             std::shared_ptr<const OverlayState> overlay)
    : m_node(node)
    , m_overlay(std::move(overlay))
    , m_rect(rect)
    , m_text(nodeText(*doc.graph, node))
    , m_kind(doc.graph->nodes()[static_cast<size_t>(node)].kind)
    , m_fonts(GraphFonts::standard()) {
    const DisplayNode& n = doc.graph->nodes()[static_cast<size_t>(node)];
    const OpCategory category = n.kind == DisplayNodeKind::GraphInput    ? OpCategory::Input
                                : n.kind == DisplayNodeKind::GraphOutput ? OpCategory::Output
                                                                         : opCategory(n.opType, n.domain);
    m_color = categoryColor(category);
    setFlag(ItemIsSelectable);
    setData(kItemKindRole, int(GraphItemKind::Node));
    setData(kItemIdRole, node);
    setZValue(2);
    m_baseToolTip = n.name.isEmpty() ? n.opType : QStringLiteral("%1\n%2").arg(n.opType, n.name);
    setOverlay(m_overlay);
}

void NodeGraphItem::setOverlay(std::shared_ptr<const OverlayState> overlay) {
    m_overlay = std::move(overlay);
    const NodeOverlayEntry* e = m_overlay ? m_overlay->overlay.entry(m_node) : nullptr;
    QString tip = m_baseToolTip;
    if (e) {
        const QString badge = m_overlay->overlay.badgeText(*e);
        if (!badge.isEmpty())
            tip += QLatin1Char('\n') + badge;
        if (!e->message.isEmpty())
            tip += QLatin1Char('\n') + e->message;
    }
    setToolTip(tip);
}

void NodeGraphItem::paintOverlay(QPainter* painter, const NodeOverlayEntry& entry, double detail) {
    const double radius = m_kind != DisplayNodeKind::Operator ? m_rect.height() / 2 : 4;
    paintMarkOutline(painter, m_rect, radius, entry.marks);
    if (detail < 0.35)
        return;
    if (entry.marks & NodeMark::Breakpoint)
        paintBreakpointDot(painter, m_rect);
    if ((entry.marks & NodeMark::Executed) && !(entry.marks & (NodeMark::Current | NodeMark::Error))) {
        // A green strip on the left edge: ran in this pass.
        painter->fillRect(QRectF(m_rect.left(), m_rect.top() + 3, 4, m_rect.height() - 6),
                          markColor(NodeMark::Executed));
    }
    if (detail >= 0.5)
        paintBadge(painter, m_rect, m_overlay->overlay.badgeText(entry), m_fonts.body);
}

QRectF NodeGraphItem::boundingRect() const {
    return m_rect.adjusted(-8, -8, 6, 10); // room for mark outlines, breakpoint dot and badge
}

void NodeGraphItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const double detail = lod(option, painter);
    const bool selected = isSelected();
    const bool io = m_kind != DisplayNodeKind::Operator;
    const NodeOverlayEntry* overlay = m_overlay ? m_overlay->overlay.entry(m_node) : nullptr;
    const std::optional<QColor> heat = overlay ? m_overlay->overlay.fillColor(*overlay) : std::nullopt;
    if (detail < 0.35) {
        painter->fillRect(m_rect, selected ? kSelection : heat.value_or(m_color));
        if (overlay)
            paintOverlay(painter, *overlay, detail);
        return;
    }
    const double radius = io ? m_rect.height() / 2 : 4;
    const double titleH = QFontMetricsF(m_fonts.title).height() + 8;
    QPainterPath outline;
    outline.addRoundedRect(m_rect, radius, radius);
    painter->setRenderHint(QPainter::Antialiasing, detail > 0.6);
    painter->fillPath(outline, heat.value_or(io ? m_color : QColor(0xfa, 0xfa, 0xfa)));
    if (!io) {
        QPainterPath header;
        header.addRoundedRect(QRectF(m_rect.topLeft(), QSizeF(m_rect.width(), titleH)), radius, radius);
        painter->save();
        painter->setClipPath(outline);
        painter->fillRect(QRectF(m_rect.topLeft(), QSizeF(m_rect.width(), titleH)), m_color);
        painter->restore();
    }
    painter->setPen(QPen(selected ? kSelection : QColor(0x40, 0x40, 0x40), selected ? 3 : (io ? 1.5 : 1),
                         io ? Qt::DashLine : Qt::SolidLine));
    painter->drawPath(outline);
    if (detail < 0.5) {
        if (overlay)
            paintOverlay(painter, *overlay, detail);
        return;
    }
    painter->setFont(m_fonts.title);
    painter->setPen(io ? Qt::black : Qt::white);
    painter->drawText(QRectF(m_rect.left(), m_rect.top(), m_rect.width(), titleH), Qt::AlignCenter,
                      m_text.title);
    painter->setFont(m_fonts.body);
    painter->setPen(QColor(0x20, 0x20, 0x20));
    const double lineH = QFontMetricsF(m_fonts.body).height();
    double y = m_rect.top() + titleH + 2;
    for (const QString& line : m_text.lines) {
        painter->drawText(QRectF(m_rect.left() + 8, y, m_rect.width() - 12, lineH),
                          Qt::AlignLeft | Qt::AlignVCenter, line);
        y += lineH;
    }
    if (overlay)
        paintOverlay(painter, *overlay, detail);
}

BlockGraphItem::BlockGraphItem(const GraphDocument& doc, int block, const QRectF& rect, bool expanded,
                               std::shared_ptr<const OverlayState> overlay)
    : m_block(block)
    , m_overlay(std::move(overlay))
    , m_rect(rect)
    , m_expanded(expanded)
    , m_title(blockTitle(*doc.tree, block))
    , m_subtitle(blockSubtitle(*doc.tree, block))
    , m_header(doc.metrics->headerHeight)
    , m_fonts(GraphFonts::standard()) {
    setFlag(ItemIsSelectable);
    // An open block can span the whole graph; painting needs the exposed part (see paint()).
    setFlag(ItemUsesExtendedStyleOption, expanded);
    setData(kItemKindRole, int(GraphItemKind::Block));
    setData(kItemIdRole, block);
    // Deeper open frames above shallower ones; closed blocks sit with the nodes.
    setZValue(expanded ? -10 + 0.01 * doc.tree->block(block).depth : 2);
    setToolTip(QCoreApplication::translate("BlockGraphItem", "%1 — %2\nDouble-click to %3")
                   .arg(doc.tree->block(block).path, m_subtitle,
                        expanded ? QCoreApplication::translate("BlockGraphItem", "collapse")
                                 : QCoreApplication::translate("BlockGraphItem", "expand")));
}

QRectF BlockGraphItem::boundingRect() const {
    return m_rect.adjusted(-6, -8, 6, 10); // room for mark outlines and the badge
}

const NodeOverlay::BlockSummary* BlockGraphItem::summary() const {
    if (!m_overlay || m_block < 0 || m_block >= static_cast<int>(m_overlay->blocks.size()))
        return nullptr;
    return &m_overlay->blocks[static_cast<size_t>(m_block)];
}

void BlockGraphItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const double detail = lod(option, painter);
    const bool selected = isSelected();
    const NodeOverlay::BlockSummary* overlay = m_expanded ? nullptr : summary();
    const std::optional<QColor> heat =
        overlay && overlay->value && m_overlay->overlay.hasScale()
            ? std::optional<QColor>(m_overlay->overlay.scale().color(*overlay->value))
            : std::nullopt;
    const QColor fill = m_expanded ? QColor(0x3a, 0x6e, 0xa5, 18) : heat.value_or(QColor(0xdd, 0xe6, 0xf0));
    if (overlay)
        paintMarkOutline(painter, m_rect, 6, overlay->marks);
    if (detail < 0.2) {
        if (m_expanded) {
            painter->setPen(QPen(QColor(0x7a, 0x90, 0xb0), 0));
            painter->setBrush(fill);
            painter->drawRect(m_rect);
        } else {
            painter->fillRect(m_rect, selected ? kSelection : heat.value_or(QColor(0x8a, 0xa4, 0xc8)));
        }
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, detail > 0.6);
    const QPen frame(selected ? kSelection : QColor(0x6a, 0x80, 0xa0), selected ? 3 : 1,
                     m_expanded ? Qt::DashLine : Qt::SolidLine);
    if (m_expanded) {
        // Qt dashes a whole outline before clipping it, which costs seconds per frame for the
        // outline of a block holding thousands of nodes; draw only what is exposed.
        paintClippedFrame(painter, m_rect, option->exposedRect, fill, frame);
    } else {
        painter->setBrush(fill);
        painter->setPen(frame);
        painter->drawRoundedRect(m_rect, 6, 6);
    }
    if (!m_expanded) {
        // Stacked edge hints that there is more inside.
        painter->setPen(QPen(QColor(0x6a, 0x80, 0xa0), 1));
        painter->drawLine(m_rect.bottomLeft() + QPointF(6, 3), m_rect.bottomRight() + QPointF(-6, 3));
    }
    if (detail < 0.45)
        return;
    painter->setPen(QColor(0x1a, 0x2a, 0x40));
    painter->setFont(m_fonts.title);
    const QString marker = m_expanded ? QStringLiteral("▾ ") : QStringLiteral("▸ ");
    if (m_expanded) {
        painter->drawText(QRectF(m_rect.left() + 8, m_rect.top(), m_rect.width() - 16, m_header),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          marker + m_title + QStringLiteral("  ·  ") + m_subtitle);
        return;
    }
    const double half = m_rect.height() / 2;
    painter->drawText(QRectF(m_rect.left(), m_rect.top() + 3, m_rect.width(), half), Qt::AlignCenter,
                      marker + m_title);
    painter->setFont(m_fonts.body);
    painter->drawText(QRectF(m_rect.left(), m_rect.top() + half - 2, m_rect.width(), half), Qt::AlignCenter,
                      m_subtitle);
    if (overlay) {
        if (overlay->marks & NodeMark::Breakpoint)
            paintBreakpointDot(painter, m_rect);
        if (overlay->value)
            paintBadge(painter, m_rect,
                       QCoreApplication::translate("BlockGraphItem", "Σ %1")
                           .arg(m_overlay->overlay.scale().text(*overlay->value)),
                       m_fonts.body);
    }
}

EdgeGraphItem::EdgeGraphItem(const SceneEdge& edge, const QString& label)
    : m_label(label)
    , m_tensor(edge.tensor) {
    const QPolygonF& p = edge.points;
    if (!p.isEmpty()) {
        m_path.moveTo(p.front());
        if (edge.bezier && (p.size() - 1) % 3 == 0) {
            for (qsizetype i = 1; i + 2 < p.size(); i += 3)
                m_path.cubicTo(p[i], p[i + 1], p[i + 2]);
        } else {
            for (qsizetype i = 1; i < p.size(); ++i)
                m_path.lineTo(p[i]);
        }
    }
    if (p.size() >= 2) {
        const QPointF tip = p.back();
        QPointF from = p[p.size() - 2];
        if (QLineF(from, tip).length() < 0.5 && p.size() >= 3)
            from = p[p.size() - 3];
        QLineF dir(tip, from);
        if (dir.length() > 0) {
            dir.setLength(8);
            QLineF left = dir, right = dir;
            left.setAngle(dir.angle() + 25);
            right.setAngle(dir.angle() - 25);
            m_arrow << tip << left.p2() << right.p2();
        }
    }
    // Just below the producer, where every edge of a fan-out still runs together.
    const double length = m_path.length();
    m_labelPos = m_path.pointAtPercent(length > 0 ? m_path.percentAtLength(std::min(22.0, length / 2)) : 0) +
                 QPointF(4, 0);
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-4, -4, 4, 4);
    if (!m_label.isEmpty())
        m_bounds = m_bounds.united(QRectF(m_labelPos - QPointF(0, 10), QSizeF(8 * m_label.size() + 8, 14)));
    setFlag(ItemIsSelectable);
    setData(kItemKindRole, int(GraphItemKind::Edge));
    setData(kItemIdRole, edge.tensor);
    setZValue(1);
    if (edge.edgeCount > 1)
        setToolTip(QCoreApplication::translate("EdgeGraphItem", "%n connection(s)", nullptr, edge.edgeCount));
}

QPointF EdgeGraphItem::previewAnchor() const {
    double labelWidth = 0;
    if (!m_label.isEmpty()) {
        QFont font;
        font.setPointSizeF(7); // as paint() draws the label
        labelWidth = QFontMetricsF(font).horizontalAdvance(m_label) + 4;
    }
    return m_labelPos + QPointF(labelWidth + 2, -12);
}

QRectF EdgeGraphItem::boundingRect() const {
    return m_bounds;
}

QPainterPath EdgeGraphItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(6);
    return stroker.createStroke(m_path);
}

void EdgeGraphItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const double detail = lod(option, painter);
    const QColor color = isSelected() ? kSelection : QColor(0x55, 0x55, 0x55);
    painter->setRenderHint(QPainter::Antialiasing, detail > 0.6);
    // A cosmetic pen one pixel wide takes the raster engine's clipping line stroker; a wider
    // pen strokes the whole curve first, which for long edges at full zoom cost tens of
    // milliseconds per frame even when only a sliver of the edge is on screen.
    QPen pen(color, isSelected() ? 2.5 : 1.0);
    pen.setCosmetic(!isSelected());
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    if (detail < 0.35)
        return;
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(m_arrow);
    if (detail > 0.7 && !m_label.isEmpty()) {
        QFont f = painter->font();
        f.setPointSizeF(7);
        painter->setFont(f);
        painter->setPen(QColor(0x30, 0x30, 0x30));
        painter->drawText(m_labelPos, m_label);
    }
}

} // namespace onnxscope
