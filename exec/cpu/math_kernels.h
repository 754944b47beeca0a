// Registration helpers of the math family's files, called only from registerMathKernels
// (math_registration.cpp), so the family keeps one list of what it registers.
#pragma once

namespace onnxscope {

class KernelRegistry;

void registerUnaryMathKernels(KernelRegistry& registry);  // unary_math.cpp
void registerActivationKernels(KernelRegistry& registry); // activations.cpp
void registerBinaryMathKernels(KernelRegistry& registry); // binary_math.cpp
void registerVariadicKernels(KernelRegistry& registry);   // variadic_math.cpp
void registerCastKernels(KernelRegistry& registry);       // cast.cpp
void registerSoftmaxKernels(KernelRegistry& registry);    // softmax.cpp
void registerCumSumKernel(KernelRegistry& registry);      // cumsum.cpp
void registerReduceKernels(KernelRegistry& registry);     // reduce.cpp
void registerArgReduceKernels(KernelRegistry& registry);  // arg_reduce.cpp

} // namespace onnxscope
