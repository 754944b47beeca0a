#include "graph_view.h"
#include "edge_preview_item.h"
#include "graph_items.h"
#include "heat_legend.h"

#include <QGraphicsScene>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSet>
#include <QSvgGenerator>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>

namespace onnxscope {

// A small overview in the corner: the whole scene at low detail plus the visible rectangle;
// clicking or dragging moves the main view.
//
// The overview is a picture of the graph scene rendered once per change of that scene, shown as
// the background of an empty scene with the same coordinates. Drawing the graph scene itself
// on every pan cost tens of milliseconds per frame on graphs of ten thousand nodes.
class GraphMinimap : public QGraphicsView {
public:
    GraphMinimap(GraphView* main, QGraphicsScene* source)
        : QGraphicsView(main)
        , m_main(main)
        , m_source(source) {
        setScene(&m_coordinates);
        setInteractive(false);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setFrameShape(QFrame::Box);
        setTranslucent(false);
        setCursor(Qt::PointingHandCursor);
        setToolTip(tr("Overview: click to move the view"));
        m_render.setSingleShot(true);
        m_render.setInterval(150);
        QObject::connect(&m_render, &QTimer::timeout, this, [this] { renderPicture(); });
        QObject::connect(m_source, &QGraphicsScene::changed, this, [this] { m_render.start(); });
    }
    void refit() {
        m_coordinates.setSceneRect(m_source->sceneRect());
        fitInView(m_coordinates.sceneRect(), Qt::KeepAspectRatio);
        renderPicture();
    }
    // Translucent when no corner of the view is free of nodes: the graph shows through.
    void setTranslucent(bool translucent) {
        m_translucent = translucent;
        setBackgroundBrush(QColor(0xf4, 0xf4, 0xf4, translucent ? 110 : 230));
        viewport()->update();
    }

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override {
        QGraphicsView::drawBackground(painter, rect);
        if (m_picture.isNull())
            return;
        painter->setOpacity(m_translucent ? 0.5 : 1.0);
        painter->drawImage(m_coordinates.sceneRect(), m_picture);
        painter->setOpacity(1.0);
    }
    void drawForeground(QPainter* painter, const QRectF&) override {
        const QPolygonF visible = m_main->mapToScene(m_main->viewport()->rect());
        painter->setPen(QPen(QColor(0xd0, 0x40, 0x20), 0));
        painter->setBrush(QColor(0xd0, 0x40, 0x20, 30));
        painter->drawPolygon(visible);
    }
    void mousePressEvent(QMouseEvent* event) override { m_main->centerOn(mapToScene(event->pos())); }
    void mouseMoveEvent(QMouseEvent* event) override {
        if (event->buttons() & Qt::LeftButton)
            m_main->centerOn(mapToScene(event->pos()));
    }
    void wheelEvent(QWheelEvent* event) override { event->ignore(); }
    void resizeEvent(QResizeEvent* event) override {
        QGraphicsView::resizeEvent(event);
        refit();
    }
    void showEvent(QShowEvent* event) override {
        QGraphicsView::showEvent(event);
        refit(); // nothing was rendered while hidden
    }

private:
    void renderPicture() {
        const QRectF source = m_source->sceneRect();
        if (source.isEmpty() || !isVisible()) {
            m_picture = {};
            viewport()->update();
            return;
        }
        // As many pixels as the minimap shows the scene with, at the screen's pixel ratio.
        const QRectF shown = mapFromScene(source).boundingRect();
        const qreal ratio = devicePixelRatioF();
        QImage picture((shown.size() * ratio).toSize().expandedTo(QSize(1, 1)),
                       QImage::Format_ARGB32_Premultiplied);
        picture.fill(Qt::transparent);
        QPainter painter(&picture);
        m_source->render(&painter, QRectF(QPointF(0, 0), QSizeF(picture.size())), source,
                         Qt::IgnoreAspectRatio);
        painter.end();
        m_picture = std::move(picture);
        viewport()->update();
    }

    GraphView* m_main;
    QGraphicsScene* m_source;
    QGraphicsScene m_coordinates; // empty; only its scene rect, for the mapping
    QImage m_picture;
    QTimer m_render;
    bool m_translucent = false;
};

GraphView::GraphView(QWidget* parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this)) {
    setScene(m_scene);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setRenderHint(QPainter::TextAntialiasing);
    setBackgroundBrush(Qt::white);
    setFocusPolicy(Qt::StrongFocus);
    m_scene->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    m_minimap = new GraphMinimap(this, m_scene);
    m_minimap->resize(180, 140);
    m_legend = new HeatLegend(this);
    m_legend->hide();
    m_overlay = std::make_shared<OverlayState>();
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &GraphView::onSelectionChanged);
}

