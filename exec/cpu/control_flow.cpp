// If, Loop and Scan: kernels that run subgraph attributes through KernelContext::runGraph.
// Values the bodies read from the enclosing graph are resolved by the session, so the kernels
// only pass the formal inputs and collect the outputs.
#include "control_flow_kernels.h"
#include "control_flow_util.h"
#include "exec/graph_body.h"
#include "exec/kernel_registry.h"

#include <algorithm>

namespace onnxscope {

namespace {

using namespace controlflow;

Result<std::shared_ptr<const GraphBody>> requireGraph(const NodeDesc& node, const char* name) {
    const Attribute* a = node.attribute(name);
    if (!a || a->type != Attribute::Type::Graph || !a->graph)
        return Status::error(std::string("missing graph attribute '") + name + "'");
    return a->graph;
}

// Shape of an empty scan output when the body ran zero times: [0] followed by what the body
// declares for one iteration (unknown dims become 0).
Tensor emptyScanOutput(const ValueInfo& info, int axis) {
    Shape element;
    for (int64_t d : info.dims)
        element.push_back(std::max<int64_t>(d, 0));
    const DataType type = info.elementType == DataType::Undefined ? DataType::Float : info.elementType;
    axis = std::clamp(axis, 0, static_cast<int>(element.size()));
    return stackAlongNewAxis({}, axis, type, element);
}

class IfKernel final : public Kernel {
public:
    IfKernel(std::shared_ptr<const GraphBody> thenBranch, std::shared_ptr<const GraphBody> elseBranch)
        : m_then(std::move(thenBranch))
        , m_else(std::move(elseBranch)) {}
    static Result<std::unique_ptr<Kernel>> create(const NodeDesc& node) {
        OS_ASSIGN_OR_RETURN(auto thenBranch, requireGraph(node, "then_branch"));
        OS_ASSIGN_OR_RETURN(auto elseBranch, requireGraph(node, "else_branch"));
        return std::unique_ptr<Kernel>(new IfKernel(std::move(thenBranch), std::move(elseBranch)));
    }
    Status compute(KernelContext& context) const override {
        const bool cond = scalarBool(requireTensor(context, 0, "cond"), "cond");
        const GraphBody& branch = cond ? *m_then : *m_else;
        OS_ASSIGN_OR_RETURN(auto outputs, context.runGraph(branch, {}));
        if (static_cast<int>(outputs.size()) < context.outputCount())
            return Status::error(std::string(cond ? "then" : "else") + "_branch returns " +
                                 std::to_string(outputs.size()) + " values for " +
                                 std::to_string(context.outputCount()) + " outputs");
        for (int i = 0; i < context.outputCount(); ++i)
            context.setOutput(i, std::move(outputs[static_cast<size_t>(i)]));
        return {};
    }

private:
    std::shared_ptr<const GraphBody> m_then, m_else;
};

class LoopKernel final : public Kernel {
public:
    explicit LoopKernel(std::shared_ptr<const GraphBody> body)
        : m_body(std::move(body)) {}
    static Result<std::unique_ptr<Kernel>> create(const NodeDesc& node) {
        OS_ASSIGN_OR_RETURN(auto body, requireGraph(node, "body"));
        return std::unique_ptr<Kernel>(new LoopKernel(std::move(body)));
    }
    Status compute(KernelContext& context) const override {
        const int carriedCount = context.inputCount() - 2;
        if (carriedCount < 0)
            return Status::error("Loop needs the M and cond inputs (possibly empty)");
        const int scanCount = static_cast<int>(m_body->outputCount()) - 1 - carriedCount;
        if (scanCount < 0)
            return Status::error("the body returns " + std::to_string(m_body->outputCount()) +
                                 " values, fewer than 1 + " + std::to_string(carriedCount) +
                                 " loop-carried values");
        const bool hasTripCount = context.hasInput(0);
        const int64_t tripCount = hasTripCount ? scalarInt(requireTensor(context, 0, "M"), "M") : 0;
        bool keepGoing = context.hasInput(1) ? scalarBool(requireTensor(context, 1, "cond"), "cond") : true;

        std::vector<Value> carried;
        for (int i = 0; i < carriedCount; ++i) {
            const Value* v = context.input(2 + i);
            carried.push_back(v ? *v : Value());
        }
        std::vector<std::vector<Tensor>> scans(static_cast<size_t>(scanCount));
        for (int64_t iteration = 0; (!hasTripCount || iteration < tripCount) && keepGoing; ++iteration) {
            std::vector<Value> inputs;
            inputs.reserve(static_cast<size_t>(carriedCount) + 2);
            inputs.emplace_back(Tensor::scalar<int64_t>(DataType::Int64, iteration));
            inputs.emplace_back(Tensor::scalar<uint8_t>(DataType::Bool, keepGoing ? 1 : 0));
            for (Value& v : carried)
                inputs.push_back(std::move(v));
            auto outputs = context.runGraph(*m_body, std::move(inputs));
            if (!outputs.ok())
                return outputs.status().withContext("iteration " + std::to_string(iteration) + ": ");
            if (!(*outputs)[0].isTensor())
                return Status::error("the body's condition output is not a tensor");
            keepGoing = scalarBool((*outputs)[0].tensor, "body condition output");
            for (int i = 0; i < carriedCount; ++i)
                carried[static_cast<size_t>(i)] = std::move((*outputs)[static_cast<size_t>(1 + i)]);
            for (int k = 0; k < scanCount; ++k) {
                Value& v = (*outputs)[static_cast<size_t>(1 + carriedCount + k)];
                if (!v.isTensor())
                    return Status::error("scan output " + std::to_string(k) + " of the body is not a tensor");
                scans[static_cast<size_t>(k)].push_back(std::move(v.tensor));
            }
        }
        for (int i = 0; i < carriedCount && i < context.outputCount(); ++i)
            context.setOutput(i, std::move(carried[static_cast<size_t>(i)]));
        for (int k = 0; k < scanCount && carriedCount + k < context.outputCount(); ++k) {
            const auto& parts = scans[static_cast<size_t>(k)];
            Tensor stacked =
                parts.empty()
                    ? emptyScanOutput(m_body->outputs()[static_cast<size_t>(1 + carriedCount + k)], 0)
                    : stackAlongNewAxis(parts, 0, DataType::Undefined, {});
            context.setOutput(carriedCount + k, Value(std::move(stacked)));
        }
        return {};
    }

private:
    std::shared_ptr<const GraphBody> m_body;
};

// Scan 8 has a leading batch axis and an (unused) sequence_lens input; Scan 9+ has neither but
// per-input and per-output axes and directions.
class ScanKernel final : public Kernel {
public:
    static Result<std::unique_ptr<Kernel>> create(const NodeDesc& node) {
        std::unique_ptr<ScanKernel> k(new ScanKernel());
        OS_ASSIGN_OR_RETURN(k->m_body, requireGraph(node, "body"));
        k->m_batched = node.opsetVersion < 9;
        k->m_scanInputs = static_cast<int>(node.getInt("num_scan_inputs", -1));
        if (k->m_scanInputs < 1)
            return Status::error("attribute num_scan_inputs must be at least 1");
        const int firstData = k->m_batched ? 1 : 0;
        const int stateCount = static_cast<int>(node.inputs.size()) - firstData - k->m_scanInputs;
        if (stateCount < 0)
            return Status::error("fewer inputs than num_scan_inputs");
        k->m_states = stateCount;
        k->m_inputDirections = node.getInts(k->m_batched ? "directions" : "scan_input_directions");
        k->m_inputAxes = node.getInts("scan_input_axes");
        k->m_outputDirections = node.getInts("scan_output_directions");
        k->m_outputAxes = node.getInts("scan_output_axes");
        return std::unique_ptr<Kernel>(std::move(k));
    }

