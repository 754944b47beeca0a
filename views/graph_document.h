// Everything the graph view needs about one graph, prepared once on load: the display graph,
// the box sizes measured with the view's fonts, the block hierarchy and the layout cache.
//
// Shared (read-only apart from the locked cache) between the UI thread, layout workers and the
// CLI; the fonts are only touched here, on the thread that creates the document.
#pragma once

#include "block_layout.h"
#include "block_tree.h"
#include "display_graph.h"

#include <QFont>
#include <QStringList>

#include <memory>

namespace onnxscope {

struct NodeText {
    QString title;     // op type, or the tensor name for graph inputs/outputs
    QStringList lines; // key attributes, folded constants, or type/shape for inputs/outputs
};

NodeText nodeText(const DisplayGraph& graph, int node);
QString blockTitle(const BlockTree& tree, int block);    // "layer.3"
QString blockSubtitle(const BlockTree& tree, int block); // "42 nodes"

struct GraphFonts {
    QFont title;
    QFont body;
    static GraphFonts standard();
};

struct GraphDocument {
    std::shared_ptr<const DisplayGraph> graph;
    std::shared_ptr<const BlockTree> tree;
    std::shared_ptr<const BlockMetrics> metrics;
    std::shared_ptr<BlockLayoutCache> cache;

    // Measures with Qt fonts when a QGuiApplication exists, else with a fixed per-character
    // estimate (so the CLI also works with a bare QCoreApplication).
    static std::shared_ptr<GraphDocument> create(std::shared_ptr<const DisplayGraph> graph,
                                                 int maxBlockItems = 48);
    BlockLayouter layouter(LayoutEngineChoice engine = LayoutEngineChoice::Auto) const;
};

} // namespace onnxscope
