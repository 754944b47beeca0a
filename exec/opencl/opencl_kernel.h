// The base of every OpenCL kernel: checks that the node's data inputs are float32 and small
// enough for 32-bit indexing, runs the device code, leaves the outputs on the device (resident
// tensors, see OpenClContext), and otherwise runs the node's CPU kernel (the plan only sees op
// types, so types are checked here) after copying device-resident inputs back. A device
// out-of-memory error also falls back to the CPU for that node; other errors stop the run.
#pragma once

#include "exec/kernel.h"
#include "opencl_context.h"

#include <memory>
#include <vector>

namespace onnxscope {

class HostInputContext;

class OpenClKernel : public Kernel {
public:
    OpenClKernel(std::shared_ptr<OpenClContext> context, const NodeDesc& node);
    void setHostFallback(std::unique_ptr<Kernel> kernel) { m_host = std::move(kernel); }

    Status compute(KernelContext& context) const final;

protected:
    // Returns false to run the node on the host instead (an unsupported shape or attribute).
    virtual Result<bool> computeOnDevice(KernelContext& context) const = 0;
    // Inputs that must be float32 tensors when present; by default all of them.
    virtual bool isDataInput(int index) const {
        (void)index;
        return true;
    }
    // Inputs whose values the device path reads on the host (shapes, scales, Clip bounds); these
    // are copied back first when a device node produced them.
    virtual bool readsOnHost(int index) const { return !isDataInput(index); }

    // Runs the node's CPU kernel (for kernels that are views of host memory).
    Status runOnHost(KernelContext& context) const;
    // Uploads input index (a float32 tensor).
    Result<ClBuffer> input(KernelContext& context, int index) const;
    Result<cl_kernel> kernel(const char* name) const { return m_ctx->kernel(name); }
    Status launch(cl_kernel k, size_t global) const {
        return m_ctx->launch(k, {global}, m_node.displayName());
    }
    // Sets output index to a float32 tensor of the given shape that stays in buffer on the device.
    Status setOutput(KernelContext& context, int index, const ClBuffer& buffer, Shape shape) const;

    std::shared_ptr<OpenClContext> m_ctx;
    NodeDesc m_node;

private:
    // Puts host copies of device-resident inputs into hostInputs: those readsOnHost names, or all.
    Status copyInputsToHost(KernelContext& context, HostInputContext& hostInputs, bool all) const;

    std::unique_ptr<Kernel> m_host;
};

// Shapes and strides for kernels taking int8 vectors (rank <= 8); unused lanes are zero.
cl_int8 packInts(const std::vector<int64_t>& values);
cl_float8 packFloats(const std::vector<float>& values);
std::vector<int64_t> contiguousStrides(const Shape& shape);
// Elements a 32-bit device index can address.
constexpr int64_t kMaxDeviceElements = (int64_t(1) << 31) - 1;

} // namespace onnxscope
