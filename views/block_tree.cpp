#include "block_tree.h"
#include "display_graph.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <functional>

namespace onnxscope {

namespace {

struct Hasher {
    uint64_t h = 1469598103934665603ull;
    void add(uint64_t v) {
        for (int i = 0; i < 8; ++i) {
            h ^= (v >> (i * 8)) & 0xff;
            h *= 1099511628211ull;
        }
    }
    void add(const QString& s) {
        add(static_cast<uint64_t>(qHash(s, 0x5eed)));
        add(static_cast<uint64_t>(s.size()));
    }
};

} // namespace

std::shared_ptr<const BlockTree> BlockTree::build(const DisplayGraph& graph,
                                                  const std::vector<QSizeF>& nodeSizes, int maxItems) {
    auto tree = std::make_shared<BlockTree>();
    auto& blocks = tree->m_blocks;
    const int nodeCount = static_cast<int>(graph.nodes().size());
    blocks.push_back(Block{});
    tree->m_nodeBlock.assign(static_cast<size_t>(nodeCount), 0);

    QHash<QPair<int, QString>, int> childByName;
    for (int n = 0; n < nodeCount; ++n) {
        int current = 0;
        for (const QString& part : graph.nodes()[static_cast<size_t>(n)].scope) {
            const auto key = qMakePair(current, part);
            auto it = childByName.constFind(key);
            if (it == childByName.constEnd()) {
                Block b;
                b.parent = current;
                b.name = part;
                blocks.push_back(b);
                const int id = static_cast<int>(blocks.size()) - 1;
                blocks[static_cast<size_t>(current)].childBlocks.push_back(id);
                it = childByName.insert(key, id);
            }
            current = *it;
        }
        blocks[static_cast<size_t>(current)].nodes.push_back(n);
        tree->m_nodeBlock[static_cast<size_t>(n)] = current;
    }

    // A block holding a single node is noise, and a block holding only one child block adds a
    // level without adding grouping; fold both into their parents (children before parents).
    std::vector<bool> alive(blocks.size(), true);
    std::function<void(int)> simplify = [&](int id) {
        for (int c : std::vector<int>(blocks[static_cast<size_t>(id)].childBlocks))
            simplify(c);
        Block& b = blocks[static_cast<size_t>(id)];
        if (id == 0)
            return;
        Block& parent = blocks[static_cast<size_t>(b.parent)];
        if (b.childBlocks.empty() && b.nodes.size() <= 1) {
            for (int n : b.nodes) {
                parent.nodes.push_back(n);
                tree->m_nodeBlock[static_cast<size_t>(n)] = b.parent;
            }
            std::erase(parent.childBlocks, id);
            alive[static_cast<size_t>(id)] = false;
        } else if (b.nodes.empty() && b.childBlocks.size() == 1) {
            Block& only = blocks[static_cast<size_t>(b.childBlocks.front())];
            b.name += QLatin1Char('/') + only.name;
            b.nodes = only.nodes;
            for (int n : b.nodes)
                tree->m_nodeBlock[static_cast<size_t>(n)] = id;
            alive[static_cast<size_t>(b.childBlocks.front())] = false;
            b.childBlocks = only.childBlocks;
            for (int c : b.childBlocks)
                blocks[static_cast<size_t>(c)].parent = id;
        }
    };
    simplify(0);

    // Renumber the survivors, parents first.
    std::vector<int> remap(blocks.size(), -1);
    std::vector<Block> kept;
    std::vector<int> queue{0};
    for (size_t k = 0; k < queue.size(); ++k) {
        const int id = queue[k];
        remap[static_cast<size_t>(id)] = static_cast<int>(kept.size());
        kept.push_back(blocks[static_cast<size_t>(id)]);
        for (int c : blocks[static_cast<size_t>(id)].childBlocks)
            if (alive[static_cast<size_t>(c)])
                queue.push_back(c);
    }
    for (Block& b : kept) {
        b.parent = b.parent >= 0 ? remap[static_cast<size_t>(b.parent)] : -1;
        std::vector<int> children;
        for (int c : b.childBlocks)
            if (alive[static_cast<size_t>(c)])
                children.push_back(remap[static_cast<size_t>(c)]);
        b.childBlocks = children;
    }
    blocks = std::move(kept);
    for (int& b : tree->m_nodeBlock)
        b = remap[static_cast<size_t>(b)];

    const int original = static_cast<int>(blocks.size());
    for (int id = 0; id < original; ++id)
        tree->chunk(id, std::max(4, maxItems));
    tree->computeSummaries(graph, nodeSizes);
    return tree;
}

void BlockTree::chunk(int id, int maxItems) {
    auto firstOf = [&](const BlockItem& item) {
        if (!item.isBlock)
            return item.id;
        // Blocks are not summarised yet: find the smallest node in the subtree.
        int best = INT32_MAX;
        std::vector<int> stack{item.id};
        while (!stack.empty()) {
            const Block& b = m_blocks[static_cast<size_t>(stack.back())];
            stack.pop_back();
            for (int n : b.nodes)
                best = std::min(best, n);
            stack.insert(stack.end(), b.childBlocks.begin(), b.childBlocks.end());
        }
        return best;
    };
    std::vector<std::pair<int, BlockItem>> items;
    for (int n : m_blocks[static_cast<size_t>(id)].nodes)
        items.push_back({n, BlockItem{false, n}});
    for (int c : m_blocks[static_cast<size_t>(id)].childBlocks)
        items.push_back({firstOf(BlockItem{true, c}), BlockItem{true, c}});
    if (static_cast<int>(items.size()) <= maxItems)
        return;
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

    auto makeChunk = [&](const std::vector<std::pair<int, BlockItem>>& members, size_t number) {
        Block c;
        c.parent = id;
        const int chunkId = static_cast<int>(m_blocks.size());
        for (const auto& [first, item] : members) {
            if (item.isBlock) {
                c.childBlocks.push_back(item.id);
                m_blocks[static_cast<size_t>(item.id)].parent = chunkId;
            } else {
                c.nodes.push_back(item.id);
                m_nodeBlock[static_cast<size_t>(item.id)] = chunkId;
            }
        }
        c.name = QCoreApplication::translate("BlockTree", "part %1").arg(number);
        m_blocks.push_back(c);
        return std::make_pair(members.front().first, BlockItem{true, chunkId});
    };

    // First cut long runs of loose nodes between scoped blocks (display nodes are in topological
    // order, so a run is a stretch of the graph), leaving the scoped blocks where they are.
    std::vector<std::pair<int, BlockItem>> next;
    std::vector<std::pair<int, BlockItem>> run;
    size_t number = 0;
    auto flushRun = [&] {
        if (run.size() < 4) {
            next.insert(next.end(), run.begin(), run.end());
        } else {
            const size_t groups =
                (run.size() + static_cast<size_t>(maxItems) - 1) / static_cast<size_t>(maxItems);
            const size_t per = (run.size() + groups - 1) / groups;
            for (size_t start = 0; start < run.size(); start += per)
                next.push_back(
                    makeChunk({run.begin() + static_cast<std::ptrdiff_t>(start),
                               run.begin() + static_cast<std::ptrdiff_t>(std::min(run.size(), start + per))},
                              ++number));
        }
        run.clear();
    };
    for (const auto& entry : items) {
        if (entry.second.isBlock) {
            flushRun();
            next.push_back(entry);
        } else {
            run.push_back(entry);
        }
    }
    flushRun();
    items = std::move(next);

    // Then group whatever is still too many, repeatedly, in order.
    while (static_cast<int>(items.size()) > maxItems) {
        const size_t groups =
            (items.size() + static_cast<size_t>(maxItems) - 1) / static_cast<size_t>(maxItems);
        const size_t per = (items.size() + groups - 1) / groups;
        next.clear();
        for (size_t start = 0; start < items.size(); start += per)
            next.push_back(
                makeChunk({items.begin() + static_cast<std::ptrdiff_t>(start),
                           items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), start + per))},
                          ++number));
        items = std::move(next);
    }
    Block& b = m_blocks[static_cast<size_t>(id)];
    b.nodes.clear();
    b.childBlocks.clear();
    for (const auto& [first, item] : items)
        (item.isBlock ? b.childBlocks : b.nodes).push_back(item.id);
}

