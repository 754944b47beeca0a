#include "breakpoint_set.h"

#include "plan_node_map.h"
#include "views/display_graph.h"

namespace onnxscope {

namespace {

bool toggle(QSet<QString>& set, const QString& key) {
    if (set.remove(key))
        return false;
    set.insert(key);
    return true;
}

} // namespace

QString scopePath(const QStringList& scope) {
    return scope.join(QLatin1Char('/'));
}

void BreakpointSet::clear() {
    m_nodes.clear();
    m_opTypes.clear();
    m_scopes.clear();
}

bool BreakpointSet::toggleNode(int displayNode) {
    if (m_nodes.remove(displayNode))
        return false;
    m_nodes.insert(displayNode);
    return true;
}

bool BreakpointSet::toggleOpType(const QString& opType) {
    return toggle(m_opTypes, opType);
}

bool BreakpointSet::toggleScope(const QString& scope) {
    return toggle(m_scopes, scope);
}

bool BreakpointSet::matchesDisplay(int displayNode, const DisplayGraph& graph) const {
    if (m_nodes.contains(displayNode))
        return true;
    if (displayNode < 0 || displayNode >= static_cast<int>(graph.nodes().size()))
        return false;
    const DisplayNode& node = graph.nodes()[static_cast<size_t>(displayNode)];
    if (node.kind != DisplayNodeKind::Operator)
        return false;
    if (m_opTypes.contains(node.opType))
        return true;
    const QString path = scopePath(node.scope);
    for (const QString& scope : m_scopes)
        if (path == scope || path.startsWith(scope + QLatin1Char('/')))
            return true;
    return false;
}

std::set<int> BreakpointSet::planNodes(const PlanSummary& plan, const PlanNodeMap& map,
                                       const DisplayGraph& graph) const {
    std::set<int> out;
    for (int p = 0; p < static_cast<int>(plan.nodes.size()); ++p) {
        const int display = map.displayNode(p);
        if (display >= 0) {
            // Stop before the first planned node of a box (an inlined call runs as several).
            if (matchesDisplay(display, graph) && map.planNodes(display).front() == p)
                out.insert(p);
        } else if (m_opTypes.contains(plan.nodes[static_cast<size_t>(p)].opType)) {
            out.insert(p);
        }
    }
    return out;
}

QSet<int> BreakpointSet::displayNodes(const PlanSummary& plan, const PlanNodeMap& map,
                                      const DisplayGraph& graph) const {
    QSet<int> out;
    for (int p = 0; p < static_cast<int>(plan.nodes.size()); ++p) {
        const int display = map.displayNode(p);
        if (display >= 0 && matchesDisplay(display, graph))
            out.insert(display);
    }
    return out;
}

} // namespace onnxscope
