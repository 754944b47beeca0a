// Table tests of the extra kernels (BitCast, CumProd, SwiGLU, AffineGrid, DeformConv) with
// hand-computed expectations and error messages.
#include "kernel_test_util.h"

#include <QTest>

#include <bit>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

Value scalarAxis(int64_t axis) {
    return Value(Tensor::scalar<int64_t>(DataType::Int64, axis));
}

} // namespace

class TestExtraKernels : public QObject {
    Q_OBJECT

private slots:
    void bitCast() {
        auto floats = makeTensor<float>({2}, {1.0f, -2.5f});
        Tensor asInt =
            run(makeNode("BitCast", 1, 1, {intAttr("to", int64_t(DataType::Int32))}, 26), {floats})[0].tensor;
        OS_COMPARE_TENSORS(
            asInt, makeTensor<int32_t>({2}, {std::bit_cast<int32_t>(1.0f), std::bit_cast<int32_t>(-2.5f)}), 0,
            0);
        Tensor back =
            run(makeNode("BitCast", 1, 1, {intAttr("to", int64_t(DataType::Float))}, 26), {asInt})[0].tensor;
        OS_COMPARE_TENSORS(back, floats, 0, 0);
        // Sub-byte: int4 -1 is 0b1111, i.e. uint4 15, and back.
        Tensor int4(DataType::Int4, {2});
        int4.data<int8_t>()[0] = -1;
        int4.data<int8_t>()[1] = 7;
        Tensor uint4 =
            run(makeNode("BitCast", 1, 1, {intAttr("to", int64_t(DataType::Uint4))}, 26), {int4})[0].tensor;
        QCOMPARE(uint4.dataType(), DataType::Uint4);
        QCOMPARE(int(uint4.data<uint8_t>()[0]), 15);
        QCOMPARE(int(uint4.data<uint8_t>()[1]), 7);
        Tensor again =
            run(makeNode("BitCast", 1, 1, {intAttr("to", int64_t(DataType::Int4))}, 26), {uint4})[0].tensor;
        QCOMPARE(int(again.data<int8_t>()[0]), -1);
        QVERIFY(errorOf(makeNode("BitCast", 1, 1, {intAttr("to", int64_t(DataType::Int64))}, 26), {floats})
                    .find("bit width") != std::string::npos);
        QVERIFY(errorOf(makeNode("BitCast", 1, 1, {intAttr("to", int64_t(DataType::String))}, 26), {floats})
                    .find("non-string") != std::string::npos);
    }

