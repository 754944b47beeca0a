// Conv on oneDNN: 1-D to 3-D, groups and depthwise, strides, dilations, pads and auto_pad, bias,
// with fused post-ops (residual sum, activations). Source and destination stay in ONNX's plain
// layout for the caller; oneDNN picks the blocked layout it computes fastest in, and the
// kernel reorders into and out of it around the primitive. Large 3x3 stride-1 convolutions use
// Winograd's algorithm.
#include "exec/cpu/dnnl_kernels.h"

#ifdef ONNXSCOPE_HAVE_DNNL

#include "exec/cpu/conv.h"
#include "exec/cpu/dnnl_common.h"
#include "exec/cpu/dnnl_factories.h"
#include "exec/cpu/elementwise.h"
#include "exec/cpu/matrix_vector.h"
#include "exec/cpu/vector_math.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>

namespace onnxscope {

namespace {

using dnnl::memory;
namespace du = dnnl_util;

class DnnlConvKernel final : public du::PreparedFastPath {
public:
    DnnlConvKernel(const NodeDesc& node, std::unique_ptr<Kernel> reference, std::vector<PostOp> postOps,
                   ChannelsLast layout)
        : m_node(node)
        , m_group(node.getInt("group", 1))
        , m_reference(std::move(reference))
        , m_postOps(std::move(postOps))
        , m_layout(layout) {
        // oneDNN 2.6 applies a trailing Swish post-op at about twice the cost of a separate
        // vectorized pass over the output (efficientnet_b0: 1 ms of 14).
        if (!m_postOps.empty() && m_postOps.back().kind == PostOp::Kind::Swish) {
            m_postOps.pop_back();
            m_swishAfter = true;
        }
        for (const PostOp& op : m_postOps)
            m_hasSum = m_hasSum || op.kind == PostOp::Kind::Sum;
    }

    std::string implementation(const KernelContext& ctx) const override {
        std::lock_guard lock(m_mutex);
        const Prepared* p = prepare(ctx);
        return !p ? std::string() : p->pointProduct ? "matrix-vector" : p->implementation;
    }

    void bindConstantInput(int index, const Tensor& value) override {
        std::lock_guard lock(m_mutex);
        if (index == 1)
            m_weights = value;
        else if (index == 2)
            m_bias = value;
        m_cache.clear();
    }

    Status compute(KernelContext& ctx) const override {
        std::lock_guard lock(m_mutex);
        Prepared* p = prepare(ctx);
        if (!p)
            return du::runReferenceOr(m_reference.get(), ctx, "Conv");
        const int threads = du::useThreads(ctx.threadCount());
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* w = weights(ctx);
        const Tensor* b = bias(ctx);
        if (p->pointProduct)
            return computePointProduct(ctx, *p, *x, *w, b);

        const memory src = p->src.read(du::wrap(p->userSrc, x->rawData()));
        const memory wei = p->weights.get(p->userWeights, *w, m_weights.isValid());
        // The sum post-op adds to what the destination holds: the residual itself, when it is
        // read for the last time here and oneDNN writes the output's layout, saves copying it.
        Tensor y;
        if (m_hasSum && !p->dst && p->userResidual == p->userDst) {
            y = ctx.takeInputForReuse(3);
            if (y.isValid() && (y.dataType() != DataType::Float || y.shape() != p->outputShape))
                return Status::error("Conv: the residual taken over does not match the output");
            if (y.isValid())
                ctx.setOutput(0, Value(y));
        }
        const bool inPlace = y.isValid();
        if (!inPlace)
            y = du::newOutput(ctx, p->outputShape);
        const memory userDst = du::wrap(p->userDst, y.data<float>());
        const memory dst = p->dst.target(userDst);
        if (m_hasSum && !inPlace)
            du::reorder(du::wrap(p->userResidual, ctx.inputTensor(3)->rawData()), dst, &p->toDst);
        std::unordered_map<int, memory> args{
            {DNNL_ARG_SRC, src}, {DNNL_ARG_WEIGHTS, wei}, {DNNL_ARG_DST, dst}};
        if (b)
            args.emplace(DNNL_ARG_BIAS, du::wrap(p->biasDesc, b->rawData()));
        du::run(p->primitive, args);
        p->dst.finish(userDst);
        if (m_swishAfter)
            mapChunks(y.data<float>(), y.data<float>(), y.elementCount(), threads, &vecmath::swish);
        return {};
    }

private:
    bool isPrepared(const KernelContext& ctx) const override { return prepare(ctx) != nullptr; }

    struct Prepared {
        Shape outputShape;
        // A convolution of one pixel by a 1x1 kernel (squeeze-and-excitation's fully connected
        // layers) is a matrix-vector product that oneDNN's per-call overhead dominated; computed
        // here instead, in ONNX's weight layout.
        bool pointProduct = false;
        dnnl::convolution_forward primitive;
        memory::desc userSrc, userWeights, userDst, userResidual, biasDesc; // as the tensors hold them
        du::Relayout src, dst; // where oneDNN wants other layouts
        dnnl::reorder toDst;   // the residual into the destination (sum post-op)
        std::string implementation;
        du::PackedWeights weights;
    };

