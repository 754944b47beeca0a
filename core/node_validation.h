// Checks node attributes against the constraints the ONNX spec states, before any model reaches
// libonnx's shape inference or checker.
//
// libonnx 1.12 runs in-process and trusts what its inference functions divide or index by: a
// Conv or pool with strides=[0,0], or a Split with no outputs, ends the process with SIGFPE in
// onnx::convPoolShapeInference. Each node is checked here first (strides, dilations,
// kernel_shape, pads, group, perm, axes, blocksize, input/output counts), including nodes in
// If/Loop/Scan bodies and model-local functions, and a node that fails is set aside: reported by
// name, left uninferred, and nothing else about the model changes.
#pragma once

#include "model_check.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace onnx {
class ModelProto;
}

namespace onnxscope {

// The domain invalid nodes of an inference copy are moved to; libonnx knows no op there and
// leaves their outputs without inferred types.
inline constexpr std::string_view kSetAsideDomain = "ai.onnxscope.set_aside";

// One Error per invalid node, naming the node, the attribute, its value and the rule it breaks.
std::vector<ValidationIssue> findInvalidNodes(const onnx::ModelProto& model);

// For as long as it lives, moves each invalid node of `copy` (the copy handed to libonnx) to
// kSetAsideDomain, so libonnx's inference skips it; the destructor puts the nodes back.
class InvalidNodesSetAside {
public:
    explicit InvalidNodesSetAside(onnx::ModelProto& copy);
    ~InvalidNodesSetAside();
    InvalidNodesSetAside(const InvalidNodesSetAside&) = delete;
    InvalidNodesSetAside& operator=(const InvalidNodesSetAside&) = delete;

    const std::vector<ValidationIssue>& issues() const { return m_issues; }

private:
    onnx::ModelProto& m_copy;
    std::vector<ValidationIssue> m_issues;
    std::vector<std::pair<size_t, std::string>> m_moved; // walk position, original domain
};

} // namespace onnxscope