    void cumProd() {
        auto x = makeTensor<int32_t>({2, 3}, {1, 2, 3, 4, 5, 6});
        OS_COMPARE_TENSORS(run(makeNode("CumProd", 2, 1, {}, 26), {x, scalarAxis(1)})[0].tensor,
                           makeTensor<int32_t>({2, 3}, {1, 2, 6, 4, 20, 120}), 0, 0);
        OS_COMPARE_TENSORS(
            run(makeNode("CumProd", 2, 1, {intAttr("exclusive", 1), intAttr("reverse", 1)}, 26),
                {x, scalarAxis(-1)})[0]
                .tensor,
            makeTensor<int32_t>({2, 3}, {6, 3, 1, 30, 6, 1}), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("CumProd", 2, 1, {}, 26),
                               {makeTensor<double>({2, 2}, {2, 3, 4, 5}), scalarAxis(0)})[0]
                               .tensor,
                           makeTensor<double>({2, 2}, {2, 3, 8, 15}), 0, 0);
        QVERIFY(errorOf(makeNode("CumProd", 2, 1, {}, 26), {x, scalarAxis(2)}).find("axis") !=
                std::string::npos);
        // CumSum shares the scan; it must still sum.
        OS_COMPARE_TENSORS(run(makeNode("CumSum", 2, 1), {x, scalarAxis(1)})[0].tensor,
                           makeTensor<int32_t>({2, 3}, {1, 3, 6, 4, 9, 15}), 0, 0);
    }

    void swiGlu() {
        auto a = makeTensor<float>({3}, {0.0f, 1.0f, -1.0f});
        auto b = makeTensor<float>({3}, {2.0f, 3.0f, 4.0f});
        OS_COMPARE_TENSORS(run(makeNode("SwiGLU", 2, 1, {}, 28), {a, b})[0].tensor,
                           makeTensor<float>({3}, {0.0f, 2.1931758f, -1.0757657f}), 1e-6, 1e-6);
        // alpha = 2: 1 * sigmoid(2) * 3
        OS_COMPARE_TENSORS(run(makeNode("SwiGLU", 2, 1, {floatAttr("alpha", 2.0f)}, 28), {a, b})[0].tensor,
                           makeTensor<float>({3}, {0.0f, 2.6423912f, -0.4768117f}), 1e-6, 1e-6);
        QVERIFY(
            errorOf(makeNode("SwiGLU", 2, 1, {}, 28), {a, makeTensor<float>({2}, {1, 2})}).find("differ") !=
            std::string::npos);
    }

    void affineGrid() {
        auto identity = makeTensor<float>({1, 2, 3}, {1, 0, 0, 0, 1, 0});
        auto size = makeTensor<int64_t>({4}, {1, 1, 2, 2});
        OS_COMPARE_TENSORS(
            run(makeNode("AffineGrid", 2, 1, {intAttr("align_corners", 1)}, 20), {identity, size})[0].tensor,
            makeTensor<float>({1, 2, 2, 2}, {-1, -1, 1, -1, -1, 1, 1, 1}), 0, 1e-6);
        OS_COMPARE_TENSORS(run(makeNode("AffineGrid", 2, 1, {}, 20), {identity, size})[0].tensor,
                           makeTensor<float>({1, 2, 2, 2}, {-0.5, -0.5, 0.5, -0.5, -0.5, 0.5, 0.5, 0.5}), 0,
                           1e-6);
        // 3-D: a translation by (0.25, 0, -1) on a 1x1x2 grid (D=1, H=1, W=2), align_corners.
        auto shift = makeTensor<double>({1, 3, 4}, {1, 0, 0, 0.25, 0, 1, 0, 0, 0, 0, 1, -1});
        OS_COMPARE_TENSORS(run(makeNode("AffineGrid", 2, 1, {intAttr("align_corners", 1)}, 20),
                               {shift, makeTensor<int64_t>({5}, {1, 1, 1, 1, 2})})[0]
                               .tensor,
                           makeTensor<double>({1, 1, 1, 2, 3}, {-0.75, -1, -2, 1.25, -1, -2}), 0, 1e-12);
        QVERIFY(errorOf(makeNode("AffineGrid", 2, 1, {}, 20),
                        {identity, makeTensor<int64_t>({5}, {1, 1, 1, 2, 2})})
                    .find("theta") != std::string::npos);
    }

    void deformConv() {
        // Zero offsets: a plain 2x2 box filter.
        auto x = makeTensor<float>({1, 1, 3, 3}, {0, 1, 2, 3, 4, 5, 6, 7, 8});
        auto w = makeTensor<float>({1, 1, 2, 2}, {1, 1, 1, 1});
        Tensor zeroOffset(DataType::Float, {1, 8, 2, 2});
        OS_COMPARE_TENSORS(run(makeNode("DeformConv", 3, 1, {}, 22), {x, w, zeroOffset})[0].tensor,
                           makeTensor<float>({1, 1, 2, 2}, {8, 12, 20, 24}), 0, 1e-6);
        // Half-pixel x shift on a 1x2 image: the right tap reads half of a zero outside the image.
        auto row = makeTensor<float>({1, 1, 1, 2}, {0, 2});
        auto one = makeTensor<float>({1, 1, 1, 1}, {1});
        auto shift = makeTensor<float>({1, 2, 1, 2}, {0, 0, 0.5f, 0.5f});
        auto bias = makeTensor<float>({1}, {10});
        auto mask = makeTensor<float>({1, 1, 1, 2}, {1, 0.5f});
        OS_COMPARE_TENSORS(run(makeNode("DeformConv", 5, 1, {}, 22), {row, one, shift, bias, mask})[0].tensor,
                           makeTensor<float>({1, 1, 1, 2}, {11, 10.5f}), 0, 1e-6);
        QVERIFY(errorOf(makeNode("DeformConv", 3, 1, {}, 22), {x, w, Tensor(DataType::Float, {1, 8, 3, 3})})
                    .find("offset has shape") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestExtraKernels)
#include "tst_extra_kernels.moc"
