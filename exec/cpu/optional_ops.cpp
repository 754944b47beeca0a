// Optional, OptionalHasElement and OptionalGetElement. An optional is a Value flagged
// isOptional: kind None when empty, otherwise the tensor or sequence it holds.
#include "control_flow_kernels.h"
#include "exec/kernel_registry.h"

namespace onnxscope {

namespace {

class OptionalKernel final : public Kernel {
public:
    explicit OptionalKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        const Value* v = context.input(0);
        Value out = v ? *v : Value();
        out.isOptional = true;
        context.setOutput(0, std::move(out));
        return {};
    }
};

class OptionalHasElementKernel final : public Kernel {
public:
    explicit OptionalHasElementKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        const Value* v = context.input(0);
        const bool has = v && !v->isNone();
        context.setOutput(0, Value(Tensor::scalar<uint8_t>(DataType::Bool, has ? 1 : 0)));
        return {};
    }
};

class OptionalGetElementKernel final : public Kernel {
public:
    explicit OptionalGetElementKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        const Value* v = context.input(0);
        if (!v || v->isNone())
            return Status::error("the optional input is empty");
        Value out = *v;
        out.isOptional = false;
        context.setOutput(0, std::move(out));
        return {};
    }
};

} // namespace

void registerOptionalOps(KernelRegistry& registry) {
    registry.add("Optional", 15, &makeKernel<OptionalKernel>);
    registry.add("OptionalHasElement", 15, &makeKernel<OptionalHasElementKernel>);
    registry.add("OptionalGetElement", 15, &makeKernel<OptionalGetElementKernel>);
}

} // namespace onnxscope
