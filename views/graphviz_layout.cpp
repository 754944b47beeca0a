#include "graphviz_layout.h"
#include "layered_layout.h"

#include <QByteArray>

#include <algorithm>
#include <mutex>

#ifdef ONNXSCOPE_HAVE_GRAPHVIZ
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#endif

namespace onnxscope {

#ifdef ONNXSCOPE_HAVE_GRAPHVIZ

namespace {

// libgvc and libcgraph keep global state (error buffers, the attribute dictionaries of the
// default graph, plugin tables): one call at a time in the whole process.
std::mutex& graphvizMutex() {
    static std::mutex mutex;
    return mutex;
}

constexpr double kDpi = 72.0; // Graphviz works in points; we pin 1 pt = 1 scene unit.

// QByteArray::number always uses the C locale, unlike printf under a German locale.
QByteArray inches(double units) {
    return QByteArray::number(units / kDpi, 'f', 4);
}

void set(void* object, const char* name, const QByteArray& value) {
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.constData()), const_cast<char*>(""));
}

} // namespace

bool GraphvizLayout::calculate(const LayoutInput& input, LayoutOutput& output, QString* error) const {
    const int n = static_cast<int>(input.nodeSizes.size());
    for (const auto& [a, b] : input.edges)
        if (a < 0 || b < 0 || a >= n || b >= n) {
            if (error)
                *error = QStringLiteral("edge refers to a node outside 0..%1").arg(n - 1);
            return false;
        }
    const std::vector<bool> back = findBackEdges(n, input.edges);

    std::lock_guard<std::mutex> lock(graphvizMutex());
    static GVC_t* context = [] {
        agseterr(AGERR); // warnings would go to stderr; errors are reported by return codes
        return gvContext();
    }();
    if (!context) {
        if (error)
            *error = QStringLiteral("gvContext() failed");
        return false;
    }
    Agraph_t* g = agopen(const_cast<char*>("g"), Agdirected, nullptr);
    set(g, "rankdir", "TB");
    set(g, "nodesep", inches(input.nodeSeparation));
    set(g, "ranksep", inches(input.rankSeparation));
    set(g, "dpi", "72");
    set(g, "splines", "spline");

    std::vector<Agnode_t*> nodes(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const QByteArray name = "n" + QByteArray::number(i);
        Agnode_t* node = agnode(g, const_cast<char*>(name.constData()), 1);
        set(node, "shape", "box");
        set(node, "fixedsize", "true");
        set(node, "label", "");
        set(node, "width", inches(input.nodeSizes[static_cast<size_t>(i)].width()));
        set(node, "height", inches(input.nodeSizes[static_cast<size_t>(i)].height()));
        nodes[static_cast<size_t>(i)] = node;
    }
    std::vector<Agedge_t*> edges(input.edges.size(), nullptr);
    for (size_t i = 0; i < input.edges.size(); ++i) {
        const QByteArray name = "e" + QByteArray::number(static_cast<qulonglong>(i));
        Agedge_t* e =
            agedge(g, nodes[static_cast<size_t>(input.edges[i].first)],
                   nodes[static_cast<size_t>(input.edges[i].second)], const_cast<char*>(name.constData()), 1);
        // We draw our own arrowheads, so the spline runs all the way to the node border.
        set(e, "dir", "none");
        if (back[i])
            set(e, "constraint", "false");
        edges[i] = e;
    }

    if (gvLayout(context, g, "dot") != 0) {
        agclose(g);
        if (error)
            *error = QStringLiteral("Graphviz dot layout failed (%1 nodes, %2 edges)")
                         .arg(n)
                         .arg(input.edges.size());
        return false;
    }

    const boxf bb = GD_bb(g);
    // Graphviz has y up with the origin at the bottom-left of bb; we want y down from (0,0).
    auto toScene = [&](pointf p) { return QPointF(p.x - bb.LL.x, bb.UR.y - p.y); };
    output.positions.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const QSizeF size = input.nodeSizes[static_cast<size_t>(i)];
        const QPointF centre = toScene(ND_coord(nodes[static_cast<size_t>(i)]));
        output.positions[static_cast<size_t>(i)] = centre - QPointF(size.width() / 2, size.height() / 2);
    }
    output.edges.assign(input.edges.size(), LayoutEdgeRoute{});
    for (size_t i = 0; i < edges.size(); ++i) {
        const splines* spl = ED_spl(edges[i]);
        LayoutEdgeRoute& route = output.edges[i];
        if (!spl || spl->size < 1 || spl->list[0].size < 4)
            continue;
        const bezier& bz = spl->list[0];
        route.bezier = true;
        for (int k = 0; k < bz.size; ++k)
            route.points << toScene(bz.list[k]);
    }
    output.size = QSizeF(bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    gvFreeLayout(context, g);
    agclose(g);
    return true;
}

bool graphvizAvailable() {
    return true;
}

#else

bool GraphvizLayout::calculate(const LayoutInput& input, LayoutOutput& output, QString* error) const {
    // Built without Graphviz: behave like the fallback so callers need no special case.
    return LayeredLayout().calculate(input, output, error);
}

bool graphvizAvailable() {
    return false;
}

#endif

std::unique_ptr<GraphLayout> makeDefaultLayout() {
    if (graphvizAvailable())
        return std::make_unique<GraphvizLayout>();
    return std::make_unique<LayeredLayout>();
}

} // namespace onnxscope
