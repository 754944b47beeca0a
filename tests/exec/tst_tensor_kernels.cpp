// Table tests of the tensor family's data-movement kernels: shape ops, Transpose, Concat/Split,
// Slice, Gather*, Scatter*, Pad, Tile/Expand, generators, selection ops. Each case states the
// expected values (worked out by hand or with numpy) and the error cases assert the message.
#include "kernel_test_util.h"

#include "core/float_types.h"

#include <QTest>

#include <limits>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

Tensor widen(const Tensor& t) {
    Tensor out(DataType::Float, t.shape());
    for (int64_t i = 0; i < t.elementCount(); ++i)
        out.data<float>()[i] = static_cast<float>(t.elementAsDouble(i));
    return out;
}
Tensor iota(Shape shape) {
    Tensor t(DataType::Float, shape);
    for (int64_t i = 0; i < t.elementCount(); ++i)
        t.data<float>()[i] = static_cast<float>(i);
    return t;
}

#define EXPECT_ERROR(node, inputs, fragment)                                                                 \
    do {                                                                                                     \
        const std::string msg_ = errorOf((node), inputs);                                                    \
        if (msg_.find(fragment) == std::string::npos)                                                        \
            QFAIL(("expected an error containing '" + std::string(fragment) + "', got: " + msg_).c_str());   \
    } while (0)

} // namespace

class TestTensorKernels : public QObject {
    Q_OBJECT

private slots:
    void reshapeCopiesZeroAndInfersMinusOne() {
        Tensor y = out0(makeNode("Reshape", 2, 1), {iota({2, 3, 4}), ints({3}, {0, -1, 2})});
        QCOMPARE(y.shape(), Shape({2, 6, 2}));
        QCOMPARE(y.data<float>()[23], 23.f);
        Tensor z = out0(makeNode("Reshape", 2, 1, {intAttr("allowzero", 1)}),
                        {Tensor(DataType::Float, {0, 3}), ints({2}, {3, 0})});
        QCOMPARE(z.shape(), Shape({3, 0}));
        EXPECT_ERROR(makeNode("Reshape", 2, 1), (std::vector<Value>{iota({4}), ints({2}, {-1, -1})}),
                     "more than one -1");
        EXPECT_ERROR(makeNode("Reshape", 2, 1), (std::vector<Value>{iota({4}), ints({1}, {5})}),
                     "cannot reshape");
    }

    void flattenSqueezeUnsqueeze() {
        QCOMPARE(out0(makeNode("Flatten", 1, 1, {intAttr("axis", -1)}), {iota({2, 3, 4})}).shape(),
                 Shape({6, 4}));
        QCOMPARE(out0(makeNode("Flatten", 1, 1, {intAttr("axis", 0)}), {iota({2, 3})}).shape(),
                 Shape({1, 6}));
        QCOMPARE(out0(makeNode("Squeeze", 1, 1), {iota({1, 3, 1})}).shape(), Shape({3}));
        QCOMPARE(out0(makeNode("Squeeze", 2, 1), {iota({1, 3, 1}), ints({1}, {-1})}).shape(), Shape({1, 3}));
        QCOMPARE(out0(makeNode("Squeeze", 1, 1, {intsAttr("axes", {0})}, 11), {iota({1, 3, 1})}).shape(),
                 Shape({3, 1}));
        EXPECT_ERROR(makeNode("Squeeze", 2, 1), (std::vector<Value>{iota({2, 3}), ints({1}, {1})}), "not 1");
        QCOMPARE(out0(makeNode("Unsqueeze", 2, 1), {iota({3, 4}), ints({2}, {-1, 0})}).shape(),
                 Shape({1, 3, 4, 1}));
        QCOMPARE(out0(makeNode("Unsqueeze", 1, 1, {intsAttr("axes", {1})}, 11), {iota({3})}).shape(),
                 Shape({3, 1}));
        EXPECT_ERROR(makeNode("Unsqueeze", 2, 1), (std::vector<Value>{iota({3}), ints({2}, {0, 0})}),
                     "repeated");
    }

