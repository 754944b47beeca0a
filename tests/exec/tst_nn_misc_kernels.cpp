// Tests of the nn family beyond conv/matmul/pooling: normalization, quantization, RNNs,
// Einsum, Attention, Det, Col2Im and the training optimizers, against hand-computed values.
#include "kernel_test_util.h"

#include <cmath>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

bool contains(const std::string& s, const char* what) {
    return s.find(what) != std::string::npos;
}

} // namespace

class TestNnMiscKernels : public QObject {
    Q_OBJECT
private slots:
    void batchNormInferenceAndTraining() {
        Tensor x = makeTensor<float>({2, 1, 2}, {1, 2, 3, 4});
        auto ones = makeTensor<float>({1}, {1}), zeros = makeTensor<float>({1}, {0});
        auto out = run(
            makeNode("BatchNormalization", 5, 1, {floatAttr("epsilon", 0)}, 15),
            {x, makeTensor<float>({1}, {2}), ones, makeTensor<float>({1}, {1}), makeTensor<float>({1}, {4})});
        // (x - 1) / 2 * 2 + 1
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({2, 1, 2}, {1, 2, 3, 4}), 1e-6, 0);
        out = run(
            makeNode("BatchNormalization", 5, 3, {floatAttr("epsilon", 0), intAttr("training_mode", 1)}, 15),
            {x, ones, zeros, zeros, ones});
        // batch mean 2.5, var 1.25; running = 0.9 * old + 0.1 * batch
        QVERIFY(std::fabs(out[0].tensor.data<float>()[0] - (1 - 2.5f) / std::sqrt(1.25f)) < 1e-5f);
        OS_COMPARE_TENSORS(out[1].tensor, makeTensor<float>({1}, {0.25f}), 1e-6, 0);
        OS_COMPARE_TENSORS(out[2].tensor, makeTensor<float>({1}, {0.9f + 0.125f}), 1e-6, 0);
    }

    void layerGroupRmsNorm() {
        Tensor x = makeTensor<float>({2, 2}, {1, 3, 2, 4});
        auto out = run(makeNode("LayerNormalization", 3, 3, {floatAttr("epsilon", 0)}, 17),
                       {x, makeTensor<float>({2}, {1, 1}), makeTensor<float>({2}, {0, 10})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({2, 2}, {-1, 11, -1, 11}), 1e-5, 0);
        OS_COMPARE_TENSORS(out[1].tensor, makeTensor<float>({2, 1}, {2, 3}), 1e-6, 0);
        out = run(makeNode("RMSNormalization", 2, 1, {floatAttr("epsilon", 0)}, 23),
                  {makeTensor<float>({1, 2}, {3, 4}), makeTensor<float>({2}, {1, 2})});
        const float rms = std::sqrt(12.5f);
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 2}, {3 / rms, 8 / rms}), 1e-5, 0);
        out =
            run(makeNode("GroupNormalization", 3, 1, {intAttr("num_groups", 1), floatAttr("epsilon", 0)}, 21),
                {makeTensor<float>({1, 2, 1}, {1, 3}), makeTensor<float>({2}, {1, 2}),
                 makeTensor<float>({2}, {0, 0})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 2, 1}, {-1, 2}), 1e-5, 0);
        QVERIFY(contains(errorOf(makeNode("GroupNormalization", 3, 1, {intAttr("num_groups", 3)}, 21),
                                 {makeTensor<float>({1, 2, 1}, {}), makeTensor<float>({2}, {}),
                                  makeTensor<float>({2}, {})}),
                         "num_groups 3"));
        out = run(makeNode("LpNormalization", 1, 1, {intAttr("p", 1)}), {makeTensor<float>({2}, {1, -3})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({2}, {0.25f, -0.75f}), 1e-6, 0);
    }

    void quantizeDequantize() {
        // Per-axis int8 with rounding half to even and saturation.
        auto out = run(makeNode("QuantizeLinear", 3, 1, {intAttr("axis", 1)}),
                       {makeTensor<float>({1, 2, 2}, {2.5f, -1000, 3.5f, 7}), makeTensor<float>({2}, {1, 2}),
                        makeTensor<int8_t>({2}, {0, 1})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<int8_t>({1, 2, 2}, {2, -128, 3, 5}), 0, 0);
        // Blocked dequantize: blocks of 2 along axis 1.
        out = run(makeNode("DequantizeLinear", 3, 1, {intAttr("axis", 1), intAttr("block_size", 2)}),
                  {makeTensor<uint8_t>({1, 3}, {10, 20, 30}), makeTensor<float>({1, 2}, {0.5f, 2}),
                   makeTensor<uint8_t>({1, 2}, {10, 0})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 3}, {0, 5, 60}), 1e-6, 0);
        out = run(makeNode("DynamicQuantizeLinear", 1, 3), {makeTensor<float>({3}, {0, 2, -0.55f})});
        QCOMPARE(out[2].tensor.data<uint8_t>()[0], uint8_t(55));
        QVERIFY(contains(errorOf(makeNode("QuantizeLinear", 2, 1, {intAttr("axis", 0)}),
                                 {makeTensor<float>({2, 2}, {}), makeTensor<float>({3}, {1, 1, 1})}),
                         "per-axis scale"));
    }

    void integerMatMulAndConv() {
        auto out = run(makeNode("MatMulInteger", 4, 1),
                       {makeTensor<uint8_t>({1, 2}, {3, 4}), makeTensor<uint8_t>({2, 1}, {5, 6}),
                        makeTensor<uint8_t>({}, {1}), makeTensor<uint8_t>({}, {2})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<int32_t>({1, 1}, {2 * 3 + 3 * 4}), 0, 0);
        out = run(makeNode("QLinearMatMul", 8, 1),
                  {makeTensor<uint8_t>({1, 1}, {10}), makeTensor<float>({}, {0.5f}),
                   makeTensor<uint8_t>({}, {0}), makeTensor<uint8_t>({1, 1}, {4}), makeTensor<float>({}, {1}),
                   makeTensor<uint8_t>({}, {0}), makeTensor<float>({}, {0.25f}),
                   makeTensor<uint8_t>({}, {100})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<uint8_t>({1, 1}, {180}), 0, 0);
        out = run(makeNode("ConvInteger", 3, 1, {intsAttr("pads", {1, 1})}),
                  {makeTensor<uint8_t>({1, 1, 2}, {5, 7}), makeTensor<uint8_t>({1, 1, 3}, {1, 1, 1}),
                   makeTensor<uint8_t>({}, {5})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<int32_t>({1, 1, 2}, {2, 2}), 0, 0);
    }

    void rnnFamily() {
        // One-step RNN with identity-like weights: h = tanh(x*w + h0*r + b).
        auto out = run(makeNode("RNN", 6, 2, {intAttr("hidden_size", 1)}),
                       {makeTensor<float>({1, 1, 1}, {0.5f}), makeTensor<float>({1, 1, 1}, {2}),
                        makeTensor<float>({1, 1, 1}, {1}), makeTensor<float>({1, 2}, {0.1f, 0.2f}), Value(),
                        makeTensor<float>({1, 1, 1}, {0.3f})});
        OS_COMPARE_TENSORS(out[1].tensor, makeTensor<float>({1, 1, 1}, {std::tanh(1.0f + 0.3f + 0.3f)}), 1e-5,
                           0);
        // LSTM with zero weights: i=f=o=0.5, c~=0 -> c = 0.5*c0, h = 0.5*tanh(c).
        auto zeros = [](Shape s) { return Tensor(DataType::Float, std::move(s)); };
        out = run(makeNode("LSTM", 7, 3, {intAttr("hidden_size", 1)}),
                  {zeros({2, 1, 1}), zeros({1, 4, 1}), zeros({1, 4, 1}), Value(), Value(), Value(),
                   makeTensor<float>({1, 1, 1}, {4})});
        OS_COMPARE_TENSORS(out[2].tensor, makeTensor<float>({1, 1, 1}, {1}), 1e-6, 0);
        OS_COMPARE_TENSORS(out[1].tensor, makeTensor<float>({1, 1, 1}, {0.5f * std::tanh(1.0f)}), 1e-6, 0);
        // GRU reverse with sequence_lens: the shorter batch entry keeps its state, emits zeros.
        out = run(makeNode("GRU", 5, 2, {intAttr("hidden_size", 1), stringAttr("direction", "reverse")}),
                  {makeTensor<float>({2, 2, 1}, {1, 1, 1, 1}), zeros({1, 3, 1}), zeros({1, 3, 1}), Value(),
                   makeTensor<int32_t>({2}, {2, 0})});
        QCOMPARE(out[0].tensor.shape(), (Shape{2, 1, 2, 1}));
        QCOMPARE(out[0].tensor.data<float>()[1], 0.0f);
        QVERIFY(contains(errorOf(makeNode("LSTM", 3, 1, {intAttr("hidden_size", 2)}),
                                 {zeros({1, 1, 1}), zeros({1, 4, 1}), zeros({1, 4, 1})}),
                         "does not match"));
    }

    void einsum() {
        Tensor a = makeTensor<float>({2, 3}, {1, 2, 3, 4, 5, 6});
        Tensor b = makeTensor<float>({3, 2}, {1, 0, 0, 1, 1, 1});
        auto out = run(makeNode("Einsum", 2, 1, {stringAttr("equation", "ij,jk->ik")}, 12), {a, b});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({2, 2}, {4, 5, 10, 11}), 1e-6, 0);
        out = run(makeNode("Einsum", 1, 1, {stringAttr("equation", "ij->ji")}, 12), {a});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({3, 2}, {1, 4, 2, 5, 3, 6}), 0, 0);
        out = run(makeNode("Einsum", 1, 1, {stringAttr("equation", "ii")}, 12),
                  {makeTensor<float>({2, 2}, {1, 2, 3, 4})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({}, {5}), 0, 0);
        out = run(makeNode("Einsum", 2, 1, {stringAttr("equation", "...i,...i->...")}, 12),
                  {a, makeTensor<float>({3}, {1, 1, 1})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({2}, {6, 15}), 0, 0);
        out = run(makeNode("Einsum", 2, 1, {stringAttr("equation", "i,j")}, 12),
                  {makeTensor<int32_t>({2}, {1, 2}), makeTensor<int32_t>({2}, {3, 4})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<int32_t>({2, 2}, {3, 4, 6, 8}), 0, 0);
        QVERIFY(contains(errorOf(makeNode("Einsum", 2, 1, {stringAttr("equation", "ij,jk->ik")}, 12),
                                 {a, makeTensor<float>({2, 2}, {})}),
                         "label 'j'"));
    }

    void attentionCausalAndGqa() {
        // Two query heads share one kv head; causal: the first query sees only the first key.
        Tensor q(DataType::Float, {1, 2, 2, 1}), k(DataType::Float, {1, 1, 2, 1});
        Tensor v = makeTensor<float>({1, 1, 2, 1}, {10, 20});
        auto out = run(makeNode("Attention", 3, 1, {intAttr("is_causal", 1)}, 23), {q, k, v});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 2, 2, 1}, {10, 15, 10, 15}), 1e-5, 0);
        // A fully masked row gives zeros, not NaN.
        Tensor mask(DataType::Bool, {2, 2});
        mask.data<uint8_t>()[2] = 1;
        out = run(makeNode("Attention", 4, 1, {}, 23), {q, k, v, mask});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 2, 2, 1}, {0, 10, 0, 10}), 1e-5, 0);
    }

    void detCol2ImTraining() {
        auto out = run(makeNode("Det", 1, 1), {makeTensor<float>({2, 2, 2}, {1, 2, 3, 4, 0, 1, 1, 0})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({2}, {-2, -1}), 1e-6, 0);
        out = run(makeNode("Col2Im", 3, 1, {}, 18),
                  {makeTensor<float>({1, 2, 3}, {1, 2, 3, 4, 5, 6}), makeTensor<int64_t>({2}, {1, 4}),
                   makeTensor<int64_t>({2}, {1, 2})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 1, 1, 4}, {1, 6, 8, 6}), 0, 0);
        auto node = makeNode("Momentum", 5, 2,
                             {floatAttr("alpha", 0.5f), floatAttr("beta", 1), stringAttr("mode", "standard")},
                             1, "ai.onnx.preview.training");
        out = run(node,
                  {makeTensor<float>({}, {0.1f}), makeTensor<int64_t>({}, {1}), makeTensor<float>({1}, {1}),
                   makeTensor<float>({1}, {2}), makeTensor<float>({1}, {4})});
        OS_COMPARE_TENSORS(out[1].tensor, makeTensor<float>({1}, {4}), 1e-6, 0);
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1}, {0.6f}), 1e-6, 0);
    }
};

QTEST_GUILESS_MAIN(TestNnMiscKernels)
#include "tst_nn_misc_kernels.moc"
