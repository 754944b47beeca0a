// The graph canvas: a QGraphicsView over the composed block layout, with pan/zoom, fit and
// zoom-to-selection, a minimap, keyboard navigation to producers/consumers, and SVG/PNG export.
//
// It only shows a SceneLayout computed elsewhere (layout_controller.h); requests that need a
// new layout (open or close a block, reveal a hidden node) go out as signals.
#pragma once

#include "exec/tensor_summary.h"
#include "graph_document.h"
#include "node_overlay.h"

#include <QGraphicsView>
#include <QPointer>

#include <memory>

namespace onnxscope {

class GraphMinimap;
class HeatLegend;
struct OverlayState;

class GraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphView(QWidget* parent = nullptr);
    ~GraphView() override;

    void setDocument(std::shared_ptr<const GraphDocument> document);
    std::shared_ptr<const GraphDocument> document() const { return m_document; }
    // Replaces the items; keeps the selection when the selected thing is still visible.
    void setSceneLayout(const SceneLayout& layout);
    const SceneLayout& sceneLayout() const { return m_layout; }

    // Selects a visible node (returns false when it is hidden in a closed block).
    bool selectNode(int node, bool center = true);
    bool selectBlock(int block, bool center = true);
    int selectedNode() const;
    int selectedBlock() const;
    QRectF nodeRect(int node) const; // empty when not visible

    void fitToView();
    // The first view of a graph, as in Netron: the whole graph when it fits at a zoom where
    // node titles are legible, else the graph's inputs at the reading zoom, centred
    // horizontally at the top.
    void showStart();
    void zoomToActualSize(); // 100%, around the centre of the view
    void zoomToSelection();
    void zoomBy(double factor);
    double zoomLevel() const;
    // Pixels a node title is drawn with at zoom 1 (the title font's size on this screen).
    double titlePixelSize() const;
    // The lowest zoom at which node titles are kMinTitlePixels tall.
    double legibleZoom() const;
    // The zoom views jump to when they must be readable: 100%, or more on screens where
    // 100% would not be legible.
    double readingZoom() const;
    static constexpr double kMinTitlePixels = 10.0;
    void setMinimapVisible(bool visible);
    bool isMinimapVisible() const;
    // Where the minimap sits, in viewport coordinates (empty when hidden).
    QRect minimapGeometry() const;

    // Colours, badges and marks over the nodes (node_overlay.h); the legend shows while the
    // overlay has a heat scale. Kept across relayouts; cleared with a new document.
    void setOverlay(const NodeOverlay& overlay);
    void clearOverlay() { setOverlay(NodeOverlay()); }
    const NodeOverlay& overlay() const;
    HeatLegend* legend() const { return m_legend; }
    // Inline previews of computed values, one card per display tensor beside its shape label,
    // shown when zoomed in to at least EdgePreviewItem::kMinZoom. Added cards replace earlier
    // ones of the same tensor; kept across relayouts; cleared with a new document.
    void addValueSketches(const QHash<int, TensorSketch>& sketches);
    void clearValueSketches();
    int valueSketchCount() const { return static_cast<int>(m_sketches.size()); }
    // The card drawn for a tensor, or null (not computed, or its edge is hidden in a block).
    QGraphicsItem* valuePreviewItem(int tensor) const { return m_previewItems.value(tensor); }
    // Scrolls just enough to show a node (or the closed block hiding it) without touching the
    // selection; returns whether the node itself is drawn. A view zoomed out below legibility
    // first zooms in to readingZoom() around the node, so that following a node (the
    // debugger's current one) never shows it as a few unreadable pixels.
    bool ensureNodeVisible(int node, int margin = 80);

    QImage renderImage(double scale = 1.0, int maxSide = 16384) const;
    bool exportSvg(const QString& path, QString* error = nullptr) const;
    bool exportPng(const QString& path, QString* error = nullptr) const;

signals:
    void nodeSelected(int node);
    void blockSelected(int block);
    void tensorSelected(int tensor);
    void selectionCleared();
    void blockToggleRequested(int block);
    void nodeActivated(int node);   // double-click (opens subgraphs)
    void revealRequested(int node); // keyboard navigation reached a hidden node

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void onSelectionChanged();
    void followEdge(bool upstream);
    void cycleAlternative(int step);
    void goToNode(int node);
    void placeMinimap();
    bool coversNodes(const QRect& viewportRect) const;
    void addPreviewItem(int tensor, const TensorSketch& sketch);

    QGraphicsScene* m_scene;
    GraphMinimap* m_minimap;
    HeatLegend* m_legend;
    std::shared_ptr<const OverlayState> m_overlay;
    std::shared_ptr<const GraphDocument> m_document;
    SceneLayout m_layout;
    std::vector<QGraphicsItem*> m_nodeItems;  // per display node, null when hidden
    std::vector<QGraphicsItem*> m_blockItems; // per block, null when not drawn
    QHash<int, QPointF> m_previewAnchors;     // per drawn tensor: where its card goes
    QHash<int, TensorSketch> m_sketches;
    QHash<int, QGraphicsItem*> m_previewItems;
    bool m_previewsShown = false;
    bool m_keepStart = false; // showStart() holds until the user moves the view
    // Keyboard navigation: where the last Up/Down came from and which alternatives it had.
    std::vector<int> m_navChoices;
    int m_navIndex = 0;
};

} // namespace onnxscope
