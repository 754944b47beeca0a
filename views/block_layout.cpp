#include "block_layout.h"

#include "block_tree.h"
#include "display_graph.h"
#include "graphviz_layout.h"
#include "layered_layout.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace onnxscope {

QSizeF BlockMetrics::openSize(int block, QSizeF inner) const {
    const double title = block >= 0 && block < static_cast<int>(openTitleWidths.size())
                             ? openTitleWidths[static_cast<size_t>(block)]
                             : 0.0;
    return QSizeF(std::max(inner.width() + 2 * padding, title), inner.height() + headerHeight + 2 * padding);
}

std::shared_ptr<const BlockLayoutCache::Local> BlockLayoutCache::find(uint64_t signature,
                                                                      uint64_t state) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_layouts.find({signature, state});
    return it == m_layouts.end() ? nullptr : it->second;
}

void BlockLayoutCache::insert(uint64_t signature, uint64_t state, std::shared_ptr<const Local> layout) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_layouts[{signature, state}] = std::move(layout);
}

struct BlockLayouter::Job {
    Job(const std::vector<bool>& e, const std::function<bool()>& c, const std::function<void(int, int)>& p)
        : expanded(e)
        , cancelled(c)
        , progress(p) {}
    const std::vector<bool>& expanded;
    const std::function<bool()>& cancelled;
    const std::function<void(int, int)>& progress;
    int done = 0;
    int total = 0;
    int runs = 0;
    int reused = 0;
    bool stopped = false;
    QString engineName;
    std::vector<std::shared_ptr<const BlockLayoutCache::Local>> locals; // per block, when open
};

BlockLayouter::BlockLayouter(std::shared_ptr<const DisplayGraph> graph, std::shared_ptr<const BlockTree> tree,
                             std::shared_ptr<const BlockMetrics> metrics,
                             std::shared_ptr<BlockLayoutCache> cache, LayoutEngineChoice engine)
    : m_graph(std::move(graph))
    , m_tree(std::move(tree))
    , m_metrics(std::move(metrics))
    , m_cache(std::move(cache))
    , m_engine(engine) {}

namespace {

uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
}

bool isOpen(const std::vector<bool>& expanded, int block) {
    return block == 0 ||
           (static_cast<size_t>(block) < expanded.size() && expanded[static_cast<size_t>(block)]);
}

void appendSegment(QPolygonF& pts, bool bezier, QPointF from, QPointF to) {
    if (bezier)
        pts << from + (to - from) / 3 << from + (to - from) * 2 / 3;
    pts << to;
}

// Inside an open block, from the point where an edge meets its frame to the node it ends at
// (entering) or back (leaving; the points come out in drawing order either way). When other
// nodes may lie between frame and node, the path keeps to the block's padding, between frame and
// content, down to the node's middle and meets the node from the side, instead of cutting
// straight across the nodes in between.
// levels counts the open blocks from the frame's down to the one holding the node: their margins
// are all that lies between frame and node when the node is the first (or last) inside. Beyond
// those, a layout's own border stays well under a rank separation (36) plus a node's height,
// which is what another node in between would add.
void appendInsideFrame(QPolygonF& pts, bool bezier, QPointF framePoint, const QRectF& frame,
                       const QRectF& node, bool entering, int levels, const BlockMetrics& m) {
    const double slack = 30;
    const bool nearEdge = entering ? node.top() - frame.top() <= levels * (m.headerHeight + m.padding) + slack
                                   : frame.bottom() - node.bottom() <= levels * m.padding + slack;
    const QPointF nodeEnd =
        entering ? QPointF(node.center().x(), node.top()) : QPointF(node.center().x(), node.bottom());
    if (nearEdge) {
        if (entering) {
            appendSegment(pts, bezier, framePoint, nodeEnd);
        } else {
            pts << nodeEnd;
            appendSegment(pts, bezier, nodeEnd, framePoint);
        }
        return;
    }
    const bool left = node.center().x() - frame.left() <= frame.right() - node.center().x();
    const double channel = left ? frame.left() + m.padding / 2 : frame.right() - m.padding / 2;
    const QPointF side(left ? node.left() : node.right(), node.center().y());
    const QPointF level(channel, node.center().y());
    if (entering) {
        const QPointF below(channel, frame.top() + m.headerHeight);
        appendSegment(pts, bezier, framePoint, below);
        appendSegment(pts, bezier, below, level);
        appendSegment(pts, bezier, level, side);
    } else {
        const QPointF above(channel, frame.bottom() - m.padding / 2);
        pts << side;
        appendSegment(pts, bezier, side, level);
        appendSegment(pts, bezier, level, above);
        appendSegment(pts, bezier, above, framePoint);
    }
}

} // namespace

