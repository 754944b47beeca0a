#include "dnnl_common.h"

#ifdef ONNXSCOPE_HAVE_DNNL

#include "exec/cpu/channels_last.h"

#include <omp.h>

namespace onnxscope::dnnl_util {

dnnl::engine& engine() {
    static dnnl::engine cpu(dnnl::engine::kind::cpu, 0);
    return cpu;
}

dnnl::stream& stream() {
    thread_local dnnl::stream s(engine());
    return s;
}

void run(const dnnl::primitive& primitive, const std::unordered_map<int, dnnl::memory>& args) {
    primitive.execute(stream(), args);
    stream().wait();
}

Status runReferenceOr(const Kernel* reference, KernelContext& ctx, const std::string& op) {
    if (reference)
        return reference->compute(ctx);
    return Status::error("the oneDNN " + op + " cannot run these inputs");
}

Tensor newOutput(KernelContext& ctx, Shape shape) {
    Tensor y = Tensor::uninitialized(DataType::Float, std::move(shape));
    ctx.setOutput(0, Value(y)); // shares y's storage
    return y;
}

int useThreads(int threads) {
    if (threads > 0 && omp_get_max_threads() != threads)
        omp_set_num_threads(threads);
    return omp_get_max_threads();
}

dnnl::memory::dims dims(const Shape& shape) {
    return dnnl::memory::dims(shape.begin(), shape.end());
}

dnnl::memory::desc plainDesc(const dnnl::memory::dims& d) {
    dnnl::memory::dims strides(d.size(), 1);
    for (size_t i = d.size(); i-- > 1;)
        strides[i - 1] = strides[i] * d[i];
    return dnnl::memory::desc(d, dnnl::memory::data_type::f32, strides);
}

dnnl::memory::desc channelsLastDesc(const dnnl::memory::dims& d) {
    dnnl::memory::dims strides(d.size(), 1);
    const int64_t channels = d.size() > 1 ? d[1] : 1;
    int64_t step = channels;
    for (size_t i = d.size(); i-- > 2;) {
        strides[i] = step;
        step *= d[i];
    }
    strides[0] = step;
    return dnnl::memory::desc(d, dnnl::memory::data_type::f32, strides);
}

dnnl::memory::desc activationDesc(const dnnl::memory::dims& d, bool channelsLast, bool blocked) {
    if (!channelsLast || d.size() < 3)
        return plainDesc(d);
    if (channelBlock(Shape(d.begin(), d.end()), blocked) == d[1])
        return channelsLastDesc(d);
    using Tag = dnnl::memory::format_tag;
    const Tag tag = d.size() == 3 ? Tag::nCw8c : d.size() == 4 ? Tag::nChw8c : Tag::nCdhw8c;
    return dnnl::memory::desc(d, dnnl::memory::data_type::f32, tag);
}

Relayout::Relayout(const dnnl::memory::desc& from, const dnnl::memory::desc& to,
                   const dnnl::memory::desc& buffer) {
    if (from != to) {
        m_buffer = dnnl::memory(buffer, engine());
        m_reorder = makeReorder(from, to);
    }
}

Relayout Relayout::source(const dnnl::memory::desc& tensor, const dnnl::memory::desc& primitive) {
    return Relayout(tensor, primitive, primitive);
}

Relayout Relayout::destination(const dnnl::memory::desc& primitive, const dnnl::memory::desc& tensor) {
    return Relayout(primitive, tensor, primitive);
}

dnnl::memory Relayout::read(const dnnl::memory& tensor) const {
    if (!m_buffer)
        return tensor;
    reorder(tensor, m_buffer, &m_reorder);
    return m_buffer;
}

void Relayout::finish(const dnnl::memory& tensor) const {
    if (m_buffer)
        reorder(m_buffer, tensor, &m_reorder);
}

dnnl::memory wrap(const dnnl::memory::desc& desc, const void* data) {
    return dnnl::memory(desc, engine(), const_cast<void*>(data));
}

dnnl::reorder makeReorder(const dnnl::memory::desc& from, const dnnl::memory::desc& to) {
    return dnnl::reorder(dnnl::reorder::primitive_desc(engine(), from, engine(), to));
}

void reorder(const dnnl::memory& from, const dnnl::memory& to, const dnnl::reorder* primitive) {
    auto& src = const_cast<dnnl::memory&>(from);
    auto& dst = const_cast<dnnl::memory&>(to);
    if (primitive)
        primitive->execute(stream(), src, dst);
    else
        dnnl::reorder(from, to).execute(stream(), src, dst);
    stream().wait();
}

dnnl::memory PackedWeights::get(const dnnl::memory::desc& plain, const Tensor& weights, bool constant) {
    dnnl::memory user = wrap(plain, weights.rawData());
    if (!m_buffer)
        return user;
    if (!constant || m_packedFrom != weights.rawData())
        reorder(user, m_buffer);
    m_packedFrom = constant ? weights.rawData() : nullptr;
    return m_buffer;
}

int64_t rightPadding(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t dilation,
                     int64_t padLeft) {
    const int64_t needed = (out - 1) * stride + (kernel - 1) * dilation + 1 - in - padLeft;
    if (needed >= 0)
        return needed;
    return needed + stride - 1 >= 0 ? 0 : -1;
}

dnnl::post_ops toDnnl(const std::vector<PostOp>& ops) {
    using A = dnnl::algorithm;
    dnnl::post_ops out;
    for (const PostOp& op : ops) {
        switch (op.kind) {
        case PostOp::Kind::Sum:
            out.append_sum(1.0f);
            break;
        case PostOp::Kind::Relu:
            out.append_eltwise(1.0f, A::eltwise_relu, 0.0f, 0.0f);
            break;
        case PostOp::Kind::LeakyRelu:
            out.append_eltwise(1.0f, A::eltwise_relu, op.alpha, 0.0f);
            break;
        case PostOp::Kind::Clip:
            out.append_eltwise(1.0f, A::eltwise_clip, op.alpha, op.beta);
            break;
        case PostOp::Kind::Sigmoid:
            out.append_eltwise(1.0f, A::eltwise_logistic, 0.0f, 0.0f);
            break;
        case PostOp::Kind::Tanh:
            out.append_eltwise(1.0f, A::eltwise_tanh, 0.0f, 0.0f);
            break;
        case PostOp::Kind::Swish:
            out.append_eltwise(1.0f, A::eltwise_swish, 1.0f, 0.0f);
            break;
        }
    }
    return out;
}

} // namespace onnxscope::dnnl_util

#endif
