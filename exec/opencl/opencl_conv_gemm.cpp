// Conv (group-1 through CLBlast: pointwise directly, KxK after im2col in bounded chunks; a tiled
// depthwise kernel; the direct kernel for the rest), ConvTranspose, and MatMul/Gemm through
// CLBlast's Gemm/GemmBatched. A CLBlast call is timed between two queue markers, since it may
// enqueue several kernels.
#include "opencl_kernels.h"

#include "exec/cpu/conv.h"

#include <algorithm>

#ifdef ONNXSCOPE_HAVE_CLBLAST
#include <clblast.h>
#endif

namespace onnxscope {

namespace {

// C[i] = alpha * op(A[i]) * op(B[i]) + beta * C[i], row-major, for each offset triple.
Status batchedGemm(OpenClContext& ctx, bool transA, bool transB, size_t m, size_t n, size_t k, float alpha,
                   const ClBuffer& a, const std::vector<size_t>& aOffsets, size_t lda, const ClBuffer& b,
                   const std::vector<size_t>& bOffsets, size_t ldb, float beta, const ClBuffer& c,
                   const std::vector<size_t>& cOffsets, size_t ldc) {
#ifdef ONNXSCOPE_HAVE_CLBLAST
    if (aOffsets.empty() || m == 0 || n == 0)
        return {};
    OS_ASSIGN_OR_RETURN(cl_event before, ctx.marker());
    cl_command_queue queue = ctx.queue();
    const auto ta = transA ? clblast::Transpose::kYes : clblast::Transpose::kNo;
    const auto tb = transB ? clblast::Transpose::kYes : clblast::Transpose::kNo;
    clblast::StatusCode status;
    if (aOffsets.size() == 1) {
        status = clblast::Gemm<float>(clblast::Layout::kRowMajor, ta, tb, m, n, k, alpha, a.get(),
                                      aOffsets[0], lda, b.get(), bOffsets[0], ldb, beta, c.get(), cOffsets[0],
                                      ldc, &queue, nullptr);
    } else {
        std::vector<float> alphas(aOffsets.size(), alpha), betas(aOffsets.size(), beta);
        status =
            clblast::GemmBatched<float>(clblast::Layout::kRowMajor, ta, tb, m, n, k, alphas.data(), a.get(),
                                        aOffsets.data(), lda, b.get(), bOffsets.data(), ldb, betas.data(),
                                        c.get(), cOffsets.data(), ldc, aOffsets.size(), &queue, nullptr);
    }
    auto after = ctx.marker();
    if (!after.ok()) {
        clReleaseEvent(before);
        return after.status();
    }
    ctx.recordSpan(before, *after);
    if (status != clblast::StatusCode::kSuccess) {
        const int code = static_cast<int>(status);
        if (code == CL_MEM_OBJECT_ALLOCATION_FAILURE || code == CL_OUT_OF_RESOURCES ||
            status == clblast::StatusCode::kTempBufferAllocFailure) {
            ctx.noteOutOfMemory();
            return Status::error("out of device memory in CLBlast GEMM (status " + std::to_string(code) +
                                 ")");
        }
        return Status::error("CLBlast GEMM " + std::to_string(m) + "x" + std::to_string(n) + "x" +
                             std::to_string(k) + " failed with status " + std::to_string(code));
    }
    return {};
#else
    (void)ctx, (void)transA, (void)transB, (void)m, (void)n, (void)k, (void)alpha, (void)a, (void)aOffsets;
    (void)lda, (void)b, (void)bOffsets, (void)ldb, (void)beta, (void)c, (void)cOffsets, (void)ldc;
    return Status::error("built without CLBlast");
#endif
}

constexpr bool kHaveClBlast =
#ifdef ONNXSCOPE_HAVE_CLBLAST
    true;
#else
    false;
#endif

// The im2col column buffer stays under this, however large the image: bigger convolutions run
// as several GEMMs over slices of the output pixels.
constexpr size_t kColumnBytes = size_t(64) << 20;

class ConvKernel final : public OpenClKernel {
public:
    ConvKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node, bool transpose)
        : OpenClKernel(std::move(ctx), node)
        , m_group(node.getInt("group", 1))
        , m_transpose(transpose) {}

protected:
    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor* x = context.inputTensor(0);
        const Tensor* w = context.inputTensor(1);
        const Tensor* b = context.inputTensor(2);
        if (!x || !w)
            return Status::error("needs inputs X and W");
        if (x->rank() != 3 && x->rank() != 4)
            return false; // 3-D convolutions run on the CPU
        auto setup = m_transpose ? setupConvTranspose(m_node, x->shape(), w->shape(), m_group)
                                 : setupConv(m_node, x->shape(), w->shape(), m_group);
        if (!setup.ok())
            return setup.status();
        const ConvSetup& s = *setup;
        if (b && (b->rank() != 1 || b->dim(0) != s.outChannels))
            return Status::error("bias B must have shape [" + std::to_string(s.outChannels) + "]");
        const ConvGeometry& g = s.geometry;
        const bool twoD = x->rank() == 4;
        auto at = [&](const std::vector<int64_t>& v, int i) {
            return twoD ? v[static_cast<size_t>(i)] : (i == 0 ? 1 : v[0]);
        };
        auto at0 = [&](const std::vector<int64_t>& v, int i) {
            return twoD ? v[static_cast<size_t>(i)] : (i == 0 ? 0 : v[0]);
        };
        // For the transpose the geometry maps Y (input) back to X (output); see setupConvTranspose.
        const auto& xs = m_transpose ? g.output : g.input;
        const auto& ys = m_transpose ? g.input : g.output;
        int64_t outCount = 1;
        for (int64_t d : s.outputShape)
            outCount *= d;
        if (outCount > kMaxDeviceElements)
            return false;

