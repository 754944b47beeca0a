#include "node_desc.h"

namespace onnxscope {

const Attribute* NodeDesc::attribute(std::string_view attrName) const {
    for (const Attribute& a : attributes)
        if (a.name == attrName)
            return &a;
    return nullptr;
}

int64_t NodeDesc::getInt(std::string_view attrName, int64_t fallback) const {
    const Attribute* a = attribute(attrName);
    return a && a->type == Attribute::Type::Int ? a->i : fallback;
}

float NodeDesc::getFloat(std::string_view attrName, float fallback) const {
    const Attribute* a = attribute(attrName);
    return a && a->type == Attribute::Type::Float ? a->f : fallback;
}

std::string NodeDesc::getString(std::string_view attrName, std::string_view fallback) const {
    const Attribute* a = attribute(attrName);
    return a && a->type == Attribute::Type::String ? a->s : std::string(fallback);
}

std::vector<int64_t> NodeDesc::getInts(std::string_view attrName, std::vector<int64_t> fallback) const {
    const Attribute* a = attribute(attrName);
    return a && a->type == Attribute::Type::Ints ? a->ints : fallback;
}

std::vector<float> NodeDesc::getFloats(std::string_view attrName, std::vector<float> fallback) const {
    const Attribute* a = attribute(attrName);
    return a && a->type == Attribute::Type::Floats ? a->floats : fallback;
}

std::vector<std::string> NodeDesc::getStrings(std::string_view attrName) const {
    const Attribute* a = attribute(attrName);
    return a && a->type == Attribute::Type::Strings ? a->strings : std::vector<std::string>{};
}

const Tensor* NodeDesc::getTensor(std::string_view attrName) const {
    const Attribute* a = attribute(attrName);
    return a && a->type == Attribute::Type::Tensor ? &a->t : nullptr;
}

std::string NodeDesc::displayName() const {
    std::string label = name.empty() ? "<unnamed>" : "'" + name + "'";
    return "node " + label + " (" + (domain.empty() ? "" : domain + "::") + opType + ", opset " +
           std::to_string(opsetVersion) + ")";
}

} // namespace onnxscope
