// MaxPool, AveragePool and GlobalAveragePool on oneDNN's pooling primitive: pads, auto_pad,
// strides, dilations and ceil_mode. MaxPool's Indices output and LpPool stay on the reference.
#include "exec/cpu/dnnl_kernels.h"

#ifdef ONNXSCOPE_HAVE_DNNL

#include "exec/cpu/channels_last.h"
#include "exec/cpu/dnnl_common.h"
#include "exec/cpu/dnnl_factories.h"
#include "exec/cpu/elementwise.h"
#include "exec/cpu/nn_util.h"
#include "exec/cpu/pool.h"
#include "exec/cpu/vector_math.h"

#include <map>
#include <mutex>

namespace onnxscope {

namespace {

using dnnl::memory;
namespace du = dnnl_util;

class DnnlPoolKernel final : public du::PreparedFastPath {
public:
    DnnlPoolKernel(const NodeDesc& node, std::unique_ptr<Kernel> reference, bool channelsLast, bool blocked)
        : m_node(node)
        , m_max(node.opType == "MaxPool")
        , m_global(node.opType == "GlobalAveragePool")
        , m_countIncludePad(node.getInt("count_include_pad", 0) != 0)
        , m_reference(std::move(reference))
        , m_channelsLast(channelsLast)
        , m_blocked(blocked) {}

    Status compute(KernelContext& ctx) const override {
        std::lock_guard lock(m_mutex);
        Prepared* p = prepare(ctx);
        if (!p)
            return du::runReferenceOr(m_reference.get(), ctx, m_node.opType);
        du::useThreads(ctx.threadCount());
        Tensor y = du::newOutput(ctx, p->outputShape);
        if (p->channelMeans)
            return averageChannelsLast(*ctx.inputTensor(0), y, ctx.threadCount());
        du::run(p->primitive, {{DNNL_ARG_SRC, du::wrap(p->src, ctx.inputTensor(0)->rawData())},
                               {DNNL_ARG_DST, du::wrap(p->dst, y.data<float>())}});
        return {};
    }

private:
    bool isPrepared(const KernelContext& ctx) const override { return prepare(ctx) != nullptr; }

    std::string implementation(const KernelContext& ctx) const override {
        std::lock_guard lock(m_mutex);
        const Prepared* p = prepare(ctx);
        return p ? p->implementation : std::string();
    }

    // Global average pooling of channels-last data: the sum of each block's pixel rows, in a
    // loop of our own. oneDNN's pooling took about twice as long on EfficientNet's
    // squeeze-and-excitation inputs in 8-channel blocks.
    Status averageChannelsLast(const Tensor& x, Tensor& y, int threads) const {
        // [N, C/B, S, B] in, [N, C] out (one pixel: every layout alike). Threads take blocks, or
        // for NHWC (one block of every channel) slices of the channels.
        const int64_t batch = x.dim(0), channels = x.dim(1);
        const int64_t block = channelBlock(x.shape(), m_blocked), runs = batch * (channels / block);
        const int64_t pixels = runs ? x.elementCount() / (runs * block) : 0;
        const bool parallel = threads > 1 && x.elementCount() >= kParallelThreshold;
        const int64_t slices = parallel && block == channels ? threads : 1, tasks = runs * slices;
        const float* in = x.data<float>();
        float* out = y.data<float>();
#pragma omp parallel for num_threads(threads) if (parallel)
        for (int64_t task = 0; task < tasks; ++task) {
            const int64_t run = task / slices, slice = task % slices;
            const int64_t begin = block * slice / slices / 16 * 16;
            const int64_t end = slice + 1 == slices ? block : block * (slice + 1) / slices / 16 * 16;
            vecmath::meanRows(in + run * pixels * block + begin, out + run * block + begin, pixels,
                              end - begin, block);
        }
        return {};
    }

    struct Prepared {
        Shape outputShape;
        bool channelMeans = false;  // averageChannelsLast instead of the primitive
        std::string implementation; // the primitive's
        memory::desc src, dst;
        dnnl::pooling_v2_forward primitive;
    };

