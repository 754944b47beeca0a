#include "opencl_context.h"

#include "core/atomic_file.h"
#include "opencl_sources.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace onnxscope {

namespace {

// Device copies of host tensors kept for reuse; beyond this the least recently used go.
constexpr size_t kBufferCacheBytes = size_t(256) << 20;
constexpr char kCacheMagic[8] = {'O', 'S', 'C', 'L', 'B', 'I', 'N', '1'};
const char* const kBuildOptions = "-cl-std=CL1.2";

uint64_t fnv1a(const void* data, size_t size, uint64_t hash = 1469598103934665603ull) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < size; ++i) {
        hash ^= p[i];
        hash *= 1099511628211ull;
    }
    return hash;
}

uint64_t fnv1a(const std::string& text, uint64_t hash) {
    return fnv1a(text.data(), text.size(), hash);
}

std::string defaultCacheDir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::string(xdg) + "/onnxscope";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.cache/onnxscope";
    return {};
}

std::string buildLog(cl_program program, cl_device_id device) {
    size_t size = 0;
    if (clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, nullptr, &size) != CL_SUCCESS)
        return "(the driver gave no build log)";
    std::string log(size, '\0');
    if (size &&
        clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, size, log.data(), nullptr) != CL_SUCCESS)
        return "(the driver gave no build log)";
    log.resize(std::strlen(log.c_str()));
    return log;
}

// The cached binary, or empty when the entry is missing, truncated or fails its checksum.
std::vector<unsigned char> readCachedBinary(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {};
    char magic[8];
    uint64_t size = 0, hash = 0;
    in.read(magic, 8);
    in.read(reinterpret_cast<char*>(&size), 8);
    in.read(reinterpret_cast<char*>(&hash), 8);
    if (!in || std::memcmp(magic, kCacheMagic, 8) != 0 || size == 0 || size > (uint64_t(1) << 30))
        return {};
    std::vector<unsigned char> binary(size);
    in.read(reinterpret_cast<char*>(binary.data()), static_cast<std::streamsize>(size));
    if (!in || fnv1a(binary.data(), binary.size()) != hash)
        return {};
    return binary;
}

void writeCachedBinary(const std::string& path, const std::vector<unsigned char>& binary) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    const uint64_t size = binary.size(), hash = fnv1a(binary.data(), binary.size());
    // A failed write only costs a rebuild next time.
    (void)writeFileAtomically(path, [&](std::ostream& out) {
        out.write(kCacheMagic, 8);
        out.write(reinterpret_cast<const char*>(&size), 8);
        out.write(reinterpret_cast<const char*>(&hash), 8);
        out.write(reinterpret_cast<const char*>(binary.data()), static_cast<std::streamsize>(size));
        return Status();
    });
}

cl_ulong eventTime(cl_event event, cl_profiling_info what) {
    cl_ulong t = 0;
    if (clGetEventProfilingInfo(event, what, sizeof(t), &t, nullptr) != CL_SUCCESS)
        return 0;
    return t;
}

} // namespace

Result<std::shared_ptr<OpenClContext>> OpenClContext::create(const OpenClDeviceInfo& device,
                                                             std::string cacheDir,
                                                             const std::vector<OpenClSource>* sources) {
    std::shared_ptr<OpenClContext> ctx(new OpenClContext());
    ctx->m_device = device;
    cl_int err = CL_SUCCESS;
    const cl_context_properties props[] = {CL_CONTEXT_PLATFORM,
                                           reinterpret_cast<cl_context_properties>(device.platform), 0};
    ctx->m_context = clCreateContext(props, 1, &device.device, nullptr, nullptr, &err);
    if (err != CL_SUCCESS)
        return Status::error("OpenCL device '" + device.name +
                             "': clCreateContext failed: " + openClErrorName(err));
    ctx->m_queue = clCreateCommandQueue(ctx->m_context, device.device, CL_QUEUE_PROFILING_ENABLE, &err);
    if (err != CL_SUCCESS)
        return Status::error("OpenCL device '" + device.name +
                             "': clCreateCommandQueue failed: " + openClErrorName(err));
    if (const char* fault = std::getenv("ONNXSCOPE_TEST_OPENCL_FAULT"))
        ctx->m_faultyNode = fault;
    OS_RETURN_IF_ERROR(ctx->buildProgram(cacheDir.empty() ? defaultCacheDir() : cacheDir,
                                         sources ? *sources : openClSources()));
    return ctx;
}

