// Registration entry points of the CPU kernel families, called from one list in
// cpu_kernel_list.cpp. Each family lives in its own files under exec/cpu/.
#pragma once

namespace onnxscope {

class KernelRegistry;

void registerMathKernels(KernelRegistry& registry);        // elementwise, activations, reductions, casts
void registerTensorKernels(KernelRegistry& registry);      // shape and data movement, indexing, misc
void registerNnKernels(KernelRegistry& registry);          // conv, pooling, norms, matmul, rnn, quantization
void registerControlFlowKernels(KernelRegistry& registry); // If/Loop/Scan, sequences, optionals
void registerExtraKernels(
    KernelRegistry& registry); // recent opsets: BitCast, CumProd, SwiGLU, AffineGrid, DeformConv

// Every CPU kernel, reference and fast paths.
void registerCpuKernels(KernelRegistry& registry);

} // namespace onnxscope
