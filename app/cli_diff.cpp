// onnxscope-cli diff A B [--json]: structural diff of two models (nodes, attributes, initializer
// values, properties). Exits 0 when the models are the same, 3 when they differ, 2 when one
// cannot be read, 1 on usage.
#include "cli_commands.h"
#include "cli_util.h"

#include "core/model_diff.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace onnxscope;

namespace {

QJsonArray shapeToJson(const Shape& shape) {
    QJsonArray a;
    for (int64_t d : shape)
        a.append(static_cast<qint64>(d));
    return a;
}

QJsonObject diffToJson(const ModelDiff& d) {
    QJsonObject o;
    o["identical"] = d.isEmpty();
    o["node_count_a"] = d.nodesA;
    o["node_count_b"] = d.nodesB;
    o["unchanged_nodes"] = d.unchangedNodes;
    QJsonArray properties;
    for (const PropertyChange& p : d.properties)
        properties.append(QJsonObject{{"property", cli::fromStd(p.property)},
                                      {"before", cli::fromStd(p.before)},
                                      {"after", cli::fromStd(p.after)}});
    o["properties"] = properties;
    QJsonArray nodes;
    for (const NodeChange& n : d.nodes) {
        QJsonObject item;
        item["change"] = cli::fromStd(std::string(changeKindName(n.kind)));
        item["name"] = cli::fromStd(n.label());
        item["op_type"] = cli::fromStd(n.opType);
        item["index_a"] = n.indexA;
        item["index_b"] = n.indexB;
        if (!n.matchedBy.empty())
            item["matched_by"] = cli::fromStd(n.matchedBy);
        QJsonArray fields;
        for (const FieldChange& f : n.fields)
            fields.append(QJsonObject{{"field", cli::fromStd(f.field)},
                                      {"before", cli::fromStd(f.before)},
                                      {"after", cli::fromStd(f.after)}});
        item["fields"] = fields;
        nodes.append(item);
    }
    o["nodes"] = nodes;
    QJsonArray inits;
    for (const InitializerChange& c : d.initializers) {
        QJsonObject item;
        item["change"] = cli::fromStd(std::string(changeKindName(c.kind)));
        item["name"] = cli::fromStd(c.name);
        item["type_a"] = cli::fromStd(c.typeA);
        item["type_b"] = cli::fromStd(c.typeB);
        item["shape_a"] = shapeToJson(c.shapeA);
        item["shape_b"] = shapeToJson(c.shapeB);
        item["changed_elements"] = static_cast<qint64>(c.changedElements);
        item["max_abs_diff"] = std::isfinite(c.maxAbsDiff) ? QJsonValue(c.maxAbsDiff) : QJsonValue();
        if (!c.problem.empty())
            item["problem"] = cli::fromStd(c.problem);
        inits.append(item);
    }
    o["initializers"] = inits;
    return o;
}

const char* mark(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::Added:
        return "+";
    case ChangeKind::Removed:
        return "-";
    case ChangeKind::Changed:
        break;
    }
    return "~";
}

void printText(const ModelDiff& d) {
    QTextStream& out = cli::out();
    if (d.isEmpty()) {
        out << QCoreApplication::translate("cli", "the models are structurally identical (%1 nodes)")
                   .arg(d.nodesA)
            << Qt::endl;
        return;
    }
    for (const PropertyChange& p : d.properties)
        out << "~ " << cli::fromStd(p.property) << ": \"" << cli::fromStd(p.before) << "\" -> \""
            << cli::fromStd(p.after) << "\"\n";
    out << QCoreApplication::translate("cli", "nodes: %1 in A, %2 in B, %3 unchanged, %4 differ")
               .arg(d.nodesA)
               .arg(d.nodesB)
               .arg(d.unchangedNodes)
               .arg(d.nodes.size())
        << "\n";
    for (const NodeChange& n : d.nodes) {
        out << mark(n.kind) << " " << cli::fromStd(n.label()) << " (" << cli::fromStd(n.opType) << ")";
        if (!n.matchedBy.empty())
            out << " "
                << QCoreApplication::translate("cli", "[matched by %1]").arg(cli::fromStd(n.matchedBy));
        out << "\n";
        for (const FieldChange& f : n.fields)
            out << "    " << cli::fromStd(f.field) << ": " << cli::fromStd(f.before) << " -> "
                << cli::fromStd(f.after) << "\n";
    }
    for (const InitializerChange& c : d.initializers) {
        out << mark(c.kind) << " "
            << QCoreApplication::translate("cli", "initializer %1").arg(cli::fromStd(c.name));
        if (c.kind == ChangeKind::Changed) {
            if (!c.problem.empty())
                out << ": " << cli::fromStd(c.problem);
            else
                out << ": "
                    << QCoreApplication::translate("cli", "%1 elements differ, max abs difference %2")
                           .arg(c.changedElements)
                           .arg(c.maxAbsDiff, 0, 'g', 6);
        }
        out << "\n";
    }
    out.flush();
}

} // namespace

int runDiffCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Structural diff of two models.\n"
               "Exit status: 0 identical, 3 different, 2 unreadable, 1 usage error."));
    parser.addHelpOption();
    parser.addPositionalArgument("A", QCoreApplication::translate("cli", "The first .onnx file."));
    parser.addPositionalArgument("B", QCoreApplication::translate("cli", "The second .onnx file."));
    parser.addOption({"json", QCoreApplication::translate("cli", "Print the diff as JSON.")});
    if (const auto done = cli::parseCommandLine(parser, "diff", args))
        return *done;
    if (parser.positionalArguments().size() != 2)
        return cli::fail(cli::UsageError,
                         QCoreApplication::translate("cli", "diff needs two models, A and B"));
    auto a = cli::loadModelOrReport(parser.positionalArguments().at(0));
    if (!a)
        return cli::ReadError;
    auto b = cli::loadModelOrReport(parser.positionalArguments().at(1));
    if (!b)
        return cli::ReadError;
    auto diff = diffModels(*a, *b);
    if (!diff.ok())
        return cli::fail(cli::ReadError, cli::fromStd(diff.message()));
    if (parser.isSet("json"))
        cli::out() << QJsonDocument(diffToJson(*diff)).toJson(QJsonDocument::Indented);
    else
        printText(*diff);
    cli::out().flush();
    return diff->isEmpty() ? cli::Ok : cli::Mismatch;
}
