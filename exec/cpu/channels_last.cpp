#include "channels_last.h"

#include <algorithm>
#include <cstring>

namespace onnxscope {

namespace {

constexpr int64_t kBlockedChannels = 8;
// Smaller images stay NHWC: there the layers are compute-bound and oneDNN's AVX2 kernels for
// blocks lost to its AVX-512 NHWC ones (efficientnet_b0's 7x7 and 14x14 stages, by up to a third
// at 2 threads). Blocking every size instead: 11.95 against 11.71 ms at 1 thread, 7.16 against
// 6.81 ms at 2.
constexpr int64_t kMinBlockedPixels = 28 * 28;

// Copies between [N, C, S] (plain) and [N, C/B, S, B] (channels last in blocks of B channels),
// S the product of the spatial dims, element by element of `bytes` each.
Tensor transposeChannels(const Tensor& in, bool toChannelsLast, bool blocked) {
    if (in.rank() < 3 || in.elementCount() == 0 || in.dataType() == DataType::String)
        return in;
    const int64_t n = in.dim(0), c = in.dim(1), s = in.elementCount() / (n * c);
    const int64_t block = channelBlock(in.shape(), blocked), blocks = c / block;
    const size_t bytes = elementByteSize(in.dataType());
    Tensor out(in.dataType(), in.shape());
    const auto* src = static_cast<const unsigned char*>(in.rawData());
    auto* dst = static_cast<unsigned char*>(out.mutableRawData());
    for (int64_t b = 0; b < n; ++b)
        for (int64_t ch = 0; ch < c; ++ch)
            for (int64_t i = 0; i < s; ++i) {
                const int64_t plain = (b * c + ch) * s + i;
                const int64_t last = ((b * blocks + ch / block) * s + i) * block + ch % block;
                const int64_t from = toChannelsLast ? plain : last, to = toChannelsLast ? last : plain;
                std::memcpy(dst + to * bytes, src + from * bytes, bytes);
            }
    return out;
}

} // namespace

int64_t channelBlock(const Shape& shape, bool blocked) {
    const int64_t channels = shape.size() > 1 ? shape[1] : 1;
    int64_t pixels = 1;
    for (size_t i = 2; i < shape.size(); ++i)
        pixels *= shape[i];
    // oneDNN names blocked layouts for 1 to 3 spatial dims.
    return blocked && shape.size() >= 3 && shape.size() <= 5 && channels % kBlockedChannels == 0 &&
                   pixels >= kMinBlockedPixels
               ? kBlockedChannels
               : std::max<int64_t>(channels, 1);
}

Tensor toChannelsLast(const Tensor& plain, bool blocked) {
    return transposeChannels(plain, true, blocked);
}

Tensor fromChannelsLast(const Tensor& channelsLast, bool blocked) {
    return transposeChannels(channelsLast, false, blocked);
}

} // namespace onnxscope
