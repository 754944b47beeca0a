// The user's breakpoints: on single nodes, on every node of an op type, and on every node under
// a name scope. Resolved against the plan into the set of node indices the executor stops
// before, and against the display graph into the boxes that show a breakpoint mark.
#pragma once

#include "debug_types.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <set>

namespace onnxscope {

class DisplayGraph;
class PlanNodeMap;

class BreakpointSet {
public:
    bool isEmpty() const { return m_nodes.isEmpty() && m_opTypes.isEmpty() && m_scopes.isEmpty(); }
    void clear();
    // Toggles the breakpoint on a display node; returns whether it is now set.
    bool toggleNode(int displayNode);
    bool hasNode(int displayNode) const { return m_nodes.contains(displayNode); }
    bool toggleOpType(const QString& opType);
    bool toggleScope(const QString& scope); // "encoder/layer.3"
    const QSet<QString>& opTypes() const { return m_opTypes; }
    const QSet<QString>& scopes() const { return m_scopes; }

    // Plan indices to stop before (the first planned node of each display node).
    std::set<int> planNodes(const PlanSummary& plan, const PlanNodeMap& map, const DisplayGraph& graph) const;
    // Display nodes that carry a breakpoint, directly or through their op type or scope.
    QSet<int> displayNodes(const PlanSummary& plan, const PlanNodeMap& map, const DisplayGraph& graph) const;

private:
    bool matchesDisplay(int displayNode, const DisplayGraph& graph) const;

    QSet<int> m_nodes; // display nodes of the main graph
    QSet<QString> m_opTypes;
    QSet<QString> m_scopes;
};

// "encoder/layer.3" for a node under /encoder/layer.3/...; empty at the top level.
QString scopePath(const QStringList& scope);

} // namespace onnxscope
