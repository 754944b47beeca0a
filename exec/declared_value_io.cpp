#include "declared_value_io.h"

#include <memory>

namespace onnxscope {

PbKind pbKindFor(const ValueInfo& declared) {
    switch (declared.kind) {
    case ValueInfo::Kind::Sequence:
        return PbKind::Sequence;
    case ValueInfo::Kind::Optional:
        return PbKind::Optional;
    case ValueInfo::Kind::Map:
        return PbKind::Map;
    default:
        return PbKind::Tensor;
    }
}

Value asDeclaredType(Value value, const ValueInfo& declared) {
    if (!value.isTensor() || declared.kind != ValueInfo::Kind::Tensor)
        return value;
    const DataType want = declared.elementType;
    bool sameBits16 = value.tensor.dataType() == DataType::Uint16 &&
                      (want == DataType::BFloat16 || want == DataType::Float16);
    if (!sameBits16)
        return value;
    auto holder = std::make_shared<Tensor>(value.tensor);
    // Same shape and element size as the tensor it views, so it cannot fail.
    return Value(Tensor::view(want, holder->shape(), holder->rawData(), holder).value());
}

Result<Value> readDeclaredValuePb(const std::filesystem::path& file, const ValueInfo& declared) {
    auto value = readValuePb(file, pbKindFor(declared));
    if (!value.ok())
        return value.status();
    return asDeclaredType(std::move(value).value(), declared);
}

} // namespace onnxscope
