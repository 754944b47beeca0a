#include "constant_kernel.h"

#include <algorithm>

namespace onnxscope {

namespace {

// The outputs of Constant are known when planning; the kernel hands out the same value each run.
class ConstantKernel final : public Kernel {
public:
    explicit ConstantKernel(Value value)
        : m_value(std::move(value)) {}
    Status compute(KernelContext& context) const override {
        context.setOutput(0, m_value);
        return {};
    }

private:
    Value m_value;
};

} // namespace

Result<Value> constantValue(const NodeDesc& node) {
    if (const Tensor* t = node.getTensor("value"))
        return Value(*t);
    if (const Attribute* a = node.attribute("value_float"))
        return Value(Tensor::scalar<float>(DataType::Float, a->f));
    if (const Attribute* a = node.attribute("value_int"))
        return Value(Tensor::scalar<int64_t>(DataType::Int64, a->i));
    if (const Attribute* a = node.attribute("value_string")) {
        Tensor t(DataType::String, {});
        *t.data<std::string>() = a->s;
        return Value(t);
    }
    if (const Attribute* a = node.attribute("value_floats")) {
        Tensor t(DataType::Float, {static_cast<int64_t>(a->floats.size())});
        std::copy(a->floats.begin(), a->floats.end(), t.data<float>());
        return Value(t);
    }
    if (const Attribute* a = node.attribute("value_ints")) {
        Tensor t(DataType::Int64, {static_cast<int64_t>(a->ints.size())});
        std::copy(a->ints.begin(), a->ints.end(), t.data<int64_t>());
        return Value(t);
    }
    if (const Attribute* a = node.attribute("value_strings")) {
        Tensor t(DataType::String, {static_cast<int64_t>(a->strings.size())});
        std::copy(a->strings.begin(), a->strings.end(), t.data<std::string>());
        return Value(t);
    }
    return Status::error("Constant has no supported value attribute (sparse_value is not supported)");
}

Result<std::unique_ptr<Kernel>> makeConstantKernel(const NodeDesc& node) {
    OS_ASSIGN_OR_RETURN(Value value, constantValue(node));
    return std::unique_ptr<Kernel>(new ConstantKernel(std::move(value)));
}

} // namespace onnxscope
