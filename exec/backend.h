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
    // defaults are identities. A backend whose usesHostMemory() is false may leave its outputs
    // on the device: the executor marks them device-only in the frame and passes them through
    // toHost before any host reader (a host node, a subgraph, the session handing values out).
    virtual bool usesHostMemory() const { return true; }
    virtual Result<Value> toHost(const Value& value) const { return value; }
    // Called once per initializer a node of this backend reads, when the session is made: the
    // value never changes, so a device backend may copy it over now instead of on every run.
    virtual Result<Value> fromHost(const Value& value) const { return value; }
    // Copy time of the toHost calls made since the last call, handed out once; the session adds
    // it to the node that needed the values on the host.
    virtual int64_t takeTransferNs() const { return 0; }
    // Called between runs so a device backend can drop pooled buffers.
    virtual void releaseCachedMemory() {}
    // The device timing of the node this backend ran last, handed out once; the session calls
    // it after each node it profiles and puts it in the profile. A device backend may wait here
    // for the node's commands; an error is a command of that node that failed on the device.
    virtual Result<std::optional<DeviceTiming>> takeNodeTiming() const {
        return std::optional<DeviceTiming>();
    }
    // Waits for everything this backend has queued; an error names the node whose work failed.
    virtual Status finish() const { return {}; }
    // Device drivers (OpenCL runtimes with their own threads) do not survive fork(); callers that
    // isolate work in child processes run such backends in-process instead.
    virtual bool survivesFork() const { return true; }
};

} // namespace onnxscope
