// An execution backend: a device (CPU, later OpenCL) that can run some nodes.
//
// The planner asks each backend, in preference order, whether it can run a node (canRun) and
// takes the first that says yes; everything else falls back to the CPU. Values a backend
// produces live in host memory unless the backend says otherwise; the transfer hooks let a
// device backend keep tensors resident and hand the session host copies only when a value
// crosses to another backend or is inspected.
#pragma once

#include "core/value.h"
#include "kernel.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace onnxscope {

// What a device backend measured for the last node it ran (from its own event profiling).
struct DeviceTiming {
    int64_t deviceNs = 0;   // kernels executing on the device
    int64_t queueNs = 0;    // commands waiting in the device queue before they started
    int64_t transferNs = 0; // host <-> device copies
    bool ranOnHost = false; // the device kernel fell back to the CPU for this node
};

class Backend {
public:
    virtual ~Backend() = default;

    // Short, stable identifier ("cpu", "opencl") used in profiles and on the command line.
    virtual std::string name() const = 0;
    virtual bool canRun(const NodeDesc& node) const = 0;
    virtual Result<std::unique_ptr<Kernel>> createKernel(const NodeDesc& node) const = 0;
    // Which implementation createKernel would pick ("reference", "dnnl", ...), for profiles.
    virtual std::string implementationName(const NodeDesc& node) const {
        (void)node;
        return name();
    }

    // Memory and transfer hooks. The host backend keeps everything in host memory, so the
    // defaults are identities.
    virtual bool usesHostMemory() const { return true; }
    virtual Result<Value> toHost(const Value& value) const { return value; }
    virtual Result<Value> fromHost(const Value& value) const { return value; }
    // Called between runs so a device backend can drop pooled buffers.
    virtual void releaseCachedMemory() {}
    // The device timing of the node this backend ran last, handed out once; the session calls
    // it after each node and puts it in the profile.
    virtual std::optional<DeviceTiming> takeNodeTiming() const { return std::nullopt; }
    // Device drivers (OpenCL runtimes with their own threads) do not survive fork(); callers that
    // isolate work in child processes run such backends in-process instead.
    virtual bool survivesFork() const { return true; }
};

} // namespace onnxscope
