// Builds a DisplayGraph by walking the protobuf directly (one pass for types and consumers, one
// for nodes, one for edges), so the view does not depend on the executor's planning.
#include "display_graph.h"
#include "onnx_format.h"

#include <onnx/onnx_pb.h>

#include <QSet>

namespace onnxscope {

namespace {

// Attributes worth a line inside the node box; the rest go to the properties panel.
const char* const kKeyAttributes[] = {"kernel_shape", "strides", "pads", "dilations", "group",
                                      "perm",         "axis",    "axes", "to",        "mode"};

QStringList scopeOf(const std::string& name) {
    QStringList parts = QString::fromStdString(name).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!parts.isEmpty())
        parts.removeLast(); // the node's own name
    return parts;
}

} // namespace

class DisplayGraphBuilder {
public:
    explicit DisplayGraphBuilder(DisplayGraph& g)
        : m_g(g) {}

    int tensor(const std::string& name) {
        const QString qname = QString::fromStdString(name);
        auto it = m_g.m_tensorIndex.constFind(qname);
        if (it != m_g.m_tensorIndex.constEnd())
            return *it;
        const int id = static_cast<int>(m_g.m_tensors.size());
        m_g.m_tensors.push_back(DisplayTensor{});
        m_g.m_tensors.back().name = qname;
        m_g.m_tensorIndex.insert(qname, id);
        return id;
    }

    void setType(int id, const onnx::TypeProto& type) {
        DisplayTensor& t = m_g.m_tensors[static_cast<size_t>(id)];
        t.typeText = typeText(type);
        t.shapeText = shapeText(type);
    }

    void setInitializer(int id, const onnx::TensorProto* value) {
        DisplayTensor& t = m_g.m_tensors[static_cast<size_t>(id)];
        t.initializer = value;
        t.typeText = dataTypeText(value->data_type());
        t.shapeText = tensorShapeText(*value);
    }

    void run() {
        const onnx::GraphProto& graph = *m_g.m_graph;
        // Inferred first, so that what the model declares wins where both exist.
        if (m_g.m_inferred)
            for (const auto& vi : m_g.m_inferred->value_info())
                setType(tensor(vi.name()), vi.type());
        for (const auto& vi : graph.value_info())
            setType(tensor(vi.name()), vi.type());
        for (const auto& vi : graph.output())
            setType(tensor(vi.name()), vi.type());
        for (const auto& vi : graph.input())
            setType(tensor(vi.name()), vi.type());
        QSet<QString> initializerNames;
        for (const auto& init : graph.initializer()) {
            setInitializer(tensor(init.name()), &init);
            initializerNames.insert(QString::fromStdString(init.name()));
        }

        // A Constant used exactly once reads best inside its consumer, like an initializer.
        QHash<QString, int> useCount;
        for (const auto& node : graph.node())
            for (const auto& in : node.input())
                if (!in.empty())
                    ++useCount[QString::fromStdString(in)];
        for (const auto& out : graph.output())
            useCount[QString::fromStdString(out.name())] += 2;
        std::vector<bool> folded(static_cast<size_t>(graph.node_size()), false);
        for (int i = 0; i < graph.node_size(); ++i) {
            const auto& node = graph.node(i);
            if (node.op_type() != "Constant" || !node.domain().empty() || node.output_size() != 1)
                continue;
            if (useCount.value(QString::fromStdString(node.output(0))) != 1)
                continue;
            const onnx::TensorProto* value = nullptr;
            for (const auto& a : node.attribute())
                if (a.name() == "value" && a.type() == onnx::AttributeProto::TENSOR)
                    value = &a.t();
            if (!value)
                continue;
            folded[static_cast<size_t>(i)] = true;
            setInitializer(tensor(node.output(0)), value);
        }

        for (const auto& vi : graph.input()) {
            const QString name = QString::fromStdString(vi.name());
            const int t = tensor(vi.name());
            m_g.m_tensors[static_cast<size_t>(t)].isGraphInput = true;
            if (initializerNames.contains(name))
                continue;
            DisplayNode n;
            n.kind = DisplayNodeKind::GraphInput;
            n.name = name;
            n.opType = name;
            n.outputs.push_back(t);
            m_g.m_tensors[static_cast<size_t>(t)].producer = addNode(std::move(n));
        }

        for (int i = 0; i < graph.node_size(); ++i) {
            if (folded[static_cast<size_t>(i)])
                continue;
            addOperator(graph.node(i), i);
        }

        for (const auto& vi : graph.output()) {
            const int t = tensor(vi.name());
            m_g.m_tensors[static_cast<size_t>(t)].isGraphOutput = true;
            DisplayNode n;
            n.kind = DisplayNodeKind::GraphOutput;
            n.name = QString::fromStdString(vi.name());
            n.opType = n.name;
            n.inputs.push_back(t);
            const int id = addNode(std::move(n));
            m_g.m_tensors[static_cast<size_t>(t)].consumers.push_back(id);
        }

        for (int n = 0; n < static_cast<int>(m_g.m_nodes.size()); ++n) {
            const DisplayNode& node = m_g.m_nodes[static_cast<size_t>(n)];
            QSet<int> seen;
            for (int t : node.inputs) {
                if (t < 0 || seen.contains(t))
                    continue;
                seen.insert(t);
                const int producer = m_g.m_tensors[static_cast<size_t>(t)].producer;
                if (producer >= 0 && producer != n)
                    m_g.m_edges.push_back(DisplayEdge{producer, n, t});
            }
        }
    }

private:
    int addNode(DisplayNode node) {
        m_g.m_nodes.push_back(std::move(node));
        return static_cast<int>(m_g.m_nodes.size()) - 1;
    }

