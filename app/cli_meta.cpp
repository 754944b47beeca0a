// onnxscope-cli meta MODEL -o OUT [--set KEY=VALUE]... [--unset KEY]... [--producer NAME] [--doc TEXT]
#include "cli_commands.h"
#include "cli_util.h"

#include "core/model_edit.h"

#include <QCommandLineParser>

using namespace onnxscope;

int runMetaCommand(const QStringList& args) {
    auto tr = [](const char* text) { return QCoreApplication::translate("cli", text); };
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Edit a model's metadata and save it."));
    parser.addPositionalArgument("model", tr("The .onnx file."));
    QCommandLineOption output({"o", "output"}, tr("Where to save the edited model."), "OUT");
    QCommandLineOption set("set", tr("Add or change a metadata property."), "KEY=VALUE");
    QCommandLineOption unset("unset", tr("Remove a metadata property."), "KEY");
    QCommandLineOption producer("producer", tr("Set the producer name."), "NAME");
    QCommandLineOption producerVersion("producer-version", tr("Set the producer version."), "VERSION");
    QCommandLineOption doc("doc", tr("Set the model's doc string."), "TEXT");
    QCommandLineOption force("force", tr("Save even if the checker reports the model invalid."));
    parser.addOptions({output, set, unset, producer, producerVersion, doc, force});
    if (!parser.parse(QStringList{"meta"} + args))
        return cli::fail(cli::UsageError, parser.errorText());
    if (parser.positionalArguments().size() != 1 || !parser.isSet(output))
        return cli::fail(cli::UsageError,
                         tr("usage: onnxscope-cli meta MODEL -o OUT [--set KEY=VALUE]... [--unset KEY]... "
                            "[--producer NAME] [--doc TEXT]"));
    auto model = cli::loadModelOrReport(parser.positionalArguments().first());
    if (!model)
        return cli::ReadError;

    // Validate every argument before touching the model, so a bad one changes nothing.
    std::vector<std::pair<std::string, std::string>> sets;
    for (const QString& kv : parser.values(set)) {
        int eq = kv.indexOf('=');
        if (eq <= 0)
            return cli::fail(cli::UsageError,
                             tr("--set needs KEY=VALUE with a non-empty key, got '%1'").arg(kv));
        sets.emplace_back(kv.left(eq).toStdString(), kv.mid(eq + 1).toStdString());
    }
    Status status;
    for (const auto& [key, value] : sets)
        if (status.ok())
            status = setMetadataProp(*model, key, value);
    for (const QString& key : parser.values(unset))
        if (status.ok())
            status = removeMetadataProp(*model, key.toStdString());
    if (status.ok() && parser.isSet(producer))
        status = setProducerName(*model, parser.value(producer).toStdString());
    if (status.ok() && parser.isSet(producerVersion))
        status = setProducerVersion(*model, parser.value(producerVersion).toStdString());
    if (status.ok() && parser.isSet(doc))
        status = setModelDocString(*model, parser.value(doc).toStdString());
    if (!status.ok())
        return cli::fail(cli::UsageError, cli::fromStd(status.message()));

    SaveOptions options;
    options.force = parser.isSet(force);
    status = model->save(parser.value(output).toStdString(), options);
    if (!status.ok())
        return cli::fail(cli::ReadError, tr("cannot save: %1").arg(cli::fromStd(status.message())));
    return cli::Ok;
}