    void shapeAndSize() {
        Tensor s =
            out0(makeNode("Shape", 1, 1, {intAttr("start", -3), intAttr("end", -1)}), {iota({2, 3, 4, 5})});
        OS_COMPARE_TENSORS(s, ints({2}, {3, 4}), 0, 0);
        OS_COMPARE_TENSORS(
            out0(makeNode("Shape", 1, 1, {intAttr("start", 3), intAttr("end", 1)}), {iota({2, 3, 4})}),
            ints({0}, {}), 0, 0);
        QCOMPARE(out0(makeNode("Size", 1, 1), {iota({2, 3, 4})}).data<int64_t>()[0], int64_t(24));
    }

    void transposeNumbersStringsAndHalfs() {
        Tensor y = out0(makeNode("Transpose", 1, 1, {intsAttr("perm", {2, 0, 1})}), {iota({2, 3, 4})});
        QCOMPARE(y.shape(), Shape({4, 2, 3}));
        // y[k][i][j] = x[i][j][k] = 12 i + 4 j + k
        for (int64_t k = 0; k < 4; ++k)
            for (int64_t i = 0; i < 2; ++i)
                for (int64_t j = 0; j < 3; ++j)
                    QCOMPARE(y.data<float>()[(k * 2 + i) * 3 + j], static_cast<float>(12 * i + 4 * j + k));
        Tensor s = makeTensor<std::string>({2, 2}, {"a", "b", "c", "d"});
        Tensor st = out0(makeNode("Transpose", 1, 1), {s});
        QCOMPARE(st.data<std::string>()[1], std::string("c"));
        QCOMPARE(st.data<std::string>()[2], std::string("b"));
        Tensor h(DataType::Float16, {2, 3});
        for (int i = 0; i < 6; ++i)
            h.data<uint16_t>()[i] = floatToHalf(static_cast<float>(i));
        Tensor ht = out0(makeNode("Transpose", 1, 1), {h});
        QCOMPARE(ht.dataType(), DataType::Float16);
        OS_COMPARE_TENSORS(widen(ht), floats({3, 2}, {0, 3, 1, 4, 2, 5}), 0, 0);
        EXPECT_ERROR(makeNode("Transpose", 1, 1, {intsAttr("perm", {0, 0})}),
                     (std::vector<Value>{iota({2, 2})}), "not a permutation");
        // Moving only dims of size 1 keeps the elements in place: the output views the input.
        const Tensor x = iota({5, 1, 3, 1});
        Tensor v = out0(makeNode("Transpose", 1, 1, {intsAttr("perm", {1, 0, 3, 2})}), {x});
        QCOMPARE(v.shape(), Shape({1, 5, 1, 3}));
        QCOMPARE(v.rawData(), x.rawData());
        OS_COMPARE_TENSORS(*v.reshaped({15}), *x.reshaped({15}), 0, 0);
        // Swapping two dims of size 5 and 3 across a unit dim is a real transpose.
        Tensor t = out0(makeNode("Transpose", 1, 1, {intsAttr("perm", {2, 1, 0, 3})}), {x});
        QVERIFY(t.rawData() != x.rawData());
        QCOMPARE(t.data<float>()[1], 3.0f); // t[0][0][1][0] = x[1][0][0][0]
    }

    void concatAndSplit() {
        Tensor a = floats({2, 2}, {1, 2, 3, 4}), b = floats({2, 1}, {5, 6});
        OS_COMPARE_TENSORS(out0(makeNode("Concat", 2, 1, {intAttr("axis", -1)}), {a, b}),
                           floats({2, 3}, {1, 2, 5, 3, 4, 6}), 0, 0);
        EXPECT_ERROR(makeNode("Concat", 2, 1, {intAttr("axis", 0)}), (std::vector<Value>{a, b}),
                     "does not match");
        auto parts = run(makeNode("Split", 1, 3, {intAttr("num_outputs", 3)}, 18), {iota({5})});
        QCOMPARE(parts.size(), size_t(3));
        OS_COMPARE_TENSORS(parts[2].tensor, floats({1}, {4}), 0, 0);
        QCOMPARE(parts[0].tensor.shape(), Shape({2}));
        auto byInput =
            run(makeNode("Split", 2, 2, {intAttr("axis", 1)}, 13), {iota({2, 3}), ints({2}, {1, 2})});
        OS_COMPARE_TENSORS(byInput[1].tensor, floats({2, 2}, {1, 2, 4, 5}), 0, 0);
        EXPECT_ERROR(makeNode("Split", 1, 2, {}, 13), (std::vector<Value>{iota({5})}), "evenly");
    }

