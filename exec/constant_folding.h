// Constant folding in a planned main graph: nodes whose inputs are all initializers (that no
// graph input overrides) or outputs of other folded nodes, and whose op is deterministic, are
// run once when the plan is made. Whole runs that do not keep intermediates (the same runs that
// execute fused groups) bind their outputs at the start and skip them: exported models carry
// Constant nodes for every Clip bound and reshape target, and shape arithmetic on weights.
// Stepped runs and runs that keep intermediates still execute every folded node, so debugging
// sees each one run.
#pragma once

namespace onnxscope {

struct ExecutionPlan;

// Records PlannedNode::folded and ExecutionPlan::foldedValues; call after fuseNodes. Returns
// the number of nodes folded.
int foldConstants(ExecutionPlan& plan);

} // namespace onnxscope