GraphView::~GraphView() {
    // The scene dies with this view's children, deselecting its items as it goes: no
    // selection signals from a half-destroyed view (and window) around it.
    disconnect(m_scene, nullptr, this, nullptr);
}

void GraphView::setDocument(std::shared_ptr<const GraphDocument> document) {
    m_document = std::move(document);
    m_keepStart = false;
    m_layout = SceneLayout{};
    m_overlay = std::make_shared<OverlayState>();
    m_legend->hide();
    m_scene->clear();
    m_nodeItems.clear();
    m_blockItems.clear();
    m_navChoices.clear();
    m_previewAnchors.clear();
    m_previewItems.clear();
    m_sketches.clear();
}

void GraphView::setSceneLayout(const SceneLayout& layout) {
    if (!m_document)
        return;
    const int keepNode = selectedNode();
    const int keepBlock = selectedBlock();
    {
        const QSignalBlocker blocker(m_scene);
        m_scene->clear();
    }
    m_layout = layout;
    const DisplayGraph& graph = *m_document->graph;
    m_nodeItems.assign(graph.nodes().size(), nullptr);
    m_blockItems.assign(m_document->tree->blocks().size(), nullptr);
    const QSignalBlocker blocker(m_scene);
    for (const SceneBlock& b : layout.blocks) {
        auto* item = new BlockGraphItem(*m_document, b.block, b.rect, b.expanded, m_overlay);
        m_scene->addItem(item);
        m_blockItems[static_cast<size_t>(b.block)] = item;
    }
    // A tensor read by several nodes is one value: its shape is written once, beside its
    // producer, not on every edge where the labels would stack on top of each other.
    m_previewAnchors.clear();
    m_previewItems.clear();
    for (const SceneEdge& e : layout.edges) {
        QString label;
        const bool first = e.tensor >= 0 && !m_previewAnchors.contains(e.tensor);
        if (first)
            label = graph.tensors()[static_cast<size_t>(e.tensor)].shapeText;
        auto* edge = new EdgeGraphItem(e, label);
        m_scene->addItem(edge);
        if (first)
            m_previewAnchors.insert(e.tensor, edge->previewAnchor());
    }
    for (auto it = m_sketches.cbegin(); it != m_sketches.cend(); ++it)
        addPreviewItem(it.key(), it.value());
    for (const SceneNode& n : layout.nodes) {
        auto* item = new NodeGraphItem(*m_document, n.node, n.rect, m_overlay);
        m_scene->addItem(item);
        m_nodeItems[static_cast<size_t>(n.node)] = item;
    }
    m_scene->setSceneRect(layout.bounds.adjusted(-40, -40, 40, 40));
    setSceneRect(QRectF()); // follow the scene's again (showStart() may widen it)
    if (keepNode >= 0 && m_nodeItems[static_cast<size_t>(keepNode)])
        m_nodeItems[static_cast<size_t>(keepNode)]->setSelected(true);
    else if (keepBlock >= 0 && m_blockItems[static_cast<size_t>(keepBlock)])
        m_blockItems[static_cast<size_t>(keepBlock)]->setSelected(true);
    m_minimap->refit();
    placeMinimap();
}

bool GraphView::selectNode(int node, bool center) {
    if (node < 0 || node >= static_cast<int>(m_nodeItems.size()) || !m_nodeItems[static_cast<size_t>(node)])
        return false;
    QGraphicsItem* item = m_nodeItems[static_cast<size_t>(node)];
    m_scene->clearSelection();
    item->setSelected(true);
    if (center) {
        m_keepStart = false;
        centerOn(item);
    }
    return true;
}

bool GraphView::selectBlock(int block, bool center) {
    if (block < 0 || block >= static_cast<int>(m_blockItems.size()) ||
        !m_blockItems[static_cast<size_t>(block)])
        return false;
    m_scene->clearSelection();
    m_blockItems[static_cast<size_t>(block)]->setSelected(true);
    if (center) {
        m_keepStart = false;
        centerOn(m_blockItems[static_cast<size_t>(block)]);
    }
    return true;
}

int GraphView::selectedNode() const {
    for (QGraphicsItem* item : m_scene->selectedItems())
        if (item->data(kItemKindRole).toInt() == int(GraphItemKind::Node))
            return item->data(kItemIdRole).toInt();
    return -1;
}

