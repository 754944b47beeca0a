// onnxscope-cli: the headless front end for scripts and CI.
#include "cli_commands.h"
#include "cli_util.h"
#include "exec/cpu/openmp_spin.h"

#include <QCoreApplication>

namespace {

struct Command {
    const char* name;
    int (*run)(const QStringList&);
    const char* summary;
};

const Command kCommands[] = {
    {"info", runInfoCommand, QT_TRANSLATE_NOOP("cli", "print a model's overview (--json)")},
    {"conformance", runConformanceCommand,
     QT_TRANSLATE_NOOP("cli", "run ONNX backend tests (DIR [--filter RE] [--json])")},
    {"run", runRunCommand, QT_TRANSLATE_NOOP("cli", "run a model (--input NAME=FILE --output-dir DIR)")},
    {"profile", runProfileCommand,
     QT_TRANSLATE_NOOP("cli", "time each node (--runs N --json FILE --trace FILE)")},
    {"profile-diff", runProfileDiffCommand,
     QT_TRANSLATE_NOOP("cli", "compare two profiles node by node (A.json B.json [--json] [--fail-above R])")},
    {"compare", runCompareCommand,
     QT_TRANSLATE_NOOP(
         "cli", "compare layer by layer (--ref FILE_OR_DIR | --against-backend B | --against-model M)")},
    {"diff", runDiffCommand, QT_TRANSLATE_NOOP("cli", "structural diff of two models (A B [--json])")},
    {"devices", runDevicesCommand, QT_TRANSLATE_NOOP("cli", "list OpenCL platforms and devices")},
    {"layout", runLayoutCommand,
     QT_TRANSLATE_NOOP("cli", "time the graph view layout (--expand-all --json --svg OUT)")},
    {"meta", runMetaCommand, QT_TRANSLATE_NOOP("cli", "edit metadata and save (-o OUT --set K=V --unset K)")},
};

int usage(int code) {
    QTextStream& stream = code == 0 ? cli::out() : cli::err();
    stream << QCoreApplication::translate("cli", "usage: onnxscope-cli COMMAND [ARGS...]") << "\n\n"
           << QCoreApplication::translate("cli", "Commands:") << "\n";
    for (const Command& c : kCommands)
        stream << "  " << QString::fromLatin1(c.name).leftJustified(13)
               << QCoreApplication::translate("cli", c.summary) << "\n";
    stream << "\n"
           << QCoreApplication::translate("cli",
                                          "Run 'onnxscope-cli COMMAND --help' for a command's options.")
           << Qt::endl;
    return code;
}

} // namespace

int main(int argc, char** argv) {
    onnxscope::restartWithShortOpenMpSpin(argv);
    // A plain QCoreApplication: `layout`, the one command that needs fonts, runs in a helper.
    QCoreApplication app(argc, argv);
    cli::initApplication(app);

    QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return usage(cli::UsageError);
    const QString command = args.takeFirst();
    if (command == "--version" || command == "-v") {
        cli::out() << "onnxscope-cli " << ONNXSCOPE_VERSION << Qt::endl;
        return cli::Ok;
    }
    if (command == "--help" || command == "-h" || command == "help")
        return usage(cli::Ok);
    for (const Command& c : kCommands)
        if (command == QLatin1String(c.name))
            return c.run(args);
    cli::err() << QCoreApplication::translate("cli", "unknown command '%1'").arg(command) << "\n";
    return usage(cli::UsageError);
}
