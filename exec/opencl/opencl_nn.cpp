// Pools, BatchNormalization (inference), LayerNormalization and Softmax/LogSoftmax.
#include "opencl_kernels.h"

#include "exec/cpu/nn_util.h"

namespace onnxscope {

namespace {

int64_t product(const Shape& shape, size_t from = 0, size_t to = SIZE_MAX) {
    int64_t p = 1;
    for (size_t i = from; i < shape.size() && i < to; ++i)
        p *= shape[i];
    return p;
}

// MaxPool/AveragePool over 1-D or 2-D windows.
class PoolKernel final : public OpenClKernel {
public:
    PoolKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_max(node.opType == "MaxPool")
        , m_countIncludePad(node.getInt("count_include_pad", 0) != 0) {}

protected:
    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor& x = *context.inputTensor(0);
        if ((x.rank() != 3 && x.rank() != 4) || (m_node.outputs.size() > 1 && !m_node.outputs[1].empty()) ||
            m_node.getInt("storage_order", 0) != 0)
            return false;
        const int spatial = x.rank() - 2;
        WindowGeometry g;
        OS_RETURN_IF_ERROR(readWindowAttributes(m_node, spatial, g));
        OS_ASSIGN_OR_RETURN(
            std::vector<int64_t> outSpatial,
            windowOutputShape(g, std::vector<int64_t>(x.shape().begin() + 2, x.shape().end())));
        auto at = [&](const std::vector<int64_t>& v, int i, int64_t one) {
            return spatial == 2 ? v[static_cast<size_t>(i)] : (i == 0 ? one : v[0]);
        };
        const int64_t H = at({x.shape().begin() + 2, x.shape().end()}, 0, 1);
        const int64_t W = x.shape().back();
        const int64_t OH = at(outSpatial, 0, 1), OW = outSpatial.back();
        const auto n = static_cast<size_t>(spatial);
        const std::vector<int64_t> padBegin(g.pads.begin(), g.pads.begin() + spatial);
        const std::vector<int64_t> padEnd(g.pads.begin() + spatial, g.pads.end());
        Shape out = {x.dim(0), x.dim(1)};
        out.insert(out.end(), outSpatial.begin(), outSpatial.end());
        const int64_t count = product(out);
        (void)n;
        OS_ASSIGN_OR_RETURN(ClBuffer bx, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(static_cast<size_t>(count) * sizeof(float)));
        OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("pool2d_f32"));
        const cl_int8 p0 = packInts(
            {x.dim(0) * x.dim(1), H, W, OH, OW, at(g.kernel, 0, 1), at(g.kernel, 1, 1), at(g.strides, 0, 1)});
        const cl_int8 p1 =
            packInts({at(g.strides, 1, 1), at(g.dilations, 0, 1), at(g.dilations, 1, 1), at(padBegin, 0, 0),
                      at(padBegin, 1, 0), at(padEnd, 0, 0), at(padEnd, 1, 0), m_countIncludePad ? 1 : 0});
        OS_RETURN_IF_ERROR(setKernelArgs(k, bx, by, p0, p1, cl_int(m_max ? 0 : 1)));
        OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(count)));
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, out));
        return true;
    }

private:
    bool m_max;
    bool m_countIncludePad;
};

class GlobalPoolKernel final : public OpenClKernel {
public:
    GlobalPoolKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_max(node.opType == "GlobalMaxPool") {}

protected:
    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor& x = *context.inputTensor(0);
        if (x.rank() < 3)
            return Status::error("needs an input of rank 3 or more, got " + shapeToString(x.shape()));
        Shape out = {x.dim(0), x.dim(1)};
        out.resize(x.shape().size(), 1);
        const int64_t nc = x.dim(0) * x.dim(1);
        OS_ASSIGN_OR_RETURN(ClBuffer bx, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(static_cast<size_t>(nc) * sizeof(float)));
        OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("global_pool_f32"));
        OS_RETURN_IF_ERROR(
            setKernelArgs(k, bx, by, cl_int(nc), cl_int(product(x.shape(), 2)), cl_int(m_max ? 0 : 1)));
        OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(nc)));
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, out));
        return true;
    }

private:
    bool m_max;
};

