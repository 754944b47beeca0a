#include "graph_index.h"

#include <onnx/onnx_pb.h>

namespace onnxscope {

GraphIndex::GraphIndex(const onnx::GraphProto& graph, const GraphIndex* parent)
    : m_graph(&graph)
    , m_parent(parent) {
    const int nodes = graph.node_size();
    m_values.reserve(static_cast<size_t>(graph.input_size() + graph.initializer_size() + nodes * 2));
    m_valueByName.reserve(m_values.capacity());
    m_nodeByName.reserve(static_cast<size_t>(nodes));

    for (const auto& init : graph.initializer())
        entry(init.name()).initializer = &init;
    for (const auto& in : graph.input()) {
        ValueEntry& e = entry(in.name());
        e.isGraphInput = true;
        e.declared = &in;
    }
    for (int i = 0; i < nodes; ++i) {
        const onnx::NodeProto& n = graph.node(i);
        if (!n.name().empty())
            m_nodeByName.try_emplace(n.name(), i);
        for (int o = 0; o < n.output_size(); ++o) {
            if (n.output(o).empty())
                continue;
            ValueEntry& e = entry(n.output(o));
            e.producer = i;
            e.producerOutput = o;
        }
    }
    for (int i = 0; i < nodes; ++i) {
        const onnx::NodeProto& n = graph.node(i);
        for (const std::string& in : n.input()) {
            if (in.empty())
                continue;
            entry(in).consumers.push_back(i);
        }
    }
    for (const auto& out : graph.output()) {
        ValueEntry& e = entry(out.name());
        e.isGraphOutput = true;
        if (!e.declared)
            e.declared = &out;
    }
    for (const auto& vi : graph.value_info()) {
        auto it = m_valueByName.find(vi.name());
        if (it != m_valueByName.end() && !m_values[it->second].declared)
            m_values[it->second].declared = &vi;
    }
    // Values used but defined nowhere in this graph come from an enclosing scope.
    for (ValueEntry& e : m_values)
        if (e.producer < 0 && !e.isGraphInput && !e.initializer && m_parent)
            e.isOuterScope = true;

    for (int i = 0; i < nodes; ++i) {
        for (const auto& attr : graph.node(i).attribute()) {
            if (attr.has_g())
                m_subgraphs.push_back({i, attr.name(), std::make_unique<GraphIndex>(attr.g(), this)});
            for (const auto& g : attr.graphs())
                m_subgraphs.push_back({i, attr.name(), std::make_unique<GraphIndex>(g, this)});
        }
    }
}

GraphIndex::~GraphIndex() = default;

ValueEntry& GraphIndex::entry(std::string_view name) {
    auto [it, inserted] = m_valueByName.try_emplace(name, static_cast<int>(m_values.size()));
    if (inserted) {
        m_values.emplace_back();
        m_values.back().name = name;
    }
    return m_values[static_cast<size_t>(it->second)];
}

int GraphIndex::depth() const {
    return m_parent ? m_parent->depth() + 1 : 0;
}
int GraphIndex::nodeCount() const {
    return m_graph->node_size();
}
const onnx::NodeProto& GraphIndex::node(int index) const {
    return m_graph->node(index);
}

int GraphIndex::findNode(std::string_view name) const {
    auto it = m_nodeByName.find(name);
    return it == m_nodeByName.end() ? -1 : it->second;
}

const ValueEntry* GraphIndex::value(std::string_view name) const {
    auto it = m_valueByName.find(name);
    return it == m_valueByName.end() ? nullptr : &m_values[static_cast<size_t>(it->second)];
}

const ValueEntry* GraphIndex::resolve(std::string_view name, const GraphIndex** owner) const {
    for (const GraphIndex* g = this; g; g = g->m_parent) {
        const ValueEntry* e = g->value(name);
        if (e && !e->isOuterScope) {
            if (owner)
                *owner = g;
            return e;
        }
    }
    return nullptr;
}

std::vector<const SubgraphEntry*> GraphIndex::subgraphsOf(int node) const {
    std::vector<const SubgraphEntry*> found;
    for (const SubgraphEntry& s : m_subgraphs)
        if (s.node == node)
            found.push_back(&s);
    return found;
}

int GraphIndex::totalNodeCount() const {
    int total = nodeCount();
    for (const SubgraphEntry& s : m_subgraphs)
        total += s.index->totalNodeCount();
    return total;
}

void GraphIndex::attachInferred(const onnx::GraphProto& inferred) {
    auto attach = [this](const onnx::ValueInfoProto& vi) {
        auto it = m_valueByName.find(vi.name());
        if (it != m_valueByName.end())
            m_values[static_cast<size_t>(it->second)].inferred = &vi;
    };
    for (const auto& vi : inferred.value_info())
        attach(vi);
    for (const auto& vi : inferred.output())
        attach(vi);
    // Same structure: subgraphs appear in the same node/attribute order.
    size_t k = 0;
    for (int i = 0; i < inferred.node_size() && k < m_subgraphs.size(); ++i) {
        for (const auto& attr : inferred.node(i).attribute()) {
            if (attr.has_g() && k < m_subgraphs.size())
                m_subgraphs[k++].index->attachInferred(attr.g());
            for (const auto& g : attr.graphs())
                if (k < m_subgraphs.size())
                    m_subgraphs[k++].index->attachInferred(g);
        }
    }
}

ModelIndex::ModelIndex(const onnx::ModelProto& model)
    : m_model(&model)
    , m_main(std::make_unique<GraphIndex>(model.graph())) {
    for (const auto& opset : model.opset_import())
        m_opsets[opset.domain() == "ai.onnx" ? std::string() : opset.domain()] =
            static_cast<int>(opset.version());
    for (const auto& f : model.functions())
        m_functions[f.domain() + '\n' + f.name()] = &f;
}

ModelIndex::~ModelIndex() = default;

int ModelIndex::opsetVersion(std::string_view domain) const {
    auto it = m_opsets.find(std::string(domain == "ai.onnx" ? std::string_view() : domain));
    return it == m_opsets.end() ? 0 : it->second;
}

const onnx::FunctionProto* ModelIndex::function(std::string_view domain, std::string_view name) const {
    auto it = m_functions.find(std::string(domain) + '\n' + std::string(name));
    return it == m_functions.end() ? nullptr : it->second;
}

} // namespace onnxscope
