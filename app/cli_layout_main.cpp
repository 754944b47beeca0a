// onnxscope-cli-layout: `onnxscope-cli layout` in a process of its own. The layout measures
// nodes with Qt's font metrics and lays them out with the views library (and Graphviz), which the
// headless onnxscope-cli does not link; the desktop package installs this helper beside it.
#include "cli_commands.h"
#include "cli_util.h"

#include <QGuiApplication>

int main(int argc, char** argv) {
    // Fonts need a QGuiApplication; the offscreen platform gives one without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    cli::initApplication(app);
    return runLayoutInProcess(app.arguments().mid(1));
}
