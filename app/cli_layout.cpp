// `onnxscope-cli layout MODEL [--expand-all] [--json] [--svg OUT.svg] [--engine auto|graphviz|layered]`:
// times the graph view's block layout the way the GUI runs it (first view, then fully expanded)
// and optionally writes the layout as SVG. Runs in onnxscope-cli-layout, whose QGuiApplication
// gives real font metrics (without one the views library estimates per character).
#include "cli_commands.h"
#include "cli_util.h"

#include "core/model.h"
#include "views/graph_document.h"
#include "views/graph_layout.h"
#include "views/op_category.h"

#include <onnx/onnx_pb.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace onnxscope;
using namespace cli;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("cli", text);
}

QString xmlEscape(const QString& s) {
    return s.toHtmlEscaped();
}

// A plain SVG writer over the layout result, so the CLI needs no font or paint device.
bool writeSvg(const QString& path, const GraphDocument& doc, const std::vector<bool>& expanded,
              const SceneLayout& layout, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = file.errorString();
        return false;
    }
    QTextStream s(&file);
    const QRectF b = layout.bounds.adjusted(-20, -20, 20, 20);
    auto num = [](double v) { return QString::number(v, 'f', 1); };
    s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" << num(b.x()) << ' ' << num(b.y()) << ' '
      << num(b.width()) << ' ' << num(b.height()) << "\" width=\"" << num(b.width()) << "\" height=\""
      << num(b.height()) << "\" font-family=\"sans-serif\">\n<rect x=\"" << num(b.x()) << "\" y=\""
      << num(b.y()) << "\" width=\"" << num(b.width()) << "\" height=\"" << num(b.height())
      << "\" fill=\"white\"/>\n";
    for (const SceneBlock& blk : layout.blocks) {
        const bool open = blk.expanded;
        s << "<g><rect x=\"" << num(blk.rect.x()) << "\" y=\"" << num(blk.rect.y()) << "\" width=\""
          << num(blk.rect.width()) << "\" height=\"" << num(blk.rect.height()) << "\" rx=\"6\" fill=\""
          << (open ? "#3a6ea512" : "#dde6f0") << "\" stroke=\"#6a80a0\""
          << (open ? " stroke-dasharray=\"4 3\"" : "") << "/><text x=\"" << num(blk.rect.x() + 8) << "\" y=\""
          << num(blk.rect.y() + 15) << "\" font-size=\"12\">"
          << xmlEscape(blockTitle(*doc.tree, blk.block) + QStringLiteral(" · ") +
                       blockSubtitle(*doc.tree, blk.block))
          << "</text></g>\n";
    }
    Q_UNUSED(expanded);
    for (const SceneEdge& e : layout.edges) {
        if (e.points.isEmpty())
            continue;
        s << "<path fill=\"none\" stroke=\"#555\" d=\"M" << num(e.points[0].x()) << ' '
          << num(e.points[0].y());
        const bool cubic = e.bezier && (e.points.size() - 1) % 3 == 0;
        for (qsizetype i = 1; i < e.points.size(); ++i)
            s << ((cubic && (i - 1) % 3 == 0) ? " C" : (cubic ? " " : " L")) << num(e.points[i].x()) << ' '
              << num(e.points[i].y());
        s << "\"/>\n";
    }
    for (const SceneNode& n : layout.nodes) {
        const DisplayNode& node = doc.graph->nodes()[static_cast<size_t>(n.node)];
        const bool io = node.kind != DisplayNodeKind::Operator;
        const QColor color = categoryColor(
            io ? (node.kind == DisplayNodeKind::GraphInput ? OpCategory::Input : OpCategory::Output)
               : opCategory(node.opType, node.domain));
        const NodeText text = nodeText(*doc.graph, n.node);
        s << "<g><rect x=\"" << num(n.rect.x()) << "\" y=\"" << num(n.rect.y()) << "\" width=\""
          << num(n.rect.width()) << "\" height=\"" << num(n.rect.height()) << "\" rx=\"4\" fill=\""
          << (io ? color.name() : QStringLiteral("#fafafa")) << "\" stroke=\"" << color.darker(150).name()
          << "\"/>";
        if (!io)
            s << "<rect x=\"" << num(n.rect.x()) << "\" y=\"" << num(n.rect.y()) << "\" width=\""
              << num(n.rect.width()) << "\" height=\"18\" rx=\"4\" fill=\"" << color.name() << "\"/>";
        s << "<text x=\"" << num(n.rect.center().x()) << "\" y=\"" << num(n.rect.y() + 13)
          << "\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\" fill=\""
          << (io ? "black" : "white") << "\">" << xmlEscape(text.title) << "</text>";
        double y = n.rect.y() + 30;
        for (const QString& line : text.lines) {
            s << "<text x=\"" << num(n.rect.x() + 8) << "\" y=\"" << num(y) << "\" font-size=\"9\">"
              << xmlEscape(line) << "</text>";
            y += 12;
        }
        s << "</g>\n";
    }
    s << "</svg>\n";
    s.flush();
    return file.error() == QFile::NoError;
}

} // namespace