        OS_ASSIGN_OR_RETURN(ClBuffer bx, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer bw, input(context, 1));
        ClBuffer bb = bw; // any valid buffer when there is no bias
        if (b) {
            OS_ASSIGN_OR_RETURN(bb, input(context, 2));
        }
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(static_cast<size_t>(outCount) * sizeof(float)));

        const cl_int8 p0 = packInts(
            {s.batch, s.inChannels, at(xs, 0), at(xs, 1), s.outChannels, at(ys, 0), at(ys, 1), s.group});
        const cl_int8 p1 =
            packInts({at(g.kernel, 0), at(g.kernel, 1), at(g.strides, 0), at(g.strides, 1),
                      at(g.dilations, 0), at(g.dilations, 1), at0(g.padBegin, 0), at0(g.padBegin, 1)});
        const bool depthwise = s.group == s.inChannels && s.group == s.outChannels;
        if (!m_transpose && kHaveClBlast && s.group == 1) {
            if (g.isPointwise())
                OS_RETURN_IF_ERROR(pointwiseGemm(s, bx, bw, by));
            else
                OS_RETURN_IF_ERROR(im2colGemm(s, p0, p1, bx, bw, by));
            if (b) {
                const int64_t spatial = g.outputSize();
                OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("bias_add_f32"));
                OS_RETURN_IF_ERROR(
                    setKernelArgs(k, by, bb, cl_int(outCount), cl_int(s.outChannels), cl_int(spatial)));
                OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(outCount)));
            }
        } else if (!m_transpose && depthwise) {
            constexpr int64_t kTile = 4; // DW_TILE in conv.cl
            const int64_t tiles = (at(ys, 1) + kTile - 1) / kTile;
            OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("depthwise_conv2d_f32"));
            OS_RETURN_IF_ERROR(setKernelArgs(k, bx, bw, bb, by, p0, p1, cl_int(b ? 1 : 0)));
            OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(s.batch * s.outChannels * at(ys, 0) * tiles)));
        } else {
            OS_ASSIGN_OR_RETURN(cl_kernel k, kernel(m_transpose ? "conv_transpose2d_f32" : "conv2d_f32"));
            OS_RETURN_IF_ERROR(setKernelArgs(k, bx, bw, bb, by, p0, p1, cl_int(b ? 1 : 0)));
            OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(outCount)));
        }
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, s.outputShape));
        return true;
    }

