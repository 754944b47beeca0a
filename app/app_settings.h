// Persistent user settings of the GUI: recent files, language, window layout and the execution
// choices (backend, threads) later runs start from.
//
// A thin typed layer over QSettings so keys and defaults live in one place. It reads and
// writes through a fresh QSettings each time; QSettings caches per process, so this is cheap,
// and tests can redirect the storage (QStandardPaths test mode or XDG_CONFIG_HOME).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace onnxscope {

class AppSettings {
public:
    static constexpr int kMaxRecentFiles = 10;

    // Most recent first; entries are absolute paths.
    static QStringList recentFiles();
    static void addRecentFile(const QString& path);
    static void removeRecentFile(const QString& path);
    static void clearRecentFiles();

    // "" follows the system locale; otherwise a language code such as "en" or "ko".
    static QString language();
    static void setLanguage(const QString& code);

    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray& geometry);
    static QByteArray windowState();
    static void setWindowState(const QByteArray& state);

    // Whether the graph view shows its minimap (on by default).
    static bool minimapVisible();
    static void setMinimapVisible(bool visible);

    static QString lastOpenDirectory();
    static void setLastOpenDirectory(const QString& directory);

    // Execution defaults remembered for the run/profile views: "cpu" or "opencl".
    static QString backend();
    static void setBackend(const QString& backend);
    // 0 means "as many as the machine has".
    static int threads();
    static void setThreads(int threads);
};

} // namespace onnxscope