int GraphView::selectedBlock() const {
    for (QGraphicsItem* item : m_scene->selectedItems())
        if (item->data(kItemKindRole).toInt() == int(GraphItemKind::Block))
            return item->data(kItemIdRole).toInt();
    return -1;
}

QRectF GraphView::nodeRect(int node) const {
    if (node < 0 || node >= static_cast<int>(m_nodeItems.size()) || !m_nodeItems[static_cast<size_t>(node)])
        return QRectF();
    return m_nodeItems[static_cast<size_t>(node)]->sceneBoundingRect();
}

void GraphView::fitToView() {
    m_keepStart = false;
    setSceneRect(QRectF());
    fitInView(m_layout.bounds.adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    // Never blow small graphs up beyond 1.5x.
    if (zoomLevel() > 1.5)
        setTransform(QTransform::fromScale(1.5, 1.5));
    centerOn(m_layout.bounds.center());
}

void GraphView::showStart() {
    fitToView();
    if (m_document && zoomLevel() < legibleZoom()) {
        const double zoom = readingZoom();
        setTransform(QTransform::fromScale(zoom, zoom));
        // The inputs on the first screenful: some feed only nodes far down the graph, and
        // Graphviz then ranks them there.
        const QSizeF shown = mapToScene(viewport()->rect()).boundingRect().size();
        const DisplayGraph& graph = *m_document->graph;
        QRectF inputs;
        for (const SceneNode& n : m_layout.nodes)
            if (graph.nodes()[static_cast<size_t>(n.node)].kind == DisplayNodeKind::GraphInput &&
                n.rect.top() < m_layout.bounds.top() + shown.height())
                inputs = inputs.united(n.rect);
        const double x = inputs.isNull() ? m_layout.bounds.center().x() : inputs.center().x();
        // Inputs near a side of a wide graph: room to scroll past that side, so they can sit in
        // the middle. The view's own scroll area; the scene (and the minimap) keep theirs.
        const QRectF scene = m_scene->sceneRect();
        const double half = shown.width() / 2;
        setSceneRect(scene.adjusted(-std::max(0.0, half - (x - scene.left())), 0,
                                    std::max(0.0, half - (scene.right() - x)), 0));
        centerOn(x, m_layout.bounds.top() - 20 + shown.height() / 2);
    }
    placeMinimap();
    // The window may still be growing (a maximize the window manager applies late, docks
    // settling): until the user moves the view, resizes show the start again.
    m_keepStart = true;
}

void GraphView::zoomToActualSize() {
    m_keepStart = false;
    const QPointF centre = mapToScene(viewport()->rect().center());
    setTransform(QTransform());
    centerOn(centre);
}

double GraphView::titlePixelSize() const {
    const QFont font = GraphFonts::standard().title;
    return font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF() * logicalDpiY() / 72.0;
}

double GraphView::legibleZoom() const {
    return kMinTitlePixels / titlePixelSize();
}

double GraphView::readingZoom() const {
    return std::max(1.0, legibleZoom());
}

void GraphView::zoomToSelection() {
    QRectF area;
    for (QGraphicsItem* item : m_scene->selectedItems())
        area = area.united(item->sceneBoundingRect());
    if (area.isEmpty())
        return;
    m_keepStart = false;
    fitInView(area.adjusted(-80, -80, 80, 80), Qt::KeepAspectRatio);
    if (zoomLevel() > 2)
        setTransform(QTransform::fromScale(2, 2));
    centerOn(area.center());
}

void GraphView::zoomBy(double factor) {
    m_keepStart = false;
    const double next = std::clamp(zoomLevel() * factor, 0.01, 8.0);
    scale(next / zoomLevel(), next / zoomLevel());
}

double GraphView::zoomLevel() const {
    return transform().m11();
}

void GraphView::setMinimapVisible(bool visible) {
    m_minimap->setVisible(visible);
    if (visible)
        placeMinimap();
}

bool GraphView::isMinimapVisible() const {
    return !m_minimap->isHidden();
}

QRect GraphView::minimapGeometry() const {
    return m_minimap->isHidden() ? QRect() : m_minimap->geometry().translated(-viewport()->pos());
}

void GraphView::setOverlay(const NodeOverlay& overlay) {
    auto state = std::make_shared<OverlayState>();
    state->overlay = overlay;
    if (m_document)
        state->blocks =
            overlay.summarizeBlocks(*m_document->tree, static_cast<int>(m_document->graph->nodes().size()));
    m_overlay = state;
    for (QGraphicsItem* item : m_nodeItems)
        if (item)
            static_cast<NodeGraphItem*>(item)->setOverlay(m_overlay);
    for (QGraphicsItem* item : m_blockItems)
        if (item)
            static_cast<BlockGraphItem*>(item)->setOverlay(m_overlay);
    m_legend->setVisible(overlay.hasScale());
    if (overlay.hasScale()) {
        m_legend->setScale(overlay.scale());
        m_legend->adjustSize();
        placeMinimap();
    }
    viewport()->update();
}

void GraphView::addValueSketches(const QHash<int, TensorSketch>& sketches) {
    for (auto it = sketches.cbegin(); it != sketches.cend(); ++it) {
        m_sketches.insert(it.key(), it.value());
        addPreviewItem(it.key(), it.value());
    }
}

void GraphView::clearValueSketches() {
    for (QGraphicsItem* item : std::as_const(m_previewItems)) {
        m_scene->removeItem(item);
        delete item;
    }
    m_previewItems.clear();
    m_sketches.clear();
}

void GraphView::addPreviewItem(int tensor, const TensorSketch& sketch) {
    const auto anchor = m_previewAnchors.constFind(tensor);
    if (anchor == m_previewAnchors.cend())
        return; // the value's edges are inside a closed block
    if (QGraphicsItem* old = m_previewItems.take(tensor)) {
        m_scene->removeItem(old);
        delete old;
    }
    auto* item = new EdgePreviewItem(tensor, *anchor, sketch);
    item->setVisible(m_previewsShown);
    m_scene->addItem(item);
    m_previewItems.insert(tensor, item);
}

void GraphView::paintEvent(QPaintEvent* event) {
    // Cards appear and disappear as the zoom crosses the threshold. Hiding them (rather than
    // skipping their paint) also keeps invisible cards from catching clicks and tooltips.
    const bool show = zoomLevel() >= EdgePreviewItem::kMinZoom;
    if (show != m_previewsShown) {
        m_previewsShown = show;
        for (QGraphicsItem* item : std::as_const(m_previewItems))
            item->setVisible(show);
    }
    QGraphicsView::paintEvent(event);
}

const NodeOverlay& GraphView::overlay() const {
    return m_overlay->overlay;
}

bool GraphView::ensureNodeVisible(int node, int margin) {
    if (node < 0 || node >= static_cast<int>(m_nodeItems.size()) || !m_document)
        return false;
    QGraphicsItem* item = m_nodeItems[static_cast<size_t>(node)];
    // A node inside a closed block: show the innermost drawn block that holds it.
    for (int b = m_document->tree->blockOfNode(node); !item && b >= 0; b = m_document->tree->block(b).parent)
        if (b < static_cast<int>(m_blockItems.size()))
            item = m_blockItems[static_cast<size_t>(b)];
    if (!item)
        return false;
    m_keepStart = false;
    if (zoomLevel() < legibleZoom()) {
        const double zoom = readingZoom();
        setTransform(QTransform::fromScale(zoom, zoom));
        centerOn(item);
    } else {
        ensureVisible(item, margin, margin);
    }
    return item == m_nodeItems[static_cast<size_t>(node)];
}

void GraphView::wheelEvent(QWheelEvent* event) {
    // Wheel zooms around the cursor (the usual graph viewer habit); Shift+wheel scrolls.
    m_keepStart = false;
    if (event->modifiers() & Qt::ShiftModifier) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent* event) {
    m_keepStart = false;
    switch (event->key()) {
    case Qt::Key_Up:
        followEdge(true);
        return;
    case Qt::Key_Down:
        followEdge(false);
        return;
    case Qt::Key_Left:
        cycleAlternative(-1);
        return;
    case Qt::Key_Right:
        cycleAlternative(1);
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (selectedBlock() >= 0)
            emit blockToggleRequested(selectedBlock());
        else if (selectedNode() >= 0)
            emit nodeActivated(selectedNode());
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void GraphView::mouseDoubleClickEvent(QMouseEvent* event) {
    QGraphicsItem* item = itemAt(event->pos());
    if (item && item->data(kItemKindRole).toInt() == int(GraphItemKind::Block)) {
        emit blockToggleRequested(item->data(kItemIdRole).toInt());
        return;
    }
    if (item && item->data(kItemKindRole).toInt() == int(GraphItemKind::Node)) {
        emit nodeActivated(item->data(kItemIdRole).toInt());
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (m_keepStart)
        showStart();
    else
        placeMinimap();
}

void GraphView::mousePressEvent(QMouseEvent* event) {
    m_keepStart = false;
    QGraphicsView::mousePressEvent(event);
}

void GraphView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    m_minimap->viewport()->update();
}

void GraphView::placeMinimap() {
    const QRect area = viewport()->geometry();
    m_legend->move(area.left() + 8, area.top() + 8);
    m_legend->raise();
    // The first corner, from the bottom right, where the minimap hides no node. Chosen when the
    // view is shown or resized, never while panning: a minimap that jumps is worse than one
    // that covers a node for a moment.
    const QSize size = m_minimap->size();
    const int left = area.left() + 8;
    const int right = area.right() - size.width() - 8;
    const int top = area.top() + 8;
    const int bottom = area.bottom() - size.height() - 8;
    QList<QPoint> corners = {{right, bottom}, {left, bottom}, {right, top}};
    if (m_legend->isHidden())
        corners << QPoint(left, top);
    QPoint chosen = corners.front();
    bool free = false;
    for (const QPoint& corner : std::as_const(corners)) {
        if (!coversNodes(QRect(corner, size).translated(-area.topLeft()))) {
            chosen = corner;
            free = true;
            break;
        }
    }
    m_minimap->move(chosen);
    m_minimap->setTranslucent(!free);
    m_minimap->raise();
}

bool GraphView::coversNodes(const QRect& viewportRect) const {
    for (QGraphicsItem* item : items(viewportRect)) {
        const int kind = item->data(kItemKindRole).toInt();
        if (kind == int(GraphItemKind::Node) ||
            (kind == int(GraphItemKind::Block) && !static_cast<BlockGraphItem*>(item)->isExpanded()))
            return true;
    }
    return false;
}

void GraphView::onSelectionChanged() {
    const QList<QGraphicsItem*> items = m_scene->selectedItems();
    if (items.isEmpty()) {
        emit selectionCleared();
        return;
    }
    const int id = items.front()->data(kItemIdRole).toInt();
    switch (GraphItemKind(items.front()->data(kItemKindRole).toInt())) {
    case GraphItemKind::Node:
        emit nodeSelected(id);
        break;
    case GraphItemKind::Block:
        emit blockSelected(id);
        break;
    case GraphItemKind::Edge:
        emit tensorSelected(id);
        break;
    }
    m_minimap->viewport()->update();
}

void GraphView::followEdge(bool upstream) {
    const int node = selectedNode();
    if (node < 0 || !m_document)
        return;
    const DisplayGraph& graph = *m_document->graph;
    std::vector<int> choices;
    auto add = [&](int n) {
        if (n >= 0 && std::find(choices.begin(), choices.end(), n) == choices.end())
            choices.push_back(n);
    };
    const DisplayNode& n = graph.nodes()[static_cast<size_t>(node)];
    if (upstream) {
        for (int t : n.inputs)
            if (t >= 0)
                add(graph.tensors()[static_cast<size_t>(t)].producer);
    } else {
        for (int t : n.outputs)
            for (int c : graph.tensors()[static_cast<size_t>(t)].consumers)
                add(c);
    }
    if (choices.empty())
        return;
    m_navChoices = choices;
    m_navIndex = 0;
    goToNode(choices.front());
}

void GraphView::cycleAlternative(int step) {
    if (m_navChoices.size() < 2)
        return;
    const int count = static_cast<int>(m_navChoices.size());
    m_navIndex = (m_navIndex + step + count) % count;
    goToNode(m_navChoices[static_cast<size_t>(m_navIndex)]);
}

void GraphView::goToNode(int node) {
    if (!selectNode(node, false)) {
        emit revealRequested(node);
        return;
    }
    ensureVisible(m_nodeItems[static_cast<size_t>(node)], 60, 60);
}

QImage GraphView::renderImage(double scale, int maxSide) const {
    const QRectF source = m_layout.bounds.adjusted(-20, -20, 20, 20);
    const double fit =
        std::min({scale, maxSide / std::max(1.0, source.width()), maxSide / std::max(1.0, source.height())});
    QImage image(QSize(std::max(1, int(source.width() * fit)), std::max(1, int(source.height() * fit))),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    m_scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    return image;
}

bool GraphView::exportSvg(const QString& path, QString* error) const {
    const QRectF source = m_layout.bounds.adjusted(-20, -20, 20, 20);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(m_document ? m_document->graph->title() : QString());
    generator.setDescription(tr("Graph exported by ONNX Scope"));
    QPainter painter;
    if (!painter.begin(&generator)) {
        if (error)
            *error = tr("Cannot write %1").arg(path);
        return false;
    }
    m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    return true;
}

bool GraphView::exportPng(const QString& path, QString* error) const {
    const QImage image = renderImage(2.0, 16384);
    if (!image.save(path, "PNG")) {
        if (error)
            *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace onnxscope
