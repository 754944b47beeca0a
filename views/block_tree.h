// The block hierarchy that makes big graphs tractable: nodes grouped by name scope
// ("/encoder/layer.3/attention/MatMul" -> encoder > layer.3 > attention), with long runs of
// unscoped nodes cut into chunks so no block holds more than a few dozen items.
//
// Each block gets a structure signature: equal signatures mean equal contents (op types, key
// attributes, box sizes, internal wiring, child signatures), so a layout computed for one
// "layer.N" can be reused for every other one.
#pragma once

#include <QSizeF>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace onnxscope {

class DisplayGraph;

// One thing placed directly inside a block: a display node or a child block.
struct BlockItem {
    bool isBlock = false;
    int id = -1;
};

// A display edge as seen from the innermost block holding both ends: between two of its items.
struct BlockItemEdge {
    int from = -1; // index into Block::items
    int to = -1;
    int edge = -1; // index into DisplayGraph::edges
};

struct Block {
    int parent = -1; // -1 for the root (block 0)
    QString name;    // "layer.3", or "nodes 51–100" for a chunk
    QString path;    // "encoder/layer.3"
    int depth = 0;
    std::vector<int> childBlocks;
    std::vector<int> nodes;               // display nodes placed directly in this block
    int totalNodes = 0;                   // operators in the whole subtree
    int firstNode = 0;                    // smallest display node in the subtree (for ordering)
    std::vector<BlockItem> items;         // nodes and child blocks in topological order
    std::vector<BlockItemEdge> itemEdges; // display edges between two different items
    uint64_t signature = 0;
};

class BlockTree {
public:
    // maxItems bounds the direct children (nodes + child blocks) of every block; larger sets are
    // chunked in topological order.
    static std::shared_ptr<const BlockTree> build(const DisplayGraph& graph,
                                                  const std::vector<QSizeF>& nodeSizes, int maxItems = 48);

    const std::vector<Block>& blocks() const { return m_blocks; }
    const Block& block(int id) const { return m_blocks[static_cast<size_t>(id)]; }
    int blockOfNode(int node) const { return m_nodeBlock[static_cast<size_t>(node)]; }
    // Ancestor chain of a node's block, outermost (root) first.
    std::vector<int> ancestors(int node) const;
    bool isAncestor(int ancestor, int block) const;
    int maxDepth() const;

private:
    void chunk(int block, int maxItems);
    void computeSummaries(const DisplayGraph& graph, const std::vector<QSizeF>& nodeSizes);

    std::vector<Block> m_blocks;
    std::vector<int> m_nodeBlock;
};

} // namespace onnxscope
