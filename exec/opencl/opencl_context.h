// One OpenCL device in use: context, profiling command queue, the program built from the
// embedded kernel sources (cached on disk as a binary), buffers, launches and per-node timings.
//
// Kernels run one node at a time on the session's thread; the context accumulates the device
// time of every command a node enqueues (from event profiling: queued, submit, start, end) and
// the backend hands the totals to the session's profiler when the node ends. Queue delay
// (queued -> start) is kept apart from execution (start -> end), and host<->device copies are
// counted as transfer time.
//
// Kernel outputs stay on the device: residentTensor() hands out a host tensor whose storage is
// not filled yet and whose device buffer lives as long as that storage. A later device kernel
// finds the buffer through upload(); a host reader gets a copy from hostTensor() (the backend's
// toHost, which the executor calls for every value that crosses to a host node or is handed
// out). Copies are counted (transferStats) so tests can check that a device chain stays put.
#pragma once

#include "core/tensor.h"
#include "opencl_device.h"
#include "opencl_sources.h"

#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace onnxscope {

using ClBuffer = std::shared_ptr<std::remove_pointer_t<cl_mem>>;

struct OpenClTiming {
    int64_t deviceNs = 0;   // kernels: start -> end
    int64_t queueNs = 0;    // kernels: queued -> start
    int64_t transferNs = 0; // host <-> device copies: start -> end
    int commands = 0;
    bool ranOnHost = false; // the node fell back to its CPU kernel
};

struct OpenClTransferStats {
    uint64_t uploads = 0;
    uint64_t uploadBytes = 0;
    uint64_t downloads = 0;
    uint64_t downloadBytes = 0;
};

struct ResidentStorage;

class OpenClContext {
public:
    // Creates the context and queue and builds (or loads from cacheDir) the program.
    // An empty cacheDir picks $XDG_CACHE_HOME/onnxscope or ~/.cache/onnxscope. sources replaces
    // the embedded kernel sources (tests of build failures).
    static Result<std::shared_ptr<OpenClContext>> create(const OpenClDeviceInfo& device,
                                                         std::string cacheDir = {},
                                                         const std::vector<OpenClSource>* sources = nullptr);
    ~OpenClContext();
    OpenClContext(const OpenClContext&) = delete;
    OpenClContext& operator=(const OpenClContext&) = delete;

    const OpenClDeviceInfo& device() const { return m_device; }
    cl_context context() const { return m_context; }
    cl_command_queue queue() const { return m_queue; }
    // Whether the program came from the disk cache (for tests and --verbose output).
    bool programFromCache() const { return m_programFromCache; }
    const std::string& cacheFile() const { return m_cacheFile; }

    Result<cl_kernel> kernel(const std::string& name);

    Result<ClBuffer> allocate(size_t bytes);
    // A device copy of a host tensor: the buffer of a resident tensor (see residentTensor), or a
    // copy, cached by storage for read-only tensors (weights), so each is uploaded once.
    // constant: the caller promises the host tensor never changes (a model's weights), so it is
    // cached even when writable.
    Result<ClBuffer> upload(const Tensor& tensor, bool constant = false);
    // A host tensor of the given shape standing for buffer, whose contents stay on the device
    // until hostTensor copies it back. Its storage keeps the buffer alive.
    Result<Tensor> residentTensor(const ClBuffer& buffer, DataType type, Shape shape);
    // Whether tensor is a resident tensor (or a view of one).
    bool isResident(const Tensor& tensor) { return findResident(tensor) != nullptr; }
    // A writable host copy of a resident tensor (host kernels may ask for mutable data, which a
    // resident tensor's read-only storage does not give), or tensor itself when it is not one.
    Result<Tensor> hostTensor(const Tensor& tensor);
    // Transfer time of hostTensor calls made outside a node since the last call.
    int64_t takeLooseTransferNs();
    OpenClTransferStats transferStats() const { return m_stats; }
    void resetTransferStats() { m_stats = {}; }

    // Fills the first bytes of buffer with zeros.
    Status zero(const ClBuffer& buffer, size_t bytes);
    // Enqueues an NDRange launch (global sizes padded up to the local size when one is given).
    Status launch(cl_kernel kernel, const std::vector<size_t>& global, const std::string& what);
    // Records the commands between two markers (a CLBlast call) as one device interval.
    Result<cl_event> marker();
    void recordSpan(cl_event before, cl_event after);

    // Node timing: reset at the start of a node, collected after its commands finished.
    void beginNode();
    OpenClTiming endNode(bool ranOnHost = false);
    // The timing of the last node that ended, once (the backend hands it to the profiler).
    std::optional<OpenClTiming> takeLastNode();
    Status finish();

    // Drops the cached copies of host tensors and moves resident tensors to the host so their
    // device buffers can go (what an out-of-memory retry needs).
    void releaseCachedMemory();

private:
    OpenClContext() = default;
    Status buildProgram(const std::string& cacheDir, const std::vector<OpenClSource>& sources);
    void remember(const Tensor& tensor, const ClBuffer& buffer);
    std::shared_ptr<ResidentStorage> findResident(const Tensor& tensor);
    Status readBack(ResidentStorage& storage);
    Status download(const ClBuffer& buffer, void* host, size_t bytes);
    void trackTransfer(cl_event event);

    OpenClDeviceInfo m_device;
    cl_context m_context = nullptr;
    cl_command_queue m_queue = nullptr;
    cl_program m_program = nullptr;
    bool m_programFromCache = false;
    std::string m_cacheFile;
    std::mutex m_mutex;
    std::unordered_map<std::string, cl_kernel> m_kernels;

    struct Pending {
        cl_event event;
        bool transfer;
    };
    std::vector<Pending> m_pending;
    std::vector<std::pair<cl_event, cl_event>> m_spans;
    bool m_inNode = false;
    std::vector<Tensor> m_inFlight; // host sources of this node's uploads, until they are done
    int64_t m_looseTransferNs = 0;
    OpenClTransferStats m_stats;
    OpenClTiming m_timing;
    std::optional<OpenClTiming> m_lastNode;

    struct CachedBuffer {
        Tensor host; // pins the storage so its address cannot be reused while cached
        ClBuffer buffer;
    };
    std::list<CachedBuffer> m_cache; // most recently used first
    std::unordered_map<const void*, std::list<CachedBuffer>::iterator> m_cacheIndex;
    size_t m_cacheBytes = 0;
    // Resident tensors by host address; entries expire with the tensors' storage.
    std::unordered_map<const void*, std::weak_ptr<ResidentStorage>> m_resident;
    size_t m_residentPruneAt = 64;
};

// Sets kernel arguments in order: ClBuffer, cl_mem, and plain values (int, float, cl_int8...).
namespace opencl_detail {
inline cl_int setArg(cl_kernel k, cl_uint i, const ClBuffer& b) {
    cl_mem m = b.get();
    return clSetKernelArg(k, i, sizeof(cl_mem), &m);
}
template <typename T> cl_int setArg(cl_kernel k, cl_uint i, const T& v) {
    return clSetKernelArg(k, i, sizeof(T), &v);
}
} // namespace opencl_detail

template <typename... Args> Status setKernelArgs(cl_kernel kernel, const Args&... args) {
    cl_uint index = 0;
    cl_int err = CL_SUCCESS;
    ((err = err == CL_SUCCESS ? opencl_detail::setArg(kernel, index++, args) : err), ...);
    if (err != CL_SUCCESS)
        return Status::error("clSetKernelArg " + std::to_string(index - 1) +
                             " failed: " + openClErrorName(err));
    return {};
}

} // namespace onnxscope
