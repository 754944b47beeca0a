#include "graph_executor.h"

#include "graph_body.h"

#include <algorithm>
#include <exception>
#include <new>

namespace onnxscope {

const Value* Frame::lookup(const std::string& name) const {
    for (const Frame* f = this; f; f = f->parent) {
        int s = f->plan->slot(name);
        if (s >= 0 && f->present[static_cast<size_t>(s)])
            return &f->values[static_cast<size_t>(s)];
    }
    return nullptr;
}

void Frame::set(int slot, Value value) {
    values[static_cast<size_t>(slot)] = std::move(value);
    present[static_cast<size_t>(slot)] = 1;
    deviceOwner[static_cast<size_t>(slot)] = nullptr;
}

void Frame::release(int slot) {
    values[static_cast<size_t>(slot)] = Value();
    present[static_cast<size_t>(slot)] = 0;
    deviceOwner[static_cast<size_t>(slot)] = nullptr;
}

Status Frame::ensureOnHost(int slot) {
    if (slot < 0)
        return {};
    const size_t s = static_cast<size_t>(slot);
    const Backend* owner = deviceOwner[s];
    if (!owner || !present[s])
        return {};
    auto host = owner->toHost(values[s]);
    if (!host.ok())
        return host.status().withContext("copying '" + plan->slotNames[s] + "' from " + owner->name() +
                                         " to the host: ");
    values[s] = std::move(host).value();
    deviceOwner[s] = nullptr;
    return {};
}

std::string describeValue(const Value& value) {
    switch (value.kind) {
    case Value::Kind::Tensor:
        return std::string(dataTypeName(value.tensor.dataType())) + shapeToString(value.tensor.shape());
    case Value::Kind::Sequence:
        return "seq<" + std::string(dataTypeName(value.elementType)) + ">(" +
               std::to_string(value.elements.size()) + ")";
    case Value::Kind::Map:
        return "map(" + std::to_string(value.mapKeys.elementCount()) + ")";
    case Value::Kind::None:
        return value.isOptional ? "optional(none)" : "none";
    }
    return {};
}

uint64_t valueBytes(const Value& value) {
    switch (value.kind) {
    case Value::Kind::Tensor:
        return value.tensor.byteSize();
    case Value::Kind::Sequence: {
        uint64_t total = 0;
        for (const Value& v : value.elements)
            total += valueBytes(v);
        return total;
    }
    case Value::Kind::Map:
        return value.mapKeys.byteSize() + value.mapValues.byteSize();
    case Value::Kind::None:
        break;
    }
    return 0;
}

namespace {

class NodeContext final : public KernelContext {
public:
    NodeContext(const GraphExecutor& executor, Frame& frame, const PlannedNode& node,
                GraphExecutor::InputReuse* reuse)
        : m_executor(executor)
        , m_frame(frame)
        , m_node(node)
        , m_reuse(reuse)
        , m_outputs(node.outputSlots.size())
        , m_set(node.outputSlots.size(), 0) {}

    int inputCount() const override { return static_cast<int>(m_node.inputSlots.size()); }
    const Value* input(int index) const override {
        if (index < 0 || index >= inputCount())
            return nullptr;
        const int slot = m_node.inputSlots[static_cast<size_t>(index)];
        if (slot < 0)
            return nullptr;
        return m_frame.find(slot); // captured values were bound when the frame was made
    }
    int outputCount() const override { return static_cast<int>(m_outputs.size()); }
    Tensor& allocateOutput(int index, DataType type, Shape shape) override {
        checkIndex(index);
        auto t = Tensor::allocate(type, std::move(shape));
        if (!t.ok())
            throw KernelError("output " + std::to_string(index) + ": " + t.message());
        m_outputs[static_cast<size_t>(index)] = Value(std::move(t).value());
        m_set[static_cast<size_t>(index)] = 1;
        return m_outputs[static_cast<size_t>(index)].tensor;
    }
    void setOutput(int index, Value value) override {
        checkIndex(index);
        m_outputs[static_cast<size_t>(index)] = std::move(value);
        m_set[static_cast<size_t>(index)] = 1;
    }
    int threadCount() const override { return m_executor.threads(); }
    Tensor takeInputForReuse(int index) override {
        if (!m_reuse || !m_reuse->lastReads || index < 0 || index >= inputCount())
            return {};
        const int slot = m_node.inputSlots[static_cast<size_t>(index)];
        const auto& slots = m_node.inputSlots;
        const auto& last = *m_reuse->lastReads;
        if (slot < 0 || std::count(slots.begin(), slots.end(), slot) != 1 ||
            std::find(last.begin(), last.end(), slot) == last.end() ||
            m_frame.deviceOwner[static_cast<size_t>(slot)] || !m_frame.find(slot))
            return {};
        Value& value = m_frame.values[static_cast<size_t>(slot)];
        if (!value.isTensor() || !value.tensor.ownsStorageAlone())
            return {};
        Tensor taken = std::move(value.tensor);
        m_frame.release(slot);
        m_reuse->takenBytes += taken.byteSize();
        return taken;
    }
    Result<std::vector<Value>> runGraph(const GraphBody& body, std::vector<Value> inputs) override {
        return m_executor.runBody(body, std::move(inputs), &m_frame);
    }

