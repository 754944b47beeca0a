// Small helpers shared by the nn kernel family (conv, pooling, normalization, RNN, quantization):
// widening narrow floats to float and back, reading integer shape/axes inputs, and the
// window-geometry arithmetic (pads, auto_pad, output sizes) that Conv and the pools share.
#pragma once

#include "core/status.h"
#include "core/tensor.h"
#include "exec/cpu/float_tensor.h"
#include "exec/node_desc.h"

#include <string>
#include <vector>

namespace onnxscope {

// float, double, float16, bfloat16.
bool isFloatLike(DataType type);

// Any numeric tensor as a Float tensor (shares storage when it already is one).
Tensor toFloat(const Tensor& t);
// A Float tensor converted to `type` (float types round to nearest even; integers round and
// saturate). Shares storage when type is Float.
Tensor fromFloat(const Tensor& t, DataType type, bool saturate = true);
// Any numeric tensor as a Double tensor.
Tensor toDouble(const Tensor& t);

// An int32/int64 tensor's values, or an error naming `what`.
Result<std::vector<int64_t>> readInts(const Tensor& t, const std::string& what);

// Normalizes a possibly negative axis into [0, rank), or an error naming the node.
Result<int> resolveAxis(int64_t axis, int rank, const std::string& what);

// The window geometry of Conv/ConvTranspose/pools over `spatial` dims.
struct WindowGeometry {
    std::vector<int64_t> kernel;    // kernel_shape
    std::vector<int64_t> strides;   // default 1
    std::vector<int64_t> dilations; // default 1
    std::vector<int64_t> pads;      // begins then ends, 2*spatial entries
    std::string autoPad;            // NOTSET, SAME_UPPER, SAME_LOWER, VALID
    bool ceilMode = false;
};

// Reads kernel_shape/strides/dilations/pads/auto_pad from the node; kernel may be supplied by
// the caller (Conv infers it from W). Checks lengths and values.
Status readWindowAttributes(const NodeDesc& node, int spatial, WindowGeometry& geometry);
// Resolves auto_pad into explicit pads for the given input spatial sizes and computes the
// output sizes (floor or ceil mode). Errors for an empty or negative output.
Result<std::vector<int64_t>> windowOutputShape(WindowGeometry& geometry,
                                               const std::vector<int64_t>& inputSpatial);

} // namespace onnxscope
