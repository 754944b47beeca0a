// GELU written out as exporters do (Div by sqrt(2), Erf, Add 1, Mul by x, Mul by 0.5), fused by
// the plan into one pass over the activation instead of five (vit_b_16: 60 such nodes per run).
#pragma once

#include "exec/fast_path.h"

#include <memory>

namespace onnxscope {

// The fused kernel: input 0 is x; output 0 is x * (erf(x / divisor) + 1) * 0.5. constantRank:
// the largest rank of the group's one-element constants, which would broadcast an x of lower
// rank to a larger shape; such inputs are declined (the group then runs its nodes).
std::unique_ptr<FastPathKernel> makeFusedErfGelu(float divisor, int constantRank);

} // namespace onnxscope
