// The kernel of a Constant node: its value is read from the attributes when planning and
// handed out unchanged on every run.
#pragma once

#include "kernel.h"

namespace onnxscope {

// Fails for a Constant without a supported value attribute (sparse_value).
Result<std::unique_ptr<Kernel>> makeConstantKernel(const NodeDesc& node);
// The value a Constant node produces.
Result<Value> constantValue(const NodeDesc& node);

} // namespace onnxscope
