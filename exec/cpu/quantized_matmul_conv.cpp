// MatMulInteger, QLinearMatMul, ConvInteger and QLinearConv: zero points are subtracted into
// int32, the product runs on gemm<int32_t> (exact), and the QLinear forms requantize with
// round-half-to-even and saturation like the reference.
#include "exec/cpu/conv.h"
#include "exec/cpu/gemm.h"
#include "exec/cpu/im2col.h"
#include "exec/cpu/matmul.h"
#include "exec/cpu/nn_util.h"
#include "exec/cpu/quantize.h"
#include "exec/kernel.h"

#include <algorithm>
#include <cmath>

namespace onnxscope {

namespace {

// x - zeroPoint as int32; the zero point is a scalar or one value per slice along `axis`
// (rows of A, columns of B, output channels of W).
Result<std::vector<int32_t>> centered(const Tensor& x, const Tensor* zp, int axis, const std::string& what) {
    std::vector<int32_t> v = toInt32(x);
    if (!zp)
        return v;
    if (zp->dataType() != x.dataType())
        return Status::error(what + " zero point type differs from its input");
    std::vector<int32_t> z = toInt32(*zp);
    if (z.size() == 1) {
        for (int32_t& e : v)
            e -= z[0];
        return v;
    }
    const int ax = axis < 0 ? axis + x.rank() : axis;
    if (ax < 0 || ax >= x.rank() || static_cast<int64_t>(z.size()) != x.dim(ax))
        return Status::error(what + " zero point of shape " + shapeToString(zp->shape()) +
                             " does not match " + shapeToString(x.shape()));
    int64_t inner = 1;
    for (int d = ax + 1; d < x.rank(); ++d)
        inner *= x.dim(d);
    for (size_t i = 0; i < v.size(); ++i)
        v[i] -= z[static_cast<size_t>((static_cast<int64_t>(i) / inner) % x.dim(ax))];
    return v;
}

Result<Tensor> matmulInt32(const Tensor& a, const Tensor* azp, const Tensor& b, const Tensor* bzp,
                           int threads, MatMulPlan& plan) {
    for (const Tensor* t : {&a, &b})
        if (t->dataType() != DataType::Uint8 && t->dataType() != DataType::Int8)
            return Status::error("integer matmul inputs must be uint8 or int8, got " +
                                 std::string(dataTypeName(t->dataType())));
    OS_ASSIGN_OR_RETURN(plan, planMatMul(a.shape(), b.shape()));
    OS_ASSIGN_OR_RETURN(std::vector<int32_t> av, centered(a, azp, a.rank() >= 2 ? -2 : 0, "A"));
    OS_ASSIGN_OR_RETURN(std::vector<int32_t> bv, centered(b, bzp, -1, "B"));
    Tensor out(DataType::Int32, plan.output);
    const auto offsets = plan.batchOffsets();
    for (int64_t i = 0; i < plan.batchCount; ++i) {
        const auto [oa, ob] = offsets[static_cast<size_t>(i)];
        gemm<int32_t>(false, false, plan.M, plan.N, plan.K, 1, av.data() + oa * plan.M * plan.K, plan.K,
                      bv.data() + ob * plan.K * plan.N, plan.N, 0, out.data<int32_t>() + i * plan.M * plan.N,
                      plan.N, threads);
    }
    return out;
}

// Requantizes int32 accumulators: y = saturate(rint(acc * scale(k)) + zp(k)).
Result<Tensor> requantize(const Tensor& acc, const std::vector<float>& scale, int64_t inner,
                          const Tensor* yzp, DataType outType) {
    int64_t low, high;
    if (!quantizedRange(outType, low, high) || outType == DataType::Int32)
        return Status::error("cannot requantize to " + std::string(dataTypeName(outType)));
    const int32_t zp = yzp ? toInt32(*yzp)[0] : 0;
    Tensor y(outType, acc.shape());
    const int32_t* a = acc.data<int32_t>();
    for (int64_t i = 0; i < acc.elementCount(); ++i) {
        const float s =
            scale[scale.size() == 1 ? 0 : static_cast<size_t>((i / inner) % int64_t(scale.size()))];
        double v = std::nearbyint(static_cast<double>(static_cast<float>(a[i]) * s)) + zp;
        v = std::clamp<double>(v, double(low), double(high));
        if (outType == DataType::Uint8)
            y.data<uint8_t>()[i] = static_cast<uint8_t>(v);
        else
            y.data<int8_t>()[i] = static_cast<int8_t>(v);
    }
    return y;
}

std::vector<float> floats(const Tensor& t) {
    Tensor f = toFloat(t);
    return {f.data<float>(), f.data<float>() + f.elementCount()};
}

class MatMulIntegerKernel final : public Kernel {
public:
    explicit MatMulIntegerKernel(const NodeDesc&) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* a = ctx.inputTensor(0);
        const Tensor* b = ctx.inputTensor(1);
        if (!a || !b)
            return Status::error("MatMulInteger needs A and B");
        MatMulPlan plan;
        OS_ASSIGN_OR_RETURN(
            Tensor y, matmulInt32(*a, ctx.inputTensor(2), *b, ctx.inputTensor(3), ctx.threadCount(), plan));
        ctx.setOutput(0, y);
        return Status();
    }
};

class QLinearMatMulKernel final : public Kernel {
public:
    explicit QLinearMatMulKernel(const NodeDesc&) {}
    Status compute(KernelContext& ctx) const override {
        for (int i : {0, 1, 3, 4, 6})
            if (!ctx.inputTensor(i))
                return Status::error("QLinearMatMul needs a, a_scale, b, b_scale and y_scale");
        const Tensor& a = *ctx.inputTensor(0);
        const Tensor& b = *ctx.inputTensor(3);
        MatMulPlan plan;
        OS_ASSIGN_OR_RETURN(
            Tensor acc, matmulInt32(a, ctx.inputTensor(2), b, ctx.inputTensor(5), ctx.threadCount(), plan));
        const auto as = floats(*ctx.inputTensor(1)), bs = floats(*ctx.inputTensor(4)),
                   ys = floats(*ctx.inputTensor(6));
        if (as.size() != 1 || ys.size() != 1)
            return Status::error("QLinearMatMul supports per-tensor a_scale and y_scale only");
        if (bs.size() != 1 && static_cast<int64_t>(bs.size()) != plan.N)
            return Status::error("QLinearMatMul b_scale must be a scalar or have N elements");
        std::vector<float> scale(bs.size());
        for (size_t i = 0; i < bs.size(); ++i)
            scale[i] = as[0] * bs[i] / ys[0];
        const Tensor* yzp = ctx.inputTensor(7);
        OS_ASSIGN_OR_RETURN(Tensor y, requantize(acc, scale, 1, yzp, yzp ? yzp->dataType() : a.dataType()));
        ctx.setOutput(0, y);
        return Status();
    }
};

// Shared by ConvInteger and QLinearConv: int32 conv of centered x and w.
Result<Tensor> convInt32(const NodeDesc& node, const Tensor& x, const Tensor* xzp, const Tensor& w,
                         const Tensor* wzp, int threads, ConvSetup& s) {
    for (const Tensor* t : {&x, &w})
        if (t->dataType() != DataType::Uint8 && t->dataType() != DataType::Int8)
            return Status::error("integer conv inputs must be uint8 or int8");
    if (xzp && xzp->elementCount() != 1)
        return Status::error("x zero point must be a scalar");
    OS_ASSIGN_OR_RETURN(s, setupConv(node, x.shape(), w.shape(), node.getInt("group", 1)));
    OS_ASSIGN_OR_RETURN(std::vector<int32_t> xv, centered(x, xzp, 0, "x"));
    OS_ASSIGN_OR_RETURN(std::vector<int32_t> wv, centered(w, wzp, 0, "w"));
    const ConvGeometry& g = s.geometry;
    const int64_t cg = s.inChannels / s.group, mg = s.outChannels / s.group;
    const int64_t ks = g.kernelSize(), inSize = g.inputSize(), outSize = g.outputSize();
    std::vector<int32_t> col(static_cast<size_t>(cg * ks * outSize));
    Tensor y(DataType::Int32, s.outputShape);
    for (int64_t n = 0; n < s.batch; ++n)
        for (int64_t grp = 0; grp < s.group; ++grp) {
            // Padding reads the zero point, which is 0 after centering.
            im2col<int32_t>(g, cg, xv.data() + (n * s.inChannels + grp * cg) * inSize, col.data(), 0,
                            threads);
            gemm<int32_t>(false, false, mg, outSize, cg * ks, 1, wv.data() + grp * mg * cg * ks, cg * ks,
                          col.data(), outSize, 0,
                          y.data<int32_t>() + (n * s.outChannels + grp * mg) * outSize, outSize, threads);
        }
    return y;
}

class ConvIntegerKernel final : public Kernel {
public:
    explicit ConvIntegerKernel(const NodeDesc& node)
        : m_node(node) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* w = ctx.inputTensor(1);
        if (!x || !w)
            return Status::error("ConvInteger needs x and w");
        ConvSetup s;
        OS_ASSIGN_OR_RETURN(Tensor y, convInt32(m_node, *x, ctx.inputTensor(2), *w, ctx.inputTensor(3),
                                                ctx.threadCount(), s));
        ctx.setOutput(0, y);
        return Status();
    }

private:
    NodeDesc m_node;
};

