#include "opencl_kernel.h"

namespace onnxscope {

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
    m_ctx->beginNode();
    Status failure;
    if (onDevice) {
        Result<bool> done = computeOnDevice(context);
        if (done.ok()) {
            onDevice = *done;
        } else if (done.message().find("out of device memory") != std::string::npos) {
            m_ctx->releaseCachedMemory();
            onDevice = false;
        } else {
            failure = done.status();
        }
    }
    m_ctx->endNode(!onDevice);
    if (!failure.ok())
        return failure;
    if (onDevice)
        return {};
    if (!m_host)
        return Status::error(
            "the OpenCL kernel cannot run these inputs and there is no CPU kernel to fall back to");
    return m_host->compute(context);
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
    OS_ASSIGN_OR_RETURN(Tensor host, m_ctx->download(buffer, DataType::Float, std::move(shape)));
    context.setOutput(index, Value(std::move(host)));
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
