// ImageDecoder's WebP decoder (libwebp): still images decode as RGBA, as Pillow's decoder does,
// and the alpha channel is dropped. Animated WebP is refused.
#include "image_decoder.h"

#include <webp/decode.h>

namespace onnxscope {

Status decodeWebp(std::span<const uint8_t> data, DecodedImage& image) {
    WebPBitstreamFeatures features;
    const VP8StatusCode status = WebPGetFeatures(data.data(), data.size(), &features);
    if (status != VP8_STATUS_OK)
        return Status::error("ImageDecoder: invalid WebP stream (libwebp status " +
                             std::to_string(int(status)) + ")");
    if (features.has_animation)
        return Status::error("ImageDecoder: animated WebP is not supported");
    OS_RETURN_IF_ERROR(allocateImage(image, features.width, features.height, 3, "WebP"));
    std::vector<uint8_t> rgba(image.pixels.size() / 3 * 4);
    if (!WebPDecodeRGBAInto(data.data(), data.size(), rgba.data(), rgba.size(), features.width * 4))
        return Status::error("ImageDecoder: invalid or truncated WebP stream");
    for (size_t i = 0, n = rgba.size() / 4; i < n; ++i)
        for (int c = 0; c < 3; ++c)
            image.pixels[i * 3 + c] = rgba[i * 4 + c];
    return {};
}

} // namespace onnxscope
