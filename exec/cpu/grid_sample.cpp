// GridSample (opset 16 bilinear/nearest/bicubic on 2-D, opset 20 linear/nearest/cubic on any
// number of spatial dims) with zeros/border/reflection padding and align_corners, following the
// onnx reference's per-dimension border handling.
#include "spatial_kernels.h"

#include "exec/cpu/nn_util.h"
#include "exec/kernel.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace onnxscope {

namespace {

enum class Padding { Zeros, Border, Reflection };

double reflect(double x, double lo, double hi) {
    const double range = hi - lo;
    if (range <= 0)
        return lo;
    if (x < lo) {
        const double dx = lo - x;
        const int64_t n = static_cast<int64_t>(dx / range);
        const double r = dx - static_cast<double>(n) * range;
        return n % 2 == 0 ? lo + r : hi - r;
    }
    if (x > hi) {
        const double dx = x - hi;
        const int64_t n = static_cast<int64_t>(dx / range);
        const double r = dx - static_cast<double>(n) * range;
        return n % 2 == 0 ? hi - r : lo + r;
    }
    return x;
}

void cubicCoeffs(double x, double c[4]) {
    const double a = -0.75;
    x = std::fabs(x);
    c[0] = ((a * (x + 1) - 5 * a) * (x + 1) + 8 * a) * (x + 1) - 4 * a;
    c[1] = ((a + 2) * x - (a + 3)) * x * x + 1;
    c[2] = ((a + 2) * (1 - x) - (a + 3)) * (1 - x) * (1 - x) + 1;
    c[3] = ((a * (2 - x) - 5 * a) * (2 - x) + 8 * a) * (2 - x) - 4 * a;
}

class GridSampleKernel final : public Kernel {
public:
    explicit GridSampleKernel(const NodeDesc& node)
        : m_mode(node.getString("mode", node.opsetVersion >= 20 ? "linear" : "bilinear"))
        , m_padding(node.getString("padding_mode", "zeros"))
        , m_alignCorners(node.getInt("align_corners", 0) != 0) {
        if (m_mode == "bilinear")
            m_mode = "linear";
        else if (m_mode == "bicubic")
            m_mode = "cubic";
    }