    Status compute(KernelContext& context) const override {
        const int firstData = m_batched ? 1 : 0;
        std::vector<Value> states;
        for (int i = 0; i < m_states; ++i) {
            const Value* v = context.input(firstData + i);
            if (!v)
                return Status::error("state input " + std::to_string(i) + " is missing");
            states.push_back(*v);
        }
        std::vector<Tensor> scanInputs;
        for (int j = 0; j < m_scanInputs; ++j)
            scanInputs.push_back(requireTensor(context, firstData + m_states + j, "scan input"));
        const int scanOutputs = static_cast<int>(m_body->outputCount()) - m_states;
        if (scanOutputs < 0)
            return Status::error("the body returns fewer values than there are state variables");

        if (!m_batched) {
            std::vector<Value> finalStates;
            std::vector<Tensor> outputs;
            OS_RETURN_IF_ERROR(scanOnce(context, states, scanInputs, finalStates, outputs, scanOutputs));
            for (int i = 0; i < m_states; ++i)
                context.setOutput(i, std::move(finalStates[static_cast<size_t>(i)]));
            for (int k = 0; k < scanOutputs; ++k)
                context.setOutput(m_states + k, Value(std::move(outputs[static_cast<size_t>(k)])));
            return {};
        }

        if (scanInputs.front().rank() < 1)
            return Status::error("Scan 8 inputs need a batch axis");
        const int64_t batch = scanInputs.front().dim(0);
        if (context.hasInput(0)) {
            const Tensor& lens = requireTensor(context, 0, "sequence_lens");
            const int64_t full = scanInputs.front().rank() > 1 ? scanInputs.front().dim(1) : 0;
            for (int64_t b = 0; b < lens.elementCount(); ++b)
                if (lens.elementAsDouble(b) != static_cast<double>(full))
                    return Status::error("sequence_lens shorter than the scan axis is not supported");
        }
        std::vector<std::vector<Value>> batchStates(static_cast<size_t>(m_states));
        std::vector<std::vector<Tensor>> batchOutputs(static_cast<size_t>(scanOutputs));
        for (int64_t b = 0; b < batch; ++b) {
            std::vector<Value> s;
            for (const Value& v : states) {
                if (!v.isTensor() || v.tensor.rank() < 1 || v.tensor.dim(0) != batch)
                    return Status::error("Scan 8 state inputs need the batch axis of size " +
                                         std::to_string(batch));
                s.emplace_back(takeAlongAxis(v.tensor, 0, b));
            }
            std::vector<Tensor> in;
            for (const Tensor& t : scanInputs) {
                if (t.rank() < 1 || t.dim(0) != batch)
                    return Status::error("Scan 8 scan inputs need the batch axis of size " +
                                         std::to_string(batch));
                in.push_back(takeAlongAxis(t, 0, b));
            }
            std::vector<Value> finalStates;
            std::vector<Tensor> outputs;
            OS_RETURN_IF_ERROR(scanOnce(context, s, in, finalStates, outputs, scanOutputs));
            for (int i = 0; i < m_states; ++i)
                batchStates[static_cast<size_t>(i)].push_back(std::move(finalStates[static_cast<size_t>(i)]));
            for (int k = 0; k < scanOutputs; ++k)
                batchOutputs[static_cast<size_t>(k)].push_back(std::move(outputs[static_cast<size_t>(k)]));
        }
        for (int i = 0; i < m_states; ++i) {
            std::vector<Tensor> parts;
            for (Value& v : batchStates[static_cast<size_t>(i)])
                parts.push_back(std::move(v.tensor));
            const Tensor& proto = states[static_cast<size_t>(i)].tensor;
            Shape element(proto.shape().begin() + 1, proto.shape().end());
            context.setOutput(i, Value(stackAlongNewAxis(parts, 0, proto.dataType(), element)));
        }
        for (int k = 0; k < scanOutputs; ++k)
            context.setOutput(m_states + k, Value(stackAlongNewAxis(batchOutputs[static_cast<size_t>(k)], 0,
                                                                    DataType::Float, {0})));
        return {};
    }

private:
    ScanKernel() = default;

