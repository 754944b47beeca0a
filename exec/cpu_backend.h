// The CPU backend: every registered CPU kernel (reference and fast paths) behind the Backend
// interface. It is always present and is the fallback for nodes other backends cannot run.
#pragma once

#include "backend.h"
#include "kernel_registry.h"

namespace onnxscope {

class CpuBackend final : public Backend {
public:
    CpuBackend(); // filled by registerCpuKernels
    explicit CpuBackend(KernelRegistry registry);

    std::string name() const override { return "cpu"; }
    bool canRun(const NodeDesc& node) const override;
    Result<std::unique_ptr<Kernel>> createKernel(const NodeDesc& node) const override;
    std::string implementationName(const NodeDesc& node) const override;

    const KernelRegistry& registry() const { return m_registry; }

private:
    KernelRegistry m_registry;
};

} // namespace onnxscope
