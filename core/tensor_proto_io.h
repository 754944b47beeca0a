// Conversion between onnx::TensorProto (and SequenceProto / OptionalProto / MapProto) and our
// Tensor / Value, and reading/writing them as .pb files.
//
// Reads every payload form: raw_data (little-endian), the typed repeated fields (float_data,
// int32_data for 8/16-bit, bool, float16, bfloat16 and float8/int4 types, int64_data, ...),
// string_data, and external data through an ExternalDataStore. Sub-byte types are unpacked on
// read and packed (first element in the lowest bits) on write. Sizes are validated against the
// payload before anything is allocated; errors name the tensor.
#pragma once

#include "external_data.h"
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

// The element type a TensorProto declares. The one place data_type is read, because Debian's
// libonnx 1.12 enum stops at BFLOAT16 while the files we read use types up to 26.
Result<DataType> tensorProtoDataType(const onnx::TensorProto& proto);

// Sub-byte types (int4/uint4/float4e2m1: 4 bits, int2/uint2: 2 bits), first element in the lowest
// bits. unpack reads ceil(count * bits / 8) bytes and writes count bytes, sign-extending the
// signed types into int8; pack does the reverse, masking each value to its width.
void unpackSubByte(DataType type, const uint8_t* packed, int64_t count, uint8_t* out);
void packSubByte(DataType type, const uint8_t* values, int64_t count, uint8_t* packed);
// Bytes a tensor's payload takes when serialized (raw_data / external data).
size_t serializedByteSize(DataType type, int64_t count);

// The payload of a tensor stored as external data, after every check a hostile file calls for:
// the location stays inside the model's folder, offset and length are plain decimal numbers,
// length equals dims x element size, and the range lies inside the file. Model loading runs it
// for every external tensor, so a file that lies about sizes is refused when it is opened.
Result<ExternalBytes> externalTensorBytes(const onnx::TensorProto& proto, const ExternalDataStore* store);

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

// The reverse of the value readers (writeValuePb uses them).
Status valueToSequenceProto(const Value& value, onnx::SequenceProto& proto, const std::string& name = {});
Status valueToOptionalProto(const Value& value, onnx::OptionalProto& proto, const std::string& name = {});
Status valueToMapProto(const Value& value, onnx::MapProto& proto, const std::string& name = {});

} // namespace onnxscope
