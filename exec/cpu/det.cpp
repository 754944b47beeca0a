// Det: determinants of the trailing square matrices by LU decomposition with partial pivoting
// (O(n^3) per matrix, accumulated in double).
#include "spatial_kernels.h"

#include "exec/cpu/nn_util.h"
#include "exec/kernel.h"

#include <cmath>
#include <utility>

namespace onnxscope {

namespace {

double determinant(std::vector<double> a, int64_t n) {
    double det = 1;
    for (int64_t col = 0; col < n; ++col) {
        int64_t pivot = col;
        for (int64_t r = col + 1; r < n; ++r)
            if (std::fabs(a[r * n + col]) > std::fabs(a[pivot * n + col]))
                pivot = r;
        if (a[pivot * n + col] == 0)
            return 0;
        if (pivot != col) {
            for (int64_t k = 0; k < n; ++k)
                std::swap(a[col * n + k], a[pivot * n + k]);
            det = -det;
        }
        const double p = a[col * n + col];
        det *= p;
        for (int64_t r = col + 1; r < n; ++r) {
            const double f = a[r * n + col] / p;
            for (int64_t k = col + 1; k < n; ++k)
                a[r * n + k] -= f * a[col * n + k];
        }
    }
    return det;
}

class DetKernel final : public Kernel {
public:
    explicit DetKernel(const NodeDesc&) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x = ctx.inputTensor(0);
        if (!x || !isFloatLike(x->dataType()))
            return Status::error("Det needs a float input");
        if (x->rank() < 2 || x->dim(x->rank() - 1) != x->dim(x->rank() - 2))
            return Status::error("Det needs [..., M, M] input, got " + shapeToString(x->shape()));
        const int64_t n = x->dim(x->rank() - 1);
        Shape outShape(x->shape().begin(), x->shape().end() - 2);
        Tensor d = toDouble(*x);
        Tensor y(DataType::Double, outShape);
        const int64_t count = y.elementCount();
        for (int64_t i = 0; i < count; ++i) {
            const double* m = d.data<double>() + i * n * n;
            y.data<double>()[i] = determinant(std::vector<double>(m, m + n * n), n);
        }
        if (x->dataType() == DataType::Double)
            ctx.setOutput(0, y);
        else
            ctx.setOutput(0, fromFloat(toFloat(y), x->dataType()));
        return Status();
    }
};

} // namespace

void registerDetKernels(KernelRegistry& registry) {
    registry.add("Det", 11, &makeKernel<DetKernel>);
}

} // namespace onnxscope
