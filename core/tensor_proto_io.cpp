#include "tensor_proto_io.h"

#include "external_data.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <optional>

namespace onnxscope {

namespace {

std::string describe(const onnx::TensorProto& proto) {
    return proto.name().empty() ? std::string("unnamed tensor") : "tensor '" + proto.name() + "'";
}

Status tensorError(const onnx::TensorProto& proto, const std::string& message) {
    return Status::error(describe(proto) + ": " + message);
}

// raw_data and external data are little-endian; only a big-endian host has work to do.
void fromLittleEndian(void* data, size_t elementBytes, int64_t count) {
    if constexpr (std::endian::native == std::endian::little)
        return;
    if (elementBytes <= 1)
        return;
    auto* bytes = static_cast<uint8_t*>(data);
    for (int64_t i = 0; i < count; ++i)
        std::reverse(bytes + i * elementBytes, bytes + (i + 1) * elementBytes);
}

// Complex numbers swap per float/double component, not per element.
size_t swapUnit(DataType type) {
    if (type == DataType::Complex64)
        return 4;
    if (type == DataType::Complex128)
        return 8;
    return elementByteSize(type);
}

int64_t swapCount(DataType type, int64_t count) {
    return (type == DataType::Complex64 || type == DataType::Complex128) ? count * 2 : count;
}

// Fills tensor (already allocated) from a little-endian serialized payload of the right size.
void decodeSerialized(Tensor& tensor, const uint8_t* bytes) {
    DataType type = tensor.dataType();
    auto* out = static_cast<uint8_t*>(tensor.mutableRawData());
    if (isSubByte(type)) {
        unpackSubByte(type, bytes, tensor.elementCount(), out);
        return;
    }
    if (tensor.byteSize() > 0)
        std::memcpy(out, bytes, tensor.byteSize());
    if (type == DataType::Bool) {
        for (int64_t i = 0; i < tensor.elementCount(); ++i)
            out[i] = out[i] != 0;
    }
    fromLittleEndian(out, swapUnit(type), swapCount(type, tensor.elementCount()));
}

template <typename Field>
Status checkFieldSize(const onnx::TensorProto& proto, const Field& field, const char* fieldName,
                      int64_t expected) {
    if (static_cast<int64_t>(field.size()) != expected)
        return tensorError(proto, std::string(fieldName) + " holds " + std::to_string(field.size()) +
                                      " values, expected " + std::to_string(expected));
    return {};
}

template <typename T, typename Field> void copyField(const Field& field, Tensor& tensor) {
    T* out = static_cast<T*>(tensor.mutableRawData());
    for (int i = 0; i < field.size(); ++i)
        out[i] = static_cast<T>(field.Get(i));
}

// Which typed field a data type uses, and how many entries it must hold. With tensor null only
// the sizes are checked, so a tiny field cannot make us allocate a huge claimed shape.
Status readTypedFields(const onnx::TensorProto& proto, DataType type, int64_t count, Tensor* tensor) {
    switch (type) {
    case DataType::Float:
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.float_data(), "float_data", count));
        if (!tensor)
            return {};
        copyField<float>(proto.float_data(), *tensor);
        return {};
    case DataType::Complex64:
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.float_data(), "float_data", count * 2));
        if (!tensor)
            return {};
        copyField<float>(proto.float_data(), *tensor);
        return {};
    case DataType::Double:
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.double_data(), "double_data", count));
        if (!tensor)
            return {};
        copyField<double>(proto.double_data(), *tensor);
        return {};
    case DataType::Complex128:
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.double_data(), "double_data", count * 2));
        if (!tensor)
            return {};
        copyField<double>(proto.double_data(), *tensor);
        return {};
    case DataType::Int64:
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.int64_data(), "int64_data", count));
        if (!tensor)
            return {};
        copyField<int64_t>(proto.int64_data(), *tensor);
        return {};
    case DataType::Uint32:
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.uint64_data(), "uint64_data", count));
        if (!tensor)
            return {};
        copyField<uint32_t>(proto.uint64_data(), *tensor);
        return {};
    case DataType::Uint64:
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.uint64_data(), "uint64_data", count));
        if (!tensor)
            return {};
        copyField<uint64_t>(proto.uint64_data(), *tensor);
        return {};
    case DataType::Int32:
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.int32_data(), "int32_data", count));
        if (!tensor)
            return {};
        copyField<int32_t>(proto.int32_data(), *tensor);
        return {};
    case DataType::Int8:
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.int32_data(), "int32_data", count));
        if (!tensor)
            return {};
        copyField<int8_t>(proto.int32_data(), *tensor);
        return {};
    case DataType::Int16:
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.int32_data(), "int32_data", count));
        if (!tensor)
            return {};
        copyField<int16_t>(proto.int32_data(), *tensor);
        return {};
    case DataType::Uint16:
    case DataType::Float16:
    case DataType::BFloat16:
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.int32_data(), "int32_data", count));
        if (!tensor)
            return {};
        copyField<uint16_t>(proto.int32_data(), *tensor);
        return {};
    case DataType::Bool: {
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.int32_data(), "int32_data", count));
        if (!tensor)
            return {};
        auto* out = static_cast<uint8_t*>(tensor->mutableRawData());
        for (int i = 0; i < proto.int32_data_size(); ++i)
            out[i] = proto.int32_data(i) != 0;
        return {};
    }
    case DataType::Uint8:
    case DataType::Float8E4M3FN:
    case DataType::Float8E4M3FNUZ:
    case DataType::Float8E5M2:
    case DataType::Float8E5M2FNUZ:
    case DataType::Float8E8M0:
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.int32_data(), "int32_data", count));
        if (!tensor)
            return {};
        copyField<uint8_t>(proto.int32_data(), *tensor);
        return {};
    case DataType::Uint4:
    case DataType::Int4:
    case DataType::Float4E2M1:
    case DataType::Uint2:
    case DataType::Int2: {
        // int32_data holds the packed bytes, one byte per entry.
        auto packedCount = static_cast<int64_t>(serializedByteSize(type, count));
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.int32_data(), "int32_data", packedCount));
        if (!tensor)
            return {};
        std::vector<uint8_t> packed(static_cast<size_t>(packedCount));
        for (int i = 0; i < proto.int32_data_size(); ++i)
            packed[static_cast<size_t>(i)] = static_cast<uint8_t>(proto.int32_data(i));
        unpackSubByte(type, packed.data(), count, static_cast<uint8_t*>(tensor->mutableRawData()));
        return {};
    }
    case DataType::String: {
        OS_RETURN_IF_ERROR(checkFieldSize(proto, proto.string_data(), "string_data", count));
        if (!tensor)
            return {};
        auto* out = static_cast<std::string*>(tensor->mutableRawData());
        for (int i = 0; i < proto.string_data_size(); ++i)
            out[i] = proto.string_data(i);
        return {};
    }
    case DataType::Undefined:
        break;
    }
    return tensorError(proto, "has no payload for its element type");
}

