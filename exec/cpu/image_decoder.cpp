// ImageDecoder (opset 20): decodes a 1-D uint8 stream holding a BMP, JPEG, JPEG 2000, PNG, PNM,
// TIFF or WebP image into uint8 [H, W, C], C = 3 for pixel_format "RGB"/"BGR" and 1 for
// "Grayscale". The format comes from the stream's magic bytes. The ONNX reference decodes with
// Pillow; its conversions are reproduced: gray to RGB replicates the sample, RGB to gray is
// L = (R * 19595 + G * 38470 + B * 7471 + 0x8000) >> 16.
#include "image_decoder.h"

#include "elementwise.h"

#include "exec/kernel_registry.h"

#include <cstring>

namespace onnxscope {

namespace {

enum class PixelFormat { Rgb, Bgr, Grayscale };

bool startsWith(std::span<const uint8_t> data, std::initializer_list<uint8_t> magic) {
    return data.size() >= magic.size() && std::equal(magic.begin(), magic.end(), data.begin());
}

[[maybe_unused]] Status missingDecoder(const char* format) {
    return Status::error(std::string("ImageDecoder: this build has no ") + format + " decoder");
}

Status decode(std::span<const uint8_t> data, DecodedImage& image) {
    if (startsWith(data, {'B', 'M'}))
        return decodeBmp(data, image);
    if (data.size() >= 3 && data[0] == 'P' && data[1] >= '1' && data[1] <= '6')
        return decodePnm(data, image);
    if (startsWith(data, {0xFF, 0xD8, 0xFF}))
#ifdef ONNXSCOPE_HAVE_LIBJPEG
        return decodeJpeg(data, image);
#else
        return missingDecoder("JPEG");
#endif
    if (startsWith(data, {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
#ifdef ONNXSCOPE_HAVE_LIBPNG
        return decodePng(data, image);
#else
        return missingDecoder("PNG");
#endif
    if (startsWith(data, {'I', 'I', 42, 0}) || startsWith(data, {'M', 'M', 0, 42}) ||
        startsWith(data, {'I', 'I', 43, 0}) || startsWith(data, {'M', 'M', 0, 43}))
#ifdef ONNXSCOPE_HAVE_LIBTIFF
        return decodeTiff(data, image);
#else
        return missingDecoder("TIFF");
#endif
    if (data.size() >= 12 && startsWith(data, {'R', 'I', 'F', 'F'}) &&
        std::memcmp(data.data() + 8, "WEBP", 4) == 0)
#ifdef ONNXSCOPE_HAVE_LIBWEBP
        return decodeWebp(data, image);
#else
        return missingDecoder("WebP");
#endif
    if (startsWith(data, {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A}) ||
        startsWith(data, {0xFF, 0x4F, 0xFF, 0x51}))
#ifdef ONNXSCOPE_HAVE_OPENJPEG
        return decodeJpeg2000(data, image);
#else
        return missingDecoder("JPEG 2000");
#endif
    return Status::error("ImageDecoder: unknown image format (the stream starts with none of the BMP, JPEG, "
                         "JPEG 2000, PNG, PNM, TIFF or WebP signatures)");
}

class ImageDecoderKernel final : public Kernel {
public:
    explicit ImageDecoderKernel(PixelFormat format)
        : m_format(format) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* encoded, requireInput(context, 0));
        if (encoded->dataType() != DataType::Uint8)
            return Status::error(typeError("ImageDecoder", encoded->dataType()));
        if (encoded->shape().size() != 1)
            return Status::error("ImageDecoder: encoded_stream must be 1-D, got rank " +
                                 std::to_string(encoded->shape().size()));
        const std::span<const uint8_t> data(static_cast<const uint8_t*>(encoded->rawData()),
                                            static_cast<size_t>(encoded->elementCount()));
        DecodedImage image;
        OS_RETURN_IF_ERROR(decode(data, image));
        const int outChannels = m_format == PixelFormat::Grayscale ? 1 : 3;
        Tensor& y = context.allocateOutput(0, DataType::Uint8, {image.height, image.width, outChannels});
        auto* out = static_cast<uint8_t*>(y.mutableRawData());
        const int64_t pixels = image.height * image.width;
        const uint8_t* in = image.pixels.data();
        if (outChannels == 1) {
            if (image.channels == 1) {
                std::memcpy(out, in, static_cast<size_t>(pixels));
                return {};
            }
            for (int64_t i = 0; i < pixels; ++i, in += 3)
                out[i] =
                    static_cast<uint8_t>((in[0] * 19595u + in[1] * 38470u + in[2] * 7471u + 0x8000u) >> 16);
            return {};
        }
        const bool bgr = m_format == PixelFormat::Bgr;
        for (int64_t i = 0; i < pixels; ++i, out += 3) {
            if (image.channels == 1) {
                out[0] = out[1] = out[2] = in[i];
                continue;
            }
            const uint8_t* p = in + i * 3;
            out[0] = p[bgr ? 2 : 0];
            out[1] = p[1];
            out[2] = p[bgr ? 0 : 2];
        }
        return {};
    }

private:
    PixelFormat m_format;
};

Result<std::unique_ptr<Kernel>> makeImageDecoder(const NodeDesc& node) {
    const std::string format = node.getString("pixel_format", "RGB");
    PixelFormat parsed;
    if (format == "RGB")
        parsed = PixelFormat::Rgb;
    else if (format == "BGR")
        parsed = PixelFormat::Bgr;
    else if (format == "Grayscale")
        parsed = PixelFormat::Grayscale;
    else
        return Status::error("ImageDecoder: pixel_format '" + format +
                             "' is not one of \"RGB\", \"BGR\", \"Grayscale\"");
    return std::unique_ptr<Kernel>(new ImageDecoderKernel(parsed));
}

} // namespace

void registerImageDecoderKernel(KernelRegistry& r) {
    r.add("ImageDecoder", 20, &makeImageDecoder);
}

} // namespace onnxscope
