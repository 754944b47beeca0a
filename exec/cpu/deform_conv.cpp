// DeformConv (opset 19+, 2-D): convolution whose kernel taps sample the input at learned
// fractional offsets (bilinear, zero outside the image), optionally scaled by a mask. Inputs:
// X (N,C,H,W), W (oC,C/group,kH,kW), offset (N,offset_group*2*kH*kW,oH,oW) holding (dy,dx) per
// tap, optional B (oC), optional mask (N,offset_group*kH*kW,oH,oW). Computed as a deformable
// im2col followed by a per-group matrix product. Float16/bfloat16 compute in float.
#include "elementwise.h"
#include "extra_kernels.h"

#include "exec/kernel_registry.h"

#include <cmath>

namespace onnxscope {

namespace {

struct DeformGeometry {
    int64_t batch, channels, height, width, outChannels, kH, kW, outH, outW;
    int64_t group, offsetGroup, strideH, strideW, padTop, padLeft, dilH, dilW;
};

template <typename T> T bilinear(const T* img, int64_t height, int64_t width, T h, T w) {
    if (!(h > T(-1) && h < T(height) && w > T(-1) && w < T(width)))
        return T(0);
    const int64_t h0 = static_cast<int64_t>(std::floor(h)), w0 = static_cast<int64_t>(std::floor(w));
    const T lh = h - T(h0), lw = w - T(w0);
    auto at = [&](int64_t y, int64_t x) {
        return y >= 0 && y < height && x >= 0 && x < width ? img[y * width + x] : T(0);
    };
    return (T(1) - lh) * (T(1) - lw) * at(h0, w0) + (T(1) - lh) * lw * at(h0, w0 + 1) +
           lh * (T(1) - lw) * at(h0 + 1, w0) + lh * lw * at(h0 + 1, w0 + 1);
}

template <typename T>
void deformConv(const DeformGeometry& g, const T* x, const T* weight, const T* offset, const T* bias,
                const T* mask, T* y, int threads) {
    const int64_t taps = g.kH * g.kW, pixels = g.outH * g.outW;
    const int64_t channelsPerOffsetGroup = g.channels / g.offsetGroup;
    const int64_t inPerGroup = g.channels / g.group, outPerGroup = g.outChannels / g.group;
    const bool parallel = threads > 1 && g.channels * taps * pixels >= kParallelThreshold / 4;
    std::vector<T> columns(static_cast<size_t>(g.channels * taps * pixels));
    for (int64_t n = 0; n < g.batch; ++n) {
        const T* off = offset + n * g.offsetGroup * 2 * taps * pixels;
        const T* msk = mask ? mask + n * g.offsetGroup * taps * pixels : nullptr;
#pragma omp parallel for num_threads(threads) if (parallel) collapse(2)
        for (int64_t c = 0; c < g.channels; ++c) {
            for (int64_t k = 0; k < taps; ++k) {
                const int64_t og = c / channelsPerOffsetGroup;
                const int64_t i = k / g.kW, j = k % g.kW;
                const T* img = x + (n * g.channels + c) * g.height * g.width;
                const T* dy = off + (og * 2 * taps + 2 * k) * pixels;
                const T* dx = dy + pixels;
                const T* m = msk ? msk + (og * taps + k) * pixels : nullptr;
                T* col = columns.data() + (c * taps + k) * pixels;
                for (int64_t oh = 0; oh < g.outH; ++oh) {
                    for (int64_t ow = 0; ow < g.outW; ++ow) {
                        const int64_t p = oh * g.outW + ow;
                        const T h = T(oh * g.strideH - g.padTop + i * g.dilH) + dy[p];
                        const T w = T(ow * g.strideW - g.padLeft + j * g.dilW) + dx[p];
                        const T v = bilinear(img, g.height, g.width, h, w);
                        col[p] = m ? v * m[p] : v;
                    }
                }
            }
        }
        const int64_t depth = inPerGroup * taps;
#pragma omp parallel for num_threads(threads) if (parallel)
        for (int64_t oc = 0; oc < g.outChannels; ++oc) {
            const int64_t grp = oc / outPerGroup;
            T* out = y + (n * g.outChannels + oc) * pixels;
            const T b = bias ? bias[oc] : T(0);
            for (int64_t p = 0; p < pixels; ++p)
                out[p] = b;
            const T* wrow = weight + oc * depth;
            const T* colBase = columns.data() + grp * depth * pixels;
            for (int64_t r = 0; r < depth; ++r) {
                const T wv = wrow[r];
                const T* col = colBase + r * pixels;
                for (int64_t p = 0; p < pixels; ++p)
                    out[p] += wv * col[p];
            }
        }
    }
}

class DeformConvKernel final : public Kernel {
public:
    explicit DeformConvKernel(const NodeDesc& node)
        : m_dilations(node.getInts("dilations"))
        , m_kernelShape(node.getInts("kernel_shape"))
        , m_pads(node.getInts("pads"))
        , m_strides(node.getInts("strides"))
        , m_group(node.getInt("group", 1))
        , m_offsetGroup(node.getInt("offset_group", 1)) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        OS_ASSIGN_OR_RETURN(const Tensor* w, requireInput(context, 1));
        OS_ASSIGN_OR_RETURN(const Tensor* offset, requireInput(context, 2));
        const Tensor* bias = context.inputTensor(3);
        const Tensor* mask = context.inputTensor(4);
        if (x->rank() != 4 || w->rank() != 4 || offset->rank() != 4)
            return Status::error(
                "DeformConv: only 2-D convolution is supported (X, W and offset must have rank 4)");
        const DataType type = x->dataType();
        for (const Tensor* t : {w, offset, bias, mask})
            if (t && t->dataType() != type)
                return Status::error("DeformConv: all inputs must share X's element type");
        DeformGeometry g{};
        g.batch = x->dim(0);
        g.channels = x->dim(1);
        g.height = x->dim(2);
        g.width = x->dim(3);
        g.outChannels = w->dim(0);
        g.kH = w->dim(2);
        g.kW = w->dim(3);
        if (!m_kernelShape.empty() &&
            (m_kernelShape.size() != 2 || m_kernelShape[0] != g.kH || m_kernelShape[1] != g.kW))
            return Status::error("DeformConv: kernel_shape does not match W's spatial shape");
        g.group = m_group;
        g.offsetGroup = m_offsetGroup;
        if (g.group <= 0 || g.offsetGroup <= 0 || g.channels % g.group != 0 || g.outChannels % g.group != 0 ||
            g.channels % g.offsetGroup != 0)
            return Status::error(
                "DeformConv: group/offset_group must be positive and divide the channel counts");
        if (w->dim(1) != g.channels / g.group)
            return Status::error("DeformConv: W has " + std::to_string(w->dim(1)) +
                                 " input channels, expected " + std::to_string(g.channels / g.group));
        auto attr = [](const std::vector<int64_t>& v, size_t i, int64_t fallback) {
            return v.empty() ? fallback : v[i];
        };
        if ((!m_strides.empty() && m_strides.size() != 2) ||
            (!m_dilations.empty() && m_dilations.size() != 2) || (!m_pads.empty() && m_pads.size() != 4))
            return Status::error("DeformConv: strides/dilations need 2 values and pads 4");
        g.strideH = attr(m_strides, 0, 1);
        g.strideW = attr(m_strides, 1, 1);
        g.dilH = attr(m_dilations, 0, 1);
        g.dilW = attr(m_dilations, 1, 1);
        g.padTop = attr(m_pads, 0, 0);
        g.padLeft = attr(m_pads, 1, 0);
        const int64_t padBottom = attr(m_pads, 2, 0), padRight = attr(m_pads, 3, 0);
        if (g.strideH <= 0 || g.strideW <= 0 || g.dilH <= 0 || g.dilW <= 0)
            return Status::error("DeformConv: strides and dilations must be positive");
        g.outH = (g.height + g.padTop + padBottom - (g.dilH * (g.kH - 1) + 1)) / g.strideH + 1;
        g.outW = (g.width + g.padLeft + padRight - (g.dilW * (g.kW - 1) + 1)) / g.strideW + 1;
        if (g.outH <= 0 || g.outW <= 0)
            return Status::error("DeformConv: the kernel does not fit the padded input");
        const Shape offsetShape{g.batch, g.offsetGroup * 2 * g.kH * g.kW, g.outH, g.outW};
        if (offset->shape() != offsetShape)
            return Status::error("DeformConv: offset has shape " + shapeToString(offset->shape()) +
                                 ", expected " + shapeToString(offsetShape));
        const Shape maskShape{g.batch, g.offsetGroup * g.kH * g.kW, g.outH, g.outW};
        if (mask && mask->shape() != maskShape)
            return Status::error("DeformConv: mask has shape " + shapeToString(mask->shape()) +
                                 ", expected " + shapeToString(maskShape));
        if (bias && bias->elementCount() != g.outChannels)
            return Status::error("DeformConv: B must have one value per output channel");
        const Shape outShape{g.batch, g.outChannels, g.outH, g.outW};
        const int threads = context.threadCount();
        if (type == DataType::Double) {
            Tensor& y = context.allocateOutput(0, type, outShape);
            deformConv(g, x->data<double>(), w->data<double>(), offset->data<double>(),
                       bias ? bias->data<double>() : nullptr, mask ? mask->data<double>() : nullptr,
                       y.data<double>(), threads);
            return {};
        }
        if (type != DataType::Float && !isNarrowFloat(type))
            return Status::error(typeError("DeformConv", type));
        auto asFloat = [&](const Tensor* t) {
            return t && type != DataType::Float ? widenToFloat(*t, threads) : Tensor();
        };
        Tensor wx = asFloat(x), ww = asFloat(w), woff = asFloat(offset), wb = asFloat(bias),
               wm = asFloat(mask);
        auto ptr = [&](const Tensor* t, const Tensor& wide) -> const float* {
            return !t ? nullptr : type == DataType::Float ? t->data<float>() : wide.data<float>();
        };
        Tensor r(DataType::Float, outShape);
        deformConv(g, ptr(x, wx), ptr(w, ww), ptr(offset, woff), ptr(bias, wb), ptr(mask, wm),
                   r.data<float>(), threads);
        if (type == DataType::Float)
            context.setOutput(0, std::move(r));
        else
            context.setOutput(0, narrowFromFloat(r, type, true, threads));
        return {};
    }

private:
    std::vector<int64_t> m_dilations, m_kernelShape, m_pads, m_strides;
    int64_t m_group, m_offsetGroup;
};

} // namespace

void registerDeformConvKernel(KernelRegistry& r) {
    r.add("DeformConv", 19, &makeKernel<DeformConvKernel>);
}

} // namespace onnxscope