    void addOperator(const onnx::NodeProto& proto, int protoIndex) {
        DisplayNode n;
        n.kind = DisplayNodeKind::Operator;
        n.name = QString::fromStdString(proto.name());
        n.opType = QString::fromStdString(proto.op_type());
        n.domain = QString::fromStdString(proto.domain());
        n.protoIndex = protoIndex;
        n.scope = scopeOf(proto.name());
        for (const char* key : kKeyAttributes)
            for (const auto& a : proto.attribute())
                if (a.name() == key)
                    n.attributeLines << QStringLiteral("%1 = %2").arg(QLatin1String(key),
                                                                      attributeValueText(a, 6));
        for (const auto& a : proto.attribute())
            if (a.type() == onnx::AttributeProto::GRAPH || a.type() == onnx::AttributeProto::GRAPHS)
                n.subgraphAttributes << QString::fromStdString(a.name());
        const int id = static_cast<int>(m_g.m_nodes.size());
        const int opset = m_g.opsetFor(n.domain);
        for (int k = 0; k < proto.input_size(); ++k) {
            if (proto.input(k).empty()) {
                n.inputs.push_back(-1);
                continue;
            }
            const int t = tensor(proto.input(k));
            n.inputs.push_back(t);
            DisplayTensor& dt = m_g.m_tensors[static_cast<size_t>(t)];
            dt.consumers.push_back(id);
            if (dt.initializer && dt.producer < 0) {
                QString label = schemaInputName(n.opType, n.domain, opset, k);
                if (label.isEmpty())
                    label = dt.name.size() > 24 ? QStringLiteral("…") + dt.name.right(23) : dt.name;
                n.embeddedLines << QStringLiteral("%1 ⟨%2⟩").arg(label, dt.shapeText);
                n.embeddedTensors.push_back(t);
            }
        }
        for (const auto& out : proto.output()) {
            if (out.empty())
                continue;
            const int t = tensor(out);
            n.outputs.push_back(t);
            m_g.m_tensors[static_cast<size_t>(t)].producer = id;
        }
        m_g.m_nodes.push_back(std::move(n));
    }

    DisplayGraph& m_g;
};

std::shared_ptr<const DisplayGraph> DisplayGraph::build(std::shared_ptr<const void> owner,
                                                        const onnx::GraphProto& graph,
                                                        std::map<std::string, int> opsetImports,
                                                        const QString& title,
                                                        const onnx::GraphProto* inferred) {
    auto g = std::make_shared<DisplayGraph>();
    g->m_owner = std::move(owner);
    g->m_graph = &graph;
    // A light copy shares the structure; anything else would attach shapes to the wrong nodes.
    g->m_inferred = inferred && inferred->node_size() == graph.node_size() ? inferred : nullptr;
    g->m_opsets = std::move(opsetImports);
    g->m_title = title;
    DisplayGraphBuilder(*g).run();
    return g;
}

std::shared_ptr<const DisplayGraph>
DisplayGraph::fromModel(std::shared_ptr<const onnx::ModelProto> model, const QString& title,
                        std::shared_ptr<const onnx::ModelProto> inferred) {
    std::map<std::string, int> opsets;
    for (const auto& imp : model->opset_import())
        opsets[imp.domain() == "ai.onnx" ? std::string() : imp.domain()] = static_cast<int>(imp.version());
    const onnx::GraphProto& graph = model->graph();
    const onnx::GraphProto* inferredGraph = inferred ? &inferred->graph() : nullptr;
    struct Owners {
        std::shared_ptr<const onnx::ModelProto> model, inferred;
    };
    auto owner = std::make_shared<Owners>(Owners{model, std::move(inferred)});
    return build(owner, graph, std::move(opsets), title, inferredGraph);
}

const onnx::GraphProto* DisplayGraph::inferredSubgraph(int node, const QString& attribute, int index) const {
    if (!m_inferred || node < 0 || node >= static_cast<int>(m_nodes.size()))
        return nullptr;
    const int protoIndex = m_nodes[static_cast<size_t>(node)].protoIndex;
    if (protoIndex < 0 || protoIndex >= m_inferred->node_size())
        return nullptr;
    const std::string name = attribute.toStdString();
    for (const auto& attr : m_inferred->node(protoIndex).attribute()) {
        if (attr.name() != name)
            continue;
        if (attr.has_g() && index == 0)
            return &attr.g();
        return index >= 0 && index < attr.graphs_size() ? &attr.graphs(index) : nullptr;
    }
    return nullptr;
}

const onnx::NodeProto* DisplayGraph::nodeProto(int node) const {
    if (node < 0 || node >= static_cast<int>(m_nodes.size()))
        return nullptr;
    const int index = m_nodes[static_cast<size_t>(node)].protoIndex;
    return index >= 0 ? &m_graph->node(index) : nullptr;
}

int DisplayGraph::opsetFor(const QString& domain) const {
    const std::string d = domain == QLatin1String("ai.onnx") ? std::string() : domain.toStdString();
    auto it = m_opsets.find(d);
    return it == m_opsets.end() ? 0 : it->second;
}

int DisplayGraph::operatorCount() const {
    int count = 0;
    for (const auto& n : m_nodes)
        count += n.kind == DisplayNodeKind::Operator;
    return count;
}

} // namespace onnxscope
