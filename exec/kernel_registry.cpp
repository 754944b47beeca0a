#include "kernel_registry.h"

#include <algorithm>

namespace onnxscope {

std::string_view normalizeDomain(std::string_view domain) {
    return domain == "ai.onnx" ? "" : domain;
}

std::string KernelRegistry::key(std::string_view opType, std::string_view domain) {
    std::string k(normalizeDomain(domain));
    k += '\n';
    k += opType;
    return k;
}

void KernelRegistry::add(KernelDef def) {
    def.domain = std::string(normalizeDomain(def.domain));
    m_defs[key(def.opType, def.domain)].push_back(std::move(def));
}

void KernelRegistry::add(std::string_view opType, int sinceVersion, KernelFactory create,
                         std::string_view domain) {
    KernelDef def;
    def.opType = std::string(opType);
    def.domain = std::string(domain);
    def.sinceVersion = sinceVersion;
    def.create = create;
    add(std::move(def));
}

std::vector<const KernelDef*> KernelRegistry::findAll(std::string_view opType, std::string_view domain,
                                                      int opsetVersion) const {
    std::vector<const KernelDef*> found;
    auto it = m_defs.find(key(opType, domain));
    if (it == m_defs.end())
        return found;
    for (const KernelDef& def : it->second)
        if (opsetVersion >= def.sinceVersion && opsetVersion <= def.endVersion)
            found.push_back(&def);
    std::stable_sort(found.begin(), found.end(),
                     [](const KernelDef* a, const KernelDef* b) { return a->priority > b->priority; });
    return found;
}

const KernelDef* KernelRegistry::find(std::string_view opType, std::string_view domain,
                                      int opsetVersion) const {
    auto all = findAll(opType, domain, opsetVersion);
    return all.empty() ? nullptr : all.front();
}

const KernelDef* KernelRegistry::find(const NodeDesc& node) const {
    for (const KernelDef* def : findAll(node.opType, node.domain, node.opsetVersion))
        if (!def->accepts || def->accepts(node))
            return def;
    return nullptr;
}

std::vector<std::string> KernelRegistry::opTypes(std::string_view domain) const {
    std::vector<std::string> names;
    for (const auto& [k, defs] : m_defs)
        if (!defs.empty() && defs.front().domain == normalizeDomain(domain))
            names.push_back(defs.front().opType);
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace onnxscope
