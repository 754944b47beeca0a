// ImageDecoder's JPEG decoder: libjpeg(-turbo) with its default IDCT and upsampling, as Pillow
// uses it. libjpeg's default error handler calls exit(), so errors longjmp back here instead;
// a premature end of data, which libjpeg only warns about, is an error as it is in Pillow.
// CMYK images are inverted when they carry an Adobe marker and converted as Pillow converts
// CMYK to RGB.
#include "image_decoder.h"

#include <algorithm>
#include <csetjmp>
#include <cstdio>

#include <jpeglib.h>
// After jpeglib.h, which it needs.
#include <jerror.h>

namespace onnxscope {

namespace {

struct ErrorManager {
    jpeg_error_mgr base;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void errorExit(j_common_ptr info) {
    auto* err = reinterpret_cast<ErrorManager*>(info->err);
    (*info->err->format_message)(info, err->message);
    std::longjmp(err->jump, 1);
}

void emitMessage(j_common_ptr info, int level) {
    if (level == -1 && info->err->msg_code == JWRN_JPEG_EOF)
        errorExit(info);
}

uint8_t mulDiv255(int a, int b) {
    const int t = a * b + 128;
    return static_cast<uint8_t>(((t >> 8) + t) >> 8);
}

} // namespace

Status decodeJpeg(std::span<const uint8_t> data, DecodedImage& image) {
    jpeg_decompress_struct cinfo;
    ErrorManager err;
    std::vector<uint8_t> cmyk;
    cinfo.err = jpeg_std_error(&err.base);
    err.base.error_exit = errorExit;
    err.base.emit_message = emitMessage;
    err.message[0] = '\0';
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return Status::error(std::string("ImageDecoder: invalid JPEG stream: ") + err.message);
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data.data(), static_cast<unsigned long>(data.size()));
    jpeg_read_header(&cinfo, TRUE);
    int channels = 3;
    bool isCmyk = false;
    switch (cinfo.num_components) {
    case 1:
        cinfo.out_color_space = JCS_GRAYSCALE;
        channels = 1;
        break;
    case 3:
        cinfo.out_color_space = JCS_RGB;
        break;
    case 4:
        cinfo.out_color_space = JCS_CMYK;
        isCmyk = true;
        break;
    default:
        jpeg_destroy_decompress(&cinfo);
        return Status::error("ImageDecoder: JPEG with " + std::to_string(cinfo.num_components) +
                             " components is not supported");
    }
    { // scoped: no object with a destructor may be alive when libjpeg longjmps
        Status allocated = allocateImage(image, cinfo.image_width, cinfo.image_height, channels, "JPEG");
        if (!allocated.ok()) {
            jpeg_destroy_decompress(&cinfo);
            return allocated;
        }
    }
    jpeg_start_decompress(&cinfo);
    const size_t width = cinfo.output_width;
    if (isCmyk)
        cmyk.resize(width * 4);
    while (cinfo.output_scanline < cinfo.output_height) {
        uint8_t* row = &image.pixels[cinfo.output_scanline * width * size_t(channels)];
        JSAMPROW target = isCmyk ? cmyk.data() : row;
        jpeg_read_scanlines(&cinfo, &target, 1);
        if (!isCmyk)
            continue;
        const bool invert = cinfo.saw_Adobe_marker;
        for (size_t x = 0; x < width; ++x) {
            int v[4];
            for (int c = 0; c < 4; ++c)
                v[c] = invert ? 255 - cmyk[x * 4 + c] : cmyk[x * 4 + c];
            const int notK = 255 - v[3];
            for (int c = 0; c < 3; ++c)
                row[x * 3 + c] = static_cast<uint8_t>(std::clamp(notK - mulDiv255(v[c], notK), 0, 255));
        }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return {};
}

} // namespace onnxscope
