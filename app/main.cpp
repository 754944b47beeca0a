// onnxscope: the desktop application. Everything but startup lives in onnxscope_gui.
#include "app_settings.h"
#include "exec/cpu/openmp_spin.h"
#include "main_window.h"
#include "themed_icons.h"
#include "translation_loader.h"
#include "views/graph_page.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

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
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window once the model is shown, then quit."),
        QStringLiteral("file.png"));
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("model"),
                                 QApplication::translate("main", "ONNX model to open."),
                                 QStringLiteral("[model.onnx]"));
    parser.process(app);
    if (parser.isSet(language))
        TranslationLoader::install(&app, TranslationLoader::resolve(parser.value(language)));

    MainWindow window;
    window.show();
    if (parser.isSet(screenshot)) {
        // For packaging/screenshots.sh: the picture is taken once the first view is painted.
        const QString path = parser.value(screenshot);
        QObject::connect(window.graphPage(), &GraphPage::layoutReady, &window, [&window, path] {
            QTimer::singleShot(500, &window,
                               [&window, path] { QApplication::exit(window.grab().save(path) ? 0 : 1); });
        });
        QObject::connect(&window, &MainWindow::loadFailed, &window, [] { QApplication::exit(1); });
    }
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    return app.exec();
}
