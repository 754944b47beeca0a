// Model validation with libonnx's checker, limited to what Debian's libonnx 1.12 knows.
//
// libonnx 1.12 refuses IR versions above 8 and has schemas only up to opset 17. A newer model is
// checked as if it were IR 8, and problems that only come from the checker not knowing a newer
// op or opset are reported as notes, not errors, so such models can still be saved.
#pragma once

#include <string>
#include <vector>

namespace onnxscope {

class Model;

struct ValidationIssue {
    enum class Severity { Error, Note };
    Severity severity = Severity::Error;
    std::string node; // node name or op type the problem concerns, empty for model-level
    std::string message;
    std::string toString() const { return node.empty() ? message : "node '" + node + "': " + message; }
};

std::vector<ValidationIssue> checkModel(const Model& model);

// Highest IR version and ai.onnx opset the linked libonnx validates.
int checkerMaxIrVersion();
int checkerMaxOpset();

} // namespace onnxscope
