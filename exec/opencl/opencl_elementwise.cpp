// Unary activations and math, broadcasting binary ops, and the shape-only ops that run as
// views of their input (no device work).
#include "opencl_kernels.h"

#include "exec/cpu/broadcast.h"

#include <limits>
#include <map>

namespace onnxscope {

namespace {

struct UnaryOp {
    int code;
    float alpha;
    float beta;
};

// Op codes of unary_f32 in kernels/elementwise.cl, with attribute defaults.
const std::map<std::string, UnaryOp>& unaryOps() {
    static const std::map<std::string, UnaryOp> ops = {
        {"Relu", {0, 0, 0}},
        {"Sigmoid", {1, 0, 0}},
        {"Tanh", {2, 0, 0}},
        {"LeakyRelu", {3, 0.01f, 0}},
        {"Clip", {4, 0, 0}},
        {"HardSigmoid", {5, 0.2f, 0.5f}},
        {"HardSwish", {6, 0, 0}},
        {"Gelu", {7, 0, 0}},
        {"Erf", {9, 0, 0}},
        {"Exp", {10, 0, 0}},
        {"Log", {11, 0, 0}},
        {"Sqrt", {12, 0, 0}},
        {"Abs", {13, 0, 0}},
        {"Neg", {14, 0, 0}},
        {"Reciprocal", {15, 0, 0}},
        {"Elu", {16, 1.0f, 0}},
        {"Selu", {17, 1.67326319217681884765625f, 1.05070102214813232421875f}},
        {"Softplus", {18, 0, 0}},
        {"Softsign", {19, 0, 0}},
        {"Floor", {20, 0, 0}},
        {"Ceil", {21, 0, 0}},
        {"Sin", {22, 0, 0}},
        {"Cos", {23, 0, 0}},
        {"Identity", {24, 0, 0}},
        {"Mish", {25, 0, 0}},
        {"Sign", {26, 0, 0}},
        {"Round", {27, 0, 0}},
        {"ThresholdedRelu", {28, 1.0f, 0}},
        {"Celu", {29, 1.0f, 0}},
    };
    return ops;
}

const std::map<std::string, int>& binaryOps() {
    static const std::map<std::string, int> ops = {{"Add", 0}, {"Sub", 1}, {"Mul", 2}, {"Div", 3},
                                                   {"Pow", 4}, {"Max", 5}, {"Min", 6}, {"PRelu", 7}};
    return ops;
}

class UnaryKernel final : public OpenClKernel {
public:
    UnaryKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node) {
        m_op = unaryOps().at(node.opType);
        if (node.opType == "Gelu" && node.getString("approximate", "none") == "tanh")
            m_op.code = 8;
        if (node.opType == "Selu")
            m_op.beta = node.getFloat("gamma", m_op.beta);
        else if (node.opType != "Clip")
            m_op.beta = node.getFloat("beta", m_op.beta);
        m_op.alpha = node.getFloat("alpha", m_op.alpha);
        if (node.opType == "Clip") {
            // Clip-6 takes min/max as attributes; later versions as optional inputs.
            m_op.alpha = node.getFloat("min", -std::numeric_limits<float>::infinity());
            m_op.beta = node.getFloat("max", std::numeric_limits<float>::infinity());
        }
    }

protected:
    bool readsOnHost(int index) const override { return index > 0; } // Clip's bounds

    Result<bool> computeOnDevice(KernelContext& context) const override {
        UnaryOp op = m_op;
        if (m_node.opType == "Clip") {
            if (const Tensor* lo = context.inputTensor(1); lo && lo->elementCount() == 1)
                op.alpha = lo->data<float>()[0];
            if (const Tensor* hi = context.inputTensor(2); hi && hi->elementCount() == 1)
                op.beta = hi->data<float>()[0];
        }
        const Tensor& x = *context.inputTensor(0);
        OS_ASSIGN_OR_RETURN(ClBuffer in, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer out, m_ctx->allocate(x.byteSize()));
        OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("unary_f32"));
        const cl_int n = static_cast<cl_int>(x.elementCount());
        OS_RETURN_IF_ERROR(setKernelArgs(k, in, out, n, cl_int(op.code), op.alpha, op.beta));
        OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(n)));
        OS_RETURN_IF_ERROR(setOutput(context, 0, out, x.shape()));
        return true;
    }

