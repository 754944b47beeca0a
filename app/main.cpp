// onnxscope: the desktop application. Everything but startup lives in onnxscope_gui.
#include "app_settings.h"
#include "exec/cpu/openmp_spin.h"
#include "main_window.h"
#include "themed_icons.h"
#include "translation_loader.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace onnxscope;

int main(int argc, char* argv[]) {
    restartWithShortOpenMpSpin(argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("onnxscope"));
    QApplication::setApplicationName(QStringLiteral("onnxscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("ONNX Scope"));
    QApplication::setApplicationVersion(QStringLiteral(ONNXSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.onnxscope.OnnxScope"));
    QApplication::setWindowIcon(ThemedIcons::applicationIcon());

    // Translate before building the parser so --help speaks the user's language; --lang,
    // once parsed, overrides both the system locale and Settings.
    TranslationLoader::install(&app, TranslationLoader::resolve(AppSettings::language()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Browse, run and profile ONNX models."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption language(
        QStringLiteral("lang"),
        QApplication::translate("main", "Interface language (en, ko); overrides Settings."),
        QStringLiteral("code"));
    parser.addOption(language);
    parser.addPositionalArgument(QStringLiteral("model"),
                                 QApplication::translate("main", "ONNX model to open."),
                                 QStringLiteral("[model.onnx]"));
    parser.process(app);
    if (parser.isSet(language))
        TranslationLoader::install(&app, TranslationLoader::resolve(parser.value(language)));

    MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    return app.exec();
}
