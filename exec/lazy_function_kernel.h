// The kernel of an op with no kernel whose schema builds its function body from the input types
// (NegativeLogLikelihoodLoss inside SoftmaxCrossEntropyLoss, ...). When the planner cannot see
// those types, the body is built on first use from the actual inputs, once per type signature.
#pragma once

#include "execution_plan.h"
#include "kernel.h"

#include <map>
#include <memory>
#include <string>

namespace onnx {
class NodeProto;
}

namespace onnxscope {

using OpsetMap = std::map<std::string, int>;

std::unique_ptr<Kernel> makeLazyFunctionKernel(const onnx::NodeProto& node,
                                               std::shared_ptr<const OpsetMap> opsets,
                                               const ExternalDataStore* store, const PlanOptions& options);

// Plans a function body built for concrete input types; its nodes get no lazy kernels of their
// own, so a body that still cannot be built fails instead of recursing. (The planner lives in
// execution_plan.cpp.)
Result<std::unique_ptr<ExecutionPlan>> planFunctionBody(const onnx::GraphProto& graph,
                                                        const std::shared_ptr<const OpsetMap>& opsets,
                                                        const ExternalDataStore* store,
                                                        const PlanOptions& options);

} // namespace onnxscope
