#include "layer_compare.h"

#include "kernel_runner.h"
#include "session.h"

#include <map>

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

IsolationReport isolate(const Session& a, size_t index, const std::vector<Value>& aInputs,
                        const std::map<std::string, Value>& refValues,
                        const std::map<std::string, Value>& refOutputs, const ToleranceSet& tolerances) {
    const PlannedNode& node = a.plan().nodes[index];
    IsolationReport report;
    report.nodeIndex = index;
    report.node = node.label(index);
    if (!node.kernel) {
        report.error = "the node has no kernel: " + node.planError.message();
        return report;
    }
    if (!node.implicitSlots.empty()) {
        report.error = "the node reads outer-scope values from its subgraphs and cannot run alone";
        return report;
    }
    std::vector<Value> inputs;
    for (size_t k = 0; k < node.desc.inputs.size(); ++k) {
        const std::string& name = node.desc.inputs[k];
        if (name.empty()) {
            inputs.emplace_back();
            continue;
        }
        auto it = refValues.find(name);
        if (it != refValues.end()) {
            inputs.push_back(it->second);
        } else {
            inputs.push_back(k < aInputs.size() ? aInputs[k] : Value());
            report.inputsFromA.push_back(name);
        }
    }
    auto outputs =
        runKernel(*node.kernel, node.desc, inputs, a.options().threads > 0 ? a.options().threads : 1);
    if (!outputs.ok()) {
        report.error = outputs.message();
        return report;
    }
    if (node.backend && !node.backend->usesHostMemory())
        for (Value& out : *outputs) {
            auto host = node.backend->toHost(out);
            if (!host.ok()) {
                report.error = host.message();
                return report;
            }
            out = std::move(host).value();
        }
    for (size_t k = 0; k < node.desc.outputs.size() && k < outputs->size(); ++k) {
        const std::string& name = node.desc.outputs[k];
        auto ref = refOutputs.find(name);
        if (name.empty() || ref == refOutputs.end())
            continue;
        report.outputs.emplace_back(name,
                                    compareValues((*outputs)[k], ref->second, tolerances.forName(name)));
    }
    return report;
}

} // namespace

Result<LayerCompareReport> compareLayers(Session& a, const std::map<std::string, Value>& inputs,
                                         ReferenceSource& reference, const LayerCompareOptions& options) {
    LayerCompareReport report;
    report.reference = reference.description();
    const ExecutionPlan& plan = a.plan();

    std::set<std::string> produced;
    std::map<std::string, int> readersLeft; // A's nodes still to read a value
    for (const PlannedNode& node : plan.nodes) {
        for (const std::string& out : node.desc.outputs)
            if (!out.empty())
                produced.insert(out);
        for (const std::string& in : node.desc.inputs)
            if (!in.empty())
                ++readersLeft[in];
    }
    reference.expect(produced);
    OS_RETURN_IF_ERROR(reference.begin(inputs));
    OS_RETURN_IF_ERROR(a.begin(inputs));

    std::map<std::string, bool> within;   // every compared value: within tolerance?
    std::map<std::string, Value> keptRef; // reference values a later node's isolation may read
    for (size_t i = 0; i < plan.nodes.size(); ++i) {
        const PlannedNode& node = plan.nodes[i];
        // Captured before the step, which may free A's inputs whose last reader this is.
        std::vector<Value> aInputs;
        if (report.firstDivergence < 0)
            for (const std::string& in : node.desc.inputs) {
                const Value* v = in.empty() ? nullptr : a.value(in);
                aInputs.push_back(v ? *v : Value());
            }
        auto step = a.step();
        if (!step.ok()) {
            report.error = step.message();
            if (report.firstDivergence < 0) {
                report.firstDivergence = static_cast<int>(i);
                report.firstDivergenceNode = node.label(i);
            }
            break;
        }
        ++report.nodesRun;

        bool outputOff = false;
        std::map<std::string, Value> refOutputs;
        for (const std::string& out : node.desc.outputs) {
            if (out.empty())
                continue;
            auto ref = reference.take(out);
            if (!ref.ok()) {
                report.error = ref.message();
                return report;
            }
            const Value* actual = a.value(out);
            if (!ref->has_value() || !actual) {
                report.notCompared.push_back(out);
                continue;
            }
            ValueReport value;
            value.name = out;
            value.nodeIndex = i;
            value.node = node.label(i);
            value.opType = node.desc.opType;
            value.comparison = compareValues(*actual, **ref, options.tolerances.forName(out));
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

        if (report.firstDivergence < 0 && outputOff) {
            bool inputsOk = true;
            for (const std::string& in : node.desc.inputs) {
                auto it = within.find(in);
                inputsOk = inputsOk && (it == within.end() || it->second);
            }
            if (inputsOk) {
                report.firstDivergence = static_cast<int>(i);
                report.firstDivergenceNode = node.label(i);
                if (options.isolate)
                    report.isolation = isolate(a, i, aInputs, keptRef, refOutputs, options.tolerances);
                keptRef.clear(); // only the first divergence is isolated
            }
        }
        for (const std::string& in : node.desc.inputs)
            if (!in.empty() && --readersLeft[in] <= 0)
                keptRef.erase(in);
    }
    return report;
}

} // namespace onnxscope
