// Runs one kernel outside a session: given a node description and input values, returns the
// outputs. Used by kernel unit tests, differential tests (reference vs fast path vs OpenCL) and
// by "isolate this node" in mismatch debugging.
#pragma once

#include "kernel_registry.h"

namespace onnxscope {

// inputs[i] may be a None Value for an omitted optional input.
Result<std::vector<Value>> runKernel(const Kernel& kernel, const NodeDesc& node,
                                     const std::vector<Value>& inputs, int threads = 1);
// Looks the node up in the registry, creates its kernel and runs it.
Result<std::vector<Value>> runNode(const KernelRegistry& registry, const NodeDesc& node,
                                   const std::vector<Value>& inputs, int threads = 1);

} // namespace onnxscope
