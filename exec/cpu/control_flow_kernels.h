// The control-flow family's parts, registered together by registerControlFlowKernels:
// If/Loop/Scan, the sequence ops, and the optional ops.
#pragma once

namespace onnxscope {

class KernelRegistry;

void registerControlFlowOps(KernelRegistry& registry); // If, Loop, Scan
void registerSequenceOps(
    KernelRegistry& registry); // Sequence*, SplitToSequence, ConcatFromSequence, SequenceMap
void registerOptionalOps(KernelRegistry& registry); // Optional, OptionalHasElement, OptionalGetElement

} // namespace onnxscope
