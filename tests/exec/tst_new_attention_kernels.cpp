// Hand-computed cases of the sequence-model kernels (CausalConvWithState, LinearAttention,
// ai.onnx.preview FlexAttention), with their error messages. The conformance suite covers the
// rest (float16, GQA variants, modifier subgraphs).
#include "kernel_test_util.h"

#include <QTest>

#include <cmath>

using namespace onnxscope;
using namespace onnxscope::test;

class TestNewAttentionKernels : public QObject {
    Q_OBJECT

private slots:
    void causalConvWithState() {
        const Tensor x = floats({1, 1, 3}, {1, 2, 3});
        const Tensor w = floats({1, 1, 2}, {0.5f, 1});
        // Padded sequence {4 | 1 2 3}: y[t] = 0.5 * seq[t] + seq[t + 1] + 0.25.
        auto outputs = run(makeNode("CausalConvWithState", 4, 2, {}, 27),
                           {x, w, floats({1}, {0.25f}), floats({1, 1, 1}, {4})});
        QCOMPARE(outputs.size(), size_t(2));
        OS_COMPARE_TENSORS(outputs[0].tensor, floats({1, 1, 3}, {3.25f, 2.75f, 4.25f}), 1e-6, 1e-6);
        OS_COMPARE_TENSORS(outputs[1].tensor, floats({1, 1, 1}, {3}), 0, 0);
        // No bias, no past state (zeros), SiLU: y = silu({1, 2.5, 4}).
        outputs = run(makeNode("CausalConvWithState", 4, 2, {stringAttr("activation", "silu")}, 27),
                      {x, w, Value(), Value()});
        OS_COMPARE_TENSORS(outputs[0].tensor, floats({1, 1, 3}, {0.7310586f, 2.3103545f, 3.9280552f}), 1e-6,
                           1e-6);
        OS_COMPARE_TENSORS(outputs[1].tensor, floats({1, 1, 1}, {3}), 0, 0);
        // Double stays double.
        outputs = run(makeNode("CausalConvWithState", 2, 2, {}, 27),
                      {makeTensor<double>({1, 1, 3}, {1, 2, 3}), makeTensor<double>({1, 1, 2}, {0.5, 1})});
        OS_COMPARE_TENSORS(outputs[0].tensor, makeTensor<double>({1, 1, 3}, {1, 2.5, 4}), 1e-12, 1e-12);

        QVERIFY(errorOf(makeNode("CausalConvWithState", 2, 2, {}, 27), {x, floats({2, 1, 2}, {1, 1, 1, 1})})
                    .find("weight shape") != std::string::npos);
        QVERIFY(
            errorOf(makeNode("CausalConvWithState", 4, 2, {}, 27), {x, w, Value(), floats({1, 1, 2}, {0, 0})})
                .find("past_state shape") != std::string::npos);
        QVERIFY(errorOf(makeNode("CausalConvWithState", 2, 2, {stringAttr("activation", "relu")}, 27), {x, w})
                    .find("activation") != std::string::npos);
    }

