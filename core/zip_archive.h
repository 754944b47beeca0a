// The part of the zip format that numpy's .npz files use: reading stored and deflated members
// (with zip64 sizes and offsets, as np.savez always writes), and writing stored members.
//
// The reader works on bytes already in memory (usually a memory-mapped file) and checks every
// offset and size against them before use; a deflated member's claimed size is checked against
// the best ratio deflate can reach before its buffer is allocated, and its CRC is verified.
// Errors name the archive, the member and the byte offset.
#pragma once

#include "status.h"

#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace onnxscope {

struct ZipMember {
    std::string name;
    uint16_t method = 0; // 0 stored, 8 deflate
    uint16_t flags = 0;
    uint32_t crc = 0;
    uint64_t compressedSize = 0;
    uint64_t uncompressedSize = 0;
    uint64_t localHeaderOffset = 0;
};

class ZipReader {
public:
    // data must outlive the reader and the spans extract() returns for stored members.
    static Result<ZipReader> open(const uint8_t* data, size_t size, std::string displayName);

    const std::vector<ZipMember>& members() const { return m_members; }
    // A stored member is returned in place; a deflated one is inflated into buffer.
    Result<std::span<const uint8_t>> extract(const ZipMember& member, std::vector<uint8_t>& buffer) const;

private:
    ZipReader() = default;
    Status readCentralDirectory();
    std::string where(uint64_t offset) const;

    const uint8_t* m_data = nullptr;
    size_t m_size = 0;
    std::string m_name;
    std::vector<ZipMember> m_members;
};

// Writes stored members one after another, then the central directory in finish(). Uses zip64
// records only where a size or offset needs them. Timestamps are fixed so output is reproducible.
class ZipWriter {
public:
    explicit ZipWriter(std::ostream& out)
        : m_out(out) {}
    Status add(const std::string& name, std::span<const uint8_t> data);
    Status finish();

private:
    struct Entry {
        std::string name;
        uint32_t crc;
        uint64_t size;
        uint64_t offset;
    };
    std::ostream& m_out;
    uint64_t m_position = 0;
    std::vector<Entry> m_entries;
};

} // namespace onnxscope
