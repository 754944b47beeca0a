// Options shared by the onnxscope-cli commands that execute a model (run, profile): backend,
// threads, symbolic dim values, and input values from files or seeded random data.
#pragma once

#include "exec/backend.h"
#include "exec/session.h"

#include <QCommandLineParser>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cli {

struct EngineOptions {
    std::vector<std::shared_ptr<onnxscope::Backend>> backends; // extra backends before the CPU
    int threads = 0;
    std::map<std::string, int64_t> dims;
};

// Adds --backend, --threads, --input, --input-dir, --dim, --seed.
void addEngineOptions(QCommandLineParser& parser);
// Reads the backend, thread and dim options; prints the problem and returns nothing on error.
std::optional<EngineOptions> parseEngineOptions(const QCommandLineParser& parser);
// Backends for a --backend name ("cpu" needs none beyond the fallback).
onnxscope::Result<std::vector<std::shared_ptr<onnxscope::Backend>>> backendsFor(const QString& name);

// A session for the model with the engine options (profiling on or off); prints why and returns
// nullptr when the model cannot be planned.
std::unique_ptr<onnxscope::Session> createSessionOrReport(std::shared_ptr<onnxscope::Model> model,
                                                          const EngineOptions& engine, bool profile);

// The session's inputs from --input NAME=FILE and --input-dir DIR (input_K.pb in declaration
// order, or NAME.pb / NAME.npy); inputs still missing get seeded random data, with a notice on
// stderr. Prints the problem and returns nothing on error. defaultInputDir stands in for
// --input-dir when that is not given (compare --ref DIR reads the inputs beside the references).
std::optional<std::map<std::string, onnxscope::Value>>
gatherInputs(const QCommandLineParser& parser, const onnxscope::Session& session,
             const QString& defaultInputDir = QString());

// A short, human-readable description of a value: type, shape and the first few elements.
QString previewValue(const onnxscope::Value& value, int maxElements = 8);

} // namespace cli
