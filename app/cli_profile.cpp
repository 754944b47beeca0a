// onnxscope-cli profile MODEL: runs a model several times and reports per-node and per-op
// timings (median/min/max), as a table, JSON and a Chrome trace.
#include "cli_commands.h"
#include "cli_engine_options.h"
#include "cli_profile_document.h"
#include "cli_util.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <chrono>

using namespace onnxscope;

namespace {

QString ms(double value) {
    return QString::number(value, 'f', 3);
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        cli::fail(cli::ReadError,
                  QCoreApplication::translate("cli", "cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

double median(std::vector<double> values) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

QJsonArray toJson(const std::vector<std::string>& items) {
    QJsonArray a;
    for (const auto& s : items)
        a.append(cli::fromStd(s));
    return a;
}

} // namespace

int runProfileCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("cli", "Time each node of a model."));
    parser.addHelpOption();
    parser.addPositionalArgument("MODEL", QCoreApplication::translate("cli", "The .onnx file."));
    cli::addEngineOptions(parser);
    parser.addOption({"warmup", QCoreApplication::translate("cli", "Untimed runs first."),
                      QCoreApplication::translate("cli", "N"), "1"});
    parser.addOption({"runs", QCoreApplication::translate("cli", "Timed runs."),
                      QCoreApplication::translate("cli", "N"), "10"});
    parser.addOption({"json", QCoreApplication::translate("cli", "Write the statistics as JSON."),
                      QCoreApplication::translate("cli", "FILE")});
    parser.addOption(
        {"trace", QCoreApplication::translate("cli", "Write a Chrome trace (chrome://tracing, Perfetto)."),
         QCoreApplication::translate("cli", "FILE")});
    if (const auto done = cli::parseCommandLine(parser, "profile", args))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return cli::fail(cli::UsageError, QCoreApplication::translate("cli", "profile needs one MODEL"));
    bool okWarmup = false, okRuns = false;
    const int warmup = parser.value("warmup").toInt(&okWarmup);
    const int runs = parser.value("runs").toInt(&okRuns);
    if (!okWarmup || warmup < 0 || !okRuns || runs < 1)
        return cli::fail(cli::UsageError,
                         QCoreApplication::translate("cli", "--warmup needs N >= 0 and --runs N >= 1"));
    auto engine = cli::parseEngineOptions(parser);
    if (!engine)
        return cli::UsageError;
    auto model = cli::loadModelOrReport(parser.positionalArguments().first());
    if (!model)
        return cli::ReadError;

    auto created = cli::createSessionOrReport(model, *engine, true);
    if (!created)
        return cli::ReadError;
    Session& session = *created;
    auto inputs = cli::gatherInputs(parser, session);
    if (!inputs)
        return cli::UsageError;
    // Profiled and unprofiled runs alternate so that both see the same machine state; their
    // wall times give the profiler's own overhead, and the node sum against the wall time shows
    // how much of a run the per-node timings account for.
    std::vector<double> profiledWallMs, plainWallMs;
    for (int i = 0; i < warmup + 2 * runs; ++i) {
        const bool timed = i >= warmup;
        const bool profiled = !timed || (i - warmup) % 2 == 0;
        if (i == warmup)
            session.profiler().clear();
        session.profiler().setEnabled(profiled);
        const auto start = std::chrono::steady_clock::now();
        auto outputs = session.runAll(*inputs);
        const double wallMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (!outputs.ok())
            return cli::fail(
                cli::ReadError,
                QCoreApplication::translate("cli", "run failed: %1").arg(cli::fromStd(outputs.message())));
        if (timed)
            (profiled ? profiledWallMs : plainWallMs).push_back(wallMs);
    }
    session.profiler().setEnabled(true);

    const Profiler& profiler = session.profiler();
    const auto nodes = profiler.nodeStats();
    const auto ops = profiler.opStats();
    const double nodeSumMs = median(profiler.runTotalsMs());
    const double totalMs = median(profiledWallMs);
    const double plainMs = median(plainWallMs);
    const double overhead = plainMs > 0 ? totalMs / plainMs : 1.0;

    QTextStream& out = cli::out();
    out << QCoreApplication::translate("cli", "%1 runs after %2 warm-up; median total %3 ms")
               .arg(runs)
               .arg(warmup)
               .arg(ms(totalMs))
        << "\n";
    out << QCoreApplication::translate("cli", "Node times add up to %1 ms (%2% of the run); without the "
                                              "profiler a run takes %3 ms (overhead %4x)")
               .arg(ms(nodeSumMs))
               .arg(totalMs > 0 ? 100.0 * nodeSumMs / totalMs : 0.0, 0, 'f', 1)
               .arg(ms(plainMs))
               .arg(overhead, 0, 'f', 3)
        << "\n\n";
    out << QCoreApplication::translate("cli", "Per node (ms):") << "\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6  %7\n")
               .arg("#", 5)
               .arg(QCoreApplication::translate("cli", "node"), -32)
               .arg(QCoreApplication::translate("cli", "op"), -18)
               .arg(QCoreApplication::translate("cli", "median"), 9)
               .arg(QCoreApplication::translate("cli", "min"), 9)
               .arg(QCoreApplication::translate("cli", "max"), 9)
               .arg(QCoreApplication::translate("cli", "backend / shapes"));
    for (const NodeStats& n : nodes) {
        QStringList in, outShapes;
        for (const auto& s : n.inputShapes)
            in << cli::fromStd(s);
        for (const auto& s : n.outputShapes)
            outShapes << cli::fromStd(s);
        out << QStringLiteral("%1 %2 %3 %4 %5 %6  %7 %8 -> %9\n")
                   .arg(n.nodeIndex, 5)
                   .arg(cli::fromStd(n.name).left(32), -32)
                   .arg(cli::fromStd(n.opType).left(18), -18)
                   .arg(ms(n.medianMs), 9)
                   .arg(ms(n.minMs), 9)
                   .arg(ms(n.maxMs), 9)
                   .arg(cli::fromStd(n.implementation.empty() ? n.backend
                                                              : n.backend + " [" + n.implementation + "]"),
                        in.join(", "), outShapes.join(", "));
    }
    // The rest of the run, so the rows add up to it: nothing the profile measured is hidden.
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("-"), 5)
               .arg(QCoreApplication::translate("cli", "(between nodes)"), -32)
               .arg(QString(), -18)
               .arg(ms(std::max(0.0, totalMs - nodeSumMs)), 9);
    out << "\n" << QCoreApplication::translate("cli", "Per op type (ms, over all runs):") << "\n";
    for (const OpStats& o : ops)
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(cli::fromStd(o.opType), -24)
                   .arg(QCoreApplication::translate("cli", "count %1").arg(o.count), -12)
                   .arg(QCoreApplication::translate("cli", "total %1").arg(ms(o.totalMs)), -18)
                   .arg(QCoreApplication::translate("cli", "median %1").arg(ms(o.medianMs)), -18)
                   .arg(QCoreApplication::translate("cli", "min %1").arg(ms(o.minMs)), -16)
                   .arg(QCoreApplication::translate("cli", "max %1").arg(ms(o.maxMs)));
    out.flush();

    if (parser.isSet("json")) {
        // The keys are a documented schema (README, "Profile files"): readers check "schema" and
        // "version", and the hash tells whether two profiles were taken of the same model file.
        const QString modelPath = parser.positionalArguments().first();
        QJsonObject root;
        root["schema"] = cli::kProfileSchema;
        root["version"] = cli::kProfileSchemaVersion;
        root["onnxscope_version"] = QStringLiteral(ONNXSCOPE_VERSION);
        root["created"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        root["model"] = modelPath;
        root["model_sha256"] = cli::fileSha256(modelPath);
        root["machine"] = cli::machineDescription();
        root["backend"] = parser.value("backend");
        root["threads"] = engine->threads;
        root["runs"] = runs;
        root["warmup"] = warmup;
        root["total_ms"] = totalMs;
        root["node_sum_ms"] = nodeSumMs;
        root["between_nodes_ms"] = std::max(0.0, totalMs - nodeSumMs);
        root["unprofiled_ms"] = plainMs;
        root["profiler_overhead"] = overhead;
        QJsonArray nodeList;
        for (const NodeStats& n : nodes) {
            QJsonObject o;
            o["index"] = n.nodeIndex;
            o["name"] = cli::fromStd(n.name);
            o["op_type"] = cli::fromStd(n.opType);
            o["backend"] = cli::fromStd(n.backend);
            o["implementation"] = cli::fromStd(n.implementation);
            o["input_shapes"] = toJson(n.inputShapes);
            o["output_shapes"] = toJson(n.outputShapes);
            o["median_ms"] = n.medianMs;
            o["min_ms"] = n.minMs;
            o["max_ms"] = n.maxMs;
            o["runs"] = n.count;
            nodeList.append(o);
        }
        root["nodes"] = nodeList;
        QJsonObject opObject;
        for (const OpStats& s : ops) {
            QJsonObject o;
            o["count"] = s.count;
            o["total_ms"] = s.totalMs;
            o["median_ms"] = s.medianMs;
            o["min_ms"] = s.minMs;
            o["max_ms"] = s.maxMs;
            opObject[cli::fromStd(s.opType)] = o;
        }
        root["op_types"] = opObject;
        if (!writeFile(parser.value("json"), QJsonDocument(root).toJson(QJsonDocument::Indented)))
            return cli::ReadError;
    }
    if (parser.isSet("trace") &&
        !writeFile(parser.value("trace"), QByteArray::fromStdString(profiler.chromeTraceJson())))
        return cli::ReadError;
    return cli::Ok;
}