class QLinearConvKernel final : public Kernel {
public:
    explicit QLinearConvKernel(const NodeDesc& node)
        : m_node(node) {}
    Status compute(KernelContext& ctx) const override {
        for (int i : {0, 1, 3, 4, 6})
            if (!ctx.inputTensor(i))
                return Status::error("QLinearConv needs x, x_scale, w, w_scale and y_scale");
        const Tensor& x = *ctx.inputTensor(0);
        ConvSetup s;
        OS_ASSIGN_OR_RETURN(Tensor acc, convInt32(m_node, x, ctx.inputTensor(2), *ctx.inputTensor(3),
                                                  ctx.inputTensor(5), ctx.threadCount(), s));
        const auto xs = floats(*ctx.inputTensor(1)), ws = floats(*ctx.inputTensor(4)),
                   ys = floats(*ctx.inputTensor(6));
        if (xs.size() != 1 || ys.size() != 1)
            return Status::error("QLinearConv x_scale and y_scale must be scalars");
        if (ws.size() != 1 && static_cast<int64_t>(ws.size()) != s.outChannels)
            return Status::error("QLinearConv w_scale must be a scalar or have one value per output channel");
        const int64_t plane = s.geometry.outputSize();
        if (const Tensor* bias = ctx.inputTensor(8)) {
            if (bias->dataType() != DataType::Int32 || bias->elementCount() != s.outChannels)
                return Status::error("QLinearConv B must be int32 with one value per output channel");
            int32_t* a = acc.data<int32_t>();
            for (int64_t i = 0; i < acc.elementCount(); ++i)
                a[i] += bias->data<int32_t>()[(i / plane) % s.outChannels];
        }
        std::vector<float> scale(ws.size());
        for (size_t i = 0; i < ws.size(); ++i)
            scale[i] = xs[0] * ws[i] / ys[0];
        const Tensor* yzp = ctx.inputTensor(7);
        OS_ASSIGN_OR_RETURN(Tensor y,
                            requantize(acc, scale, plane, yzp, yzp ? yzp->dataType() : x.dataType()));
        ctx.setOutput(0, y);
        return Status();
    }

private:
    NodeDesc m_node;
};

} // namespace

void registerQuantizedMatMulConvKernels(KernelRegistry& registry) {
    registry.add("MatMulInteger", 10, &makeKernel<MatMulIntegerKernel>);
    registry.add("QLinearMatMul", 10, &makeKernel<QLinearMatMulKernel>);
    registry.add("ConvInteger", 10, &makeKernel<ConvIntegerKernel>);
    registry.add("QLinearConv", 10, &makeKernel<QLinearConvKernel>);
}

} // namespace onnxscope