    void commit() {
        const Backend* device =
            m_node.backend && !m_node.backend->usesHostMemory() ? m_node.backend : nullptr;
        for (size_t i = 0; i < m_outputs.size(); ++i)
            if (m_set[i] && m_node.outputSlots[i] >= 0) {
                m_frame.set(m_node.outputSlots[i], std::move(m_outputs[i]));
                m_frame.deviceOwner[static_cast<size_t>(m_node.outputSlots[i])] = device;
            }
    }

private:
    void checkIndex(int index) const {
        if (index < 0 || index >= outputCount())
            throw KernelError("output index " + std::to_string(index) + " is out of range (the node has " +
                              std::to_string(outputCount()) + " outputs)");
    }

    const GraphExecutor& m_executor;
    Frame& m_frame;
    const PlannedNode& m_node;
    GraphExecutor::InputReuse* m_reuse;
    std::vector<Value> m_outputs;
    std::vector<char> m_set;
};

} // namespace

Status GraphExecutor::bindFrame(Frame& frame, const ExecutionPlan& plan, const Frame* parent,
                                std::vector<Value> inputs) const {
    frame.plan = &plan;
    frame.parent = parent;
    frame.values.assign(plan.slotNames.size(), Value());
    frame.present.assign(plan.slotNames.size(), 0);
    frame.deviceOwner.assign(plan.slotNames.size(), nullptr);
    for (const auto& [slot, value] : plan.initializers)
        frame.set(slot, value);
    for (size_t i = 0; i < plan.capturedSlots.size(); ++i) {
        for (const Frame* f = parent; f; f = f->parent) {
            const int s = f->plan->slot(plan.capturedNames[i]);
            if (s < 0 || !f->present[static_cast<size_t>(s)])
                continue;
            // Still device-only if the outer frame did not need it on the host yet; this
            // frame's host readers copy it back.
            frame.set(plan.capturedSlots[i], f->values[static_cast<size_t>(s)]);
            frame.deviceOwner[static_cast<size_t>(plan.capturedSlots[i])] =
                f->deviceOwner[static_cast<size_t>(s)];
            break;
        }
    }
    if (inputs.size() > plan.inputSlots.size())
        return Status::error("got " + std::to_string(inputs.size()) + " inputs for a graph that declares " +
                             std::to_string(plan.inputSlots.size()));
    for (size_t i = 0; i < inputs.size(); ++i)
        frame.set(plan.inputSlots[i], std::move(inputs[i]));
    return {};
}

Status GraphExecutor::runNode(Frame& frame, size_t index) const {
    return runPlannedNode(frame, frame.plan->nodes[index]);
}

Status GraphExecutor::runPlannedNode(Frame& frame, const PlannedNode& node, InputReuse* reuse) const {
    // Built only for an error, not as string allocations on every node of every run.
    auto where = [&node] {
        return node.desc.displayName() +
               (node.functionPath.empty() ? "" : " in function " + node.functionPath) +
               (node.backend ? " on " + node.backend->name() : "") + ": ";
    };
    if (!node.kernel)
        return node.planError.ok() ? Status::error(where() + "no kernel")
                                   : node.planError.withContext(where());
    for (size_t i = 0; i < node.inputSlots.size(); ++i) {
        const int slot = node.inputSlots[i];
        if (slot >= 0 && !frame.find(slot))
            return Status::error(where() + "input " + std::to_string(i) + " ('" + node.desc.inputs[i] +
                                 "') has no value (its producer has not run or did not set it)");
    }
    if (!node.backend || node.backend->usesHostMemory()) {
        for (int slot : node.inputSlots)
            if (Status copied = frame.ensureOnHost(slot); !copied.ok())
                return copied.withContext(where());
        // Subgraphs read these through the frame chain, on the host.
        for (int slot : node.implicitSlots)
            if (Status copied = frame.ensureOnHost(slot); !copied.ok())
                return copied.withContext(where());
    }
    NodeContext context(*this, frame, node, reuse);
    Status status;
    try {
        status = node.kernel->compute(context);
    } catch (const std::bad_alloc&) {
        status = Status::error("out of memory");
    } catch (const std::exception& e) {
        status = Status::error(e.what());
    } catch (...) {
        status = Status::error("unknown exception");
    }
    if (!status.ok())
        return status.withContext(where());
    context.commit();
    return {};
}

void GraphExecutor::releaseAfter(Frame& frame, size_t index) const {
    for (int slot : frame.plan->nodes[index].releaseAfter)
        frame.release(slot);
}

Result<std::vector<Value>> GraphExecutor::runBody(const GraphBody& body, std::vector<Value> inputs,
                                                  const Frame* parent) const {
    const ExecutionPlan& plan = body.plan();
    Frame frame;
    Status bound = bindFrame(frame, plan, parent, std::move(inputs));
    if (!bound.ok())
        return bound.withContext("subgraph '" + body.name() + "': ");
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        if (stopRequested())
            return Status::error("cancelled");
        OS_RETURN_IF_ERROR(runNode(frame, i));
        releaseAfter(frame, i);
    }
    std::vector<Value> outputs;
    outputs.reserve(plan.outputSlots.size());
    for (size_t i = 0; i < plan.outputSlots.size(); ++i) {
        OS_RETURN_IF_ERROR(
            frame.ensureOnHost(plan.outputSlots[i]).withContext("subgraph '" + body.name() + "': "));
        const Value* v = frame.find(plan.outputSlots[i]);
        if (!v)
            v = parent ? parent->lookup(plan.outputs[i].name) : nullptr;
        if (!v)
            return Status::error("subgraph '" + body.name() + "': output '" + plan.outputs[i].name +
                                 "' was not produced");
        outputs.push_back(*v);
    }
    return outputs;
}

} // namespace onnxscope
