#include "tensor_file_io.h"

#include "atomic_file.h"
#include "external_data.h"
#include "npy_header.h"
#include "tensor_proto_io.h"
#include "zip_archive.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstring>
#include <optional>

namespace onnxscope {

namespace {

struct NpyDtype {
    char byteOrder = '|'; // '<', '>', '|' ('=' is read as native little-endian)
    char kind = 'f';      // b i u f c U S
    size_t itemSize = 0;  // bytes per element in the file
    DataType type = DataType::Undefined;
};

std::string where(const std::string& name, size_t offset) {
    return name + ": byte " + std::to_string(offset) + ": ";
}

Result<NpyDtype> parseDtype(const std::string& descr, const std::string& name, size_t offset) {
    NpyDtype d;
    std::string_view s = descr;
    if (!s.empty() && (s[0] == '<' || s[0] == '>' || s[0] == '|' || s[0] == '=')) {
        d.byteOrder = s[0] == '=' ? '<' : s[0];
        s.remove_prefix(1);
    }
    if (s == "?")
        s = "b1";
    auto bad = [&](const std::string& why) {
        return Status::error(where(name, offset) + "dtype '" + descr + "' " + why);
    };
    if (s.empty())
        return bad("is empty");
    d.kind = s[0];
    s.remove_prefix(1);
    if (s.empty() || s.size() > 9 ||
        !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return bad("has no valid item size");
    size_t n = std::stoul(std::string(s));
    struct Entry {
        char kind;
        size_t size;
        DataType type;
    };
    static constexpr Entry kTable[] = {
        {'b', 1, DataType::Bool},      {'i', 1, DataType::Int8},        {'i', 2, DataType::Int16},
        {'i', 4, DataType::Int32},     {'i', 8, DataType::Int64},       {'u', 1, DataType::Uint8},
        {'u', 2, DataType::Uint16},    {'u', 4, DataType::Uint32},      {'u', 8, DataType::Uint64},
        {'f', 2, DataType::Float16},   {'f', 4, DataType::Float},       {'f', 8, DataType::Double},
        {'c', 8, DataType::Complex64}, {'c', 16, DataType::Complex128},
    };
    if (d.kind == 'U' || d.kind == 'S') {
        if (n == 0)
            return bad("has a zero item size");
        d.itemSize = d.kind == 'U' ? n * 4 : n;
        d.type = DataType::String;
        return d;
    }
    for (const Entry& e : kTable) {
        if (e.kind == d.kind && e.size == n) {
            d.itemSize = n;
            d.type = e.type;
            return d;
        }
    }
    if (d.kind == 'O')
        return bad("holds Python objects (pickled); only numeric, bool and string arrays can be read");
    return bad("is not supported (numeric b1 i1-i8 u1-u8 f2 f4 f8 c8 c16, U or S)");
}

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
}

// Strict UTF-8 decoding; nothing when the bytes are not valid UTF-8.
std::optional<std::vector<uint32_t>> utf8ToUtf32(const std::string& s) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < s.size();) {
        auto c = static_cast<uint8_t>(s[i]);
        int extra = c < 0x80             ? 0
                    : (c & 0xe0) == 0xc0 ? 1
                    : (c & 0xf0) == 0xe0 ? 2
                    : (c & 0xf8) == 0xf0 ? 3
                                         : -1;
        if (extra < 0 || s.size() - i <= static_cast<size_t>(extra))
            return std::nullopt;
        uint32_t cp = extra == 0 ? c : c & (0x3f >> extra);
        for (int k = 1; k <= extra; ++k) {
            auto cc = static_cast<uint8_t>(s[i + static_cast<size_t>(k)]);
            if ((cc & 0xc0) != 0x80)
                return std::nullopt;
            cp = (cp << 6) | (cc & 0x3f);
        }
        static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return std::nullopt;
        out.push_back(cp);
        i += static_cast<size_t>(extra) + 1;
    }
    return out;
}

