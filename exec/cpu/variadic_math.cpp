// Variadic elementwise ops with broadcasting over all inputs (Sum, Mean, Max, Min) and Where.
// One pass over the output: each innermost run starts from the first input and folds the
// others in while the run is still in cache.
#include "math_kernels.h"
#include "unary_kernel.h"

#include "exec/kernel_registry.h"

#include <cmath>

namespace onnxscope {

namespace {

enum class FoldOp { Sum, Mean, Max, Min };

class VariadicKernel final : public Kernel {
public:
    explicit VariadicKernel(const NodeDesc& node)
        : m_opType(node.opType) {
        m_op = node.opType == "Sum"    ? FoldOp::Sum
               : node.opType == "Mean" ? FoldOp::Mean
               : node.opType == "Max"  ? FoldOp::Max
                                       : FoldOp::Min;
    }

    Status compute(KernelContext& context) const override {
        std::vector<const Tensor*> inputs;
        std::vector<Shape> shapes;
        for (int i = 0; i < context.inputCount(); ++i) {
            const Tensor* t = context.inputTensor(i);
            if (!t)
                continue;
            if (!inputs.empty() && t->dataType() != inputs[0]->dataType())
                return Status::error(m_opType + ": input " + std::to_string(i) + " has type " +
                                     std::string(dataTypeName(t->dataType())) + ", expected " +
                                     std::string(dataTypeName(inputs[0]->dataType())));
            inputs.push_back(t);
            shapes.push_back(t->shape());
        }
        if (inputs.empty())
            return Status::error(m_opType + ": needs at least one input");
        OS_ASSIGN_OR_RETURN(BroadcastPlan plan, planBroadcast(shapes));
        const DataType type = inputs[0]->dataType();
        const int threads = context.threadCount();
        if (isNarrowFloat(type)) {
            std::vector<Tensor> wide;
            std::vector<const float*> data;
            for (const Tensor* t : inputs)
                wide.push_back(widenToFloat(*t, context.threadCount()));
            for (const Tensor& t : wide)
                data.push_back(t.data<float>());
            Tensor r(DataType::Float, plan.outputShape);
            fold<float>(plan, data, r.data<float>(), threads);
            context.setOutput(0, narrowFromFloat(r, type, true, context.threadCount()));
            return {};
        }
        bool isFloat = isFloatingPoint(type);
        if (!isFloat && (m_op == FoldOp::Sum || m_op == FoldOp::Mean) && m_opType != "Sum")
            return Status::error(typeError(m_opType.c_str(), type));
        bool handled = dispatchNumeric(type, [&](auto tag) {
            using T = typename decltype(tag)::type;
            std::vector<const T*> data;
            for (const Tensor* t : inputs)
                data.push_back(t->data<T>());
            Tensor& y = context.allocateOutput(0, type, plan.outputShape);
            fold<T>(plan, data, y.data<T>(), threads);
        });
        return handled ? Status() : Status::error(typeError(m_opType.c_str(), type));
    }

private:
    template <typename T> static T combine(FoldOp op, T acc, T v) {
        if constexpr (std::is_floating_point_v<T>) {
            if (op == FoldOp::Max || op == FoldOp::Min) {
                if (std::isnan(acc) || std::isnan(v))
                    return std::isnan(acc) ? acc : v; // NaN wins, as numpy's maximum/minimum
            }
        }
        switch (op) {
        case FoldOp::Max:
            return acc < v ? v : acc;
        case FoldOp::Min:
            return v < acc ? v : acc;
        default:
            if constexpr (std::is_integral_v<T>)
                return T(std::make_unsigned_t<T>(acc) + std::make_unsigned_t<T>(v));
            else
                return acc + v;
        }
    }

    template <typename T>
    void fold(const BroadcastPlan& plan, const std::vector<const T*>& data, T* out, int threads) const {
        const FoldOp op = m_op;
        const size_t n = data.size();
        forEachRun(plan, threads, [&](int64_t o, const int64_t* in, int64_t len, const int64_t* step) {
            T* po = out + o;
            const T* p0 = data[0] + in[0];
            for (int64_t i = 0; i < len; ++i)
                po[i] = p0[i * step[0]];
            for (size_t k = 1; k < n; ++k) {
                const T* pk = data[k] + in[k];
                const int64_t s = step[k];
                for (int64_t i = 0; i < len; ++i)
                    po[i] = combine(op, po[i], pk[i * s]);
            }
            if constexpr (std::is_floating_point_v<T>) {
                if (op == FoldOp::Mean)
                    for (int64_t i = 0; i < len; ++i)
                        po[i] /= T(n);
            }
        });
    }

    FoldOp m_op;
    std::string m_opType;
};

template <typename T>
void whereTyped(const BroadcastPlan& plan, const uint8_t* cond, const T* x, const T* y, T* out, int threads) {
    forEachRun(plan, threads, [&](int64_t o, const int64_t* in, int64_t len, const int64_t* step) {
        const uint8_t* pc = cond + in[0];
        const T* px = x + in[1];
        const T* py = y + in[2];
        T* po = out + o;
        for (int64_t i = 0; i < len; ++i)
            po[i] = pc[i * step[0]] ? px[i * step[1]] : py[i * step[2]];
    });
}

class WhereKernel final : public Kernel {
public:
    explicit WhereKernel(const NodeDesc&) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* c, requireInput(context, 0));
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 1));
        OS_ASSIGN_OR_RETURN(const Tensor* y, requireInput(context, 2));
        if (c->dataType() != DataType::Bool)
            return Status::error("Where: condition must be bool, got " +
                                 std::string(dataTypeName(c->dataType())));
        if (x->dataType() != y->dataType())
            return Status::error("Where: X and Y types differ (" + std::string(dataTypeName(x->dataType())) +
                                 " and " + std::string(dataTypeName(y->dataType())) + ")");
        OS_ASSIGN_OR_RETURN(BroadcastPlan plan, planBroadcast({c->shape(), x->shape(), y->shape()}));
        const DataType type = x->dataType();
        Tensor& out = context.allocateOutput(0, type, plan.outputShape);
        const uint8_t* cond = c->data<uint8_t>();
        const int threads = context.threadCount();
        // Elements only move, so any type of the same size shares one instantiation.
        if (type == DataType::String) {
            whereTyped(plan, cond, x->data<std::string>(), y->data<std::string>(), out.data<std::string>(),
                       threads);
            return {};
        }
        switch (elementByteSize(type)) {
        case 1:
            whereTyped(plan, cond, x->data<uint8_t>(), y->data<uint8_t>(), out.data<uint8_t>(), threads);
            return {};
        case 2:
            whereTyped(plan, cond, x->data<uint16_t>(), y->data<uint16_t>(), out.data<uint16_t>(), threads);
            return {};
        case 4:
            whereTyped(plan, cond, x->data<uint32_t>(), y->data<uint32_t>(), out.data<uint32_t>(), threads);
            return {};
        case 8:
            whereTyped(plan, cond, x->data<uint64_t>(), y->data<uint64_t>(), out.data<uint64_t>(), threads);
            return {};
        default:
            return Status::error(typeError("Where", type));
        }
    }
};

} // namespace

void registerVariadicKernels(KernelRegistry& r) {
    for (const char* op : {"Sum", "Mean", "Max", "Min"})
        r.add(op, 1, &makeKernel<VariadicKernel>);
    r.add("Where", 9, &makeKernel<WhereKernel>);
}

} // namespace onnxscope