    void sliceClampsAndStepsBackwards() {
        const int64_t big = std::numeric_limits<int64_t>::max();
        Tensor x = iota({3, 4});
        OS_COMPARE_TENSORS(out0(makeNode("Slice", 5, 1), {x, ints({2}, {big, -1}), ints({2}, {-big, 0}),
                                                          ints({2}, {0, 1}), ints({2}, {-2, -2})}),
                           floats({2, 2}, {11, 9, 3, 1}), 0, 0);
        OS_COMPARE_TENSORS(out0(makeNode("Slice", 3, 1), {x, ints({1}, {1}), ints({1}, {big})}),
                           floats({2, 4}, {4, 5, 6, 7, 8, 9, 10, 11}), 0, 0);
        OS_COMPARE_TENSORS(
            out0(makeNode("Slice", 1, 1,
                          {intsAttr("starts", {1}), intsAttr("ends", {3}), intsAttr("axes", {1})}, 9),
                 {x}),
            floats({3, 2}, {1, 2, 5, 6, 9, 10}), 0, 0);
        QCOMPARE(out0(makeNode("Slice", 3, 1), {x, ints({1}, {3}), ints({1}, {1})}).shape(), Shape({0, 4}));
        EXPECT_ERROR(makeNode("Slice", 5, 1),
                     (std::vector<Value>{x, ints({1}, {0}), ints({1}, {1}), ints({1}, {0}), ints({1}, {0})}),
                     "step");
    }

    void gatherFamily() {
        Tensor x = iota({3, 3});
        OS_COMPARE_TENSORS(out0(makeNode("Gather", 2, 1, {intAttr("axis", 1)}), {x, ints({2}, {-1, 0})}),
                           floats({3, 2}, {2, 0, 5, 3, 8, 6}), 0, 0);
        EXPECT_ERROR(makeNode("Gather", 2, 1), (std::vector<Value>{x, ints({1}, {3})}), "out of range");
        OS_COMPARE_TENSORS(out0(makeNode("GatherElements", 2, 1, {intAttr("axis", 1)}),
                                {floats({2, 2}, {1, 2, 3, 4}), ints({2, 2}, {0, 0, 1, 0})}),
                           floats({2, 2}, {1, 1, 4, 3}), 0, 0);
        // batch_dims = 1: per batch, pick rows
        OS_COMPARE_TENSORS(out0(makeNode("GatherND", 2, 1, {intAttr("batch_dims", 1)}),
                                {iota({2, 2, 2}), ints({2, 1}, {1, 0})}),
                           floats({2, 2}, {2, 3, 4, 5}), 0, 0);
        OS_COMPARE_TENSORS(out0(makeNode("GatherND", 2, 1), {iota({2, 2}), ints({2, 2}, {0, 0, 1, 1})}),
                           floats({2}, {0, 3}), 0, 0);
    }

