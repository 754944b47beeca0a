#include "plan_node_map.h"

#include "views/display_graph.h"

#include <algorithm>

namespace onnxscope {

PlanNodeMap::PlanNodeMap(const PlanSummary& plan, const DisplayGraph& graph) {
    const auto& nodes = graph.nodes();
    int protoCount = 0;
    for (const DisplayNode& n : nodes)
        protoCount = std::max(protoCount, n.protoIndex + 1);
    std::vector<int> byProto(static_cast<size_t>(protoCount), -1);
    for (size_t d = 0; d < nodes.size(); ++d)
        if (nodes[d].protoIndex >= 0 && nodes[d].protoIndex < static_cast<int>(byProto.size()))
            byProto[static_cast<size_t>(nodes[d].protoIndex)] = static_cast<int>(d);
    m_plan.assign(nodes.size(), {});
    m_display.assign(plan.nodes.size(), -1);
    for (size_t p = 0; p < plan.nodes.size(); ++p) {
        const PlanNodeInfo& info = plan.nodes[p];
        int display = info.sourceIndex >= 0 && info.sourceIndex < static_cast<int>(byProto.size())
                          ? byProto[static_cast<size_t>(info.sourceIndex)]
                          : -1;
        // A folded Constant: the box that shows it is its (only) consumer.
        if (display < 0 && !info.outputs.isEmpty()) {
            const int tensor = graph.tensorIndex(info.outputs.front());
            if (tensor >= 0 && !graph.tensors()[static_cast<size_t>(tensor)].consumers.empty())
                display = graph.tensors()[static_cast<size_t>(tensor)].consumers.front();
        }
        if (display < 0 || display >= static_cast<int>(nodes.size()))
            continue;
        m_display[p] = display;
        m_plan[static_cast<size_t>(display)].push_back(static_cast<int>(p));
    }
}

int PlanNodeMap::displayNode(int planIndex) const {
    return planIndex >= 0 && planIndex < planCount() ? m_display[static_cast<size_t>(planIndex)] : -1;
}

const std::vector<int>& PlanNodeMap::planNodes(int displayNode) const {
    static const std::vector<int> none;
    return displayNode >= 0 && displayNode < static_cast<int>(m_plan.size())
               ? m_plan[static_cast<size_t>(displayNode)]
               : none;
}

int PlanNodeMap::lastPlanNode(int displayNode) const {
    const auto& list = planNodes(displayNode);
    return list.empty() ? -1 : list.back();
}

} // namespace onnxscope
