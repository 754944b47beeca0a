// ImageDecoder's built-in decoders: BMP and PNM (PBM/PGM/PPM), which need no library. Both
// follow Pillow's readers, which made the ONNX reference outputs: BMP rows padded to 4 bytes,
// bottom-up unless the height is negative, palettes of BGRX (BGR for OS/2 v1 headers), 16-bit
// pixels scaled by 255/31 (255/63); PNM samples with a maxval other than 255 scaled by
// round(v / maxval * 255), rounding half to even as Python's round() does.
#include "image_decoder.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace onnxscope {

Status allocateImage(DecodedImage& image, int64_t width, int64_t height, int channels,
                     const std::string& format) {
    if (width <= 0 || height <= 0)
        return Status::error("ImageDecoder: " + format + " image has an invalid size " +
                             std::to_string(width) + "x" + std::to_string(height));
    if (width > kMaxImagePixels / height)
        return Status::error("ImageDecoder: " + format + " image of " + std::to_string(width) + "x" +
                             std::to_string(height) + " pixels is too large");
    image.width = width;
    image.height = height;
    image.channels = channels;
    image.pixels.assign(static_cast<size_t>(width * height * channels), 0);
    return {};
}

size_t StreamCursor::read(void* out, size_t size) {
    const size_t n = pos < data.size() ? std::min(size, data.size() - pos) : 0;
    if (n > 0)
        std::memcpy(out, data.data() + pos, n);
    pos += n;
    return n;
}

void StreamCursor::setMessage(const char* text) {
    if (!message.empty())
        return;
    message = text;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
}