OpenClContext::~OpenClContext() {
    // Nothing may be freed while a command still reads it; a failure has no one to go to now.
    if (m_queue)
        (void)clFinish(m_queue);
    release(m_current);
    for (NodeCommands& commands : m_outstanding)
        release(commands);
    m_cache.clear();
    for (auto& [name, k] : m_kernels)
        clReleaseKernel(k);
    if (m_program)
        clReleaseProgram(m_program);
    if (m_queue)
        clReleaseCommandQueue(m_queue);
    if (m_context)
        clReleaseContext(m_context);
}

Status OpenClContext::buildProgram(const std::string& cacheDir, const std::vector<OpenClSource>& sources) {
    uint64_t key = fnv1a(m_device.name + '\n' + m_device.vendor + '\n' + m_device.driverVersion + '\n' +
                             m_device.platformVersion + '\n' + kBuildOptions,
                         1469598103934665603ull);
    for (const auto& s : sources)
        key = fnv1a(s.text, fnv1a(s.fileName, key));
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(key));
    if (!cacheDir.empty())
        m_cacheFile = cacheDir + "/opencl/" + hex + ".bin";

    cl_int err = CL_SUCCESS;
    if (!m_cacheFile.empty()) {
        std::vector<unsigned char> binary = readCachedBinary(m_cacheFile);
        if (!binary.empty()) {
            const unsigned char* ptr = binary.data();
            const size_t size = binary.size();
            cl_int binaryStatus = CL_SUCCESS;
            cl_program program =
                clCreateProgramWithBinary(m_context, 1, &m_device.device, &size, &ptr, &binaryStatus, &err);
            if (err == CL_SUCCESS && binaryStatus == CL_SUCCESS &&
                clBuildProgram(program, 1, &m_device.device, kBuildOptions, nullptr, nullptr) == CL_SUCCESS) {
                m_program = program;
                m_programFromCache = true;
                return {};
            }
            // A stale or corrupt entry: rebuild from source below and overwrite it.
            if (program)
                clReleaseProgram(program);
        }
    }

    std::vector<const char*> texts;
    std::vector<size_t> lengths;
    for (const auto& s : sources) {
        texts.push_back(s.text.c_str());
        lengths.push_back(s.text.size());
    }
    m_program = clCreateProgramWithSource(m_context, static_cast<cl_uint>(texts.size()), texts.data(),
                                          lengths.data(), &err);
    if (err != CL_SUCCESS)
        return Status::error("clCreateProgramWithSource failed: " + openClErrorName(err));
    err = clBuildProgram(m_program, 1, &m_device.device, kBuildOptions, nullptr, nullptr);
    if (err != CL_SUCCESS)
        return Status::error("building the OpenCL kernels for '" + m_device.name + "' failed: " +
                             openClErrorName(err) + "\nbuild log:\n" + buildLog(m_program, m_device.device));
    if (!m_cacheFile.empty()) {
        size_t size = 0;
        if (clGetProgramInfo(m_program, CL_PROGRAM_BINARY_SIZES, sizeof(size), &size, nullptr) ==
                CL_SUCCESS &&
            size > 0) {
            std::vector<unsigned char> binary(size);
            unsigned char* ptr = binary.data();
            if (clGetProgramInfo(m_program, CL_PROGRAM_BINARIES, sizeof(ptr), &ptr, nullptr) == CL_SUCCESS)
                writeCachedBinary(m_cacheFile, binary);
        }
    }
    return {};
}

Result<cl_kernel> OpenClContext::kernel(const std::string& name) {
    std::lock_guard lock(m_mutex);
    auto it = m_kernels.find(name);
    if (it != m_kernels.end())
        return it->second;
    cl_int err = CL_SUCCESS;
    cl_kernel k = clCreateKernel(m_program, name.c_str(), &err);
    if (err != CL_SUCCESS)
        return Status::error("OpenCL kernel '" + name + "': " + openClErrorName(err));
    m_kernels[name] = k;
    return k;
}