    Status computePointProduct(KernelContext& ctx, const Prepared& p, const Tensor& x, const Tensor& w,
                               const Tensor* b) const {
        const int64_t inputs = x.elementCount(), outputs = w.dim(0);
        const float* xv = x.data<float>();
        const float* wv = w.data<float>();
        const float* bv = b ? b->data<float>() : nullptr;
        const float* residual = m_hasSum ? ctx.inputTensor(3)->data<float>() : nullptr;
        Tensor y = du::newOutput(ctx, p.outputShape);
        float* yv = y.data<float>();
        matrixVector(wv, xv, bv, yv, outputs, inputs, ctx.threadCount());
        for (const PostOp& op : m_postOps)
            applyPostOp(op, yv, residual, outputs);
        if (m_swishAfter)
            vecmath::swish(yv, yv, outputs);
        return {};
    }

    // One post-op over n outputs, as oneDNN applies it (Sum adds the residual).
    static void applyPostOp(const PostOp& op, float* y, const float* residual, int64_t n) {
        switch (op.kind) {
        case PostOp::Kind::Sum:
            for (int64_t i = 0; i < n; ++i)
                y[i] += residual[i];
            return;
        case PostOp::Kind::Relu:
            for (int64_t i = 0; i < n; ++i)
                y[i] = std::max(y[i], 0.0f);
            return;
        case PostOp::Kind::LeakyRelu:
            for (int64_t i = 0; i < n; ++i)
                y[i] = y[i] < 0.0f ? op.alpha * y[i] : y[i];
            return;
        case PostOp::Kind::Clip:
            for (int64_t i = 0; i < n; ++i)
                y[i] = std::min(std::max(y[i], op.alpha), op.beta);
            return;
        case PostOp::Kind::Sigmoid:
            vecmath::sigmoid(y, y, n);
            return;
        case PostOp::Kind::Tanh:
            vecmath::tanh(y, y, n);
            return;
        case PostOp::Kind::Swish:
            vecmath::swish(y, y, n);
            return;
        }
    }

    const Tensor* weights(const KernelContext& ctx) const {
        return m_weights.isValid() ? &m_weights : ctx.inputTensor(1);
    }
    const Tensor* bias(const KernelContext& ctx) const {
        return m_bias.isValid() ? &m_bias : ctx.inputTensor(2);
    }

    // The primitive for these inputs (cached by shapes and thread count), or nullptr when this
    // kernel does not compute them exactly. Called with m_mutex held.
    Prepared* prepare(const KernelContext& ctx) const {
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* w = weights(ctx);
        const Tensor* b = bias(ctx);
        if (!x || !w || x->dataType() != DataType::Float || w->dataType() != DataType::Float ||
            (b && b->dataType() != DataType::Float) || x->rank() < 3 || x->rank() > 5)
            return nullptr;
        const Tensor* residual = m_hasSum ? ctx.inputTensor(3) : nullptr;
        if (m_hasSum && (!residual || residual->dataType() != DataType::Float))
            return nullptr;
        std::vector<int64_t> key = x->shape();
        key.insert(key.end(), w->shape().begin(), w->shape().end());
        key.push_back(b ? b->elementCount() : -1);
        key.push_back(du::useThreads(ctx.threadCount()));
        auto it = m_cache.find(key);
        if (it == m_cache.end())
            it = m_cache.emplace(key, create(*x, *w, b)).first;
        Prepared* p = it->second.get();
        if (p && residual && residual->shape() != p->outputShape)
            return nullptr;
        return p;
    }

