// The OpenCL backend: float32 kernels for the common CNN/transformer ops on one OpenCL device.
//
// canRun answers per node from the op type, opset and attributes; input types are only known
// when the node runs, so a kernel given other types (or shapes it does not cover) runs the
// node's CPU kernel instead. Values stay in host memory between nodes; device copies of
// weights and of tensors the device produced are cached, so a chain of device nodes uploads
// each tensor once. Per-node device, queue and transfer times come from OpenCL event profiling
// and reach the session's profiler through takeNodeTiming().
#pragma once

#include "exec/backend.h"
#include "exec/cpu_backend.h"
#include "opencl_context.h"

#include <memory>
#include <string>

namespace onnxscope {

class OpenClBackend final : public Backend {
public:
    // spec as for selectOpenClDevice ("opencl", "opencl:1", "opencl:NAME"). cacheDir overrides
    // where built program binaries are kept.
    static Result<std::shared_ptr<OpenClBackend>> create(const std::string& spec,
                                                         const std::string& cacheDir = {});

    std::string name() const override { return "opencl"; }
    bool canRun(const NodeDesc& node) const override;
    Result<std::unique_ptr<Kernel>> createKernel(const NodeDesc& node) const override;
    std::string implementationName(const NodeDesc& node) const override;
    void releaseCachedMemory() override;
    std::optional<DeviceTiming> takeNodeTiming() const override;
    bool survivesFork() const override { return false; }

    const OpenClDeviceInfo& device() const { return m_ctx->device(); }
    const std::shared_ptr<OpenClContext>& context() const { return m_ctx; }

private:
    OpenClBackend() = default;
    std::shared_ptr<OpenClContext> m_ctx;
    CpuBackend m_cpu; // the fallback kernels for inputs the device kernels do not take
};

} // namespace onnxscope
