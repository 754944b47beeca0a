// A planned graph: the nodes in execution order with their kernels and backends, value slots
// instead of names, and when each value can be freed.
//
// The planner inlines model-local functions (and schema function bodies for ops no backend can
// run), sorts the nodes topologically, binds initializers, and computes value lifetimes. A node
// whose kernel could not be created is still planned, with its error, so a debugger can step up
// to it and the error names the node when it is reached.
#pragma once

#include "backend.h"
#include "core/data_type.h"
#include "core/status.h"
#include "node_desc.h"

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace onnx {
class ModelProto;
class GraphProto;
} // namespace onnx

namespace onnxscope {

class ExternalDataStore;

// What the graph declares about an input or output.
struct ValueInfo {
    enum class Kind { Unknown, Tensor, Sequence, Optional, Map };
    std::string name;
    Kind kind = Kind::Unknown;
    DataType elementType = DataType::Undefined; // of the tensor, or of the innermost tensor
    Kind innerKind = Kind::Unknown;             // for Optional: what it wraps
    bool hasInitializer = false;                // an initializer of the same name supplies a default
    bool hasShape = false;
    std::vector<int64_t> dims;          // -1 for an unknown dim
    std::vector<std::string> dimParams; // "" where the dim is fixed or anonymous
};

struct PlannedNode {
    NodeDesc desc;
    int sourceIndex = -1;     // index in the model's graph.node this node comes from
    std::string functionPath; // "" unless inlined from a function body ("LayerNorm/...")
    const Backend* backend = nullptr;
    std::unique_ptr<Kernel> kernel;
    Status planError;               // why there is no kernel
    std::vector<int> inputSlots;    // -1 for an omitted input
    std::vector<int> outputSlots;   // -1 for an unused output
    std::vector<int> implicitSlots; // outer values read by subgraph attributes
    std::vector<int> releaseAfter;  // slots whose last reader is this node

    // Fusion (main graph only; see fusion.h). Whole runs (Session::runAll) execute a fused group
    // as one node at the group's last member and skip the others; stepped runs and runs that
    // keep intermediates execute every original node, so the plan keeps them all.
    std::unique_ptr<PlannedNode> fused; // on the group's last member: the group as one node
    std::vector<size_t> fusedMembers;   // on that fused node: the original nodes, main one first
    int fusedInto = -1;                 // on the other members: where their group runs
    // On a fused node whose output 0 the fused run keeps channels-last (blocked in blocked
    // mode; see channels_last.h): readers outside fused kernels convert it first.
    bool channelsLastOutput = false;
    bool blockedOutput = false;
    // Constant folding (see constant_folding.h): the node's outputs were computed when the plan
    // was made; the runs that execute fused groups bind ExecutionPlan::foldedValues instead.
    bool folded = false;

    // Name for profiles and lists: the node name, or "OpType_index".
    std::string label(size_t planIndex) const;
};

struct ExecutionPlan {
    std::vector<std::string> slotNames;
    std::unordered_map<std::string, int> slotOf;
    std::vector<ValueInfo> inputs; // formal inputs that are not initializers
    std::vector<int> inputSlots;
    std::vector<ValueInfo> outputs;
    std::vector<int> outputSlots;
    std::vector<std::pair<int, Value>> initializers; // bound at the start of every run
    std::vector<std::string> capturedNames;          // read from enclosing scopes
    std::vector<int> capturedSlots;
    std::vector<bool> pinned; // never freed (graph outputs)
    std::vector<PlannedNode> nodes;
    // releaseAfter for fast runs, which execute fused groups and skip folded nodes (empty when
    // nothing was fused or folded).
    std::vector<std::vector<int>> fusedReleaseAfter;
    std::vector<std::pair<int, Value>> foldedValues; // outputs of folded nodes, by slot

    bool hasFastRun() const { return !fusedReleaseAfter.empty(); }
    bool hasFusion() const;
    int slot(const std::string& name) const {
        auto it = slotOf.find(name);
        return it == slotOf.end() ? -1 : it->second;
    }
    // Nodes that have no kernel, with the reason (for "unsupported ops" lists).
    std::vector<const PlannedNode*> unsupportedNodes() const;
};

struct PlanOptions {
    // Backends in preference order; the last is the fallback (the CPU backend).
    std::vector<const Backend*> backends;
    // Overrides for symbolic dims in ValueInfo ("batch" -> 1).
    std::map<std::string, int64_t> dimOverrides;
    // Fuse node groups into fast kernels (Conv + BatchNormalization + activation, ...).
    bool fuse = true;
    // Compute nodes of constants once (constant_folding.h).
    bool foldConstants = true;
};

// Plans the model's main graph. The plan borrows the backends (they must outlive it) and may
// view initializer data owned by the store (kept alive by the tensors).
Result<std::unique_ptr<ExecutionPlan>> planModel(const onnx::ModelProto& model,
                                                 const ExternalDataStore* store, const PlanOptions& options);

} // namespace onnxscope
