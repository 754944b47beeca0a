#include "layer_compare.h"

#include "kernel_runner.h"
#include "session.h"

#include <algorithm>
#include <map>
#include <set>

namespace onnxscope {

bool IsolationReport::ownError() const {
    for (const auto& [name, cmp] : outputs)
        if (!cmp.withinTolerance())
            return true;
    return false;
}

size_t LayerCompareReport::outOfTolerance() const {
    size_t n = 0;
    for (const ValueReport& v : values)
        n += v.withinTolerance() ? 0 : 1;
    return n;
}

namespace {

// A constant of the plan by name: an initializer, or a value folded at plan time.
const Value* constantValue(const ExecutionPlan& plan, const std::string& name) {
    const int slot = plan.slot(name);
    for (const auto* list : {&plan.initializers, &plan.foldedValues})
        for (const auto& [s, value] : *list)
            if (s == slot)
                return &value;
    return nullptr;
}

// Re-runs the node that ran at plan index `index` on the reference's values of its inputs; an
// input the reference does not have comes from A (a graph input, a constant, or A's own copy).
// A fused group is re-run member by member with the members' own kernels, in ONNX's layout, so
// the result says which arithmetic is at fault whatever the fused kernel expects; where the
// reference has a member's outputs, the first member that disagrees on them is the node named.
IsolationReport isolate(const Session& a, size_t index, const std::map<std::string, Value>& aValues,
                        const std::map<std::string, Value>& refValues,
                        const std::map<std::string, Value>& refOutputs, const ToleranceSet& tolerances) {
    const PlannedNode& ran = *a.nodeRunAt(index);
    IsolationReport report;
    report.nodeIndex = ran.fusedMembers.empty() ? index : ran.fusedMembers.front();
    report.node = ran.label(index);
    std::vector<size_t> members = ran.fusedMembers;
    if (members.empty())
        members.push_back(index);
    std::sort(members.begin(), members.end()); // plan order is an order the members can run in
    auto referenceOf = [&](const std::string& name) -> const Value* {
        if (auto it = refOutputs.find(name); it != refOutputs.end())
            return &it->second;
        if (auto it = refValues.find(name); it != refValues.end())
            return &it->second;
        return nullptr;
    };
    std::map<std::string, Value> local; // outputs of the members run so far
    std::set<std::string> unconfirmed;  // those the reference could not confirm
    const int threads = a.options().threads > 0 ? a.options().threads : 1;
    bool blamed = false;
    for (size_t m : members) {
        const PlannedNode& node = a.plan().nodes[m];
        if (!node.kernel) {
            report.error = "the node has no kernel: " + node.planError.message();
            return report;
        }
        if (!node.implicitSlots.empty()) {
            report.error = "the node reads outer-scope values from its subgraphs and cannot run alone";
            return report;
        }
        std::vector<Value> inputs;
        // A member is to blame only for what it computed from inputs known to be right.
        bool inputsConfirmed = true;
        for (const std::string& name : node.desc.inputs) {
            inputsConfirmed = inputsConfirmed && !unconfirmed.count(name);
            if (name.empty()) {
                inputs.emplace_back();
            } else if (const Value* ref = referenceOf(name)) {
                inputs.push_back(*ref);
            } else if (auto own = local.find(name); own != local.end()) {
                inputs.push_back(own->second);
            } else {
                report.inputsFromA.push_back(name);
                if (auto it = aValues.find(name); it != aValues.end())
                    inputs.push_back(it->second);
                else if (const Value* constant = constantValue(a.plan(), name))
                    inputs.push_back(*constant);
                else
                    inputs.emplace_back();
            }
        }
        auto outputs = runKernel(*node.kernel, node.desc, inputs, threads);
        if (!outputs.ok()) {
            report.error = outputs.message();
            return report;
        }
        for (size_t k = 0; k < node.desc.outputs.size() && k < outputs->size(); ++k) {
            const std::string& name = node.desc.outputs[k];
            Value out = std::move((*outputs)[k]);
            if (node.backend && !node.backend->usesHostMemory()) {
                auto host = node.backend->toHost(out);
                if (!host.ok()) {
                    report.error = host.message();
                    return report;
                }
                out = std::move(host).value();
            }
            if (name.empty())
                continue;
            if (const Value* ref = referenceOf(name)) {
                TensorComparison c = compareValues(out, *ref, tolerances.forName(name));
                if (!c.withinTolerance() && !blamed && inputsConfirmed && members.size() > 1) {
                    blamed = true;
                    report.nodeIndex = m;
                    report.node = node.label(m);
                }
                report.outputs.emplace_back(name, std::move(c));
            } else {
                unconfirmed.insert(name);
            }
            local[name] = std::move(out);
        }
    }
    return report;
}

} // namespace

Result<LayerCompareReport> compareLayers(Session& a, const std::map<std::string, Value>& inputs,
                                         ReferenceSource& reference, const LayerCompareOptions& options) {
    LayerCompareReport report;
    report.reference = reference.description();
    const ExecutionPlan& plan = a.plan();
    // By default A runs exactly as a plain run executes it (fused groups, in-place reuse, values
    // left on their device), and is only peeked at: its final outputs are those of a plain run,
    // bit for bit, and a fault that depends on that schedule cannot hide from the comparison.
    OS_RETURN_IF_ERROR(
        a.begin(inputs, options.everyNode ? Session::PassMode::Stepped : Session::PassMode::AsRun));

    // The values inside fused groups: A does not produce them, but where the reference has them
    // they let isolation name the member of a divergent group that is at fault.
    auto innerOutputs = [&](const PlannedNode& node) {
        std::vector<std::string> names;
        for (size_t m : node.fusedMembers)
            for (const std::string& out : plan.nodes[m].desc.outputs)
                if (!out.empty() && std::find(node.desc.outputs.begin(), node.desc.outputs.end(), out) ==
                                        node.desc.outputs.end())
                    names.push_back(out);
        return names;
    };
    std::set<std::string> produced;
    std::map<std::string, int> readersLeft; // A's nodes still to read a value
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        const PlannedNode* node = a.nodeRunAt(i);
        if (!node) {
            for (const std::string& out : plan.nodes[i].desc.outputs)
                if (!out.empty())
                    report.notCompared.push_back(out); // computed inside a fused group, or folded
            continue;
        }
        for (const std::string& out : node->desc.outputs)
            if (!out.empty())
                produced.insert(out);
        for (const std::string& out : innerOutputs(*node))
            produced.insert(out);
        for (const std::string& in : node->desc.inputs)
            if (!in.empty())
                ++readersLeft[in];
    }
    reference.expect(produced);
    OS_RETURN_IF_ERROR(reference.begin(inputs, options.everyNode));

