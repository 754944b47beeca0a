#include "constant_folding.h"

#include "execution_plan.h"
#include "fusion.h"
#include "graph_executor.h"
#include "kernel_runner.h"

#include <array>
#include <map>
#include <set>
#include <string_view>

namespace onnxscope {

namespace {

// A folded node's outputs stay in memory for the session's life: large ones (a
// ConstantOfShape of a big shape, say) are cheaper to compute per run than to keep.
constexpr uint64_t kMaxNodeBytes = uint64_t(16) << 20;
constexpr uint64_t kMaxTotalBytes = uint64_t(256) << 20;

bool deterministic(const NodeDesc& desc) {
    static constexpr std::array<std::string_view, 7> random{
        "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike",
        "Bernoulli",    "Multinomial",      "Dropout"}; // Dropout: random where training_mode is set
    for (std::string_view op : random)
        if (desc.opType == op)
            return false;
    return true;
}

bool foldable(const PlannedNode& node) {
    if (!node.kernel || node.fused || node.fusedInto >= 0 || !node.implicitSlots.empty())
        return false;
    if (node.backend && !node.backend->usesHostMemory())
        return false;
    if (!node.desc.domain.empty() || !deterministic(node.desc))
        return false;
    for (const Attribute& a : node.desc.attributes)
        if (a.type == Attribute::Type::Graph || a.type == Attribute::Type::Graphs)
            return false;
    // Ops without inputs other than Constant make their values from nothing but attributes,
    // which only Constant is sure to do the same way every time.
    return !node.inputSlots.empty() || node.desc.opType == "Constant";
}

} // namespace

int foldConstants(ExecutionPlan& plan) {
    const std::set<int> overridable(plan.inputSlots.begin(), plan.inputSlots.end());
    std::map<int, Value> known;
    for (const auto& [slot, value] : plan.initializers)
        if (!overridable.count(slot))
            known[slot] = value;
    int folded = 0;
    uint64_t total = 0;
    for (PlannedNode& node : plan.nodes) {
        if (!foldable(node))
            continue;
        std::vector<Value> inputs(node.inputSlots.size());
        bool constant = true;
        for (size_t k = 0; k < node.inputSlots.size() && constant; ++k) {
            const int slot = node.inputSlots[k];
            if (slot < 0)
                continue;
            auto it = known.find(slot);
            constant = it != known.end();
            if (constant)
                inputs[k] = it->second;
        }
        if (!constant)
            continue;
        auto outputs = runKernel(*node.kernel, node.desc, inputs, 1);
        if (!outputs.ok()) // left to fail at run time, where the error names the run
            continue;
        uint64_t bytes = 0;
        for (const Value& v : *outputs)
            bytes += valueBytes(v);
        if (bytes > kMaxNodeBytes || total + bytes > kMaxTotalBytes)
            continue;
        total += bytes;
        node.folded = true;
        ++folded;
        for (size_t o = 0; o < node.outputSlots.size() && o < outputs->size(); ++o) {
            const int slot = node.outputSlots[o];
            if (slot < 0)
                continue;
            known[slot] = (*outputs)[o];
            plan.foldedValues.emplace_back(slot, (*outputs)[o]);
        }
    }
    if (folded > 0)
        computeFastRunLifetimes(plan);
    return folded;
}

} // namespace onnxscope
