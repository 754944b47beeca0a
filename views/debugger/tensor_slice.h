// A 2-D window into an N-d tensor: which axis runs down the rows, which across the columns, and
// the index every other axis is held at. The values table and the image view share one.
#pragma once

#include "core/tensor.h"

#include <vector>

namespace onnxscope {

struct TensorSlice {
    int rowAxis = -1;           // -1: a single row (rank 0)
    int colAxis = -1;           // -1: a single column (rank 0 and 1)
    std::vector<int64_t> fixed; // per axis; ignored for the row and column axes

    // The last two axes for rank >= 2 (a matrix, or H x W of an image), index 0 elsewhere.
    static TensorSlice defaultFor(const Tensor& tensor);
    int64_t rows(const Tensor& tensor) const;
    int64_t columns(const Tensor& tensor) const;
    // Flat element index of (row, column) in the slice.
    int64_t flatIndex(const Tensor& tensor, int64_t row, int64_t column) const;
};

} // namespace onnxscope
