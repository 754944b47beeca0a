#include "conformance.h"

#include "declared_value_io.h"

#include "core/model.h"
#include "core/tensor_proto_io.h"
#include "session.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>
#include <sstream>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace onnxscope {

std::vector<fs::path> findConformanceTests(const fs::path& dir) {
    std::vector<fs::path> tests;
    std::error_code ec;
    if (fs::exists(dir / "model.onnx", ec)) {
        tests.push_back(dir);
        return tests;
    }
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_directory(ec) && fs::exists(entry.path() / "model.onnx", ec))
            tests.push_back(entry.path());
    std::sort(tests.begin(), tests.end());
    return tests;
}

ConformanceTolerance toleranceForTest(const std::string& name) {
    ConformanceTolerance t;
    auto startsWith = [&](const char* prefix) { return name.rfind(prefix, 0) == 0; };
    // Values from onnx-tests/README.md: onnx's reference suite and other backends need these.
    if (startsWith("test_dft") || startsWith("test_stft"))
        t.atol = 1e-3;
    if (name == "test_celu_bfloat16_expanded") {
        t.rtol = 1e-2;
        t.atol = 1e-2;
    }
    if (name == "test_adam_multiple") {
        t.rtol = 1e-2;
        t.atol = 1e-2;
    }
    if (startsWith("test_bernoulli") ||
        (startsWith("test_training_dropout") && !startsWith("test_training_dropout_zero_ratio")))
        t.shapeAndTypeOnly = true;
    return t;
}

namespace {

std::string formatNumber(double v) {
    std::ostringstream s;
    s.precision(9);
    s << v;
    return s.str();
}

Status compareTensors(const Tensor& actual, const Tensor& expected, const ConformanceTolerance& tol,
                      const std::string& what) {
    if (actual.dataType() != expected.dataType())
        return Status::error(what + ": dtype " + std::string(dataTypeName(actual.dataType())) +
                             " vs expected " + std::string(dataTypeName(expected.dataType())));
    if (actual.shape() != expected.shape())
        return Status::error(what + ": shape " + shapeToString(actual.shape()) + " vs expected " +
                             shapeToString(expected.shape()));
    if (tol.shapeAndTypeOnly)
        return {};
    const int64_t n = expected.elementCount();
    const DataType type = expected.dataType();
    if (type == DataType::String) {
        for (int64_t i = 0; i < n; ++i)
            if (actual.data<std::string>()[i] != expected.data<std::string>()[i])
                return Status::error(what + " element " + std::to_string(i) + ": \"" +
                                     actual.data<std::string>()[i] + "\" vs expected \"" +
                                     expected.data<std::string>()[i] + "\"");
        return {};
    }
    if (type == DataType::Complex64 || type == DataType::Complex128) {
        const size_t bytes = expected.byteSize();
        const int parts = type == DataType::Complex64 ? 2 * static_cast<int>(n) : 0;
        if (type == DataType::Complex64) {
            for (int i = 0; i < parts; ++i) {
                double a = actual.data<float>()[i], e = expected.data<float>()[i];
                if (!(std::abs(a - e) <= tol.atol + tol.rtol * std::abs(e)) &&
                    !(std::isnan(a) && std::isnan(e)))
                    return Status::error(what + " complex component " + std::to_string(i) + ": " +
                                         formatNumber(a) + " vs expected " + formatNumber(e));
            }
            return {};
        }
        return std::memcmp(actual.rawData(), expected.rawData(), bytes) == 0
                   ? Status()
                   : Status::error(what + ": complex128 values differ");
    }
    const bool integral = isInteger(type) || type == DataType::Bool;
    int64_t mismatches = 0;
    int64_t firstBad = -1;
    double firstA = 0, firstE = 0;
    double worstAbs = 0;
    for (int64_t i = 0; i < n; ++i) {
        bool good;
        double a, e;
        if (type == DataType::Int64 || type == DataType::Uint64) {
            // Doubles lose the low bits of large 64-bit integers; compare those exactly.
            int64_t ai = actual.data<int64_t>()[i], ei = expected.data<int64_t>()[i];
            good = ai == ei;
            a = type == DataType::Int64 ? static_cast<double>(ai)
                                        : static_cast<double>(static_cast<uint64_t>(ai));
            e = type == DataType::Int64 ? static_cast<double>(ei)
                                        : static_cast<double>(static_cast<uint64_t>(ei));
        } else {
            a = actual.elementAsDouble(i);
            e = expected.elementAsDouble(i);
            if (std::isnan(e) || std::isnan(a))
                good = std::isnan(e) && std::isnan(a);
            else if (std::isinf(e) || std::isinf(a))
                good = a == e;
            else if (integral)
                good = a == e;
            else
                good = std::abs(a - e) <= tol.atol + tol.rtol * std::abs(e);
        }
        if (!good) {
            if (firstBad < 0) {
                firstBad = i;
                firstA = a;
                firstE = e;
            }
            ++mismatches;
            if (std::isfinite(a) && std::isfinite(e))
                worstAbs = std::max(worstAbs, std::abs(a - e));
        }
    }
    if (mismatches == 0)
        return {};
    return Status::error(what + ": " + std::to_string(mismatches) + " of " + std::to_string(n) +
                         " elements differ; first at " + std::to_string(firstBad) + ": " +
                         formatNumber(firstA) + " vs expected " + formatNumber(firstE) + " (max abs diff " +
                         formatNumber(worstAbs) + ")");
}

} // namespace

