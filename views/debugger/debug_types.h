// Value types the debugger's executor thread hands to the UI: what the plan looks like, what
// ran and how long it took, why execution stopped, and profiling results. All are copies, so
// the UI never touches the session the executor owns.
#pragma once

#include "exec/execution_plan.h"
#include "exec/profiler.h"
#include "exec/tensor_summary.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <vector>

namespace onnxscope {

// One planned node as the UI lists it.
struct PlanNodeInfo {
    QString label; // node name, or "OpType_index"
    QString opType;
    QString backend;
    QString functionPath; // "" unless inlined from a function body
    int sourceIndex = -1; // index in the model's graph.node
    QStringList outputs;  // value names ("" for unused optional outputs)
    QString planError;    // why the node has no kernel, if so
};

struct PlanSummary {
    std::vector<PlanNodeInfo> nodes; // execution order
    std::vector<ValueInfo> inputs;   // graph inputs the user must supply
    QString backendSpec;             // "cpu", "opencl:0"
    int threads = 0;
};

struct NodeRun {
    int planIndex = -1;
    qint64 durationNs = 0; // host time around the kernel call
    qint64 deviceNs = -1;  // device kernel time, -1 when it ran on the host
};

// What a computed value held, for the inline previews on the graph's edges.
struct ValueSketch {
    QString name;
    TensorSketch sketch;
};

enum class StopCause {
    Started,        // a new pass was set up; nothing ran yet
    Step,           // one node ran
    RunTo,          // reached the requested node
    Breakpoint,     // before a node with a breakpoint
    DataBreakpoint, // a node's output tripped the data watch
    Paused,         // the user asked
    Stopped,        // the user ended the pass; the next run or step starts over
    Finished,       // the whole graph ran
    Failed,         // a node failed; message says why
};

struct StopInfo {
    StopCause cause = StopCause::Started;
    int nextNode = 0;  // the plan index the next step would run
    int lastNode = -1; // the node that ran last (or failed), -1 when none
    QString message;   // data breakpoint or error text
    double passMs = 0; // node time summed over this pass so far
};

struct ProfileResult {
    int warmup = 0;
    int runs = 0;
    std::vector<NodeStats> nodes; // per node, median over the runs
    std::vector<OpStats> ops;
    std::vector<double> runTotalsMs; // summed node times per run
    std::vector<double> runWallMs;   // wall time around each run, inputs bound to outputs read
    bool deviceTimes = false;        // some node reported device (OpenCL event) time
    double overheadNsPerNode = 0;    // cost of one profiler scope, measured on this machine
    std::string chromeTrace;
    QString backendSpec;
    bool fromDebugPass = false; // one whole pass of Run, not a Profile command

    double medianTotalMs() const;
    double medianWallMs() const;
};

} // namespace onnxscope

Q_DECLARE_METATYPE(onnxscope::PlanSummary)
Q_DECLARE_METATYPE(onnxscope::NodeRun)
Q_DECLARE_METATYPE(onnxscope::ValueSketch)
Q_DECLARE_METATYPE(onnxscope::StopInfo)
Q_DECLARE_METATYPE(onnxscope::ProfileResult)