    Prepared* prepare(const KernelContext& ctx) const {
        const Tensor* x = ctx.inputTensor(0);
        if (!x || x->dataType() != DataType::Float || x->rank() < 3 || x->rank() > 5)
            return nullptr;
        std::vector<int64_t> key = x->shape();
        key.push_back(du::useThreads(ctx.threadCount()));
        auto it = m_cache.find(key);
        if (it == m_cache.end())
            it = m_cache.emplace(key, create(*x)).first;
        return it->second.get();
    }

    std::unique_ptr<Prepared> create(const Tensor& x) const {
        if (x.elementCount() == 0)
            return nullptr;
        const int n = x.rank() - 2;
        const std::vector<int64_t> in(x.shape().begin() + 2, x.shape().end());
        WindowGeometry g;
        if (m_global) {
            g.kernel = in;
            g.strides.assign(n, 1);
            g.dilations.assign(n, 1);
            g.pads.assign(2 * n, 0);
            g.autoPad = "NOTSET";
        } else if (!readWindowAttributes(m_node, n, g).ok()) {
            return nullptr;
        }
        auto out = windowOutputShape(g, in);
        if (!out.ok())
            return nullptr;
        memory::dims strides, kernel, dilations, padL, padR;
        for (int i = 0; i < n; ++i) {
            const int64_t right =
                du::rightPadding(in[i], (*out)[i], g.kernel[i], g.strides[i], g.dilations[i], g.pads[i]);
            // Averages that count padding must see exactly the explicit pads.
            if (right < 0 || (!m_max && m_countIncludePad && right != g.pads[i + n]))
                return nullptr;
            strides.push_back(g.strides[i]);
            kernel.push_back(g.kernel[i]);
            dilations.push_back(g.dilations[i] - 1);
            padL.push_back(g.pads[i]);
            padR.push_back(right);
        }
        auto p = std::make_unique<Prepared>();
        p->outputShape = {x.dim(0), x.dim(1)};
        p->outputShape.insert(p->outputShape.end(), out->begin(), out->end());
        if (m_global && m_channelsLast) {
            p->channelMeans = true;
            return p;
        }
        p->src = du::activationDesc(du::dims(x.shape()), m_channelsLast, m_blocked);
        p->dst = du::activationDesc(du::dims(p->outputShape), m_channelsLast, m_blocked);
        const auto alg = m_max               ? dnnl::algorithm::pooling_max
                         : m_countIncludePad ? dnnl::algorithm::pooling_avg_include_padding
                                             : dnnl::algorithm::pooling_avg_exclude_padding;
        try {
            dnnl::pooling_v2_forward::desc desc(dnnl::prop_kind::forward_inference, alg, p->src, p->dst,
                                                strides, kernel, dilations, padL, padR);
            const dnnl::pooling_v2_forward::primitive_desc pd(desc, du::engine());
            p->primitive = dnnl::pooling_v2_forward(pd);
            p->implementation = pd.impl_info_str();
        } catch (const dnnl::error&) {
            return nullptr;
        }
        return p;
    }

    NodeDesc m_node;
    bool m_max;
    bool m_global;
    bool m_countIncludePad;
    std::unique_ptr<Kernel> m_reference;                                       // null when fused
    bool m_channelsLast;                                                       // source and destination alike
    bool m_blocked;                                                            // ChannelsLast::blocked
    mutable std::map<std::vector<int64_t>, std::unique_ptr<Prepared>> m_cache; // null: declined
};

} // namespace

bool dnnlPoolAccepts(const NodeDesc& node) {
    return node.outputs.size() < 2 || node.outputs[1].empty();
}

Result<std::unique_ptr<Kernel>> makeDnnlPoolKernel(const NodeDesc& node) {
    OS_ASSIGN_OR_RETURN(auto reference, makeReferencePool(node));
    return std::unique_ptr<Kernel>(new DnnlPoolKernel(node, std::move(reference), false, false));
}

std::unique_ptr<FastPathKernel> makeDnnlPool(const NodeDesc& pool, ChannelsLast layout) {
    if (layout.src != layout.dst)
        return nullptr; // the pooling primitives keep the source's layout
    return std::make_unique<DnnlPoolKernel>(pool, nullptr, layout.src, layout.blocked);
}

} // namespace onnxscope

#endif