// Fortran-ordered data reordered to C order, element by element (itemSize bytes each).
std::vector<uint8_t> fortranToC(const uint8_t* src, const Shape& shape, int64_t count, size_t itemSize) {
    std::vector<uint8_t> out(static_cast<size_t>(count) * itemSize);
    size_t rank = shape.size();
    std::vector<int64_t> fStride(rank, 1);
    for (size_t i = 1; i < rank; ++i)
        fStride[i] = fStride[i - 1] * shape[i - 1];
    std::vector<int64_t> index(rank, 0);
    int64_t fOffset = 0;
    for (int64_t c = 0; c < count; ++c) {
        std::memcpy(out.data() + static_cast<size_t>(c) * itemSize,
                    src + static_cast<size_t>(fOffset) * itemSize, itemSize);
        for (size_t axis = rank; axis-- > 0;) { // advance the C-order index, last axis fastest
            fOffset += fStride[axis];
            if (++index[axis] < shape[axis])
                break;
            fOffset -= fStride[axis] * shape[axis];
            index[axis] = 0;
        }
    }
    return out;
}

Status decodeStrings(Tensor& tensor, const NpyDtype& d, const uint8_t* src, const std::string& name,
                     size_t dataOffset) {
    auto* out = tensor.data<std::string>();
    for (int64_t i = 0; i < tensor.elementCount(); ++i) {
        const uint8_t* item = src + static_cast<size_t>(i) * d.itemSize;
        std::string s;
        if (d.kind == 'S') {
            size_t len = d.itemSize;
            while (len > 0 && item[len - 1] == 0)
                --len;
            s.assign(reinterpret_cast<const char*>(item), len);
        } else {
            size_t chars = d.itemSize / 4;
            while (chars > 0 && std::memcmp(item + (chars - 1) * 4, "\0\0\0\0", 4) == 0)
                --chars;
            for (size_t k = 0; k < chars; ++k) {
                const uint8_t* p = item + k * 4;
                uint32_t cp =
                    d.byteOrder == '>'
                        ? (uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3])
                        : (uint32_t(p[3]) << 24 | uint32_t(p[2]) << 16 | uint32_t(p[1]) << 8 | p[0]);
                if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
                    return Status::error(
                        where(name, dataOffset + static_cast<size_t>(i) * d.itemSize + k * 4) +
                        "invalid UTF-32 code point " + std::to_string(cp));
                appendUtf8(s, cp);
            }
        }
        out[i] = std::move(s);
    }
    return {};
}

Result<std::string> npyDescr(const Tensor& tensor) {
    switch (tensor.dataType()) {
    case DataType::Bool:
        return std::string("|b1");
    case DataType::Int8:
        return std::string("|i1");
    case DataType::Uint8:
        return std::string("|u1");
    case DataType::Int16:
        return std::string("<i2");
    case DataType::Uint16:
        return std::string("<u2");
    case DataType::Int32:
        return std::string("<i4");
    case DataType::Uint32:
        return std::string("<u4");
    case DataType::Int64:
        return std::string("<i8");
    case DataType::Uint64:
        return std::string("<u8");
    case DataType::Float16:
        return std::string("<f2");
    case DataType::Float:
        return std::string("<f4");
    case DataType::Double:
        return std::string("<f8");
    case DataType::Complex64:
        return std::string("<c8");
    case DataType::Complex128:
        return std::string("<c16");
    default:
        return Status::error("numpy has no dtype for " + std::string(dataTypeName(tensor.dataType())) +
                             " tensors; cast to a standard type first");
    }
}

