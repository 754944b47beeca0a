// ConvTranspose on oneDNN's deconvolution primitive: 1-D to 3-D, groups, strides, dilations,
// pads, output_padding, output_shape and auto_pad (as setupConvTranspose resolves them), bias.
// ONNX's weights [C_in, C_out / group, k...] are described to oneDNN by their strides and packed
// into its layout once when they are constant.
#include "exec/cpu/dnnl_kernels.h"

#ifdef ONNXSCOPE_HAVE_DNNL

#include "exec/cpu/conv.h"
#include "exec/cpu/dnnl_common.h"
#include "exec/cpu/dnnl_factories.h"

#include <map>
#include <mutex>

namespace onnxscope {

namespace {

using dnnl::memory;
namespace du = dnnl_util;

class DnnlConvTransposeKernel final : public du::PreparedFastPath {
public:
    DnnlConvTransposeKernel(const NodeDesc& node, std::unique_ptr<Kernel> reference)
        : m_node(node)
        , m_group(node.getInt("group", 1))
        , m_reference(std::move(reference)) {}

    void bindConstantInput(int index, const Tensor& value) override {
        std::lock_guard lock(m_mutex);
        if (index == 1)
            m_weights = value;
        m_cache.clear();
    }

    Status compute(KernelContext& ctx) const override {
        std::lock_guard lock(m_mutex);
        Prepared* p = prepare(ctx);
        if (!p)
            return du::runReferenceOr(m_reference.get(), ctx, "ConvTranspose");
        du::useThreads(ctx.threadCount());
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* b = ctx.inputTensor(2);
        const memory wei = p->weights.get(p->userWeights, *weights(ctx), m_weights.isValid());
        const memory src = p->srcLayout.read(du::wrap(p->src, x->rawData()));
        Tensor y = du::newOutput(ctx, p->outputShape);
        const memory userDst = du::wrap(p->dst, y.data<float>());
        std::unordered_map<int, memory> args{
            {DNNL_ARG_SRC, src}, {DNNL_ARG_WEIGHTS, wei}, {DNNL_ARG_DST, p->dstLayout.target(userDst)}};
        if (b)
            args.emplace(DNNL_ARG_BIAS, du::wrap(p->bias, b->rawData()));
        du::run(p->primitive, args);
        p->dstLayout.finish(userDst);
        return {};
    }

private:
    bool isPrepared(const KernelContext& ctx) const override { return prepare(ctx) != nullptr; }

    struct Prepared {
        Shape outputShape;
        memory::desc src, userWeights, dst, bias; // as the tensors hold them
        du::Relayout srcLayout, dstLayout;        // oneDNN's blocked layouts
        dnnl::deconvolution_forward primitive;
        du::PackedWeights weights;
    };

    const Tensor* weights(const KernelContext& ctx) const {
        return m_weights.isValid() ? &m_weights : ctx.inputTensor(1);
    }

    Prepared* prepare(const KernelContext& ctx) const {
        const Tensor* x = ctx.inputTensor(0);
        const Tensor* w = weights(ctx);
        const Tensor* b = ctx.inputTensor(2);
        if (!x || !w || x->dataType() != DataType::Float || w->dataType() != DataType::Float ||
            (b && b->dataType() != DataType::Float) || x->rank() < 3 || x->rank() > 5)
            return nullptr;
        std::vector<int64_t> key = x->shape();
        key.insert(key.end(), w->shape().begin(), w->shape().end());
        key.push_back(b ? b->elementCount() : -1);
        key.push_back(du::useThreads(ctx.threadCount()));
        auto it = m_cache.find(key);
        if (it == m_cache.end())
            it = m_cache.emplace(key, create(*x, *w, b)).first;
        return it->second.get();
    }