Result<ClBuffer> OpenClContext::allocate(size_t bytes) {
    cl_int err = CL_SUCCESS;
    // Zero-size buffers are invalid in OpenCL; empty tensors still get a valid handle.
    cl_mem mem = clCreateBuffer(m_context, CL_MEM_READ_WRITE, std::max<size_t>(bytes, 4), nullptr, &err);
    if (err != CL_SUCCESS) {
        if (err == CL_MEM_OBJECT_ALLOCATION_FAILURE || err == CL_OUT_OF_RESOURCES ||
            err == CL_INVALID_BUFFER_SIZE) {
            releaseCachedMemory();
            mem = clCreateBuffer(m_context, CL_MEM_READ_WRITE, std::max<size_t>(bytes, 4), nullptr, &err);
        }
        if (err != CL_SUCCESS) {
            m_outOfMemory = true;
            return Status::error("out of device memory on '" + m_device.name + "' allocating " +
                                 std::to_string(bytes) + " bytes: " + openClErrorName(err));
        }
    }
    return ClBuffer(mem, [](cl_mem m) { clReleaseMemObject(m); });
}

void OpenClContext::remember(const Tensor& tensor, const ClBuffer& buffer) {
    const void* key = tensor.rawData();
    if (!key || tensor.byteSize() > kBufferCacheBytes / 4)
        return;
    if (auto it = m_cacheIndex.find(key); it != m_cacheIndex.end()) {
        m_cacheBytes -= it->second->host.byteSize();
        m_cache.erase(it->second);
        m_cacheIndex.erase(it);
    }
    m_cache.push_front({tensor, buffer});
    m_cacheIndex[key] = m_cache.begin();
    m_cacheBytes += tensor.byteSize();
    while (m_cacheBytes > kBufferCacheBytes && !m_cache.empty()) {
        m_cacheBytes -= m_cache.back().host.byteSize();
        m_cacheIndex.erase(m_cache.back().host.rawData());
        m_cache.pop_back();
    }
}

struct ResidentStorage {
    void* host = nullptr; // filled only when the value moves to the host for good (readBack)
    size_t bytes = 0;
    ClBuffer buffer; // null once the value moved to the host for good (releaseCachedMemory)
    bool hostValid = false;

    ResidentStorage() = default;
    ResidentStorage(const ResidentStorage&) = delete;
    ResidentStorage& operator=(const ResidentStorage&) = delete;
    ~ResidentStorage() { std::free(host); }
};

Result<ClBuffer> OpenClContext::upload(const Tensor& tensor, bool constant) {
    if (auto resident = findResident(tensor); resident && resident->buffer)
        return resident->buffer;
    if (auto it = m_cacheIndex.find(tensor.rawData());
        it != m_cacheIndex.end() && tensor.rawData() && it->second->host.byteSize() == tensor.byteSize()) {
        m_cache.splice(m_cache.begin(), m_cache, it->second);
        return m_cache.front().buffer;
    }
    OS_ASSIGN_OR_RETURN(ClBuffer buffer, allocate(tensor.byteSize()));
    if (tensor.byteSize() > 0) {
        cl_event event = nullptr;
        // Within a node the copy overlaps the node's other commands and the host tensor stays
        // pinned with the node's commands until they complete; outside one, nothing would wait.
        cl_int err = clEnqueueWriteBuffer(m_queue, buffer.get(), m_inNode ? CL_FALSE : CL_TRUE, 0,
                                          tensor.byteSize(), tensor.rawData(), 0, nullptr, &event);
        if (err != CL_SUCCESS)
            return Status::error("uploading " + std::to_string(tensor.byteSize()) +
                                 " bytes failed: " + openClErrorName(err));
        if (m_inNode)
            m_current.pinned.push_back(tensor);
        trackTransfer(event);
        ++m_stats.uploads;
        m_stats.uploadBytes += tensor.byteSize();
    }
    // Writable tensors may be changed in place by their owner; only read-only ones are reused.
    if (constant || tensor.isReadOnly())
        remember(tensor, buffer);
    return buffer;
}

