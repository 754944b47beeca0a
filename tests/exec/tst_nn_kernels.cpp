// Tests of the nn kernel family: GEMM against a naive triple loop over awkward sizes, MatMul/Gemm
// shape rules, Conv/ConvTranspose against direct convolution, pooling, and error messages.
#include "exec/cpu/gemm.h"
#include "kernel_test_util.h"

#include <random>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

std::vector<float> randomFloats(size_t n, unsigned seed) {
    std::mt19937 gen(seed);
    std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
    std::vector<float> v(n);
    for (float& f : v)
        f = dist(gen);
    return v;
}

Tensor randomTensor(Shape shape, unsigned seed) {
    Tensor t(DataType::Float, shape);
    auto v = randomFloats(static_cast<size_t>(t.elementCount()), seed);
    std::copy(v.begin(), v.end(), t.data<float>());
    return t;
}

// Direct N-D-free 2-D convolution used as the reference for Conv.
Tensor directConv2d(const Tensor& x, const Tensor& w, int64_t group, int64_t stride, int64_t pad,
                    int64_t dil) {
    const int64_t N = x.dim(0), C = x.dim(1), H = x.dim(2), W = x.dim(3);
    const int64_t M = w.dim(0), KH = w.dim(2), KW = w.dim(3);
    const int64_t OH = (H + 2 * pad - (KH - 1) * dil - 1) / stride + 1;
    const int64_t OW = (W + 2 * pad - (KW - 1) * dil - 1) / stride + 1;
    Tensor y(DataType::Float, {N, M, OH, OW});
    const int64_t cg = C / group, mg = M / group;
    for (int64_t n = 0; n < N; ++n)
        for (int64_t m = 0; m < M; ++m)
            for (int64_t oh = 0; oh < OH; ++oh)
                for (int64_t ow = 0; ow < OW; ++ow) {
                    double acc = 0;
                    const int64_t g = m / mg;
                    for (int64_t c = 0; c < cg; ++c)
                        for (int64_t kh = 0; kh < KH; ++kh)
                            for (int64_t kw = 0; kw < KW; ++kw) {
                                const int64_t ih = oh * stride - pad + kh * dil,
                                              iw = ow * stride - pad + kw * dil;
                                if (ih < 0 || ih >= H || iw < 0 || iw >= W)
                                    continue;
                                acc += x.data<float>()[((n * C + g * cg + c) * H + ih) * W + iw] *
                                       w.data<float>()[((m * cg + c) * KH + kh) * KW + kw];
                            }
                    y.data<float>()[((n * M + m) * OH + oh) * OW + ow] = static_cast<float>(acc);
                }
    return y;
}

} // namespace

class TestNnKernels : public QObject {
    Q_OBJECT
private slots:
    void gemmMatchesNaive_data() {
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("k");
        QTest::addColumn<bool>("ta");
        QTest::addColumn<bool>("tb");
        QTest::newRow("tiny") << 1 << 1 << 1 << false << false;
        QTest::newRow("odd") << 7 << 13 << 5 << false << false;
        QTest::newRow("edges") << 67 << 530 << 300 << false << false;
        QTest::newRow("transA") << 33 << 17 << 260 << true << false;
        QTest::newRow("transB") << 5 << 40 << 9 << false << true;
        QTest::newRow("both") << 70 << 65 << 31 << true << true;
        QTest::newRow("vector") << 1 << 1000 << 64 << false << false;
    }
    void gemmMatchesNaive() {
        QFETCH(int, m);
        QFETCH(int, n);
        QFETCH(int, k);
        QFETCH(bool, ta);
        QFETCH(bool, tb);
        auto a = randomFloats(size_t(m) * k, 1), b = randomFloats(size_t(k) * n, 2),
             c = randomFloats(size_t(m) * n, 3);
        auto expected = c;
        for (int i = 0; i < m; ++i)
            for (int j = 0; j < n; ++j) {
                double acc = 0;
                for (int p = 0; p < k; ++p)
                    acc += double(ta ? a[size_t(p) * m + i] : a[size_t(i) * k + p]) *
                           (tb ? b[size_t(j) * k + p] : b[size_t(p) * n + j]);
                expected[size_t(i) * n + j] = float(0.5 * acc + 2.0 * c[size_t(i) * n + j]);
            }
        for (int threads : {1, 3}) {
            auto out = c;
            gemm<float>(ta, tb, m, n, k, 0.5f, a.data(), ta ? m : k, b.data(), tb ? k : n, 2.0f, out.data(),
                        n, threads);
            for (size_t i = 0; i < out.size(); ++i)
                QVERIFY2(std::fabs(out[i] - expected[i]) <= 1e-4f + 1e-4f * std::fabs(expected[i]),
                         qPrintable(QString("index %1: %2 vs %3").arg(i).arg(out[i]).arg(expected[i])));
        }
    }

