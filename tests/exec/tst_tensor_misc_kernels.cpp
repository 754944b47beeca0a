// Table tests of the tensor family's computing kernels: Resize, signal ops (DFT against a direct
// O(n^2) DFT, windows), string ops, seeded Dropout, NonMaxSuppression, TfIdfVectorizer and the
// ai.onnx.ml ops.
#include "kernel_test_util.h"

#include <QTest>

#include <cmath>
#include <complex>
#include <numbers>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

Tensor strings(Shape shape, std::vector<std::string> v) {
    return makeTensor<std::string>(std::move(shape), std::move(v));
}
std::vector<std::string> stringValues(const Tensor& t) {
    auto v = t.values<std::string>();
    return {v.begin(), v.end()};
}
Attribute tensorAttr(std::string name, Tensor t) {
    Attribute a;
    a.name = std::move(name);
    a.type = Attribute::Type::Tensor;
    a.t = std::move(t);
    return a;
}
Attribute stringsAttr(std::string name, std::vector<std::string> v) {
    Attribute a;
    a.name = std::move(name);
    a.type = Attribute::Type::Strings;
    a.strings = std::move(v);
    return a;
}

#define EXPECT_ERROR(node, inputs, fragment)                                                                 \
    do {                                                                                                     \
        const std::string msg_ = errorOf((node), inputs);                                                    \
        if (msg_.find(fragment) == std::string::npos)                                                        \
            QFAIL(("expected an error containing '" + std::string(fragment) + "', got: " + msg_).c_str());   \
    } while (0)

} // namespace

class TestTensorMiscKernels : public QObject {
    Q_OBJECT

private slots:
    void resizeLinearHalfPixel() {
        // onnx test_resize_upsample_scales_linear
        Tensor y = out0(makeNode("Resize", 3, 1, {stringAttr("mode", "linear")}, 19),
                        {floats({1, 1, 2, 2}, {1, 2, 3, 4}), Value(), floats({4}, {1, 1, 2, 2})});
        OS_COMPARE_TENSORS(y,
                           floats({1, 1, 4, 4}, {1, 1.25f, 1.75f, 2, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f, 2.75f,
                                                 3.25f, 3.5f, 3, 3.25f, 3.75f, 4}),
                           1e-6, 1e-6);
    }

    void resizeNearestModes() {
        Tensor x = floats({1, 4}, {1, 2, 3, 4});
        // asymmetric + floor with sizes: x_original = x * 4/8
        Tensor y = out0(makeNode("Resize", 4, 1,
                                 {stringAttr("coordinate_transformation_mode", "asymmetric"),
                                  stringAttr("nearest_mode", "floor")},
                                 19),
                        {x, Value(), Value(), ints({2}, {1, 8})});
        OS_COMPARE_TENSORS(y, floats({1, 8}, {1, 1, 2, 2, 3, 3, 4, 4}), 0, 0);
        // downsample by 0.6 with half_pixel + round_prefer_floor: x_original = (x+0.5)/0.6-0.5 = 0.333, 2
        Tensor d = out0(makeNode("Resize", 3, 1, {}, 19), {x, Value(), floats({2}, {1, 0.6f})});
        OS_COMPARE_TENSORS(d, floats({1, 2}, {1, 3}), 0, 0);
        // keep_aspect_ratio_policy=not_larger: scale = min(3/1, 3/4) = 0.75
        Tensor k = out0(makeNode("Resize", 4, 1, {stringAttr("keep_aspect_ratio_policy", "not_larger")}, 19),
                        {x, Value(), Value(), ints({2}, {3, 3})});
        QCOMPARE(k.shape(), Shape({1, 3}));
        // Upsample (opset 9) repeats with integer scales
        OS_COMPARE_TENSORS(out0(makeNode("Upsample", 2, 1, {}, 9), {floats({2}, {1, 2}), floats({1}, {3})}),
                           floats({6}, {1, 1, 1, 2, 2, 2}), 0, 0);
        EXPECT_ERROR(makeNode("Resize", 4, 1, {}, 19),
                     (std::vector<Value>{x, Value(), floats({2}, {1, 2}), ints({2}, {1, 8})}), "exactly one");
    }

    void resizeCubicAndCropExtrapolation() {
        // cubic with a = -0.5 reproduces a linear ramp away from the edges (Keys is exact on lines then)
        Tensor x = floats({1, 8}, {0, 1, 2, 3, 4, 5, 6, 7});
        Tensor y = out0(makeNode("Resize", 3, 1,
                                 {stringAttr("mode", "cubic"), floatAttr("cubic_coeff_a", -0.5f),
                                  stringAttr("coordinate_transformation_mode", "align_corners")},
                                 19),
                        {x, Value(), floats({2}, {1, 2})});
        QCOMPARE(y.shape(), Shape({1, 16}));
        // align_corners: out i -> i * 7/15; interior points away from the edges are exact
        for (int i = 4; i < 12; ++i)
            QVERIFY(std::fabs(y.data<float>()[i] - i * 7.0f / 15.0f) < 1e-5f);
        Tensor crop =
            out0(makeNode("Resize", 4, 1,
                          {stringAttr("mode", "linear"),
                           stringAttr("coordinate_transformation_mode", "tf_crop_and_resize"),
                           floatAttr("extrapolation_value", 10)},
                          19),
                 {floats({1, 4}, {1, 2, 3, 4}), floats({4}, {0, 0.5f, 1, 1.5f}), Value(), ints({2}, {1, 3})});
        OS_COMPARE_TENSORS(crop, floats({1, 3}, {2.5f, 4, 10}), 1e-6, 1e-6);
    }