Result<Tensor> OpenClContext::residentTensor(const ClBuffer& buffer, DataType type, Shape shape) {
    OS_ASSIGN_OR_RETURN(int64_t count, checkedTensorSize(type, shape));
    auto storage = std::make_shared<ResidentStorage>();
    storage->bytes = static_cast<size_t>(count) * elementByteSize(type);
    // Not zeroed: nothing reads it before readBack fills it, and large blocks then cost no
    // host memory until the value is actually needed there.
    storage->host = std::aligned_alloc(64, std::max<size_t>((storage->bytes + 63) / 64 * 64, 64));
    if (!storage->host)
        return Status::error("out of host memory for a tensor of shape " + shapeToString(shape));
    storage->buffer = buffer;
    storage->hostValid = storage->bytes == 0;
    if (m_resident.size() >= m_residentPruneAt) {
        std::erase_if(m_resident, [](const auto& entry) { return entry.second.expired(); });
        m_residentPruneAt = 2 * m_resident.size() + 64;
    }
    m_resident[storage->host] = storage;
    void* host = storage->host;
    return Tensor::view(type, std::move(shape), host, std::move(storage));
}

std::shared_ptr<ResidentStorage> OpenClContext::findResident(const Tensor& tensor) {
    auto it = m_resident.find(tensor.rawData());
    if (it == m_resident.end())
        return nullptr;
    std::shared_ptr<ResidentStorage> storage = it->second.lock();
    if (!storage) {
        m_resident.erase(it); // the address may belong to an unrelated tensor by now
        return nullptr;
    }
    return tensor.byteSize() <= storage->bytes ? storage : nullptr;
}

Status OpenClContext::readBack(ResidentStorage& storage) {
    if (storage.hostValid || !storage.buffer)
        return {};
    OS_RETURN_IF_ERROR(download(storage.buffer, storage.host, storage.bytes));
    storage.hostValid = true;
    return {};
}

Status OpenClContext::download(const ClBuffer& buffer, void* host, size_t bytes) {
    if (bytes == 0)
        return {};
    cl_event event = nullptr;
    cl_int err = clEnqueueReadBuffer(m_queue, buffer.get(), CL_TRUE, 0, bytes, host, 0, nullptr, &event);
    if (err != CL_SUCCESS) {
        // A failed earlier command may be why; say which, if one did.
        OS_RETURN_IF_ERROR(retire(true));
        return Status::error("downloading " + std::to_string(bytes) +
                             " bytes failed: " + openClErrorName(err));
    }
    ++m_stats.downloads;
    m_stats.downloadBytes += bytes;
    trackTransfer(event);
    // The read waited for every command before it, so those have ended: check how.
    return retire(false);
}

void OpenClContext::trackTransfer(cl_event event) {
    if (m_inNode) {
        m_current.events.push_back({event, true});
        return;
    }
    // Outside a node the copy was blocking, so its times are known now.
    const cl_ulong start = eventTime(event, CL_PROFILING_COMMAND_START);
    const cl_ulong end = eventTime(event, CL_PROFILING_COMMAND_END);
    if (end >= start && start > 0)
        m_looseTransferNs += static_cast<int64_t>(end - start);
    clReleaseEvent(event);
}

Result<Tensor> OpenClContext::hostTensor(const Tensor& tensor) {
    auto storage = findResident(tensor);
    if (!storage)
        return tensor;
    if (storage->hostValid || !storage->buffer)
        return tensor.clone();
    // Straight into the copy: the resident storage's own host memory stays untouched (and, for
    // large blocks, uncommitted), so a value on the host is not held twice.
    OS_ASSIGN_OR_RETURN(Tensor host, Tensor::allocate(tensor.dataType(), tensor.shape()));
    OS_RETURN_IF_ERROR(download(storage->buffer, host.mutableRawData(), host.byteSize()));
    return host;
}

int64_t OpenClContext::takeLooseTransferNs() {
    return std::exchange(m_looseTransferNs, 0);
}

Status OpenClContext::zero(const ClBuffer& buffer, size_t bytes) {
    return fill(buffer, bytes, 0.0f);
}

Status OpenClContext::fill(const ClBuffer& buffer, size_t bytes, float value) {
    if (bytes < sizeof(cl_float))
        return {};
    const cl_float pattern = value;
    cl_event event = nullptr;
    cl_int err = clEnqueueFillBuffer(m_queue, buffer.get(), &pattern, sizeof(pattern), 0, bytes & ~size_t(3),
                                     0, nullptr, &event);
    if (err != CL_SUCCESS)
        return Status::error("clEnqueueFillBuffer failed: " + openClErrorName(err));
    m_current.events.push_back({event, false});
    return {};
}

