// ImageDecoder's TIFF decoder (libtiff), reading the first directory through libtiff's RGBA
// interface from memory; libtiff's messages are captured per handle (TIFFOpenOptions), never
// printed. Gray images (one color sample) decode to one channel.
#include "image_decoder.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include <tiffio.h>

namespace onnxscope {

namespace {

tmsize_t tiffRead(thandle_t handle, void* buffer, tmsize_t size) {
    return size <= 0 ? 0 : tmsize_t(static_cast<StreamCursor*>(handle)->read(buffer, size_t(size)));
}

tmsize_t tiffWrite(thandle_t, void*, tmsize_t) {
    return 0;
}

toff_t tiffSeek(thandle_t handle, toff_t offset, int whence) {
    auto* src = static_cast<StreamCursor*>(handle);
    const toff_t base = whence == SEEK_CUR ? src->pos : whence == SEEK_END ? src->data.size() : 0;
    src->pos = base + offset;
    return src->pos;
}

int tiffClose(thandle_t) {
    return 0;
}

toff_t tiffSize(thandle_t handle) {
    return static_cast<StreamCursor*>(handle)->data.size();
}

int tiffMessage(TIFF*, void* user, const char* module, const char* format, va_list args) {
    auto* src = static_cast<StreamCursor*>(user);
    char buffer[512];
    std::vsnprintf(buffer, sizeof buffer, format, args);
    src->setMessage((std::string(module ? module : "") + (module ? ": " : "") + buffer).c_str());
    return 1;
}

int tiffIgnore(TIFF*, void*, const char*, const char*, va_list) {
    return 1;
}

} // namespace

Status decodeTiff(std::span<const uint8_t> data, DecodedImage& image) {
    StreamCursor src;
    src.data = data;
    TIFFOpenOptions* options = TIFFOpenOptionsAlloc();
    TIFFOpenOptionsSetErrorHandlerExtR(options, tiffMessage, &src);
    TIFFOpenOptionsSetWarningHandlerExtR(options, tiffIgnore, nullptr);
    TIFF* tif = TIFFClientOpenExt("ImageDecoder", "rm", &src, tiffRead, tiffWrite, tiffSeek, tiffClose,
                                  tiffSize, nullptr, nullptr, options);
    TIFFOpenOptionsFree(options);
    const auto failure = [&src](const char* what) {
        return Status::error(std::string("ImageDecoder: invalid TIFF stream: ") +
                             (src.message.empty() ? what : src.message));
    };
    if (!tif)
        return failure("cannot read the header");
    uint32_t width = 0, height = 0;
    uint16_t photometric = 0, samples = 1, extra = 0;
    uint16_t* extraTypes = nullptr;
    TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &width);
    TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &height);
    TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLESPERPIXEL, &samples);
    TIFFGetFieldDefaulted(tif, TIFFTAG_EXTRASAMPLES, &extra, &extraTypes);
    const bool hasPhotometric = TIFFGetField(tif, TIFFTAG_PHOTOMETRIC, &photometric) == 1;
    const bool gray = hasPhotometric &&
                      (photometric == PHOTOMETRIC_MINISBLACK || photometric == PHOTOMETRIC_MINISWHITE) &&
                      samples - extra == 1;
    char reason[1024] = "";
    if (!TIFFRGBAImageOK(tif, reason)) {
        TIFFClose(tif);
        return Status::error(std::string("ImageDecoder: unsupported TIFF image: ") + reason);
    }
    Status allocated = allocateImage(image, width, height, gray ? 1 : 3, "TIFF");
    if (!allocated.ok()) {
        TIFFClose(tif);
        return allocated;
    }
    std::vector<uint32_t> raster(size_t(width) * height);
    const int ok = TIFFReadRGBAImageOriented(tif, width, height, raster.data(), ORIENTATION_TOPLEFT, 0);
    TIFFClose(tif);
    if (!ok)
        return failure("cannot decode the image data");
    uint8_t* out = image.pixels.data();
    for (const uint32_t pixel : raster) {
        *out++ = static_cast<uint8_t>(TIFFGetR(pixel));
        if (gray)
            continue;
        *out++ = static_cast<uint8_t>(TIFFGetG(pixel));
        *out++ = static_cast<uint8_t>(TIFFGetB(pixel));
    }
    return {};
}

} // namespace onnxscope
