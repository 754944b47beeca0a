// Conv and ConvTranspose over 1-D/2-D/3-D (any rank) inputs with groups, dilations, pads,
// strides and auto_pad, as im2col + gemm per image and group (col2im for the transpose).
#include "conv.h"

#include "exec/cpu/gemm.h"
#include "exec/cpu/im2col.h"
#include "exec/cpu/nn_util.h"
#include "exec/kernel.h"

namespace onnxscope {

namespace {

template <typename T> void addBias(T* y, const T* bias, int64_t channels, int64_t plane) {
    for (int64_t c = 0; c < channels; ++c)
        for (int64_t i = 0; i < plane; ++i)
            y[c * plane + i] += bias[c];
}

// Runs a conv-like body in double for double inputs, else in float (float16/bfloat16 widened
// once and narrowed back), so each op's body is written once as a template.
template <typename Body>
Status computeInFloatingPoint(const char* opName, const ConvSetup& s, const Tensor& x, const Tensor& w,
                              const Tensor* b, KernelContext& ctx, Body&& body) {
    const DataType type = x.dataType();
    if (type == DataType::Double) {
        Tensor y(type, s.outputShape);
        body(x.data<double>(), w.data<double>(), b ? b->data<double>() : nullptr, y.data<double>());
        ctx.setOutput(0, y);
        return Status();
    }
    if (type != DataType::Float && !isNarrowFloat(type))
        return Status::error(std::string(opName) + " does not support element type " +
                             std::string(dataTypeName(type)));
    Tensor fx = toFloat(x), fw = toFloat(w), fb;
    if (b)
        fb = toFloat(*b);
    Tensor y(DataType::Float, s.outputShape);
    body(static_cast<const float*>(fx.data<float>()), static_cast<const float*>(fw.data<float>()),
         b ? static_cast<const float*>(fb.data<float>()) : nullptr, y.data<float>());
    ctx.setOutput(0, fromFloat(y, type));
    return Status();
}

class ConvKernel final : public Kernel {
public:
    explicit ConvKernel(const NodeDesc& node)
        : m_node(node)
        , m_group(node.getInt("group", 1)) {}

    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* w = ctx.inputTensor(1);
        const Tensor* b = ctx.inputTensor(2);
        if (!x || !w)
            return Status::error("Conv needs inputs X and W");
        OS_ASSIGN_OR_RETURN(ConvSetup s, setupConv(m_node, x->shape(), w->shape(), m_group));
        if (b && (b->rank() != 1 || b->dim(0) != s.outChannels))
            return Status::error("Conv bias B must have shape [" + std::to_string(s.outChannels) + "], got " +
                                 shapeToString(b->shape()));
        return computeInFloatingPoint("Conv", s, *x, *w, b, ctx, [&](auto xp, auto wp, auto bp, auto yp) {
            runConv(s, xp, wp, bp, yp, ctx.threadCount());
        });
    }

private:
    template <typename T>
    static void runConv(const ConvSetup& s, const T* x, const T* w, const T* b, T* y, int threads) {
        const ConvGeometry& g = s.geometry;
        const int64_t cg = s.inChannels / s.group, mg = s.outChannels / s.group;
        const int64_t ks = g.kernelSize(), inSize = g.inputSize(), outSize = g.outputSize();
        const bool pointwise = g.isPointwise();
        std::vector<T> col(pointwise ? 0 : static_cast<size_t>(cg * ks * outSize));
        for (int64_t n = 0; n < s.batch; ++n) {
            for (int64_t grp = 0; grp < s.group; ++grp) {
                const T* image = x + (n * s.inChannels + grp * cg) * inSize;
                const T* colData = image;
                if (!pointwise) {
                    im2col<T>(g, cg, image, col.data(), T(0), threads);
                    colData = col.data();
                }
                T* out = y + (n * s.outChannels + grp * mg) * outSize;
                gemm<T>(false, false, mg, outSize, cg * ks, T(1), w + grp * mg * cg * ks, cg * ks, colData,
                        outSize, T(0), out, outSize, threads);
                if (b)
                    addBias(out, b + grp * mg, mg, outSize);
            }
        }
    }

