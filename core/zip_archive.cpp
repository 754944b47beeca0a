#include "zip_archive.h"

#include <zlib.h>

#include <algorithm>
#include <limits>
#include <optional>

namespace onnxscope {

namespace {

constexpr uint32_t kLocalHeaderSig = 0x04034b50;
constexpr uint32_t kCentralHeaderSig = 0x02014b50;
constexpr uint32_t kEndSig = 0x06054b50;
constexpr uint32_t kZip64EndSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr uint16_t kZip64ExtraId = 0x0001;
constexpr size_t kLocalHeaderSize = 30;
constexpr size_t kCentralHeaderSize = 46;
constexpr size_t kEndSize = 22;
constexpr size_t kZip64EndSize = 56;
constexpr size_t kZip64LocatorSize = 20;
constexpr uint32_t kMax32 = 0xffffffffu;
// Deflate cannot compress better than about 1032:1, so a larger claim is a lie (or a bomb).
constexpr uint64_t kMaxDeflateRatio = 1032;

uint16_t le16(const uint8_t* p) {
    return static_cast<uint16_t>(p[0] | (p[1] << 8));
}
uint32_t le32(const uint8_t* p) {
    return le16(p) | (static_cast<uint32_t>(le16(p + 2)) << 16);
}
uint64_t le64(const uint8_t* p) {
    return le32(p) | (static_cast<uint64_t>(le32(p + 4)) << 32);
}

void put16(std::string& out, uint16_t v) {
    out += static_cast<char>(v & 0xff);
    out += static_cast<char>(v >> 8);
}
void put32(std::string& out, uint32_t v) {
    put16(out, static_cast<uint16_t>(v & 0xffff));
    put16(out, static_cast<uint16_t>(v >> 16));
}
void put64(std::string& out, uint64_t v) {
    put32(out, static_cast<uint32_t>(v & kMax32));
    put32(out, static_cast<uint32_t>(v >> 32));
}

uint32_t crc32Of(std::span<const uint8_t> data) {
    uLong crc = crc32(0L, Z_NULL, 0);
    const uint8_t* p = data.data();
    size_t left = data.size();
    while (left > 0) { // zlib takes uInt lengths
        auto chunk = static_cast<uInt>(std::min<size_t>(left, 1u << 30));
        crc = crc32(crc, p, chunk);
        p += chunk;
        left -= chunk;
    }
    return static_cast<uint32_t>(crc);
}

} // namespace

std::string ZipReader::where(uint64_t offset) const {
    return m_name + ": byte " + std::to_string(offset) + ": ";
}

Result<ZipReader> ZipReader::open(const uint8_t* data, size_t size, std::string displayName) {
    ZipReader reader;
    reader.m_data = data;
    reader.m_size = size;
    reader.m_name = std::move(displayName);
    OS_RETURN_IF_ERROR(reader.readCentralDirectory());
    return reader;
}

Status ZipReader::readCentralDirectory() {
    if (m_size < kEndSize)
        return Status::error(m_name + ": not a zip archive (" + std::to_string(m_size) + " bytes)");
    // The end record sits before an archive comment of at most 65535 bytes.
    size_t lowest = m_size > kEndSize + 0xffff ? m_size - kEndSize - 0xffff : 0;
    std::optional<size_t> endPos;
    for (size_t pos = m_size - kEndSize + 1; pos-- > lowest;) {
        if (le32(m_data + pos) == kEndSig && pos + kEndSize + le16(m_data + pos + 20) <= m_size) {
            endPos = pos;
            break;
        }
    }
    if (!endPos)
        return Status::error(m_name + ": not a zip archive (no end of central directory record)");
    const uint8_t* end = m_data + *endPos;
    uint64_t count = le16(end + 10);
    uint64_t cdSize = le32(end + 12);
    uint64_t cdOffset = le32(end + 16);
    if (count == 0xffff || cdSize == kMax32 || cdOffset == kMax32) {
        if (*endPos < kZip64LocatorSize || le32(end - kZip64LocatorSize) != kZip64LocatorSig)
            return Status::error(where(*endPos) + "zip64 values without a zip64 end locator");
        uint64_t z64Pos = le64(end - kZip64LocatorSize + 8);
        if (m_size < kZip64EndSize || z64Pos > m_size - kZip64EndSize ||
            le32(m_data + z64Pos) != kZip64EndSig)
            return Status::error(where(*endPos - kZip64LocatorSize) +
                                 "bad zip64 end of central directory offset " + std::to_string(z64Pos));
        const uint8_t* z64 = m_data + z64Pos;
        count = le64(z64 + 32);
        cdSize = le64(z64 + 40);
        cdOffset = le64(z64 + 48);
    }
    if (cdOffset > m_size || cdSize > m_size - cdOffset)
        return Status::error(where(*endPos) + "central directory [" + std::to_string(cdOffset) + ", +" +
                             std::to_string(cdSize) + ") lies outside the file");
    if (count > cdSize / kCentralHeaderSize)
        return Status::error(where(*endPos) + std::to_string(count) +
                             " entries cannot fit in a central directory of " + std::to_string(cdSize) +
                             " bytes");
    uint64_t pos = cdOffset;
    const uint64_t cdEnd = cdOffset + cdSize;
    for (uint64_t i = 0; i < count; ++i) {
        if (cdEnd - pos < kCentralHeaderSize || le32(m_data + pos) != kCentralHeaderSig)
            return Status::error(where(pos) + "bad central directory entry " + std::to_string(i));
        const uint8_t* h = m_data + pos;
        size_t nameLen = le16(h + 28), extraLen = le16(h + 30), commentLen = le16(h + 32);
        if (cdEnd - pos - kCentralHeaderSize < nameLen + extraLen + commentLen)
            return Status::error(where(pos) + "central directory entry " + std::to_string(i) +
                                 " runs past the directory");
        ZipMember m;
        m.flags = le16(h + 8);
        m.method = le16(h + 10);
        m.crc = le32(h + 16);
        m.compressedSize = le32(h + 20);
        m.uncompressedSize = le32(h + 24);
        m.localHeaderOffset = le32(h + 42);
        m.name.assign(reinterpret_cast<const char*>(h + kCentralHeaderSize), nameLen);
        // Only the fields saturated at 0xffffffff are in the zip64 extra, in this order.
        const uint8_t* extra = h + kCentralHeaderSize + nameLen;
        for (size_t e = 0; e + 4 <= extraLen;) {
            uint16_t id = le16(extra + e), len = le16(extra + e + 2);
            if (e + 4 + len > extraLen)
                break;
            if (id == kZip64ExtraId) {
                const uint8_t* f = extra + e + 4;
                size_t left = len;
                for (uint64_t* field : {&m.uncompressedSize, &m.compressedSize, &m.localHeaderOffset}) {
                    if (*field != kMax32)
                        continue;
                    if (left < 8)
                        return Status::error(where(pos) + "member '" + m.name + "': short zip64 extra field");
                    *field = le64(f);
                    f += 8;
                    left -= 8;
                }
            }
            e += 4 + len;
        }
        m_members.push_back(std::move(m));
        pos += kCentralHeaderSize + nameLen + extraLen + commentLen;
    }
    return {};
}

Result<std::span<const uint8_t>> ZipReader::extract(const ZipMember& m, std::vector<uint8_t>& buffer) const {
    std::string member = m_name + ": member '" + m.name + "'";
    uint64_t pos = m.localHeaderOffset;
    if (pos > m_size || m_size - pos < kLocalHeaderSize || le32(m_data + pos) != kLocalHeaderSig)
        return Status::error(member + ": no local header at byte " + std::to_string(pos));
    if (m.flags & 1)
        return Status::error(member + ": encrypted members are not supported");
    uint64_t dataPos = pos + kLocalHeaderSize + le16(m_data + pos + 26) + le16(m_data + pos + 28);
    if (dataPos > m_size || m.compressedSize > m_size - dataPos)
        return Status::error(member + ": data [" + std::to_string(dataPos) + ", +" +
                             std::to_string(m.compressedSize) + ") runs past the end of the archive (" +
                             std::to_string(m_size) + " bytes)");
    std::span<const uint8_t> compressed(m_data + dataPos, static_cast<size_t>(m.compressedSize));
    std::span<const uint8_t> result;
    if (m.method == 0) {
        if (m.compressedSize != m.uncompressedSize)
            return Status::error(member + ": stored member with different compressed (" +
                                 std::to_string(m.compressedSize) + ") and uncompressed (" +
                                 std::to_string(m.uncompressedSize) + ") sizes");
        result = compressed;
    } else if (m.method == 8) {
        if (m.uncompressedSize > m.compressedSize * kMaxDeflateRatio + 1024)
            return Status::error(member + ": claims " + std::to_string(m.uncompressedSize) + " bytes from " +
                                 std::to_string(m.compressedSize) +
                                 " deflated bytes, beyond what deflate can do");
        try {
            buffer.assign(static_cast<size_t>(m.uncompressedSize), 0);
        } catch (const std::bad_alloc&) {
            return Status::error(member + ": out of memory for " + std::to_string(m.uncompressedSize) +
                                 " bytes");
        }
        z_stream zs{};
        if (inflateInit2(&zs, -MAX_WBITS) != Z_OK)
            return Status::error(member + ": zlib initialisation failed");
        const uint8_t* in = compressed.data();
        size_t inLeft = compressed.size();
        size_t produced = 0;
        int rc = Z_OK;
        while (rc == Z_OK) {
            if (zs.avail_in == 0 && inLeft > 0) {
                zs.next_in = const_cast<Bytef*>(in);
                zs.avail_in = static_cast<uInt>(std::min<size_t>(inLeft, 1u << 30));
                in += zs.avail_in;
                inLeft -= zs.avail_in;
            }
            // One spare byte of room tells "ends exactly here" apart from "has more than claimed".
            uint8_t spare = 0;
            bool full = produced == buffer.size();
            zs.next_out = full ? &spare : buffer.data() + produced;
            zs.avail_out = full ? 1 : static_cast<uInt>(std::min<size_t>(buffer.size() - produced, 1u << 30));
            uInt before = zs.avail_out;
            rc = inflate(&zs, Z_NO_FLUSH);
            if (full && zs.avail_out != before) {
                rc = Z_DATA_ERROR;
                break;
            }
            produced += before - zs.avail_out;
            if (rc == Z_BUF_ERROR && zs.avail_in == 0 && inLeft == 0)
                break;
            if (rc == Z_BUF_ERROR)
                rc = Z_OK;
        }
        inflateEnd(&zs);
        if (rc != Z_STREAM_END || produced != buffer.size())
            return Status::error(member + ": corrupt deflate data (inflated " + std::to_string(produced) +
                                 " of " + std::to_string(buffer.size()) + " bytes)");
        result = buffer;
    } else {
        return Status::error(member + ": unsupported compression method " + std::to_string(m.method));
    }
    if (crc32Of(result) != m.crc)
        return Status::error(member + ": CRC mismatch (data corrupt)");
    return result;
}

Status ZipWriter::add(const std::string& name, std::span<const uint8_t> data) {
    if (name.size() > 0xffff)
        return Status::error("zip member name too long: " + name.substr(0, 64) + "...");
    Entry entry{name, crc32Of(data), data.size(), m_position};
    bool zip64 = entry.size >= kMax32;
    std::string header;
    put32(header, kLocalHeaderSig);
    put16(header, zip64 ? 45 : 20);          // version needed
    put16(header, name.size() ? 0x0800 : 0); // names are UTF-8
    put16(header, 0);                        // stored
    put16(header, 0);                        // time 00:00
    put16(header, 0x21);                     // date 1980-01-01
    put32(header, entry.crc);
    put32(header, zip64 ? kMax32 : static_cast<uint32_t>(entry.size));
    put32(header, zip64 ? kMax32 : static_cast<uint32_t>(entry.size));
    put16(header, static_cast<uint16_t>(name.size()));
    put16(header, zip64 ? 20 : 0);
    header += name;
    if (zip64) {
        put16(header, kZip64ExtraId);
        put16(header, 16);
        put64(header, entry.size);
        put64(header, entry.size);
    }
    m_out.write(header.data(), static_cast<std::streamsize>(header.size()));
    m_out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
    if (!m_out)
        return Status::error("writing zip member '" + name + "' failed");
    m_position += header.size() + data.size();
    m_entries.push_back(std::move(entry));
    return {};
}

Status ZipWriter::finish() {
    std::string cd;
    for (const Entry& e : m_entries) {
        bool bigSize = e.size >= kMax32;
        bool bigOffset = e.offset >= kMax32;
        put32(cd, kCentralHeaderSig);
        put16(cd, 45);                               // made by
        put16(cd, (bigSize || bigOffset) ? 45 : 20); // needed
        put16(cd, e.name.size() ? 0x0800 : 0);
        put16(cd, 0);
        put16(cd, 0);
        put16(cd, 0x21);
        put32(cd, e.crc);
        put32(cd, bigSize ? kMax32 : static_cast<uint32_t>(e.size));
        put32(cd, bigSize ? kMax32 : static_cast<uint32_t>(e.size));
        put16(cd, static_cast<uint16_t>(e.name.size()));
        put16(cd, static_cast<uint16_t>((bigSize ? 16 : 0) + (bigOffset ? 8 : 0) +
                                        ((bigSize || bigOffset) ? 4 : 0)));
        put16(cd, 0);           // comment
        put16(cd, 0);           // disk
        put16(cd, 0);           // internal attributes
        put32(cd, 0x81a40000u); // external: regular file, rw-r--r--
        put32(cd, bigOffset ? kMax32 : static_cast<uint32_t>(e.offset));
        cd += e.name;
        if (bigSize || bigOffset) {
            put16(cd, kZip64ExtraId);
            put16(cd, static_cast<uint16_t>((bigSize ? 16 : 0) + (bigOffset ? 8 : 0)));
            if (bigSize) {
                put64(cd, e.size);
                put64(cd, e.size);
            }
            if (bigOffset)
                put64(cd, e.offset);
        }
    }
    uint64_t cdOffset = m_position;
    uint64_t count = m_entries.size();
    bool zip64 = cdOffset >= kMax32 || cd.size() >= kMax32 || count >= 0xffff;
    std::string tail;
    if (zip64) {
        uint64_t z64Pos = cdOffset + cd.size();
        put32(tail, kZip64EndSig);
        put64(tail, kZip64EndSize - 12);
        put16(tail, 45);
        put16(tail, 45);
        put32(tail, 0);
        put32(tail, 0);
        put64(tail, count);
        put64(tail, count);
        put64(tail, cd.size());
        put64(tail, cdOffset);
        put32(tail, kZip64LocatorSig);
        put32(tail, 0);
        put64(tail, z64Pos);
        put32(tail, 1);
    }
    put32(tail, kEndSig);
    put16(tail, 0);
    put16(tail, 0);
    put16(tail, zip64 ? 0xffff : static_cast<uint16_t>(count));
    put16(tail, zip64 ? 0xffff : static_cast<uint16_t>(count));
    put32(tail, zip64 ? kMax32 : static_cast<uint32_t>(cd.size()));
    put32(tail, zip64 ? kMax32 : static_cast<uint32_t>(cdOffset));
    put16(tail, 0);
    m_out.write(cd.data(), static_cast<std::streamsize>(cd.size()));
    m_out.write(tail.data(), static_cast<std::streamsize>(tail.size()));
    if (!m_out)
        return Status::error("writing the zip central directory failed");
    return {};
}

} // namespace onnxscope
