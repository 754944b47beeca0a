// Shared oneDNN plumbing for the fast-path kernels: the CPU engine, a stream per thread, thread
// count, memory descriptors for our row-major float tensors, and reorders.
//
// Debian's oneDNN runs on OpenMP: its parallel regions take the calling thread's
// omp_get_max_threads(), and the thread count is part of what a primitive was created for, so
// kernels call useThreads() with the session's count before creating or running primitives
// and key their primitive caches by it.
#pragma once

#ifdef ONNXSCOPE_HAVE_DNNL

#include "core/tensor.h"
#include "exec/cpu/post_ops.h"
#include "exec/fast_path.h"
#include "exec/kernel.h"

#include <oneapi/dnnl/dnnl.hpp>

#include <mutex>
#include <unordered_map>
#include <vector>

namespace onnxscope::dnnl_util {

dnnl::engine& engine();
dnnl::stream& stream(); // one per calling thread
// Executes a primitive on the calling thread's stream and waits for it, so the outputs are
// complete when the kernel's compute() returns.
void run(const dnnl::primitive& primitive, const std::unordered_map<int, dnnl::memory>& args);

// Sets the OpenMP thread count of the calling thread (0: leave OpenMP's default); returns the
// count in effect.
int useThreads(int threads);

// Inputs a fast path declines run on its reference kernel; a fused kernel has none, and then
// the error names the op (its group falls back to the original kernels).
Status runReferenceOr(const Kernel* reference, KernelContext& ctx, const std::string& op);

// A fast path whose primitives are prepared per input shapes under m_mutex (sessions on several
// threads may share a kernel): it handles what isPrepared() finds a primitive for. Kernels that
// pack constant inputs override bindConstantInput.
class PreparedFastPath : public FastPathKernel {
public:
    bool handles(const KernelContext& ctx) const override {
        std::lock_guard lock(m_mutex);
        return isPrepared(ctx);
    }
    void bindConstantInput(int, const Tensor&) override {}

protected:
    // Called with m_mutex held.
    virtual bool isPrepared(const KernelContext& ctx) const = 0;
    mutable std::mutex m_mutex;
};

// Output 0 as a float tensor of this shape, not zeroed: every primitive here writes all of its
// destination, so clearing it first would only cost a pass over memory.
Tensor newOutput(KernelContext& ctx, Shape shape);

dnnl::memory::dims dims(const Shape& shape);
// Row-major float32 of these dims (abcd...).
dnnl::memory::desc plainDesc(const dnnl::memory::dims& dims);
// Float32 [N, C, spatial...] with channels innermost (acb, acdb, acdeb).
dnnl::memory::desc channelsLastDesc(const dnnl::memory::dims& dims);
// Plain or channels-last, as a kernel's layout flags say; channels-last in blocked mode is
// blocks of 8 channels (nCw8c, nChw8c, nCdhw8c) where 8 divides the channels (channelBlock).
dnnl::memory::desc activationDesc(const dnnl::memory::dims& dims, bool channelsLast, bool blocked = false);
// A memory object over tensor data; oneDNN only reads sources, so const data is passed as is.
dnnl::memory wrap(const dnnl::memory::desc& desc, const void* data);
// Copies (and converts the layout of) from into to and waits. Kernels keep the reorder
// primitives they run every call (makeReorder); one-off copies may pass none.
dnnl::reorder makeReorder(const dnnl::memory::desc& from, const dnnl::memory::desc& to);
void reorder(const dnnl::memory& from, const dnnl::memory& to, const dnnl::reorder* primitive = nullptr);

// Weights in the layout a primitive prefers (when it differs from the plain one): constant
// weights are reordered on first use only (remembered by their address, which the kernel keeps
// alive by holding the tensor); weights computed at run time are reordered every call.
// A primitive's source or destination where it wants another layout than the tensor has: a
// buffer in its layout and the reorder between the two; empty where they agree.
class Relayout {
public:
    // For a source held as `tensor` that the primitive reads as `primitive`, or the reverse for
    // a destination.
    static Relayout source(const dnnl::memory::desc& tensor, const dnnl::memory::desc& primitive);
    static Relayout destination(const dnnl::memory::desc& primitive, const dnnl::memory::desc& tensor);
    Relayout() = default;
    explicit operator bool() const { return bool(m_buffer); }
    // A source: the tensor's memory, or the buffer after reordering the tensor into it.
    dnnl::memory read(const dnnl::memory& tensor) const;
    // A destination: where the primitive writes (the tensor's memory, or the buffer), and then
    // finish() reorders the buffer into the tensor.
    dnnl::memory target(const dnnl::memory& tensor) const { return m_buffer ? m_buffer : tensor; }
    void finish(const dnnl::memory& tensor) const;

private:
    // A buffer of `buffer`'s layout (the primitive's) and the reorder from -> to, unless equal.
    Relayout(const dnnl::memory::desc& from, const dnnl::memory::desc& to, const dnnl::memory::desc& buffer);

    dnnl::memory m_buffer;
    dnnl::reorder m_reorder;
};

class PackedWeights {
public:
    void allocate(const dnnl::memory::desc& packed) { m_buffer = dnnl::memory(packed, engine()); }
    // The memory to pass as DNNL_ARG_WEIGHTS.
    dnnl::memory get(const dnnl::memory::desc& plain, const Tensor& weights, bool constant);

private:
    dnnl::memory m_buffer;
    const void* m_packedFrom = nullptr;
};

// The right padding that makes oneDNN's floor((in + padL + padR - extent) / stride) + 1 give
// `out` (ceil_mode and auto_pad outputs included), or -1 when no non-negative one does.
int64_t rightPadding(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t dilation,
                     int64_t padLeft);

// The post-ops as oneDNN attributes. Sum reads the destination's previous contents.
dnnl::post_ops toDnnl(const std::vector<PostOp>& ops);

} // namespace onnxscope::dnnl_util

#endif
