// Helpers of the kernels with one float body and one double body (CausalConvWithState,
// LinearAttention, FlexAttention): checking that float-like inputs share one element type, and
// casting to the compute type (float for float/float16/bfloat16, double for double) and back.
#pragma once

#include "cast.h"
#include "nn_util.h" // isFloatLike

#include "core/status.h"

#include <initializer_list>
#include <string>
#include <utility>

namespace onnxscope {

// Ok when `type` is float-like and every given (non-null) input has it; otherwise an error
// naming the op and the offending input.
inline Status checkFloatInputs(const char* op, DataType type,
                               std::initializer_list<std::pair<const Tensor*, const char*>> inputs) {
    if (!isFloatLike(type))
        return Status::error(std::string(op) + ": unsupported element type " +
                             std::string(dataTypeName(type)));
    for (const auto& [tensor, name] : inputs)
        if (tensor && tensor->dataType() != type)
            return Status::error(std::string(op) + ": input " + name + " has element type " +
                                 std::string(dataTypeName(tensor->dataType())) + ", expected " +
                                 std::string(dataTypeName(type)));
    return Status();
}

// The compute type of a float-like element type: double stays double, the rest compute in float.
inline DataType computeTypeOf(DataType type) {
    return type == DataType::Double ? DataType::Double : DataType::Float;
}

// `t` cast to `type` (shared storage when it already has it); float results round to nearest
// even when narrowed back to float16/bfloat16.
inline Result<Tensor> castIfNeeded(const Tensor& t, DataType type) {
    if (t.dataType() == type)
        return t;
    return castTensor(t, type);
}

} // namespace onnxscope