    void scatterReductions() {
        Tensor data = floats({1, 5}, {1, 2, 3, 4, 5});
        Tensor idx = ints({1, 2}, {1, 1});
        Tensor upd = floats({1, 2}, {1.1f, 2.1f});
        OS_COMPARE_TENSORS(
            out0(makeNode("ScatterElements", 3, 1, {intAttr("axis", 1), stringAttr("reduction", "add")}),
                 {data, idx, upd}),
            floats({1, 5}, {1, 5.2f, 3, 4, 5}), 1e-6, 1e-6);
        OS_COMPARE_TENSORS(out0(makeNode("ScatterElements", 3, 1, {intAttr("axis", 1)}),
                                {data, ints({1, 1}, {-1}), floats({1, 1}, {9})}),
                           floats({1, 5}, {1, 2, 3, 4, 9}), 0, 0);
        OS_COMPARE_TENSORS(out0(makeNode("ScatterND", 3, 1, {stringAttr("reduction", "mul")}),
                                {iota({3, 2}), ints({2, 1}, {2, 2}), floats({2, 2}, {2, 3, 2, 3})}),
                           floats({3, 2}, {0, 1, 2, 3, 16, 45}), 0, 0);
        EXPECT_ERROR(makeNode("ScatterND", 3, 1),
                     (std::vector<Value>{iota({3}), ints({1, 1}, {3}), floats({1}, {1})}), "out of range");
        EXPECT_ERROR(makeNode("ScatterElements", 3, 1, {stringAttr("reduction", "avg")}),
                     (std::vector<Value>{data, idx, upd}), "unknown reduction");
    }

    void tensorScatterWritesCacheRows() {
        // cache [2 batches, 3 rows, 1]; each batch writes 2 rows at its own index
        Tensor cache = floats({2, 3, 1}, {0, 1, 2, 3, 4, 5});
        Tensor update = floats({2, 2, 1}, {7, 8, 9, 10});
        OS_COMPARE_TENSORS(out0(makeNode("TensorScatter", 3, 1, {}, 24), {cache, update, ints({2}, {1, 0})}),
                           floats({2, 3, 1}, {0, 7, 8, 9, 10, 5}), 0, 0);
        OS_COMPARE_TENSORS(out0(makeNode("TensorScatter", 3, 1, {stringAttr("mode", "circular")}, 24),
                                {cache, update, ints({2}, {2, 0})}),
                           floats({2, 3, 1}, {8, 1, 7, 9, 10, 5}), 0, 0);
        EXPECT_ERROR(makeNode("TensorScatter", 3, 1, {}, 24),
                     (std::vector<Value>{cache, update, ints({2}, {2, 0})}), "does not fit");
    }

    void padModes() {
        Tensor x = floats({3}, {1, 2, 3});
        Tensor pads = ints({2}, {2, 3});
        auto padWith = [&](const char* mode) {
            return out0(makeNode("Pad", 2, 1, {stringAttr("mode", mode)}), {x, pads});
        };
        OS_COMPARE_TENSORS(padWith("constant"), floats({8}, {0, 0, 1, 2, 3, 0, 0, 0}), 0, 0);
        OS_COMPARE_TENSORS(padWith("reflect"), floats({8}, {3, 2, 1, 2, 3, 2, 1, 2}), 0, 0);
        OS_COMPARE_TENSORS(padWith("edge"), floats({8}, {1, 1, 1, 2, 3, 3, 3, 3}), 0, 0);
        OS_COMPARE_TENSORS(padWith("wrap"), floats({8}, {2, 3, 1, 2, 3, 1, 2, 3}), 0, 0);
        OS_COMPARE_TENSORS(out0(makeNode("Pad", 3, 1), {x, ints({2}, {-1, 1}), floats({}, {7})}),
                           floats({3}, {2, 3, 7}), 0, 0);
        // opset 2 attribute form, with axes-free 2-D pads
        OS_COMPARE_TENSORS(
            out0(makeNode("Pad", 1, 1, {intsAttr("pads", {0, 1, 0, 0}), floatAttr("value", 5)}, 2),
                 {floats({1, 2}, {1, 2})}),
            floats({1, 3}, {5, 1, 2}), 0, 0);
        // axes input (opset 18)
        OS_COMPARE_TENSORS(
            out0(makeNode("Pad", 4, 1, {}, 18), {iota({2, 2}), ints({2}, {1, 0}), Value(), ints({1}, {-1})}),
            floats({2, 3}, {0, 0, 1, 0, 2, 3}), 0, 0);
        EXPECT_ERROR(makeNode("Pad", 2, 1), (std::vector<Value>{x, ints({1}, {1})}), "pads has 1 entries");
        OS_COMPARE_TENSORS(out0(makeNode("CenterCropPad", 2, 1), {iota({2, 4}), ints({2}, {4, 2})}),
                           floats({4, 2}, {0, 0, 1, 2, 5, 6, 0, 0}), 0, 0);
    }

