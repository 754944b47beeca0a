#include "npy_header.h"

#include <cstring>
#include <limits>
#include <optional>

namespace onnxscope {

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicSize = 6;
// numpy allows 32 (1.x) or 64 (2.x) dimensions.
constexpr size_t kMaxRank = 64;

// A recursive-descent reader for the one dict literal numpy writes:
// {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
class LiteralParser {
public:
    LiteralParser(const char* text, size_t size, size_t fileOffset, const std::string& name)
        : m_text(text)
        , m_size(size)
        , m_base(fileOffset)
        , m_name(name) {}

    Status parse(NpyHeader& header) {
        bool haveDescr = false, haveOrder = false, haveShape = false;
        skipSpace();
        if (!consume('{'))
            return fail("header does not start with '{'");
        while (true) {
            skipSpace();
            if (consume('}'))
                break;
            size_t keyPos = m_pos;
            OS_ASSIGN_OR_RETURN(std::string key, parseString());
            skipSpace();
            if (!consume(':'))
                return fail("expected ':' after key '" + key + "'");
            skipSpace();
            if (key == "descr") {
                if (peek() == '[')
                    return fail("structured dtypes are not supported");
                OS_ASSIGN_OR_RETURN(header.descr, parseString());
                haveDescr = true;
            } else if (key == "fortran_order") {
                OS_ASSIGN_OR_RETURN(header.fortranOrder, parseBool());
                haveOrder = true;
            } else if (key == "shape") {
                OS_ASSIGN_OR_RETURN(header.shape, parseShape());
                haveShape = true;
            } else {
                m_pos = keyPos;
                return fail("unexpected key '" + key + "'");
            }
            skipSpace();
            if (consume(','))
                continue;
            skipSpace();
            if (consume('}'))
                break;
            return fail("expected ',' or '}'");
        }
        if (!haveDescr || !haveOrder || !haveShape)
            return fail(std::string("header lacks '") +
                        (!haveDescr   ? "descr"
                         : !haveOrder ? "fortran_order"
                                      : "shape") +
                        "'");
        return {};
    }

private:
    Status fail(const std::string& message) const {
        return Status::error(m_name + ": byte " + std::to_string(m_base + m_pos) + ": " + message);
    }
    char peek() const { return m_pos < m_size ? m_text[m_pos] : '\0'; }
    bool consume(char c) {
        if (peek() != c || m_pos >= m_size)
            return false;
        ++m_pos;
        return true;
    }
    void skipSpace() {
        while (m_pos < m_size && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n'))
            ++m_pos;
    }
    Result<std::string> parseString() {
        char quote = peek();
        if (quote != '\'' && quote != '"')
            return fail("expected a quoted string");
        size_t start = ++m_pos;
        while (m_pos < m_size && m_text[m_pos] != quote) {
            if (m_text[m_pos] == '\\')
                return fail("escapes in header strings are not supported");
            ++m_pos;
        }
        if (m_pos >= m_size)
            return fail("unterminated string");
        std::string s(m_text + start, m_pos - start);
        ++m_pos;
        return s;
    }
    Result<bool> parseBool() {
        if (m_size - m_pos >= 4 && std::memcmp(m_text + m_pos, "True", 4) == 0) {
            m_pos += 4;
            return true;
        }
        if (m_size - m_pos >= 5 && std::memcmp(m_text + m_pos, "False", 5) == 0) {
            m_pos += 5;
            return false;
        }
        return fail("expected True or False");
    }
    Result<Shape> parseShape() {
        if (!consume('('))
            return fail("expected '(' to start the shape");
        Shape shape;
        while (true) {
            skipSpace();
            if (consume(')'))
                return shape;
            if (peek() < '0' || peek() > '9')
                return fail(peek() == '-' ? "negative dimension in shape" : "expected a dimension");
            int64_t value = 0;
            while (peek() >= '0' && peek() <= '9') {
                int digit = peek() - '0';
                if (value > (std::numeric_limits<int64_t>::max() - digit) / 10)
                    return fail("dimension does not fit in 64 bits");
                value = value * 10 + digit;
                ++m_pos;
            }
            consume('L'); // Python 2 long literals in old files
            if (shape.size() == kMaxRank)
                return fail("shape has more than " + std::to_string(kMaxRank) + " dimensions");
            shape.push_back(value);
            skipSpace();
            if (consume(','))
                continue;
            skipSpace();
            if (consume(')'))
                return shape;
            return fail("expected ',' or ')' in the shape");
        }
    }

    const char* m_text;
    size_t m_size;
    size_t m_pos = 0;
    size_t m_base;
    const std::string& m_name;
};

std::string where(const std::string& name, size_t offset) {
    return name + ": byte " + std::to_string(offset) + ": ";
}

} // namespace

Result<NpyHeader> parseNpyHeader(const uint8_t* data, size_t size, const std::string& name) {
    if (size < kMagicSize + 2 || std::memcmp(data, kMagic, kMagicSize) != 0)
        return Status::error(name + ": not a .npy file (no \\x93NUMPY magic)");
    NpyHeader header;
    header.majorVersion = data[6];
    int minor = data[7];
    size_t lengthBytes = header.majorVersion == 1 ? 2 : 4;
    if (header.majorVersion < 1 || header.majorVersion > 3 || minor != 0)
        return Status::error(where(name, 6) + "unsupported .npy version " +
                             std::to_string(header.majorVersion) + "." + std::to_string(minor));
    if (size < 8 + lengthBytes)
        return Status::error(where(name, 8) + "file ends inside the header length");
    size_t headerLength = data[8] | (data[9] << 8);
    if (lengthBytes == 4)
        headerLength |= static_cast<size_t>(data[10]) << 16 | static_cast<size_t>(data[11]) << 24;
    size_t headerStart = 8 + lengthBytes;
    if (headerLength > size - headerStart)
        return Status::error(where(name, 8) + "header length " + std::to_string(headerLength) +
                             " runs past the end of the file (" + std::to_string(size) + " bytes)");
    LiteralParser parser(reinterpret_cast<const char*>(data + headerStart), headerLength, headerStart, name);
    OS_RETURN_IF_ERROR(parser.parse(header));
    header.dataOffset = headerStart + headerLength;
    return header;
}

std::string formatNpyHeader(const std::string& descr, bool fortranOrder, const Shape& shape) {
    std::string dict =
        "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False") + ", 'shape': (";
    for (size_t i = 0; i < shape.size(); ++i)
        dict += std::to_string(shape[i]) + (shape.size() == 1 || i + 1 < shape.size() ? "," : "") +
                (i + 1 < shape.size() ? " " : "");
    dict += "), }";
    // numpy pads with spaces so that magic + length + dict + '\n' is a multiple of 64.
    size_t prefix = dict.size() + 1 + 10 > 0xffff ? 12 : 10;
    size_t total = (prefix + dict.size() + 1 + 63) / 64 * 64;
    dict.append(total - prefix - dict.size() - 1, ' ');
    dict += '\n';
    std::string out(kMagic, kMagicSize);
    size_t length = dict.size();
    if (prefix == 10) {
        out += '\x01';
        out += '\x00';
        out += static_cast<char>(length & 0xff);
        out += static_cast<char>(length >> 8);
    } else {
        out += '\x02';
        out += '\x00';
        for (int i = 0; i < 4; ++i)
            out += static_cast<char>((length >> (8 * i)) & 0xff);
    }
    return out + dict;
}

} // namespace onnxscope