    NodeDesc m_node;
    int64_t m_group;
};

class ConvTransposeKernel final : public Kernel {
public:
    explicit ConvTransposeKernel(const NodeDesc& node)
        : m_node(node)
        , m_group(node.getInt("group", 1)) {}

    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* w = ctx.inputTensor(1);
        const Tensor* b = ctx.inputTensor(2);
        if (!x || !w)
            return Status::error("ConvTranspose needs inputs X and W");
        OS_ASSIGN_OR_RETURN(ConvSetup s, setupConvTranspose(m_node, x->shape(), w->shape(), m_group));
        if (b && (b->rank() != 1 || b->dim(0) != s.outChannels))
            return Status::error("ConvTranspose bias B must have shape [" + std::to_string(s.outChannels) +
                                 "], got " + shapeToString(b->shape()));
        return computeInFloatingPoint(
            "ConvTranspose", s, *x, *w, b, ctx,
            [&](auto xp, auto wp, auto bp, auto yp) { run(s, xp, wp, bp, yp, ctx.threadCount()); });
    }

private:
    // The geometry here describes the forward conv whose gradient this is: its "input" is our
    // output and its "output" our input.
    template <typename T>
    static void run(const ConvSetup& s, const T* x, const T* w, const T* b, T* y, int threads) {
        const ConvGeometry& g = s.geometry;
        const int64_t cg = s.inChannels / s.group, mg = s.outChannels / s.group;
        const int64_t ks = g.kernelSize(), ySize = g.inputSize(), xSize = g.outputSize();
        std::vector<T> col(static_cast<size_t>(mg * ks * xSize));
        for (int64_t n = 0; n < s.batch; ++n) {
            for (int64_t grp = 0; grp < s.group; ++grp) {
                const T* image = x + (n * s.inChannels + grp * cg) * xSize;
                // col[mg*ks, xSize] = W_g^T [mg*ks, cg] * X_g [cg, xSize]
                gemm<T>(true, false, mg * ks, xSize, cg, T(1), w + grp * cg * mg * ks, mg * ks, image, xSize,
                        T(0), col.data(), xSize, threads);
                T* out = y + (n * s.outChannels + grp * mg) * ySize;
                col2imAdd<T>(g, mg, col.data(), out, threads);
                if (b)
                    addBias(out, b + grp * mg, mg, ySize);
            }
        }
    }

    NodeDesc m_node;
    int64_t m_group;
};

} // namespace

Result<ConvSetup> setupConv(const NodeDesc& node, const Shape& x, const Shape& w, int64_t group) {
    if (x.size() < 3 || w.size() != x.size())
        return Status::error("Conv expects X of rank >= 3 and W of the same rank, got " + shapeToString(x) +
                             " and " + shapeToString(w));
    const int spatial = static_cast<int>(x.size()) - 2;
    ConvSetup s;
    s.batch = x[0];
    s.inChannels = x[1];
    s.outChannels = w[0];
    s.group = group;
    if (group <= 0 || s.inChannels % group != 0 || s.outChannels % group != 0)
        return Status::error("group " + std::to_string(group) + " does not divide the channels (" +
                             std::to_string(s.inChannels) + " in, " + std::to_string(s.outChannels) +
                             " out)");
    if (w[1] * group != s.inChannels)
        return Status::error("W has " + std::to_string(w[1]) + " input channels per group, X has " +
                             std::to_string(s.inChannels) + " channels in " + std::to_string(group) +
                             " groups");
    WindowGeometry wg;
    wg.kernel.assign(w.begin() + 2, w.end());
    OS_RETURN_IF_ERROR(readWindowAttributes(node, spatial, wg));
    if (wg.kernel != std::vector<int64_t>(w.begin() + 2, w.end()))
        return Status::error("kernel_shape does not match W's shape " + shapeToString(w));
    std::vector<int64_t> in(x.begin() + 2, x.end());
    OS_ASSIGN_OR_RETURN(std::vector<int64_t> out, windowOutputShape(wg, in));
    s.geometry = {in,         out,          wg.kernel,
                  wg.strides, wg.dilations, std::vector<int64_t>(wg.pads.begin(), wg.pads.begin() + spatial)};
    s.outputShape = {s.batch, s.outChannels};
    s.outputShape.insert(s.outputShape.end(), out.begin(), out.end());
    return s;
}