private:
    // Y[n] = W * X[n] for 1x1 kernels with unit strides, one GEMM per image.
    Status pointwiseGemm(const ConvSetup& s, const ClBuffer& bx, const ClBuffer& bw,
                         const ClBuffer& by) const {
        const size_t spatial = static_cast<size_t>(s.geometry.outputSize());
        const size_t C = static_cast<size_t>(s.inChannels), M = static_cast<size_t>(s.outChannels);
        std::vector<size_t> aOff(static_cast<size_t>(s.batch), 0), bOff, cOff;
        for (size_t n = 0; n < aOff.size(); ++n) {
            bOff.push_back(n * C * spatial);
            cOff.push_back(n * M * spatial);
        }
        return batchedGemm(*m_ctx, false, false, M, spatial, C, 1.0f, bw, aOff, C, bx, bOff, spatial, 0.0f,
                           by, cOff, spatial);
    }

    // Y[n][:, s0:s0+S] = W * col, where col holds the input windows of those output pixels; as
    // many whole images per GEMM batch as fit in kColumnBytes, or slices of one image's pixels.
    Status im2colGemm(const ConvSetup& s, const cl_int8& p0, const cl_int8& p1, const ClBuffer& bx,
                      const ClBuffer& bw, const ClBuffer& by) const {
        const size_t rows = static_cast<size_t>(s.inChannels * s.geometry.kernelSize());
        const size_t spatial = static_cast<size_t>(s.geometry.outputSize());
        const size_t batch = static_cast<size_t>(s.batch), M = static_cast<size_t>(s.outChannels);
        const size_t limit = kColumnBytes / sizeof(float);
        size_t images = 1, slice = spatial;
        if (rows * spatial <= limit)
            images = std::min(batch, limit / (rows * spatial));
        else
            slice = std::max<size_t>(1, limit / rows);
        OS_ASSIGN_OR_RETURN(ClBuffer col, m_ctx->allocate(images * rows * slice * sizeof(float)));
        OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("im2col_f32"));
        for (size_t n0 = 0; n0 < batch; n0 += images) {
            const size_t nb = std::min(images, batch - n0);
            for (size_t s0 = 0; s0 < spatial; s0 += slice) {
                const size_t cols = std::min(slice, spatial - s0);
                cl_int4 chunk{};
                chunk.s[0] = static_cast<cl_int>(n0);
                chunk.s[1] = static_cast<cl_int>(nb);
                chunk.s[2] = static_cast<cl_int>(s0);
                chunk.s[3] = static_cast<cl_int>(cols);
                OS_RETURN_IF_ERROR(setKernelArgs(k, bx, col, p0, p1, chunk));
                OS_RETURN_IF_ERROR(launch(k, nb * rows * cols));
                std::vector<size_t> aOff(nb, 0), bOff, cOff;
                for (size_t i = 0; i < nb; ++i) {
                    bOff.push_back(i * rows * cols);
                    cOff.push_back((n0 + i) * M * spatial + s0);
                }
                OS_RETURN_IF_ERROR(batchedGemm(*m_ctx, false, false, M, cols, rows, 1.0f, bw, aOff, rows, col,
                                               bOff, cols, 0.0f, by, cOff, spatial));
            }
        }
        return {};
    }

    int64_t m_group;
    bool m_transpose;
};