Status OpenClContext::launch(cl_kernel kernel, const std::vector<size_t>& global, const std::string& what) {
    for (size_t g : global)
        if (g == 0)
            return {};
    cl_event event = nullptr;
    cl_int err = clEnqueueNDRangeKernel(m_queue, kernel, static_cast<cl_uint>(global.size()), nullptr,
                                        global.data(), nullptr, 0, nullptr, &event);
    if (err != CL_SUCCESS) {
        if (err == CL_OUT_OF_RESOURCES || err == CL_MEM_OBJECT_ALLOCATION_FAILURE)
            m_outOfMemory = true;
        return Status::error("launching OpenCL kernel " + what + " failed: " + openClErrorName(err));
    }
    m_current.events.push_back({event, false});
    return {};
}

Result<cl_event> OpenClContext::marker() {
    cl_event event = nullptr;
    cl_int err = clEnqueueMarkerWithWaitList(m_queue, 0, nullptr, &event);
    if (err != CL_SUCCESS)
        return Status::error("clEnqueueMarkerWithWaitList failed: " + openClErrorName(err));
    return event;
}

void OpenClContext::recordSpan(cl_event before, cl_event after) {
    m_current.spans.emplace_back(before, after);
}

void OpenClContext::beginNode(std::string node) {
    // The previous node's timing was not asked for: nobody needs its events' times any more.
    if (!m_outstanding.empty())
        m_outstanding.back().timingWanted = false;
    m_current = {};
    m_current.node = std::move(node);
    m_inNode = true;
}

void OpenClContext::endNode(bool ranOnHost) {
    m_inNode = false;
    m_current.ranOnHost = ranOnHost;
    m_outstanding.push_back(std::move(m_current));
    m_current = {};
    retireCompleted();
    // Bound what is held while the device is behind: wait for the oldest beyond a window.
    constexpr size_t kMaxOutstanding = 256;
    while (m_outstanding.size() > kMaxOutstanding && m_failure.ok()) {
        m_failure = waitFor(m_outstanding.front()); // kept for the next wait when it failed
        release(m_outstanding.front());
        m_outstanding.pop_front();
    }
}

std::vector<cl_event> OpenClContext::eventsOf(const NodeCommands& commands) {
    std::vector<cl_event> events;
    for (const Pending& p : commands.events)
        events.push_back(p.event);
    for (const auto& [before, after] : commands.spans) {
        events.push_back(before);
        events.push_back(after);
    }
    return events;
}

Status OpenClContext::waitFor(const NodeCommands& commands) const {
    const std::vector<cl_event> events = eventsOf(commands);
    if (events.empty())
        return {};
    // commands.node is the node's display name ("node 'conv1' (Conv, opset 13)").
    const cl_int waited = clWaitForEvents(static_cast<cl_uint>(events.size()), events.data());
    for (cl_event event : events) {
        cl_int status = CL_COMPLETE;
        const cl_int err =
            clGetEventInfo(event, CL_EVENT_COMMAND_EXECUTION_STATUS, sizeof(status), &status, nullptr);
        if (err != CL_SUCCESS)
            return Status::error(commands.node +
                                 ": reading an OpenCL command's status failed: " + openClErrorName(err));
        if (status < 0)
            return Status::error(commands.node + ": an OpenCL command failed on '" + m_device.name +
                                 "': " + openClErrorName(status));
    }
    if (waited != CL_SUCCESS)
        return Status::error(commands.node +
                             ": waiting for its OpenCL commands failed: " + openClErrorName(waited));
    return {};
}

bool OpenClContext::completed(const NodeCommands& commands) {
    for (cl_event event : eventsOf(commands)) {
        cl_int status = CL_COMPLETE;
        // An event whose status cannot be read counts as ended; waitFor then reports it.
        if (clGetEventInfo(event, CL_EVENT_COMMAND_EXECUTION_STATUS, sizeof(status), &status, nullptr) ==
                CL_SUCCESS &&
            status > CL_COMPLETE)
            return false;
    }
    return true;
}

