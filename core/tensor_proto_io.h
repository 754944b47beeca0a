// Conversion between onnx::TensorProto (and SequenceProto / OptionalProto / MapProto) and our
// Tensor / Value, and reading/writing them as .pb files.
//
// Reads every payload form: raw_data (little-endian), the typed repeated fields (float_data,
// int32_data for 8/16-bit, bool, float16, bfloat16 and float8/int4 types, int64_data, ...),
// string_data, and external data through an ExternalDataStore. Sub-byte types are unpacked on
// read and packed (first element in the lowest bits) on write. Sizes are validated against the
// payload before anything is allocated; errors name the tensor.
#pragma once

#include "status.h"
#include "tensor.h"
#include "value.h"

#include <filesystem>
#include <string>

namespace onnx {
class TensorProto;
class SequenceProto;
class OptionalProto;
class MapProto;
} // namespace onnx

namespace onnxscope {

class ExternalDataStore;

// store may be null when the tensor cannot use external data (an error is returned if it does).
// Large raw_data is copied; external data is viewed in place (read-only, mmap).
Result<Tensor> tensorFromProto(const onnx::TensorProto& proto, const ExternalDataStore* store = nullptr);
// Writes raw_data (or string_data for STRING). name is set on the proto.
void tensorToProto(const Tensor& tensor, onnx::TensorProto& proto, const std::string& name = {});

Result<Value> valueFromSequenceProto(const onnx::SequenceProto& proto);
Result<Value> valueFromOptionalProto(const onnx::OptionalProto& proto);
Result<Value> valueFromMapProto(const onnx::MapProto& proto);

// What a .pb file holds; the graph input/output type decides (see onnx-tests README).
enum class PbKind { Tensor, Sequence, Optional, Map };

Result<Value> readValuePb(const std::filesystem::path& file, PbKind kind = PbKind::Tensor);
Result<Tensor> readTensorPb(const std::filesystem::path& file);
// Atomic write of a TensorProto (or SequenceProto / OptionalProto for such values).
Status writeValuePb(const std::filesystem::path& file, const Value& value, const std::string& name = {});

} // namespace onnxscope
