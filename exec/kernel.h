// The kernel interface: what one node's implementation sees and returns.
//
// A kernel parses its attributes once, in its constructor (from a NodeDesc), and computes with a
// const compute() that returns a Status. Inputs and outputs go through a KernelContext, which
// the session (or KernelRunner, for a single node) implements. Failing to allocate or an
// invalid output shape throws KernelError inside compute(); the executor turns it, and any
// other exception, into a Status that names the node.
#pragma once

#include "core/status.h"
#include "core/value.h"
#include "node_desc.h"

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace onnxscope {

class KernelError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class KernelContext {
public:
    virtual ~KernelContext() = default;

    virtual int inputCount() const = 0;
    // nullptr for an omitted optional input (empty name) or an index past the end.
    virtual const Value* input(int index) const = 0;
    const Tensor* inputTensor(int index) const {
        const Value* v = input(index);
        return v && v->isTensor() ? &v->tensor : nullptr;
    }
    bool hasInput(int index) const { return input(index) != nullptr; }

    virtual int outputCount() const = 0;
    // Allocates (zeroed) output storage; throws KernelError for an invalid shape.
    virtual Tensor& allocateOutput(int index, DataType type, Shape shape) = 0;
    virtual void setOutput(int index, Value value) = 0;

    // Threads the kernel may use (the session's --threads setting).
    virtual int threadCount() const { return 1; }

    // Input `index`'s tensor, handed over for the kernel to write an output into (a residual
    // sum computed in place), when this node is its last reader and nothing else holds its
    // storage; the input then reads as absent (pointers from input(index) no longer hold). An
    // empty tensor otherwise, and always outside a session run that frees values after their
    // last reader.
    virtual Tensor takeInputForReuse(int index) {
        (void)index;
        return {};
    }

    // Runs a subgraph attribute's body with the given inputs; values from enclosing scopes are
    // resolved by the session. Implemented by the session; others return an error.
    virtual Result<std::vector<Value>> runGraph(const GraphBody& body, std::vector<Value> inputs) {
        (void)body;
        (void)inputs;
        return Status::error("subgraphs cannot run in this context");
    }
};

// The output of a kernel that writes each element after reading the same element of input
// `index` (elementwise ops, row-wise normalizations): that input's own storage where the context
// hands it over (takeInputForReuse), else a new uninitialized tensor of its type and shape.
// Read the input through `source` afterwards: once taken, input(index) no longer holds it.
struct OutputOverInput {
    Tensor output; // empty when input `index` is absent
    const void* source = nullptr;
};
inline OutputOverInput outputOverInput(KernelContext& ctx, int index) {
    const Tensor* x = ctx.inputTensor(index);
    if (!x)
        return {};
    Tensor taken = ctx.takeInputForReuse(index);
    if (taken.isValid()) {
        const void* data = taken.rawData();
        return {std::move(taken), data};
    }
    return {Tensor::uninitialized(x->dataType(), x->shape()), x->rawData()};
}

class Kernel {
public:
    virtual ~Kernel() = default;
    virtual Status compute(KernelContext& context) const = 0;
    // The library kernel that computes these inputs ("jit_wino_4x3:avx512_core",
    // "matrix-vector"), for profiles and tests; empty where one of our reference kernels does.
    // Reads the inputs only.
    virtual std::string implementation(const KernelContext&) const { return {}; }
};

using KernelFactory = Result<std::unique_ptr<Kernel>> (*)(const NodeDesc& node);

// The usual factory: construct K from the node. Kernels whose attributes can be invalid
// provide their own factory returning an error instead.
template <typename K> Result<std::unique_ptr<Kernel>> makeKernel(const NodeDesc& node) {
    return std::unique_ptr<Kernel>(new K(node));
}

} // namespace onnxscope
