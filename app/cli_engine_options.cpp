#include "cli_engine_options.h"

#include "cli_util.h"

#include "core/tensor_file_io.h"
#include "core/tensor_proto_io.h"
#include "exec/backend_factory.h"
#include "exec/declared_value_io.h"
#include "exec/graph_executor.h"
#include "exec/input_generator.h"

#include <QDir>
#include <QFileInfo>

#include <random>

using namespace onnxscope;

namespace cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("cli", text);
}

} // namespace

void addEngineOptions(QCommandLineParser& parser) {
    parser.addOption(
        {"backend", tr("Backend to run on (cpu, opencl, opencl:N; see 'devices')."), tr("NAME"), "cpu"});
    parser.addOption({"threads", tr("Threads kernels may use (0: all cores)."), tr("N"), "0"});
    parser.addOption(
        {"input", tr("Input value from a .pb, .npy or FILE.npz:member file (repeatable)."), tr("NAME=FILE")});
    parser.addOption({"input-dir",
                      tr("Folder with input_K.pb files (graph input order) or NAME.pb / NAME.npy."),
                      tr("DIR")});
    parser.addOption({"dim", tr("Value of a symbolic dimension (repeatable)."), tr("NAME=VALUE")});
    parser.addOption({"seed", tr("Seed for random inputs."), tr("N"), "0"});
}

Result<std::vector<std::shared_ptr<Backend>>> backendsFor(const QString& name) {
    return sessionBackendsFor(name.toStdString());
}

std::optional<EngineOptions> parseEngineOptions(const QCommandLineParser& parser) {
    EngineOptions options;
    auto backends = backendsFor(parser.value("backend"));
    if (!backends.ok()) {
        fail(UsageError, fromStd(backends.message()));
        return std::nullopt;
    }
    options.backends = std::move(backends).value();
    bool ok = false;
    options.threads = parser.value("threads").toInt(&ok);
    if (!ok || options.threads < 0) {
        fail(UsageError, tr("--threads needs a number, got '%1'").arg(parser.value("threads")));
        return std::nullopt;
    }
    for (const QString& d : parser.values("dim")) {
        const qsizetype eq = d.indexOf('=');
        const qint64 v = eq > 0 ? d.mid(eq + 1).toLongLong(&ok) : 0;
        if (eq <= 0 || !ok || v < 0) {
            fail(UsageError, tr("--dim needs NAME=VALUE, got '%1'").arg(d));
            return std::nullopt;
        }
        options.dims[d.left(eq).toStdString()] = v;
    }
    return options;
}

std::optional<std::map<std::string, Value>>
gatherInputs(const QCommandLineParser& parser, const Session& session, const QString& defaultInputDir) {
    std::map<std::string, Value> inputs;
    const auto& declared = session.inputs();
    auto findInfo = [&](const std::string& name) -> const ValueInfo* {
        for (const ValueInfo& info : declared)
            if (info.name == name)
                return &info;
        return nullptr;
    };
    for (const QString& spec : parser.values("input")) {
        const qsizetype eq = spec.indexOf('=');
        if (eq <= 0) {
            fail(UsageError, tr("--input needs NAME=FILE, got '%1'").arg(spec));
            return std::nullopt;
        }
        const std::string name = spec.left(eq).toStdString();
        const std::string file = spec.mid(eq + 1).toStdString();
        const ValueInfo* info = findInfo(name);
        if (!info) {
            fail(UsageError, tr("the model has no input named '%1'").arg(fromStd(name)));
            return std::nullopt;
        }
        Result<Value> value = readInputValue(file, *info);
        if (!value.ok()) {
            fail(ReadError, tr("cannot read input '%1': %2").arg(fromStd(name), fromStd(value.message())));
            return std::nullopt;
        }
        inputs[name] = std::move(value).value();
    }
    const QString inputDir = parser.isSet("input-dir") ? parser.value("input-dir") : defaultInputDir;
    if (!inputDir.isEmpty()) {
        const QDir dir(inputDir);
        for (size_t k = 0; k < declared.size(); ++k) {
            const ValueInfo& info = declared[k];
            if (inputs.count(info.name))
                continue;
            const QString name = fromStd(info.name);
            QString file;
            for (const QString& candidate :
                 {QStringLiteral("input_%1.pb").arg(k), name + ".pb", name + ".npy"})
                if (QFileInfo::exists(dir.filePath(candidate))) {
                    file = dir.filePath(candidate);
                    break;
                }
            if (file.isEmpty())
                continue;
            Result<Value> value = readInputValue(file.toStdString(), info);
            if (!value.ok()) {
                fail(ReadError, tr("cannot read input '%1': %2").arg(name, fromStd(value.message())));
                return std::nullopt;
            }
            inputs[info.name] = std::move(value).value();
        }
    }
    std::mt19937_64 rng(parser.value("seed").toULongLong());
    for (const ValueInfo& info : declared) {
        if (inputs.count(info.name) || info.hasInitializer)
            continue;
        if (info.kind != ValueInfo::Kind::Tensor) {
            fail(UsageError, tr("input '%1' is not a tensor; give it with --input or --input-dir")
                                 .arg(fromStd(info.name)));
            return std::nullopt;
        }
        std::vector<std::string> guessedDims;
        const Shape shape = resolveInputShape(info, {}, &guessedDims);
        QStringList guessed;
        for (const std::string& dim : guessedDims)
            guessed << fromStd(dim);
        auto t = randomTensor(info.elementType, shape, rng);
        if (!t.ok()) {
            fail(UsageError, tr("input '%1': %2").arg(fromStd(info.name), fromStd(t.message())));
            return std::nullopt;
        }
        err() << tr("notice: input '%1' not given; using seeded random data %2")
                     .arg(fromStd(info.name), fromStd(describeValue(*t)));
        if (!guessed.isEmpty())
            err() << " " << tr("(unknown dims %1 set to 1; use --dim NAME=VALUE)").arg(guessed.join(", "));
        err() << Qt::endl;
        inputs[info.name] = Value(std::move(t).value());
    }
    return inputs;
}

QString previewValue(const Value& value, int maxElements) {
    QString text = fromStd(describeValue(value));
    if (!value.isTensor())
        return text;
    const Tensor& t = value.tensor;
    const int64_t n = std::min<int64_t>(t.elementCount(), maxElements);
    QStringList items;
    for (int64_t i = 0; i < n; ++i) {
        if (t.dataType() == DataType::String)
            items << "\"" + fromStd(t.data<std::string>()[i]) + "\"";
        else if (t.dataType() == DataType::Complex64 || t.dataType() == DataType::Complex128)
            break;
        else
            items << QString::number(t.elementAsDouble(i), 'g', 6);
    }
    if (t.elementCount() > n)
        items << "...";
    return text + " [" + items.join(", ") + "]";
}

std::unique_ptr<Session> createSessionOrReport(std::shared_ptr<Model> model, const EngineOptions& engine,
                                               bool profile) {
    SessionOptions options;
    options.threads = engine.threads;
    options.backends = engine.backends;
    options.dimOverrides = engine.dims;
    options.profile = profile;
    auto session = Session::create(std::move(model), options);
    if (!session.ok()) {
        fail(ReadError,
             QCoreApplication::translate("cli", "cannot plan the model: %1").arg(fromStd(session.message())));
        return nullptr;
    }
    return std::move(session).value();
}

} // namespace cli
