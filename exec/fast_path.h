// Fast-path kernels: implementations (oneDNN) that take over part of an op from the reference.
//
// A fast path handles the inputs it can compute exactly (float32, supported ranks and
// attributes) and says so per call; for anything else its caller runs the reference kernel.
// Constant inputs (initializers, and weights folded by fusion) are handed over once per
// session, so a fast path can reorder them into its packed layout once and not on every run.
#pragma once

#include "core/tensor.h"
#include "kernel.h"

namespace onnxscope {

class FastPathKernel : public Kernel {
public:
    // Input `index` has this value on every run. A fused kernel also receives weights that
    // replace an input (folded BatchNormalization); it then ignores that input slot. The
    // kernel keeps the tensor, so the storage whose address it caches by stays alive.
    virtual void bindConstantInput(int index, const Tensor& value) = 0;
    // Whether compute() handles these inputs; when not, the caller runs the reference.
    virtual bool handles(const KernelContext& context) const = 0;
};

} // namespace onnxscope
