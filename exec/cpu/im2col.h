// im2col / col2im over any number of spatial dims: the layout change that turns convolution
// into one GEMM per image and group (Conv, ConvInteger, QLinearConv) and the scatter-add back
// that ConvTranspose and Col2Im need.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace onnxscope {

struct ConvGeometry {
    std::vector<int64_t> input;  // spatial input sizes
    std::vector<int64_t> output; // spatial output sizes
    std::vector<int64_t> kernel;
    std::vector<int64_t> strides;
    std::vector<int64_t> dilations;
    std::vector<int64_t> padBegin;
    int64_t inputSize() const { return product(input); }
    int64_t outputSize() const { return product(output); }
    int64_t kernelSize() const { return product(kernel); }
    static int64_t product(const std::vector<int64_t>& v) {
        int64_t p = 1;
        for (int64_t d : v)
            p *= d;
        return p;
    }
    // True when col would equal the input (1x1 kernel, stride 1, no pad).
    bool isPointwise() const {
        for (size_t i = 0; i < kernel.size(); ++i)
            if (kernel[i] != 1 || strides[i] != 1 || padBegin[i] != 0 || input[i] != output[i])
                return false;
        return true;
    }
};

// Visits, for column row `row` (channel-major, then kernel offsets), each output position:
// fn(colIndex, inputIndexOrMinus1) where the input index is relative to the channel's plane.
template <typename Fn> inline void forEachWindowTap(const ConvGeometry& g, int64_t kernelOffset, Fn&& fn) {
    const size_t n = g.kernel.size();
    std::vector<int64_t> kidx(n), oidx(n, 0);
    for (size_t d = n; d-- > 0;) {
        kidx[d] = kernelOffset % g.kernel[d];
        kernelOffset /= g.kernel[d];
    }
    const int64_t inner = n ? g.output[n - 1] : 1;
    const int64_t outer = n ? g.outputSize() / std::max<int64_t>(inner, 1) : 1;
    if (inner == 0)
        return;
    for (int64_t o = 0; o < outer; ++o) {
        // input offset of the outer dims, or -1 when one of them falls in the padding
        int64_t base = 0;
        bool valid = true;
        for (size_t d = 0; d + 1 < n; ++d) {
            const int64_t ix = oidx[d] * g.strides[d] - g.padBegin[d] + kidx[d] * g.dilations[d];
            if (ix < 0 || ix >= g.input[d])
                valid = false;
            base = base * g.input[d] + ix;
        }
        const int64_t colBase = o * inner;
        if (n == 0) {
            fn(colBase, int64_t(0));
        } else {
            const size_t last = n - 1;
            const int64_t start = kidx[last] * g.dilations[last] - g.padBegin[last];
            const int64_t stride = g.strides[last];
            const int64_t width = g.input[last];
            for (int64_t x = 0; x < inner; ++x) {
                const int64_t ix = start + x * stride;
                fn(colBase + x, valid && ix >= 0 && ix < width ? base * width + ix : int64_t(-1));
            }
        }
        for (size_t d = n >= 1 ? n - 1 : 0; d-- > 0;) {
            if (++oidx[d] < g.output[d])
                break;
            oidx[d] = 0;
        }
    }
}

// col[channels * kernelSize, outputSize] from image[channels, inputSize]; padding reads `pad`.
template <typename T>
void im2col(const ConvGeometry& g, int64_t channels, const T* image, T* col, T pad, int threads) {
    const int64_t ks = g.kernelSize(), inSize = g.inputSize(), outSize = g.outputSize();
    const int64_t rows = channels * ks;
#pragma omp parallel for num_threads(threads) if (threads > 1 && rows * outSize > 65536)
    for (int64_t row = 0; row < rows; ++row) {
        const T* plane = image + (row / ks) * inSize;
        T* dst = col + row * outSize;
        forEachWindowTap(g, row % ks, [&](int64_t c, int64_t i) { dst[c] = i >= 0 ? plane[i] : pad; });
    }
}

// image[channels, inputSize] += scatter of col[channels * kernelSize, outputSize].
template <typename T>
void col2imAdd(const ConvGeometry& g, int64_t channels, const T* col, T* image, int threads) {
    const int64_t ks = g.kernelSize(), inSize = g.inputSize(), outSize = g.outputSize();
    // Parallel over channels: all rows of one channel write only that channel's plane.
#pragma omp parallel for num_threads(threads) if (threads > 1 && channels > 1)
    for (int64_t c = 0; c < channels; ++c) {
        T* plane = image + c * inSize;
        for (int64_t k = 0; k < ks; ++k) {
            const T* src = col + (c * ks + k) * outSize;
            forEachWindowTap(g, k, [&](int64_t ci, int64_t i) {
                if (i >= 0)
                    plane[i] += src[ci];
            });
        }
    }
}

} // namespace onnxscope
