#include "onnx_format.h"

#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>

#include <QStringList>

namespace onnxscope {

namespace {

const QChar kTimes(0x00D7);

QString joinInts(const google::protobuf::RepeatedField<int64_t>& values, int maxItems, QChar sep) {
    QStringList parts;
    for (int i = 0; i < values.size() && i < maxItems; ++i)
        parts << QString::number(values[i]);
    if (values.size() > maxItems)
        parts << QStringLiteral("…");
    return parts.join(sep);
}

const onnx::OpSchema* findSchema(const QString& opType, const QString& domain, int opset) {
    const std::string d = domain == QLatin1String("ai.onnx") ? std::string() : domain.toStdString();
    return onnx::OpSchemaRegistry::Schema(opType.toStdString(), opset > 0 ? opset : 1000, d);
}

} // namespace

QString dataTypeText(int type) {
    switch (type) {
    case onnx::TensorProto::FLOAT:
        return QStringLiteral("float32");
    case onnx::TensorProto::UINT8:
        return QStringLiteral("uint8");
    case onnx::TensorProto::INT8:
        return QStringLiteral("int8");
    case onnx::TensorProto::UINT16:
        return QStringLiteral("uint16");
    case onnx::TensorProto::INT16:
        return QStringLiteral("int16");
    case onnx::TensorProto::INT32:
        return QStringLiteral("int32");
    case onnx::TensorProto::INT64:
        return QStringLiteral("int64");
    case onnx::TensorProto::STRING:
        return QStringLiteral("string");
    case onnx::TensorProto::BOOL:
        return QStringLiteral("bool");
    case onnx::TensorProto::FLOAT16:
        return QStringLiteral("float16");
    case onnx::TensorProto::DOUBLE:
        return QStringLiteral("float64");
    case onnx::TensorProto::UINT32:
        return QStringLiteral("uint32");
    case onnx::TensorProto::UINT64:
        return QStringLiteral("uint64");
    case onnx::TensorProto::COMPLEX64:
        return QStringLiteral("complex64");
    case onnx::TensorProto::COMPLEX128:
        return QStringLiteral("complex128");
    case onnx::TensorProto::BFLOAT16:
        return QStringLiteral("bfloat16");
    case 17:
        return QStringLiteral("float8e4m3fn");
    case 18:
        return QStringLiteral("float8e4m3fnuz");
    case 19:
        return QStringLiteral("float8e5m2");
    case 20:
        return QStringLiteral("float8e5m2fnuz");
    case 21:
        return QStringLiteral("uint4");
    case 22:
        return QStringLiteral("int4");
    case 23:
        return QStringLiteral("float4e2m1");
    case 24:
        return QStringLiteral("float8e8m0");
    case 25:
        return QStringLiteral("uint2");
    case 26:
        return QStringLiteral("int2");
    default:
        return QStringLiteral("type%1").arg(type);
    }
}

QString typeText(const onnx::TypeProto& type) {
    switch (type.value_case()) {
    case onnx::TypeProto::kTensorType:
        return dataTypeText(type.tensor_type().elem_type());
    case onnx::TypeProto::kSparseTensorType:
        return QStringLiteral("sparse(%1)").arg(dataTypeText(type.sparse_tensor_type().elem_type()));
    case onnx::TypeProto::kSequenceType:
        return QStringLiteral("seq(%1)").arg(typeText(type.sequence_type().elem_type()));
    case onnx::TypeProto::kOptionalType:
        return QStringLiteral("optional(%1)").arg(typeText(type.optional_type().elem_type()));
    case onnx::TypeProto::kMapType:
        return QStringLiteral("map(%1,%2)")
            .arg(dataTypeText(type.map_type().key_type()), typeText(type.map_type().value_type()));
    default:
        return QString();
    }
}

QString shapeText(const onnx::TypeProto& type) {
    if (type.value_case() != onnx::TypeProto::kTensorType || !type.tensor_type().has_shape())
        return QString();
    const auto& shape = type.tensor_type().shape();
    if (shape.dim_size() == 0)
        return QStringLiteral("scalar");
    QStringList dims;
    for (const auto& dim : shape.dim()) {
        if (dim.has_dim_value())
            dims << QString::number(dim.dim_value());
        else if (dim.has_dim_param() && !dim.dim_param().empty())
            dims << QString::fromStdString(dim.dim_param());
        else
            dims << QStringLiteral("?");
    }
    return dims.join(kTimes);
}

QString tensorShapeText(const onnx::TensorProto& tensor) {
    if (tensor.dims_size() == 0)
        return QStringLiteral("scalar");
    return joinInts(tensor.dims(), 8, kTimes);
}

QString attributeValueText(const onnx::AttributeProto& a, int maxItems) {
    auto floats = [&] {
        QStringList parts;
        for (int i = 0; i < a.floats_size() && i < maxItems; ++i)
            parts << QString::number(a.floats(i), 'g', 6);
        if (a.floats_size() > maxItems)
            parts << QStringLiteral("…");
        return QStringLiteral("[%1]").arg(parts.join(QLatin1Char(',')));
    };
    switch (a.type()) {
    case onnx::AttributeProto::FLOAT:
        return QString::number(a.f(), 'g', 6);
    case onnx::AttributeProto::INT:
        return QString::number(a.i());
    case onnx::AttributeProto::STRING: {
        QString s = QString::fromStdString(a.s());
        if (s.size() > 40)
            s = s.left(37) + QStringLiteral("…");
        return QStringLiteral("\"%1\"").arg(s);
    }
    case onnx::AttributeProto::TENSOR:
        return QStringLiteral("%1⟨%2⟩").arg(dataTypeText(a.t().data_type()), tensorShapeText(a.t()));
    case onnx::AttributeProto::GRAPH:
        return QStringLiteral("<graph>");
    case onnx::AttributeProto::FLOATS:
        return floats();
    case onnx::AttributeProto::INTS: {
        const QString name = QString::fromStdString(a.name());
        // Spatial sizes read best as 3×3, index lists as [0,2,1,3].
        if (name == QLatin1String("kernel_shape") || name == QLatin1String("strides") ||
            name == QLatin1String("dilations"))
            return joinInts(a.ints(), maxItems, kTimes);
        return QStringLiteral("[%1]").arg(joinInts(a.ints(), maxItems, QLatin1Char(',')));
    }
    case onnx::AttributeProto::STRINGS: {
        QStringList parts;
        for (int i = 0; i < a.strings_size() && i < maxItems; ++i)
            parts << QString::fromStdString(a.strings(i));
        if (a.strings_size() > maxItems)
            parts << QStringLiteral("…");
        return QStringLiteral("[%1]").arg(parts.join(QLatin1Char(',')));
    }
    case onnx::AttributeProto::TENSORS:
        return QStringLiteral("<%1 tensors>").arg(a.tensors_size());
    case onnx::AttributeProto::GRAPHS:
        return QStringLiteral("<%1 graphs>").arg(a.graphs_size());
    default:
        if (!a.ref_attr_name().empty())
            return QStringLiteral("@%1").arg(QString::fromStdString(a.ref_attr_name()));
        return QString();
    }
}

QString operatorDoc(const QString& opType, const QString& domain, int opset) {
    const onnx::OpSchema* schema = findSchema(opType, domain, opset);
    if (!schema || !schema->doc())
        return QString();
    return QString::fromUtf8(schema->doc()).trimmed();
}

QString schemaInputName(const QString& opType, const QString& domain, int opset, int index) {
    const onnx::OpSchema* schema = findSchema(opType, domain, opset);
    if (!schema || schema->inputs().empty() || index < 0)
        return QString();
    const auto& inputs = schema->inputs();
    const size_t i = std::min(static_cast<size_t>(index), inputs.size() - 1);
    if (static_cast<size_t>(index) >= inputs.size() &&
        inputs.back().GetOption() != onnx::OpSchema::FormalParameterOption::Variadic)
        return QString();
    return QString::fromStdString(inputs[i].GetName());
}

} // namespace onnxscope