bool hasTypedPayload(const onnx::TensorProto& proto) {
    return proto.float_data_size() > 0 || proto.int32_data_size() > 0 || proto.string_data_size() > 0 ||
           proto.int64_data_size() > 0 || proto.double_data_size() > 0 || proto.uint64_data_size() > 0;
}

struct ExternalInfo {
    std::string location;
    uint64_t offset = 0;
    std::optional<uint64_t> length;
};

// Plain decimal only: no sign, no spaces, nothing after the digits ("12abc" is refused).
std::optional<uint64_t> parseUnsigned(const std::string& text) {
    uint64_t value = 0;
    const char* end = text.data() + text.size();
    auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || stop != end)
        return std::nullopt;
    return value;
}

Result<ExternalInfo> externalInfo(const onnx::TensorProto& proto) {
    ExternalInfo info;
    for (const auto& entry : proto.external_data()) {
        if (entry.key() == "location") {
            info.location = entry.value();
        } else if (entry.key() == "offset" || entry.key() == "length") {
            auto value = parseUnsigned(entry.value());
            if (!value)
                return tensorError(proto, "external_data " + entry.key() + " '" + entry.value() +
                                              "' is not a non-negative integer");
            if (entry.key() == "offset")
                info.offset = *value;
            else
                info.length = *value;
        }
    }
    if (info.location.empty())
        return tensorError(proto, "external data without a location");
    return info;
}

