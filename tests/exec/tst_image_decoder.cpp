// ImageDecoder: tiny hand-made BMP, PNM and PNG streams decoded to known pixels in each pixel
// format, and truncated or unknown streams giving errors that name the problem.
#include "kernel_test_util.h"

#include <QTest>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

// 2x2 pixels: red, green / blue, white.
const std::vector<uint8_t> kRgb = {255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255};
const std::vector<uint8_t> kBgr = {0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255};
// L = (R * 19595 + G * 38470 + B * 7471 + 0x8000) >> 16, as Pillow converts.
const std::vector<uint8_t> kGray = {76, 150, 29, 255};

// 24-bit BMP: file header, 40-byte info header, then bottom-up rows of BGR padded to 4 bytes.
const std::vector<uint8_t> kBmp = {
    'B', 'M', 70,  0,   0,   0,   0, 0, 0, 0, 54, 0, 0, 0,        // size 70, pixels at 54
    40,  0,   0,   0,   2,   0,   0, 0, 2, 0, 0,  0, 1, 0, 24, 0, // 2x2, 1 plane, 24 bits
    0,   0,   0,   0,   16,  0,   0, 0, 0, 0, 0,  0, 0, 0, 0,  0, // uncompressed, 16 bytes
    0,   0,   0,   0,   0,   0,   0, 0,                           // colors
    255, 0,   0,   255, 255, 255, 0, 0,                           // bottom row: blue, white, pad
    0,   0,   255, 0,   255, 0,   0, 0,                           // top row: red, green, pad
};

// The same image as a PNG (8-bit RGB, one IDAT).
const std::vector<uint8_t> kPng = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a,
    0x73, 0x00, 0x00, 0x00, 0x16, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xc0,
    0xf0, 0x9f, 0x81, 0x91, 0x81, 0xe1, 0xff, 0xff, 0xff, 0x0c, 0x00, 0x1e, 0xf6, 0x04, 0xfd, 0x09,
    0xed, 0x34, 0x3e, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

Tensor stream(const std::vector<uint8_t>& bytes, size_t keep = SIZE_MAX) {
    const size_t n = std::min(keep, bytes.size());
    return makeTensor<uint8_t>({int64_t(n)}, std::vector<uint8_t>(bytes.begin(), bytes.begin() + n));
}

NodeDesc decoder(const char* format = nullptr) {
    std::vector<Attribute> attrs;
    if (format)
        attrs.push_back(stringAttr("pixel_format", format));
    return makeNode("ImageDecoder", 1, 1, attrs, 20);
}

void checkAllFormats(const std::vector<uint8_t>& bytes) {
    OS_COMPARE_TENSORS(run(decoder(), {stream(bytes)})[0].tensor, makeTensor<uint8_t>({2, 2, 3}, kRgb), 0, 0);
    OS_COMPARE_TENSORS(run(decoder("BGR"), {stream(bytes)})[0].tensor, makeTensor<uint8_t>({2, 2, 3}, kBgr),
                       0, 0);
    OS_COMPARE_TENSORS(run(decoder("Grayscale"), {stream(bytes)})[0].tensor,
                       makeTensor<uint8_t>({2, 2, 1}, kGray), 0, 0);
}

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

} // namespace

class TestImageDecoder : public QObject {
    Q_OBJECT

private slots:
    void bmp() {
        checkAllFormats(kBmp);
        QVERIFY(contains(errorOf(decoder(), {stream(kBmp, 60)}), "BMP stream is truncated"));
    }

    void pnm() {
        const std::string header = "P6\n# comment\n2 2\n255\n";
        std::vector<uint8_t> ppm(header.begin(), header.end());
        ppm.insert(ppm.end(), kRgb.begin(), kRgb.end());
        checkAllFormats(ppm);
        // maxval 3: samples scale by round(v / 3 * 255).
        const std::string plain = "P2 2 1 3\n1 2\n";
        OS_COMPARE_TENSORS(
            run(decoder("Grayscale"), {stream(std::vector<uint8_t>(plain.begin(), plain.end()))})[0].tensor,
            makeTensor<uint8_t>({1, 2, 1}, {85, 170}), 0, 0);
        QVERIFY(contains(errorOf(decoder(), {stream(ppm, ppm.size() - 1)}), "PNM stream is truncated"));
    }

    void png() {
        const std::string error = errorOf(decoder(), {stream(kPng)});
        if (contains(error, "has no PNG decoder"))
            QSKIP("this build has no PNG decoder");
        checkAllFormats(kPng);
        QVERIFY(contains(errorOf(decoder(), {stream(kPng, 50)}), "invalid PNG stream"));
    }

    void errors() {
        QVERIFY(contains(errorOf(decoder(), {stream({1, 2, 3, 4, 5})}), "unknown image format"));
        QVERIFY(contains(errorOf(decoder(), {stream({})}), "unknown image format"));
        QVERIFY(contains(errorOf(decoder("CMYK"), {stream(kBmp)}), "pixel_format"));
        // A JPEG signature with nothing after it: an error, whether or not the build decodes JPEG.
        QVERIFY(contains(errorOf(decoder(), {stream({0xFF, 0xD8, 0xFF, 0xE0})}), "JPEG"));
    }
};

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "tst_image_decoder.moc"
