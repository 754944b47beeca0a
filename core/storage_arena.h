// Memory for large tensors: best-fit ranges carved from a few big chunks, with freed ranges
// merged with their free neighbours (a best-fit-with-coalescing arena, as ONNX Runtime's).
//
// Inference allocates and frees the same activation sizes in the same order on every run, so
// after the first run each value lands at the same address as before and a run's working set
// is close to its peak live bytes. Reusing whole blocks by size instead left every size its own
// blocks: mobilenet_v2 cycled through 42 MB of activations (more than this machine's 32 MB L3),
// so its kernels wrote to cache-cold memory and evicted the weights.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>

namespace onnxscope {

class StorageArena {
public:
    static constexpr size_t kAlignment = 64;

    // chunkBytes: the least a new chunk reserves; freeCap: free bytes kept in wholly free
    // chunks before they go back to the system.
    explicit StorageArena(size_t chunkBytes = size_t(32) << 20, size_t freeCap = size_t(256) << 20);
    ~StorageArena();
    StorageArena(const StorageArena&) = delete;
    StorageArena& operator=(const StorageArena&) = delete;

    // A 64-byte aligned range of at least `bytes` (rounded up to 64), or nullptr when the system
    // has no memory for a new chunk.
    void* take(size_t bytes);
    // Returns a range from take() with the same `bytes`.
    void give(void* data, size_t bytes);

    static size_t roundUp(size_t bytes) {
        return bytes == 0 ? kAlignment : (bytes + kAlignment - 1) / kAlignment * kAlignment;
    }

    size_t reservedBytes() const; // in all chunks
    size_t freeBytes() const;     // in free ranges
    size_t chunkCount() const;

private:
    using Address = char*;
    void insertFree(Address start, size_t bytes);
    void eraseFree(std::map<Address, size_t>::iterator range);
    std::map<Address, size_t>::iterator chunkOf(Address address);
    void releaseIfWhollyFree(Address start, size_t bytes);

    size_t m_chunkBytes;
    size_t m_freeCap;
    mutable std::mutex m_mutex;
    std::map<Address, size_t> m_chunks;          // start -> size
    std::map<Address, size_t> m_freeByAddress;   // start -> size, for merging neighbours
    std::multimap<size_t, Address> m_freeBySize; // size -> start, for the best fit
    size_t m_reserved = 0;
    size_t m_free = 0;
};

} // namespace onnxscope
