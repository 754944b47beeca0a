// A subgraph (the body of If, Loop, Scan, SequenceMap) compiled once when the session plans the
// model: its own execution plan, its formal inputs and outputs, and the names it reads from
// enclosing graphs. Kernels hand a GraphBody back to KernelContext::runGraph; only the session
// knows how to run it, with outer-scope names resolved through the enclosing frames.
#pragma once

#include "execution_plan.h"

#include <memory>
#include <string>
#include <vector>

namespace onnxscope {

class GraphBody {
public:
    GraphBody(std::string name, std::unique_ptr<ExecutionPlan> plan)
        : m_name(std::move(name))
        , m_plan(std::move(plan)) {}

    const std::string& name() const { return m_name; }
    const ExecutionPlan& plan() const { return *m_plan; }
    size_t inputCount() const { return m_plan->inputs.size(); }
    size_t outputCount() const { return m_plan->outputs.size(); }
    const std::vector<ValueInfo>& inputs() const { return m_plan->inputs; }
    const std::vector<ValueInfo>& outputs() const { return m_plan->outputs; }
    // Names the body reads from enclosing scopes; the enclosing node lists them as implicit
    // inputs so their values stay alive until the node has run.
    const std::vector<std::string>& capturedNames() const { return m_plan->capturedNames; }

private:
    std::string m_name;
    std::unique_ptr<ExecutionPlan> m_plan;
};

} // namespace onnxscope
