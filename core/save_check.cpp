#include "save_check.h"

#include "model.h"
#include "node_validation.h"
#include "shape_inference.h"

#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <algorithm>
#include <regex>
#include <sstream>

namespace onnxscope {

namespace {

// Strict inference collects one line per failing node, "(op_type:Reshape, node name: r1): ...".
std::vector<ValidationIssue> issuesFromInferenceError(const std::string& message, bool newerThanChecker) {
    static const std::regex nodeRe(R"(\(op_type:([^,]*), node name: ([^)]*)\))");
    std::vector<ValidationIssue> issues;
    std::istringstream lines(message);
    std::string line;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (!std::regex_search(line, m, nodeRe))
            continue;
        ValidationIssue issue;
        issue.node = m[2].str().empty() ? m[1].str() : m[2].str();
        std::string rest = m.suffix().str();
        rest.erase(0, rest.find_first_not_of(": "));
        issue.message = "shape inference: " + rest;
        issues.push_back(std::move(issue));
    }
    if (issues.empty())
        issues.push_back({ValidationIssue::Severity::Error, {}, "shape inference: " + message});
    // Ops and opsets newer than libonnx 1.12 cannot be inferred here; that is not the model's fault.
    if (newerThanChecker)
        for (ValidationIssue& issue : issues)
            issue.severity = ValidationIssue::Severity::Note;
    return issues;
}

} // namespace

std::vector<ValidationIssue> checkBeforeSave(const Model& model) {
    std::vector<ValidationIssue> issues = checkModel(model);
    const bool newerThanChecker = std::any_of(issues.begin(), issues.end(), [](const ValidationIssue& i) {
        return i.severity == ValidationIssue::Severity::Note;
    });
    std::unique_ptr<onnx::ModelProto> copy = lightCopy(model.proto());
    if (copy->ir_version() > checkerMaxIrVersion())
        copy->set_ir_version(checkerMaxIrVersion());
    InvalidNodesSetAside setAside(*copy); // checkModel has reported them already
    try {
        onnx::ShapeInferenceOptions options;
        options.check_type = true;
        options.error_mode = 1; // collect every failing node instead of skipping them
        onnx::shape_inference::InferShapes(*copy, onnx::OpSchemaRegistry::Instance(), options);
    } catch (const std::exception& e) {
        for (ValidationIssue& issue : issuesFromInferenceError(e.what(), newerThanChecker))
            issues.push_back(std::move(issue));
    }
    return issues;
}

bool hasErrors(const std::vector<ValidationIssue>& issues) {
    return std::any_of(issues.begin(), issues.end(), [](const ValidationIssue& i) {
        return i.severity == ValidationIssue::Severity::Error;
    });
}

} // namespace onnxscope
