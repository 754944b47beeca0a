#include "session.h"

#include "core/model.h"
#include "cpu/channels_last.h"
#include "cpu_backend.h"

#include <omp.h>

#include <algorithm>

namespace onnxscope {

namespace {

// A node's inputs as the frame holds them before the node runs, to ask its kernel which
// implementation will compute them (Kernel::implementation); it writes no outputs.
class FrameInputs final : public KernelContext {
public:
    FrameInputs(const Frame& frame, const std::vector<int>& slots)
        : m_frame(frame)
        , m_slots(slots) {}
    int inputCount() const override { return static_cast<int>(m_slots.size()); }
    const Value* input(int index) const override {
        return index >= 0 && index < inputCount() ? m_frame.find(m_slots[static_cast<size_t>(index)])
                                                  : nullptr;
    }
    int outputCount() const override { return 0; }
    Tensor& allocateOutput(int, DataType, Shape) override { throw KernelError("FrameInputs has no outputs"); }
    void setOutput(int, Value) override {}

private:
    const Frame& m_frame;
    const std::vector<int>& m_slots;
};

// A value whose tensors share no storage with the original.
Value copyOf(const Value& value) {
    Value copy = value;
    if (copy.tensor.isValid())
        copy.tensor = value.tensor.clone();
    if (copy.mapKeys.isValid())
        copy.mapKeys = value.mapKeys.clone();
    if (copy.mapValues.isValid())
        copy.mapValues = value.mapValues.clone();
    for (Value& element : copy.elements)
        element = copyOf(element);
    return copy;
}

} // namespace

Result<std::unique_ptr<Session>> Session::create(std::shared_ptr<const Model> model, SessionOptions options) {
    if (!model)
        return Status::error("no model");
    std::unique_ptr<Session> session(new Session());
    session->m_model = model;
    session->m_backends = options.backends;
    session->m_backends.push_back(std::make_shared<CpuBackend>());
    PlanOptions planOptions;
    for (const auto& b : session->m_backends)
        planOptions.backends.push_back(b.get());
    planOptions.dimOverrides = options.dimOverrides;
    session->m_options = std::move(options);
    auto plan = planModel(model->proto(), &model->externalData(), planOptions);
    if (!plan.ok())
        return plan.status().withContext(model->path().empty() ? "" : model->path().string() + ": ");
    session->m_plan = std::move(plan).value();
    session->preloadInitializers();
    session->m_profiler.setEnabled(session->m_options.profile);
    return session;
}

Session::~Session() = default;

void Session::preloadInitializers() {
    std::map<int, std::set<const Backend*>> readers;
    for (const PlannedNode& node : m_plan->nodes)
        if (node.backend && !node.backend->usesHostMemory())
            for (int slot : node.inputSlots)
                readers[slot].insert(node.backend);
    for (auto& [slot, value] : m_plan->initializers)
        for (const Backend* backend : readers[slot]) {
            auto device = backend->fromHost(value);
            // A weight that does not fit is uploaded by its node on each run instead.
            if (device.ok())
                value = std::move(device).value();
        }
}

void Session::setThreads(int threads) {
    m_options.threads = threads;
}

Status Session::begin(const std::map<std::string, Value>& inputs, PassMode mode) {
    m_started = false;
    m_next = 0;
    m_stop.store(false);
    if (m_options.threads > 0)
        omp_set_num_threads(m_options.threads);
    const int threads = m_options.threads > 0 ? m_options.threads : omp_get_max_threads();
    (void)threads;

    std::vector<Value> positional;
    for (const ValueInfo& info : m_plan->inputs) {
        auto it = inputs.find(info.name);
        if (it == inputs.end() && !info.hasInitializer)
            return Status::error("input '" + info.name + "' was not given");
    }
    for (const auto& [name, value] : inputs) {
        bool known = false;
        for (const ValueInfo& info : m_plan->inputs)
            known = known || info.name == name;
        if (!known)
            return Status::error("the model has no input named '" + name + "'");
    }
    GraphExecutor executor(threads, &m_stop);
    OS_RETURN_IF_ERROR(executor.bindFrame(m_frame, *m_plan, nullptr, {}));
    for (size_t i = 0; i < m_plan->inputs.size(); ++i) {
        auto it = inputs.find(m_plan->inputs[i].name);
        if (it != inputs.end())
            m_frame.set(m_plan->inputSlots[i], it->second);
    }
    m_liveBytes = 0;
    for (size_t s = 0; s < m_frame.values.size(); ++s)
        if (m_frame.present[s])
            m_liveBytes += valueBytes(m_frame.values[s]);
    m_profiler.beginRun();
    // Fused groups never produce their inner values, so only passes that do not keep
    // intermediates use them; stepping (debugging) sees every node's outputs.
    m_fusedRun = mode == PassMode::AsRun && m_plan->hasFastRun() && !m_options.keepIntermediates;
    if (m_fusedRun)
        for (const auto& [slot, value] : m_plan->foldedValues) {
            m_frame.set(slot, value);
            m_liveBytes += valueBytes(value);
        }
    m_producer.assign(m_plan->slotNames.size(), nullptr);
    m_started = true;
    for (size_t i = 0; i < m_plan->nodes.size(); ++i)
        if (const PlannedNode* node = nodeRunAt(i))
            for (int slot : node->outputSlots)
                if (slot >= 0)
                    m_producer[static_cast<size_t>(slot)] = node;
    return {};
}

const PlannedNode* Session::nodeRunAt(size_t i) const {
    if (i >= m_plan->nodes.size())
        return nullptr;
    const PlannedNode& original = m_plan->nodes[i];
    if (!m_fusedRun)
        return &original;
    if (original.fusedInto >= 0 || original.folded)
        return nullptr;
    return original.fused ? original.fused.get() : &original;
}

Result<std::optional<Value>> Session::peek(const std::string& name) const {
    if (!m_started)
        return std::optional<Value>();
    const int slot = m_plan->slot(name);
    const Value* v = m_frame.find(slot);
    if (!v)
        return std::optional<Value>();
    const Backend* owner = m_frame.deviceOwner[static_cast<size_t>(slot)];
    if (owner) {
        auto host = owner->toHost(*v);
        if (!host.ok())
            return host.status().withContext("copying '" + name + "' from " + owner->name() + ": ");
        return std::optional<Value>(std::move(host).value());
    }
    // A fused run keeps some activations channels-last between its kernels; an observer sees
    // ONNX's layout.
    const PlannedNode* producer = m_producer[static_cast<size_t>(slot)];
    if (producer && producer->channelsLastOutput && !producer->outputSlots.empty() &&
        producer->outputSlots.front() == slot && v->isTensor()) {
        Tensor plain = fromChannelsLast(v->tensor, producer->blockedOutput);
        if (plain.rawData() == v->tensor.rawData())
            plain = plain.clone(); // ranks below 3 come back as they are
        return std::optional<Value>(Value(std::move(plain)));
    }
    return std::optional<Value>(copyOf(*v));
}

namespace {

// The element types and shapes of a node's values in these slots, false when one is not a tensor
// (a sequence, a map, an omitted input: described afresh each time).
bool tensorKey(const Frame& frame, const std::vector<int>& slots,
               std::vector<std::pair<DataType, Shape>>& key) {
    key.clear();
    for (int slot : slots) {
        const Value* v = frame.find(slot);
        if (!v || !v->isTensor())
            return false;
        key.emplace_back(v->tensor.dataType(), v->tensor.shape());
    }
    return true;
}

bool sameKey(const Frame& frame, const std::vector<int>& slots,
             const std::vector<std::pair<DataType, Shape>>& key) {
    if (key.size() != slots.size())
        return false;
    for (size_t i = 0; i < slots.size(); ++i) {
        const Value* v = frame.find(slots[i]);
        if (!v || !v->isTensor() || v->tensor.dataType() != key[i].first ||
            v->tensor.shape() != key[i].second)
            return false;
    }
    return true;
}

} // namespace

NodeSample Session::profileSample(const PlannedNode& node, size_t index) {
    auto cached = m_sampleTemplates.find(&node);
    if (cached != m_sampleTemplates.end() && sameKey(m_frame, node.inputSlots, cached->second.inputs))
        return cached->second.sample;
    NodeSample sample;
    sample.nodeIndex = static_cast<int>(index);
    sample.name = node.label(index);
    sample.opType = node.desc.opType;
    sample.backend = node.backend ? node.backend->name() : std::string();
    if (node.fusedMembers.size() > 1) {
        // The group's time belongs to its main node, and the entry says what else it covers.
        sample.nodeIndex = static_cast<int>(node.fusedMembers.front());
        std::string covered;
        for (size_t m : node.fusedMembers) {
            covered += (covered.empty() ? "" : " + ") + m_plan->nodes[m].label(m);
            sample.fusedNodes.push_back(static_cast<int>(m));
        }
        sample.backend += " (fused: " + covered + ")";
    }
    for (int slot : node.inputSlots) {
        const Value* v = m_frame.find(slot);
        sample.inputShapes.push_back(v ? describeValue(*v) : std::string());
    }
    if (node.kernel)
        sample.implementation = node.kernel->implementation(FrameInputs(m_frame, node.inputSlots));
    SampleTemplate entry;
    if (tensorKey(m_frame, node.inputSlots, entry.inputs)) {
        entry.sample = sample;
        m_sampleTemplates[&node] = std::move(entry);
    } else {
        m_sampleTemplates.erase(&node);
    }
    return sample;
}

void Session::completeProfileSample(const PlannedNode& node, NodeSample& sample) {
    auto cached = m_sampleTemplates.find(&node);
    if (cached != m_sampleTemplates.end() && !cached->second.sample.outputShapes.empty() &&
        sameKey(m_frame, node.outputSlots, cached->second.outputs)) {
        sample.outputShapes = cached->second.sample.outputShapes;
        return;
    }
    sample.outputShapes.clear();
    for (int slot : node.outputSlots) {
        const Value* v = m_frame.find(slot);
        sample.outputShapes.push_back(v ? describeValue(*v) : std::string());
    }
    if (cached != m_sampleTemplates.end() && tensorKey(m_frame, node.outputSlots, cached->second.outputs))
        cached->second.sample.outputShapes = sample.outputShapes;
}

Status Session::runOne() {
    const size_t index = m_next;
    const PlannedNode& original = m_plan->nodes[index];
    if (m_fusedRun && (original.fusedInto >= 0 || original.folded)) {
        m_next = index + 1; // runs inside its group's fused node, later, or was folded
        return {};
    }
    const PlannedNode& node = m_fusedRun && original.fused ? *original.fused : original;
    const int threads = m_options.threads > 0 ? m_options.threads : omp_get_max_threads();
    GraphExecutor executor(threads, &m_stop);

    // Names and shapes only for a profile: building them cost about 1 us per node per run.
    const bool profiling = m_profiler.isEnabled();
    NodeSample sample;
    if (profiling)
        sample = profileSample(node, index);
    takeTransferNs(); // copies made for inspection between nodes belong to no node
    Status status;
    {
        Profiler::Scope scope(profiling ? &m_profiler : nullptr, std::move(sample));
        // Without kept intermediates, the inputs this node reads last may become its output.
        GraphExecutor::InputReuse reuse;
        if (!m_options.keepIntermediates)
            reuse.lastReads = m_fusedRun ? &m_plan->fusedReleaseAfter[index] : &original.releaseAfter;
        status = executor.runPlannedNode(m_frame, node, &reuse);
        m_liveBytes -= std::min(m_liveBytes, reuse.takenBytes);
        scope.stop();
        NodeSample& done = scope.sample();
        // Copies back from a device for this node's host reads (the copies of the node's own
        // device kernel come with takeNodeTiming); a host node's device time is its copies alone.
        auto addTransfer = [&done](int64_t ns) {
            done.deviceNs = std::max<int64_t>(done.deviceNs, 0);
            done.queueNs = std::max<int64_t>(done.queueNs, 0);
            done.transferNs = std::max<int64_t>(done.transferNs, 0) + ns;
        };
        if (const int64_t copied = takeTransferNs(); copied > 0)
            addTransfer(copied);
        // Only a profile waits for a device node's commands; a plain run lets them queue up.
        if (node.backend && profiling && status.ok()) {
            auto timing = node.backend->takeNodeTiming();
            if (!timing.ok())
                status = timing.status();
            else if (*timing) {
                const DeviceTiming& t = **timing;
                if (t.ranOnHost) {
                    done.backend += " (cpu fallback)";
                } else {
                    done.deviceNs = t.deviceNs;
                    done.queueNs = t.queueNs;
                }
                if (!t.ranOnHost || t.transferNs > 0)
                    addTransfer(t.transferNs);
            }
        }
        if (profiling)
            completeProfileSample(node, scope.sample());
        for (int slot : node.outputSlots)
            if (const Value* v = m_frame.find(slot); v && status.ok())
                m_liveBytes += valueBytes(*v);
        if (!status.ok())
            scope.sample().backend += " (failed)";
    }
    if (!status.ok())
        return status;
    if (!m_options.keepIntermediates) {
        for (int slot : m_fusedRun ? m_plan->fusedReleaseAfter[index] : original.releaseAfter)
            if (const Value* v = m_frame.find(slot)) {
                m_liveBytes -= std::min(m_liveBytes, valueBytes(*v));
                m_frame.release(slot);
            }
    } else if (m_options.memoryBudgetBytes > 0 && m_liveBytes > m_options.memoryBudgetBytes) {
        m_next = index + 1;
        return Status::error("kept intermediates take " + std::to_string(m_liveBytes >> 20) + " MiB after " +
                             node.desc.displayName() + ", over the memory budget of " +
                             std::to_string(m_options.memoryBudgetBytes >> 20) +
                             " MiB; raise the budget or stop keeping intermediates");
    }
    m_next = index + 1;
    return {};
}

int64_t Session::takeTransferNs() {
    int64_t total = 0;
    for (const auto& backend : m_backends)
        total += backend->takeTransferNs();
    return total;
}

Result<StopReason> Session::runUntil(size_t lastIndex, bool honourBreakpoints) {
    if (!m_started)
        return Status::error("the run has not been started (call begin with the inputs first)");
    const size_t first = m_next;
    while (m_next < m_plan->nodes.size() && m_next <= lastIndex) {
        if (m_stop.exchange(false))
            return StopReason::Stopped;
        if (honourBreakpoints && m_next != first && m_breakpoints.count(m_next))
            return StopReason::Breakpoint;
        OS_RETURN_IF_ERROR(runOne());
    }
    if (m_next < m_plan->nodes.size())
        return StopReason::NodeDone;
    // A device command that failed after its node returned is reported here, naming the node,
    // whether or not an output still has to come back from that device.
    for (const auto& backend : m_backends)
        OS_RETURN_IF_ERROR(backend->finish());
    return StopReason::Finished;
}

Result<StopReason> Session::step() {
    if (isFinished())
        return StopReason::Finished;
    return runUntil(m_next, false);
}

Result<StopReason> Session::runTo(size_t nodeIndex) {
    if (nodeIndex >= m_plan->nodes.size())
        return Status::error("node index " + std::to_string(nodeIndex) + " is past the last node (" +
                             std::to_string(m_plan->nodes.size()) + " nodes)");
    if (m_started && nodeIndex < m_next)
        return Status::error("node " + std::to_string(nodeIndex) +
                             " has already run; restart to run to it again");
    return runUntil(nodeIndex, true);
}

Result<StopReason> Session::resume() {
    return runUntil(m_plan->nodes.size(), true);
}

Result<std::map<std::string, Value>> Session::runAll(const std::map<std::string, Value>& inputs) {
    OS_RETURN_IF_ERROR(begin(inputs, PassMode::AsRun));
    auto reason = runUntil(m_plan->nodes.size(), false);
    if (!reason.ok())
        return reason.status();
    if (*reason == StopReason::Stopped)
        return Status::error("cancelled");
    auto values = outputValues();
    if (!values.ok())
        return values.status();
    std::map<std::string, Value> out;
    for (size_t i = 0; i < m_plan->outputs.size(); ++i)
        out[m_plan->outputs[i].name] = std::move((*values)[i]);
    return out;
}

const Value* Session::value(const std::string& name) const {
    if (!m_started)
        return nullptr;
    const int slot = m_plan->slot(name);
    if (!m_frame.ensureOnHost(slot).ok())
        return nullptr;
    return m_frame.find(slot);
}

Result<std::vector<Value>> Session::outputValues() const {
    if (!isFinished())
        return Status::error("the run has not finished");
    std::vector<Value> out;
    for (size_t i = 0; i < m_plan->outputSlots.size(); ++i) {
        OS_RETURN_IF_ERROR(m_frame.ensureOnHost(m_plan->outputSlots[i]));
        const Value* v = m_frame.find(m_plan->outputSlots[i]);
        if (!v)
            return Status::error("output '" + m_plan->outputs[i].name + "' was not produced");
        out.push_back(*v);
    }
    return out;
}

} // namespace onnxscope
