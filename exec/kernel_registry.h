// Kernels keyed by op type, domain and opset version range.
//
// Each op family registers itself from a plain function (registerXxxKernels) called from one
// list in the backend; no static initializers, no macro-generated names. A faster
// implementation (oneDNN) is added with a higher priority, so the reference stays registered
// and available for differential tests.
#pragma once

#include "kernel.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace onnxscope {

struct KernelDef {
    std::string opType;
    std::string domain; // "" for ai.onnx
    int sinceVersion = 1;
    int endVersion = 1 << 30; // inclusive
    KernelFactory create = nullptr;
    int priority = 0; // higher wins among matching defs
    std::string implementation = "reference";
    // Capability check on the node's attributes and outputs; a def that declines a node is
    // skipped for it (so a fast path hands it to the reference). nullptr accepts every node.
    bool (*accepts)(const NodeDesc& node) = nullptr;
};

class KernelRegistry {
public:
    void add(KernelDef def);
    // Convenience: every version from sinceVersion on.
    void add(std::string_view opType, int sinceVersion, KernelFactory create, std::string_view domain = "");

    // Best match for the node's op, domain and opset version, or nullptr.
    const KernelDef* find(std::string_view opType, std::string_view domain, int opsetVersion) const;
    // Best def that accepts this node (its op, domain, opset and attributes), or nullptr.
    const KernelDef* find(const NodeDesc& node) const;
    // Every def for an op (for differential tests and "which implementations exist").
    std::vector<const KernelDef*> findAll(std::string_view opType, std::string_view domain,
                                          int opsetVersion) const;
    std::vector<std::string> opTypes(std::string_view domain) const;

private:
    static std::string key(std::string_view opType, std::string_view domain);
    std::unordered_map<std::string, std::vector<KernelDef>> m_defs;
};

// "ai.onnx" and "" name the same domain.
std::string_view normalizeDomain(std::string_view domain);

} // namespace onnxscope
