// Expand and Tile as strided copies with zero strides: Expand broadcasts, and Tile reads the
// input as shape [r0, d0, r1, d1, ...] with stride 0 on every repeat axis, which is exactly the
// row-major layout of the tiled output.
#include "tensor_kernels.h"

#include "broadcast.h"
#include "tensor_kernel_util.h"

namespace onnxscope {

namespace {

class ExpandKernel final : public Kernel {
public:
    explicit ExpandKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "input"));
        OS_ASSIGN_OR_RETURN(const Tensor* shapeT, requireTensor(context, 1, "shape"));
        const Shape requested = readInt64s(*shapeT);
        for (int64_t d : requested)
            if (d < 0)
                return Status::error("shape " + shapeToString(requested) + " has a negative dim");
        OS_ASSIGN_OR_RETURN(Shape outShape, broadcastShapes(data->shape(), requested));
        Tensor& out = context.allocateOutput(0, data->dataType(), outShape);
        stridedCopy(*data, 0, broadcastStrides(data->shape(), outShape), out, outShape,
                    context.threadCount());
        return {};
    }
};

class TileKernel final : public Kernel {
public:
    explicit TileKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* data, requireTensor(context, 0, "input"));
        OS_ASSIGN_OR_RETURN(const Tensor* repeatsT, requireTensor(context, 1, "repeats"));
        const std::vector<int64_t> repeats = readInt64s(*repeatsT);
        const int rank = data->rank();
        if (static_cast<int>(repeats.size()) != rank)
            return Status::error("repeats has " + std::to_string(repeats.size()) + " entries for input " +
                                 shapeToString(data->shape()));
        const std::vector<int64_t> inStrides = stridesOf(data->shape());
        Shape outShape, viewShape;
        std::vector<int64_t> viewStrides;
        for (int k = 0; k < rank; ++k) {
            if (repeats[k] < 0)
                return Status::error("repeats " + shapeToString(repeats) + " has a negative entry");
            outShape.push_back(data->dim(k) * repeats[k]);
            viewShape.push_back(repeats[k]);
            viewShape.push_back(data->dim(k));
            viewStrides.push_back(0);
            viewStrides.push_back(inStrides[k]);
        }
        Tensor& out = context.allocateOutput(0, data->dataType(), outShape);
        stridedCopy(*data, 0, viewStrides, out, viewShape, context.threadCount());
        return {};
    }
};

} // namespace

void registerExpandOps(KernelRegistry& registry) {
    registry.add("Expand", 8, &makeKernel<ExpandKernel>);
    registry.add("Tile", 6, &makeKernel<TileKernel>);
}

} // namespace onnxscope