class MatMulKernel final : public OpenClKernel {
public:
    using OpenClKernel::OpenClKernel;

protected:
    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor& a = *context.inputTensor(0);
        const Tensor& b = *context.inputTensor(1);
        if (a.rank() < 1 || b.rank() < 1)
            return false;
        Shape as = a.shape(), bs = b.shape();
        if (as.size() == 1)
            as.insert(as.begin(), 1);
        if (bs.size() == 1)
            bs.push_back(1);
        const int64_t M = as[as.size() - 2], K = as.back(), N = bs.back();
        if (bs[bs.size() - 2] != K)
            return Status::error("MatMul inner dims differ: " + shapeToString(a.shape()) + " x " +
                                 shapeToString(b.shape()));
        const Shape aBatch(as.begin(), as.end() - 2), bBatch(bs.begin(), bs.end() - 2);
        const size_t rank = std::max(aBatch.size(), bBatch.size());
        Shape batch(rank);
        std::vector<int64_t> aStride(rank, 0), bStride(rank, 0);
        int64_t aStep = M * K, bStep = K * N;
        for (size_t i = rank; i-- > 0;) {
            const int64_t da = i + aBatch.size() >= rank ? aBatch[i + aBatch.size() - rank] : 1;
            const int64_t db = i + bBatch.size() >= rank ? bBatch[i + bBatch.size() - rank] : 1;
            if (da != db && da != 1 && db != 1)
                return Status::error("MatMul batch dims do not broadcast: " + shapeToString(a.shape()) +
                                     " x " + shapeToString(b.shape()));
            batch[i] = std::max(da, db);
            aStride[i] = da == 1 ? 0 : aStep;
            bStride[i] = db == 1 ? 0 : bStep;
            aStep *= da;
            bStep *= db;
        }
        int64_t batchCount = 1;
        for (int64_t d : batch)
            batchCount *= d;
        Shape out = batch;
        if (a.rank() > 1)
            out.push_back(M);
        if (b.rank() > 1)
            out.push_back(N);
        if (batchCount * M * N > kMaxDeviceElements)
            return false;
        OS_ASSIGN_OR_RETURN(ClBuffer ba, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer bb, input(context, 1));
        OS_ASSIGN_OR_RETURN(ClBuffer by,
                            m_ctx->allocate(static_cast<size_t>(batchCount * M * N) * sizeof(float)));
        if (batchCount * M * N > 0 && K == 0)
            OS_RETURN_IF_ERROR(m_ctx->zero(by, static_cast<size_t>(batchCount * M * N) * sizeof(float)));
        else if (bBatch.empty() ||
                 std::all_of(bStride.begin(), bStride.end(), [](int64_t s) { return s == 0; })) {
            // B is shared by every batch, so A's batches are contiguous rows of one tall GEMM.
            OS_RETURN_IF_ERROR(batchedGemm(*m_ctx, false, false, static_cast<size_t>(batchCount * M),
                                           static_cast<size_t>(N), static_cast<size_t>(K), 1.0f, ba, {0},
                                           static_cast<size_t>(K), bb, {0}, static_cast<size_t>(N), 0.0f, by,
                                           {0}, static_cast<size_t>(N)));
        } else {
            std::vector<size_t> aOff, bOff, cOff;
            for (int64_t i = 0; i < batchCount; ++i) {
                int64_t rest = i, ao = 0, bo = 0;
                for (size_t d = rank; d-- > 0;) {
                    const int64_t c = rest % batch[d];
                    rest /= batch[d];
                    ao += c * aStride[d];
                    bo += c * bStride[d];
                }
                aOff.push_back(static_cast<size_t>(ao));
                bOff.push_back(static_cast<size_t>(bo));
                cOff.push_back(static_cast<size_t>(i * M * N));
            }
            OS_RETURN_IF_ERROR(batchedGemm(*m_ctx, false, false, static_cast<size_t>(M),
                                           static_cast<size_t>(N), static_cast<size_t>(K), 1.0f, ba, aOff,
                                           static_cast<size_t>(K), bb, bOff, static_cast<size_t>(N), 0.0f, by,
                                           cOff, static_cast<size_t>(N)));
        }
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, out));
        return true;
    }
};

