// `onnxscope-cli layout`: forwards to onnxscope-cli-layout when it is installed (the desktop
// package, or a build with the GUI), and otherwise says how to get it.
#include "cli_commands.h"
#include "cli_util.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace {

const QString kHelper = QStringLiteral("onnxscope-cli-layout");

// Beside the CLI in a build tree; in libexec when installed.
QString findLayoutHelper() {
    const QString dir = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        dir + QLatin1Char('/') + kHelper,
        QDir::cleanPath(dir + QStringLiteral("/" ONNXSCOPE_LAYOUT_HELPER_RELDIR "/") + kHelper)};
    for (const QString& candidate : candidates)
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    return QString();
}

} // namespace

int runLayoutCommand(const QStringList& args) {
    const QString helper = findLayoutHelper();
    if (helper.isEmpty())
        return cli::fail(cli::UsageError,
                         QCoreApplication::translate(
                             "cli",
                             "this build of onnxscope-cli has no layout support: 'layout' needs the graph "
                             "view's layout code, which comes with the desktop application. Install the "
                             "onnxscope package, or build with -DONNXSCOPE_BUILD_GUI=ON."));
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.setInputChannelMode(QProcess::ForwardedInputChannel);
    process.start(helper, args);
    if (!process.waitForStarted(-1) || !process.waitForFinished(-1) ||
        process.exitStatus() != QProcess::NormalExit)
        return cli::fail(
            cli::ReadError,
            QCoreApplication::translate("cli", "%1 failed: %2").arg(helper, process.errorString()));
    return process.exitCode();
}
