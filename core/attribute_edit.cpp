#include "attribute_edit.h"

#include "model.h"

#include <onnx/onnx_pb.h>

#include <charconv>
#include <cmath>

namespace onnxscope {

namespace {

std::string_view trim(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

template <typename T> Result<T> parseNumber(std::string_view text, const char* what) {
    text = trim(text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    T value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return Status::error("'" + std::string(text) + "' is not " + what);
    return value;
}

Result<int64_t> parseInt(std::string_view text) {
    return parseNumber<int64_t>(text, "a 64-bit integer");
}

Result<float> parseFloat(std::string_view text) {
    return parseNumber<float>(text, "a number");
}

// "[a, b]" or "a, b" into trimmed items; an empty text or "[]" is an empty list.
std::vector<std::string_view> splitList(std::string_view text) {
    text = trim(text);
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
        text = trim(text.substr(1, text.size() - 2));
    std::vector<std::string_view> items;
    if (text.empty())
        return items;
    size_t start = 0;
    while (true) {
        const size_t comma = text.find(',', start);
        items.push_back(trim(text.substr(start, comma - start)));
        if (comma == std::string_view::npos)
            return items;
        start = comma + 1;
    }
}

// Quoted items ("a", "b \" c") with backslash escapes, or bare comma-separated items.
Result<std::vector<std::string>> parseStrings(std::string_view text) {
    text = trim(text);
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
        text = trim(text.substr(1, text.size() - 2));
    std::vector<std::string> items;
    if (text.empty() || text.front() != '"') {
        for (std::string_view item : splitList(text))
            items.emplace_back(item);
        return items;
    }
    size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '"')
            return Status::error("expected a quoted string at '" + std::string(text.substr(i)) + "'");
        std::string item;
        ++i;
        while (i < text.size() && text[i] != '"') {
            if (text[i] == '\\' && i + 1 < text.size())
                ++i;
            item += text[i++];
        }
        if (i >= text.size())
            return Status::error("unterminated quoted string");
        items.push_back(std::move(item));
        ++i;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
            ++i;
        if (i < text.size()) {
            if (text[i] != ',')
                return Status::error("expected ',' between quoted strings");
            ++i;
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
                ++i;
        }
    }
    return items;
}

template <typename T, typename Parse> Result<std::vector<T>> parseEach(std::string_view text, Parse parse) {
    std::vector<T> values;
    for (std::string_view item : splitList(text)) {
        auto value = parse(item);
        if (!value.ok())
            return value.status();
        values.push_back(*value);
    }
    return values;
}

std::string formatFloat(float value) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value); // shortest exact round trip
    return ec == std::errc() ? std::string(buffer, end) : std::string("nan");
}

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

template <typename T, typename Format> std::string join(const std::vector<T>& values, Format format) {
    std::string out;
    for (size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + format(values[i]);
    return out;
}

Result<int> attributeIndex(const onnx::NodeProto& node, int nodeIndex, const std::string& name) {
    for (int i = 0; i < node.attribute_size(); ++i)
        if (node.attribute(i).name() == name)
            return i;
    const std::string label =
        node.name().empty() ? node.op_type() + " #" + std::to_string(nodeIndex) : node.name();
    return Status::error("node '" + label + "' has no attribute '" + name + "'");
}

// The attribute's editable kind, or why it cannot be edited.
Result<AttributeKind> editableKind(const onnx::AttributeProto& a) {
    if (!a.ref_attr_name().empty())
        return Status::error("attribute '" + a.name() + "' refers to the function attribute '" +
                             a.ref_attr_name() + "' and has no value of its own");
    auto kind = editableAttributeKind(a.type());
    if (!kind)
        return Status::error("attribute '" + a.name() + "' holds a " +
                             onnx::AttributeProto::AttributeType_Name(a.type()) +
                             " value; only int, float and string values and lists of them can be edited");
    return *kind;
}

} // namespace

std::string_view attributeKindName(AttributeKind kind) {
    switch (kind) {
    case AttributeKind::Int:
        return "int";
    case AttributeKind::Float:
        return "float";
    case AttributeKind::String:
        return "string";
    case AttributeKind::Ints:
        return "int list";
    case AttributeKind::Floats:
        return "float list";
    case AttributeKind::Strings:
        return "string list";
    }
    return "?";
}

std::optional<AttributeKind> editableAttributeKind(int attributeType) {
    switch (attributeType) {
    case onnx::AttributeProto::INT:
        return AttributeKind::Int;
    case onnx::AttributeProto::FLOAT:
        return AttributeKind::Float;
    case onnx::AttributeProto::STRING:
        return AttributeKind::String;
    case onnx::AttributeProto::INTS:
        return AttributeKind::Ints;
    case onnx::AttributeProto::FLOATS:
        return AttributeKind::Floats;
    case onnx::AttributeProto::STRINGS:
        return AttributeKind::Strings;
    default:
        return std::nullopt;
    }
}