    void tileAndExpand() {
        OS_COMPARE_TENSORS(out0(makeNode("Tile", 2, 1), {floats({2}, {1, 2}), ints({1}, {3})}),
                           floats({6}, {1, 2, 1, 2, 1, 2}), 0, 0);
        OS_COMPARE_TENSORS(out0(makeNode("Tile", 2, 1), {floats({1, 2}, {1, 2}), ints({2}, {2, 2})}),
                           floats({2, 4}, {1, 2, 1, 2, 1, 2, 1, 2}), 0, 0);
        OS_COMPARE_TENSORS(out0(makeNode("Expand", 2, 1), {floats({3, 1}, {1, 2, 3}), ints({3}, {2, 1, 2})}),
                           floats({2, 3, 2}, {1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3}), 0, 0);
        QVERIFY(errorOf(makeNode("Expand", 2, 1), {floats({3}, {1, 2, 3}), ints({1}, {2})}).size() > 0);
    }

    void generators() {
        OS_COMPARE_TENSORS(
            out0(makeNode("Range", 3, 1), {makeTensor<int32_t>({}, {10}), makeTensor<int32_t>({}, {4}),
                                           makeTensor<int32_t>({}, {-3})}),
            makeTensor<int32_t>({2}, {10, 7}), 0, 0);
        OS_COMPARE_TENSORS(
            out0(makeNode("Range", 3, 1), {floats({}, {1}), floats({}, {2}), floats({}, {0.25f})}),
            floats({4}, {1, 1.25f, 1.5f, 1.75f}), 0, 0);
        OS_COMPARE_TENSORS(out0(makeNode("OneHot", 3, 1, {intAttr("axis", 0)}),
                                {ints({3}, {0, -1, 5}), ints({}, {3}), floats({2}, {0, 1})}),
                           floats({3, 3}, {1, 0, 0, 0, 0, 0, 0, 1, 0}), 0, 0);
        OS_COMPARE_TENSORS(
            out0(makeNode("EyeLike", 1, 1, {intAttr("k", 1), intAttr("dtype", 7)}), {iota({2, 3})}),
            ints({2, 3}, {0, 1, 0, 0, 0, 1}), 0, 0);
        Attribute value;
        value.name = "value";
        value.type = Attribute::Type::Tensor;
        value.t = makeTensor<int32_t>({1}, {7});
        OS_COMPARE_TENSORS(out0(makeNode("ConstantOfShape", 1, 1, {value}), {ints({2}, {1, 2})}),
                           makeTensor<int32_t>({1, 2}, {7, 7}), 0, 0);
        OS_COMPARE_TENSORS(out0(makeNode("Constant", 0, 1, {floatsAttr("value_floats", {1, 2})}), {}),
                           floats({2}, {1, 2}), 0, 0);
    }

    void depthSpaceRoundTrip() {
        Tensor x = iota({1, 8, 2, 3});
        for (const char* mode : {"DCR", "CRD"}) {
            Tensor y = out0(
                makeNode("DepthToSpace", 1, 1, {intAttr("blocksize", 2), stringAttr("mode", mode)}), {x});
            QCOMPARE(y.shape(), Shape({1, 2, 4, 6}));
            if (std::string(mode) == "DCR") {
                Tensor back = out0(makeNode("SpaceToDepth", 1, 1, {intAttr("blocksize", 2)}), {y});
                OS_COMPARE_TENSORS(back, x, 0, 0);
            }
        }
        // CRD: y[0][c][h*2+i][w*2+j] = x[0][c*4 + i*2 + j][h][w]
        Tensor crd =
            out0(makeNode("DepthToSpace", 1, 1, {intAttr("blocksize", 2), stringAttr("mode", "CRD")}), {x});
        QCOMPARE(crd.data<float>()[(1 * 4 + 1) * 6 + 1], x.data<float>()[((4 + 2 + 1) * 2 + 0) * 3 + 0]);
    }

