// onnxscope-cli info MODEL [--json]: the model overview.
#include "cli_commands.h"
#include "cli_util.h"

#include "core/model_summary.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace onnxscope;

namespace {

QJsonValue shapeToJson(const ValueSummary& v) {
    if (!v.hasShape)
        return QJsonValue::Null;
    QJsonArray dims;
    for (const std::string& d : v.shape) {
        bool isNumber = !d.empty() && d.find_first_not_of("0123456789") == std::string::npos;
        if (isNumber)
            dims.append(static_cast<qint64>(std::stoll(d)));
        else if (d == "?")
            dims.append(QJsonValue::Null);
        else
            dims.append(cli::fromStd(d));
    }
    return dims;
}

QJsonArray valuesToJson(const std::vector<ValueSummary>& values) {
    QJsonArray list;
    for (const ValueSummary& v : values) {
        QJsonObject o;
        o["name"] = cli::fromStd(v.name);
        o["elem_type"] = cli::fromStd(v.elementType);
        o["shape"] = shapeToJson(v);
        list.append(o);
    }
    return list;
}

QString domainName(const std::string& domain) {
    return domain.empty() ? QStringLiteral("ai.onnx") : cli::fromStd(domain);
}

QJsonObject summaryToJson(const ModelSummary& s) {
    QJsonObject o;
    o["ir_version"] = static_cast<qint64>(s.irVersion);
    QJsonObject opsets;
    for (const auto& [domain, version] : s.opsetImports)
        opsets[domainName(domain)] = static_cast<qint64>(version);
    o["opset_import"] = opsets;
    o["producer_name"] = cli::fromStd(s.producerName);
    o["producer_version"] = cli::fromStd(s.producerVersion);
    o["domain"] = cli::fromStd(s.domain);
    o["model_version"] = static_cast<qint64>(s.modelVersion);
    o["graph_name"] = cli::fromStd(s.graphName);
    o["node_count"] = s.nodeCount;
    o["node_count_total"] = s.nodeCountTotal;
    QJsonObject histogram;
    for (const auto& [op, count] : s.opHistogram)
        histogram[cli::fromStd(op)] = count;
    o["op_histogram"] = histogram;
    o["inputs"] = valuesToJson(s.inputs);
    o["outputs"] = valuesToJson(s.outputs);
    o["initializer_count"] = s.initializerCount;
    o["initializer_bytes"] = static_cast<qint64>(s.initializerBytes);
    QJsonObject metadata;
    for (const auto& [key, value] : s.metadata)
        metadata[cli::fromStd(key)] = cli::fromStd(value);
    o["metadata_props"] = metadata;
    QJsonArray functions;
    for (const std::string& f : s.functions)
        functions.append(cli::fromStd(f));
    o["functions"] = functions;
    return o;
}

QString formatBytes(uint64_t bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = static_cast<double>(bytes);
    int unit = 0;
    while (v >= 1024 && unit < 4) {
        v /= 1024;
        ++unit;
    }
    return unit == 0 ? QString::number(bytes) + " B" : QString::number(v, 'f', 1) + " " + units[unit];
}

void printText(const ModelSummary& s, const QString& path) {
    auto tr = [](const char* text) { return QCoreApplication::translate("cli", text); };
    QTextStream& out = cli::out();
    out << tr("Model:") << " " << path << "\n";
    out << tr("IR version:") << " " << s.irVersion << "\n";
    QStringList opsets;
    for (const auto& [domain, version] : s.opsetImports)
        opsets << QStringLiteral("%1 %2").arg(domainName(domain)).arg(version);
    out << tr("Opsets:") << " " << opsets.join(", ") << "\n";
    out << tr("Producer:") << " " << cli::fromStd(s.producerName) << " " << cli::fromStd(s.producerVersion)
        << "\n";
    out << tr("Graph:") << " " << cli::fromStd(s.graphName) << "\n";
    out << tr("Nodes:") << " " << s.nodeCount << " (" << tr("with subgraphs:") << " " << s.nodeCountTotal
        << ")\n";
    out << tr("Weights:") << " " << s.initializerCount << " " << tr("tensors,") << " "
        << formatBytes(s.initializerBytes) << "\n";
    auto printValues = [&](const char* title, const std::vector<ValueSummary>& values) {
        out << tr(title) << "\n";
        for (const ValueSummary& v : values)
            out << "  " << cli::fromStd(v.name) << ": " << cli::fromStd(v.elementType) << " "
                << cli::fromStd(v.shapeText()) << "\n";
    };
    printValues(QT_TRANSLATE_NOOP("cli", "Inputs:"), s.inputs);
    printValues(QT_TRANSLATE_NOOP("cli", "Outputs:"), s.outputs);
    out << tr("Operators:") << "\n";
    std::vector<std::pair<int, std::string>> ops;
    for (const auto& [op, count] : s.opHistogram)
        ops.emplace_back(count, op);
    std::sort(ops.begin(), ops.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [count, op] : ops)
        out << "  " << qSetFieldWidth(6) << count << qSetFieldWidth(0) << "  " << cli::fromStd(op) << "\n";
    if (!s.metadata.empty()) {
        out << tr("Metadata:") << "\n";
        for (const auto& [key, value] : s.metadata)
            out << "  " << cli::fromStd(key) << " = " << cli::fromStd(value) << "\n";
    }
    if (!s.functions.empty()) {
        out << tr("Functions:") << "\n";
        for (const std::string& f : s.functions)
            out << "  " << cli::fromStd(f) << "\n";
    }
}

} // namespace

int runInfoCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("cli", "Print a model's overview."));
    parser.addPositionalArgument("model", QCoreApplication::translate("cli", "The .onnx file."));
    QCommandLineOption json("json", QCoreApplication::translate("cli", "Print JSON."));
    parser.addOption(json);
    if (!parser.parse(QStringList{"info"} + args))
        return cli::fail(cli::UsageError, parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return cli::fail(cli::UsageError,
                         QCoreApplication::translate("cli", "usage: onnxscope-cli info MODEL [--json]"));
    const QString path = parser.positionalArguments().first();
    auto model = cli::loadModelOrReport(path);
    if (!model)
        return cli::ReadError;
    ModelSummary summary = summarizeModel(*model);
    if (parser.isSet(json))
        cli::out() << QJsonDocument(summaryToJson(summary)).toJson(QJsonDocument::Indented);
    else
        printText(summary, path);
    cli::out().flush();
    return cli::Ok;
}
