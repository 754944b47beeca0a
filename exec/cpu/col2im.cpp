// Col2Im: the scatter-add of sliding blocks back into an image, any number of spatial dims.
#include "spatial_kernels.h"

#include "exec/cpu/im2col.h"
#include "exec/cpu/nn_util.h"
#include "exec/kernel.h"

namespace onnxscope {

namespace {

class Col2ImKernel final : public Kernel {
public:
    explicit Col2ImKernel(const NodeDesc& node)
        : m_node(node) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x0 = ctx.inputTensor(0);
        const Tensor* image0 = ctx.inputTensor(1);
        const Tensor* block0 = ctx.inputTensor(2);
        if (!x0 || !image0 || !block0)
            return Status::error("Col2Im needs input, image_shape and block_shape");
        OS_ASSIGN_OR_RETURN(std::vector<int64_t> image, readInts(*image0, "Col2Im image_shape"));
        OS_ASSIGN_OR_RETURN(std::vector<int64_t> block, readInts(*block0, "Col2Im block_shape"));
        const size_t n = image.size();
        if (n == 0 || block.size() != n || x0->rank() != 3)
            return Status::error("Col2Im needs a 3-D input and image_shape/block_shape of equal length");
        const auto strides = m_node.getInts("strides", std::vector<int64_t>(n, 1));
        const auto dilations = m_node.getInts("dilations", std::vector<int64_t>(n, 1));
        const auto pads = m_node.getInts("pads", std::vector<int64_t>(2 * n, 0));
        if (strides.size() != n || dilations.size() != n || pads.size() != 2 * n)
            return Status::error("Col2Im strides/dilations/pads lengths do not match the image rank");
        ConvGeometry g;
        g.input = image;
        g.kernel = block;
        g.strides = strides;
        g.dilations = dilations;
        g.padBegin.assign(pads.begin(), pads.begin() + static_cast<long>(n));
        for (size_t i = 0; i < n; ++i) {
            if (block[i] <= 0 || strides[i] <= 0 || dilations[i] <= 0 || image[i] <= 0)
                return Status::error("Col2Im sizes, strides and dilations must be positive");
            const int64_t span = image[i] + pads[i] + pads[i + n] - (dilations[i] * (block[i] - 1) + 1);
            if (span < 0)
                return Status::error("Col2Im block does not fit the padded image");
            g.output.push_back(span / strides[i] + 1);
        }
        const int64_t ks = g.kernelSize();
        if (x0->dim(1) % ks != 0 || x0->dim(2) != g.outputSize())
            return Status::error("Col2Im input shape " + shapeToString(x0->shape()) + " does not match " +
                                 std::to_string(ks) + " block elements and " +
                                 std::to_string(g.outputSize()) + " blocks");
        const int64_t N = x0->dim(0), C = x0->dim(1) / ks;
        Shape outShape{N, C};
        outShape.insert(outShape.end(), image.begin(), image.end());
        const DataType type = x0->dataType();
        if (type == DataType::Double) {
            Tensor& y = ctx.allocateOutput(0, type, outShape);
            for (int64_t b = 0; b < N; ++b)
                col2imAdd<double>(g, C, x0->data<double>() + b * C * ks * g.outputSize(),
                                  y.data<double>() + b * C * g.inputSize(), ctx.threadCount());
            return Status();
        }
        if (!isFloatLike(type))
            return Status::error("Col2Im does not support element type " + std::string(dataTypeName(type)));
        Tensor x = toFloat(*x0);
        Tensor y(DataType::Float, outShape);
        for (int64_t b = 0; b < N; ++b)
            col2imAdd<float>(g, C, x.data<float>() + b * C * ks * g.outputSize(),
                             y.data<float>() + b * C * g.inputSize(), ctx.threadCount());
        ctx.setOutput(0, fromFloat(y, type));
        return Status();
    }

private:
    NodeDesc m_node;
};

} // namespace

void registerCol2ImKernels(KernelRegistry& registry) {
    registry.add("Col2Im", 18, &makeKernel<Col2ImKernel>);
}

} // namespace onnxscope
