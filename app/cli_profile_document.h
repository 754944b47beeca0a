// The profile document that `profile --json` writes and `profile-diff` reads: its schema name and
// version, and the facts about the model and the machine it records. README's "Profile files"
// section documents every key; a change to the keys' meaning raises kProfileSchemaVersion.
#pragma once

#include <QJsonObject>
#include <QString>

namespace cli {

inline const QString kProfileSchema = QStringLiteral("onnxscope-profile");
constexpr int kProfileSchemaVersion = 1;

// Lower-case hex SHA-256 of the file's bytes, or an empty string when it cannot be read. Two
// profiles with the same hash were taken of the same model file.
QString fileSha256(const QString& path);

// {"cpu": model name, "cores": logical CPUs this process may use, "host", "os"}.
QJsonObject machineDescription();

// Checks that a parsed document is a profile this build can read; returns the reason when not.
QString profileDocumentProblem(const QJsonObject& document);

} // namespace cli