    void dftMatchesDirectTransform() {
        for (int64_t n : {8, 6, 7}) {
            Tensor x(DataType::Float, {1, n, 2});
            for (int64_t i = 0; i < 2 * n; ++i)
                x.data<float>()[i] = static_cast<float>(std::sin(0.7 * i) + 0.1 * i);
            Tensor y = out0(makeNode("DFT", 1, 1, {}, 17), {x});
            QCOMPARE(y.shape(), Shape({1, n, 2}));
            for (int64_t k = 0; k < n; ++k) {
                std::complex<double> sum;
                for (int64_t j = 0; j < n; ++j)
                    sum += std::complex<double>(x.data<float>()[2 * j], x.data<float>()[2 * j + 1]) *
                           std::polar(1.0, -2 * std::numbers::pi * k * j / n);
                QVERIFY(std::fabs(y.data<float>()[2 * k] - sum.real()) < 1e-4);
                QVERIFY(std::fabs(y.data<float>()[2 * k + 1] - sum.imag()) < 1e-4);
            }
        }
        // rfft then irfft (opset 20, axis input) gives the signal back
        Tensor real(DataType::Float, {1, 10, 1});
        for (int i = 0; i < 10; ++i)
            real.data<float>()[i] = static_cast<float>(i * i % 7);
        Tensor spec =
            out0(makeNode("DFT", 3, 1, {intAttr("onesided", 1)}, 20), {real, Value(), ints({}, {1})});
        QCOMPARE(spec.shape(), Shape({1, 6, 2}));
        Tensor back = out0(makeNode("DFT", 3, 1, {intAttr("onesided", 1), intAttr("inverse", 1)}, 20),
                           {spec, Value(), ints({}, {1})});
        OS_COMPARE_TENSORS(back, real, 1e-5, 1e-4);
    }

    void windowsAndStft() {
        OS_COMPARE_TENSORS(out0(makeNode("HannWindow", 1, 1, {}, 17), {ints({}, {4})}),
                           floats({4}, {0, 0.5f, 1, 0.5f}), 1e-6, 1e-6);
        OS_COMPARE_TENSORS(
            out0(makeNode("BlackmanWindow", 1, 1, {intAttr("periodic", 0)}, 17), {ints({}, {3})}),
            floats({3}, {0, 1, 0}), 1e-6, 1e-6);
        Tensor sig(DataType::Float, {1, 8, 1});
        for (int i = 0; i < 8; ++i)
            sig.data<float>()[i] = 1;
        Tensor st = out0(makeNode("STFT", 4, 1, {}, 17), {sig, ints({}, {2}), Value(), ints({}, {4})});
        QCOMPARE(st.shape(), Shape({1, 3, 3, 2}));
        QCOMPARE(st.data<float>()[0], 4.f); // DC of four ones
        QVERIFY(std::fabs(st.data<float>()[2]) < 1e-6);
    }

    void stringOps() {
        auto split =
            run(makeNode("StringSplit", 1, 2, {stringAttr("delimiter", "-"), intAttr("maxsplit", 1)}, 20),
                {strings({2}, {"a-b-c", "x"})});
        QCOMPARE(split[0].tensor.shape(), Shape({2, 2}));
        QCOMPARE(stringValues(split[0].tensor), (std::vector<std::string>{"a", "b-c", "x", ""}));
        OS_COMPARE_TENSORS(split[1].tensor, ints({2}, {2, 1}), 0, 0);
        auto ws = run(makeNode("StringSplit", 1, 2, {}, 20), {strings({1}, {"  hello   world "})});
        QCOMPARE(stringValues(ws[0].tensor), (std::vector<std::string>{"hello", "world"}));
        QCOMPARE(stringValues(out0(makeNode("StringConcat", 2, 1, {}, 20),
                                   {strings({2}, {"a", "b"}), strings({}, {"!"})})),
                 (std::vector<std::string>{"a!", "b!"}));
        Tensor m = out0(makeNode("RegexFullMatch", 1, 1, {stringAttr("pattern", "[a-z]+@[a-z]+\\.com")}, 20),
                        {strings({2}, {"ab@cd.com", "ab@cd.org"})});
        QCOMPARE(m.data<uint8_t>()[0], uint8_t(1));
        QCOMPARE(m.data<uint8_t>()[1], uint8_t(0));
        QCOMPARE(
            stringValues(out0(
                makeNode("StringNormalizer", 1, 1,
                         {stringAttr("case_change_action", "UPPER"), stringsAttr("stopwords", {"the"})}, 10),
                {strings({3}, {"The", "cat", "sat"})})),
            (std::vector<std::string>{"CAT", "SAT"}));
        EXPECT_ERROR(makeNode("RegexFullMatch", 1, 1, {stringAttr("pattern", "(")}, 20),
                     (std::vector<Value>{strings({1}, {"a"})}), "invalid pattern");
    }

