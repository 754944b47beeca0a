// Which box of the graph view stands for each planned node, and back.
//
// The planner runs graph.node in topological order and may inline a function call into several
// planned nodes (all with the call's sourceIndex); the display graph shows each graph.node once,
// except single-use Constants, which are folded into their consumer. So a display node maps to
// zero or more planned nodes, and a planned node to at most one display node.
#pragma once

#include "debug_types.h"

#include <vector>

namespace onnxscope {

class DisplayGraph;

class PlanNodeMap {
public:
    PlanNodeMap() = default;
    PlanNodeMap(const PlanSummary& plan, const DisplayGraph& graph);

    int planCount() const { return static_cast<int>(m_display.size()); }
    int displayNode(int planIndex) const;                     // -1 when no box stands for it
    const std::vector<int>& planNodes(int displayNode) const; // in execution order
    // The planned node that completes a display node (the last one of an inlined call), or -1.
    int lastPlanNode(int displayNode) const;

private:
    std::vector<int> m_display;           // per planned node
    std::vector<std::vector<int>> m_plan; // per display node
};

} // namespace onnxscope