    std::unique_ptr<Prepared> create(const Tensor& x, const Tensor& w, const Tensor* b) const {
        auto setup = setupConvTranspose(m_node, x.shape(), w.shape(), m_group);
        if (!setup.ok() || x.elementCount() == 0 || w.elementCount() == 0)
            return nullptr; // the reference reports bad shapes
        const ConvSetup& s = *setup;
        if (b && (b->rank() != 1 || b->dim(0) != s.outChannels))
            return nullptr;
        // The geometry is that of the forward Conv from our output back to our input.
        const ConvGeometry& g = s.geometry;
        memory::dims strides, dilations, padL, padR;
        for (size_t i = 0; i < g.kernel.size(); ++i) {
            const int64_t extent = (g.kernel[i] - 1) * g.dilations[i] + 1;
            // What oneDNN's (in - 1) * stride + extent - padL - padR = out leaves on the right;
            // below zero (output_padding past the pads), the reference computes it.
            const int64_t right = (g.output[i] - 1) * g.strides[i] + extent - g.padBegin[i] - g.input[i];
            if (right < 0 || g.padBegin[i] < 0)
                return nullptr;
            strides.push_back(g.strides[i]);
            dilations.push_back(g.dilations[i] - 1); // oneDNN counts the gaps
            padL.push_back(g.padBegin[i]);
            padR.push_back(right);
        }
        // ONNX's W is [group][C_in / group][C_out / group][k...]; oneDNN's dims put the output
        // channels first: [group,] C_out / group, C_in / group, k...
        const int64_t inPerGroup = s.inChannels / s.group, outPerGroup = s.outChannels / s.group;
        const int64_t kernelSize = g.kernelSize();
        memory::dims wdims{outPerGroup, inPerGroup}, wstrides{kernelSize, outPerGroup * kernelSize};
        for (size_t i = 0; i < g.kernel.size(); ++i) {
            wdims.push_back(g.kernel[i]);
            int64_t stride = 1;
            for (size_t j = i + 1; j < g.kernel.size(); ++j)
                stride *= g.kernel[j];
            wstrides.push_back(stride);
        }
        if (s.group > 1) {
            wdims.insert(wdims.begin(), s.group);
            wstrides.insert(wstrides.begin(), inPerGroup * outPerGroup * kernelSize);
        }
        const auto f32 = memory::data_type::f32;
        auto p = std::make_unique<Prepared>();
        p->outputShape = s.outputShape;
        p->src = du::plainDesc(du::dims(x.shape()));
        p->dst = du::plainDesc(du::dims(s.outputShape));
        p->userWeights = memory::desc(wdims, f32, wstrides);
        if (b)
            p->bias = du::plainDesc({s.outChannels});
        // Layouts of oneDNN's choosing: on ONNX's plain ones it falls back to im2col and GEMM
        // (decoder benchmark: 18.4 against 15.0 ms per run).
        const auto any = memory::format_tag::any;
        try {
            dnnl::deconvolution_forward::desc desc(
                dnnl::prop_kind::forward_inference, dnnl::algorithm::deconvolution_direct,
                memory::desc(du::dims(x.shape()), f32, any), memory::desc(wdims, f32, any), p->bias,
                memory::desc(du::dims(s.outputShape), f32, any), strides, dilations, padL, padR);
            dnnl::deconvolution_forward::primitive_desc pd(desc, du::engine());
            p->primitive = dnnl::deconvolution_forward(pd);
            if (pd.weights_desc() != p->userWeights)
                p->weights.allocate(pd.weights_desc());
            p->srcLayout = du::Relayout::source(p->src, pd.src_desc());
            p->dstLayout = du::Relayout::destination(pd.dst_desc(), p->dst);
        } catch (const dnnl::error&) {
            return nullptr; // no oneDNN implementation for this configuration
        }
        return p;
    }

    NodeDesc m_node;
    int64_t m_group;
    std::unique_ptr<Kernel> m_reference;
    Tensor m_weights;                                                          // bound constant
    mutable std::map<std::vector<int64_t>, std::unique_ptr<Prepared>> m_cache; // null: declined
};

} // namespace

Result<std::unique_ptr<Kernel>> makeDnnlConvTransposeKernel(const NodeDesc& node) {
    OS_ASSIGN_OR_RETURN(auto reference, makeReferenceConvTranspose(node));
    return std::unique_ptr<Kernel>(new DnnlConvTransposeKernel(node, std::move(reference)));
}

} // namespace onnxscope

#endif
