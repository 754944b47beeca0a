#include "metadata_edit.h"

#include "model.h"

#include <google/protobuf/unknown_field_set.h>
#include <onnx/onnx_pb.h>

#include <algorithm>

namespace onnxscope {

namespace {

using google::protobuf::UnknownField;
using google::protobuf::UnknownFieldSet;

// Field numbers of metadata_props in IR 10's onnx.proto, unknown to libonnx 1.12's classes.
constexpr int kGraphMetadataField = 16;
constexpr int kNodeMetadataField = 9;
constexpr int kValueInfoMetadataField = 4;

int fieldNumberFor(MetadataTarget::Kind kind) {
    switch (kind) {
    case MetadataTarget::Kind::Graph:
        return kGraphMetadataField;
    case MetadataTarget::Kind::Node:
        return kNodeMetadataField;
    case MetadataTarget::Kind::Value:
        return kValueInfoMetadataField;
    case MetadataTarget::Kind::Model:
        break;
    }
    return 0;
}

const onnx::ValueInfoProto* findValueInfo(const onnx::GraphProto& g, const std::string& name) {
    for (const auto* list : {&g.input(), &g.output(), &g.value_info()})
        for (const auto& v : *list)
            if (v.name() == name)
                return &v;
    return nullptr;
}

// The message whose unknown fields hold the target's entries; nullptr for the model (a known
// field) and for a target that does not exist.
const google::protobuf::Message* nestedMessage(const onnx::ModelProto& proto, const MetadataTarget& target) {
    const onnx::GraphProto& g = proto.graph();
    switch (target.kind) {
    case MetadataTarget::Kind::Graph:
        return &g;
    case MetadataTarget::Kind::Node:
        return target.node >= 0 && target.node < g.node_size() ? &g.node(target.node) : nullptr;
    case MetadataTarget::Kind::Value:
        return findValueInfo(g, target.value);
    case MetadataTarget::Kind::Model:
        break;
    }
    return nullptr;
}

// One target's entries, read and written the same way whether they live in a known repeated
// field (the model's) or in unknown fields (everything newer than libonnx 1.12).
std::vector<int> unknownIndices(const UnknownFieldSet& set, int fieldNumber) {
    std::vector<int> indices;
    for (int i = 0; i < set.field_count(); ++i) {
        const UnknownField& f = set.field(i);
        if (f.number() == fieldNumber && f.type() == UnknownField::TYPE_LENGTH_DELIMITED)
            indices.push_back(i);
    }
    return indices;
}

std::vector<MetadataEntry>
readEntries(const google::protobuf::RepeatedPtrField<onnx::StringStringEntryProto>& known) {
    std::vector<MetadataEntry> out;
    for (const auto& p : known)
        out.push_back({p.key(), p.value()});
    return out;
}

std::vector<MetadataEntry> readEntries(const UnknownFieldSet& unknown, int fieldNumber) {
    std::vector<MetadataEntry> out;
    for (int i : unknownIndices(unknown, fieldNumber)) {
        onnx::StringStringEntryProto p;
        p.ParseFromString(unknown.field(i).length_delimited());
        out.push_back({p.key(), p.value()});
    }
    return out;
}

class EntryList {
public:
    EntryList(google::protobuf::RepeatedPtrField<onnx::StringStringEntryProto>* known)
        : m_known(known) {}
    EntryList(UnknownFieldSet* unknown, int fieldNumber)
        : m_unknown(unknown)
        , m_fieldNumber(fieldNumber) {}

    void set(int position, const MetadataEntry& entry) {
        if (m_known) {
            auto* p = m_known->Mutable(position);
            p->set_key(entry.key);
            p->set_value(entry.value);
            return;
        }
        *m_unknown->mutable_field(indices()[static_cast<size_t>(position)])->mutable_length_delimited() =
            serialize(entry);
    }

    void insert(int position, const MetadataEntry& entry) {
        if (m_known) {
            auto* p = m_known->Add();
            p->set_key(entry.key);
            p->set_value(entry.value);
            for (int i = m_known->size() - 1; i > position; --i)
                m_known->SwapElements(i, i - 1);
            return;
        }
        const std::vector<int> positions = indices();
        if (position >= static_cast<int>(positions.size())) {
            m_unknown->AddLengthDelimited(m_fieldNumber, serialize(entry));
            return;
        }
        // UnknownFieldSet can only append, so rebuild it with the entry in place.
        const int before = positions[static_cast<size_t>(position)];
        UnknownFieldSet rebuilt;
        for (int i = 0; i < m_unknown->field_count(); ++i) {
            if (i == before)
                rebuilt.AddLengthDelimited(m_fieldNumber, serialize(entry));
            rebuilt.AddField(m_unknown->field(i));
        }
        m_unknown->Swap(&rebuilt);
    }

    void remove(int position) {
        if (m_known)
            m_known->DeleteSubrange(position, 1);
        else
            m_unknown->DeleteSubrange(indices()[static_cast<size_t>(position)], 1);
    }

private:
    std::vector<int> indices() const { return unknownIndices(*m_unknown, m_fieldNumber); }
    static std::string serialize(const MetadataEntry& entry) {
        onnx::StringStringEntryProto p;
        p.set_key(entry.key);
        p.set_value(entry.value);
        return p.SerializeAsString();
    }