    static int64_t at(const std::vector<int64_t>& list, int index, int64_t fallback) {
        return index < static_cast<int>(list.size()) ? list[static_cast<size_t>(index)] : fallback;
    }

    Status scanOnce(KernelContext& context, std::vector<Value> states, const std::vector<Tensor>& scanInputs,
                    std::vector<Value>& finalStates, std::vector<Tensor>& outputs, int scanOutputs) const {
        int64_t length = -1;
        std::vector<int> axes;
        for (int j = 0; j < m_scanInputs; ++j) {
            const Tensor& t = scanInputs[static_cast<size_t>(j)];
            const int axis =
                normalizeAxis(m_batched ? 0 : at(m_inputAxes, j, 0), t.rank(), "scan input axis");
            axes.push_back(axis);
            if (length >= 0 && t.dim(axis) != length)
                return Status::error("scan inputs disagree on the sequence length (" +
                                     std::to_string(length) + " vs " + std::to_string(t.dim(axis)) + ")");
            length = t.dim(axis);
        }
        std::vector<std::vector<Tensor>> perStep(static_cast<size_t>(scanOutputs));
        for (int64_t step = 0; step < length; ++step) {
            std::vector<Value> inputs = std::move(states);
            for (int j = 0; j < m_scanInputs; ++j) {
                const int64_t index = at(m_inputDirections, j, 0) ? length - 1 - step : step;
                inputs.emplace_back(
                    takeAlongAxis(scanInputs[static_cast<size_t>(j)], axes[static_cast<size_t>(j)], index));
            }
            auto result = context.runGraph(*m_body, std::move(inputs));
            if (!result.ok())
                return result.status().withContext("step " + std::to_string(step) + ": ");
            states.assign(std::make_move_iterator(result->begin()),
                          std::make_move_iterator(result->begin() + m_states));
            for (int k = 0; k < scanOutputs; ++k) {
                Value& v = (*result)[static_cast<size_t>(m_states + k)];
                if (!v.isTensor())
                    return Status::error("scan output " + std::to_string(k) + " is not a tensor");
                perStep[static_cast<size_t>(k)].push_back(std::move(v.tensor));
            }
        }
        finalStates = std::move(states);
        outputs.clear();
        for (int k = 0; k < scanOutputs; ++k) {
            auto& parts = perStep[static_cast<size_t>(k)];
            if (!m_batched && at(m_outputDirections, k, 0))
                std::reverse(parts.begin(), parts.end());
            const ValueInfo& info = m_body->outputs()[static_cast<size_t>(m_states + k)];
            const int rank = parts.empty() ? static_cast<int>(info.dims.size()) : parts.front().rank();
            const int axis =
                normalizeAxis(m_batched ? 0 : at(m_outputAxes, k, 0), rank + 1, "scan output axis");
            outputs.push_back(parts.empty() ? emptyScanOutput(info, axis)
                                            : stackAlongNewAxis(parts, axis, DataType::Undefined, {}));
        }
        return {};
    }

    std::shared_ptr<const GraphBody> m_body;
    bool m_batched = false;
    int m_scanInputs = 0;
    int m_states = 0;
    std::vector<int64_t> m_inputDirections, m_inputAxes, m_outputDirections, m_outputAxes;
};

} // namespace

void registerControlFlowOps(KernelRegistry& registry) {
    registry.add("If", 1, &IfKernel::create);
    registry.add("Loop", 1, &LoopKernel::create);
    registry.add("Scan", 8, &ScanKernel::create);
}

} // namespace onnxscope
