#include "cli_profile_document.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QSysInfo>
#include <QThread>

namespace cli {

namespace {

// x86 kernels name the CPU in "model name"; ARM kernels use "Hardware" or "Processor" instead.
QString cpuModelName() {
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly | QIODevice::Text)) {
        QString fallback;
        for (const QByteArray& line : cpuinfo.readAll().split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray key = line.left(colon).trimmed();
            const QString value = QString::fromUtf8(line.mid(colon + 1).trimmed());
            if (key == "model name" && !value.isEmpty())
                return value;
            if ((key == "Hardware" || key == "Processor") && fallback.isEmpty())
                fallback = value;
        }
        if (!fallback.isEmpty())
            return fallback;
    }
    return QSysInfo::currentCpuArchitecture();
}

} // namespace

QString fileSha256(const QString& path) {
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return QString();
    return QString::fromLatin1(hash.result().toHex());
}

QJsonObject machineDescription() {
    return {{"cpu", cpuModelName()},
            {"cores", QThread::idealThreadCount()},
            {"host", QSysInfo::machineHostName()},
            {"os", QSysInfo::prettyProductName()}};
}

QString profileDocumentProblem(const QJsonObject& document) {
    if (document.value("schema").toString() != kProfileSchema)
        return QCoreApplication::translate("cli", "not an onnxscope profile (no \"schema\": \"%1\"); "
                                                  "write one with 'onnxscope-cli profile MODEL --json FILE'")
            .arg(kProfileSchema);
    const int version = document.value("version").toInt();
    if (version < 1 || version > kProfileSchemaVersion)
        return QCoreApplication::translate("cli", "profile schema version %1 is not supported (this build "
                                                  "reads version %2)")
            .arg(version)
            .arg(kProfileSchemaVersion);
    if (!document.value("nodes").isArray())
        return QCoreApplication::translate("cli", "the profile has no \"nodes\" list");
    return QString();
}

} // namespace cli