    void seededDropoutMatchesNumpy() {
        // numpy: np.random.seed(0); np.random.uniform(0, 1, 10) >= 0.5
        Tensor x = floats({10}, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        Tensor ratio = floats({}, {0.5f});
        Tensor training(DataType::Bool, {});
        training.data<uint8_t>()[0] = 1;
        auto r = run(makeNode("Dropout", 3, 2, {intAttr("seed", 0)}, 13), {x, ratio, training});
        OS_COMPARE_TENSORS(r[0].tensor, floats({10}, {2, 2, 2, 2, 0, 2, 0, 2, 2, 0}), 0, 0);
        QCOMPARE(r[1].tensor.dataType(), DataType::Bool);
        auto inference = run(makeNode("Dropout", 1, 2, {}, 13), {x});
        OS_COMPARE_TENSORS(inference[0].tensor, x, 0, 0);
        QCOMPARE(inference[1].tensor.data<uint8_t>()[3], uint8_t(1));
    }

    void nonMaxSuppression() {
        Tensor boxes = floats({1, 3, 4}, {0, 0, 1, 1, 0, 0.1f, 1, 1.1f, 0, 10, 1, 11});
        Tensor scores = floats({1, 1, 3}, {0.9f, 0.75f, 0.6f});
        Tensor out = out0(makeNode("NonMaxSuppression", 5, 1),
                          {boxes, scores, ints({1}, {3}), floats({1}, {0.5f}), floats({1}, {0})});
        OS_COMPARE_TENSORS(out, ints({2, 3}, {0, 0, 0, 0, 0, 2}), 0, 0);
    }

    void tfIdfCountsSkipGrams() {
        NodeDesc node =
            makeNode("TfIdfVectorizer", 1, 1,
                     {stringAttr("mode", "TF"), intAttr("min_gram_length", 2), intAttr("max_gram_length", 2),
                      intAttr("max_skip_count", 1), intsAttr("ngram_counts", {0, 2}),
                      intsAttr("ngram_indexes", {0, 1, 2, 3}), intsAttr("pool_int64s", {7, 8, 1, 2, 1, 3})},
                     9);
        // tokens 1 2 3 1 3: bigrams (skip 0) 12 23 31 13, (skip 1) 13 21 33
        OS_COMPARE_TENSORS(out0(node, {makeTensor<int32_t>({5}, {1, 2, 3, 1, 3})}), floats({4}, {0, 0, 1, 2}),
                           0, 0);
    }

    void mlOps() {
        NodeDesc enc = makeNode("LabelEncoder", 1, 1,
                                {stringsAttr("keys_strings", {"a", "b"}), intsAttr("values_int64s", {5, 6}),
                                 intAttr("default_int64", 42)},
                                4, "ai.onnx.ml");
        OS_COMPARE_TENSORS(out0(enc, {strings({3}, {"b", "z", "a"})}), ints({3}, {6, 42, 5}), 0, 0);
        OS_COMPARE_TENSORS(out0(makeNode("Binarizer", 1, 1, {floatAttr("threshold", 1)}, 1, "ai.onnx.ml"),
                                {floats({3}, {0.5f, 1, 2})}),
                           floats({3}, {0, 0, 1}), 0, 0);
        OS_COMPARE_TENSORS(out0(makeNode("ArrayFeatureExtractor", 2, 1, {}, 1, "ai.onnx.ml"),
                                {floats({2, 3}, {1, 2, 3, 4, 5, 6}), ints({1}, {2})}),
                           floats({2, 1}, {3, 6}), 0, 0);
        Tensor modes(DataType::Uint8, {1});
        NodeDesc tree =
            makeNode("TreeEnsemble", 1, 1,
                     {intAttr("n_targets", 1), intsAttr("tree_roots", {0}), intsAttr("nodes_featureids", {1}),
                      intsAttr("nodes_truenodeids", {0}), intsAttr("nodes_falsenodeids", {1}),
                      intsAttr("nodes_trueleafs", {1}), intsAttr("nodes_falseleafs", {1}),
                      tensorAttr("nodes_modes", modes), tensorAttr("nodes_splits", floats({1}, {2})),
                      intsAttr("leaf_targetids", {0, 0}), tensorAttr("leaf_weights", floats({2}, {-1, 1}))},
                     5, "ai.onnx.ml");
        OS_COMPARE_TENSORS(out0(tree, {floats({2, 2}, {0, 1, 0, 3})}), floats({2, 1}, {-1, 1}), 0, 0);
    }
};

QTEST_GUILESS_MAIN(TestTensorMiscKernels)
#include "tst_tensor_misc_kernels.moc"
