#include "channels_last.h"

#include <cstring>

namespace onnxscope {

namespace {

// Copies between [N, C, S] (plain) and [N, S, C] (channels last), S the product of the
// spatial dims, element by element of `bytes` each.
Tensor transposeChannels(const Tensor& in, bool toChannelsLast) {
    if (in.rank() < 3 || in.elementCount() == 0 || in.dataType() == DataType::String)
        return in;
    const int64_t n = in.dim(0), c = in.dim(1), s = in.elementCount() / (n * c);
    const size_t bytes = elementByteSize(in.dataType());
    Tensor out(in.dataType(), in.shape());
    const auto* src = static_cast<const unsigned char*>(in.rawData());
    auto* dst = static_cast<unsigned char*>(out.mutableRawData());
    for (int64_t b = 0; b < n; ++b)
        for (int64_t ch = 0; ch < c; ++ch)
            for (int64_t i = 0; i < s; ++i) {
                const int64_t plain = (b * c + ch) * s + i, last = (b * s + i) * c + ch;
                const int64_t from = toChannelsLast ? plain : last, to = toChannelsLast ? last : plain;
                std::memcpy(dst + to * bytes, src + from * bytes, bytes);
            }
    return out;
}

} // namespace

Tensor toChannelsLast(const Tensor& plain) {
    return transposeChannels(plain, true);
}

Tensor fromChannelsLast(const Tensor& channelsLast) {
    return transposeChannels(channelsLast, false);
}

} // namespace onnxscope