std::shared_ptr<const BlockLayoutCache::Local> BlockLayouter::layoutBlock(int blockId, Job& job,
                                                                          uint64_t* state) const {
    const Block& block = m_tree->block(blockId);
    const BlockMetrics& m = *m_metrics;
    std::vector<QSizeF> sizes;
    uint64_t subState = 0x51;
    for (const BlockItem& item : block.items) {
        if (!item.isBlock) {
            sizes.push_back(m.nodeSizes[static_cast<size_t>(item.id)]);
            subState = mix(subState, 1);
            continue;
        }
        if (!isOpen(job.expanded, item.id)) {
            sizes.push_back(m.collapsedSizes[static_cast<size_t>(item.id)]);
            subState = mix(subState, 2);
            continue;
        }
        uint64_t childState = 0;
        auto child = layoutBlock(item.id, job, &childState);
        if (!child)
            return nullptr;
        const QSizeF open = m.openSize(item.id, child->size);
        sizes.push_back(open);
        // Blocks alike inside may differ in title width, and with it in size.
        subState = mix(mix(mix(subState, 3), childState), static_cast<uint64_t>(std::lround(open.width())));
    }
    *state = subState;
    if (job.cancelled && job.cancelled()) {
        job.stopped = true;
        return nullptr;
    }

    std::shared_ptr<const BlockLayoutCache::Local> local = m_cache->find(block.signature, subState);
    if (local) {
        ++job.reused;
    } else {
        auto fresh = std::make_shared<BlockLayoutCache::Local>();
        std::map<std::pair<int, int>, int> pairIndex;
        for (const BlockItemEdge& e : block.itemEdges)
            pairIndex.try_emplace({e.from, e.to}, 0);
        LayoutInput input;
        input.nodeSizes = sizes;
        for (auto& [pair, index] : pairIndex) {
            index = static_cast<int>(fresh->pairs.size());
            fresh->pairs.push_back(pair);
            input.edges.push_back(pair);
        }
        LayoutOutput output;
        QString error;
        bool ok = false;
        // dot is superlinear (about 1 s at 1.3k boxes); past this size a block (only possible
        // with a large maxBlockItems) goes to the layered engine instead.
        constexpr size_t kGraphvizMaxItems = 600;
        if (m_engine != LayoutEngineChoice::Layered && graphvizAvailable() &&
            (m_engine == LayoutEngineChoice::Graphviz || sizes.size() <= kGraphvizMaxItems)) {
            ok = GraphvizLayout().calculate(input, output, &error);
            if (ok)
                job.engineName = QStringLiteral("graphviz-dot");
        }
        if (!ok) {
            ok = LayeredLayout().calculate(input, output, &error);
            if (ok && job.engineName.isEmpty())
                job.engineName = QStringLiteral("layered");
        }
        if (!ok)
            return nullptr;
        fresh->size = output.size;
        fresh->itemPositions = std::move(output.positions);
        fresh->routes = std::move(output.edges);
        m_cache->insert(block.signature, subState, fresh);
        local = fresh;
        ++job.runs;
    }
    job.locals[static_cast<size_t>(blockId)] = local;
    ++job.done;
    if (job.progress)
        job.progress(job.done, job.total);
    return local;
}

