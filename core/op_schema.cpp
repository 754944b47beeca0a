#include "op_schema.h"

#include <onnx/defs/attr_proto_util.h>
#include <onnx/defs/schema.h>

#include <sstream>

namespace onnxscope {

namespace {

std::string attributeTypeName(onnx::AttributeProto::AttributeType type) {
    switch (type) {
    case onnx::AttributeProto::FLOAT:
        return "float";
    case onnx::AttributeProto::INT:
        return "int";
    case onnx::AttributeProto::STRING:
        return "string";
    case onnx::AttributeProto::TENSOR:
        return "tensor";
    case onnx::AttributeProto::GRAPH:
        return "graph";
    case onnx::AttributeProto::SPARSE_TENSOR:
        return "sparse_tensor";
    case onnx::AttributeProto::TYPE_PROTO:
        return "type_proto";
    case onnx::AttributeProto::FLOATS:
        return "floats";
    case onnx::AttributeProto::INTS:
        return "ints";
    case onnx::AttributeProto::STRINGS:
        return "strings";
    case onnx::AttributeProto::TENSORS:
        return "tensors";
    case onnx::AttributeProto::GRAPHS:
        return "graphs";
    case onnx::AttributeProto::SPARSE_TENSORS:
        return "sparse_tensors";
    case onnx::AttributeProto::TYPE_PROTOS:
        return "type_protos";
    default:
        return "undefined";
    }
}

std::string printDefault(const onnx::AttributeProto& a) {
    std::ostringstream out;
    switch (a.type()) {
    case onnx::AttributeProto::FLOAT:
        out << a.f();
        break;
    case onnx::AttributeProto::INT:
        out << a.i();
        break;
    case onnx::AttributeProto::STRING:
        out << '"' << a.s() << '"';
        break;
    case onnx::AttributeProto::FLOATS:
        out << '[';
        for (int i = 0; i < a.floats_size(); ++i)
            out << (i ? ", " : "") << a.floats(i);
        out << ']';
        break;
    case onnx::AttributeProto::INTS:
        out << '[';
        for (int i = 0; i < a.ints_size(); ++i)
            out << (i ? ", " : "") << a.ints(i);
        out << ']';
        break;
    case onnx::AttributeProto::STRINGS:
        out << '[';
        for (int i = 0; i < a.strings_size(); ++i)
            out << (i ? ", " : "") << '"' << a.strings(i) << '"';
        out << ']';
        break;
    default:
        break;
    }
    return out.str();
}

OpSchemaInfo::Port toPort(const onnx::OpSchema::FormalParameter& p) {
    OpSchemaInfo::Port port;
    port.name = p.GetName();
    port.description = p.GetDescription();
    port.typeConstraint = p.GetTypeStr();
    port.optional = p.GetOption() == onnx::OpSchema::Optional;
    port.variadic = p.GetOption() == onnx::OpSchema::Variadic;
    return port;
}

} // namespace

std::optional<OpSchemaInfo> lookupOpSchema(std::string_view opType, std::string_view domain,
                                           int opsetVersion) {
    std::string d(domain == "ai.onnx" ? std::string_view() : domain);
    const onnx::OpSchema* schema =
        onnx::OpSchemaRegistry::Schema(std::string(opType), opsetVersion > 0 ? opsetVersion : INT32_MAX, d);
    if (!schema)
        return std::nullopt;
    OpSchemaInfo info;
    info.name = schema->Name();
    info.domain = schema->domain();
    info.sinceVersion = schema->SinceVersion();
    info.documentation = schema->doc() ? schema->doc() : "";
    info.deprecated = schema->Deprecated();
    info.hasFunctionBody = schema->HasFunction() || schema->HasContextDependentFunction();
    for (const auto& [name, attr] : schema->attributes()) {
        OpSchemaInfo::Attribute a;
        a.name = name;
        a.type = attributeTypeName(attr.type);
        a.description = attr.description;
        a.required = attr.required;
        if (attr.default_value.type() != onnx::AttributeProto::UNDEFINED)
            a.defaultValue = printDefault(attr.default_value);
        info.attributes.push_back(std::move(a));
    }
    for (const auto& p : schema->inputs())
        info.inputs.push_back(toPort(p));
    for (const auto& p : schema->outputs())
        info.outputs.push_back(toPort(p));
    return info;
}

} // namespace onnxscope