    void topKOrdersTiesByIndex() {
        auto r = run(makeNode("TopK", 2, 2), {floats({1, 5}, {1, 3, 3, 2, 3}), ints({1}, {3})});
        OS_COMPARE_TENSORS(r[0].tensor, floats({1, 3}, {3, 3, 3}), 0, 0);
        OS_COMPARE_TENSORS(r[1].tensor, ints({1, 3}, {1, 2, 4}), 0, 0);
        auto s = run(makeNode("TopK", 2, 2, {intAttr("largest", 0), intAttr("axis", 0)}),
                     {makeTensor<uint64_t>({4}, {5, 1, 9, 1}), ints({1}, {2})});
        OS_COMPARE_TENSORS(s[0].tensor, makeTensor<uint64_t>({2}, {1, 1}), 0, 0);
        OS_COMPARE_TENSORS(s[1].tensor, ints({2}, {1, 3}), 0, 0);
        EXPECT_ERROR(makeNode("TopK", 2, 2), (std::vector<Value>{floats({2}, {1, 2}), ints({1}, {3})}),
                     "out of range");
    }

    void selectionOps() {
        OS_COMPARE_TENSORS(out0(makeNode("NonZero", 1, 1), {floats({2, 2}, {1, 0, 0, 2})}),
                           ints({2, 2}, {0, 1, 0, 1}), 0, 0);
        Tensor cond(DataType::Bool, {3});
        cond.data<uint8_t>()[0] = 0;
        cond.data<uint8_t>()[1] = 1;
        cond.data<uint8_t>()[2] = 1;
        OS_COMPARE_TENSORS(out0(makeNode("Compress", 2, 1, {intAttr("axis", 0)}), {iota({3, 2}), cond}),
                           floats({2, 2}, {2, 3, 4, 5}), 0, 0);
        auto u = run(makeNode("Unique", 1, 4, {intAttr("sorted", 0)}), {floats({6}, {2, 1, 1, 3, 4, 3})});
        OS_COMPARE_TENSORS(u[0].tensor, floats({4}, {2, 1, 3, 4}), 0, 0);
        OS_COMPARE_TENSORS(u[1].tensor, ints({4}, {0, 1, 3, 4}), 0, 0);
        OS_COMPARE_TENSORS(u[2].tensor, ints({6}, {0, 1, 1, 2, 3, 2}), 0, 0);
        OS_COMPARE_TENSORS(u[3].tensor, ints({4}, {1, 2, 2, 1}), 0, 0);
        auto us = run(makeNode("Unique", 1, 4, {intAttr("axis", 0)}), {floats({3, 2}, {1, 0, 0, 1, 1, 0})});
        OS_COMPARE_TENSORS(us[0].tensor, floats({2, 2}, {0, 1, 1, 0}), 0, 0);
        OS_COMPARE_TENSORS(us[2].tensor, ints({3}, {1, 0, 1}), 0, 0);
        OS_COMPARE_TENSORS(
            out0(makeNode("Trilu", 2, 1, {intAttr("upper", 0)}), {iota({2, 3}), ints({}, {-1})}),
            floats({2, 3}, {0, 0, 0, 3, 0, 0}), 0, 0);
        OS_COMPARE_TENSORS(
            out0(makeNode("ReverseSequence", 2, 1, {intAttr("batch_axis", 0), intAttr("time_axis", 1)}),
                 {iota({2, 3}), ints({2}, {2, 3})}),
            floats({2, 3}, {1, 0, 2, 5, 4, 3}), 0, 0);
    }
};

QTEST_GUILESS_MAIN(TestTensorKernels)
#include "tst_tensor_kernels.moc"
