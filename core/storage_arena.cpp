#include "storage_arena.h"

#include <cstdlib>
#include <iterator>

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/asan_interface.h>
#define OS_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define OS_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define OS_POISON(p, n) ((void)(p), (void)(n))
#define OS_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace onnxscope {

StorageArena::StorageArena(size_t chunkBytes, size_t freeCap)
    : m_chunkBytes(roundUp(chunkBytes))
    , m_freeCap(freeCap) {}

StorageArena::~StorageArena() {
    for (const auto& [start, bytes] : m_chunks) {
        OS_UNPOISON(start, bytes);
        std::free(start);
    }
}

void* StorageArena::take(size_t bytes) {
    const size_t need = roundUp(bytes);
    std::lock_guard lock(m_mutex);
    auto fit = m_freeBySize.lower_bound(need);
    if (fit == m_freeBySize.end()) {
        const size_t chunk = need > m_chunkBytes ? need : m_chunkBytes;
        auto* start = static_cast<Address>(std::aligned_alloc(kAlignment, chunk));
        if (!start)
            return nullptr;
        OS_POISON(start, chunk);
        m_chunks.emplace(start, chunk);
        m_reserved += chunk;
        insertFree(start, chunk);
        fit = m_freeBySize.lower_bound(need);
    }
    const Address start = fit->second;
    const size_t size = fit->first;
    eraseFree(m_freeByAddress.find(start));
    if (size > need)
        insertFree(start + need, size - need);
    OS_UNPOISON(start, need);
    return start;
}

void StorageArena::give(void* data, size_t bytes) {
    if (!data)
        return;
    auto start = static_cast<Address>(data);
    size_t size = roundUp(bytes);
    std::lock_guard lock(m_mutex);
    OS_POISON(start, size);
    const auto chunk = chunkOf(start);
    const Address chunkStart = chunk->first;
    const Address chunkEnd = chunk->first + chunk->second;
    // Merge with the free neighbours in the same chunk (chunks may happen to be adjacent).
    if (start + size < chunkEnd) {
        const auto next = m_freeByAddress.find(start + size);
        if (next != m_freeByAddress.end()) {
            size += next->second;
            eraseFree(next);
        }
    }
    if (start > chunkStart) {
        auto prev = m_freeByAddress.lower_bound(start);
        if (prev != m_freeByAddress.begin()) {
            --prev;
            if (prev->first + prev->second == start) {
                start = prev->first;
                size += prev->second;
                eraseFree(prev);
            }
        }
    }
    insertFree(start, size);
    releaseIfWhollyFree(start, size);
}

size_t StorageArena::reservedBytes() const {
    std::lock_guard lock(m_mutex);
    return m_reserved;
}

size_t StorageArena::freeBytes() const {
    std::lock_guard lock(m_mutex);
    return m_free;
}

size_t StorageArena::chunkCount() const {
    std::lock_guard lock(m_mutex);
    return m_chunks.size();
}

void StorageArena::insertFree(Address start, size_t bytes) {
    m_freeByAddress.emplace(start, bytes);
    m_freeBySize.emplace(bytes, start);
    m_free += bytes;
}

void StorageArena::eraseFree(std::map<Address, size_t>::iterator range) {
    auto [first, last] = m_freeBySize.equal_range(range->second);
    for (auto it = first; it != last; ++it) {
        if (it->second == range->first) {
            m_freeBySize.erase(it);
            break;
        }
    }
    m_free -= range->second;
    m_freeByAddress.erase(range);
}

std::map<StorageArena::Address, size_t>::iterator StorageArena::chunkOf(Address address) {
    auto it = m_chunks.upper_bound(address);
    return std::prev(it); // give() only receives ranges take() carved from a chunk
}

void StorageArena::releaseIfWhollyFree(Address start, size_t bytes) {
    const auto chunk = m_chunks.find(start);
    if (chunk == m_chunks.end() || chunk->second != bytes || m_free <= m_freeCap)
        return;
    eraseFree(m_freeByAddress.find(start));
    m_reserved -= bytes;
    m_chunks.erase(chunk);
    OS_UNPOISON(start, bytes);
    std::free(start);
}

} // namespace onnxscope
