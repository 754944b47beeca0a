// The layout interface: node sizes in, node positions and edge routes out.
//
// Engines (Graphviz in-process, our own layered fallback) see only boxes and index pairs, never
// the model or any widget, so they can run on a worker thread and be swapped or tested alone.
// Coordinates are in scene units (1 unit = 1 px at zoom 1), y grows downward, and positions are
// top-left corners.
#pragma once

#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace onnxscope {

struct LayoutInput {
    std::vector<QSizeF> nodeSizes;
    std::vector<std::pair<int, int>> edges; // (from, to) node indices; duplicates allowed
    double nodeSeparation = 24;
    double rankSeparation = 36;
};

struct LayoutEdgeRoute {
    // Polyline, or when `bezier` is set a cubic Bézier chain p0 c1 c2 p1 c1 c2 p2 ... (3k+1
    // points). Starts on the source box and ends on the target box.
    QPolygonF points;
    bool bezier = false;
};

struct LayoutOutput {
    std::vector<QPointF> positions;     // top-left of each node
    std::vector<LayoutEdgeRoute> edges; // parallel to LayoutInput::edges
    QSizeF size;                        // every node and route lies in (0,0)-(size)
};

class GraphLayout {
public:
    virtual ~GraphLayout() = default;
    virtual QString name() const = 0;
    // Returns false with an error message when the engine failed; callers fall back.
    virtual bool calculate(const LayoutInput& input, LayoutOutput& output, QString* error) const = 0;
};

// Removes edges that close a cycle (found by depth-first search from each node in index order)
// by reporting them in `backEdges`; both engines route these against the flow.
std::vector<bool> findBackEdges(int nodeCount, const std::vector<std::pair<int, int>>& edges);

// Graphviz when the build has it, else the layered fallback.
std::unique_ptr<GraphLayout> makeDefaultLayout();
std::unique_ptr<GraphLayout> makeLayeredLayout();
bool graphvizAvailable();

} // namespace onnxscope