int runLayoutInProcess(const QStringList& args) {
    QString modelPath, svgPath;
    bool expandAll = false, json = false;
    LayoutEngineChoice engine = LayoutEngineChoice::Auto;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--expand-all"))
            expandAll = true;
        else if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--svg") && i + 1 < args.size())
            svgPath = args[++i];
        else if (a == QLatin1String("--engine") && i + 1 < args.size()) {
            const QString e = args[++i];
            if (e == QLatin1String("graphviz"))
                engine = LayoutEngineChoice::Graphviz;
            else if (e == QLatin1String("layered"))
                engine = LayoutEngineChoice::Layered;
            else if (e != QLatin1String("auto"))
                return fail(1, tr("unknown layout engine '%1' (auto, graphviz, layered)").arg(e));
        } else if (a.startsWith(QLatin1String("--")))
            return fail(1, tr("unknown option %1").arg(a));
        else if (modelPath.isEmpty())
            modelPath = a;
        else
            return fail(1, tr("unexpected argument %1").arg(a));
    }
    if (modelPath.isEmpty())
        return fail(1, tr("usage: onnxscope-cli layout MODEL [--expand-all] [--json] [--svg OUT.svg] "
                          "[--engine auto|graphviz|layered]"));

    std::shared_ptr<Model> model = loadModelOrReport(modelPath);
    if (!model)
        return 2;
    std::shared_ptr<const onnx::ModelProto> proto(model, &model->proto());

    QElapsedTimer timer;
    timer.start();
    // Shape inference belongs to the first view: edge labels carry the shapes it finds.
    auto graph = DisplayGraph::fromModel(proto, modelPath, model->inferredShapes());
    auto doc = GraphDocument::create(graph);
    const double prepareSeconds = timer.nsecsElapsed() / 1e9;

    const std::vector<bool> first = initialExpansion(*doc->tree);
    SceneLayout firstLayout;
    timer.restart();
    if (!doc->layouter(engine).compose(first, firstLayout))
        return fail(2, tr("layout failed for %1").arg(modelPath));
    // From a loaded model to what the user sees: preparation (shape inference, display graph,
    // text measurement, block tree) plus the layout.
    const double firstSeconds = prepareSeconds + timer.nsecsElapsed() / 1e9;

    const std::vector<bool> all = fullExpansion(*doc->tree);
    SceneLayout fullLayout;
    timer.restart();
    // A cold cache, so the number includes every distinct block layout (repeated blocks still
    // share one run, which is the point of block layout).
    const BlockLayouter cold(doc->graph, doc->tree, doc->metrics, std::make_shared<BlockLayoutCache>(),
                             engine);
    if (!cold.compose(all, fullLayout))
        return fail(2, tr("layout failed for %1").arg(modelPath));
    const double expandedSeconds = prepareSeconds + timer.nsecsElapsed() / 1e9;

    const SceneLayout& shown = expandAll ? fullLayout : firstLayout;
    if (!svgPath.isEmpty()) {
        QString error;
        if (!writeSvg(svgPath, *doc, expandAll ? all : first, shown, &error))
            return fail(2, tr("cannot write %1: %2").arg(svgPath, error));
    }

    QJsonObject o;
    o[QStringLiteral("model")] = modelPath;
    o[QStringLiteral("nodes")] = graph->operatorCount();
    o[QStringLiteral("blocks")] = static_cast<int>(doc->tree->blocks().size()) - 1;
    o[QStringLiteral("block_depth")] = doc->tree->maxDepth();
    o[QStringLiteral("engine")] = firstLayout.engine.isEmpty() ? fullLayout.engine : firstLayout.engine;
    o[QStringLiteral("graphviz")] = graphvizAvailable();
    o[QStringLiteral("prepare_seconds")] = prepareSeconds;
    o[QStringLiteral("first_view_seconds")] = firstSeconds;
    o[QStringLiteral("first_view_boxes")] =
        static_cast<int>(firstLayout.nodes.size() + firstLayout.blocks.size());
    o[QStringLiteral("expanded_seconds")] = expandedSeconds;
    o[QStringLiteral("expanded_engine_runs")] = fullLayout.engineRuns;
    o[QStringLiteral("expanded_reused_layouts")] = fullLayout.reusedLayouts;
    o[QStringLiteral("width")] = shown.bounds.width();
    o[QStringLiteral("height")] = shown.bounds.height();
    if (json) {
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        for (auto it = o.begin(); it != o.end(); ++it)
            out() << it.key() << ": " << it.value().toVariant().toString() << "\n";
    }
    out().flush();
    return 0;
}
