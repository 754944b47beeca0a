// Information painted over the graph: a fill colour, a short badge ("1.2 ms") and marks per
// display node, and a heat scale with its legend. The debugger uses it for the current,
// executed, breakpoint and failing nodes and the profile heat map; a comparison view colours
// nodes by error through the same calls.
//
// An overlay is a plain value built on the UI thread and handed to GraphView::setOverlay. Nodes
// carrying a number (setValue) are coloured on the overlay's heat scale; closed blocks show the
// sum of their children's numbers and the union of their marks.
#pragma once

#include <QColor>
#include <QFlags>
#include <QHash>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace onnxscope {

class BlockTree;

enum class NodeMark {
    None = 0,
    Current = 1,    // the node the debugger stopped before
    Executed = 2,   // has run in the current pass
    Breakpoint = 4, // execution stops before it
    Error = 8,      // failed; the entry's message says why
};
Q_DECLARE_FLAGS(NodeMarks, NodeMark)
Q_DECLARE_OPERATORS_FOR_FLAGS(NodeMarks)

// Maps numbers to colours from cool to hot, linearly or logarithmically between min and max.
struct HeatScale {
    double min = 0, max = 1;
    bool logarithmic = false;
    QString title; // "Node time"
    // Text for a number on this scale ("1.2 ms"); plain %g when unset.
    std::function<QString(double)> format;

    double position(double value) const; // 0..1
    QColor color(double value) const;
    static QColor colorAt(double position); // the gradient itself
    QString text(double value) const;
};

struct NodeOverlayEntry {
    NodeMarks marks;
    std::optional<double> value; // placed on the heat scale, summed into closed blocks
    std::optional<QColor> fill;  // explicit colour; wins over the heat colour
    QString badge;               // short text in a corner; derived from value when empty
    QString message;             // tooltip addition (an error message, a comparison summary)
};

class NodeOverlay {
public:
    bool isEmpty() const { return m_entries.isEmpty() && !m_hasScale; }
    void clear();

    const NodeOverlayEntry* entry(int node) const;
    NodeOverlayEntry& entryFor(int node) { return m_entries[node]; }
    void setMarks(int node, NodeMarks marks);
    void addMark(int node, NodeMark mark);
    void removeMark(int node, NodeMark mark);
    void clearMark(NodeMark mark); // from every node
    void setValue(int node, double value);
    void clearValues();
    void setFill(int node, const QColor& color);
    void setBadge(int node, const QString& text);
    void setMessage(int node, const QString& text);
    const QHash<int, NodeOverlayEntry>& entries() const { return m_entries; }

    // Without a scale values still sum into blocks and show as badges, but nothing is coloured.
    void setScale(const HeatScale& scale);
    void clearScale() { m_hasScale = false; }
    bool hasScale() const { return m_hasScale; }
    const HeatScale& scale() const { return m_scale; }
    // A scale from the smallest positive to the largest value present.
    void fitScale();

    // What a node shows: its colour (explicit fill, else heat colour) and badge text.
    std::optional<QColor> fillColor(const NodeOverlayEntry& entry) const;
    QString badgeText(const NodeOverlayEntry& entry) const;

    // Per block of tree (over display nodes 0..nodeCount-1): summed values (nullopt where no child has one)
    // and merged marks.
    struct BlockSummary {
        std::optional<double> value;
        NodeMarks marks;
    };
    std::vector<BlockSummary> summarizeBlocks(const BlockTree& tree, int nodeCount) const;

private:
    QHash<int, NodeOverlayEntry> m_entries;
    HeatScale m_scale;
    bool m_hasScale = false;
};

// The colours the marks are drawn in, shared by the graph items and the legend.
QColor markColor(NodeMark mark);

} // namespace onnxscope