bool BlockLayouter::compose(const std::vector<bool>& expanded, SceneLayout& out,
                            const std::function<bool()>& cancelled,
                            const std::function<void(int, int)>& progress) const {
    const auto& blocks = m_tree->blocks();
    Job job(expanded, cancelled, progress);
    job.locals.resize(blocks.size());
    // Only blocks whose whole ancestor chain is open get laid out.
    for (size_t b = 0; b < blocks.size(); ++b) {
        bool visible = isOpen(expanded, static_cast<int>(b));
        for (int p = blocks[b].parent; visible && p >= 0; p = blocks[static_cast<size_t>(p)].parent)
            visible = isOpen(expanded, p);
        job.total += visible;
    }
    uint64_t rootState = 0;
    if (!layoutBlock(0, job, &rootState))
        return false;

    out = SceneLayout{};
    out.engineRuns = job.runs;
    out.reusedLayouts = job.reused;
    out.engine = job.engineName;
    const BlockMetrics& m = *m_metrics;
    const auto& graph = *m_graph;

    // Place every visible box in scene coordinates.
    std::vector<QRectF> nodeRect(graph.nodes().size());
    std::vector<QRectF> blockRect(blocks.size());
    std::vector<QPointF> contentOrigin(blocks.size());
    std::vector<int> order{0};
    for (size_t k = 0; k < order.size(); ++k) {
        const int b = order[k];
        const Block& block = blocks[static_cast<size_t>(b)];
        const auto& local = *job.locals[static_cast<size_t>(b)];
        for (size_t i = 0; i < block.items.size(); ++i) {
            const BlockItem& item = block.items[i];
            const QPointF pos = contentOrigin[static_cast<size_t>(b)] + local.itemPositions[i];
            if (!item.isBlock) {
                nodeRect[static_cast<size_t>(item.id)] =
                    QRectF(pos, m.nodeSizes[static_cast<size_t>(item.id)]);
                out.nodes.push_back(SceneNode{item.id, nodeRect[static_cast<size_t>(item.id)]});
                continue;
            }
            const bool open = isOpen(expanded, item.id);
            QSizeF size = m.collapsedSizes[static_cast<size_t>(item.id)];
            if (open) {
                const QSizeF inner = job.locals[static_cast<size_t>(item.id)]->size;
                size = m.openSize(item.id, inner);
                contentOrigin[static_cast<size_t>(item.id)] =
                    pos + QPointF((size.width() - inner.width()) / 2, m.headerHeight + m.padding);
                order.push_back(item.id);
            }
            blockRect[static_cast<size_t>(item.id)] = QRectF(pos, size);
            out.blocks.push_back(SceneBlock{item.id, blockRect[static_cast<size_t>(item.id)], open});
        }
    }

    // The outermost closed block holding a node, or -1 when the node itself is visible.
    auto closedHolder = [&](int node) {
        int holder = -1;
        for (int b : m_tree->ancestors(node))
            if (!isOpen(expanded, b)) {
                holder = b;
                break;
            }
        return holder;
    };

    // Open blocks from frame down to the block holding node (or the closed block standing for it).
    auto levelsInside = [&](int frame, int node, int holder) {
        int levels = 0;
        for (int b = holder >= 0 ? blocks[static_cast<size_t>(holder)].parent : m_tree->blockOfNode(node);
             b >= 0; b = blocks[static_cast<size_t>(b)].parent) {
            ++levels;
            if (b == frame)
                break;
        }
        return levels;
    };

    for (int b : order) {
        const Block& block = blocks[static_cast<size_t>(b)];
        const auto& local = *job.locals[static_cast<size_t>(b)];
        const QPointF origin = contentOrigin[static_cast<size_t>(b)];
        std::map<std::pair<int, int>, size_t> pairIndex;
        for (size_t p = 0; p < local.pairs.size(); ++p)
            pairIndex[local.pairs[p]] = p;
        std::map<std::pair<std::pair<int, int>, std::pair<int, int>>, size_t> merged;
        for (const BlockItemEdge& ie : block.itemEdges) {
            const DisplayEdge& de = graph.edges()[static_cast<size_t>(ie.edge)];
            const int fromHolder = closedHolder(de.from);
            const int toHolder = closedHolder(de.to);
            const auto key = std::make_pair(std::make_pair(fromHolder, fromHolder < 0 ? de.from : -1),
                                            std::make_pair(toHolder, toHolder < 0 ? de.to : -1));
            auto found = merged.find(key);
            if (found != merged.end()) {
                ++out.edges[found->second].edgeCount;
                continue;
            }
            const LayoutEdgeRoute& route = local.routes[pairIndex.at({ie.from, ie.to})];
            SceneEdge se;
            se.bezier = route.bezier;
            se.tensor = de.tensor;
            se.fromNode = fromHolder < 0 ? de.from : -1;
            se.fromBlock = fromHolder;
            se.toNode = toHolder < 0 ? de.to : -1;
            se.toBlock = toHolder;
            const QRectF src = fromHolder < 0 ? nodeRect[static_cast<size_t>(de.from)]
                                              : blockRect[static_cast<size_t>(fromHolder)];
            const QRectF dst = toHolder < 0 ? nodeRect[static_cast<size_t>(de.to)]
                                            : blockRect[static_cast<size_t>(toHolder)];
            QPolygonF route2 = route.points.translated(origin);
            if (route2.isEmpty()) // an engine gave no route: draw a straight line
                route2 << src.center() << dst.center();
            const bool fromInside = block.items[static_cast<size_t>(ie.from)].isBlock &&
                                    isOpen(expanded, block.items[static_cast<size_t>(ie.from)].id);
            const bool toInside = block.items[static_cast<size_t>(ie.to)].isBlock &&
                                  isOpen(expanded, block.items[static_cast<size_t>(ie.to)].id);
            // Edges into an open block were routed to its frame; continue them to the real node.
            if (fromInside) {
                const int frame = block.items[static_cast<size_t>(ie.from)].id;
                appendInsideFrame(se.points, se.bezier, route2.front(), blockRect[static_cast<size_t>(frame)],
                                  src, false, levelsInside(frame, de.from, fromHolder), m);
                route2.removeFirst();
            }
            se.points << route2;
            if (toInside) {
                const int frame = block.items[static_cast<size_t>(ie.to)].id;
                appendInsideFrame(se.points, se.bezier, se.points.back(),
                                  blockRect[static_cast<size_t>(frame)], dst, true,
                                  levelsInside(frame, de.to, toHolder), m);
            }
            merged[key] = out.edges.size();
            out.edges.push_back(std::move(se));
        }
    }
    const auto& root = *job.locals[0];
    out.bounds = QRectF(QPointF(0, 0), root.size);
    return true;
}

