#include "post_ops.h"

namespace onnxscope {

std::string postOpName(const PostOp& op) {
    switch (op.kind) {
    case PostOp::Kind::Sum:
        return "Add";
    case PostOp::Kind::Relu:
        return "Relu";
    case PostOp::Kind::LeakyRelu:
        return "LeakyRelu";
    case PostOp::Kind::Clip:
        return "Clip";
    case PostOp::Kind::Sigmoid:
        return "Sigmoid";
    case PostOp::Kind::Tanh:
        return "Tanh";
    case PostOp::Kind::Swish:
        return "Swish";
    }
    return {};
}

} // namespace onnxscope
