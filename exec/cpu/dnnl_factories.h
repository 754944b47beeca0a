// Registry factories of the oneDNN fast paths (each wraps the op's reference kernel for the
// inputs it declines); used by dnnl_registration.cpp only.
#pragma once

#ifdef ONNXSCOPE_HAVE_DNNL

#include "exec/kernel.h"

namespace onnxscope {

Result<std::unique_ptr<Kernel>> makeDnnlConvKernel(const NodeDesc& node);
Result<std::unique_ptr<Kernel>> makeDnnlConvTransposeKernel(const NodeDesc& node);
Result<std::unique_ptr<Kernel>> makeDnnlMatMulKernel(const NodeDesc& node);
Result<std::unique_ptr<Kernel>> makeDnnlGemmKernel(const NodeDesc& node);
Result<std::unique_ptr<Kernel>> makeDnnlPoolKernel(const NodeDesc& node);
// MaxPool with its Indices output stays on the reference.
bool dnnlPoolAccepts(const NodeDesc& node);

} // namespace onnxscope

#endif
