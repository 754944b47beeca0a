// Operations fused onto the output of a Conv, MatMul or Gemm: a residual sum and elementwise
// activations, applied in order (oneDNN post-ops). Plain data, so the fusion pass can describe
// them without including oneDNN.
#pragma once

#include <string>
#include <vector>

namespace onnxscope {

struct PostOp {
    enum class Kind {
        Sum,       // y += residual (the fused Add's other input)
        Relu,      // max(y, 0)
        LeakyRelu, // y < 0 ? alpha * y : y
        Clip,      // min(max(y, alpha), beta)
        Sigmoid,
        Tanh,
        Swish, // y * sigmoid(y)
    };
    Kind kind = Kind::Relu;
    float alpha = 0;
    float beta = 0;
};

// "Add", "Relu", ... (the ONNX op a post-op came from, for descriptions).
std::string postOpName(const PostOp& op);

} // namespace onnxscope
