// Mul and Add of an activation and either a per-channel operand ([N or 1, C, 1, ...], the scale
// of a squeeze-and-excitation block) or a second activation of the same shape, on oneDNN's
// binary primitive (a per-channel operand on channels-last data: a loop of our own). Fusion installs it so
// such nodes read and write channels-last data, instead of converting the activations between two
// channels-last convolutions back to ONNX's layout.
#include "exec/cpu/dnnl_kernels.h"

#ifdef ONNXSCOPE_HAVE_DNNL

#include "exec/cpu/channels_last.h"
#include "exec/cpu/dnnl_common.h"
#include "exec/cpu/elementwise.h"
#include "exec/cpu/vector_math.h"

#include <algorithm>
#include <map>
#include <mutex>

namespace onnxscope {

namespace {

using dnnl::memory;
namespace du = dnnl_util;

// Whether `operand` broadcasts onto `x` one value per (batch,) channel: same rank, batch 1 or
// x's, x's channels, every spatial dim 1.
bool perChannel(const Shape& operand, const Shape& x) {
    if (operand.size() != x.size() || (operand[0] != 1 && operand[0] != x[0]) || operand[1] != x[1])
        return false;
    for (size_t i = 2; i < operand.size(); ++i)
        if (operand[i] != 1)
            return false;
    return true;
}

class DnnlChannelBinaryKernel final : public du::PreparedFastPath {
public:
    DnnlChannelBinaryKernel(bool add, bool channelsLast, bool blocked)
        : m_add(add)
        , m_channelsLast(channelsLast)
        , m_blocked(blocked) {}

    Status compute(KernelContext& ctx) const override {
        std::lock_guard lock(m_mutex);
        Prepared* p = prepare(ctx);
        if (!p)
            return Status::error(std::string(m_add ? "Add" : "Mul") + ": inputs the fused kernel declines");
        du::useThreads(ctx.threadCount());
        const Tensor* x = ctx.inputTensor(p->xInput);
        const Tensor* operand = ctx.inputTensor(1 - p->xInput);
        if (p->ownLoop)
            return scaleChannelsLast(ctx, *p, *x, *operand);
        Tensor y = du::newOutput(ctx, x->shape());
        du::run(p->primitive, {{DNNL_ARG_SRC_0, du::wrap(p->src0, x->rawData())},
                               {DNNL_ARG_SRC_1, du::wrap(p->src1, operand->rawData())},
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

    struct Prepared {
        // A per-channel operand on channels-last data: each pixel's channel vector times (plus)
        // the operand's, in a loop of our own. oneDNN's binary primitive took twice as long for
        // EfficientNet's squeeze-and-excitation scaling at 2 threads.
        bool ownLoop = false;
        int xInput = 0;             // the full-size input; the other is the operand
        std::string implementation; // the primitive's; empty for our own loop
        memory::desc src0, src1, dst;
        dnnl::binary primitive;
    };

    Status scaleChannelsLast(KernelContext& ctx, const Prepared& p, const Tensor& x,
                             const Tensor& operand) const {
        // Rows of one channel block at one pixel: [N, C/B, S, B], B = C for NHWC.
        const int64_t batch = x.dim(0), channels = x.dim(1);
        const int64_t block = channelBlock(x.shape(), m_blocked), blocks = channels / block;
        const int64_t pixels = batch && channels ? x.elementCount() / (batch * channels) : 0;
        const int64_t rows = batch * blocks * pixels;
        const bool perBatch = operand.dim(0) == batch && batch > 1;
        const float* s = operand.data<float>();
        // Row by row, so x can take the result where this is its last read (x's reference
        // is then no longer valid).
        OutputOverInput y = outputOverInput(ctx, p.xInput);
        const float* in = static_cast<const float*>(y.source);
        float* out = y.output.data<float>();
        ctx.setOutput(0, Value(y.output));
        const int parts = ctx.threadCount() > 1 && rows * block >= kParallelThreshold ? ctx.threadCount() : 1;
        const bool add = m_add;
#pragma omp parallel for num_threads(parts) if (parts > 1)
        for (int part = 0; part < parts; ++part) {
            // Contiguous rows per thread, walked one channel block (a run of `pixels` rows that
            // share their scale) at a time.
            int64_t r = rows * part / parts;
            const int64_t end = rows * (part + 1) / parts;
            for (int64_t run = pixels ? r / pixels : 0; r < end; ++run) {
                const float* scale = s + (perBatch ? run / blocks * channels : 0) + run % blocks * block;
                const int64_t stop = std::min(end, (run + 1) * pixels);
                vecmath::scaleRows(in + r * block, scale, out + r * block, stop - r, block, add);
                r = stop;
            }
        }
        return {};
    }

    Prepared* prepare(const KernelContext& ctx) const {
        const Tensor* a = ctx.inputTensor(0);
        const Tensor* b = ctx.inputTensor(1);
        if (!a || !b || a->dataType() != DataType::Float || b->dataType() != DataType::Float ||
            a->rank() < 3 || a->rank() > 5 || a->rank() != b->rank())
            return nullptr;
        std::vector<int64_t> key = a->shape();
        key.insert(key.end(), b->shape().begin(), b->shape().end());
        key.push_back(du::useThreads(ctx.threadCount()));
        auto it = m_cache.find(key);
        if (it == m_cache.end())
            it = m_cache.emplace(key, create(*a, *b)).first;
        return it->second.get();
    }

    std::unique_ptr<Prepared> create(const Tensor& a, const Tensor& b) const {
        if (a.elementCount() == 0 || b.elementCount() == 0)
            return nullptr;
        auto p = std::make_unique<Prepared>();
        bool sameShape = a.shape() == b.shape();
        if (!sameShape && !perChannel(b.shape(), a.shape())) {
            if (!perChannel(a.shape(), b.shape()))
                return nullptr;
            p->xInput = 1;
        }
        const Tensor& x = p->xInput == 0 ? a : b;
        const Tensor& operand = p->xInput == 0 ? b : a;
        if (m_channelsLast && !sameShape) {
            p->ownLoop = true;
            return p;
        }
        p->src0 = du::activationDesc(du::dims(x.shape()), m_channelsLast, m_blocked);
        p->dst = p->src0;
        // A per-channel operand has no spatial extent, so both layouts store it alike.
        p->src1 = sameShape ? p->src0 : du::plainDesc(du::dims(operand.shape()));
        try {
            dnnl::binary::desc desc(m_add ? dnnl::algorithm::binary_add : dnnl::algorithm::binary_mul,
                                    p->src0, p->src1, p->dst);
            const dnnl::binary::primitive_desc pd(desc, du::engine());
            p->primitive = dnnl::binary(pd);
            p->implementation = pd.impl_info_str();
        } catch (const dnnl::error&) {
            return nullptr;
        }
        return p;
    }

    bool m_add;
    bool m_channelsLast;                                                       // both inputs and the output
    bool m_blocked;                                                            // ChannelsLast::blocked
    mutable std::map<std::vector<int64_t>, std::unique_ptr<Prepared>> m_cache; // null: declined
};

} // namespace

std::unique_ptr<FastPathKernel> makeDnnlChannelBinary(const NodeDesc& node, ChannelsLast layout) {
    if ((node.opType != "Mul" && node.opType != "Add") || layout.src != layout.dst)
        return nullptr;
    return std::make_unique<DnnlChannelBinaryKernel>(node.opType == "Add", layout.src, layout.blocked);
}

} // namespace onnxscope

#endif