    std::unique_ptr<Prepared> create(const Tensor& x, const Tensor& w, const Tensor* b) const {
        auto setup = setupConv(m_node, x.shape(), w.shape(), m_group);
        if (!setup.ok() || x.elementCount() == 0 || w.elementCount() == 0)
            return nullptr;
        const ConvSetup& s = *setup;
        if (b && (b->rank() != 1 || b->dim(0) != s.outChannels))
            return nullptr;
        const ConvGeometry& g = s.geometry;
        memory::dims strides, dilations, padL, padR;
        for (size_t i = 0; i < g.kernel.size(); ++i) {
            const int64_t right = du::rightPadding(g.input[i], g.output[i], g.kernel[i], g.strides[i],
                                                   g.dilations[i], g.padBegin[i]);
            if (right < 0)
                return nullptr;
            strides.push_back(g.strides[i]);
            dilations.push_back(g.dilations[i] - 1); // oneDNN counts the gaps
            padL.push_back(g.padBegin[i]);
            padR.push_back(right);
        }
        memory::dims wdims = du::dims(w.shape());
        if (s.group > 1) {
            wdims[0] = s.outChannels / s.group;
            wdims.insert(wdims.begin(), s.group);
        }
        auto p = std::make_unique<Prepared>();
        p->outputShape = s.outputShape;
        p->pointProduct =
            s.batch == 1 && s.group == 1 && g.inputSize() == 1 && g.outputSize() == 1 && g.kernelSize() == 1;
        if (p->pointProduct)
            return p;
        p->userSrc = du::activationDesc(du::dims(x.shape()), m_layout.src, m_layout.blocked);
        p->userWeights = du::plainDesc(wdims);
        p->userDst = du::activationDesc(du::dims(s.outputShape), m_layout.dst, m_layout.blocked);
        p->userResidual = du::activationDesc(du::dims(s.outputShape), m_layout.residual, m_layout.blocked);
        if (b)
            p->biasDesc = du::plainDesc({s.outChannels});
        const auto any = memory::format_tag::any;
        const auto f32 = memory::data_type::f32;
        dnnl::primitive_attr attr;
        attr.set_post_ops(du::toDnnl(m_postOps));
        // Channels-last tensors are imposed on the direct convolution, which then reads and
        // writes them in place. Winograd computes in its own blocked layout, and so does the
        // direct one where the imposed pair has only oneDNN's reference implementation (source
        // and destination blocked differently); the tensors are then reordered (a few percent
        // of the convolution).
        auto describe = [&](dnnl::algorithm algorithm, bool impose) {
            dnnl::convolution_forward::desc desc(
                dnnl::prop_kind::forward_inference, algorithm,
                m_layout.src && impose ? p->userSrc : memory::desc(du::dims(x.shape()), f32, any),
                memory::desc(wdims, f32, any), p->biasDesc,
                m_layout.dst && impose ? p->userDst : memory::desc(du::dims(s.outputShape), f32, any),
                strides, dilations, padL, padR);
            return dnnl::convolution_forward::primitive_desc(desc, attr, du::engine());
        };
        auto describeDirect = [&] {
            auto imposed = describe(dnnl::algorithm::convolution_direct, true);
            if (std::string_view(imposed.impl_info_str()).starts_with("ref"))
                return describe(dnnl::algorithm::convolution_direct, false);
            return imposed;
        };
        try {
            std::optional<dnnl::convolution_forward::primitive_desc> winograd;
            if (winogradPays(s))
                try {
                    winograd = describe(dnnl::algorithm::convolution_winograd, false);
                } catch (const dnnl::error&) {
                    // this configuration has no Winograd implementation; the direct one follows
                }
            const auto pd = winograd ? *winograd : describeDirect();
            p->primitive = dnnl::convolution_forward(pd);
            p->implementation = pd.impl_info_str();
            p->src = du::Relayout::source(p->userSrc, pd.src_desc());
            if (pd.weights_desc() != p->userWeights)
                p->weights.allocate(pd.weights_desc());
            p->toDst = du::makeReorder(p->userResidual, pd.dst_desc());
            p->dst = du::Relayout::destination(pd.dst_desc(), p->userDst);
            // Which implementation oneDNN picks, and so whether it writes the output's own layout,
            // depends on the CPU; profiles and tests read it here rather than assume it.
            if (p->dst)
                p->implementation += std::string(" ") + kReorderedOutput;
        } catch (const dnnl::error&) {
            return nullptr; // no oneDNN implementation for this configuration
        }
        return p;
    }

    // oneDNN's Winograd kernels (F(2x2,3x3) and F(4x4,3x3)) take 0.3-0.8 of the direct
    // convolution's time from about 7 million multiply-adds per image up, and lose below
    // (bench/winograd_sweep.cpp). Their rounding differs from the direct sum by about 1e-6 of the
    // output's magnitude per layer.
    static bool winogradPays(const ConvSetup& s) {
        const ConvGeometry& g = s.geometry;
        if (g.kernel.size() != 2 || g.kernel[0] != 3 || g.kernel[1] != 3 || s.group != 1)
            return false;
        for (size_t i = 0; i < 2; ++i)
            if (g.strides[i] != 1 || g.dilations[i] != 1)
                return false;
        constexpr int64_t kMinMultiplyAdds = int64_t(7) << 20;
        return s.inChannels * s.outChannels * 9 * g.outputSize() >= kMinMultiplyAdds;
    }

    NodeDesc m_node;
    int64_t m_group;
    std::unique_ptr<Kernel> m_reference; // for inputs this kernel declines; null when fused
    std::vector<PostOp> m_postOps;
    ChannelsLast m_layout;
    bool m_hasSum = false;
    bool m_swishAfter = false;
    Tensor m_weights, m_bias; // bound constants (initializers or folded weights)
    mutable std::map<std::vector<int64_t>, std::unique_ptr<Prepared>> m_cache; // null: declined
};

} // namespace

Result<std::unique_ptr<Kernel>> makeDnnlConvKernel(const NodeDesc& node) {
    OS_ASSIGN_OR_RETURN(auto reference, makeReferenceConv(node));
    return std::unique_ptr<Kernel>(new DnnlConvKernel(node, std::move(reference), {}, {}));
}

std::unique_ptr<FastPathKernel> makeDnnlConv(const NodeDesc& conv, std::vector<PostOp> postOps,
                                             ChannelsLast layout) {
    return std::make_unique<DnnlConvKernel>(conv, nullptr, std::move(postOps), layout);
}

} // namespace onnxscope

#endif
