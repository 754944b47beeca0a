// One OpenCL device in use: context, profiling command queue, the program built from the
// embedded kernel sources (cached on disk as a binary), buffers, launches and per-node timings.
//
// Kernels run one node at a time on the session's thread, all on one in-order queue, so each
// command starts after the ones before it have finished and nothing waits between nodes. Every
// command's event is kept with the node that enqueued it until the command completes: the
// node's host memory (the sources of non-blocking uploads) stays pinned until then, a failed
// command is reported with that node's name at the next point that waits (a node's timing, a
// copy to the host, finish()), and a node's device time comes from its events' timestamps
// (queued, submit, start, end) when the profiler asks for it. Queue delay (queued -> start) is
// kept apart from execution (start -> end), and host<->device copies are counted as transfer
// time. Every OpenCL call's return code is checked.
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

#include <deque>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
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

    // Set when the last failure was the device running out of memory (an allocation, or a
    // command that reported CL_MEM_OBJECT_ALLOCATION_FAILURE / CL_OUT_OF_RESOURCES); the node
    // then runs on the CPU. Taking it clears it.
    bool takeOutOfMemory() { return std::exchange(m_outOfMemory, false); }
    void noteOutOfMemory() { m_outOfMemory = true; }

    // Tests only: the name of a node whose outputs are overwritten with wrong numbers (from the
    // environment variable ONNXSCOPE_TEST_OPENCL_FAULT when the context is made), so tests can
    // check that a comparison finds a broken kernel. Empty normally.
    const std::string& faultyNode() const { return m_faultyNode; }
    Status fill(const ClBuffer& buffer, size_t bytes, float value);

    // Fills the first bytes of buffer with zeros.
    Status zero(const ClBuffer& buffer, size_t bytes);
    // Enqueues an NDRange launch (global sizes padded up to the local size when one is given).
    Status launch(cl_kernel kernel, const std::vector<size_t>& global, const std::string& what);
    // Records the commands between two markers (a CLBlast call) as one device interval.
    Result<cl_event> marker();
    void recordSpan(cl_event before, cl_event after);

    // Brackets the commands of one node (named in errors about them). endNode does not wait.
    void beginNode(std::string node);
    void endNode(bool ranOnHost = false);
    // The timing of the last node that ended, once: waits for that node's commands and reads
    // their event timestamps (the backend hands it to the profiler). An error names the node
    // whose command failed.
    Result<std::optional<OpenClTiming>> takeLastNode();
    // Waits for every command enqueued so far; an error names the node whose command failed.
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

    struct Pending {
        cl_event event;
        bool transfer;
    };
    // The commands one node enqueued, kept until they complete.
    struct NodeCommands {
        std::string node;
        std::vector<Pending> events;
        std::vector<std::pair<cl_event, cl_event>> spans; // library calls between two markers
        std::vector<Tensor> pinned;                       // host sources of non-blocking uploads
        bool ranOnHost = false;
        bool timingWanted = true; // the last node's, until takeLastNode or the next node
    };
    // Releases the records whose commands all completed, oldest first; with wait, waits for
    // all of them. Fails, naming the node, when a command failed (now, or in an earlier
    // retireCompleted).
    Status retire(bool wait);
    // retire(false) where nothing waits (endNode): a failure is kept in m_failure for the next
    // retire, so it is reported once, with its node, and not lost.
    void retireCompleted();
    // Waits for a record's commands and checks how each ended.
    Status waitFor(const NodeCommands& commands) const;
    static bool completed(const NodeCommands& commands);
    static std::vector<cl_event> eventsOf(const NodeCommands& commands);
    static OpenClTiming timingOf(const NodeCommands& commands);
    static void release(NodeCommands& commands);

    OpenClDeviceInfo m_device;
    cl_context m_context = nullptr;
    cl_command_queue m_queue = nullptr;
    cl_program m_program = nullptr;
    bool m_programFromCache = false;
    std::string m_cacheFile;
    std::mutex m_mutex;
    std::unordered_map<std::string, cl_kernel> m_kernels;

    NodeCommands m_current; // the node being enqueued
    bool m_inNode = false;
    std::deque<NodeCommands> m_outstanding; // ended nodes whose commands may still run
    bool m_outOfMemory = false;
    Status m_failure; // a failed command found where nobody waited, reported by the next retire
    std::string m_faultyNode;
    int64_t m_looseTransferNs = 0;
    OpenClTransferStats m_stats;

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
