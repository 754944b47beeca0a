// onnxscope-cli run MODEL: runs a model once on given or random inputs, prints the outputs and
// optionally writes them as output_K.pb.
#include "cli_commands.h"
#include "cli_engine_options.h"
#include "cli_util.h"

#include "core/tensor_proto_io.h"

#include <QCommandLineParser>
#include <QDir>

using namespace onnxscope;

int runRunCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("cli", "Run a model once."));
    parser.addHelpOption();
    parser.addPositionalArgument("MODEL", QCoreApplication::translate("cli", "The .onnx file."));
    cli::addEngineOptions(parser);
    parser.addOption({"output-dir",
                      QCoreApplication::translate("cli", "Write the outputs as output_K.pb here."),
                      QCoreApplication::translate("cli", "DIR")});
    if (const auto done = cli::parseCommandLine(parser, "run", args))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return cli::fail(cli::UsageError, QCoreApplication::translate("cli", "run needs one MODEL"));
    auto engine = cli::parseEngineOptions(parser);
    if (!engine)
        return cli::UsageError;
    auto model = cli::loadModelOrReport(parser.positionalArguments().first());
    if (!model)
        return cli::ReadError;

    auto session = cli::createSessionOrReport(model, *engine, false);
    if (!session)
        return cli::ReadError;
    auto inputs = cli::gatherInputs(parser, *session);
    if (!inputs)
        return cli::UsageError;
    auto outputs = session->runAll(*inputs);
    if (!outputs.ok())
        return cli::fail(
            cli::ReadError,
            QCoreApplication::translate("cli", "run failed: %1").arg(cli::fromStd(outputs.message())));

    QDir outDir;
    if (parser.isSet("output-dir")) {
        outDir.setPath(parser.value("output-dir"));
        if (!outDir.mkpath("."))
            return cli::fail(cli::ReadError,
                             QCoreApplication::translate("cli", "cannot create %1").arg(outDir.path()));
    }
    const auto& declared = session->outputs();
    for (size_t k = 0; k < declared.size(); ++k) {
        const Value& v = (*outputs)[declared[k].name];
        cli::out() << cli::fromStd(declared[k].name) << ": " << cli::previewValue(v) << Qt::endl;
        if (parser.isSet("output-dir")) {
            const QString file = outDir.filePath(QStringLiteral("output_%1.pb").arg(k));
            Status s = writeValuePb(file.toStdString(), v, declared[k].name);
            if (!s.ok())
                return cli::fail(cli::ReadError, QCoreApplication::translate("cli", "cannot write %1: %2")
                                                     .arg(file, cli::fromStd(s.message())));
        }
    }
    return cli::Ok;
}
