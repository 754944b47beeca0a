// Node fusion in a planned main graph, and handing constant inputs to fast-path kernels.
//
// Fused groups, each run as one oneDNN primitive:
//   Conv [+ BatchNormalization] [+ Add (residual)] [+ Relu | LeakyRelu | Clip | Sigmoid | Tanh
//        | x * Sigmoid(x)]...
//     (BatchNormalization folded into the convolution's weights and bias; the rest post-ops)
//   MatMul | Gemm (without C) + Add (as the product's broadcast bias)
// and, alone, pools and Mul/Add beside a fast-path node where that keeps activations in the
// convolutions' channels-last layout (squeeze-and-excitation's per-channel scaling); and, run by
// one vectorized pass of our own:
//   Div(x, sqrt 2) + Erf + Add(1) + Mul(x) + Mul(0.5) (GELU as exporters write it)
// A group forms only where each intermediate value has exactly one reader (its next member)
// and is not a graph output, and only on nodes the CPU backend runs with its oneDNN fast path,
// so without oneDNN nothing is fused. The original nodes and kernels stay in the plan: stepped
// runs and runs that keep intermediates (debugging, layer comparison) execute them one by one,
// and a fused kernel falls back to them for inputs it declines at run time.
#pragma once

namespace onnxscope {

struct ExecutionPlan;

// Records the groups on the plan (PlannedNode::fused, fusedMembers, fusedInto and
// ExecutionPlan::fusedReleaseAfter).
void fuseNodes(ExecutionPlan& plan);

// Fills ExecutionPlan::fusedReleaseAfter: lifetimes for fast runs, which execute the fused nodes
// and skip their other members and the folded nodes.
void computeFastRunLifetimes(ExecutionPlan& plan);

// Gives every fast-path kernel its inputs that are initializers (not the ones a graph input of
// the same name can override), so it can pack them once per session.
void bindConstantInputs(ExecutionPlan& plan);

} // namespace onnxscope