Result<int64_t> elementCountOf(const onnx::TensorProto& proto, DataType type) {
    Shape shape(proto.dims().begin(), proto.dims().end());
    for (int64_t d : shape) {
        if (d < 0)
            return tensorError(proto, "negative dimension in shape " + shapeToString(shape));
    }
    auto count = checkedElementCount(shape, elementByteSize(type));
    if (!count)
        return tensorError(proto, "shape " + shapeToString(shape) + " overflows the element count");
    return *count;
}

Result<ExternalBytes> externalBytes(const onnx::TensorProto& proto, DataType type, int64_t count,
                                    const ExternalDataStore* store) {
    if (!store)
        return tensorError(proto, "uses external data, but no model folder is known to resolve it");
    if (type == DataType::String)
        return tensorError(proto, "STRING tensors cannot use external data");
    OS_ASSIGN_OR_RETURN(ExternalInfo info, externalInfo(proto));
    const size_t expected = serializedByteSize(type, count);
    if (info.length && *info.length != expected)
        return tensorError(
            proto, "external data length " + std::to_string(*info.length) + " does not match " +
                       std::to_string(expected) + " bytes for " + std::string(dataTypeName(type)) + " " +
                       shapeToString(std::vector<int64_t>(proto.dims().begin(), proto.dims().end())));
    OS_ASSIGN_OR_RETURN(ExternalBytes bytes, store->read(info.location, info.offset, expected, proto.name()));
    if (bytes.size != expected)
        return tensorError(proto, "external data '" + info.location + "' gave " + std::to_string(bytes.size) +
                                      " bytes, expected " + std::to_string(expected));
    return bytes;
}

Result<Tensor> readExternal(const onnx::TensorProto& proto, DataType type, Shape shape, int64_t count,
                            const ExternalDataStore* store) {
    OS_ASSIGN_OR_RETURN(ExternalBytes bytes, externalBytes(proto, type, count, store));
    bool aligned = reinterpret_cast<uintptr_t>(bytes.data) % std::max<size_t>(1, swapUnit(type)) == 0;
    // Viewing the mapping in place is only possible when memory and file layouts agree.
    if (aligned && !isSubByte(type) && type != DataType::Bool && std::endian::native == std::endian::little) {
        auto view = Tensor::view(type, std::move(shape), bytes.data, bytes.keepAlive);
        if (!view.ok())
            return view.status().withContext(describe(proto) + ": ");
        return view;
    }
    auto tensor = Tensor::allocate(type, std::move(shape));
    if (!tensor.ok())
        return tensor.status().withContext(describe(proto) + ": ");
    decodeSerialized(*tensor, reinterpret_cast<const uint8_t*>(bytes.data));
    return tensor;
}

} // namespace

Result<ExternalBytes> externalTensorBytes(const onnx::TensorProto& proto, const ExternalDataStore* store) {
    OS_ASSIGN_OR_RETURN(DataType type, tensorProtoDataType(proto));
    OS_ASSIGN_OR_RETURN(int64_t count, elementCountOf(proto, type));
    return externalBytes(proto, type, count, store);
}

Result<DataType> tensorProtoDataType(const onnx::TensorProto& proto) {
    int32_t number = proto.data_type();
    auto type = dataTypeFromInt(number);
    if (!type)
        return tensorError(proto, "unknown data_type " + std::to_string(number));
    if (*type == DataType::Undefined)
        return tensorError(proto, "data_type is UNDEFINED (0)");
    return *type;
}

size_t serializedByteSize(DataType type, int64_t count) {
    auto n = static_cast<uint64_t>(count);
    int bits = serializedBitWidth(type);
    if (bits > 0 && bits < 8)
        return static_cast<size_t>((n * static_cast<uint64_t>(bits) + 7) / 8);
    return static_cast<size_t>(n * elementByteSize(type));
}