    Status compute(KernelContext& ctx) const override {
        const Tensor* x0 = ctx.inputTensor(0);
        const Tensor* g0 = ctx.inputTensor(1);
        if (!x0 || !g0)
            return Status::error("GridSample needs X and grid");
        if (!isFloatLike(x0->dataType()))
            return Status::error("GridSample needs a float input");
        const int r = x0->rank() - 2;
        if (r < 1 || g0->rank() != r + 2 || g0->dim(0) != x0->dim(0) || g0->dim(r + 1) != r)
            return Status::error("GridSample grid shape " + shapeToString(g0->shape()) +
                                 " does not match X " + shapeToString(x0->shape()));
        if (m_mode != "linear" && m_mode != "nearest" && m_mode != "cubic")
            return Status::error("GridSample mode '" + m_mode + "' is unknown");
        Padding pad;
        if (m_padding == "zeros")
            pad = Padding::Zeros;
        else if (m_padding == "border")
            pad = Padding::Border;
        else if (m_padding == "reflection")
            pad = Padding::Reflection;
        else
            return Status::error("GridSample padding_mode '" + m_padding + "' is unknown");
        Tensor x = toFloat(*x0), grid = toFloat(*g0);
        const int64_t N = x.dim(0), C = x.dim(1);
        std::vector<int64_t> dims(x.shape().begin() + 2, x.shape().end());
        Shape outShape{N, C};
        outShape.insert(outShape.end(), g0->shape().begin() + 1, g0->shape().end() - 1);
        int64_t inSize = 1, outSize = 1;
        for (int d = 0; d < r; ++d) {
            inSize *= dims[d];
            outSize *= outShape[d + 2];
        }
        std::vector<double> lo(r), hi(r);
        for (int d = 0; d < r; ++d) {
            lo[d] = m_alignCorners ? 0.0 : -0.5;
            hi[d] = m_alignCorners ? dims[d] - 1.0 : dims[d] - 0.5;
        }
        // Index along dim d after padding rules, or -1 for a zero.
        auto indexAt = [&](int d, int64_t i) -> int64_t {
            if (i >= 0 && i < dims[d])
                return i;
            if (pad == Padding::Zeros)
                return -1;
            if (pad == Padding::Border)
                return std::clamp<int64_t>(i, 0, dims[d] - 1);
            return std::clamp<int64_t>(static_cast<int64_t>(reflect(static_cast<double>(i), lo[d], hi[d])), 0,
                                       dims[d] - 1);
        };
        const int taps = m_mode == "nearest" ? 1 : m_mode == "linear" ? 2 : 4;
        int64_t corners = 1;
        for (int d = 0; d < r; ++d)
            corners *= taps;
        Tensor y(DataType::Float, outShape);
        const float* gd = grid.data<float>();
#pragma omp parallel for num_threads(ctx.threadCount()) if (ctx.threadCount() > 1)
        for (int64_t no = 0; no < N * outSize; ++no) {
            const int64_t n = no / outSize, o = no % outSize;
            std::vector<double> pos(r);
            std::vector<int64_t> base(r);
            std::vector<std::array<double, 4>> w(r);
            for (int d = 0; d < r; ++d) {
                // The grid's last axis lists coordinates innermost dim first.
                const double g = gd[(n * outSize + o) * r + (r - 1 - d)];
                double v = m_alignCorners ? (g + 1) / 2.0 * (dims[d] - 1) : ((g + 1) * dims[d] - 1) / 2.0;
                if (m_mode == "nearest")
                    v = std::nearbyint(v); // ties to even, in every rank (as the conformance data)
                if (v < lo[d] || v > hi[d]) {
                    if (pad == Padding::Border)
                        v = std::clamp(v, 0.0, dims[d] - 1.0);
                    else if (pad == Padding::Reflection)
                        v = reflect(v, lo[d], hi[d]);
                }
                pos[d] = v;
                if (m_mode == "nearest") {
                    base[d] = static_cast<int64_t>(v);
                    w[d][0] = 1;
                } else {
                    const double f = std::floor(v);
                    const double t = v - f;
                    if (m_mode == "linear") {
                        base[d] = static_cast<int64_t>(f);
                        w[d][0] = 1 - t;
                        w[d][1] = t;
                    } else {
                        base[d] = static_cast<int64_t>(f) - 1;
                        double c[4];
                        cubicCoeffs(t, c);
                        for (int k = 0; k < 4; ++k)
                            w[d][k] = c[k];
                    }
                }
            }
            for (int64_t c = 0; c < C; ++c) {
                const float* plane = x.data<float>() + (n * C + c) * inSize;
                double acc = 0;
                for (int64_t k = 0; k < corners; ++k) {
                    int64_t rem = k, offset = 0;
                    double weight = 1;
                    for (int d = r - 1; d >= 0; --d) {
                        const int t = static_cast<int>(rem % taps);
                        rem /= taps;
                        weight *= w[d][t];
                        const int64_t i = indexAt(d, base[d] + t);
                        if (i < 0) {
                            offset = -1;
                            break;
                        }
                        int64_t stride = 1;
                        for (int e = d + 1; e < r; ++e)
                            stride *= dims[e];
                        offset += i * stride;
                    }
                    if (offset >= 0)
                        acc += weight * plane[offset];
                }
                y.data<float>()[(n * C + c) * outSize + o] = static_cast<float>(acc);
            }
        }
        ctx.setOutput(0, fromFloat(y, x0->dataType()));
        return Status();
    }

private:
    std::string m_mode, m_padding;
    bool m_alignCorners;
};

} // namespace

void registerGridSampleKernels(KernelRegistry& registry) {
    registry.add("GridSample", 16, &makeKernel<GridSampleKernel>);
}

} // namespace onnxscope
