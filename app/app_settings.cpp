#include "app_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace onnxscope {

namespace {
const QString kRecentFiles = QStringLiteral("recentFiles");
const QString kLanguage = QStringLiteral("ui/language");
const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kState = QStringLiteral("mainWindow/state");
const QString kMinimap = QStringLiteral("graph/minimap");
const QString kLastDir = QStringLiteral("ui/lastOpenDirectory");
const QString kBackend = QStringLiteral("exec/backend");
const QString kThreads = QStringLiteral("exec/threads");

QString normalized(const QString& path) {
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}
} // namespace

QStringList AppSettings::recentFiles() {
    return QSettings().value(kRecentFiles).toStringList();
}

void AppSettings::addRecentFile(const QString& path) {
    const QString file = normalized(path);
    QStringList files = recentFiles();
    files.removeAll(file);
    files.prepend(file);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecentFiles, files);
}

void AppSettings::removeRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(normalized(path));
    QSettings().setValue(kRecentFiles, files);
}

void AppSettings::clearRecentFiles() {
    QSettings().remove(kRecentFiles);
}

QString AppSettings::language() {
    return QSettings().value(kLanguage).toString();
}

void AppSettings::setLanguage(const QString& code) {
    QSettings().setValue(kLanguage, code);
}

QByteArray AppSettings::windowGeometry() {
    return QSettings().value(kGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry) {
    QSettings().setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() {
    return QSettings().value(kState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray& state) {
    QSettings().setValue(kState, state);
}

bool AppSettings::minimapVisible() {
    return QSettings().value(kMinimap, true).toBool();
}

void AppSettings::setMinimapVisible(bool visible) {
    QSettings().setValue(kMinimap, visible);
}

QString AppSettings::lastOpenDirectory() {
    return QSettings().value(kLastDir).toString();
}

void AppSettings::setLastOpenDirectory(const QString& directory) {
    QSettings().setValue(kLastDir, directory);
}

QString AppSettings::backend() {
    const QString value = QSettings().value(kBackend, QStringLiteral("cpu")).toString();
    return value == QLatin1String("opencl") ? value : QStringLiteral("cpu");
}

void AppSettings::setBackend(const QString& backend) {
    QSettings().setValue(kBackend, backend);
}

int AppSettings::threads() {
    return qMax(0, QSettings().value(kThreads, 0).toInt());
}

void AppSettings::setThreads(int threads) {
    QSettings().setValue(kThreads, qMax(0, threads));
}

} // namespace onnxscope
