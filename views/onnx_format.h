// Short human-readable text for ONNX protobuf pieces (types, shapes, attributes, tensors), shared
// by the graph labels, the properties panel and the CLI so all of them print the same thing.
#pragma once

#include <QString>

namespace onnx {
class AttributeProto;
class TensorProto;
class TypeProto;
class OpSchema;
} // namespace onnx

namespace onnxscope {

QString dataTypeText(int tensorProtoDataType);            // "float32", "int64", ...
QString typeText(const onnx::TypeProto& type);            // "float32", "seq(float32)", "map(int64,float32)"
QString shapeText(const onnx::TypeProto& type);           // "1×3×N×224", empty when the type has no shape
QString tensorShapeText(const onnx::TensorProto& tensor); // "64×3×7×7", "scalar" for rank 0
// The value compactly: "3×3", "[0,2,1,3]", "1e-05", "<graph>"; long lists are shortened.
QString attributeValueText(const onnx::AttributeProto& attribute, int maxItems = 8);
// The schema's documentation, or empty when the operator/version is unknown.
QString operatorDoc(const QString& opType, const QString& domain, int opset);
// The name the schema gives input `index`, or empty when there is no schema.
QString schemaInputName(const QString& opType, const QString& domain, int opset, int index);

} // namespace onnxscope
