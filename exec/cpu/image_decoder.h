// ImageDecoder (opset 20): decoders of one format each, behind a common shape. Each decoder
// fills a DecodedImage of 1 (gray) or 3 (RGB) channels, 8 bits each, or returns an error that
// names the problem; the kernel (image_decoder.cpp) detects the format and converts channels.
// The library-backed decoders (image_codecs_<format>.cpp) are compiled only when their library is
// found; BMP and PNM are decoded here (image_codecs_builtin.cpp).
#pragma once

#include "core/status.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace onnxscope {

class KernelRegistry;

struct DecodedImage {
    int64_t width = 0;
    int64_t height = 0;
    int channels = 0;            // 1 (gray) or 3 (RGB)
    std::vector<uint8_t> pixels; // height * width * channels, row-major
};

// A read cursor over an encoded stream, for the libraries that pull their input through
// callbacks, with room for the library's first error message.
struct StreamCursor {
    std::span<const uint8_t> data;
    size_t pos = 0;
    std::string message;
    // Copies up to size bytes from the cursor on; returns how many.
    size_t read(void* out, size_t size);
    void setMessage(const char* text); // keeps the first one, without trailing newlines
};

// Images larger than this many pixels are refused before anything is allocated.
inline constexpr int64_t kMaxImagePixels = int64_t(1) << 28;

// Checks width/height against kMaxImagePixels and allocates image.pixels.
Status allocateImage(DecodedImage& image, int64_t width, int64_t height, int channels,
                     const std::string& format);

Status decodeBmp(std::span<const uint8_t> data, DecodedImage& image);
Status decodePnm(std::span<const uint8_t> data, DecodedImage& image);
Status decodeJpeg(std::span<const uint8_t> data, DecodedImage& image);
Status decodePng(std::span<const uint8_t> data, DecodedImage& image);
Status decodeTiff(std::span<const uint8_t> data, DecodedImage& image);
Status decodeWebp(std::span<const uint8_t> data, DecodedImage& image);
Status decodeJpeg2000(std::span<const uint8_t> data, DecodedImage& image);

void registerImageDecoderKernel(KernelRegistry& registry);

} // namespace onnxscope