class GemmKernel final : public OpenClKernel {
public:
    GemmKernel(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node)
        : OpenClKernel(std::move(ctx), node)
        , m_alpha(node.getFloat("alpha", 1.0f))
        , m_beta(node.getFloat("beta", 1.0f))
        , m_transA(node.getInt("transA", 0) != 0)
        , m_transB(node.getInt("transB", 0) != 0) {}

protected:
    Result<bool> computeOnDevice(KernelContext& context) const override {
        const Tensor& a = *context.inputTensor(0);
        const Tensor& b = *context.inputTensor(1);
        const Tensor* c = context.inputTensor(2);
        if (a.rank() != 2 || b.rank() != 2)
            return Status::error("Gemm needs 2-D A and B, got " + shapeToString(a.shape()) + " and " +
                                 shapeToString(b.shape()));
        const int64_t M = m_transA ? a.dim(1) : a.dim(0), K = m_transA ? a.dim(0) : a.dim(1);
        const int64_t N = m_transB ? b.dim(0) : b.dim(1);
        if ((m_transB ? b.dim(1) : b.dim(0)) != K)
            return Status::error("Gemm inner dims differ: " + shapeToString(a.shape()) + " x " +
                                 shapeToString(b.shape()));
        if (M * N > kMaxDeviceElements || K == 0 || (c && c->rank() > 2))
            return false;
        OS_ASSIGN_OR_RETURN(ClBuffer ba, input(context, 0));
        OS_ASSIGN_OR_RETURN(ClBuffer bb, input(context, 1));
        OS_ASSIGN_OR_RETURN(ClBuffer by, m_ctx->allocate(static_cast<size_t>(M * N) * sizeof(float)));
        float beta = 0.0f;
        if (c && m_beta != 0.0f) {
            // Broadcast C into Y first; the GEMM then accumulates onto it with beta.
            const Shape cs = c->shape();
            const int64_t cm = cs.size() == 2 ? cs[0] : 1, cn = cs.empty() ? 1 : cs.back();
            if ((cm != 1 && cm != M) || (cn != 1 && cn != N))
                return Status::error("Gemm C " + shapeToString(cs) + " does not broadcast to [" +
                                     std::to_string(M) + "," + std::to_string(N) + "]");
            OS_ASSIGN_OR_RETURN(ClBuffer bc, input(context, 2));
            OS_ASSIGN_OR_RETURN(cl_kernel k, kernel("strided_copy_f32"));
            OS_RETURN_IF_ERROR(setKernelArgs(k, bc, by, cl_int(M * N), cl_int(2), packInts({M, N}),
                                             packInts({cm == 1 ? 0 : cn, cn == 1 ? 0 : 1}), cl_int(0),
                                             packInts({N, 1}), cl_int(0)));
            OS_RETURN_IF_ERROR(launch(k, static_cast<size_t>(M * N)));
            beta = m_beta;
        } else {
            OS_RETURN_IF_ERROR(m_ctx->zero(by, static_cast<size_t>(M * N) * sizeof(float)));
        }
        OS_RETURN_IF_ERROR(batchedGemm(*m_ctx, m_transA, m_transB, static_cast<size_t>(M),
                                       static_cast<size_t>(N), static_cast<size_t>(K), m_alpha, ba, {0},
                                       static_cast<size_t>(a.dim(1)), bb, {0}, static_cast<size_t>(b.dim(1)),
                                       beta, by, {0}, static_cast<size_t>(N)));
        OS_RETURN_IF_ERROR(setOutput(context, 0, by, {M, N}));
        return true;
    }

private:
    float m_alpha, m_beta;
    bool m_transA, m_transB;
};

} // namespace

std::unique_ptr<OpenClKernel> makeOpenClConv(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<ConvKernel>(std::move(ctx), node, false);
}
std::unique_ptr<OpenClKernel> makeOpenClConvTranspose(std::shared_ptr<OpenClContext> ctx,
                                                      const NodeDesc& node) {
    return std::make_unique<ConvKernel>(std::move(ctx), node, true);
}
std::unique_ptr<OpenClKernel> makeOpenClMatMul(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<MatMulKernel>(std::move(ctx), node);
}
std::unique_ptr<OpenClKernel> makeOpenClGemm(std::shared_ptr<OpenClContext> ctx, const NodeDesc& node) {
    return std::make_unique<GemmKernel>(std::move(ctx), node);
}

} // namespace onnxscope
