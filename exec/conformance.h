// Runs ONNX backend conformance tests: a folder with model.onnx and test_data_set_*/ holding
// input_K.pb and the expected output_K.pb, compared with onnx's own rules (rtol 1e-3,
// atol 1e-7, NaN equals NaN, infinities must match in sign, strings exactly, dtype and shape
// equal) plus the per-test overrides documented with the test data.
//
// runConformanceTestIsolated runs a test in a child process, so a crashing or hanging kernel
// fails that one test instead of the whole suite.
#pragma once

#include "backend.h"
#include "core/status.h"
#include "core/value.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace onnxscope {

struct ConformanceOptions {
    std::vector<std::shared_ptr<Backend>> backends; // extra, before the CPU fallback
    int threads = 1;
    double timeoutSeconds = 60; // isolated runs only
};

struct ConformanceResult {
    std::string name; // the test folder's name
    bool passed = false;
    std::string reason; // why it failed, or a note ("shape and dtype only") when it passed
    double seconds = 0;
    // Node runs in the last data set, and how many of them a device backend executed (device
    // time measured: planned for the device and not handed back to the CPU at run time).
    int nodeRuns = 0;
    int deviceNodeRuns = 0;
};

// The test folders under dir (sorted), or dir itself when it holds a model.onnx.
std::vector<std::filesystem::path> findConformanceTests(const std::filesystem::path& dir);

ConformanceResult runConformanceTest(const std::filesystem::path& testDir, const ConformanceOptions& options);
ConformanceResult runConformanceTestIsolated(const std::filesystem::path& testDir,
                                             const ConformanceOptions& options);

struct ConformanceTolerance {
    double rtol = 1e-3;
    double atol = 1e-7;
    bool shapeAndTypeOnly = false; // outputs that depend on a random-number generator
};
ConformanceTolerance toleranceForTest(const std::string& testName);

// Ok when actual matches expected under the tolerance; otherwise the message says where and how
// they differ ("output 0 element 12: 0.5 vs expected 0.25").
Status compareValues(const Value& actual, const Value& expected, const ConformanceTolerance& tolerance,
                     const std::string& what = "value");

} // namespace onnxscope
