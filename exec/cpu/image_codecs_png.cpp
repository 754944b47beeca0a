// ImageDecoder's PNG decoder (libpng), matching Pillow's own PNG reader: palettes expand to RGB,
// alpha is dropped, low bit depths scale to 0..255, 16-bit samples keep their high byte, except
// 16-bit gray without alpha, which Pillow reads as mode "I" and clips to 255 when converting; no
// gamma is applied. Errors longjmp back from libpng's error callback.
#include "image_decoder.h"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>

#include <png.h>

namespace onnxscope {

namespace {

void pngError(png_structp png, png_const_charp message) {
    auto* ctx = static_cast<StreamCursor*>(png_get_error_ptr(png));
    ctx->setMessage(message);
    png_longjmp(png, 1);
}

void pngWarning(png_structp, png_const_charp) {}

void pngRead(png_structp png, png_bytep out, png_size_t length) {
    auto* ctx = static_cast<StreamCursor*>(png_get_io_ptr(png));
    if (ctx->read(out, length) != length)
        png_error(png, "the stream is truncated");
}

} // namespace

Status decodePng(std::span<const uint8_t> data, DecodedImage& image) {
    StreamCursor ctx;
    ctx.data = data;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &ctx, pngError, pngWarning);
    if (!png)
        return Status::error("ImageDecoder: cannot create a PNG reader");
    png_infop info = png_create_info_struct(png);
    std::vector<png_bytep> rows;
    std::vector<uint8_t> wide; // 16-bit gray rows before clipping
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return Status::error(std::string("ImageDecoder: invalid PNG stream: ") + ctx.message);
    }
    png_set_read_fn(png, &ctx, pngRead);
    png_read_info(png, info);
    const png_uint_32 width = png_get_image_width(png, info);
    const png_uint_32 height = png_get_image_height(png, info);
    const int colorType = png_get_color_type(png, info);
    const int bitDepth = png_get_bit_depth(png, info);
    const bool gray = (colorType & PNG_COLOR_MASK_COLOR) == 0;
    const bool wideGray = colorType == PNG_COLOR_TYPE_GRAY && bitDepth == 16;
    if (colorType == PNG_COLOR_TYPE_PALETTE)
        png_set_palette_to_rgb(png);
    if (gray && bitDepth < 8)
        png_set_expand_gray_1_2_4_to_8(png);
    if (bitDepth == 16 && !wideGray)
        png_set_strip_16(png);
    png_set_strip_alpha(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    const int channels = gray ? 1 : 3;
    { // scoped: no object with a destructor may be alive when libpng longjmps
        Status allocated = allocateImage(image, width, height, channels, "PNG");
        if (!allocated.ok()) {
            png_destroy_read_struct(&png, &info, nullptr);
            return allocated;
        }
    }
    if (png_get_rowbytes(png, info) != size_t(width) * size_t(channels) * (wideGray ? 2 : 1))
        png_error(png, "unexpected row size after the transformations");
    if (wideGray)
        wide.resize(size_t(width) * height * 2);
    rows.resize(height);
    for (png_uint_32 y = 0; y < height; ++y)
        rows[y] = wideGray ? &wide[size_t(y) * width * 2] : &image.pixels[size_t(y) * width * channels];
    png_read_image(png, rows.data());
    png_destroy_read_struct(&png, &info, nullptr);
    if (wideGray)
        for (size_t i = 0; i < image.pixels.size(); ++i)
            image.pixels[i] = static_cast<uint8_t>(std::min(int(wide[2 * i]) << 8 | wide[2 * i + 1], 255));
    return {};
}

} // namespace onnxscope
