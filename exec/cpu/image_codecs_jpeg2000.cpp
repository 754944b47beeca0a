// ImageDecoder's JPEG 2000 decoder (OpenJPEG), JP2 files and raw J2K codestreams. Components
// are unpacked as Pillow's Jpeg2KDecode does: signed samples offset by 2^(prec-1), then shifted
// to 8 bits (rounding when the precision is above 8) and truncated to a byte. Gray (1 or 2
// components) and sRGB (3 or 4) images are decoded; alpha is dropped; sYCC is refused.
#include "image_decoder.h"

#include <algorithm>
#include <cstring>

#include <openjpeg.h>

namespace onnxscope {

namespace {

OPJ_SIZE_T jp2Read(void* buffer, OPJ_SIZE_T size, void* user) {
    const size_t n = static_cast<StreamCursor*>(user)->read(buffer, size);
    return n > 0 ? n : static_cast<OPJ_SIZE_T>(-1);
}

OPJ_OFF_T jp2Skip(OPJ_OFF_T count, void* user) {
    auto* src = static_cast<StreamCursor*>(user);
    const OPJ_OFF_T target =
        std::clamp<OPJ_OFF_T>(OPJ_OFF_T(src->pos) + count, 0, OPJ_OFF_T(src->data.size()));
    const OPJ_OFF_T skipped = target - OPJ_OFF_T(src->pos);
    src->pos = size_t(target);
    return skipped;
}

OPJ_BOOL jp2Seek(OPJ_OFF_T offset, void* user) {
    auto* src = static_cast<StreamCursor*>(user);
    if (offset < 0 || size_t(offset) > src->data.size())
        return OPJ_FALSE;
    src->pos = size_t(offset);
    return OPJ_TRUE;
}

void jp2Error(const char* message, void* user) {
    static_cast<StreamCursor*>(user)->setMessage(message);
}

void jp2Quiet(const char*, void*) {}

struct Jp2Handles {
    opj_stream_t* stream = nullptr;
    opj_codec_t* codec = nullptr;
    opj_image_t* image = nullptr;
    ~Jp2Handles() {
        if (image)
            opj_image_destroy(image);
        if (codec)
            opj_destroy_codec(codec);
        if (stream)
            opj_stream_destroy(stream);
    }
};

} // namespace

Status decodeJpeg2000(std::span<const uint8_t> data, DecodedImage& image) {
    StreamCursor src;
    src.data = data;
    const bool codestream = data.size() >= 2 && data[0] == 0xFF && data[1] == 0x4F;
    Jp2Handles h;
    const auto failure = [&src](const char* what) {
        return Status::error(std::string("ImageDecoder: invalid JPEG 2000 stream: ") +
                             (src.message.empty() ? what : src.message));
    };
    h.stream = opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE);
    h.codec = opj_create_decompress(codestream ? OPJ_CODEC_J2K : OPJ_CODEC_JP2);
    if (!h.stream || !h.codec)
        return Status::error("ImageDecoder: cannot create a JPEG 2000 decoder");
    opj_stream_set_user_data(h.stream, &src, nullptr);
    opj_stream_set_user_data_length(h.stream, data.size());
    opj_stream_set_read_function(h.stream, jp2Read);
    opj_stream_set_skip_function(h.stream, jp2Skip);
    opj_stream_set_seek_function(h.stream, jp2Seek);
    opj_set_error_handler(h.codec, jp2Error, &src);
    opj_set_warning_handler(h.codec, jp2Quiet, nullptr);
    opj_set_info_handler(h.codec, jp2Quiet, nullptr);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_setup_decoder(h.codec, &parameters) || !opj_read_header(h.stream, h.codec, &h.image) || !h.image)
        return failure("cannot read the header");
    const opj_image_t* img = h.image;
    const int64_t width = int64_t(img->x1) - int64_t(img->x0);
    const int64_t height = int64_t(img->y1) - int64_t(img->y0);
    const uint32_t comps = img->numcomps;
    OPJ_COLOR_SPACE space = img->color_space;
    if (space == OPJ_CLRSPC_UNSPECIFIED)
        space = comps <= 2 ? OPJ_CLRSPC_GRAY : OPJ_CLRSPC_SRGB;
    const bool gray = space == OPJ_CLRSPC_GRAY && (comps == 1 || comps == 2);
    const bool rgb = space == OPJ_CLRSPC_SRGB && (comps == 3 || comps == 4);
    if (!gray && !rgb)
        return Status::error("ImageDecoder: JPEG 2000 color space " + std::to_string(int(img->color_space)) +
                             " with " + std::to_string(comps) + " components is not supported");
    OS_RETURN_IF_ERROR(allocateImage(image, width, height, gray ? 1 : 3, "JPEG 2000"));
    if (!opj_decode(h.codec, h.stream, h.image) || !opj_end_decompress(h.codec, h.stream))
        return failure("cannot decode the image data");
    const int channels = image.channels;
    for (int c = 0; c < channels; ++c) {
        const opj_image_comp_t& comp = img->comps[c];
        if (!comp.data || comp.dx == 0 || comp.dy == 0 || comp.prec == 0 || comp.prec > 31)
            return failure("a component has no data");
        const int prec = int(comp.prec);
        const int shift = 8 - prec;
        uint32_t offset = comp.sgnd ? 1u << (prec - 1) : 0u;
        if (shift < 0)
            offset += 1u << (-shift - 1);
        const uint32_t sizeMask = prec <= 8 ? 0xFFu : prec <= 16 ? 0xFFFFu : 0xFFFFFFFFu;
        for (int64_t y = 0; y < height; ++y) {
            const int64_t cy = std::min<int64_t>(y / comp.dy, int64_t(comp.h) - 1);
            for (int64_t x = 0; x < width; ++x) {
                const int64_t cx = std::min<int64_t>(x / comp.dx, int64_t(comp.w) - 1);
                const uint32_t word = uint32_t(comp.data[cy * int64_t(comp.w) + cx]) & sizeMask;
                const uint32_t v = offset + word;
                image.pixels[size_t((y * width + x) * channels + c)] =
                    static_cast<uint8_t>(shift < 0 ? v >> -shift : v << shift);
            }
        }
    }
    return {};
}

} // namespace onnxscope