// A whole .npy file in memory.
Result<std::string> npyBytes(const Tensor& tensor) {
    if (!tensor.isValid())
        return Status::error("cannot save an undefined tensor");
    if (tensor.dataType() == DataType::String) {
        // UTF-32 ('U') when every string is valid UTF-8, else raw bytes ('S').
        std::vector<std::vector<uint32_t>> decoded;
        bool unicode = true;
        size_t maxChars = 1, maxBytes = 1;
        for (const std::string& s : tensor.values<std::string>()) {
            maxBytes = std::max(maxBytes, s.size());
            auto cps = unicode ? utf8ToUtf32(s) : std::nullopt;
            if (!cps) {
                unicode = false;
                continue;
            }
            maxChars = std::max(maxChars, cps->size());
            decoded.push_back(std::move(*cps));
        }
        size_t itemSize = unicode ? maxChars * 4 : maxBytes;
        std::string out =
            formatNpyHeader(unicode ? "<U" + std::to_string(maxChars) : "|S" + std::to_string(maxBytes),
                            false, tensor.shape());
        size_t base = out.size();
        out.resize(base + itemSize * static_cast<size_t>(tensor.elementCount()), '\0');
        for (int64_t i = 0; i < tensor.elementCount(); ++i) {
            char* item = out.data() + base + static_cast<size_t>(i) * itemSize;
            if (unicode) {
                const auto& cps = decoded[static_cast<size_t>(i)];
                for (size_t k = 0; k < cps.size(); ++k)
                    for (int b = 0; b < 4; ++b)
                        item[k * 4 + static_cast<size_t>(b)] = static_cast<char>((cps[k] >> (8 * b)) & 0xff);
            } else {
                const std::string& s = tensor.data<std::string>()[i];
                std::memcpy(item, s.data(), s.size());
            }
        }
        return out;
    }
    OS_ASSIGN_OR_RETURN(std::string descr, npyDescr(tensor));
    std::string out = formatNpyHeader(descr, false, tensor.shape());
    out.append(static_cast<const char*>(tensor.rawData()), tensor.byteSize());
    return out;
}

} // namespace

Result<Tensor> parseNpy(const void* data, size_t size, const std::string& name) {
    const auto* bytes = static_cast<const uint8_t*>(data);
    OS_ASSIGN_OR_RETURN(NpyHeader header, parseNpyHeader(bytes, size, name));
    OS_ASSIGN_OR_RETURN(NpyDtype d, parseDtype(header.descr, name, header.majorVersion == 1 ? 10 : 12));
    auto count = checkedElementCount(header.shape, d.itemSize);
    if (!count)
        return Status::error(where(name, 10) + "shape " + shapeToString(header.shape) + " of " +
                             header.descr + " overflows the element count");
    size_t expected = static_cast<size_t>(*count) * d.itemSize;
    size_t available = size - header.dataOffset;
    if (available != expected)
        return Status::error(where(name, header.dataOffset) + "array data has " + std::to_string(available) +
                             " bytes, but shape " + shapeToString(header.shape) + " of " + header.descr +
                             " needs " + std::to_string(expected));
    const uint8_t* src = bytes + header.dataOffset;
    std::vector<uint8_t> reordered;
    if (header.fortranOrder && header.shape.size() > 1) {
        reordered = fortranToC(src, header.shape, *count, d.itemSize);
        src = reordered.data();
    }
    auto allocated = Tensor::allocate(d.type, header.shape);
    if (!allocated.ok())
        return allocated.status().withContext(name + ": ");
    Tensor tensor = std::move(allocated).value();
    if (d.type == DataType::String) {
        OS_RETURN_IF_ERROR(decodeStrings(tensor, d, src, name, header.dataOffset));
        return tensor;
    }
    auto* out = static_cast<uint8_t*>(tensor.mutableRawData());
    if (expected > 0)
        std::memcpy(out, src, expected);
    bool fileBigEndian = d.byteOrder == '>';
    if (fileBigEndian != (std::endian::native == std::endian::big)) {
        size_t unit = d.kind == 'c' ? d.itemSize / 2 : d.itemSize;
        for (size_t i = 0; i + unit <= expected; i += unit)
            std::reverse(out + i, out + i + unit);
    }
    if (d.type == DataType::Bool) {
        for (size_t i = 0; i < expected; ++i)
            out[i] = out[i] != 0;
    }
    return tensor;
}

Result<Tensor> readNpy(const std::filesystem::path& file) {
    OS_ASSIGN_OR_RETURN(auto mapped, MappedFile::open(file));
    return parseNpy(mapped->data(), mapped->size(), file.string());
}