Status OpenClContext::retire(bool wait) {
    if (!m_failure.ok())
        return std::exchange(m_failure, Status());
    while (!m_outstanding.empty()) {
        NodeCommands& oldest = m_outstanding.front();
        // The last node's record stays while the profiler may still ask for its timing.
        if (oldest.timingWanted && m_outstanding.size() == 1)
            return wait ? waitFor(oldest) : Status();
        if (!wait && !completed(oldest))
            return {};
        const Status status = waitFor(oldest); // checks how each command ended
        release(oldest);
        m_outstanding.pop_front();
        if (!status.ok())
            return status;
    }
    return {};
}

void OpenClContext::retireCompleted() {
    // Nobody waits here: a failure found now is kept for the next point that waits.
    if (Status status = retire(false); !status.ok())
        m_failure = std::move(status);
}

Status OpenClContext::finish() {
    const cl_int err = clFinish(m_queue);
    OS_RETURN_IF_ERROR(retire(true));
    if (err != CL_SUCCESS)
        return Status::error("the OpenCL queue of '" + m_device.name + "' failed: " + openClErrorName(err));
    return {};
}

Result<std::optional<OpenClTiming>> OpenClContext::takeLastNode() {
    if (m_outstanding.empty() || !m_outstanding.back().timingWanted)
        return std::optional<OpenClTiming>();
    NodeCommands& last = m_outstanding.back();
    last.timingWanted = false;
    // The queue is in order: once the last node's commands are done, every earlier one is.
    OS_RETURN_IF_ERROR(waitFor(last));
    const OpenClTiming timing = timingOf(last);
    OS_RETURN_IF_ERROR(retire(true));
    return std::optional<OpenClTiming>(timing);
}

OpenClTiming OpenClContext::timingOf(const NodeCommands& commands) {
    OpenClTiming timing;
    timing.ranOnHost = commands.ranOnHost;
    for (const Pending& p : commands.events) {
        const cl_ulong queued = eventTime(p.event, CL_PROFILING_COMMAND_QUEUED);
        const cl_ulong start = eventTime(p.event, CL_PROFILING_COMMAND_START);
        const cl_ulong end = eventTime(p.event, CL_PROFILING_COMMAND_END);
        if (end >= start && start > 0) {
            if (p.transfer) {
                timing.transferNs += static_cast<int64_t>(end - start);
            } else {
                timing.deviceNs += static_cast<int64_t>(end - start);
                if (start >= queued && queued > 0)
                    timing.queueNs += static_cast<int64_t>(start - queued);
            }
        }
        ++timing.commands;
    }
    // A library call between two markers: its kernels ran after the first marker completed and
    // before the second one did; the wait before the first marker started is its queue delay.
    for (const auto& [before, after] : commands.spans) {
        const cl_ulong queued = eventTime(before, CL_PROFILING_COMMAND_QUEUED);
        const cl_ulong begin = eventTime(before, CL_PROFILING_COMMAND_END);
        const cl_ulong end = eventTime(after, CL_PROFILING_COMMAND_END);
        if (end >= begin && begin > 0) {
            timing.deviceNs += static_cast<int64_t>(end - begin);
            if (begin >= queued && queued > 0)
                timing.queueNs += static_cast<int64_t>(begin - queued);
        }
        ++timing.commands;
    }
    return timing;
}

void OpenClContext::release(NodeCommands& commands) {
    for (const Pending& p : commands.events)
        clReleaseEvent(p.event);
    for (const auto& [before, after] : commands.spans) {
        clReleaseEvent(before);
        clReleaseEvent(after);
    }
    commands.events.clear();
    commands.spans.clear();
    commands.pinned.clear();
}

void OpenClContext::releaseCachedMemory() {
    m_cache.clear();
    m_cacheIndex.clear();
    m_cacheBytes = 0;
    for (auto it = m_resident.begin(); it != m_resident.end();) {
        std::shared_ptr<ResidentStorage> storage = it->second.lock();
        // A value that cannot be read back keeps its buffer: it is the only copy.
        if (storage && readBack(*storage).ok())
            storage->buffer.reset();
        it = storage ? std::next(it) : m_resident.erase(it);
    }
}

} // namespace onnxscope
