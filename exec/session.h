// A session runs one model: planned once, then run whole or node by node.
//
// runAll() is the plain inference path. For debugging, begin() binds the inputs, step() runs one
// node, runTo() runs up to and including a node, and resume() runs on until the end, a
// breakpoint (checked before a node runs) or a stop request. requestStop() may be called from
// another thread; the flag is checked between nodes and inside subgraph loops. Every failure
// names the node; after one, the session stays at that node and can be restarted with begin().
// With keepIntermediates every value stays alive for inspection, within a memory budget.
// Values a device backend keeps on its device are copied to the host only when something reads
// them there: a host node, value(), outputValues(); the copy time goes to the node's profile
// entry as transfer time.
#pragma once

#include "backend.h"
#include "execution_plan.h"
#include "graph_executor.h"
#include "profiler.h"

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace onnxscope {

class Model;

struct SessionOptions {
    int threads = 0; // 0: OpenMP's default
    bool keepIntermediates = false;
    uint64_t memoryBudgetBytes = 0; // for kept intermediates; 0 means no limit
    // Extra backends in preference order; the CPU backend is always appended as the fallback.
    std::vector<std::shared_ptr<Backend>> backends;
    std::map<std::string, int64_t> dimOverrides;
    bool profile = true;
};

enum class StopReason { Finished, Breakpoint, Stopped, NodeDone };

class Session {
public:
    static Result<std::unique_ptr<Session>> create(std::shared_ptr<const Model> model,
                                                   SessionOptions options = {});
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    const ExecutionPlan& plan() const { return *m_plan; }
    const std::vector<ValueInfo>& inputs() const { return m_plan->inputs; }
    const std::vector<ValueInfo>& outputs() const { return m_plan->outputs; }
    size_t nodeCount() const { return m_plan->nodes.size(); }
    const SessionOptions& options() const { return m_options; }
    const std::shared_ptr<const Model>& model() const { return m_model; }

    // How begin() sets a pass up. Stepped: every node of the plan runs as written, so each value
    // can be looked at (debugging). AsRun: the pass executes exactly what runAll() executes
    // (fused groups, folded constants, inputs reused in place unless intermediates are kept), so
    // an observer that only peeks sees the numbers a plain run produces (layer comparison).
    enum class PassMode { Stepped, AsRun };

    // Runs the whole graph (breakpoints ignored) and returns the outputs by name. Unless
    // intermediates are kept, fused node groups (see fusion.h) run as one kernel each.
    Result<std::map<std::string, Value>> runAll(const std::map<std::string, Value>& inputs);

    // Starts a stepped run. Inputs are by name; every declared input without an initializer
    // default must be given.
    Status begin(const std::map<std::string, Value>& inputs, PassMode mode = PassMode::Stepped);
    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_started && m_next >= m_plan->nodes.size(); }
    size_t nextNode() const { return m_next; } // the node step() runs next
    Result<StopReason> step();
    // Runs until node nodeIndex has run; stops early at a breakpoint or a stop request.
    Result<StopReason> runTo(size_t nodeIndex);
    // Runs to the end, a breakpoint or a stop request. A breakpoint on the current node does
    // not stop it again, so resume() after a breakpoint moves on.
    Result<StopReason> resume();

    void setBreakpoints(std::set<size_t> nodes) { m_breakpoints = std::move(nodes); }
    const std::set<size_t>& breakpoints() const { return m_breakpoints; }
    // Thread-safe; the run in progress stops before its next node with StopReason::Stopped.
    void requestStop() { m_stop.store(true); }

    // The node that runs at plan index i in this pass: the node itself, the fused group it
    // completes, or nullptr when it runs inside a later group or was folded (AsRun passes).
    const PlannedNode* nodeRunAt(size_t i) const;
    // A host copy of a name's current value that leaves the pass as it is: a value on a device
    // stays there (value() moves it to the host, which changes what later nodes read), and a
    // host value is copied so no kernel finds it shared when it could have reused it in place.
    // nullopt when the name has no value now.
    Result<std::optional<Value>> peek(const std::string& name) const;
    // The current value of a name in the main graph, or nullptr if not computed or freed (or
    // when copying it back from the device failed). Always readable on the host.
    const Value* value(const std::string& name) const;
    // Outputs after a finished run, in declaration order, readable on the host.
    Result<std::vector<Value>> outputValues() const;
    // Bytes held by values alive in the main graph.
    uint64_t liveBytes() const { return m_liveBytes; }

    void setKeepIntermediates(bool keep) { m_options.keepIntermediates = keep; }
    void setMemoryBudget(uint64_t bytes) { m_options.memoryBudgetBytes = bytes; }
    void setThreads(int threads);

    Profiler& profiler() { return m_profiler; }
    const Profiler& profiler() const { return m_profiler; }

private:
    Session() = default;
    void preloadInitializers();
    Status runOne();
    int64_t takeTransferNs();
    Result<StopReason> runUntil(size_t lastIndex, bool honourBreakpoints);

    std::shared_ptr<const Model> m_model;
    SessionOptions m_options;
    std::vector<std::shared_ptr<Backend>> m_backends;
    std::unique_ptr<ExecutionPlan> m_plan;
    // Mutable so that const readers can copy device-only values back (a lazily filled cache of
    // host copies; the values themselves do not change).
    mutable Frame m_frame;
    size_t m_next = 0;
    bool m_started = false;
    bool m_fusedRun = false; // this pass executes fused groups (PassMode::AsRun without kept intermediates)
    std::vector<const PlannedNode*> m_producer; // by slot: the node that writes it in this pass
    // Per executed node: its profile sample's parts that stay the same from run to run while its
    // input and output shapes do, so a profiled run spends next to nothing outside the timed
    // kernel calls (node times then cover the run).
    struct SampleTemplate {
        NodeSample sample;
        std::vector<std::pair<DataType, Shape>> inputs, outputs;
    };
    std::unordered_map<const PlannedNode*, SampleTemplate> m_sampleTemplates;
    NodeSample profileSample(const PlannedNode& node, size_t index);
    void completeProfileSample(const PlannedNode& node, NodeSample& sample);
    uint64_t m_liveBytes = 0;
    std::set<size_t> m_breakpoints;
    std::atomic<bool> m_stop{false};
    Profiler m_profiler;
};

} // namespace onnxscope