    void gemmBetaZeroIgnoresGarbage() {
        std::vector<double> a{1, 2}, b{3, 4}, c{std::nan(""), std::nan(""), std::nan(""), std::nan("")};
        gemm<double>(false, false, 2, 2, 1, 1.0, a.data(), 1, b.data(), 2, 0.0, c.data(), 2);
        QCOMPARE(c, (std::vector<double>{3, 4, 6, 8}));
    }

    void matmulShapes() {
        // 1-D x 1-D is a dot product of rank 0.
        auto out = run(makeNode("MatMul", 2, 1),
                       {makeTensor<float>({3}, {1, 2, 3}), makeTensor<float>({3}, {4, 5, 6})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({}, {32}), 1e-6, 0);
        // Broadcast batch: [2,1,2,3] x [3,3,1] -> [2,3,2,1]
        Tensor a = randomTensor({2, 1, 2, 3}, 5), b = randomTensor({3, 3, 1}, 6);
        out = run(makeNode("MatMul", 2, 1), {a, b});
        QCOMPARE(out[0].tensor.shape(), (Shape{2, 3, 2, 1}));
        const float* o = out[0].tensor.data<float>();
        for (int i = 0; i < 2; ++i)
            for (int j = 0; j < 3; ++j)
                for (int r = 0; r < 2; ++r) {
                    float e = 0;
                    for (int p = 0; p < 3; ++p)
                        e += a.data<float>()[(i * 2 + r) * 3 + p] * b.data<float>()[j * 3 + p];
                    QVERIFY(std::fabs(o[(i * 3 + j) * 2 + r] - e) < 1e-5f);
                }
        // Integer and vector-matrix.
        out = run(makeNode("MatMul", 2, 1),
                  {makeTensor<int64_t>({2}, {1, 2}), makeTensor<int64_t>({2, 3}, {1, 2, 3, 4, 5, 6})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<int64_t>({3}, {9, 12, 15}), 0, 0);
        QVERIFY(errorOf(makeNode("MatMul", 2, 1), {randomTensor({2, 3}, 1), randomTensor({2, 3}, 2)})
                    .find("inner dimensions differ") != std::string::npos);
    }

    void gemmAttributes() {
        auto node =
            makeNode("Gemm", 3, 1, {intAttr("transA", 1), floatAttr("alpha", 2), floatAttr("beta", 0.5f)});
        auto out = run(node, {makeTensor<float>({2, 2}, {1, 2, 3, 4}), makeTensor<float>({2, 1}, {1, 1}),
                              makeTensor<float>({1}, {10})});
        // A^T = [[1,3],[2,4]]; A^T*B = [4,6]; 2*that + 5
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({2, 1}, {13, 17}), 1e-6, 0);
        QVERIFY(errorOf(node, {makeTensor<float>({2, 2}, {}), makeTensor<float>({2, 1}, {}),
                               makeTensor<float>({3}, {})})
                    .find("does not broadcast") != std::string::npos);
    }

    void convMatchesDirect_data() {
        QTest::addColumn<int>("group");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("pad");
        QTest::addColumn<int>("dil");
        QTest::newRow("plain") << 1 << 1 << 0 << 1;
        QTest::newRow("padded strided") << 1 << 2 << 1 << 1;
        QTest::newRow("grouped dilated") << 2 << 1 << 2 << 2;
        QTest::newRow("depthwise") << 4 << 1 << 1 << 1;
    }
    void convMatchesDirect() {
        QFETCH(int, group);
        QFETCH(int, stride);
        QFETCH(int, pad);
        QFETCH(int, dil);
        Tensor x = randomTensor({2, 4, 9, 8}, 11), w = randomTensor({4, 4 / group, 3, 3}, 12);
        auto node = makeNode("Conv", 2, 1,
                             {intAttr("group", group), intsAttr("strides", {stride, stride}),
                              intsAttr("pads", {pad, pad, pad, pad}), intsAttr("dilations", {dil, dil})});
        auto out = run(node, {x, w});
        OS_COMPARE_TENSORS(out[0].tensor, directConv2d(x, w, group, stride, pad, dil), 1e-4, 1e-5);
    }

    void convAutoPadAndBias() {
        auto node =
            makeNode("Conv", 3, 1, {stringAttr("auto_pad", "SAME_UPPER"), intsAttr("kernel_shape", {3})});
        auto out = run(node, {makeTensor<float>({1, 1, 4}, {1, 2, 3, 4}),
                              makeTensor<float>({1, 1, 3}, {1, 1, 1}), makeTensor<float>({1}, {100})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 1, 4}, {103, 106, 109, 107}), 1e-6, 0);
        QVERIFY(errorOf(makeNode("Conv", 2, 1, {intAttr("group", 3)}),
                        {randomTensor({1, 4, 3, 3}, 1), randomTensor({3, 1, 1, 1}, 2)})
                    .find("group 3") != std::string::npos);
    }