Status writeNpy(const std::filesystem::path& file, const Tensor& tensor) {
    auto bytes = npyBytes(tensor);
    if (!bytes.ok())
        return bytes.status().withContext(file.string() + ": ");
    return writeFileAtomically(file, bytes->data(), bytes->size());
}

Result<std::map<std::string, Tensor>> readNpz(const std::filesystem::path& file) {
    OS_ASSIGN_OR_RETURN(auto mapped, MappedFile::open(file));
    OS_ASSIGN_OR_RETURN(ZipReader zip, ZipReader::open(reinterpret_cast<const uint8_t*>(mapped->data()),
                                                       mapped->size(), file.string()));
    std::map<std::string, Tensor> tensors;
    std::vector<uint8_t> buffer;
    for (const ZipMember& member : zip.members()) {
        // np.load hands out other members as raw bytes; they are not tensors, so they are skipped.
        if (member.name.size() < 4 || member.name.compare(member.name.size() - 4, 4, ".npy") != 0)
            continue;
        std::string key = member.name.substr(0, member.name.size() - 4);
        std::string display = file.string() + ": member '" + member.name + "'";
        if (tensors.count(key))
            return Status::error(display + ": duplicate member");
        OS_ASSIGN_OR_RETURN(auto bytes, zip.extract(member, buffer));
        OS_ASSIGN_OR_RETURN(Tensor tensor, parseNpy(bytes.data(), bytes.size(), display));
        tensors.emplace(std::move(key), std::move(tensor));
    }
    return tensors;
}

Status writeNpz(const std::filesystem::path& file, const std::map<std::string, Tensor>& tensors) {
    return writeFileAtomically(file, [&](std::ostream& out) -> Status {
        ZipWriter zip(out);
        for (const auto& [name, tensor] : tensors) {
            auto bytes = npyBytes(tensor);
            if (!bytes.ok())
                return bytes.status().withContext(file.string() + ": member '" + name + ".npy': ");
            OS_RETURN_IF_ERROR(
                zip.add(name + ".npy", {reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size()}));
        }
        return zip.finish();
    });
}

Result<Tensor> readTensorFile(const std::filesystem::path& file) {
    std::string text = file.string();
    // "archive.npz:member" names one tensor of an archive.
    auto npz = text.rfind(".npz:");
    if (npz != std::string::npos) {
        std::string archive = text.substr(0, npz + 4);
        std::string member = text.substr(npz + 5);
        OS_ASSIGN_OR_RETURN(auto tensors, readNpz(archive));
        auto it = tensors.find(member);
        if (it == tensors.end()) {
            std::string names;
            for (const auto& entry : tensors)
                names += (names.empty() ? "" : ", ") + entry.first;
            return Status::error(archive + ": no member '" + member + "' (has: " + names + ")");
        }
        return it->second;
    }
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    // Other extensions: numpy files are recognised by their magic, anything else is a .pb.
    if (ext != ".npy" && ext != ".npz" && ext != ".pb") {
        auto mapped = MappedFile::open(file);
        if (!mapped.ok())
            return mapped.status();
        const auto* head = reinterpret_cast<const char*>((*mapped)->data());
        size_t size = (*mapped)->size();
        if (size >= 6 && std::memcmp(head, "\x93NUMPY", 6) == 0)
            ext = ".npy";
        else if (size >= 4 && std::memcmp(head, "PK\x03\x04", 4) == 0)
            ext = ".npz";
    }
    if (ext == ".npy")
        return readNpy(file);
    if (ext == ".npz") {
        OS_ASSIGN_OR_RETURN(auto tensors, readNpz(file));
        if (tensors.size() != 1)
            return Status::error(text + ": holds " + std::to_string(tensors.size()) +
                                 " arrays; name one as '" + text + ":NAME'");
        return tensors.begin()->second;
    }
    return readTensorPb(file);
}

} // namespace onnxscope
