// Turns an onnx::NodeProto into the protobuf-free NodeDesc kernels see.
//
// Tensor attributes are decoded with tensorFromProto; graph attributes are handed to a
// caller-supplied compiler (the planner), which returns a planned GraphBody. The function
// inliner uses resolveAttributeReferences to replace ref_attr_name attributes of a function
// body with the calling node's attributes. This file and the planner are the only parts of
// exec/ that include the generated onnx headers.
#pragma once

#include "node_desc.h"

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace onnx {
class NodeProto;
class AttributeProto;
class GraphProto;
} // namespace onnx

namespace onnxscope {

class ExternalDataStore;
class GraphBody;

using SubgraphCompiler = std::function<Result<std::shared_ptr<const GraphBody>>(const onnx::GraphProto& graph,
                                                                                const std::string& label)>;

Result<Attribute> buildAttribute(const onnx::AttributeProto& proto, const ExternalDataStore* store,
                                 const SubgraphCompiler& compileSubgraph, const std::string& nodeLabel);

Result<NodeDesc> buildNodeDesc(const onnx::NodeProto& node, int opsetVersion, const ExternalDataStore* store,
                               const SubgraphCompiler& compileSubgraph);

// Replaces every attribute of node (and of nodes in its graph attributes, recursively) that has
// ref_attr_name with the caller's attribute of that name, renamed to the referencing name. A
// reference the caller does not provide is dropped, so the op's default applies.
void resolveAttributeReferences(onnx::NodeProto& node,
                                const std::map<std::string, const onnx::AttributeProto*>& callerAttributes);

} // namespace onnxscope
