// Tensor slicing and stacking along an axis, and input accessors, shared by the control-flow
// and sequence kernels (Loop/Scan scan outputs, Scan inputs, SplitToSequence,
// ConcatFromSequence).
#pragma once

#include "core/value.h"
#include "exec/kernel.h"

#include <string>
#include <vector>

namespace onnxscope::controlflow {

// Input index as a tensor, or throws KernelError naming the input.
const Tensor& requireTensor(const KernelContext& context, int index, const char* what);
// A scalar integer input (int32 or int64, any single-element shape).
int64_t scalarInt(const Tensor& t, const char* what);
bool scalarBool(const Tensor& t, const char* what);

// Normalizes a possibly negative axis for a rank; throws KernelError when out of range.
int normalizeAxis(int64_t axis, int rank, const char* what);

// Elements [begin, begin + length) along axis, as a new tensor (the axis kept, of size length).
Tensor sliceAxis(const Tensor& t, int axis, int64_t begin, int64_t length);
// Element index along axis, with that axis removed.
Tensor takeAlongAxis(const Tensor& t, int axis, int64_t index);
// Stacks same-shaped tensors along a new axis at position axis. elementType and elementShape
// describe the result when parts is empty.
Tensor stackAlongNewAxis(const std::vector<Tensor>& parts, int axis, DataType elementType,
                         const Shape& elementShape);
// Concatenates tensors along an existing axis; all other dims must match (throws otherwise).
Tensor concatAlongAxis(const std::vector<Tensor>& parts, int axis);

} // namespace onnxscope::controlflow
