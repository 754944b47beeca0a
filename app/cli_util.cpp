#include "cli_util.h"

#include "app_settings.h"
#include "translation_loader.h"

#include <cstdio>

namespace cli {

void initApplication(QCoreApplication& app) {
    QCoreApplication::setApplicationName("onnxscope-cli");
    QCoreApplication::setApplicationVersion(ONNXSCOPE_VERSION);
    QCoreApplication::setOrganizationName("onnxscope");
    onnxscope::TranslationLoader::install(
        &app, onnxscope::TranslationLoader::resolve(onnxscope::AppSettings::language()));
}

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err() {
    static QTextStream stream(stderr);
    return stream;
}

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QString& command,
                                    const QStringList& args) {
    if (!parser.parse(QStringList{command} + args))
        return fail(UsageError, parser.errorText());
    if (parser.isSet("help")) {
        out() << parser.helpText();
        return Ok;
    }
    return std::nullopt;
}

int fail(int code, const QString& message) {
    out().flush();
    err() << "onnxscope-cli: " << message << Qt::endl;
    return code;
}

std::shared_ptr<onnxscope::Model> loadModelOrReport(const QString& path) {
    auto model = onnxscope::Model::load(path.toStdString());
    if (!model.ok()) {
        fail(ReadError,
             QCoreApplication::translate("cli", "cannot read model: %1").arg(fromStd(model.message())));
        return nullptr;
    }
    return *model;
}

QString fromStd(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace cli