void BlockTree::computeSummaries(const DisplayGraph& graph, const std::vector<QSizeF>& nodeSizes) {
    // Pre-order so parents come before children; the summaries are filled in reverse.
    std::vector<int> order{0};
    for (size_t k = 0; k < order.size(); ++k) {
        Block& b = m_blocks[static_cast<size_t>(order[k])];
        if (b.parent >= 0) {
            const Block& p = m_blocks[static_cast<size_t>(b.parent)];
            b.depth = p.depth + 1;
            b.path = p.path.isEmpty() ? b.name : p.path + QLatin1Char('/') + b.name;
        }
        for (int c : b.childBlocks)
            order.push_back(c);
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        Block& b = m_blocks[static_cast<size_t>(*it)];
        b.totalNodes = 0;
        b.firstNode = INT32_MAX;
        std::vector<std::pair<int, BlockItem>> items;
        for (int n : b.nodes) {
            b.totalNodes += graph.nodes()[static_cast<size_t>(n)].kind == DisplayNodeKind::Operator;
            b.firstNode = std::min(b.firstNode, n);
            items.push_back({n, BlockItem{false, n}});
        }
        for (int c : b.childBlocks) {
            const Block& child = m_blocks[static_cast<size_t>(c)];
            b.totalNodes += child.totalNodes;
            b.firstNode = std::min(b.firstNode, child.firstNode);
            items.push_back({child.firstNode, BlockItem{true, c}});
        }
        std::sort(items.begin(), items.end(), [](const auto& a, const auto& c) { return a.first < c.first; });
        b.items.clear();
        for (const auto& [first, item] : items)
            b.items.push_back(item);
        b.itemEdges.clear();
    }

    // Attach each display edge to the innermost block holding both ends.
    for (int e = 0; e < static_cast<int>(graph.edges().size()); ++e) {
        const DisplayEdge& edge = graph.edges()[static_cast<size_t>(e)];
        const std::vector<int> a = ancestors(edge.from);
        const std::vector<int> c = ancestors(edge.to);
        size_t common = 0;
        while (common < a.size() && common < c.size() && a[common] == c[common])
            ++common;
        const int owner = a[common - 1];
        const BlockItem fromItem =
            common < a.size() ? BlockItem{true, a[common]} : BlockItem{false, edge.from};
        const BlockItem toItem = common < c.size() ? BlockItem{true, c[common]} : BlockItem{false, edge.to};
        Block& b = m_blocks[static_cast<size_t>(owner)];
        auto indexOf = [&](const BlockItem& item) {
            for (size_t k = 0; k < b.items.size(); ++k)
                if (b.items[k].isBlock == item.isBlock && b.items[k].id == item.id)
                    return static_cast<int>(k);
            return -1;
        };
        const int from = indexOf(fromItem);
        const int to = indexOf(toItem);
        if (from >= 0 && to >= 0 && from != to)
            b.itemEdges.push_back(BlockItemEdge{from, to, e});
    }

    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        Block& b = m_blocks[static_cast<size_t>(*it)];
        Hasher h;
        h.add(b.items.size());
        for (const BlockItem& item : b.items) {
            if (item.isBlock) {
                h.add(1);
                h.add(m_blocks[static_cast<size_t>(item.id)].signature);
                continue;
            }
            const DisplayNode& n = graph.nodes()[static_cast<size_t>(item.id)];
            h.add(static_cast<uint64_t>(n.kind));
            h.add(n.opType);
            h.add(n.domain);
            h.add(n.attributeLines.join(QLatin1Char('\n')));
            h.add(n.embeddedLines.join(QLatin1Char('\n')));
            const QSizeF s = nodeSizes[static_cast<size_t>(item.id)];
            h.add(static_cast<uint64_t>(s.width() * 4));
            h.add(static_cast<uint64_t>(s.height() * 4));
        }
        std::vector<std::pair<int, int>> pairs;
        for (const auto& e : b.itemEdges)
            pairs.push_back({e.from, e.to});
        std::sort(pairs.begin(), pairs.end());
        for (const auto& [x, y] : pairs) {
            h.add(static_cast<uint64_t>(x));
            h.add(static_cast<uint64_t>(y));
        }
        b.signature = h.h;
    }
}

std::vector<int> BlockTree::ancestors(int node) const {
    std::vector<int> chain;
    for (int b = m_nodeBlock[static_cast<size_t>(node)]; b >= 0; b = m_blocks[static_cast<size_t>(b)].parent)
        chain.push_back(b);
    std::reverse(chain.begin(), chain.end());
    return chain;
}

bool BlockTree::isAncestor(int ancestor, int block) const {
    for (int b = block; b >= 0; b = m_blocks[static_cast<size_t>(b)].parent)
        if (b == ancestor)
            return true;
    return false;
}

int BlockTree::maxDepth() const {
    int depth = 0;
    for (const Block& b : m_blocks)
        depth = std::max(depth, b.depth);
    return depth;
}

} // namespace onnxscope
