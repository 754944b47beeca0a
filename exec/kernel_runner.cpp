#include "kernel_runner.h"

#include <exception>
#include <new>

namespace onnxscope {

namespace {

class SingleNodeContext final : public KernelContext {
public:
    SingleNodeContext(const NodeDesc& node, const std::vector<Value>& inputs, int threads)
        : m_node(node)
        , m_inputs(inputs)
        , m_outputs(node.outputs.size())
        , m_threads(threads) {}
    int inputCount() const override { return static_cast<int>(m_inputs.size()); }
    const Value* input(int index) const override {
        if (index < 0 || index >= inputCount())
            return nullptr;
        if (static_cast<size_t>(index) < m_node.inputs.size() && m_node.inputs[index].empty())
            return nullptr;
        const Value& v = m_inputs[index];
        return v.isNone() && !v.isOptional ? nullptr : &v;
    }
    int outputCount() const override { return static_cast<int>(m_outputs.size()); }
    Tensor& allocateOutput(int index, DataType type, Shape shape) override {
        if (index < 0 || index >= outputCount())
            throw KernelError("output index " + std::to_string(index) + " out of range");
        auto t = Tensor::allocate(type, std::move(shape));
        if (!t.ok())
            throw KernelError(t.message());
        m_outputs[index] = Value(std::move(t).value());
        return m_outputs[index].tensor;
    }
    void setOutput(int index, Value value) override {
        if (index < 0 || index >= outputCount())
            throw KernelError("output index " + std::to_string(index) + " out of range");
        m_outputs[index] = std::move(value);
    }
    int threadCount() const override { return m_threads; }
    std::vector<Value> takeOutputs() { return std::move(m_outputs); }

private:
    const NodeDesc& m_node;
    const std::vector<Value>& m_inputs;
    std::vector<Value> m_outputs;
    int m_threads;
};

} // namespace

Result<std::vector<Value>> runKernel(const Kernel& kernel, const NodeDesc& node,
                                     const std::vector<Value>& inputs, int threads) {
    SingleNodeContext context(node, inputs, threads);
    Status status;
    try {
        status = kernel.compute(context);
    } catch (const std::bad_alloc&) {
        status = Status::error("out of memory");
    } catch (const std::exception& e) {
        status = Status::error(e.what());
    }
    if (!status.ok())
        return status.withContext(node.displayName() + ": ");
    return context.takeOutputs();
}

Result<std::vector<Value>> runNode(const KernelRegistry& registry, const NodeDesc& node,
                                   const std::vector<Value>& inputs, int threads) {
    const KernelDef* def = registry.find(node);
    if (!def)
        return Status::error(node.displayName() + ": no kernel for this op and opset");
    auto kernel = def->create(node);
    if (!kernel.ok())
        return kernel.status().withContext(node.displayName() + ": ");
    return runKernel(**kernel, node, inputs, threads);
}

} // namespace onnxscope
