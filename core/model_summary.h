// The model overview shown by `onnxscope-cli info` and the GUI's overview panel: versions,
// producer, inputs/outputs with element types and shapes, op histogram, weights, metadata.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace onnx {
class ValueInfoProto;
class TypeProto;
} // namespace onnx

namespace onnxscope {

class Model;

struct ValueSummary {
    std::string name;
    std::string elementType; // "float", "int64", "sequence(float)", "?" when unknown
    bool hasShape = false;
    std::vector<std::string> shape; // "224", symbolic "batch", or "?" for an unknown dim
    std::string shapeText() const;  // "[batch,3,224,224]"
};

struct ModelSummary {
    int64_t irVersion = 0;
    std::vector<std::pair<std::string, int64_t>> opsetImports; // domain ("" = ai.onnx) -> version
    std::string producerName, producerVersion, domain, docString, graphName;
    int64_t modelVersion = 0;
    int nodeCount = 0;                      // main graph
    int nodeCountTotal = 0;                 // with every subgraph and model-local function body
    std::map<std::string, int> opHistogram; // every node, subgraphs included; "domain::Op" outside ai.onnx
    std::vector<ValueSummary> inputs;       // graph inputs that are not initializers
    std::vector<ValueSummary> outputs;
    int initializerCount = 0;
    uint64_t initializerBytes = 0;
    std::vector<std::pair<std::string, std::string>> metadata;
    std::vector<std::string> functions; // "domain:name"
};

ModelSummary summarizeModel(const Model& model);
ValueSummary summarizeValue(const onnx::ValueInfoProto& value);
std::string typeToString(const onnx::TypeProto& type);

} // namespace onnxscope