class BatchNormKernel final : public OpenClKernel {
public:
    BatchNormKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_epsilon(node.getFloat("epsilon", 1e-5f)) {}

protected:
    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor& x = *context.inputTensor(0);
        if (x.rank() < 2 || (m_node.opsetVersion >= 14 && m_node.getInt("training_mode", 0) != 0) ||
            (m_node.opsetVersion < 9 && m_node.getInt("spatial", 1) == 0))
            return false;
        const int64_t C = x.dim(1);
        for (int i = 1; i <= 4; ++i) {
            const Tensor* p = context.inputTensor(i);
            if (!p || p->elementCount() != C)
                return Status::error("input " + std::to_string(i) + " must have " + std::to_string(C) +
                                     " values");
        }
        std::vector<ClBuffer> buffers;
        for (int i = 0; i <= 4; ++i) {
            OS_ASSIGN_OR_RETURN(ClBuffer b, input(context, i));
            buffers.push_back(b);
        }
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(x.byteSize()));
        OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("batchnorm_f32"));
        OS_RETURN_IF_ERROR(setKernelArgs(k, buffers[0], buffers[1], buffers[2], buffers[3], buffers[4], by,
                                         cl_int(x.elementCount()), cl_int(C), cl_int(product(x.shape(), 2)),
                                         m_epsilon));
        OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(x.elementCount())));
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, x.shape()));
        return true;
    }

private:
    float m_epsilon;
};

class LayerNormKernel final : public OpenClKernel {
public:
    LayerNormKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_axis(node.getInt("axis", -1))
        , m_epsilon(node.getFloat("epsilon", 1e-5f)) {}

protected:
    Result<bool> computeOnDevice(KernelContext& context) const override {
        for (size_t i = 1; i < m_node.outputs.size(); ++i)
            if (!m_node.outputs[i].empty())
                return false; // Mean and InvStdDev outputs come from the CPU kernel
        const Tensor& x = *context.inputTensor(0);
        const Tensor* scale = context.inputTensor(1);
        const Tensor* bias = context.inputTensor(2);
        OS_ASSIGN_OR_RETURN(int axis, resolveAxis(m_axis, x.rank(), "axis"));
        const int64_t rows = product(x.shape(), 0, static_cast<size_t>(axis));
        const int64_t cols = product(x.shape(), static_cast<size_t>(axis));
        if (!scale || (scale->elementCount() != cols && scale->elementCount() != 1) ||
            (bias && bias->elementCount() != cols && bias->elementCount() != 1))
            return false; // other broadcasts of scale/bias
        OS_ASSIGN_OR_RETURN(ClBuffer bx, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer bs, input(context, 1));
        ClBuffer bb = bs;
        if (bias) {
            OS_ASSIGN_OR_RETURN(bb, input(context, 2));
        }
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(x.byteSize()));
        OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("layernorm_f32"));
        OS_RETURN_IF_ERROR(setKernelArgs(k, bx, bs, bb, by, cl_int(rows), cl_int(cols), m_epsilon,
                                         cl_int(scale->elementCount()),
                                         cl_int(bias ? bias->elementCount() : 0)));
        OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(rows)));
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, x.shape()));
        return true;
    }

private:
    int64_t m_axis;
    float m_epsilon;
};

class SoftmaxKernel final : public OpenClKernel {
public:
    SoftmaxKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_log(node.opType == "LogSoftmax")
        , m_flatten(node.opsetVersion < 13)
        , m_axis(node.getInt("axis", node.opsetVersion < 13 ? 1 : -1)) {}

protected:
    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor& x = *context.inputTensor(0);
        if (x.rank() == 0)
            return false;
        OS_ASSIGN_OR_RETURN(int axis, resolveAxis(m_axis, x.rank(), "axis"));
        const auto a = static_cast<size_t>(axis);
        // Before opset 13 the input is coerced to 2-D at axis; since then only axis is reduced.
        const int64_t outer = product(x.shape(), 0, a);
        const int64_t len = m_flatten ? product(x.shape(), a) : x.dim(axis);
        const int64_t inner = m_flatten ? 1 : product(x.shape(), a + 1);
        OS_ASSIGN_OR_RETURN(ClBuffer bx, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(x.byteSize()));
        OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("softmax_f32"));
        OS_RETURN_IF_ERROR(
            setKernelArgs(k, bx, by, cl_int(outer), cl_int(len), cl_int(inner), cl_int(m_log ? 1 : 0)));
        OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(outer * inner)));
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, x.shape()));
        return true;
    }

private:
    bool m_log;
    bool m_flatten;
    int64_t m_axis;
};

} // namespace

std::unique_ptr<OpenClKernel> makeOpenClPool(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<PoolKernel>(std::move(ctx), node);
}
std::unique_ptr<OpenClKernel> makeOpenClGlobalPool(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<GlobalPoolKernel>(std::move(ctx), node);
}
std::unique_ptr<OpenClKernel> makeOpenClBatchNorm(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<BatchNormKernel>(std::move(ctx), node);
}
std::unique_ptr<OpenClKernel> makeOpenClLayerNorm(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<LayerNormKernel>(std::move(ctx), node);
}
std::unique_ptr<OpenClKernel> makeOpenClSoftmax(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<SoftmaxKernel>(std::move(ctx), node);
}

} // namespace onnxscope
