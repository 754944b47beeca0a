#include "opencl_backend.h"

#include "opencl_kernels.h"

#include <map>

namespace onnxscope {

namespace {

struct OpEntry {
    OpenClKernelFactory factory;
    int minOpset = 1;
    bool (*accepts)(const NodeDesc& node) = nullptr; // attribute checks beyond the op type
};

bool spatialUpTo2(const NodeDesc& node) {
    const auto kernel = node.getInts("kernel_shape");
    return kernel.size() <= 2;
}
bool twoInputs(const NodeDesc& node) {
    return node.inputs.size() == 2;
}
bool oneOutput(const NodeDesc& node) {
    for (size_t i = 1; i < node.outputs.size(); ++i)
        if (!node.outputs[i].empty())
            return false;
    return true;
}
bool poolAccepts(const NodeDesc& node) {
    return spatialUpTo2(node) && oneOutput(node);
}

constexpr bool kHaveClBlast =
#ifdef ONNXSCOPE_HAVE_CLBLAST
    true;
#else
    false;
#endif

const std::map<std::string, OpEntry>& opTable() {
    static const std::map<std::string, OpEntry> table = [] {
        std::map<std::string, OpEntry> t;
        for (const char* op :
             {"Relu",       "Sigmoid", "Tanh",     "LeakyRelu", "Clip",     "HardSigmoid", "HardSwish",
              "Gelu",       "Erf",     "Exp",      "Log",       "Sqrt",     "Abs",         "Neg",
              "Reciprocal", "Elu",     "Selu",     "Softplus",  "Softsign", "Floor",       "Ceil",
              "Sin",        "Cos",     "Identity", "Mish",      "Sign",     "Round",       "ThresholdedRelu",
              "Celu"})
            t[op] = {&makeOpenClUnary};
        for (const char* op : {"Add", "Sub", "Mul", "Div", "Pow", "PRelu"})
            t[op] = {&makeOpenClBinary};
        for (const char* op : {"Max", "Min"})
            t[op] = {&makeOpenClBinary, 1, &twoInputs};
        for (const char* op : {"Reshape", "Flatten", "Squeeze", "Unsqueeze"})
            t[op] = {&makeOpenClView};
        t["Conv"] = {&makeOpenClConv, 1, &spatialUpTo2};
        t["ConvTranspose"] = {&makeOpenClConvTranspose, 1, &spatialUpTo2};
        if (kHaveClBlast) {
            t["MatMul"] = {&makeOpenClMatMul};
            t["Gemm"] = {&makeOpenClGemm};
        }
        t["MaxPool"] = {&makeOpenClPool, 1, &poolAccepts};
        t["AveragePool"] = {&makeOpenClPool, 1, &poolAccepts};
        t["GlobalAveragePool"] = {&makeOpenClGlobalPool};
        t["GlobalMaxPool"] = {&makeOpenClGlobalPool};
        t["BatchNormalization"] = {&makeOpenClBatchNorm, 1, &oneOutput};
        t["LayerNormalization"] = {&makeOpenClLayerNorm, 17, &oneOutput};
        t["Softmax"] = {&makeOpenClSoftmax};
        t["LogSoftmax"] = {&makeOpenClSoftmax};
        for (const char* op : {"ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1",
                               "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare"})
            t[op] = {&makeOpenClReduce};
        t["Transpose"] = {&makeOpenClTranspose};
        t["Concat"] = {&makeOpenClConcat};
        t["Slice"] = {&makeOpenClSlice};
        t["Gather"] = {&makeOpenClGather};
        t["Pad"] = {&makeOpenClPad};
        t["Resize"] = {&makeOpenClResize, 11};
        return t;
    }();
    return table;
}

} // namespace

Result<std::shared_ptr<OpenClBackend>> OpenClBackend::create(const std::string& spec,
                                                             const std::string& cacheDir) {
    OS_ASSIGN_OR_RETURN(OpenClDeviceInfo device, selectOpenClDevice(spec));
    OS_ASSIGN_OR_RETURN(std::shared_ptr<OpenClContext> ctx, OpenClContext::create(device, cacheDir));
    std::shared_ptr<OpenClBackend> backend(new OpenClBackend());
    backend->m_ctx = std::move(ctx);
    return backend;
}

bool OpenClBackend::canRun(const NodeDesc& node) const {
    if (!node.domain.empty() && node.domain != "ai.onnx")
        return false;
    auto it = opTable().find(node.opType);
    if (it == opTable().end() || node.opsetVersion < it->second.minOpset)
        return false;
    return !it->second.accepts || it->second.accepts(node);
}

Result<std::unique_ptr<Kernel>> OpenClBackend::createKernel(const NodeDesc& node) const {
    if (!canRun(node))
        return Status::error("the OpenCL backend has no kernel for " + node.displayName());
    std::unique_ptr<OpenClKernel> kernel = opTable().at(node.opType).factory(m_ctx, node);
    // Without a CPU kernel the node can still run on the device; only fallbacks need it.
    if (m_cpu.canRun(node)) {
        auto host = m_cpu.createKernel(node);
        if (host.ok())
            kernel->setHostFallback(std::move(host).value());
    }
    return std::unique_ptr<Kernel>(std::move(kernel));
}

std::string OpenClBackend::implementationName(const NodeDesc& node) const {
    if (node.opType == "MatMul" || node.opType == "Gemm")
        return "opencl/clblast";
    return "opencl";
}

Result<Value> OpenClBackend::toHost(const Value& value) const {
    Value host = value;
    if (value.isTensor()) {
        OS_ASSIGN_OR_RETURN(host.tensor, m_ctx->hostTensor(value.tensor));
    }
    for (Value& element : host.elements) {
        OS_ASSIGN_OR_RETURN(element, toHost(element));
    }
    return host;
}

Result<Value> OpenClBackend::fromHost(const Value& value) const {
    if (value.isTensor() && value.tensor.dataType() == DataType::Float)
        OS_RETURN_IF_ERROR(m_ctx->upload(value.tensor, true).status());
    return value; // kernels find the device copy by the tensor's storage
}

void OpenClBackend::releaseCachedMemory() {
    m_ctx->releaseCachedMemory();
}

Status OpenClBackend::finish() const {
    return m_ctx->finish();
}

Result<std::optional<DeviceTiming>> OpenClBackend::takeNodeTiming() const {
    OS_ASSIGN_OR_RETURN(std::optional<OpenClTiming> last, m_ctx->takeLastNode());
    if (!last)
        return std::optional<DeviceTiming>();
    DeviceTiming timing;
    timing.deviceNs = last->deviceNs;
    timing.queueNs = last->queueNs;
    timing.transferNs = last->transferNs;
    timing.ranOnHost = last->ranOnHost;
    return std::optional<DeviceTiming>(timing);
}

} // namespace onnxscope
