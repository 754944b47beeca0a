// onnxscope-cli: the headless front end for scripts and CI.
#include "app_settings.h"
#include "cli_commands.h"
#include "cli_util.h"
#include "exec/cpu/openmp_spin.h"
#include "translation_loader.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

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
        stream << "  " << QString::fromLatin1(c.name).leftJustified(12)
               << QCoreApplication::translate("cli", c.summary) << "\n";
    stream << "\n"
           << QCoreApplication::translate("cli",
                                          "Run 'onnxscope-cli COMMAND --help' for a command's options.")
           << Qt::endl;
    return code;
}

// `layout` measures nodes with real Qt font metrics, which need a QGuiApplication; it runs on the
// offscreen platform so no display is needed. Every other command stays a plain QCoreApplication.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "layout") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QGuiApplication>(argc, argv);
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char** argv) {
    onnxscope::restartWithShortOpenMpSpin(argv);
    std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName("onnxscope-cli");
    QCoreApplication::setApplicationVersion(ONNXSCOPE_VERSION);
    QCoreApplication::setOrganizationName("onnxscope");
    // The CLI speaks the GUI's language: the Settings override, else the system locale.
    onnxscope::TranslationLoader::install(
        &app, onnxscope::TranslationLoader::resolve(onnxscope::AppSettings::language()));

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