    google::protobuf::RepeatedPtrField<onnx::StringStringEntryProto>* m_known = nullptr;
    UnknownFieldSet* m_unknown = nullptr;
    int m_fieldNumber = 0;
};

// Call only after checkMetadataTarget: mutable access marks the model edited.
EntryList mutableList(Model& model, const MetadataTarget& target) {
    if (target.kind == MetadataTarget::Kind::Model)
        return EntryList(model.mutableProto().mutable_metadata_props());
    auto* message = const_cast<google::protobuf::Message*>(nestedMessage(model.mutableProto(), target));
    return EntryList(message->GetReflection()->MutableUnknownFields(message), fieldNumberFor(target.kind));
}

int indexOfKey(const std::vector<MetadataEntry>& entries, const std::string& key) {
    auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.key == key; });
    return it == entries.end() ? -1 : static_cast<int>(it - entries.begin());
}

Status checkNewKey(const std::vector<MetadataEntry>& entries, const MetadataTarget& target,
                   const std::string& key) {
    if (key.empty())
        return Status::error("a metadata key must not be empty");
    if (indexOfKey(entries, key) >= 0)
        return Status::error("metadata key '" + key + "' already exists on " + target.describe());
    return {};
}

Result<int> existingKey(const std::vector<MetadataEntry>& entries, const MetadataTarget& target,
                        const std::string& key) {
    int index = indexOfKey(entries, key);
    if (index < 0)
        return Status::error("no metadata key '" + key + "' on " + target.describe());
    return index;
}

} // namespace

std::string MetadataTarget::describe() const {
    switch (kind) {
    case Kind::Model:
        return "the model";
    case Kind::Graph:
        return "the main graph";
    case Kind::Node:
        return "node " + std::to_string(node);
    case Kind::Value:
        return "value '" + value + "'";
    }
    return {};
}

Status checkMetadataTarget(const Model& model, const MetadataTarget& target) {
    if (target.kind == MetadataTarget::Kind::Model)
        return {};
    const int64_t ir = model.proto().ir_version();
    if (ir < kIrVersionWithNestedMetadata)
        return Status::error("metadata on " + target.describe() + " needs IR version " +
                             std::to_string(kIrVersionWithNestedMetadata) + " or newer; this model is IR " +
                             std::to_string(ir));
    if (!nestedMessage(model.proto(), target))
        return Status::error(target.kind == MetadataTarget::Kind::Node
                                 ? "no node at index " + std::to_string(target.node)
                                 : "no graph input, output or value_info named '" + target.value + "'");
    return {};
}

Result<std::vector<MetadataEntry>> metadataEntries(const Model& model, const MetadataTarget& target) {
    if (target.kind == MetadataTarget::Kind::Model) {
        return readEntries(model.proto().metadata_props());
    }
    OS_RETURN_IF_ERROR(checkMetadataTarget(model, target));
    const auto* message = nestedMessage(model.proto(), target);
    return readEntries(message->GetReflection()->GetUnknownFields(*message), fieldNumberFor(target.kind));
}

Status addMetadataEntry(Model& model, const MetadataTarget& target, const std::string& key,
                        const std::string& value, int position) {
    OS_ASSIGN_OR_RETURN(std::vector<MetadataEntry> entries, metadataEntries(model, target));
    OS_RETURN_IF_ERROR(checkNewKey(entries, target, key));
    const int size = static_cast<int>(entries.size());
    if (position < 0 || position > size)
        position = size;
    mutableList(model, target).insert(position, {key, value});
    return {};
}

Status setMetadataValue(Model& model, const MetadataTarget& target, const std::string& key,
                        const std::string& value) {
    OS_ASSIGN_OR_RETURN(std::vector<MetadataEntry> entries, metadataEntries(model, target));
    OS_ASSIGN_OR_RETURN(int index, existingKey(entries, target, key));
    mutableList(model, target).set(index, {key, value});
    return {};
}

Status renameMetadataKey(Model& model, const MetadataTarget& target, const std::string& from,
                         const std::string& to) {
    OS_ASSIGN_OR_RETURN(std::vector<MetadataEntry> entries, metadataEntries(model, target));
    OS_ASSIGN_OR_RETURN(int index, existingKey(entries, target, from));
    if (from == to)
        return {};
    OS_RETURN_IF_ERROR(checkNewKey(entries, target, to));
    mutableList(model, target).set(index, {to, entries[static_cast<size_t>(index)].value});
    return {};
}

Status removeMetadataEntry(Model& model, const MetadataTarget& target, const std::string& key) {
    OS_ASSIGN_OR_RETURN(std::vector<MetadataEntry> entries, metadataEntries(model, target));
    OS_ASSIGN_OR_RETURN(int index, existingKey(entries, target, key));
    mutableList(model, target).remove(index);
    return {};
}

} // namespace onnxscope
