#include "opencl_kernel.h"

#include <optional>

namespace onnxscope {

// The node's context with host copies of some inputs in place of the device-resident tensors;
// outputs go to the node's own context.
class HostInputContext final : public KernelContext {
public:
    explicit HostInputContext(KernelContext& node)
        : m_node(node)
        , m_copies(static_cast<size_t>(node.inputCount())) {}
    void replace(int index, Value value) { m_copies[static_cast<size_t>(index)] = std::move(value); }

    int inputCount() const override { return m_node.inputCount(); }
    const Value* input(int index) const override {
        if (index >= 0 && index < inputCount() && m_copies[static_cast<size_t>(index)])
            return &*m_copies[static_cast<size_t>(index)];
        return m_node.input(index);
    }
    int outputCount() const override { return m_node.outputCount(); }
    Tensor& allocateOutput(int index, DataType type, Shape shape) override {
        return m_node.allocateOutput(index, type, std::move(shape));
    }
    void setOutput(int index, Value value) override { m_node.setOutput(index, std::move(value)); }
    int threadCount() const override { return m_node.threadCount(); }
    Result<std::vector<Value>> runGraph(const GraphBody& body, std::vector<Value> inputs) override {
        return m_node.runGraph(body, std::move(inputs));
    }

private:
    KernelContext& m_node;
    std::vector<std::optional<Value>> m_copies;
};

OpenClKernel::OpenClKernel(std::shared_ptr<OpenClContext> context, const NodeDesc& node)
    : m_ctx(std::move(context))
    , m_node(node) {}

Status OpenClKernel::compute(KernelContext& context) const {
    bool onDevice = true;
    for (int i = 0; i < context.inputCount() && onDevice; ++i) {
        const Value* v = context.input(i);
        if (!v || (v->kind == Value::Kind::None && !v->isOptional) || !isDataInput(i))
            continue; // omitted optional inputs
        onDevice = v->isTensor() && v->tensor.dataType() == DataType::Float &&
                   v->tensor.elementCount() <= kMaxDeviceElements && v->tensor.rank() <= 8;
    }
    m_ctx->beginNode(m_node.displayName());
    (void)m_ctx->takeOutOfMemory(); // a flag left by an earlier failure is not this node's
    HostInputContext hostInputs(context);
    Status failure = copyInputsToHost(context, hostInputs, false);
    if (failure.ok() && onDevice) {
        Result<bool> done = computeOnDevice(hostInputs);
        if (done.ok()) {
            onDevice = *done;
        } else if (m_ctx->takeOutOfMemory()) {
            // Decided by the OpenCL error code the context saw, not by the message's text.
            m_ctx->releaseCachedMemory();
            onDevice = false;
        } else {
            failure = done.status();
        }
    }
    if (failure.ok() && !onDevice)
        failure = copyInputsToHost(context, hostInputs, true); // the CPU kernel reads every input
    m_ctx->endNode(!onDevice);
    if (!failure.ok())
        return failure;
    if (onDevice)
        return {};
    if (!m_host)
        return Status::error(
            "the OpenCL kernel cannot run these inputs and there is no CPU kernel to fall back to");
    return m_host->compute(hostInputs);
}

Status OpenClKernel::copyInputsToHost(KernelContext& context, HostInputContext& hostInputs, bool all) const {
    for (int i = 0; i < context.inputCount(); ++i) {
        const Value* v = context.input(i);
        if (!v || !v->isTensor() || !(all || readsOnHost(i)) || !m_ctx->isResident(v->tensor))
            continue;
        OS_ASSIGN_OR_RETURN(Tensor host, m_ctx->hostTensor(v->tensor));
        Value copy = *v;
        copy.tensor = std::move(host);
        hostInputs.replace(i, std::move(copy));
    }
    return {};
}

Status OpenClKernel::runOnHost(KernelContext& context) const {
    if (!m_host)
        return Status::error("no CPU kernel for " + m_node.displayName());
    return m_host->compute(context);
}

Result<ClBuffer> OpenClKernel::input(KernelContext& context, int index) const {
    const Tensor* t = context.inputTensor(index);
    if (!t)
        return Status::error("input " + std::to_string(index) + " is missing");
    return m_ctx->upload(*t);
}

Status OpenClKernel::setOutput(KernelContext& context, int index, const ClBuffer& buffer, Shape shape) const {
    OS_ASSIGN_OR_RETURN(Tensor resident, m_ctx->residentTensor(buffer, DataType::Float, std::move(shape)));
    if (!m_ctx->faultyNode().empty() && m_ctx->faultyNode() == m_node.name)
        OS_RETURN_IF_ERROR(m_ctx->fill(buffer, resident.byteSize(), 0.25f)); // the test-only fault
    context.setOutput(index, Value(std::move(resident)));
    return {};
}

cl_int8 packInts(const std::vector<int64_t>& values) {
    cl_int8 v{};
    for (size_t i = 0; i < values.size() && i < 8; ++i)
        v.s[i] = static_cast<cl_int>(values[i]);
    return v;
}

cl_float8 packFloats(const std::vector<float>& values) {
    cl_float8 v{};
    for (size_t i = 0; i < values.size() && i < 8; ++i)
        v.s[i] = values[i];
    return v;
}

std::vector<int64_t> contiguousStrides(const Shape& shape) {
    std::vector<int64_t> strides(shape.size(), 1);
    for (int i = static_cast<int>(shape.size()) - 2; i >= 0; --i)
        strides[static_cast<size_t>(i)] =
            strides[static_cast<size_t>(i) + 1] * shape[static_cast<size_t>(i) + 1];
    return strides;
}

} // namespace onnxscope