Result<AttributeValue> parseAttributeValue(AttributeKind kind, const std::string& text) {
    auto wrap = [](auto result) -> Result<AttributeValue> {
        if (!result.ok())
            return result.status();
        return AttributeValue(std::move(result).value());
    };
    switch (kind) {
    case AttributeKind::Int:
        return wrap(parseInt(text));
    case AttributeKind::Float:
        return wrap(parseFloat(text));
    case AttributeKind::String:
        return AttributeValue(text);
    case AttributeKind::Ints:
        return wrap(parseEach<int64_t>(text, parseInt));
    case AttributeKind::Floats:
        return wrap(parseEach<float>(text, parseFloat));
    case AttributeKind::Strings:
        return wrap(parseStrings(text));
    }
    return Status::error("unknown attribute kind");
}

std::string formatAttributeValue(const AttributeValue& value) {
    switch (kindOf(value)) {
    case AttributeKind::Int:
        return std::to_string(std::get<int64_t>(value));
    case AttributeKind::Float:
        return formatFloat(std::get<float>(value));
    case AttributeKind::String:
        return std::get<std::string>(value);
    case AttributeKind::Ints:
        return join(std::get<std::vector<int64_t>>(value), [](int64_t v) { return std::to_string(v); });
    case AttributeKind::Floats:
        return join(std::get<std::vector<float>>(value), formatFloat);
    case AttributeKind::Strings:
        return join(std::get<std::vector<std::string>>(value), quote);
    }
    return {};
}

Result<AttributeValue> nodeAttribute(const Model& model, int nodeIndex, const std::string& name,
                                     const GraphPath& path) {
    OS_ASSIGN_OR_RETURN(const onnx::GraphProto* graph, graphAt(model.proto(), path));
    if (nodeIndex < 0 || nodeIndex >= graph->node_size())
        return Status::error("no node at index " + std::to_string(nodeIndex) + " in the " +
                             describeGraphPath(model.proto(), path));
    const onnx::NodeProto& node = graph->node(nodeIndex);
    OS_ASSIGN_OR_RETURN(int index, attributeIndex(node, nodeIndex, name));
    const onnx::AttributeProto* a = &node.attribute(index);
    OS_ASSIGN_OR_RETURN(AttributeKind kind, editableKind(*a));
    switch (kind) {
    case AttributeKind::Int:
        return AttributeValue(a->i());
    case AttributeKind::Float:
        return AttributeValue(a->f());
    case AttributeKind::String:
        return AttributeValue(a->s());
    case AttributeKind::Ints:
        return AttributeValue(std::vector<int64_t>(a->ints().begin(), a->ints().end()));
    case AttributeKind::Floats:
        return AttributeValue(std::vector<float>(a->floats().begin(), a->floats().end()));
    case AttributeKind::Strings:
        return AttributeValue(std::vector<std::string>(a->strings().begin(), a->strings().end()));
    }
    return Status::error("unknown attribute kind");
}

Status setNodeAttribute(Model& model, int nodeIndex, const std::string& name, const AttributeValue& value,
                        const GraphPath& path) {
    OS_ASSIGN_OR_RETURN(AttributeValue current, nodeAttribute(model, nodeIndex, name, path));
    if (kindOf(current) != kindOf(value))
        return Status::error("attribute '" + name + "' has type '" +
                             std::string(attributeKindName(kindOf(current))) + "', the new value has type '" +
                             std::string(attributeKindName(kindOf(value))) + "'");
    OS_ASSIGN_OR_RETURN(onnx::GraphProto * graph, mutableGraphAt(model.mutableProto(), path));
    const int index = *attributeIndex(graph->node(nodeIndex), nodeIndex, name);
    onnx::AttributeProto* a = graph->mutable_node(nodeIndex)->mutable_attribute(index);
    switch (kindOf(value)) {
    case AttributeKind::Int:
        a->set_i(std::get<int64_t>(value));
        break;
    case AttributeKind::Float:
        a->set_f(std::get<float>(value));
        break;
    case AttributeKind::String:
        a->set_s(std::get<std::string>(value));
        break;
    case AttributeKind::Ints:
        a->mutable_ints()->Assign(std::get<std::vector<int64_t>>(value).begin(),
                                  std::get<std::vector<int64_t>>(value).end());
        break;
    case AttributeKind::Floats:
        a->mutable_floats()->Assign(std::get<std::vector<float>>(value).begin(),
                                    std::get<std::vector<float>>(value).end());
        break;
    case AttributeKind::Strings:
        a->mutable_strings()->Assign(std::get<std::vector<std::string>>(value).begin(),
                                     std::get<std::vector<std::string>>(value).end());
        break;
    }
    return {};
}

} // namespace onnxscope