Result<ConvSetup> setupConvTranspose(const NodeDesc& node, const Shape& x, const Shape& w, int64_t group) {
    if (x.size() < 3 || w.size() != x.size())
        return Status::error("ConvTranspose expects X of rank >= 3 and W of the same rank, got " +
                             shapeToString(x) + " and " + shapeToString(w));
    const size_t n = x.size() - 2;
    ConvSetup s;
    s.batch = x[0];
    s.inChannels = x[1];
    s.group = group;
    if (group <= 0 || s.inChannels % group != 0)
        return Status::error("group " + std::to_string(group) + " does not divide the input channels");
    if (w[0] != s.inChannels)
        return Status::error("W's first dim " + std::to_string(w[0]) + " must equal X's channels " +
                             std::to_string(s.inChannels));
    s.outChannels = w[1] * group;
    WindowGeometry wg;
    wg.kernel.assign(w.begin() + 2, w.end());
    OS_RETURN_IF_ERROR(readWindowAttributes(node, static_cast<int>(n), wg));
    if (wg.kernel != std::vector<int64_t>(w.begin() + 2, w.end()))
        return Status::error("kernel_shape does not match W's shape " + shapeToString(w));
    const auto outputPadding = node.getInts("output_padding", std::vector<int64_t>(n, 0));
    const auto outputShapeAttr = node.getInts("output_shape");
    if (outputPadding.size() != n)
        return Status::error("output_padding must have " + std::to_string(n) + " entries");
    std::vector<int64_t> in(x.begin() + 2, x.end()), out(n);
    const bool same = wg.autoPad == "SAME_UPPER" || wg.autoPad == "SAME_LOWER";
    for (size_t i = 0; i < n; ++i) {
        const int64_t effective = (wg.kernel[i] - 1) * wg.dilations[i] + 1;
        const int64_t full = wg.strides[i] * (in[i] - 1) + outputPadding[i] + effective;
        if (!outputShapeAttr.empty() || same) {
            int64_t target = in[i] * wg.strides[i];
            if (!outputShapeAttr.empty()) {
                // output_shape may list only the spatial dims or the whole shape.
                target = outputShapeAttr.size() == n       ? outputShapeAttr[i]
                         : outputShapeAttr.size() == n + 2 ? outputShapeAttr[i + 2]
                                                           : -1;
                if (target < 0)
                    return Status::error("output_shape has the wrong number of entries");
            }
            // A negative total (output_shape beyond the full result) leaves zeros at the end,
            // like output_padding; floor division matches the reference for it.
            const int64_t total = full - target;
            const int64_t half = total >= 0 ? total / 2 : -((-total + 1) / 2);
            if (wg.autoPad == "SAME_UPPER") {
                wg.pads[i] = half;
                wg.pads[i + n] = total - half;
            } else {
                wg.pads[i] = total - half;
                wg.pads[i + n] = half;
            }
            out[i] = target;
        } else {
            if (wg.autoPad == "VALID")
                wg.pads[i] = wg.pads[i + n] = 0;
            out[i] = full - wg.pads[i] - wg.pads[i + n];
        }
        if (out[i] <= 0)
            return Status::error("ConvTranspose output dim " + std::to_string(i) + " would be " +
                                 std::to_string(out[i]));
    }
    // The forward conv that maps our output (size out) back to our input (size in).
    s.geometry = {out,        in,           wg.kernel,
                  wg.strides, wg.dilations, std::vector<int64_t>(wg.pads.begin(), wg.pads.begin() + n)};
    s.outputShape = {s.batch, s.outChannels};
    s.outputShape.insert(s.outputShape.end(), out.begin(), out.end());
    return s;
}

Result<std::unique_ptr<Kernel>> makeReferenceConv(const NodeDesc& node) {
    return makeKernel<ConvKernel>(node);
}

Result<std::unique_ptr<Kernel>> makeReferenceConvTranspose(const NodeDesc& node) {
    return makeKernel<ConvTransposeKernel>(node);
}

void registerConvKernels(KernelRegistry& registry) {
    registry.add("Conv", 1, &makeReferenceConv);
    registry.add("ConvTranspose", 1, &makeReferenceConvTranspose);
}

} // namespace onnxscope
