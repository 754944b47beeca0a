// The sequence / optional / map half of tensor_proto_io.h, and the .pb file readers and writers.
#include "tensor_proto_io.h"

#include "atomic_file.h"
#include "external_data.h"

#include <onnx/onnx-data_pb.h>
#include <onnx/onnx_pb.h>

#include <cstring>
#include <limits>

namespace onnxscope {

namespace {

// SequenceProto.DataType and OptionalProto.DataType share these numbers.
enum ElemKind : int32_t {
    kUndefined = 0,
    kTensor = 1,
    kSparseTensor = 2,
    kSequence = 3,
    kMap = 4,
    kOptional = 5,
};

std::string describe(const std::string& what, const std::string& name) {
    return name.empty() ? "unnamed " + what : what + " '" + name + "'";
}

// Nesting is bounded so a hostile file cannot exhaust the stack (protobuf limits depth to 100 too).
constexpr int kMaxDepth = 64;

Result<Value> fromSequence(const onnx::SequenceProto& proto, int depth);
Result<Value> fromOptional(const onnx::OptionalProto& proto, int depth);
Result<Value> fromMap(const onnx::MapProto& proto, int depth);

Result<Value> fromSequence(const onnx::SequenceProto& proto, int depth) {
    std::string where = describe("sequence", proto.name());
    if (depth > kMaxDepth)
        return Status::error(where + ": nested too deeply");
    std::vector<Value> items;
    int32_t kind = proto.elem_type();
    if (kind == kSparseTensor || proto.sparse_tensor_values_size() > 0)
        return Status::error(where + ": sparse tensor elements are not supported");
    DataType elementType = DataType::Undefined;
    for (int i = 0; i < proto.tensor_values_size(); ++i) {
        auto tensor = tensorFromProto(proto.tensor_values(i));
        if (!tensor.ok())
            return tensor.status().withContext(where + " element " + std::to_string(i) + ": ");
        elementType = tensor->dataType();
        items.emplace_back(std::move(tensor).value());
    }
    for (int i = 0; i < proto.sequence_values_size(); ++i) {
        auto v = fromSequence(proto.sequence_values(i), depth + 1);
        if (!v.ok())
            return v.status().withContext(where + " element " + std::to_string(i) + ": ");
        elementType = v->elementType;
        items.push_back(std::move(v).value());
    }
    for (int i = 0; i < proto.map_values_size(); ++i) {
        auto v = fromMap(proto.map_values(i), depth + 1);
        if (!v.ok())
            return v.status().withContext(where + " element " + std::to_string(i) + ": ");
        elementType = v->elementType;
        items.push_back(std::move(v).value());
    }
    for (int i = 0; i < proto.optional_values_size(); ++i) {
        auto v = fromOptional(proto.optional_values(i), depth + 1);
        if (!v.ok())
            return v.status().withContext(where + " element " + std::to_string(i) + ": ");
        if (v->elementType != DataType::Undefined)
            elementType = v->elementType;
        items.push_back(std::move(v).value());
    }
    return Value::sequence(std::move(items), elementType);
}

Result<Value> fromOptional(const onnx::OptionalProto& proto, int depth) {
    std::string where = describe("optional", proto.name());
    if (depth > kMaxDepth)
        return Status::error(where + ": nested too deeply");
    Value value;
    if (proto.has_tensor_value()) {
        auto tensor = tensorFromProto(proto.tensor_value());
        if (!tensor.ok())
            return tensor.status().withContext(where + ": ");
        value = Value(std::move(tensor).value());
    } else if (proto.has_sequence_value()) {
        auto v = fromSequence(proto.sequence_value(), depth + 1);
        if (!v.ok())
            return v.status().withContext(where + ": ");
        value = std::move(v).value();
    } else if (proto.has_map_value()) {
        auto v = fromMap(proto.map_value(), depth + 1);
        if (!v.ok())
            return v.status().withContext(where + ": ");
        value = std::move(v).value();
    } else if (proto.has_optional_value()) {
        auto v = fromOptional(proto.optional_value(), depth + 1);
        if (!v.ok())
            return v.status().withContext(where + ": ");
        value = std::move(v).value();
    } else if (proto.has_sparse_tensor_value()) {
        return Status::error(where + ": sparse tensor values are not supported");
    }
    // elem_type with no value is an empty optional of that kind: Kind::None.
    value.isOptional = true;
    return value;
}

template <typename T> void fillKeys(Tensor& keys, const google::protobuf::RepeatedField<int64_t>& src) {
    T* out = keys.data<T>();
    for (int i = 0; i < src.size(); ++i)
        out[i] = static_cast<T>(src.Get(i));
}

Result<Tensor> mapKeys(const onnx::MapProto& proto, const std::string& where) {
    auto keyType = dataTypeFromInt(proto.key_type());
    if (!keyType)
        return Status::error(where + ": unknown key_type " + std::to_string(proto.key_type()));
    if (*keyType == DataType::String) {
        Tensor keys(DataType::String, {proto.string_keys_size()});
        for (int i = 0; i < proto.string_keys_size(); ++i)
            keys.data<std::string>()[i] = proto.string_keys(i);
        return keys;
    }
    Tensor keys(*keyType, {proto.keys_size()});
    switch (*keyType) {
    case DataType::Int8:
        fillKeys<int8_t>(keys, proto.keys());
        break;
    case DataType::Int16:
        fillKeys<int16_t>(keys, proto.keys());
        break;
    case DataType::Int32:
        fillKeys<int32_t>(keys, proto.keys());
        break;
    case DataType::Int64:
        fillKeys<int64_t>(keys, proto.keys());
        break;
    case DataType::Uint8:
        fillKeys<uint8_t>(keys, proto.keys());
        break;
    case DataType::Uint16:
        fillKeys<uint16_t>(keys, proto.keys());
        break;
    case DataType::Uint32:
        fillKeys<uint32_t>(keys, proto.keys());
        break;
    case DataType::Uint64:
        fillKeys<uint64_t>(keys, proto.keys());
        break;
    default:
        return Status::error(where + ": key_type " + std::string(dataTypeName(*keyType)) +
                             " is not an integer or string type");
    }
    return keys;
}

// Map values are a sequence with one scalar tensor per key; we store them as one 1-D tensor.
Result<Tensor> mapValues(const onnx::MapProto& proto, int64_t keyCount, const std::string& where) {
    const auto& seq = proto.values();
    if (seq.tensor_values_size() != keyCount)
        return Status::error(where + ": " + std::to_string(keyCount) + " keys but " +
                             std::to_string(seq.tensor_values_size()) + " tensor values" +
                             (seq.sequence_values_size() + seq.map_values_size() > 0
                                  ? " (non-tensor map values are not supported)"
                                  : ""));
    std::vector<Tensor> parts;
    DataType type = DataType::Undefined;
    for (int i = 0; i < seq.tensor_values_size(); ++i) {
        auto t = tensorFromProto(seq.tensor_values(i));
        if (!t.ok())
            return t.status().withContext(where + " value " + std::to_string(i) + ": ");
        if (t->elementCount() != 1 || (i > 0 && t->dataType() != type))
            return Status::error(where + ": value " + std::to_string(i) +
                                 " is not a scalar of the same type as the others");
        type = t->dataType();
        parts.push_back(std::move(t).value());
    }
    if (parts.empty())
        return Tensor(DataType::Float, {0});
    Tensor values(type, {keyCount});
    size_t bytes = elementByteSize(type);
    for (size_t i = 0; i < parts.size(); ++i) {
        if (type == DataType::String)
            values.data<std::string>()[i] = parts[i].data<std::string>()[0];
        else
            std::memcpy(static_cast<char*>(values.mutableRawData()) + i * bytes, parts[i].rawData(), bytes);
    }
    return values;
}

Result<Value> fromMap(const onnx::MapProto& proto, int) {
    std::string where = describe("map", proto.name());
    OS_ASSIGN_OR_RETURN(Tensor keys, mapKeys(proto, where));
    OS_ASSIGN_OR_RETURN(Tensor values, mapValues(proto, keys.elementCount(), where));
    Value v;
    v.kind = Value::Kind::Map;
    v.elementType = values.dataType();
    v.mapKeys = std::move(keys);
    v.mapValues = std::move(values);
    return v;
}

Status toSequence(const Value& value, onnx::SequenceProto& proto, const std::string& name);
Status toOptional(const Value& value, onnx::OptionalProto& proto, const std::string& name);
Status toMap(const Value& value, onnx::MapProto& proto, const std::string& name);

Status toSequence(const Value& value, onnx::SequenceProto& proto, const std::string& name) {
    proto.Clear();
    if (!name.empty())
        proto.set_name(name);
    if (!value.isSequence())
        return Status::error(describe("sequence", name) + ": value is not a sequence");
    proto.set_elem_type(kTensor);
    for (const Value& item : value.elements) {
        if (item.isOptional) {
            proto.set_elem_type(kOptional);
            OS_RETURN_IF_ERROR(toOptional(item, *proto.add_optional_values(), {}));
        } else if (item.isTensor()) {
            tensorToProto(item.tensor, *proto.add_tensor_values());
        } else if (item.isSequence()) {
            proto.set_elem_type(kSequence);
            OS_RETURN_IF_ERROR(toSequence(item, *proto.add_sequence_values(), {}));
        } else if (item.kind == Value::Kind::Map) {
            proto.set_elem_type(kMap);
            OS_RETURN_IF_ERROR(toMap(item, *proto.add_map_values(), {}));
        } else {
            return Status::error(describe("sequence", name) + ": an element has no value");
        }
    }
    return {};
}

Status toOptional(const Value& value, onnx::OptionalProto& proto, const std::string& name) {
    proto.Clear();
    if (!name.empty())
        proto.set_name(name);
    switch (value.kind) {
    case Value::Kind::None:
        // An empty optional still says what it would hold; a tensor unless told otherwise.
        proto.set_elem_type(kTensor);
        return {};
    case Value::Kind::Tensor:
        proto.set_elem_type(kTensor);
        tensorToProto(value.tensor, *proto.mutable_tensor_value());
        return {};
    case Value::Kind::Sequence:
        proto.set_elem_type(kSequence);
        return toSequence(value, *proto.mutable_sequence_value(), {});
    case Value::Kind::Map:
        proto.set_elem_type(kMap);
        return toMap(value, *proto.mutable_map_value(), {});
    }
    return {};
}

Status toMap(const Value& value, onnx::MapProto& proto, const std::string& name) {
    proto.Clear();
    std::string where = describe("map", name);
    if (!name.empty())
        proto.set_name(name);
    if (value.kind != Value::Kind::Map)
        return Status::error(where + ": value is not a map");
    const Tensor& keys = value.mapKeys;
    const Tensor& values = value.mapValues;
    if (keys.elementCount() != values.elementCount())
        return Status::error(where + ": keys and values differ in length");
    proto.set_key_type(static_cast<int32_t>(keys.dataType()));
    for (int64_t i = 0; i < keys.elementCount(); ++i) {
        if (keys.dataType() == DataType::String)
            proto.add_string_keys(keys.data<std::string>()[i]);
        else if (isInteger(keys.dataType()))
            proto.add_keys(keys.dataType() == DataType::Int64 ? keys.data<int64_t>()[i]
                           : keys.dataType() == DataType::Uint64
                               ? static_cast<int64_t>(keys.data<uint64_t>()[i])
                               : static_cast<int64_t>(keys.elementAsDouble(i)));
        else
            return Status::error(where + ": key type " + std::string(dataTypeName(keys.dataType())) +
                                 " is not an integer or string type");
    }
    auto* seq = proto.mutable_values();
    seq->set_elem_type(kTensor);
    size_t bytes = elementByteSize(values.dataType());
    for (int64_t i = 0; i < values.elementCount(); ++i) {
        Tensor scalar(values.dataType(), {});
        if (values.dataType() == DataType::String)
            scalar.data<std::string>()[0] = values.data<std::string>()[i];
        else
            std::memcpy(scalar.mutableRawData(), static_cast<const char*>(values.rawData()) + i * bytes,
                        bytes);
        tensorToProto(scalar, *seq->add_tensor_values());
    }
    return {};
}

template <typename Message>
Status parseMessage(Message& message, const MappedFile& data, const std::filesystem::path& file,
                    const char* what) {
    // Protobuf cannot parse messages of 2 GiB or more.
    if (data.size() >= static_cast<size_t>(std::numeric_limits<int>::max()))
        return Status::error(file.string() + ": file is too large for a protobuf message (" +
                             std::to_string(data.size()) + " bytes)");
    if (!message.ParseFromArray(data.data(), static_cast<int>(data.size())))
        return Status::error(file.string() + ": not a valid serialized " + what);
    return {};
}

} // namespace

Result<Value> valueFromSequenceProto(const onnx::SequenceProto& proto) {
    return fromSequence(proto, 0);
}
Result<Value> valueFromOptionalProto(const onnx::OptionalProto& proto) {
    return fromOptional(proto, 0);
}
Result<Value> valueFromMapProto(const onnx::MapProto& proto) {
    return fromMap(proto, 0);
}

Status valueToSequenceProto(const Value& value, onnx::SequenceProto& proto, const std::string& name) {
    return toSequence(value, proto, name);
}
Status valueToOptionalProto(const Value& value, onnx::OptionalProto& proto, const std::string& name) {
    return toOptional(value, proto, name);
}
Status valueToMapProto(const Value& value, onnx::MapProto& proto, const std::string& name) {
    return toMap(value, proto, name);
}

Result<Value> readValuePb(const std::filesystem::path& file, PbKind kind) {
    OS_ASSIGN_OR_RETURN(auto mapped, MappedFile::open(file));
    const MappedFile& data = *mapped;
    Result<Value> value = Status::error("unreachable");
    switch (kind) {
    case PbKind::Tensor: {
        onnx::TensorProto proto;
        OS_RETURN_IF_ERROR(parseMessage(proto, data, file, "TensorProto"));
        auto tensor = tensorFromProto(proto);
        if (!tensor.ok())
            return tensor.status().withContext(file.string() + ": ");
        return Value(std::move(tensor).value());
    }
    case PbKind::Sequence: {
        onnx::SequenceProto proto;
        OS_RETURN_IF_ERROR(parseMessage(proto, data, file, "SequenceProto"));
        value = valueFromSequenceProto(proto);
        break;
    }
    case PbKind::Optional: {
        onnx::OptionalProto proto;
        OS_RETURN_IF_ERROR(parseMessage(proto, data, file, "OptionalProto"));
        value = valueFromOptionalProto(proto);
        break;
    }
    case PbKind::Map: {
        onnx::MapProto proto;
        OS_RETURN_IF_ERROR(parseMessage(proto, data, file, "MapProto"));
        value = valueFromMapProto(proto);
        break;
    }
    }
    if (!value.ok())
        return value.status().withContext(file.string() + ": ");
    return value;
}

Result<Tensor> readTensorPb(const std::filesystem::path& file) {
    OS_ASSIGN_OR_RETURN(Value value, readValuePb(file, PbKind::Tensor));
    return std::move(value.tensor);
}

Status writeValuePb(const std::filesystem::path& file, const Value& value, const std::string& name) {
    std::string data;
    bool serialized = false;
    if (value.isOptional) {
        onnx::OptionalProto proto;
        OS_RETURN_IF_ERROR(toOptional(value, proto, name).withContext(file.string() + ": "));
        serialized = proto.SerializeToString(&data);
    } else if (value.isTensor()) {
        if (!value.tensor.isValid())
            return Status::error(file.string() + ": cannot write an undefined tensor");
        onnx::TensorProto proto;
        tensorToProto(value.tensor, proto, name);
        serialized = proto.SerializeToString(&data);
    } else if (value.isSequence()) {
        onnx::SequenceProto proto;
        OS_RETURN_IF_ERROR(toSequence(value, proto, name).withContext(file.string() + ": "));
        serialized = proto.SerializeToString(&data);
    } else if (value.kind == Value::Kind::Map) {
        onnx::MapProto proto;
        OS_RETURN_IF_ERROR(toMap(value, proto, name).withContext(file.string() + ": "));
        serialized = proto.SerializeToString(&data);
    } else {
        return Status::error(file.string() + ": cannot write an empty value that is not optional");
    }
    if (!serialized)
        return Status::error(file.string() + ": serialization failed (message over 2 GiB?)");
    return writeFileAtomically(file, data.data(), data.size());
}

} // namespace onnxscope