private:
    UnaryOp m_op{};
};

class BinaryKernel final : public OpenClKernel {
public:
    BinaryKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_op(binaryOps().at(node.opType)) {}

protected:
    Result<bool> computeOnDevice(KernelContext& context) const override {
        if (context.inputCount() != 2 || !context.inputTensor(1))
            return false; // variadic Max/Min with other than two inputs
        const Tensor& a = *context.inputTensor(0);
        const Tensor& b = *context.inputTensor(1);
        const int rank = std::max(a.rank(), b.rank());
        Shape out(static_cast<size_t>(rank));
        std::vector<int64_t> as(static_cast<size_t>(rank), 0), bs(static_cast<size_t>(rank), 0);
        const auto aStrides = contiguousStrides(a.shape()), bStrides = contiguousStrides(b.shape());
        for (int d = 0; d < rank; ++d) {
            const int da = d - (rank - a.rank()), db = d - (rank - b.rank());
            const int64_t na = da >= 0 ? a.dim(da) : 1, nb = db >= 0 ? b.dim(db) : 1;
            if (na != nb && na != 1 && nb != 1)
                return Status::error("cannot broadcast " + shapeToString(a.shape()) + " with " +
                                     shapeToString(b.shape()));
            out[static_cast<size_t>(d)] = na == 1 ? nb : na;
            if (na != 1)
                as[static_cast<size_t>(d)] = aStrides[static_cast<size_t>(da)];
            if (nb != 1)
                bs[static_cast<size_t>(d)] = bStrides[static_cast<size_t>(db)];
        }
        // PRelu's slope broadcasts to X only (unidirectional).
        if (m_op == 7 && out != a.shape())
            return Status::error("slope " + shapeToString(b.shape()) + " cannot be broadcast to X " +
                                 shapeToString(a.shape()));
        int64_t count = 1;
        for (int64_t d : out)
            count *= d;
        if (count > kMaxDeviceElements)
            return false;
        OS_ASSIGN_OR_RETURN(ClBuffer ba, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer bb, input(context, 1));
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(static_cast<size_t>(count) * sizeof(float)));
        OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("binary_f32"));
        OS_RETURN_IF_ERROR(setKernelArgs(k, ba, bb, by, cl_int(count), cl_int(rank), packInts(out),
                                         packInts(as), packInts(bs), cl_int(m_op)));
        OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(count)));
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, out));
        return true;
    }

private:
    int m_op;
};

// Reshape, Flatten, Squeeze, Unsqueeze: the CPU kernels already return views sharing the
// input's storage, and the device copy stays cached under that storage.
class ViewKernel final : public OpenClKernel {
public:
    using OpenClKernel::OpenClKernel;

protected:
    Result<bool> computeOnDevice(KernelContext& context) const override {
        OS_RETURN_IF_ERROR(runOnHost(context));
        return true;
    }
    bool isDataInput(int index) const override { return index == 0; }
};

} // namespace

bool isOpenClUnaryOp(const std::string& opType) {
    return unaryOps().count(opType) != 0;
}
bool isOpenClBinaryOp(const std::string& opType) {
    return binaryOps().count(opType) != 0;
}

std::unique_ptr<OpenClKernel> makeOpenClUnary(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<UnaryKernel>(std::move(ctx), node);
}
std::unique_ptr<OpenClKernel> makeOpenClBinary(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<BinaryKernel>(std::move(ctx), node);
}
std::unique_ptr<OpenClKernel> makeOpenClView(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<ViewKernel>(std::move(ctx), node);
}

} // namespace onnxscope