namespace {

uint32_t le16(const uint8_t* p) {
    return uint32_t(p[0]) | uint32_t(p[1]) << 8;
}
uint32_t le32(const uint8_t* p) {
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

uint8_t maskedChannel(uint32_t value, uint32_t mask) {
    if (mask == 0)
        return 0;
    const int shift = std::countr_zero(mask);
    const uint32_t bits = mask >> shift;
    const uint32_t v = (value & mask) >> shift;
    return static_cast<uint8_t>(bits == 255 ? v : v * 255 / bits);
}

} // namespace

Status decodeBmp(std::span<const uint8_t> data, DecodedImage& image) {
    const auto truncated = [] { return Status::error("ImageDecoder: BMP stream is truncated"); };
    if (data.size() < 18)
        return truncated();
    const uint32_t fileOffset = le32(&data[10]);
    const uint32_t headerSize = le32(&data[14]);
    if (headerSize != 12 && headerSize != 40 && headerSize != 64 && headerSize != 108 && headerSize != 124)
        return Status::error("ImageDecoder: unsupported BMP header size " + std::to_string(headerSize));
    if (data.size() < 14 + size_t(headerSize))
        return truncated();
    const uint8_t* h = &data[18]; // header without its size field
    int64_t width = 0, height = 0;
    bool topDown = false;
    uint32_t bits = 0, compression = 0, colors = 0;
    uint32_t masks[4] = {0, 0, 0, 0};
    size_t paletteEntrySize = 4;
    size_t cursor = 14 + headerSize;
    if (headerSize == 12) {
        width = le16(h);
        height = le16(h + 2);
        bits = le16(h + 6);
        paletteEntrySize = 3;
    } else {
        width = static_cast<int32_t>(le32(h));
        const int32_t rawHeight = static_cast<int32_t>(le32(h + 4));
        topDown = rawHeight < 0;
        height = topDown ? -int64_t(rawHeight) : rawHeight;
        bits = le16(h + 10);
        compression = le32(h + 12);
        colors = le32(h + 28);
        if (compression == 3) { // BI_BITFIELDS
            if (headerSize >= 56) {
                for (int i = 0; i < 4; ++i)
                    masks[i] = le32(h + 36 + 4 * i);
            } else {
                if (data.size() < cursor + 12)
                    return truncated();
                for (int i = 0; i < 3; ++i)
                    masks[i] = le32(&data[cursor + 4 * i]);
                cursor += 12;
            }
        } else if (compression != 0) {
            return Status::error("ImageDecoder: unsupported BMP compression " + std::to_string(compression) +
                                 " (only uncompressed and bitfields BMPs are decoded)");
        }
    }
    if (bits != 1 && bits != 4 && bits != 8 && bits != 16 && bits != 24 && bits != 32)
        return Status::error("ImageDecoder: unsupported BMP pixel depth " + std::to_string(bits));
    if (compression == 0 && bits == 16) {
        masks[0] = 0x7C00, masks[1] = 0x3E0, masks[2] = 0x1F;
    } else if ((compression == 0 && bits == 32) ||
               (compression == 3 && bits == 32 && masks[0] == 0 && masks[1] == 0 && masks[2] == 0)) {
        masks[0] = 0xFF0000, masks[1] = 0xFF00, masks[2] = 0xFF;
    } else if (compression == 3 && bits <= 8) {
        return Status::error("ImageDecoder: BMP bitfields need 16 or 32 bits per pixel");
    }
    if (colors == 0 || colors > 256)
        colors = bits <= 8 ? (1u << bits) : 0;
    uint32_t offset = fileOffset;
    if (offset == 14 + headerSize && bits <= 8)
        offset += 4 * colors; // Pillow skips a palette the offset does not account for
    std::vector<uint8_t> palette(256 * 3, 0);
    if (bits <= 8) {
        if (data.size() < cursor + colors * paletteEntrySize)
            return truncated();
        for (uint32_t i = 0; i < colors; ++i) {
            const uint8_t* e = &data[cursor + i * paletteEntrySize];
            palette[i * 3 + 0] = e[2];
            palette[i * 3 + 1] = e[1];
            palette[i * 3 + 2] = e[0];
        }
    }
    OS_RETURN_IF_ERROR(allocateImage(image, width, height, 3, "BMP"));
    const uint64_t stride = (uint64_t(width) * bits + 31) / 32 * 4;
    if (offset > data.size() || (data.size() - offset) / stride < uint64_t(height))
        return truncated();
    for (int64_t y = 0; y < height; ++y) {
        const uint8_t* row = &data[offset + stride * uint64_t(topDown ? y : height - 1 - y)];
        uint8_t* out = &image.pixels[size_t(y * width * 3)];
        for (int64_t x = 0; x < width; ++x, out += 3) {
            if (bits <= 8) {
                const int64_t bit = x * bits;
                const uint32_t index = (row[bit / 8] >> (8 - bits - bit % 8)) & ((1u << bits) - 1);
                std::memcpy(out, &palette[index * 3], 3);
            } else if (bits == 24) {
                out[0] = row[x * 3 + 2];
                out[1] = row[x * 3 + 1];
                out[2] = row[x * 3 + 0];
            } else {
                const uint32_t v = bits == 16 ? le16(row + x * 2) : le32(row + x * 4);
                for (int c = 0; c < 3; ++c)
                    out[c] = maskedChannel(v, masks[c]);
            }
        }
    }
    return {};
}

namespace {

bool isPnmSpace(uint8_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Reads one header token as Pillow does: leading whitespace and '#' comments skipped, the
// whitespace byte that ends the token consumed.
bool readPnmToken(std::span<const uint8_t> data, size_t& pos, int64_t& value) {
    std::string token;
    while (pos < data.size() && token.size() <= 10) {
        const uint8_t c = data[pos++];
        if (isPnmSpace(c)) {
            if (token.empty())
                continue;
            break;
        }
        if (c == '#') {
            while (pos < data.size() && data[pos] != '\r' && data[pos] != '\n')
                ++pos;
            continue;
        }
        if (c < '0' || c > '9')
            return false;
        token += static_cast<char>(c);
    }
    if (token.empty() || token.size() > 10)
        return false;
    value = std::stoll(token);
    return true;
}

uint8_t scaleSample(int64_t v, int64_t maxval) {
    if (maxval == 255)
        return static_cast<uint8_t>(std::min<int64_t>(v, 255));
    const double scaled = std::nearbyint(double(v) / double(maxval) * 255.0);
    return static_cast<uint8_t>(std::min(scaled, 255.0));
}

} // namespace

Status decodePnm(std::span<const uint8_t> data, DecodedImage& image) {
    if (data.size() < 3 || data[0] != 'P' || data[1] < '1' || data[1] > '6' || !isPnmSpace(data[2]))
        return Status::error("ImageDecoder: not a PNM stream");
    const int kind = data[1] - '0';
    const bool plain = kind <= 3;
    const bool bitmap = kind == 1 || kind == 4;
    const int channels = (kind == 3 || kind == 6) ? 3 : 1;
    size_t pos = 3;
    int64_t width = 0, height = 0, maxval = 1;
    if (!readPnmToken(data, pos, width) || !readPnmToken(data, pos, height) ||
        (!bitmap && !readPnmToken(data, pos, maxval)))
        return Status::error("ImageDecoder: PNM header is malformed or truncated");
    if (!bitmap && (maxval <= 0 || maxval >= 65536))
        return Status::error("ImageDecoder: PNM maxval " + std::to_string(maxval) + " is out of range");
    OS_RETURN_IF_ERROR(allocateImage(image, width, height, channels, "PNM"));
    const int64_t samples = width * height * channels;
    const auto truncated = [] { return Status::error("ImageDecoder: PNM stream is truncated"); };
    if (plain) {
        for (int64_t i = 0; i < samples; ++i) {
            while (pos < data.size() && (isPnmSpace(data[pos]) || data[pos] == '#')) {
                if (data[pos] == '#')
                    while (pos < data.size() && data[pos] != '\n' && data[pos] != '\r')
                        ++pos;
                else
                    ++pos;
            }
            if (pos >= data.size())
                return truncated();
            if (bitmap) { // one digit per pixel, whitespace optional
                if (data[pos] != '0' && data[pos] != '1')
                    return Status::error("ImageDecoder: PBM pixel is neither 0 nor 1");
                image.pixels[size_t(i)] = data[pos++] == '1' ? 0 : 255;
                continue;
            }
            int64_t v = 0;
            size_t digits = 0;
            for (; pos < data.size() && data[pos] >= '0' && data[pos] <= '9' && digits < 10; ++pos, ++digits)
                v = v * 10 + (data[pos] - '0');
            if (digits == 0 || v > maxval)
                return Status::error("ImageDecoder: PNM sample is malformed or above maxval");
            image.pixels[size_t(i)] = scaleSample(v, maxval);
        }
        return {};
    }
    const size_t available = data.size() - pos;
    if (bitmap) {
        const size_t stride = size_t((width + 7) / 8);
        if (available / stride < size_t(height))
            return truncated();
        for (int64_t y = 0; y < height; ++y)
            for (int64_t x = 0; x < width; ++x) {
                const uint8_t byte = data[pos + size_t(y) * stride + size_t(x / 8)];
                image.pixels[size_t(y * width + x)] = (byte >> (7 - x % 8)) & 1 ? 0 : 255;
            }
        return {};
    }
    const size_t bytesPerSample = maxval < 256 ? 1 : 2;
    if (available / bytesPerSample < size_t(samples))
        return truncated();
    for (int64_t i = 0; i < samples; ++i) {
        const uint8_t* p = &data[pos + size_t(i) * bytesPerSample];
        const int64_t v = bytesPerSample == 1 ? p[0] : (int64_t(p[0]) << 8 | p[1]);
        image.pixels[size_t(i)] = scaleSample(v, maxval);
    }
    return {};
}

} // namespace onnxscope
