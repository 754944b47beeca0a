// Layer-by-layer mismatch debugging: run the model under test (side A) node by node and compare
// every value it produces, as soon as it is produced, with a reference (files, another backend,
// another model; see reference_source.h).
//
// By default both sides run exactly as a plain run executes them (fused groups, values left on
// their device, inputs reused in place) and are only peeked at, so the comparison sees the
// numbers `run` produces, and a fault that depends on that schedule cannot hide from it; values
// computed inside a fused group are then listed as not compared. everyNode runs every original
// node instead (and the reference likewise), to compare the values inside fused groups too.
//
// Side A runs without keeping intermediates, and the comparer holds a reference value only while
// a later node of A still reads it, so memory stays near one run's working set. The first
// divergence is the earliest node, in A's execution order, with an output out of tolerance
// while every input that was compared is within tolerance: the place where the error starts
// rather than where it shows. That node is then isolated: A's kernel is re-run on the
// reference's input values, which tells the op's own error apart from error it inherited.
#pragma once

#include "reference_source.h"
#include "tensor_compare.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace onnxscope {

class Session;

struct ValueReport {
    std::string name;
    size_t nodeIndex = 0;
    std::string node; // label of the producing node ("name" or "OpType_index")
    std::string opType;
    TensorComparison comparison;
    bool withinTolerance() const { return comparison.withinTolerance(); }
};

struct LayerCompareOptions {
    ToleranceSet tolerances;
    bool isolate = true;
    // Run every original node, unfused, on both sides (see above), instead of a plain run's nodes.
    bool everyNode = false;
    // Called after each compared value (progress in a UI, streaming output in the CLI).
    std::function<void(const ValueReport&)> onValue;
};

struct IsolationReport {
    // The node re-run: the first divergent node or, for a fused group whose members' values the
    // reference has, the first member that disagrees on the reference's inputs.
    size_t nodeIndex = 0;
    std::string node;
    std::string error; // why the node could not be re-run, if it could not
    // A's kernel on the reference inputs, compared with the reference outputs (for a fused
    // group, each member's outputs the reference has, members run one by one).
    std::vector<std::pair<std::string, TensorComparison>> outputs;
    // Inputs the reference lacks, for which A's own values were used (initializers, graph inputs).
    std::vector<std::string> inputsFromA;

    bool ran() const { return error.empty(); }
    // The op itself disagrees with the reference even on the reference's inputs.
    bool ownError() const;
};

struct LayerCompareReport {
    std::string reference;           // the source's description
    std::vector<ValueReport> values; // in A's execution order
    int firstDivergence = -1;        // plan index in A, or -1
    std::string firstDivergenceNode;
    // When the first divergence is a fused group that could not be split (the reference has no
    // values inside it), the labels of its members, main node first; everyNode compares inside.
    std::vector<std::string> firstDivergenceGroup;
    std::optional<IsolationReport> isolation;
    std::vector<std::string> notCompared; // values of A the reference did not have
    std::string error;                    // side A or the reference failed; values so far stand
    size_t nodesRun = 0;

    size_t outOfTolerance() const;
    bool withinTolerance() const { return error.empty() && firstDivergence < 0 && outOfTolerance() == 0; }
};

// Runs side A (a session created without keepIntermediates) on inputs against the reference.
// Fails only when the run cannot start; a failure while running is recorded in report.error.
Result<LayerCompareReport> compareLayers(Session& a, const std::map<std::string, Value>& inputs,
                                         ReferenceSource& reference, const LayerCompareOptions& options = {});

} // namespace onnxscope