std::vector<bool> initialExpansion(const BlockTree& tree, int budget) {
    const auto& blocks = tree.blocks();
    std::vector<bool> expanded(blocks.size(), false);
    expanded[0] = true;
    int visible = static_cast<int>(blocks[0].items.size());
    std::vector<int> frontier = blocks[0].childBlocks;
    while (!frontier.empty()) {
        int extra = 0;
        std::vector<int> next;
        for (int b : frontier) {
            extra += static_cast<int>(blocks[static_cast<size_t>(b)].items.size()) - 1;
            next.insert(next.end(), blocks[static_cast<size_t>(b)].childBlocks.begin(),
                        blocks[static_cast<size_t>(b)].childBlocks.end());
        }
        if (visible + extra > budget)
            break;
        visible += extra;
        for (int b : frontier)
            expanded[static_cast<size_t>(b)] = true;
        frontier = std::move(next);
    }
    return expanded;
}

std::vector<bool> fullExpansion(const BlockTree& tree) {
    return std::vector<bool>(tree.blocks().size(), true);
}

bool revealNode(const BlockTree& tree, int node, std::vector<bool>& expanded) {
    bool changed = false;
    expanded.resize(tree.blocks().size(), false);
    for (int b : tree.ancestors(node))
        if (!expanded[static_cast<size_t>(b)]) {
            expanded[static_cast<size_t>(b)] = true;
            changed = true;
        }
    return changed;
}

} // namespace onnxscope
