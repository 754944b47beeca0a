#include "tensor_slice.h"

#include <algorithm>

namespace onnxscope {

TensorSlice TensorSlice::defaultFor(const Tensor& tensor) {
    TensorSlice s;
    const int rank = tensor.rank();
    s.fixed.assign(static_cast<size_t>(rank), 0);
    if (rank >= 2) {
        s.rowAxis = rank - 2;
        s.colAxis = rank - 1;
    } else if (rank == 1) {
        s.rowAxis = 0;
    }
    return s;
}

int64_t TensorSlice::rows(const Tensor& tensor) const {
    return rowAxis >= 0 && rowAxis < tensor.rank() ? tensor.dim(rowAxis)
                                                   : (tensor.elementCount() > 0 ? 1 : 0);
}

int64_t TensorSlice::columns(const Tensor& tensor) const {
    return colAxis >= 0 && colAxis < tensor.rank() ? tensor.dim(colAxis)
                                                   : (tensor.elementCount() > 0 ? 1 : 0);
}

int64_t TensorSlice::flatIndex(const Tensor& tensor, int64_t row, int64_t column) const {
    int64_t index = 0;
    for (int axis = 0; axis < tensor.rank(); ++axis) {
        int64_t i = axis == rowAxis                            ? row
                    : axis == colAxis                          ? column
                    : static_cast<size_t>(axis) < fixed.size() ? fixed[static_cast<size_t>(axis)]
                                                               : 0;
        i = std::clamp<int64_t>(i, 0, std::max<int64_t>(0, tensor.dim(axis) - 1));
        index = index * tensor.dim(axis) + i;
    }
    return index;
}

} // namespace onnxscope