    void convTransposeIsAdjointOfConv() {
        // <conv(x), y> == <x, convT(y)> for the same weights and geometry.
        Tensor x = randomTensor({1, 2, 7, 6}, 21), w = randomTensor({4, 2, 3, 3}, 22);
        std::vector<Attribute> attrs{intsAttr("strides", {2, 2}), intsAttr("pads", {1, 1, 1, 1})};
        Tensor y = run(makeNode("Conv", 2, 1, attrs), {x, w})[0].tensor;
        Tensor g = randomTensor(y.shape(), 23);
        auto tAttrs = attrs;
        tAttrs.push_back(intsAttr("output_shape", {7, 6}));
        Tensor xt = run(makeNode("ConvTranspose", 2, 1, tAttrs), {g, w})[0].tensor;
        QCOMPARE(xt.shape(), x.shape());
        double lhs = 0, rhs = 0;
        for (int64_t i = 0; i < y.elementCount(); ++i)
            lhs += double(y.data<float>()[i]) * g.data<float>()[i];
        for (int64_t i = 0; i < x.elementCount(); ++i)
            rhs += double(x.data<float>()[i]) * xt.data<float>()[i];
        QVERIFY2(std::fabs(lhs - rhs) < 1e-4, qPrintable(QString("%1 vs %2").arg(lhs).arg(rhs)));
        // Plain output size: stride*(in-1) + output_padding + kernel - pads.
        auto out =
            run(makeNode("ConvTranspose", 2, 1, {intsAttr("strides", {3}), intsAttr("output_padding", {1})}),
                {makeTensor<float>({1, 1, 2}, {1, 2}), makeTensor<float>({1, 1, 2}, {1, 10})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 1, 6}, {1, 10, 0, 2, 20, 0}), 1e-6, 0);
    }

    void pooling() {
        Tensor x = makeTensor<float>({1, 1, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9});
        auto out = run(makeNode("MaxPool", 1, 2, {intsAttr("kernel_shape", {2, 2})}), {x});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 1, 2, 2}, {5, 6, 8, 9}), 0, 0);
        OS_COMPARE_TENSORS(out[1].tensor, makeTensor<int64_t>({1, 1, 2, 2}, {4, 5, 7, 8}), 0, 0);
        out = run(makeNode("MaxPool", 1, 2, {intsAttr("kernel_shape", {2, 2}), intAttr("storage_order", 1)}),
                  {x});
        OS_COMPARE_TENSORS(out[1].tensor, makeTensor<int64_t>({1, 1, 2, 2}, {4, 7, 5, 8}), 0, 0);
        out = run(
            makeNode("AveragePool", 1, 1, {intsAttr("kernel_shape", {2, 2}), intsAttr("pads", {1, 1, 0, 0})}),
            {x});
        OS_COMPARE_TENSORS(out[0].tensor,
                           makeTensor<float>({1, 1, 3, 3}, {1, 1.5, 2.5, 2.5, 3, 4, 5.5, 6, 7}), 1e-6, 0);
        out = run(makeNode("AveragePool", 1, 1,
                           {intsAttr("kernel_shape", {2, 2}), intsAttr("pads", {1, 1, 0, 0}),
                            intAttr("count_include_pad", 1)}),
                  {x});
        QCOMPARE(out[0].tensor.data<float>()[0], 0.25f);
        out = run(makeNode("AveragePool", 1, 1,
                           {intsAttr("kernel_shape", {2, 2}), intsAttr("strides", {2, 2}),
                            intAttr("ceil_mode", 1)}),
                  {x});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 1, 2, 2}, {3, 4.5, 7.5, 9}), 1e-6, 0);
        out = run(makeNode("GlobalLpPool", 1, 1), {makeTensor<float>({1, 1, 2}, {3, 4})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 1, 1}, {5}), 1e-6, 0);
        out = run(makeNode("GlobalAveragePool", 1, 1), {x});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 1, 1, 1}, {5}), 1e-6, 0);
        out =
            run(makeNode("MaxUnpool", 2, 1, {intsAttr("kernel_shape", {2, 2}), intsAttr("strides", {2, 2})}),
                {makeTensor<float>({1, 1, 1, 1}, {7}), makeTensor<int64_t>({1, 1, 1, 1}, {3})});
        OS_COMPARE_TENSORS(out[0].tensor, makeTensor<float>({1, 1, 2, 2}, {0, 0, 0, 7}), 0, 0);
        QVERIFY(errorOf(makeNode("MaxPool", 1, 1, {intsAttr("kernel_shape", {5, 5})}), {x})
                    .find("does not fit") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestNnKernels)
#include "tst_nn_kernels.moc"
