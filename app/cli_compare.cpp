// onnxscope-cli compare MODEL (--ref FILE_OR_DIR | --against-backend B | --against-model M2):
// runs the model as a plain run executes it (or, with --every-node, every original node) against a
// reference, peeking at each value as it is produced, prints every compared value and the first
// divergence (with the op's own error separated from inherited error), and exits 0 when all
// values are within tolerance, 3 on a mismatch, 2 when something cannot be read, 1 on usage.
#include "cli_commands.h"
#include "cli_engine_options.h"
#include "cli_util.h"

#include "exec/layer_compare.h"
#include "exec/session.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace onnxscope;

namespace {

// JSON has no NaN or Inf; those become null.
QJsonValue number(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject comparisonToJson(const std::string& name, const TensorComparison& c) {
    QJsonObject o;
    o["name"] = cli::fromStd(name);
    o["max_abs"] = number(c.maxAbs);
    o["max_rel"] = number(c.maxRel);
    o["mean_abs"] = number(c.meanAbs);
    o["cosine"] = number(c.cosine);
    o["elements"] = static_cast<qint64>(c.count);
    o["fraction_outside"] = number(c.fractionOutside());
    o["new_nan"] = static_cast<qint64>(c.newNaN);
    o["new_inf"] = static_cast<qint64>(c.newInf);
    o["shape_mismatch"] = c.shapeMismatch;
    o["type_mismatch"] = c.typeMismatch;
    if (!c.problem.empty())
        o["problem"] = cli::fromStd(c.problem);
    o["within_tolerance"] = c.withinTolerance();
    return o;
}

QJsonObject reportToJson(const LayerCompareReport& r) {
    QJsonObject o;
    o["reference"] = cli::fromStd(r.reference);
    o["first_divergence"] =
        r.firstDivergence >= 0 ? QJsonValue(cli::fromStd(r.firstDivergenceNode)) : QJsonValue();
    o["first_divergence_index"] = r.firstDivergence;
    QJsonArray group;
    for (const std::string& member : r.firstDivergenceGroup)
        group.append(cli::fromStd(member));
    o["first_divergence_group"] = group;
    o["within_tolerance"] = r.withinTolerance();
    o["nodes_run"] = static_cast<qint64>(r.nodesRun);
    o["out_of_tolerance"] = static_cast<qint64>(r.outOfTolerance());
    o["not_compared"] = static_cast<qint64>(r.notCompared.size());
    o["error"] = r.error.empty() ? QJsonValue() : QJsonValue(cli::fromStd(r.error));
    QJsonArray values;
    for (const ValueReport& v : r.values) {
        QJsonObject item = comparisonToJson(v.name, v.comparison);
        item["node"] = cli::fromStd(v.node);
        item["op_type"] = cli::fromStd(v.opType);
        values.append(item);
    }
    o["values"] = values;
    if (r.isolation) {
        const IsolationReport& iso = *r.isolation;
        QJsonObject i;
        i["node"] = cli::fromStd(iso.node);
        i["ran"] = iso.ran();
        i["error"] = iso.error.empty() ? QJsonValue() : QJsonValue(cli::fromStd(iso.error));
        i["own_error"] = iso.ran() && iso.ownError();
        QJsonArray outs, fromModel;
        for (const auto& [name, cmp] : iso.outputs)
            outs.append(comparisonToJson(name, cmp));
        for (const std::string& n : iso.inputsFromA)
            fromModel.append(cli::fromStd(n));
        i["outputs"] = outs;
        i["inputs_from_model"] = fromModel;
        o["isolation"] = i;
    }
    return o;
}

void printText(const LayerCompareReport& r) {
    QTextStream& out = cli::out();
    out << QCoreApplication::translate("cli", "reference: %1").arg(cli::fromStd(r.reference)) << "\n";
    for (const ValueReport& v : r.values)
        out << (v.withinTolerance() ? "  ok    " : "  DIFF  ") << cli::fromStd(v.name) << "  ("
            << cli::fromStd(v.node) << ", " << cli::fromStd(v.opType) << ")  "
            << cli::fromStd(v.comparison.summary()) << "\n";
    out << QCoreApplication::translate("cli",
                                       "%1 values compared, %2 out of tolerance, %3 without a reference")
               .arg(r.values.size())
               .arg(r.outOfTolerance())
               .arg(r.notCompared.size())
        << "\n";
    if (!r.error.empty())
        out << QCoreApplication::translate("cli", "run stopped: %1").arg(cli::fromStd(r.error)) << "\n";
    if (r.firstDivergence < 0) {
        out << (r.withinTolerance()
                    ? QCoreApplication::translate("cli", "all compared values are within tolerance")
                    : QCoreApplication::translate("cli", "no first divergence found"))
            << Qt::endl;
        return;
    }
    out << QCoreApplication::translate("cli", "first divergence: %1 (node %2)")
               .arg(cli::fromStd(r.firstDivergenceNode))
               .arg(r.firstDivergence)
        << "\n";
    if (!r.firstDivergenceGroup.empty()) {
        QStringList members;
        for (const std::string& member : r.firstDivergenceGroup)
            members << cli::fromStd(member);
        out << QCoreApplication::translate("cli",
                                           "  it ran fused with %1; --every-node compares inside the group")
                   .arg(members.join(QStringLiteral(" + ")))
            << "\n";
    }
    if (r.isolation) {
        const IsolationReport& iso = *r.isolation;
        if (!iso.ran())
            out << QCoreApplication::translate("cli", "isolation: not run: %1").arg(cli::fromStd(iso.error))
                << "\n";
        else if (iso.ownError())
            out << QCoreApplication::translate(
                       "cli",
                       "isolation: the node itself disagrees on the reference's inputs (its own error)")
                << "\n";
        else
            out << QCoreApplication::translate(
                       "cli", "isolation: on the reference's inputs the node agrees; the error is inherited")
                << "\n";
        for (const auto& [name, cmp] : iso.outputs)
            out << "  " << cli::fromStd(name) << ": " << cli::fromStd(cmp.summary()) << "\n";
    }
    out.flush();
}

// "NAME=ATOL" or "NAME=ATOL,RTOL".
bool parseTolerance(const QString& spec, const Tolerance& global, std::string& name, Tolerance& tol) {
    const qsizetype eq = spec.lastIndexOf('=');
    if (eq <= 0)
        return false;
    name = spec.left(eq).toStdString();
    const QStringList parts = spec.mid(eq + 1).split(',');
    bool ok = false;
    tol = global;
    tol.atol = parts.value(0).toDouble(&ok);
    if (!ok || tol.atol < 0)
        return false;
    if (parts.size() > 1) {
        tol.rtol = parts.value(1).toDouble(&ok);
        if (!ok || tol.rtol < 0)
            return false;
    }
    return parts.size() <= 2;
}

} // namespace

int runCompareCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Compare a model layer by layer with a reference and find the first divergent node.\n"
               "Exit status: 0 within tolerance, 3 mismatch, 2 unreadable input, 1 usage error."));
    parser.addHelpOption();
    parser.addPositionalArgument("MODEL", QCoreApplication::translate("cli", "The .onnx file."));
    cli::addEngineOptions(parser);
    parser.addOption({"ref",
                      QCoreApplication::translate(
                          "cli", "Reference values: a .pb, .npy or .npz file, or a test_data_set folder."),
                      QCoreApplication::translate("cli", "FILE_OR_DIR")});
    parser.addOption({"against-backend",
                      QCoreApplication::translate("cli", "Compare with the same model on another backend."),
                      QCoreApplication::translate("cli", "NAME")});
    parser.addOption({"against-model",
                      QCoreApplication::translate("cli", "Compare with another model, value by value name."),
                      QCoreApplication::translate("cli", "MODEL2")});
    parser.addOption(
        {"map", QCoreApplication::translate("cli", "Value NAME of MODEL is NAME2 in MODEL2 (repeatable)."),
         QCoreApplication::translate("cli", "NAME=NAME2")});
    parser.addOption({"atol", QCoreApplication::translate("cli", "Absolute tolerance."),
                      QCoreApplication::translate("cli", "X"), "1e-4"});
    parser.addOption({"rtol", QCoreApplication::translate("cli", "Relative tolerance."),
                      QCoreApplication::translate("cli", "Y"), "1e-3"});
    parser.addOption({"tolerance",
                      QCoreApplication::translate("cli", "Tolerance for one value (repeatable)."),
                      QCoreApplication::translate("cli", "NAME=ATOL[,RTOL]")});
    parser.addOption(
        {"no-isolate", QCoreApplication::translate(
                           "cli", "Do not re-run the first divergent node on the reference's inputs.")});
    parser.addOption(
        {"every-node", QCoreApplication::translate(
                           "cli", "Run every node of both sides unfused, to compare the values inside "
                                  "fused groups too (the outputs may then differ from a plain run's "
                                  "in the last bits).")});
    parser.addOption({"json", QCoreApplication::translate("cli", "Print the report as JSON.")});
    if (const auto done = cli::parseCommandLine(parser, "compare", args))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return cli::fail(cli::UsageError, QCoreApplication::translate("cli", "compare needs one MODEL"));
    const int sources =
        int(parser.isSet("ref")) + int(parser.isSet("against-backend")) + int(parser.isSet("against-model"));
    if (sources != 1)
        return cli::fail(cli::UsageError,
                         QCoreApplication::translate(
                             "cli", "give exactly one of --ref, --against-backend, --against-model"));

    LayerCompareOptions compareOptions;
    bool okA = false, okR = false;
    compareOptions.tolerances.global.atol = parser.value("atol").toDouble(&okA);
    compareOptions.tolerances.global.rtol = parser.value("rtol").toDouble(&okR);
    if (!okA || !okR || compareOptions.tolerances.global.atol < 0 ||
        compareOptions.tolerances.global.rtol < 0)
        return cli::fail(cli::UsageError,
                         QCoreApplication::translate("cli", "--atol and --rtol need non-negative numbers"));
    for (const QString& spec : parser.values("tolerance")) {
        std::string name;
        Tolerance tol;
        if (!parseTolerance(spec, compareOptions.tolerances.global, name, tol))
            return cli::fail(
                cli::UsageError,
                QCoreApplication::translate("cli", "--tolerance needs NAME=ATOL[,RTOL], got '%1'").arg(spec));
        compareOptions.tolerances.perTensor[name] = tol;
    }
    std::map<std::string, std::string> nameMap;
    for (const QString& spec : parser.values("map")) {
        const qsizetype eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.size() - 1)
            return cli::fail(
                cli::UsageError,
                QCoreApplication::translate("cli", "--map needs NAME=NAME2, got '%1'").arg(spec));
        nameMap[spec.left(eq).toStdString()] = spec.mid(eq + 1).toStdString();
    }
    compareOptions.isolate = !parser.isSet("no-isolate");
    compareOptions.everyNode = parser.isSet("every-node");
    auto engine = cli::parseEngineOptions(parser);
    if (!engine)
        return cli::UsageError;
    std::vector<std::shared_ptr<Backend>> referenceBackends = engine->backends;
    if (parser.isSet("against-backend")) {
        auto backends = cli::backendsFor(parser.value("against-backend"));
        if (!backends.ok())
            return cli::fail(cli::UsageError, cli::fromStd(backends.message()));
        referenceBackends = std::move(backends).value();
    }

    auto model = cli::loadModelOrReport(parser.positionalArguments().first());
    if (!model)
        return cli::ReadError;
    auto session = cli::createSessionOrReport(model, *engine, false);
    if (!session)
        return cli::ReadError;

    std::unique_ptr<ReferenceSource> reference;
    QString defaultInputDir;
    if (parser.isSet("ref")) {
        const QString ref = parser.value("ref");
        if (QFileInfo(ref).isDir())
            defaultInputDir = ref;
        auto files = FileReference::open(ref.toStdString(), session->plan());
        if (!files.ok())
            return cli::fail(cli::ReadError,
                             QCoreApplication::translate("cli", "cannot read the reference: %1")
                                 .arg(cli::fromStd(files.message())));
        reference = std::move(files).value();
    } else {
        std::shared_ptr<Model> referenceModel = model;
        QString description =
            QCoreApplication::translate("cli", "backend %1").arg(parser.value("against-backend"));
        if (parser.isSet("against-model")) {
            referenceModel = cli::loadModelOrReport(parser.value("against-model"));
            if (!referenceModel)
                return cli::ReadError;
            description = QCoreApplication::translate("cli", "model %1").arg(parser.value("against-model"));
        }
        SessionOptions referenceOptions = session->options();
        referenceOptions.backends = referenceBackends;
        auto other = Session::create(referenceModel, referenceOptions);
        if (!other.ok())
            return cli::fail(cli::ReadError,
                             QCoreApplication::translate("cli", "cannot plan the reference: %1")
                                 .arg(cli::fromStd(other.message())));
        reference =
            std::make_unique<SessionReference>(std::move(other).value(), nameMap, description.toStdString());
    }

    auto inputs = cli::gatherInputs(parser, *session, defaultInputDir);
    if (!inputs)
        return cli::UsageError;
    auto report = compareLayers(*session, *inputs, *reference, compareOptions);
    if (!report.ok())
        return cli::fail(cli::ReadError, QCoreApplication::translate("cli", "cannot start the comparison: %1")
                                             .arg(cli::fromStd(report.message())));
    if (parser.isSet("json"))
        cli::out() << QJsonDocument(reportToJson(*report)).toJson(QJsonDocument::Indented);
    else
        printText(*report);
    cli::out().flush();
    if (report->values.empty() && report->error.empty())
        return cli::fail(cli::ReadError,
                         QCoreApplication::translate("cli", "the reference has none of the model's values"));
    return report->withinTolerance() ? cli::Ok : cli::Mismatch;
}
