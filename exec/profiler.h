// Per-node timings of session runs and their aggregates, kept apart from any UI.
//
// The session records one NodeSample per executed node (through a Profiler::Scope around the
// kernel call). From the samples the profiler derives per-node statistics across runs and per-op
// totals (count, total, min, max, median), and exports Chrome trace-event JSON
// (chrome://tracing, Perfetto). Views and the CLI only read these value types.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace onnxscope {

struct NodeSample {
    int run = 0;       // which run (Profiler::beginRun) the sample belongs to
    int nodeIndex = 0; // index in the execution plan
    std::string name;  // node name, or "OpType_index"
    std::string opType;
    std::string backend;
    std::string implementation;           // Kernel::implementation: the library kernel, "" for ours
    std::vector<std::string> inputShapes; // "float[1,3,224,224]", "seq(3)", "" for an omitted input
    std::vector<std::string> outputShapes;
    int64_t startNs = 0; // since the profiler's epoch
    int64_t durationNs = 0;
    // Device backends (OpenCL event profiling); -1 when the node ran on the host.
    int64_t deviceNs = -1;   // kernels executing
    int64_t queueNs = -1;    // waiting in the device queue, kept apart from execution
    int64_t transferNs = -1; // host <-> device copies
    // Plan indices of the original nodes a fused kernel ran for (nodeIndex is the first);
    // empty when the node ran on its own.
    std::vector<int> fusedNodes;
};

struct NodeStats {
    int nodeIndex = 0;
    std::string name;
    std::string opType;
    std::string backend;
    std::string implementation; // of the first sample
    std::vector<std::string> inputShapes;
    std::vector<std::string> outputShapes;
    std::vector<int> fusedNodes; // as in NodeSample
    int count = 0;
    double totalMs = 0, minMs = 0, maxMs = 0, medianMs = 0;
};

struct OpStats {
    std::string opType;
    int count = 0; // samples (node executions) of this op type
    double totalMs = 0, minMs = 0, maxMs = 0, medianMs = 0;
};

class Profiler {
public:
    Profiler();

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled) { m_enabled = enabled; }

    // Starts a new run; later samples carry its number.
    void beginRun() { ++m_currentRun; }
    int currentRun() const { return m_currentRun; }
    void record(NodeSample sample);
    void clear(); // drops samples (after warm-up runs) and restarts run numbering
    const std::vector<NodeSample>& samples() const { return m_samples; }
    int64_t nowNs() const;

    // Per node across runs, in plan order.
    std::vector<NodeStats> nodeStats() const;
    // Per op type, the most expensive first.
    std::vector<OpStats> opStats() const;
    // Sum of node durations of each run, in run order.
    std::vector<double> runTotalsMs() const;

    std::string chromeTraceJson() const;

    // Times one node: construct before the kernel call, fill shapes, and the destructor records.
    class Scope {
    public:
        Scope(Profiler* profiler, NodeSample sample);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;
        NodeSample& sample() { return m_sample; }
        // Ends timing now (before collecting output shapes, which should not count).
        void stop();

    private:
        Profiler* m_profiler;
        NodeSample m_sample;
        std::chrono::steady_clock::time_point m_start;
        bool m_stopped = false;
    };

private:
    bool m_enabled = true;
    int m_currentRun = 0;
    std::chrono::steady_clock::time_point m_epoch;
    std::vector<NodeSample> m_samples;
};

// "12.3 ms", "850 us", "1.20 s": a duration in the unit that keeps three significant digits.
std::string formatDuration(double milliseconds);
// Escapes a string for a JSON string literal (without the quotes).
std::string jsonEscape(const std::string& text);

} // namespace onnxscope
