// Runs the nodes of a planned graph against a frame of values.
//
// A Frame holds one graph's values by slot while it runs; subgraph frames point at their
// enclosing frame so captured names resolve outward (nested scopes). The executor wraps every
// kernel call: exceptions and failed statuses become a Status naming the node, its op type,
// opset and backend, and the frame is left as it was before the node (outputs are committed
// only on success), so a session stays usable after an error.
//
// Values a device backend produced (Backend::usesHostMemory() false) are marked device-only in
// their frame slot; the executor passes them through that backend's toHost before a host node,
// a subgraph or the caller reads them, so a host reader never sees a stale host copy and a chain
// of device nodes moves nothing.
#pragma once

#include "execution_plan.h"

#include <atomic>
#include <cstdint>
#include <vector>

namespace onnxscope {

class GraphBody;

struct Frame {
    const ExecutionPlan* plan = nullptr;
    const Frame* parent = nullptr;
    std::vector<Value> values;
    std::vector<char> present;
    // Per slot: the backend holding the value on its device while the host copy is not valid
    // yet; nullptr once the host value may be read.
    std::vector<const Backend*> deviceOwner;

    const Value* find(int slot) const {
        return slot >= 0 && present[static_cast<size_t>(slot)] ? &values[static_cast<size_t>(slot)] : nullptr;
    }
    // Looks a name up here and then in the enclosing frames.
    const Value* lookup(const std::string& name) const;
    void set(int slot, Value value);
    void release(int slot);
    // Makes a device-only value readable on the host (a no-op for host values and free slots).
    Status ensureOnHost(int slot);
};

// "float[1,3,224,224]", "seq<float>(3)", "optional(none)", "map(5)".
std::string describeValue(const Value& value);
// Bytes held by a value's tensors (sequence elements and map keys/values included).
uint64_t valueBytes(const Value& value);

class GraphExecutor {
public:
    GraphExecutor(int threads, const std::atomic<bool>* stopFlag)
        : m_threads(threads)
        , m_stop(stopFlag) {}

    // Binds initializers, captured outer values and the formal inputs (by position; fewer
    // inputs than declared leave the rest unbound, as Loop's optional carried values allow).
    Status bindFrame(Frame& frame, const ExecutionPlan& plan, const Frame* parent,
                     std::vector<Value> inputs) const;
    // Runs node index of the frame's plan and commits its outputs; does not release anything.
    Status runNode(Frame& frame, size_t index) const;
    // Inputs a node may take over (KernelContext::takeInputForReuse): the slots freed after it
    // (its last reads), and the bytes of what it took.
    struct InputReuse {
        const std::vector<int>* lastReads = nullptr;
        uint64_t takenBytes = 0;
    };
    // The same for a node that reads and writes the frame's slots but is not in its plan's
    // node list (a fused group, PlannedNode::fused). With reuse, the node may take over inputs
    // read for the last time.
    Status runPlannedNode(Frame& frame, const PlannedNode& node, InputReuse* reuse = nullptr) const;
    // Frees the values whose last reader was node index.
    void releaseAfter(Frame& frame, size_t index) const;
    // Runs a whole subgraph and returns its outputs in declaration order.
    Result<std::vector<Value>> runBody(const GraphBody& body, std::vector<Value> inputs,
                                       const Frame* parent) const;

    bool stopRequested() const { return m_stop && m_stop->load(std::memory_order_relaxed); }
    int threads() const { return m_threads; }

private:
    int m_threads;
    const std::atomic<bool>* m_stop;
};

} // namespace onnxscope
