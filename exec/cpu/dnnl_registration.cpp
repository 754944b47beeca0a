#include "exec/cpu/dnnl_kernels.h"

#include "exec/cpu/dnnl_factories.h"

namespace onnxscope {

#ifdef ONNXSCOPE_HAVE_DNNL

bool dnnlAvailable() {
    return true;
}

void registerDnnlKernels(KernelRegistry& registry) {
    auto add = [&](const char* op, KernelFactory create, bool (*accepts)(const NodeDesc&) = nullptr) {
        KernelDef def;
        def.opType = op;
        def.sinceVersion = 1;
        def.create = create;
        def.accepts = accepts;
        def.priority = 10;
        def.implementation = "dnnl";
        registry.add(std::move(def));
    };
    add("Conv", &makeDnnlConvKernel);
    add("ConvTranspose", &makeDnnlConvTransposeKernel);
    add("MatMul", &makeDnnlMatMulKernel);
    add("Gemm", &makeDnnlGemmKernel);
    add("MaxPool", &makeDnnlPoolKernel, &dnnlPoolAccepts);
    add("AveragePool", &makeDnnlPoolKernel);
    add("GlobalAveragePool", &makeDnnlPoolKernel);
}

#else

bool dnnlAvailable() {
    return false;
}

void registerDnnlKernels(KernelRegistry&) {}

std::unique_ptr<FastPathKernel> makeDnnlConv(const NodeDesc&, std::vector<PostOp>, ChannelsLast) {
    return nullptr;
}

std::unique_ptr<FastPathKernel> makeDnnlPool(const NodeDesc&, ChannelsLast) {
    return nullptr;
}

std::unique_ptr<FastPathKernel> makeDnnlMatMul(const NodeDesc&, bool) {
    return nullptr;
}

std::unique_ptr<FastPathKernel> makeDnnlChannelBinary(const NodeDesc&, ChannelsLast) {
    return nullptr;
}

#endif

} // namespace onnxscope
