#include "graph_document.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>

#include <algorithm>

namespace onnxscope {

namespace {

constexpr double kHorizontalPadding = 16;
constexpr double kMinWidth = 56;

bool haveGui() {
    return qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr;
}

class TextMeasure {
public:
    // QFont needs a QGuiApplication; without one (the CLI) widths are estimated.
    explicit TextMeasure(bool title) {
        if (haveGui()) {
            const GraphFonts fonts = GraphFonts::standard();
            m_metrics.emplace(title ? fonts.title : fonts.body);
        }
    }
    double width(const QString& text) const {
        return m_metrics ? m_metrics->horizontalAdvance(text) : 7.0 * text.size();
    }
    double height() const { return m_metrics ? m_metrics->height() : 15.0; }

private:
    std::optional<QFontMetricsF> m_metrics;
};

} // namespace

GraphFonts GraphFonts::standard() {
    GraphFonts fonts;
    fonts.title.setPointSizeF(9.5);
    fonts.title.setBold(true);
    fonts.body.setPointSizeF(8);
    return fonts;
}

NodeText nodeText(const DisplayGraph& graph, int node) {
    const DisplayNode& n = graph.nodes()[static_cast<size_t>(node)];
    NodeText text;
    text.title = n.opType;
    if (n.kind == DisplayNodeKind::Operator) {
        text.lines = n.attributeLines + n.embeddedLines;
        return text;
    }
    const int t = n.kind == DisplayNodeKind::GraphInput ? n.outputs.front() : n.inputs.front();
    const DisplayTensor& tensor = graph.tensors()[static_cast<size_t>(t)];
    QString type = tensor.typeText;
    if (!tensor.shapeText.isEmpty())
        type += QStringLiteral("[%1]").arg(tensor.shapeText);
    if (!type.isEmpty())
        text.lines << type;
    return text;
}

QString blockTitle(const BlockTree& tree, int block) {
    return block == 0 ? QCoreApplication::translate("GraphDocument", "graph") : tree.block(block).name;
}

QString blockSubtitle(const BlockTree& tree, int block) {
    return QCoreApplication::translate("GraphDocument", "%n node(s)", nullptr, tree.block(block).totalNodes);
}

std::shared_ptr<GraphDocument> GraphDocument::create(std::shared_ptr<const DisplayGraph> graph,
                                                     int maxBlockItems) {
    auto doc = std::make_shared<GraphDocument>();
    doc->graph = graph;
    const TextMeasure title(true);
    const TextMeasure body(false);
    auto metrics = std::make_shared<BlockMetrics>();
    metrics->nodeSizes.reserve(graph->nodes().size());
    for (int n = 0; n < static_cast<int>(graph->nodes().size()); ++n) {
        const NodeText text = nodeText(*graph, n);
        double w = title.width(text.title);
        for (const QString& line : text.lines)
            w = std::max(w, body.width(line));
        const double h =
            title.height() + 8 + text.lines.size() * body.height() + (text.lines.isEmpty() ? 0 : 4);
        // Whole units keep equal labels at equal sizes, which repeated-block reuse relies on.
        metrics->nodeSizes.emplace_back(std::ceil(std::max(kMinWidth, w + kHorizontalPadding)), std::ceil(h));
    }
    doc->tree = BlockTree::build(*graph, metrics->nodeSizes, maxBlockItems);
    metrics->headerHeight = std::ceil(title.height() + 6);
    for (int b = 0; b < static_cast<int>(doc->tree->blocks().size()); ++b) {
        const double w =
            std::max(title.width(blockTitle(*doc->tree, b)), body.width(blockSubtitle(*doc->tree, b)));
        // The open header reads "▾ title  ·  subtitle" in the title font (graph_items.cpp).
        metrics->openTitleWidths.push_back(
            std::ceil(title.width(QStringLiteral("▾ ") + blockTitle(*doc->tree, b) + QStringLiteral("  ·  ") +
                                  blockSubtitle(*doc->tree, b)) +
                      20));
        metrics->collapsedSizes.emplace_back(std::ceil(std::max(kMinWidth * 1.5, w + 2 * kHorizontalPadding)),
                                             std::ceil(title.height() + body.height() + 14));
    }
    doc->metrics = metrics;
    doc->cache = std::make_shared<BlockLayoutCache>();
    return doc;
}

BlockLayouter GraphDocument::layouter(LayoutEngineChoice engine) const {
    return BlockLayouter(graph, tree, metrics, cache, engine);
}

} // namespace onnxscope