Status compareValues(const Value& actual, const Value& expected, const ConformanceTolerance& tolerance,
                     const std::string& what) {
    if (expected.kind != actual.kind) {
        auto kindName = [](const Value& v) {
            switch (v.kind) {
            case Value::Kind::Tensor:
                return "a tensor";
            case Value::Kind::Sequence:
                return "a sequence";
            case Value::Kind::Map:
                return "a map";
            case Value::Kind::None:
                return "an empty optional";
            }
            return "?";
        };
        return Status::error(what + ": got " + kindName(actual) + ", expected " + kindName(expected));
    }
    switch (expected.kind) {
    case Value::Kind::Tensor:
        return compareTensors(actual.tensor, expected.tensor, tolerance, what);
    case Value::Kind::Sequence:
        if (actual.elements.size() != expected.elements.size())
            return Status::error(what + ": sequence of " + std::to_string(actual.elements.size()) +
                                 " elements vs expected " + std::to_string(expected.elements.size()));
        for (size_t i = 0; i < expected.elements.size(); ++i)
            OS_RETURN_IF_ERROR(compareValues(actual.elements[i], expected.elements[i], tolerance,
                                             what + "[" + std::to_string(i) + "]"));
        return {};
    case Value::Kind::Map:
        OS_RETURN_IF_ERROR(compareTensors(actual.mapKeys, expected.mapKeys, tolerance, what + " keys"));
        return compareTensors(actual.mapValues, expected.mapValues, tolerance, what + " values");
    case Value::Kind::None:
        return {};
    }
    return {};
}

namespace {

Status runDataSet(Session& session, const fs::path& dataDir, const ConformanceTolerance& tolerance) {
    std::map<std::string, Value> inputs;
    const auto& declared = session.inputs();
    for (size_t k = 0;; ++k) {
        fs::path file = dataDir / ("input_" + std::to_string(k) + ".pb");
        if (!fs::exists(file))
            break;
        if (k >= declared.size())
            return Status::error(file.filename().string() +
                                 " has no matching graph input (the graph declares " +
                                 std::to_string(declared.size()) + ")");
        OS_ASSIGN_OR_RETURN(Value v, readDeclaredValuePb(file, declared[k]));
        inputs[declared[k].name] = std::move(v);
    }
    OS_ASSIGN_OR_RETURN(auto outputs, session.runAll(inputs));
    const auto& declaredOut = session.outputs();
    size_t expectedCount = 0;
    while (fs::exists(dataDir / ("output_" + std::to_string(expectedCount) + ".pb")))
        ++expectedCount;
    if (expectedCount != declaredOut.size())
        return Status::error(std::to_string(declaredOut.size()) + " outputs vs " +
                             std::to_string(expectedCount) + " expected");
    for (size_t k = 0; k < expectedCount; ++k) {
        OS_ASSIGN_OR_RETURN(
            Value expected,
            readDeclaredValuePb(dataDir / ("output_" + std::to_string(k) + ".pb"), declaredOut[k]));
        const Value& actual = outputs[declaredOut[k].name];
        OS_RETURN_IF_ERROR(compareValues(actual, expected, tolerance,
                                         "output " + std::to_string(k) + " ('" + declaredOut[k].name + "')"));
    }
    return {};
}

} // namespace

