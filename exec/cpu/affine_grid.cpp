// AffineGrid (opset 20): for each batch entry, maps a normalized base grid over the output's
// spatial size through the affine matrix theta. 2-D: theta (N,2,3), size (N,C,H,W) -> grid
// (N,H,W,2); 3-D: theta (N,3,4), size (N,C,D,H,W) -> grid (N,D,H,W,3). Base coordinates span
// [-1,1] at pixel centres, or at the corner pixels with align_corners.
#include "elementwise.h"
#include "extra_kernels.h"

#include "exec/kernel_registry.h"

namespace onnxscope {

namespace {

// Normalized coordinate of index i out of n.
double baseCoordinate(int64_t i, int64_t n, bool alignCorners) {
    if (alignCorners)
        return n > 1 ? -1.0 + 2.0 * double(i) / double(n - 1) : -1.0;
    return (2.0 * double(i) + 1.0) / double(n) - 1.0;
}

template <typename T>
void affineGrid(const T* theta, T* grid, int64_t batch, int spatial, const int64_t* dims, bool alignCorners,
                int threads) {
    // dims: D, H, W (3-D) or H, W (2-D); output coordinates are ordered x (W), y (H), z (D).
    const int64_t depth = spatial == 3 ? dims[0] : 1;
    const int64_t height = dims[spatial - 2], width = dims[spatial - 1];
    const int cols = spatial + 1;
    const int64_t plane = depth * height * width;
    const bool parallel = batch * plane * spatial >= kParallelThreshold && threads > 1;
#pragma omp parallel for num_threads(threads) if (parallel) collapse(2)
    for (int64_t n = 0; n < batch; ++n) {
        for (int64_t d = 0; d < depth; ++d) {
            const T* m = theta + n * spatial * cols;
            const double z = spatial == 3 ? baseCoordinate(d, depth, alignCorners) : 0.0;
            for (int64_t h = 0; h < height; ++h) {
                const double y = baseCoordinate(h, height, alignCorners);
                for (int64_t w = 0; w < width; ++w) {
                    const double x = baseCoordinate(w, width, alignCorners);
                    const double base[4] = {x, y, spatial == 3 ? z : 1.0, 1.0};
                    T* out = grid + ((n * depth + d) * height * width + h * width + w) * spatial;
                    for (int r = 0; r < spatial; ++r) {
                        double acc = 0.0;
                        for (int c = 0; c < cols; ++c)
                            acc += double(m[r * cols + c]) * base[c];
                        out[r] = static_cast<T>(acc);
                    }
                }
            }
        }
    }
}

class AffineGridKernel final : public Kernel {
public:
    explicit AffineGridKernel(const NodeDesc& node)
        : m_alignCorners(node.getInt("align_corners", 0) != 0) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* theta, requireInput(context, 0));
        OS_ASSIGN_OR_RETURN(const Tensor* sizeTensor, requireInput(context, 1));
        if (sizeTensor->dataType() != DataType::Int64 || sizeTensor->rank() != 1 ||
            (sizeTensor->elementCount() != 4 && sizeTensor->elementCount() != 5))
            return Status::error(
                "AffineGrid: size must be an int64 vector of 4 (N,C,H,W) or 5 (N,C,D,H,W) values");
        const int spatial = static_cast<int>(sizeTensor->elementCount()) - 2;
        const int64_t* size = sizeTensor->data<int64_t>();
        for (int i = 0; i < spatial + 2; ++i)
            if (size[i] < 0)
                return Status::error("AffineGrid: size has a negative dimension");
        const int64_t batch = size[0];
        if (theta->rank() != 3 || theta->dim(0) != batch || theta->dim(1) != spatial ||
            theta->dim(2) != spatial + 1)
            return Status::error("AffineGrid: theta has shape " + shapeToString(theta->shape()) +
                                 ", expected [" + std::to_string(batch) + "," + std::to_string(spatial) +
                                 "," + std::to_string(spatial + 1) + "]");
        Shape outShape{batch};
        for (int i = 0; i < spatial; ++i)
            outShape.push_back(size[2 + i]);
        outShape.push_back(spatial);
        const DataType type = theta->dataType();
        const int threads = context.threadCount();
        if (isNarrowFloat(type)) {
            Tensor wide = widenToFloat(*theta, threads);
            Tensor r(DataType::Float, outShape);
            affineGrid(wide.data<float>(), r.data<float>(), batch, spatial, size + 2, m_alignCorners,
                       threads);
            context.setOutput(0, narrowFromFloat(r, type, true, threads));
            return {};
        }
        if (type == DataType::Float) {
            Tensor& y = context.allocateOutput(0, type, outShape);
            affineGrid(theta->data<float>(), y.data<float>(), batch, spatial, size + 2, m_alignCorners,
                       threads);
            return {};
        }
        if (type == DataType::Double) {
            Tensor& y = context.allocateOutput(0, type, outShape);
            affineGrid(theta->data<double>(), y.data<double>(), batch, spatial, size + 2, m_alignCorners,
                       threads);
            return {};
        }
        return Status::error(typeError("AffineGrid", type));
    }

private:
    bool m_alignCorners;
};

} // namespace

void registerAffineGridKernel(KernelRegistry& r) {
    r.add("AffineGrid", 20, &makeKernel<AffineGridKernel>);
}

} // namespace onnxscope
