// A kernel template for elementwise ops with one input and an output of the same type: the
// unary math functions and the activations. An op is a small functor built from the node (its
// attributes) with a templated operator() for each C++ element type it accepts; narrow float
// types run the float instantiation between a widen and a narrow.
#pragma once

#include "elementwise.h"
#include "vector_math.h"

#include <type_traits>
#include <utility>

namespace onnxscope {

enum UnaryTypes : int {
    kFloatTypes = 1,   // float, double, float16, bfloat16
    kSignedInts = 2,   // int8..int64
    kUnsignedInts = 4, // uint8..uint64
    kAllNumeric = kFloatTypes | kSignedInts | kUnsignedInts,
};

template <typename T> constexpr int typeClass() {
    if constexpr (std::is_floating_point_v<T>)
        return kFloatTypes;
    else if constexpr (std::is_signed_v<T>)
        return kSignedInts;
    else
        return kUnsignedInts;
}

template <typename Op, int Types> class UnaryKernel final : public Kernel {
public:
    explicit UnaryKernel(const NodeDesc& node)
        : m_op(node)
        , m_opType(node.opType) {}

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        const DataType type = x->dataType();
        const int threads = context.threadCount();
        // Ops with a whole-array float loop (Op::floatRows, from vector_math.h) use it.
        auto mapFloat = [&](const float* in, float* out, int64_t count) {
            if constexpr (requires { Op::floatRows; })
                mapChunks(in, out, count, threads, Op::floatRows);
            else
                mapElements(in, out, count, threads, [this](float v) { return m_op(v); });
        };
        if (type == DataType::Float && (Types & kFloatTypes)) {
            // Element by element, so x can take the result where this is its last read (x's
            // pointer is then no longer valid); otherwise a new output, not zeroed first.
            OutputOverInput y = outputOverInput(context, 0);
            mapFloat(static_cast<const float*>(y.source), y.output.data<float>(), y.output.elementCount());
            context.setOutput(0, Value(std::move(y.output)));
            return {};
        }
        if (isNarrowFloat(type) && (Types & kFloatTypes)) {
            Tensor wide = widenToFloat(*x, context.threadCount());
            Tensor result(DataType::Float, x->shape());
            mapFloat(wide.data<float>(), result.data<float>(), x->elementCount());
            Tensor& y = context.allocateOutput(0, type, x->shape());
            narrowFromFloat(result.data<float>(), type, y.mutableRawData(), y.elementCount(), true, threads);
            return {};
        }
        bool handled = false;
        dispatchNumeric(type, [&](auto tag) {
            using T = typename decltype(tag)::type;
            if constexpr ((Types & typeClass<T>()) != 0) {
                Tensor& y = context.allocateOutput(0, type, x->shape());
                mapElements(x->data<T>(), y.data<T>(), x->elementCount(), threads,
                            [this](T v) { return static_cast<T>(m_op(v)); });
                handled = true;
            }
        });
        if (!handled)
            return Status::error(typeError(m_opType.c_str(), type));
        return {};
    }

private:
    Op m_op;
    std::string m_opType;
};

template <typename Op, int Types> Result<std::unique_ptr<Kernel>> makeUnary(const NodeDesc& node) {
    return std::unique_ptr<Kernel>(new UnaryKernel<Op, Types>(node));
}

} // namespace onnxscope
