// Reads a .pb file as the value a graph input or output declares: the message kind (tensor,
// sequence, optional, map) follows the declared type, and 16-bit payloads stored as UINT16
// (how onnx 1.12's generators wrote bfloat16 test data) are read as the declared float type.
#pragma once

#include "core/tensor_proto_io.h"
#include "execution_plan.h"

#include <filesystem>

namespace onnxscope {

PbKind pbKindFor(const ValueInfo& declared);
// A UINT16 tensor reinterpreted, bit for bit, as the declared BFLOAT16/FLOAT16; anything else as is.
Value asDeclaredType(Value value, const ValueInfo& declared);
Result<Value> readDeclaredValuePb(const std::filesystem::path& file, const ValueInfo& declared);

} // namespace onnxscope