    std::map<std::string, bool> within;   // every compared value: within tolerance?
    std::map<std::string, Value> keptRef; // reference values a later node's isolation may read
    std::map<std::string, Value> keptA(inputs.begin(), inputs.end()); // A's, likewise
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        const PlannedNode* node = a.nodeRunAt(i);
        auto step = a.step();
        if (!step.ok()) {
            report.error = step.message();
            if (report.firstDivergence < 0) {
                report.firstDivergence = static_cast<int>(i);
                report.firstDivergenceNode = (node ? *node : plan.nodes[i]).label(i);
            }
            break;
        }
        if (!node)
            continue; // runs inside a later fused group, or was folded at plan time
        ++report.nodesRun;
        // A fused group's values belong to its main node, which the graph and the lists show.
        const size_t shownIndex = node->fusedMembers.empty() ? i : node->fusedMembers.front();

        bool outputOff = false;
        std::map<std::string, Value> refOutputs;
        for (const std::string& out : node->desc.outputs) {
            if (out.empty())
                continue;
            auto ref = reference.take(out);
            if (!ref.ok()) {
                report.error = ref.message();
                return report;
            }
            auto actual = a.peek(out);
            if (!actual.ok()) {
                report.error = actual.message();
                return report;
            }
            // A's own value stands in for one the reference lacks when isolating a later node.
            if (actual->has_value() && report.firstDivergence < 0 && readersLeft[out] > 0)
                keptA[out] = **actual;
            if (!ref->has_value() || !actual->has_value()) {
                report.notCompared.push_back(out);
                continue;
            }
            ValueReport value;
            value.name = out;
            value.nodeIndex = shownIndex;
            value.node = node->label(i);
            value.opType = node->desc.opType;
            value.comparison = compareValues(**actual, **ref, options.tolerances.forName(out));
            within[out] = value.withinTolerance();
            outputOff = outputOff || !value.withinTolerance();
            if (options.onValue)
                options.onValue(value);
            report.values.push_back(std::move(value));
            if (report.firstDivergence < 0) {
                if (readersLeft[out] > 0)
                    keptRef[out] = **ref;
                refOutputs[out] = std::move(**ref);
            }
        }
        std::map<std::string, Value> innerRef;
        for (const std::string& inner : innerOutputs(*node)) {
            auto ref = reference.take(inner);
            if (!ref.ok()) {
                report.error = ref.message();
                return report;
            }
            if (ref->has_value() && report.firstDivergence < 0)
                innerRef[inner] = std::move(**ref);
        }

        if (report.firstDivergence < 0 && outputOff) {
            bool inputsOk = true;
            for (const std::string& in : node->desc.inputs) {
                auto it = within.find(in);
                inputsOk = inputsOk && (it == within.end() || it->second);
            }
            if (inputsOk) {
                report.firstDivergence = static_cast<int>(shownIndex);
                report.firstDivergenceNode = node->label(i);
                if (options.isolate) {
                    keptRef.insert(innerRef.begin(), innerRef.end());
                    report.isolation = isolate(a, i, keptA, keptRef, refOutputs, options.tolerances);
                    if (report.isolation->ran() && report.isolation->nodeIndex != shownIndex) {
                        // The reference had the group's inner values: the member at fault.
                        report.firstDivergence = static_cast<int>(report.isolation->nodeIndex);
                        report.firstDivergenceNode = report.isolation->node;
                    }
                }
                if (node->fusedMembers.size() > 1 && report.firstDivergence == static_cast<int>(shownIndex))
                    for (size_t m : node->fusedMembers)
                        report.firstDivergenceGroup.push_back(plan.nodes[m].label(m));
                keptRef.clear(); // only the first divergence is isolated
                keptA.clear();
            }
        }
        for (const std::string& in : node->desc.inputs)
            if (!in.empty() && --readersLeft[in] <= 0) {
                keptRef.erase(in);
                keptA.erase(in);
            }
    }
    return report;
}

} // namespace onnxscope
