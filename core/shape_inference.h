// Shape inference through libonnx, on a light copy of the model (large weights left out), so
// the loaded model is never modified and inferred types stay apart from declared ones.
//
// Inference problems are reported as text, never fatal: an op libonnx does not know (newer
// opsets, custom domains) simply leaves its outputs without inferred types, and so does a node
// whose attributes break the spec (node_validation.h), which libonnx never sees.
#pragma once

#include "status.h"

#include <memory>
#include <string>

namespace onnx {
class ModelProto;
}

namespace onnxscope {

struct InferredModel {
    std::unique_ptr<onnx::ModelProto> model; // the light copy with value_info filled in
    std::string warnings;                    // empty when inference ran cleanly; one line per problem
};

InferredModel inferShapes(const onnx::ModelProto& model);

// The light copy alone: every field but the payloads of tensors over maxPayloadBytes.
std::unique_ptr<onnx::ModelProto> lightCopy(const onnx::ModelProto& model, size_t maxPayloadBytes = 4096);

} // namespace onnxscope
