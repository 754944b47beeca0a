// The OpenCL backend: float32 kernels for the common CNN/transformer ops on one OpenCL device.
//
// canRun answers per node from the op type, opset and attributes; input types are only known
// when the node runs, so a kernel given other types (or shapes it does not cover) runs the
// node's CPU kernel instead. Outputs stay on the device (usesHostMemory() is false) until toHost
// copies them back for a host reader; device copies of weights are cached, so a chain of device
// nodes uploads each weight once and downloads only what leaves the chain. Per-node device, queue and
// transfer times come from OpenCL event profiling and reach the session's profiler through takeNodeTiming().
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
    bool usesHostMemory() const override { return false; }
    Result<Value> toHost(const Value& value) const override;
    // Uploads a float tensor that will not change (a weight) into the device cache.
    Result<Value> fromHost(const Value& value) const override;
    int64_t takeTransferNs() const override { return m_ctx->takeLooseTransferNs(); }
    void releaseCachedMemory() override;
    Result<std::optional<DeviceTiming>> takeNodeTiming() const override;
    Status finish() const override;
    bool survivesFork() const override { return false; }

    const OpenClDeviceInfo& device() const { return m_ctx->device(); }
    const std::shared_ptr<OpenClContext>& context() const { return m_ctx; }

private:
    OpenClBackend() = default;
    std::shared_ptr<OpenClContext> m_ctx;
    CpuBackend m_cpu; // the fallback kernels for inputs the device kernels do not take
};

} // namespace onnxscope
