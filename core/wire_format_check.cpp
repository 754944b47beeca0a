#include "wire_format_check.h"

#include <google/protobuf/descriptor.h>

#include <cstdint>
#include <vector>

namespace onnxscope {

namespace {

bool readVarint(const uint8_t*& p, const uint8_t* end, uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64 && p < end; shift += 7) {
        uint8_t byte = *p++;
        value |= uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

std::string modelFieldName(uint64_t field) {
    switch (field) {
    case 1:
        return " (ir_version)";
    case 2:
        return " (producer_name)";
    case 3:
        return " (producer_version)";
    case 4:
        return " (domain)";
    case 5:
        return " (model_version)";
    case 6:
        return " (doc_string)";
    case 7:
        return " (graph)";
    case 8:
        return " (opset_import)";
    case 14:
        return " (metadata_props)";
    case 20:
        return " (training_info)";
    case 25:
        return " (functions)";
    default:
        return "";
    }
}

} // namespace

std::optional<std::string> findWireFormatError(const void* data, size_t size) {
    const uint8_t* begin = static_cast<const uint8_t*>(data);
    const uint8_t* p = begin;
    const uint8_t* end = begin + size;
    while (p < end) {
        size_t at = static_cast<size_t>(p - begin);
        uint64_t tag = 0;
        if (!readVarint(p, end, tag))
            return "truncated field tag at byte " + std::to_string(at);
        uint64_t field = tag >> 3;
        int wireType = static_cast<int>(tag & 7);
        if (field == 0)
            return "invalid field number 0 at byte " + std::to_string(at);
        std::string name = "field " + std::to_string(field) + modelFieldName(field);
        switch (wireType) {
        case 0: {
            uint64_t v;
            if (!readVarint(p, end, v))
                return name + " at byte " + std::to_string(at) + ": truncated varint";
            break;
        }
        case 1:
            if (end - p < 8)
                return name + " at byte " + std::to_string(at) + ": truncated 64-bit value";
            p += 8;
            break;
        case 5:
            if (end - p < 4)
                return name + " at byte " + std::to_string(at) + ": truncated 32-bit value";
            p += 4;
            break;
        case 2: {
            uint64_t len;
            if (!readVarint(p, end, len))
                return name + " at byte " + std::to_string(at) + ": truncated length";
            uint64_t remaining = static_cast<uint64_t>(end - p);
            if (len > remaining)
                return name + " at byte " + std::to_string(at) + " declares " + std::to_string(len) +
                       " bytes but only " + std::to_string(remaining) + " remain (file truncated?)";
            p += len;
            break;
        }
        default:
            return name + " at byte " + std::to_string(at) + " has invalid wire type " +
                   std::to_string(wireType) + " (not a protobuf file?)";
        }
    }
    return std::nullopt;
}

std::optional<MessageNesting> measureNesting(const void* data, size_t size,
                                             const google::protobuf::Descriptor* root) {
    struct Level {
        const uint8_t* end;
        const google::protobuf::Descriptor* type;
        int graphs;
    };
    const uint8_t* p = static_cast<const uint8_t*>(data);
    std::vector<Level> stack{{p + size, root, root->name() == "GraphProto"}};
    MessageNesting deepest;
    while (!stack.empty()) {
        Level& level = stack.back();
        if (p == level.end) {
            stack.pop_back();
            continue;
        }
        uint64_t tag = 0, value = 0;
        if (!readVarint(p, level.end, tag))
            return std::nullopt;
        switch (tag & 7) {
        case 0:
            if (!readVarint(p, level.end, value))
                return std::nullopt;
            break;
        case 1:
        case 5: {
            const size_t n = (tag & 7) == 1 ? 8 : 4;
            if (static_cast<size_t>(level.end - p) < n)
                return std::nullopt;
            p += n;
            break;
        }
        case 2: {
            if (!readVarint(p, level.end, value) || value > static_cast<uint64_t>(level.end - p))
                return std::nullopt;
            const auto* field = level.type->FindFieldByNumber(static_cast<int>(tag >> 3));
            if (field && field->type() == google::protobuf::FieldDescriptor::TYPE_MESSAGE) {
                const auto* type = field->message_type();
                const int graphs = level.graphs + (type->name() == "GraphProto");
                stack.push_back({p + value, type, graphs});
                if (static_cast<int>(stack.size()) - 1 > deepest.messages)
                    deepest = {static_cast<int>(stack.size()) - 1, graphs};
            } else {
                p += value;
            }
            break;
        }
        default:
            return std::nullopt; // groups: ONNX has none
        }
    }
    return deepest;
}

} // namespace onnxscope