    void linearAttention() {
        const std::vector<Attribute> oneHead = {intAttr("q_num_heads", 1), intAttr("kv_num_heads", 1),
                                                floatAttr("scale", 1.0f)};
        std::vector<Attribute> linear = oneHead;
        linear.push_back(stringAttr("update_rule", "linear"));
        // S = k0 ⊗ v0 = [[1, 2], [0, 0]], then + k1 ⊗ v1 = [[1, 2], [3, 4]]; o_t = q_tᵀ S.
        auto outputs = run(makeNode("LinearAttention", 3, 2, linear, 27),
                           {floats({1, 2, 2}, {1, 0, 0, 1}), floats({1, 2, 2}, {1, 0, 0, 1}),
                            floats({1, 2, 2}, {1, 2, 3, 4})});
        OS_COMPARE_TENSORS(outputs[0].tensor, floats({1, 2, 2}, {1, 2, 3, 4}), 1e-6, 1e-6);
        OS_COMPARE_TENSORS(outputs[1].tensor, floats({1, 1, 2, 2}, {1, 2, 3, 4}), 1e-6, 1e-6);

        // gated_delta (the default) with per-head decay 0.5 and beta {1, 0.5}:
        // t0: S = [[1, 2], [0, 0]], o0 = [1, 2].
        // t1: S *= 0.5 -> [[.5, 1], [0, 0]]; Sᵀk1 = [.5, 1]; u = 0.5 * ([3, 4] - [.5, 1]) = [1.25, 1.5];
        //     S = [[1.75, 2.5], [0, 0]]; o1 = [1, 1]ᵀ S = [1.75, 2.5].
        const float halfLog = std::log(0.5f);
        const Tensor q = floats({1, 2, 2}, {1, 0, 1, 1}), k = floats({1, 2, 2}, {1, 0, 1, 0}),
                     v = floats({1, 2, 2}, {1, 2, 3, 4}), decay = floats({1, 2, 1}, {halfLog, halfLog}),
                     beta = floats({1, 2, 1}, {1, 0.5f});
        outputs = run(makeNode("LinearAttention", 6, 2, oneHead, 27), {q, k, v, Value(), decay, beta});
        OS_COMPARE_TENSORS(outputs[0].tensor, floats({1, 2, 2}, {1, 2, 1.75f, 2.5f}), 1e-6, 1e-6);
        OS_COMPARE_TENSORS(outputs[1].tensor, floats({1, 1, 2, 2}, {1.75f, 2.5f, 0, 0}), 1e-6, 1e-6);
        // The same with a past state of zeros, and two query heads sharing the KV head.
        std::vector<Attribute> gqa = {intAttr("q_num_heads", 2), intAttr("kv_num_heads", 1),
                                      floatAttr("scale", 1.0f)};
        outputs = run(makeNode("LinearAttention", 6, 2, gqa, 27),
                      {floats({1, 2, 4}, {1, 0, 0, 1, 1, 1, 2, 0}), k, v, floats({1, 1, 2, 2}, {0, 0, 0, 0}),
                       decay, beta});
        OS_COMPARE_TENSORS(outputs[0].tensor, floats({1, 2, 4}, {1, 2, 0, 0, 1.75f, 2.5f, 3.5f, 5}), 1e-6,
                           1e-6);

        QVERIFY(errorOf(makeNode("LinearAttention", 6, 2, oneHead, 27), {q, k, v, Value(), Value(), beta})
                    .find("requires the decay input") != std::string::npos);
        QVERIFY(errorOf(makeNode("LinearAttention", 6, 2, oneHead, 27),
                        {q, floats({1, 2, 3}, {0, 0, 0, 0, 0, 0}), v, Value(), decay, beta})
                    .find("key") != std::string::npos);
        QVERIFY(errorOf(makeNode("LinearAttention", 3, 2,
                                 {intAttr("q_num_heads", 3), intAttr("kv_num_heads", 2)}, 27),
                        {q, k, v})
                    .find("multiple of kv_num_heads") != std::string::npos);
    }

    void flexAttention() {
        // Head 0: scores [0, ln 3] -> probs [1/4, 3/4] -> 0.25 * 4 + 0.75 * 8 = 7.
        // Head 1 (q = 0) shares the K/V head: probs [1/2, 1/2] -> 6.
        const Tensor q = floats({1, 2, 1, 1}, {1, 0}), k = floats({1, 1, 2, 1}, {0, std::log(3.0f)}),
                     v = floats({1, 1, 2, 1}, {4, 8});
        auto flex = [](std::vector<Attribute> attrs = {}) {
            return makeNode("FlexAttention", 3, 1, std::move(attrs), 1, "ai.onnx.preview");
        };
        OS_COMPARE_TENSORS(out0(flex(), {q, k, v}), floats({1, 2, 1, 1}, {7, 6}), 1e-6, 1e-6);
        // scale 2 with q halved gives the same scores.
        OS_COMPARE_TENSORS(out0(flex({floatAttr("scale", 2.0f)}), {floats({1, 2, 1, 1}, {0.5f, 0}), k, v}),
                           floats({1, 2, 1, 1}, {7, 6}), 1e-6, 1e-6);
        OS_COMPARE_TENSORS(out0(flex(), {makeTensor<double>({1, 2, 1, 1}, {1, 0}),
                                         makeTensor<double>({1, 1, 2, 1}, {0, std::log(3.0)}),
                                         makeTensor<double>({1, 1, 2, 1}, {4, 8})}),
                           makeTensor<double>({1, 2, 1, 1}, {7, 6}), 1e-12, 1e-12);

        QVERIFY(errorOf(flex(), {floats({1, 1, 1}, {1}), k, v}).find("Q must be 4-D") != std::string::npos);
        QVERIFY(errorOf(flex(), {floats({1, 3, 1, 1}, {1, 1, 1}), floats({1, 2, 2, 1}, {0, 0, 0, 0}),
                                 floats({1, 2, 2, 1}, {0, 0, 0, 0})})
                    .find("not a multiple") != std::string::npos);
        QVERIFY(errorOf(flex(), {q, k, makeTensor<double>({1, 1, 2, 1}, {4, 8})}).find("input V") !=
                std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestNewAttentionKernels)
#include "tst_new_attention_kernels.moc"
