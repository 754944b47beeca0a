#include "model_check.h"

#include "model.h"
#include "node_validation.h"

#include <onnx/checker.h>
#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>

#include <regex>

namespace onnxscope {

int checkerMaxIrVersion() {
    return onnx::Version::IR_VERSION;
}

int checkerMaxOpset() {
    auto ranges = onnx::OpSchemaRegistry::DomainToVersionRange::Instance().Map();
    auto it = ranges.find(onnx::ONNX_DOMAIN);
    return it == ranges.end() ? 0 : it->second.second;
}

namespace {

// The checker's messages name the node as "... ==> Context: Bad node spec for node. Name: X OpType: Y".
std::string nodeFromMessage(const std::string& message) {
    static const std::regex nameRe("Name: ([^ ]*) OpType: ([^ \\n]*)");
    std::smatch m;
    if (std::regex_search(message, m, nameRe))
        return m[1].str().empty() ? m[2].str() : m[1].str();
    return {};
}

} // namespace

std::vector<ValidationIssue> checkModel(const Model& model) {
    const onnx::ModelProto& original = model.proto();
    std::vector<ValidationIssue> issues = findInvalidNodes(original);
    bool newerThanChecker = original.ir_version() > checkerMaxIrVersion();
    int maxOpset = checkerMaxOpset();
    for (const auto& opset : original.opset_import())
        if ((opset.domain().empty() || opset.domain() == "ai.onnx") && opset.version() > maxOpset)
            newerThanChecker = true;

    onnx::checker::CheckerContext context;
    context.set_ir_version(std::min<int>(static_cast<int>(original.ir_version()), checkerMaxIrVersion()));
    if (newerThanChecker) {
        issues.push_back({ValidationIssue::Severity::Note,
                          {},
                          "validation limited: the model uses IR " + std::to_string(original.ir_version()) +
                              " / newer opsets than the bundled onnx checker knows (IR " +
                              std::to_string(checkerMaxIrVersion()) + ", opset " + std::to_string(maxOpset) +
                              ")"});
    }
    try {
        if (newerThanChecker) {
            onnx::ModelProto copy = original;
            copy.set_ir_version(checkerMaxIrVersion());
            onnx::checker::check_model(copy);
        } else {
            onnx::checker::check_model(original);
        }
    } catch (const std::exception& e) {
        std::string message = e.what();
        ValidationIssue issue;
        issue.node = nodeFromMessage(message);
        issue.message = message;
        // A newer model may use ops or versions this checker has no schema for: not the model's fault.
        bool unknownToChecker = message.find("No Op registered") != std::string::npos ||
                                message.find("is not a registered function/op") != std::string::npos ||
                                message.find("opset_import") != std::string::npos;
        issue.severity = newerThanChecker && unknownToChecker ? ValidationIssue::Severity::Note
                                                              : ValidationIssue::Severity::Error;
        issues.push_back(issue);
    }
    return issues;
}

} // namespace onnxscope