void unpackSubByte(DataType type, const uint8_t* packed, int64_t count, uint8_t* out) {
    int bits = serializedBitWidth(type);
    int perByte = 8 / bits;
    auto mask = static_cast<uint8_t>((1 << bits) - 1);
    bool isSigned = type == DataType::Int4 || type == DataType::Int2;
    for (int64_t i = 0; i < count; ++i) {
        int shift = static_cast<int>(i % perByte) * bits;
        auto v = static_cast<uint8_t>((packed[i / perByte] >> shift) & mask);
        if (isSigned && (v & (1 << (bits - 1))))
            v = static_cast<uint8_t>(v | ~mask); // sign-extend into int8 storage
        out[i] = v;
    }
}

void packSubByte(DataType type, const uint8_t* values, int64_t count, uint8_t* packed) {
    int bits = serializedBitWidth(type);
    int perByte = 8 / bits;
    auto mask = static_cast<uint8_t>((1 << bits) - 1);
    std::memset(packed, 0, serializedByteSize(type, count));
    for (int64_t i = 0; i < count; ++i) {
        int shift = static_cast<int>(i % perByte) * bits;
        packed[i / perByte] = static_cast<uint8_t>(packed[i / perByte] | ((values[i] & mask) << shift));
    }
}

Result<Tensor> tensorFromProto(const onnx::TensorProto& proto, const ExternalDataStore* store) {
    OS_ASSIGN_OR_RETURN(DataType type, tensorProtoDataType(proto));
    OS_ASSIGN_OR_RETURN(int64_t count, elementCountOf(proto, type));
    Shape shape(proto.dims().begin(), proto.dims().end());
    if (proto.has_segment())
        return tensorError(proto, "segmented tensors are not supported");

    if (proto.data_location() == onnx::TensorProto_DataLocation_EXTERNAL)
        return readExternal(proto, type, std::move(shape), count, store);

    if (proto.has_raw_data() && type != DataType::String) {
        size_t expected = serializedByteSize(type, count);
        if (proto.raw_data().size() != expected)
            return tensorError(proto, "raw_data has " + std::to_string(proto.raw_data().size()) +
                                          " bytes, expected " + std::to_string(expected) + " for " +
                                          std::string(dataTypeName(type)) + " " + shapeToString(shape));
        auto tensor = Tensor::allocate(type, std::move(shape));
        if (!tensor.ok())
            return tensor.status().withContext(describe(proto) + ": ");
        decodeSerialized(*tensor, reinterpret_cast<const uint8_t*>(proto.raw_data().data()));
        return tensor;
    }
    if (count == 0 && !hasTypedPayload(proto))
        return Tensor(type, std::move(shape));
    if (count > 0 && !hasTypedPayload(proto))
        return tensorError(proto,
                           std::string(dataTypeName(type)) + " " + shapeToString(shape) + " has no data");
    OS_RETURN_IF_ERROR(readTypedFields(proto, type, count, nullptr));
    auto tensor = Tensor::allocate(type, std::move(shape));
    if (!tensor.ok())
        return tensor.status().withContext(describe(proto) + ": ");
    OS_RETURN_IF_ERROR(readTypedFields(proto, type, count, &*tensor));
    return tensor;
}

void tensorToProto(const Tensor& tensor, onnx::TensorProto& proto, const std::string& name) {
    proto.Clear();
    if (!name.empty())
        proto.set_name(name);
    proto.set_data_type(static_cast<int32_t>(tensor.dataType()));
    for (int64_t d : tensor.shape())
        proto.add_dims(d);
    DataType type = tensor.dataType();
    if (type == DataType::String) {
        for (const std::string& s : tensor.values<std::string>())
            proto.add_string_data(s);
        return;
    }
    std::string* raw = proto.mutable_raw_data();
    raw->resize(serializedByteSize(type, tensor.elementCount()));
    if (raw->empty())
        return;
    auto* out = reinterpret_cast<uint8_t*>(raw->data());
    if (isSubByte(type)) {
        packSubByte(type, static_cast<const uint8_t*>(tensor.rawData()), tensor.elementCount(), out);
        return;
    }
    std::memcpy(out, tensor.rawData(), raw->size());
    fromLittleEndian(out, swapUnit(type), swapCount(type, tensor.elementCount()));
}

} // namespace onnxscope
