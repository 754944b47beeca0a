// Variants of the exported test models for mismatch-debugging tests: one corrupted weight, one
// changed attribute, two inputs swapped. Built with libonnx's protobuf classes on a copy of the
// original, so each test states exactly which node it broke.
#pragma once

#include "core/model.h"
#include "core/tensor_file_io.h"
#include "core/tensor_proto_io.h"

#include <onnx/onnx_pb.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace onnxscope::test {

inline std::filesystem::path testModelPath(const std::string& name, const std::string& suffix = ".onnx") {
    return std::filesystem::path(ONNXSCOPE_TEST_MODELS_DIR) / (name + suffix);
}

inline onnx::NodeProto* findNode(onnx::ModelProto& model, const std::string& name) {
    for (auto& node : *model.mutable_graph()->mutable_node())
        if (node.name() == name)
            return &node;
    return nullptr;
}

// Adds delta to element index of a float initializer.
inline bool corruptWeight(onnx::ModelProto& model, const std::string& initializer, float delta,
                          int64_t index = 0) {
    for (auto& proto : *model.mutable_graph()->mutable_initializer()) {
        if (proto.name() != initializer)
            continue;
        auto t = tensorFromProto(proto);
        if (!t.ok() || t->dataType() != DataType::Float || index >= t->elementCount())
            return false;
        Tensor copy = t->clone();
        copy.data<float>()[index] += delta;
        proto.Clear();
        tensorToProto(copy, proto, initializer);
        return true;
    }
    return false;
}

// Adds delta to every element of a float initializer (a small, spread-out perturbation).
inline bool perturbWeight(onnx::ModelProto& model, const std::string& initializer, float delta) {
    for (auto& proto : *model.mutable_graph()->mutable_initializer()) {
        if (proto.name() != initializer)
            continue;
        auto t = tensorFromProto(proto);
        if (!t.ok() || t->dataType() != DataType::Float)
            return false;
        Tensor copy = t->clone();
        for (float& v : copy.mutableValues<float>())
            v += delta;
        proto.Clear();
        tensorToProto(copy, proto, initializer);
        return true;
    }
    return false;
}

inline onnx::AttributeProto* findAttribute(onnx::NodeProto* node, const std::string& name) {
    if (!node)
        return nullptr;
    for (auto& a : *node->mutable_attribute())
        if (a.name() == name)
            return &a;
    return nullptr;
}

inline bool setInts(onnx::ModelProto& model, const std::string& node, const std::string& attr,
                    const std::vector<int64_t>& values) {
    onnx::AttributeProto* a = findAttribute(findNode(model, node), attr);
    if (!a)
        return false;
    a->clear_ints();
    for (int64_t v : values)
        a->add_ints(v);
    return true;
}

inline bool setFloat(onnx::ModelProto& model, const std::string& node, const std::string& attr, float value) {
    onnx::AttributeProto* a = findAttribute(findNode(model, node), attr);
    if (!a)
        return false;
    a->set_f(value);
    return true;
}

inline bool swapInputs(onnx::ModelProto& model, const std::string& node, int i, int j) {
    onnx::NodeProto* n = findNode(model, node);
    if (!n || std::max(i, j) >= n->input_size())
        return false;
    std::string a = n->input(i);
    n->set_input(i, n->input(j));
    n->set_input(j, a);
    return true;
}

// A changed copy of a model; nullptr when edit reports it could not apply.
template <typename Edit> std::shared_ptr<Model> makeVariant(const Model& original, Edit edit) {
    auto proto = std::make_unique<onnx::ModelProto>(original.proto());
    if (!edit(*proto))
        return nullptr;
    return Model::fromProto(std::move(proto), original.path().parent_path());
}

// Saves a changed copy of the exported test model `name` to out; false when the model cannot be
// read, the edit does not apply, or the file cannot be written.
template <typename Edit>
bool writeVariantFile(const std::string& name, const std::filesystem::path& out, Edit edit) {
    auto original = Model::load(testModelPath(name));
    if (!original.ok())
        return false;
    auto variant = makeVariant(**original, edit);
    return variant && variant->save(out).ok();
}

// The broken variants of the exported example_cnn that the mismatch tests (CLI and GUI) use:
// kind "weight" corrupts one Conv weight, "attribute" changes a Conv's pads, "swap" swaps a
// Clip's min and max. brokenNode is the node each one breaks.
inline const char* brokenNode(const std::string& kind) {
    if (kind == "weight")
        return "/features/features.4/Conv";
    if (kind == "attribute")
        return "/features/features.7/Conv";
    return "/features/features.8/Clip";
}

inline bool breakExampleCnn(onnx::ModelProto& model, const std::string& kind) {
    if (kind == "weight")
        return corruptWeight(model, "onnx::Conv_38", 5.0f);
    if (kind == "attribute")
        return setInts(model, brokenNode(kind), "pads", {0, 0, 2, 2});
    return swapInputs(model, brokenNode(kind), 1, 2);
}

} // namespace onnxscope::test
