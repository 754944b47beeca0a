// Lays out a graph block by block and composes the result into one scene.
//
// Each expanded block is laid out on its own (its direct nodes, its collapsed child blocks as
// single boxes, its expanded child blocks as boxes of their own laid-out size), so every engine
// run stays small. Layouts are cached by (structure signature, expansion state below), so the
// 24 identical layers of a transformer cost one run. Composition translates the block layouts
// into place and extends edges that enter expanded blocks to the node they really reach.
//
// Thread-safe to run on a worker: inputs are immutable shared data and the cache locks.
#pragma once

#include "graph_layout.h"

#include <QHash>
#include <QPolygonF>
#include <QRectF>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace onnxscope {

class BlockTree;
class DisplayGraph;

struct SceneNode {
    int node = -1;
    QRectF rect;
};

struct SceneBlock {
    int block = -1;
    QRectF rect;
    bool expanded = false;
};

struct SceneEdge {
    QPolygonF points; // polyline, or cubic Bézier chain when `bezier`
    bool bezier = false;
    int tensor = -1;    // the tensor of the first display edge it stands for
    int edgeCount = 1;  // display edges merged into this one (edges into a collapsed block)
    int fromNode = -1;  // visible source: a display node, or -1 when fromBlock is set
    int fromBlock = -1; // visible source when it is a collapsed block
    int toNode = -1;
    int toBlock = -1;
};

struct SceneLayout {
    std::vector<SceneNode> nodes;
    std::vector<SceneBlock> blocks;
    std::vector<SceneEdge> edges;
    QRectF bounds;
    int engineRuns = 0;    // block layouts computed in this composition
    int reusedLayouts = 0; // block layouts taken from the cache or a repeated block
    QString engine;
};

enum class LayoutEngineChoice { Auto, Graphviz, Layered };

struct BlockMetrics {
    std::vector<QSizeF> nodeSizes;       // per display node
    std::vector<QSizeF> collapsedSizes;  // per block, as a closed box
    std::vector<double> openTitleWidths; // per block, the width its open header's text needs
    double headerHeight = 22;            // title strip of an open block
    double padding = 10;

    // An open block around content of size inner: padded, below its header, and never narrower
    // than its header's text.
    QSizeF openSize(int block, QSizeF inner) const;
};

class BlockLayoutCache {
public:
    struct Local {
        QSizeF size;
        std::vector<QPointF> itemPositions;
        std::vector<std::pair<int, int>> pairs; // unique (from item, to item)
        std::vector<LayoutEdgeRoute> routes;    // parallel to pairs
    };
    std::shared_ptr<const Local> find(uint64_t signature, uint64_t state) const;
    void insert(uint64_t signature, uint64_t state, std::shared_ptr<const Local> layout);

private:
    mutable std::mutex m_mutex;
    std::map<std::pair<uint64_t, uint64_t>, std::shared_ptr<const Local>> m_layouts;
};

class BlockLayouter {
public:
    BlockLayouter(std::shared_ptr<const DisplayGraph> graph, std::shared_ptr<const BlockTree> tree,
                  std::shared_ptr<const BlockMetrics> metrics, std::shared_ptr<BlockLayoutCache> cache,
                  LayoutEngineChoice engine = LayoutEngineChoice::Auto);

    // expanded[b] says whether block b is open; the root is always open. Returns false when
    // cancelled() turned true part-way (the result is then incomplete).
    bool compose(const std::vector<bool>& expanded, SceneLayout& out,
                 const std::function<bool()>& cancelled = {},
                 const std::function<void(int done, int total)>& progress = {}) const;

private:
    struct Job;
    std::shared_ptr<const BlockLayoutCache::Local> layoutBlock(int block, Job& job, uint64_t* state) const;

    std::shared_ptr<const DisplayGraph> m_graph;
    std::shared_ptr<const BlockTree> m_tree;
    std::shared_ptr<const BlockMetrics> m_metrics;
    std::shared_ptr<BlockLayoutCache> m_cache;
    LayoutEngineChoice m_engine;
};

// Opens blocks level by level while the number of visible boxes stays within budget, so a big
// model first shows a view that lays out in well under a second.
std::vector<bool> initialExpansion(const BlockTree& tree, int budget = 300);
std::vector<bool> fullExpansion(const BlockTree& tree);
// Opens every ancestor of a node so it becomes visible; returns whether anything changed.
bool revealNode(const BlockTree& tree, int node, std::vector<bool>& expanded);

} // namespace onnxscope
