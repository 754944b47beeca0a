// Small helpers shared by the onnxscope-cli subcommands: output streams, error reporting, model
// loading with the CLI's exit-code conventions.
#pragma once

#include "core/model.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QTextStream>

#include <memory>
#include <optional>

namespace cli {

enum ExitCode { Ok = 0, UsageError = 1, ReadError = 2, Mismatch = 3, ThresholdExceeded = 4 };

// Names the application and installs the translation the GUI would use: the Settings override,
// else the system locale. Shared by onnxscope-cli and its layout helper.
void initApplication(QCoreApplication& app);

QTextStream& out();
QTextStream& err();

// Parses the arguments of `onnxscope-cli COMMAND`. Returns the exit code when the command is done
// already (a usage error was reported, or --help was printed), and nothing when it should run.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QString& command,
                                    const QStringList& args);

// Prints "onnxscope-cli: <message>" on stderr and returns code.
int fail(int code, const QString& message);

// Loads a model or prints why not; returns nullptr on failure.
std::shared_ptr<onnxscope::Model> loadModelOrReport(const QString& path);

QString fromStd(const std::string& s);

} // namespace cli