ConformanceResult runConformanceTest(const fs::path& testDir, const ConformanceOptions& options) {
    ConformanceResult result;
    result.name = testDir.filename().string();
    const auto start = std::chrono::steady_clock::now();
    auto finish = [&](bool passed, std::string reason) {
        result.passed = passed;
        result.reason = std::move(reason);
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return result;
    };

    auto model = Model::load(testDir / "model.onnx");
    if (!model.ok())
        return finish(false, model.message());
    SessionOptions sessionOptions;
    sessionOptions.threads = options.threads;
    sessionOptions.backends = options.backends;
    // With a device backend the profile tells which nodes really ran there.
    sessionOptions.profile = !options.backends.empty();
    auto session = Session::create(*model, sessionOptions);
    if (!session.ok())
        return finish(false, session.message());
    const ConformanceTolerance tolerance = toleranceForTest(result.name);
    std::vector<fs::path> dataSets;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(testDir, ec))
        if (entry.is_directory(ec) && entry.path().filename().string().rfind("test_data_set_", 0) == 0)
            dataSets.push_back(entry.path());
    std::sort(dataSets.begin(), dataSets.end());
    if (dataSets.empty())
        return finish(false, "no test_data_set_* folder");
    for (const fs::path& dataDir : dataSets) {
        (*session)->profiler().clear();
        Status s = runDataSet(**session, dataDir, tolerance);
        result.nodeRuns = 0;
        result.deviceNodeRuns = 0;
        for (const NodeSample& sample : (*session)->profiler().samples()) {
            ++result.nodeRuns;
            result.deviceNodeRuns += sample.deviceNs >= 0;
        }
        if (!s.ok())
            return finish(false,
                          (dataSets.size() > 1 ? dataDir.filename().string() + ": " : "") + s.message());
    }
    return finish(true, tolerance.shapeAndTypeOnly ? "shape and dtype only (random output)" : "");
}

ConformanceResult runConformanceTestIsolated(const fs::path& testDir, const ConformanceOptions& options) {
    for (const auto& backend : options.backends)
        if (backend && !backend->survivesFork())
            return runConformanceTest(testDir, options);
    int fds[2];
    if (pipe(fds) != 0)
        return runConformanceTest(testDir, options);
    const auto start = std::chrono::steady_clock::now();
    pid_t child = fork();
    if (child < 0) {
        close(fds[0]);
        close(fds[1]);
        return runConformanceTest(testDir, options);
    }
    if (child == 0) {
        close(fds[0]);
        ConformanceResult r = runConformanceTest(testDir, options);
        std::string message = (r.passed ? "P" : "F") + r.reason;
        size_t off = 0;
        while (off < message.size()) {
            ssize_t n = write(fds[1], message.data() + off, message.size() - off);
            if (n <= 0)
                break;
            off += static_cast<size_t>(n);
        }
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    std::string message;
    bool timedOut = false;
    char buffer[4096];
    for (;;) {
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double left = options.timeoutSeconds - elapsed;
        if (left <= 0) {
            timedOut = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        int ready = poll(&p, 1, static_cast<int>(std::min(left, 1e6) * 1000) + 1);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            continue;
        ssize_t n = read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        message.append(buffer, static_cast<size_t>(n));
    }
    close(fds[0]);
    if (timedOut)
        kill(child, SIGKILL);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    ConformanceResult result;
    result.name = testDir.filename().string();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (timedOut) {
        result.reason = "timed out after " + formatNumber(options.timeoutSeconds) + " s";
    } else if (WIFSIGNALED(status)) {
        result.reason = "crashed with signal " + std::to_string(WTERMSIG(status)) + " (" +
                        strsignal(WTERMSIG(status)) + ")";
    } else if (message.empty()) {
        result.reason = "the test process exited without a result";
    } else {
        result.passed = message[0] == 'P';
        result.reason = message.substr(1);
    }
    return result;
}

} // namespace onnxscope
