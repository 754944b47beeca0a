// NonMaxSuppression: greedy per (batch, class) selection by descending score, dropping boxes
// whose IoU with an already selected box exceeds the threshold.
#include "tensor_kernels.h"

#include "tensor_kernel_util.h"

#include <algorithm>
#include <numeric>

namespace onnxscope {

namespace {

struct Box {
    float y1, x1, y2, x2;
};

float iou(const Box& a, const Box& b) {
    const float areaA = (a.y2 - a.y1) * (a.x2 - a.x1);
    const float areaB = (b.y2 - b.y1) * (b.x2 - b.x1);
    if (areaA <= 0 || areaB <= 0)
        return 0;
    const float h = std::min(a.y2, b.y2) - std::max(a.y1, b.y1);
    const float w = std::min(a.x2, b.x2) - std::max(a.x1, b.x1);
    if (h <= 0 || w <= 0)
        return 0;
    const float inter = h * w;
    return inter / (areaA + areaB - inter);
}

class NonMaxSuppressionKernel final : public Kernel {
public:
    explicit NonMaxSuppressionKernel(const NodeDesc& node)
        : m_centerPointBox(node.getInt("center_point_box", 0) != 0) {}
    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* boxesT, requireTensor(context, 0, "boxes"));
        OS_ASSIGN_OR_RETURN(const Tensor* scoresT, requireTensor(context, 1, "scores"));
        if (boxesT->rank() != 3 || boxesT->dim(2) != 4)
            return Status::error("boxes must be [batch, boxes, 4], got " + shapeToString(boxesT->shape()));
        if (scoresT->rank() != 3 || scoresT->dim(0) != boxesT->dim(0) || scoresT->dim(2) != boxesT->dim(1))
            return Status::error("scores " + shapeToString(scoresT->shape()) +
                                 " must be [batch, classes, boxes] matching boxes " +
                                 shapeToString(boxesT->shape()));
        int64_t maxOut = 0;
        float iouThreshold = 0, scoreThreshold = 0;
        bool hasScoreThreshold = false;
        if (const Tensor* t = context.inputTensor(2); t && t->elementCount() > 0)
            maxOut = readInt64s(*t)[0];
        if (const Tensor* t = context.inputTensor(3); t && t->elementCount() > 0)
            iouThreshold = static_cast<float>(t->elementAsDouble(0));
        if (const Tensor* t = context.inputTensor(4); t && t->elementCount() > 0) {
            scoreThreshold = static_cast<float>(t->elementAsDouble(0));
            hasScoreThreshold = true;
        }
        if (iouThreshold < 0 || iouThreshold > 1)
            return Status::error("iou_threshold must be in [0, 1]");
        const int64_t batches = boxesT->dim(0), classes = scoresT->dim(1), n = boxesT->dim(1);
        const std::vector<float> rawBoxes = toFloats(*boxesT);
        const std::vector<float> scores = toFloats(*scoresT);
        std::vector<Box> boxes(static_cast<size_t>(batches * n));
        for (size_t i = 0; i < boxes.size(); ++i) {
            const float* b = rawBoxes.data() + 4 * i;
            if (m_centerPointBox) {
                boxes[i] = {b[1] - b[3] / 2, b[0] - b[2] / 2, b[1] + b[3] / 2, b[0] + b[2] / 2};
            } else {
                boxes[i] = {std::min(b[0], b[2]), std::min(b[1], b[3]), std::max(b[0], b[2]),
                            std::max(b[1], b[3])};
            }
        }
        std::vector<int64_t> selected;
        for (int64_t b = 0; b < batches; ++b) {
            for (int64_t c = 0; c < classes; ++c) {
                if (maxOut <= 0)
                    continue;
                const float* s = scores.data() + (b * classes + c) * n;
                std::vector<int64_t> order;
                for (int64_t i = 0; i < n; ++i)
                    if (!hasScoreThreshold || s[i] > scoreThreshold)
                        order.push_back(i);
                std::stable_sort(order.begin(), order.end(),
                                 [&](int64_t x, int64_t y) { return s[x] > s[y]; });
                std::vector<int64_t> kept;
                for (int64_t i : order) {
                    if (static_cast<int64_t>(kept.size()) >= maxOut)
                        break;
                    bool suppressed = false;
                    for (int64_t j : kept)
                        if (iou(boxes[b * n + i], boxes[b * n + j]) > iouThreshold) {
                            suppressed = true;
                            break;
                        }
                    if (!suppressed)
                        kept.push_back(i);
                }
                for (int64_t i : kept) {
                    selected.push_back(b);
                    selected.push_back(c);
                    selected.push_back(i);
                }
            }
        }
        const int64_t count = static_cast<int64_t>(selected.size() / 3);
        Tensor& out = context.allocateOutput(0, DataType::Int64, {count, 3});
        std::copy(selected.begin(), selected.end(), out.data<int64_t>());
        return {};
    }

private:
    bool m_centerPointBox;
};

} // namespace

void registerNmsOps(KernelRegistry& registry) {
    registry.add("NonMaxSuppression", 10, &makeKernel<NonMaxSuppressionKernel>);
}

} // namespace onnxscope
