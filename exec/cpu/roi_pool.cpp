// RoiAlign (avg/max, half_pixel and output_half_pixel coordinates) and MaxRoiPool.
#include "spatial_kernels.h"

#include "exec/cpu/nn_util.h"
#include "exec/kernel.h"

#include <algorithm>
#include <cmath>

namespace onnxscope {

namespace {

class RoiAlignKernel final : public Kernel {
public:
    explicit RoiAlignKernel(const NodeDesc& node)
        : m_halfPixel(node.getString("coordinate_transformation_mode",
                                     node.opsetVersion >= 16 ? "half_pixel" : "output_half_pixel") ==
                      "half_pixel")
        , m_max(node.getString("mode", "avg") == "max")
        , m_outH(node.getInt("output_height", 1))
        , m_outW(node.getInt("output_width", 1))
        , m_samplingRatio(node.getInt("sampling_ratio", 0))
        , m_scale(node.getFloat("spatial_scale", 1.0f)) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x0 = ctx.inputTensor(0);
        const Tensor* rois0 = ctx.inputTensor(1);
        const Tensor* idx0 = ctx.inputTensor(2);
        if (!x0 || !rois0 || !idx0)
            return Status::error("RoiAlign needs X, rois and batch_indices");
        if (x0->rank() != 4 || rois0->rank() != 2 || rois0->dim(1) != 4)
            return Status::error("RoiAlign needs X [N,C,H,W] and rois [num_rois,4], got " +
                                 shapeToString(x0->shape()) + " and " + shapeToString(rois0->shape()));
        if (m_outH <= 0 || m_outW <= 0 || m_samplingRatio < 0)
            return Status::error("RoiAlign output size must be positive and sampling_ratio non-negative");
        OS_ASSIGN_OR_RETURN(std::vector<int64_t> batch, readInts(*idx0, "RoiAlign batch_indices"));
        const int64_t R = rois0->dim(0);
        if (static_cast<int64_t>(batch.size()) != R)
            return Status::error("RoiAlign batch_indices must have one entry per roi");
        Tensor x = toFloat(*x0), rois = toFloat(*rois0);
        const int64_t N = x.dim(0), C = x.dim(1), H = x.dim(2), W = x.dim(3);
        Tensor y(DataType::Float, {R, C, m_outH, m_outW});
        for (int64_t r = 0; r < R; ++r) {
            if (batch[r] < 0 || batch[r] >= N)
                return Status::error("RoiAlign batch index " + std::to_string(batch[r]) + " is out of range");
            const float* roi = rois.data<float>() + r * 4;
            const float offset = m_halfPixel ? 0.5f : 0.0f;
            const float x1 = roi[0] * m_scale - offset, y1 = roi[1] * m_scale - offset;
            const float x2 = roi[2] * m_scale - offset, y2 = roi[3] * m_scale - offset;
            float roiW = x2 - x1, roiH = y2 - y1;
            if (!m_halfPixel) {
                roiW = std::max(roiW, 1.0f);
                roiH = std::max(roiH, 1.0f);
            }
            const float binH = roiH / static_cast<float>(m_outH), binW = roiW / static_cast<float>(m_outW);
            const int64_t gridH =
                m_samplingRatio > 0 ? m_samplingRatio : static_cast<int64_t>(std::ceil(roiH / m_outH));
            const int64_t gridW =
                m_samplingRatio > 0 ? m_samplingRatio : static_cast<int64_t>(std::ceil(roiW / m_outW));
            const float count = static_cast<float>(std::max<int64_t>(gridH * gridW, 1));
            for (int64_t c = 0; c < C; ++c) {
                const float* plane = x.data<float>() + (batch[r] * C + c) * H * W;
                for (int64_t ph = 0; ph < m_outH; ++ph)
                    for (int64_t pw = 0; pw < m_outW; ++pw) {
                        float acc = 0;
                        bool first = true;
                        for (int64_t iy = 0; iy < gridH; ++iy) {
                            float yy = y1 + ph * binH + (iy + 0.5f) * binH / static_cast<float>(gridH);
                            for (int64_t ix = 0; ix < gridW; ++ix) {
                                float xx = x1 + pw * binW + (ix + 0.5f) * binW / static_cast<float>(gridW);
                                float w[4] = {0, 0, 0, 0};
                                int64_t at[4] = {0, 0, 0, 0};
                                if (!(yy < -1.0f || yy > H || xx < -1.0f || xx > W)) {
                                    float sy = std::max(yy, 0.0f), sx = std::max(xx, 0.0f);
                                    int64_t yl = static_cast<int64_t>(sy), xl = static_cast<int64_t>(sx), yh,
                                            xh;
                                    if (yl >= H - 1) {
                                        yh = yl = H - 1;
                                        sy = static_cast<float>(yl);
                                    } else {
                                        yh = yl + 1;
                                    }
                                    if (xl >= W - 1) {
                                        xh = xl = W - 1;
                                        sx = static_cast<float>(xl);
                                    } else {
                                        xh = xl + 1;
                                    }
                                    const float ly = sy - yl, lx = sx - xl, hy = 1 - ly, hx = 1 - lx;
                                    w[0] = hy * hx, w[1] = hy * lx, w[2] = ly * hx, w[3] = ly * lx;
                                    at[0] = yl * W + xl, at[1] = yl * W + xh, at[2] = yh * W + xl,
                                    at[3] = yh * W + xh;
                                }
                                if (m_max) {
                                    // The max of the weighted corner values, as the reference does.
                                    float v = w[0] * plane[at[0]];
                                    for (int k = 1; k < 4; ++k)
                                        v = std::max(v, w[k] * plane[at[k]]);
                                    acc = first ? v : std::max(acc, v);
                                    first = false;
                                } else {
                                    for (int k = 0; k < 4; ++k)
                                        acc += w[k] * plane[at[k]];
                                }
                            }
                        }
                        y.data<float>()[((r * C + c) * m_outH + ph) * m_outW + pw] =
                            m_max ? acc : acc / count;
                    }
            }
        }
        ctx.setOutput(0, fromFloat(y, x0->dataType()));
        return Status();
    }

private:
    bool m_halfPixel, m_max;
    int64_t m_outH, m_outW, m_samplingRatio;
    float m_scale;
};

class MaxRoiPoolKernel final : public Kernel {
public:
    explicit MaxRoiPoolKernel(const NodeDesc& node)
        : m_pooled(node.getInts("pooled_shape"))
        , m_scale(node.getFloat("spatial_scale", 1.0f)) {}
    Status compute(KernelContext& ctx) const override {
        const Tensor* x0 = ctx.inputTensor(0);
        const Tensor* rois0 = ctx.inputTensor(1);
        if (!x0 || !rois0)
            return Status::error("MaxRoiPool needs X and rois");
        if (m_pooled.size() != 2 || m_pooled[0] <= 0 || m_pooled[1] <= 0)
            return Status::error("MaxRoiPool pooled_shape must be two positive values");
        if (x0->rank() != 4 || rois0->rank() != 2 || rois0->dim(1) != 5)
            return Status::error("MaxRoiPool needs X [N,C,H,W] and rois [num_rois,5]");
        Tensor x = toFloat(*x0), rois = toFloat(*rois0);
        const int64_t N = x.dim(0), C = x.dim(1), H = x.dim(2), W = x.dim(3), R = rois.dim(0);
        const int64_t PH = m_pooled[0], PW = m_pooled[1];
        Tensor y(DataType::Float, {R, C, PH, PW});
        for (int64_t r = 0; r < R; ++r) {
            const float* roi = rois.data<float>() + r * 5;
            const int64_t b = static_cast<int64_t>(roi[0]);
            if (b < 0 || b >= N)
                return Status::error("MaxRoiPool batch index " + std::to_string(b) + " is out of range");
            const int64_t sw = std::llround(roi[1] * m_scale), sh = std::llround(roi[2] * m_scale);
            const int64_t ew = std::llround(roi[3] * m_scale), eh = std::llround(roi[4] * m_scale);
            const int64_t rw = std::max<int64_t>(ew - sw + 1, 1), rh = std::max<int64_t>(eh - sh + 1, 1);
            const double binH = static_cast<double>(rh) / PH, binW = static_cast<double>(rw) / PW;
            for (int64_t c = 0; c < C; ++c) {
                const float* plane = x.data<float>() + (b * C + c) * H * W;
                for (int64_t ph = 0; ph < PH; ++ph)
                    for (int64_t pw = 0; pw < PW; ++pw) {
                        const int64_t hs =
                            std::clamp<int64_t>(static_cast<int64_t>(std::floor(ph * binH)) + sh, 0, H);
                        const int64_t he =
                            std::clamp<int64_t>(static_cast<int64_t>(std::ceil((ph + 1) * binH)) + sh, 0, H);
                        const int64_t ws =
                            std::clamp<int64_t>(static_cast<int64_t>(std::floor(pw * binW)) + sw, 0, W);
                        const int64_t we =
                            std::clamp<int64_t>(static_cast<int64_t>(std::ceil((pw + 1) * binW)) + sw, 0, W);
                        float best = 0;
                        bool any = false;
                        for (int64_t i = hs; i < he; ++i)
                            for (int64_t j = ws; j < we; ++j) {
                                const float v = plane[i * W + j];
                                if (!any || v > best)
                                    best = v;
                                any = true;
                            }
                        y.data<float>()[((r * C + c) * PH + ph) * PW + pw] = best;
                    }
            }
        }
        ctx.setOutput(0, fromFloat(y, x0->dataType()));
        return Status();
    }

private:
    std::vector<int64_t> m_pooled;
    float m_scale;
};

} // namespace

void registerRoiKernels(KernelRegistry& registry) {
    registry.add("RoiAlign", 10, &makeKernel<RoiAlignKernel>);
    registry.add("MaxRoiPool", 1, &makeKernel<MaxRoiPoolKernel>);
}

} // namespace onnxscope
