#include "cpu_backend.h"

#include "cpu/cpu_kernels.h"

namespace onnxscope {

CpuBackend::CpuBackend() {
    registerCpuKernels(m_registry);
}

CpuBackend::CpuBackend(KernelRegistry registry)
    : m_registry(std::move(registry)) {}

bool CpuBackend::canRun(const NodeDesc& node) const {
    return m_registry.find(node) != nullptr;
}

Result<std::unique_ptr<Kernel>> CpuBackend::createKernel(const NodeDesc& node) const {
    const KernelDef* def = m_registry.find(node);
    if (!def)
        return Status::error("no CPU kernel for " + node.opType + " at opset " +
                             std::to_string(node.opsetVersion));
    return def->create(node);
}

std::string CpuBackend::implementationName(const NodeDesc& node) const {
    const KernelDef* def = m_registry.find(node);
    return def ? def->implementation : std::string();
}

} // namespace onnxscope
