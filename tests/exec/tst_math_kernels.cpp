// Table tests of the math kernel family (elementwise, activations, casts, softmax, cumsum,
// reductions) with hand-computed expectations, error messages, and differential checks of
// the broadcasting and threaded paths against naive loops.
#include "kernel_test_util.h"

#include "core/float_types.h"
#include "exec/cpu/broadcast.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

Tensor halfTensor(Shape shape, std::vector<float> values) {
    Tensor t(DataType::Float16, std::move(shape));
    for (size_t i = 0; i < values.size(); ++i)
        t.data<uint16_t>()[i] = floatToHalf(values[i]);
    return t;
}

Tensor randomFloats(Shape shape, uint32_t seed) {
    Tensor t(DataType::Float, std::move(shape));
    std::mt19937 gen(seed);
    std::uniform_real_distribution<float> dist(-3.0f, 3.0f);
    for (float& v : t.mutableValues<float>())
        v = dist(gen);
    return t;
}

// Index of `outIndex` in an input of shape `in` broadcast to `out` (naive reference).
int64_t broadcastIndex(const Shape& in, const Shape& out, int64_t outIndex) {
    int64_t index = 0, stride = 1;
    for (size_t k = 0; k < out.size(); ++k) {
        const size_t axis = out.size() - 1 - k;
        const int64_t coord = outIndex % out[axis];
        outIndex /= out[axis];
        if (k < in.size()) {
            const int64_t d = in[in.size() - 1 - k];
            index += (d == 1 ? 0 : coord) * stride;
            stride *= d;
        }
    }
    return index;
}

} // namespace

class TestMathKernels : public QObject {
    Q_OBJECT

private slots:
    void unaryFloat() {
        auto x = makeTensor<float>({5}, {-2.5f, -0.5f, 0.5f, 1.5f, 2.5f});
        OS_COMPARE_TENSORS(run(makeNode("Round", 1, 1), {x})[0].tensor,
                           makeTensor<float>({5}, {-2, -0, 0, 2, 2}), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("Abs", 1, 1), {x})[0].tensor,
                           makeTensor<float>({5}, {2.5f, 0.5f, 0.5f, 1.5f, 2.5f}), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("Floor", 1, 1), {x})[0].tensor,
                           makeTensor<float>({5}, {-3, -1, 0, 1, 2}), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("Erf", 1, 1), {makeTensor<float>({2}, {0.0f, 1.0f})})[0].tensor,
                           makeTensor<float>({2}, {0.0f, 0.8427008f}), 1e-6, 1e-7);
        OS_COMPARE_TENSORS(run(makeNode("Sign", 1, 1), {makeTensor<double>({3}, {-4.0, 0.0, 7.0})})[0].tensor,
                           makeTensor<double>({3}, {-1, 0, 1}), 0, 0);
    }

    void unaryIntegerWraps() {
        const int8_t lo = std::numeric_limits<int8_t>::min();
        auto x = makeTensor<int8_t>({3}, {lo, -5, 7});
        OS_COMPARE_TENSORS(run(makeNode("Neg", 1, 1), {x})[0].tensor, makeTensor<int8_t>({3}, {lo, 5, -7}), 0,
                           0);
        OS_COMPARE_TENSORS(run(makeNode("Abs", 1, 1), {x})[0].tensor, makeTensor<int8_t>({3}, {lo, 5, 7}), 0,
                           0);
        OS_COMPARE_TENSORS(run(makeNode("BitwiseNot", 1, 1), {makeTensor<uint8_t>({2}, {0, 0xF0})})[0].tensor,
                           makeTensor<uint8_t>({2}, {0xFF, 0x0F}), 0, 0);
        QVERIFY(errorOf(makeNode("Sqrt", 1, 1), {makeTensor<int32_t>({1}, {4})})
                    .find("unsupported element type int32") != std::string::npos);
        QVERIFY(errorOf(makeNode("Neg", 1, 1), {makeTensor<uint32_t>({1}, {4})}).find("uint32") !=
                std::string::npos);
    }

    void isInfIsNaN() {
        const float inf = std::numeric_limits<float>::infinity();
        auto x = makeTensor<float>({4}, {inf, -inf, NAN, 1.0f});
        auto isinf = run(makeNode("IsInf", 1, 1, {intAttr("detect_negative", 0)}), {x})[0].tensor;
        QCOMPARE(isinf.dataType(), DataType::Bool);
        QCOMPARE(std::vector<uint8_t>(isinf.values<uint8_t>().begin(), isinf.values<uint8_t>().end()),
                 (std::vector<uint8_t>{1, 0, 0, 0}));
        auto isnan = run(makeNode("IsNaN", 1, 1), {x})[0].tensor;
        QCOMPARE(isnan.data<uint8_t>()[2], uint8_t(1));
        QCOMPARE(isnan.data<uint8_t>()[0], uint8_t(0));
    }

    void activations() {
        auto x = makeTensor<float>({4}, {-2.0f, -0.5f, 0.0f, 3.0f});
        OS_COMPARE_TENSORS(run(makeNode("Relu", 1, 1), {x})[0].tensor, makeTensor<float>({4}, {0, 0, 0, 3}),
                           0, 0);
        OS_COMPARE_TENSORS(run(makeNode("LeakyRelu", 1, 1, {floatAttr("alpha", 0.1f)}), {x})[0].tensor,
                           makeTensor<float>({4}, {-0.2f, -0.05f, 0, 3}), 1e-6, 1e-7);
        OS_COMPARE_TENSORS(run(makeNode("HardSigmoid", 1, 1), {x})[0].tensor,
                           makeTensor<float>({4}, {0.1f, 0.4f, 0.5f, 1.0f}), 1e-6, 1e-7);
        OS_COMPARE_TENSORS(run(makeNode("HardSwish", 1, 1), {x})[0].tensor,
                           makeTensor<float>({4}, {-2.0f * (1.0f / 6), -0.5f * (0.5f - 0.5f / 6), 0, 3}),
                           1e-6, 1e-7);
        OS_COMPARE_TENSORS(run(makeNode("ThresholdedRelu", 1, 1, {floatAttr("alpha", 2.0f)}), {x})[0].tensor,
                           makeTensor<float>({4}, {0, 0, 0, 3}), 0, 0);
        OS_COMPARE_TENSORS(
            run(makeNode("Shrink", 1, 1, {floatAttr("lambd", 1.0f), floatAttr("bias", 0.5f)}), {x})[0].tensor,
            makeTensor<float>({4}, {-1.5f, 0, 0, 2.5f}), 0, 0);
        // Sigmoid stays finite and exact at the extremes (no Inf/Inf).
        auto s = run(makeNode("Sigmoid", 1, 1), {makeTensor<float>({2}, {-1000.0f, 1000.0f})})[0].tensor;
        OS_COMPARE_TENSORS(s, makeTensor<float>({2}, {0.0f, 1.0f}), 0, 0);
        auto gelu = run(makeNode("Gelu", 1, 1, {stringAttr("approximate", "tanh")}),
                        {makeTensor<float>({2}, {1.0f, -1.0f})})[0]
                        .tensor;
        OS_COMPARE_TENSORS(gelu, makeTensor<float>({2}, {0.8411920f, -0.1588080f}), 1e-5, 1e-6);
        auto prelu = run(makeNode("PRelu", 2, 1), {makeTensor<float>({2, 2}, {-1, 2, -3, 4}),
                                                   makeTensor<float>({2}, {0.5f, 0.25f})})[0]
                         .tensor;
        OS_COMPARE_TENSORS(prelu, makeTensor<float>({2, 2}, {-0.5f, 2, -1.5f, 4}), 0, 0);
        QVERIFY(errorOf(makeNode("PRelu", 2, 1),
                        {makeTensor<float>({2}, {1, 2}), makeTensor<float>({3}, {1, 2, 3})})
                    .find("cannot be broadcast to [2]") != std::string::npos);
    }

    void clipForms() {
        auto x = makeTensor<float>({4}, {-5, 0, 5, NAN});
        OS_COMPARE_TENSORS(
            run(makeNode("Clip", 1, 1, {floatAttr("min", -1), floatAttr("max", 1)}, 6), {x})[0].tensor,
            makeTensor<float>({4}, {-1, 0, 1, NAN}), 0, 0);
        OS_COMPARE_TENSORS(
            run(makeNode("Clip", 3, 1), {x, Value(Tensor::scalar<float>(DataType::Float, -2.0f)),
                                         Value(Tensor::scalar<float>(DataType::Float, 2.0f))})[0]
                .tensor,
            makeTensor<float>({4}, {-2, 0, 2, NAN}), 0, 0);
        NodeDesc onlyMax = makeNode("Clip", 3, 1);
        onlyMax.inputs[1].clear();
        OS_COMPARE_TENSORS(run(onlyMax, {makeTensor<int32_t>({3}, {-9, 3, 9}), Value(),
                                         Value(Tensor::scalar<int32_t>(DataType::Int32, 4))})[0]
                               .tensor,
                           makeTensor<int32_t>({3}, {-9, 3, 4}), 0, 0);
        QVERIFY(
            errorOf(makeNode("Clip", 2, 1), {x, makeTensor<float>({2}, {0, 1})}).find("must be scalars") !=
            std::string::npos);
    }

    void binaryBroadcast() {
        auto a = makeTensor<float>({2, 1, 3}, {1, 2, 3, 4, 5, 6});
        auto b = makeTensor<float>({2, 1}, {10, 20});
        auto sum = run(makeNode("Add", 2, 1), {a, b})[0].tensor;
        OS_COMPARE_TENSORS(
            sum, makeTensor<float>({2, 2, 3}, {11, 12, 13, 21, 22, 23, 14, 15, 16, 24, 25, 26}), 0, 0);
        auto lt =
            run(makeNode("Less", 2, 1), {a, Value(Tensor::scalar<float>(DataType::Float, 3.5f))})[0].tensor;
        QCOMPARE(lt.dataType(), DataType::Bool);
        QCOMPARE(lt.shape(), (Shape{2, 1, 3}));
        QCOMPARE(std::vector<uint8_t>(lt.values<uint8_t>().begin(), lt.values<uint8_t>().end()),
                 (std::vector<uint8_t>{1, 1, 1, 0, 0, 0}));
        QVERIFY(errorOf(makeNode("Mul", 2, 1), {makeTensor<float>({2, 3}, {}), makeTensor<float>({4}, {})})
                    .find("cannot be broadcast") != std::string::npos);
        QVERIFY(errorOf(makeNode("Add", 2, 1), {makeTensor<float>({1}, {1}), makeTensor<double>({1}, {1})})
                    .find("input types differ (float and double)") != std::string::npos);
    }

    void broadcastMatchesNaive() {
        // Shapes whose axes merge in different ways, run with 1 and 4 threads.
        const std::vector<std::pair<Shape, Shape>> cases = {
            {{64, 1, 32, 1}, {1, 48, 1, 16}},
            {{8, 128, 96}, {96}},
            {{8, 128, 96}, {8, 1, 96}},
            {{300, 200}, {300, 1}},
            {{1}, {7, 9000}},
            {{300000}, {300000}},
            {{3, 70000}, {3, 1}},
            {{5, 1, 1, 7}, {5, 3, 1, 7}},
        };
        uint32_t seed = 1;
        for (const auto& [sa, sb] : cases) {
            Tensor a = randomFloats(sa, seed++), b = randomFloats(sb, seed++);
            auto out = broadcastShapes(sa, sb);
            QVERIFY(out.ok());
            for (int threads : {1, 4}) {
                auto result = runNode(cpuRegistry(), makeNode("Sub", 2, 1), {a, b}, threads);
                QVERIFY2(result.ok(), result.message().c_str());
                const Tensor& y = (*result)[0].tensor;
                QCOMPARE(y.shape(), *out);
                for (int64_t i = 0; i < y.elementCount(); ++i) {
                    float expect = a.data<float>()[broadcastIndex(sa, *out, i)] -
                                   b.data<float>()[broadcastIndex(sb, *out, i)];
                    if (y.data<float>()[i] != expect)
                        QFAIL(("mismatch at " + std::to_string(i) + " for " + shapeToString(sa) + " - " +
                               shapeToString(sb) + " with " + std::to_string(threads) + " threads")
                                  .c_str());
                }
            }
        }
    }

    void integerArithmetic() {
        const int32_t lo = std::numeric_limits<int32_t>::min();
        auto a = makeTensor<int32_t>({4}, {7, -7, lo, 7});
        auto b = makeTensor<int32_t>({4}, {-2, 2, -1, 3});
        OS_COMPARE_TENSORS(run(makeNode("Div", 2, 1), {a, b})[0].tensor,
                           makeTensor<int32_t>({4}, {-3, -3, lo, 2}), 0, 0);
        // Mod follows the divisor's sign; fmod=1 follows the dividend's.
        OS_COMPARE_TENSORS(run(makeNode("Mod", 2, 1), {a, b})[0].tensor,
                           makeTensor<int32_t>({4}, {-1, 1, 0, 1}), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("Mod", 2, 1, {intAttr("fmod", 1)}), {a, b})[0].tensor,
                           makeTensor<int32_t>({4}, {1, -1, 0, 1}), 0, 0);
        QVERIFY(errorOf(makeNode("Div", 2, 1), {a, makeTensor<int32_t>({1}, {0})})
                    .find("integer division by zero") != std::string::npos);
        OS_COMPARE_TENSORS(run(makeNode("Pow", 2, 1), {makeTensor<int64_t>({3}, {3, -2, 10}),
                                                       makeTensor<int64_t>({3}, {4, 3, 15})})[0]
                               .tensor,
                           makeTensor<int64_t>({3}, {81, -8, 1000000000000000LL}), 0, 0);
        OS_COMPARE_TENSORS(
            run(makeNode("Pow", 2, 1), {makeTensor<float>({2}, {4, 2}), makeTensor<int32_t>({2}, {-1, 3})})[0]
                .tensor,
            makeTensor<float>({2}, {0.25f, 8}), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("BitShift", 2, 1, {stringAttr("direction", "LEFT")}),
                               {makeTensor<uint8_t>({3}, {1, 3, 1}), makeTensor<uint8_t>({3}, {7, 1, 9})})[0]
                               .tensor,
                           makeTensor<uint8_t>({3}, {128, 6, 0}), 0, 0);
        QVERIFY(
            errorOf(makeNode("BitShift", 2, 1, {stringAttr("direction", "UP")}), {}).find("LEFT or RIGHT") !=
            std::string::npos);
        OS_COMPARE_TENSORS(run(makeNode("Mod", 2, 1, {intAttr("fmod", 1)}),
                               {halfTensor({2}, {5.5f, -5.5f}), halfTensor({2}, {2.0f, 2.0f})})[0]
                               .tensor,
                           halfTensor({2}, {1.5f, -1.5f}), 0, 0);
    }

    void logicAndStrings() {
        const auto t = makeTensor<uint8_t>({4}, {0, 0, 1, 1});
        Tensor a(DataType::Bool, {4}), b(DataType::Bool, {4});
        const uint8_t av[] = {0, 0, 1, 1}, bv[] = {0, 1, 0, 1};
        std::copy(av, av + 4, a.data<uint8_t>());
        std::copy(bv, bv + 4, b.data<uint8_t>());
        auto x = run(makeNode("Xor", 2, 1), {a, b})[0].tensor;
        QCOMPARE(std::vector<uint8_t>(x.values<uint8_t>().begin(), x.values<uint8_t>().end()),
                 (std::vector<uint8_t>{0, 1, 1, 0}));
        QVERIFY(errorOf(makeNode("And", 2, 1), {t, t}).find("unsupported element type uint8") !=
                std::string::npos);
        auto s = makeTensor<std::string>({2}, {"a", "b"});
        auto eq = run(makeNode("Equal", 2, 1), {s, makeTensor<std::string>({1}, {"b"})})[0].tensor;
        QCOMPARE(eq.data<uint8_t>()[0], uint8_t(0));
        QCOMPARE(eq.data<uint8_t>()[1], uint8_t(1));
        Tensor cond(DataType::Bool, {2});
        cond.data<uint8_t>()[0] = 1;
        auto w = run(makeNode("Where", 3, 1), {cond, s, makeTensor<std::string>({1}, {"z"})})[0].tensor;
        QCOMPARE(w.data<std::string>()[0], std::string("a"));
        QCOMPARE(w.data<std::string>()[1], std::string("z"));
    }

    void variadic() {
        auto a = makeTensor<float>({2, 1}, {1, 2});
        auto b = makeTensor<float>({3}, {10, 20, 30});
        auto c = Value(Tensor::scalar<float>(DataType::Float, 100.0f));
        OS_COMPARE_TENSORS(run(makeNode("Sum", 3, 1), {a, b, c})[0].tensor,
                           makeTensor<float>({2, 3}, {111, 121, 131, 112, 122, 132}), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("Mean", 2, 1), {a, b})[0].tensor,
                           makeTensor<float>({2, 3}, {5.5f, 10.5f, 15.5f, 6, 11, 16}), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("Max", 2, 1),
                               {makeTensor<float>({3}, {1, NAN, 3}), makeTensor<float>({3}, {2, 0, NAN})})[0]
                               .tensor,
                           makeTensor<float>({3}, {2, NAN, NAN}), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("Min", 1, 1), {makeTensor<uint16_t>({2}, {4, 9})})[0].tensor,
                           makeTensor<uint16_t>({2}, {4, 9}), 0, 0);
    }

    void castMatrix() {
        auto cast = [](const Tensor& x, DataType to, std::vector<Attribute> extra = {}) {
            extra.push_back(intAttr("to", static_cast<int64_t>(to)));
            return run(makeNode("Cast", 1, 1, extra), {x})[0].tensor;
        };
        auto f = makeTensor<float>({5}, {-1.7f, 2.9f, 300.0f, NAN, -0.0f});
        OS_COMPARE_TENSORS(cast(f, DataType::Int32), makeTensor<int32_t>({5}, {-1, 2, 300, 0, 0}), 0, 0);
        OS_COMPARE_TENSORS(cast(f, DataType::Int8), makeTensor<int8_t>({5}, {-1, 2, 44, 0, 0}), 0, 0);
        auto boolean = cast(f, DataType::Bool);
        QCOMPARE(std::vector<uint8_t>(boolean.values<uint8_t>().begin(), boolean.values<uint8_t>().end()),
                 (std::vector<uint8_t>{1, 1, 1, 1, 0}));
        // Strings: numpy-style shortest repr both ways.
        auto str = cast(makeTensor<float>({3}, {0.1f, 100.0f, -INFINITY}), DataType::String);
        QCOMPARE(str.data<std::string>()[0], std::string("0.1"));
        QCOMPARE(str.data<std::string>()[1], std::string("100.0"));
        QCOMPARE(str.data<std::string>()[2], std::string("-INF"));
        OS_COMPARE_TENSORS(cast(makeTensor<std::string>({3}, {"1.5", "-INF", "NaN"}), DataType::Double),
                           makeTensor<double>({3}, {1.5, -INFINITY, NAN}), 0, 0);
        OS_COMPARE_TENSORS(
            cast(makeTensor<std::string>({2}, {"-42", "9000000000000000001"}), DataType::Int64),
            makeTensor<int64_t>({2}, {-42, 9000000000000000001LL}), 0, 0);
        // float8: saturate clamps to the largest finite value (448), without it overflow is NaN.
        auto big = makeTensor<float>({1}, {1000.0f});
        QCOMPARE(cast(big, DataType::Float8E4M3FN).data<uint8_t>()[0], uint8_t(0x7E));
        QCOMPARE(cast(big, DataType::Float8E4M3FN, {intAttr("saturate", 0)}).data<uint8_t>()[0],
                 uint8_t(0x7F));
        // int4 wraps to its 4 bits, as onnx's reference does.
        auto i4 = cast(makeTensor<int32_t>({4}, {-9, 7, 8, 15}), DataType::Int4);
        QCOMPARE(i4.dataType(), DataType::Int4);
        QCOMPARE(std::vector<int8_t>(i4.values<int8_t>().begin(), i4.values<int8_t>().end()),
                 (std::vector<int8_t>{7, 7, -8, -1}));
        auto back = cast(i4, DataType::Float);
        OS_COMPARE_TENSORS(back, makeTensor<float>({4}, {7, 7, -8, -1}), 0, 0);
        auto h = cast(makeTensor<float>({2}, {1.0f / 3, 65520.0f}), DataType::Float16);
        QCOMPARE(h.data<uint16_t>()[0], floatToHalf(1.0f / 3));
        QCOMPARE(h.data<uint16_t>()[1], uint16_t(0x7C00)); // rounds to +inf
        auto legacy = run(makeNode("Cast", 1, 1, {stringAttr("to", "INT16")}, 1), {f})[0].tensor;
        OS_COMPARE_TENSORS(legacy, makeTensor<int16_t>({5}, {-1, 2, 300, 0, 0}), 0, 0);
        auto like = run(makeNode("CastLike", 2, 1), {f, makeTensor<int64_t>({1}, {0})})[0].tensor;
        QCOMPARE(like.dataType(), DataType::Int64);
        QVERIFY(errorOf(makeNode("Cast", 1, 1, {intAttr("to", 99)}), {f}).find("invalid target type 99") !=
                std::string::npos);
        QVERIFY(errorOf(makeNode("Cast", 1, 1, {intAttr("to", 1)}), {makeTensor<std::string>({1}, {"abc"})})
                    .find("cannot parse 'abc'") != std::string::npos);
    }

    void softmaxAxisSemantics() {
        auto x = makeTensor<float>({2, 2}, {0, std::log(3.0f), 0, 0});
        // opset 13: along the last axis.
        OS_COMPARE_TENSORS(run(makeNode("Softmax", 1, 1, {}, 13), {x})[0].tensor,
                           makeTensor<float>({2, 2}, {0.25f, 0.75f, 0.5f, 0.5f}), 1e-6, 1e-7);
        // opset 11, axis 0: the whole input flattened into one row.
        OS_COMPARE_TENSORS(run(makeNode("Softmax", 1, 1, {intAttr("axis", 0)}, 11), {x})[0].tensor,
                           makeTensor<float>({2, 2}, {1.0f / 6, 0.5f, 1.0f / 6, 1.0f / 6}), 1e-6, 1e-7);
        // opset 13, axis 0: down the columns.
        OS_COMPARE_TENSORS(run(makeNode("Softmax", 1, 1, {intAttr("axis", 0)}, 13), {x})[0].tensor,
                           makeTensor<float>({2, 2}, {0.5f, 0.75f, 0.5f, 0.25f}), 1e-6, 1e-7);
        auto ls =
            run(makeNode("LogSoftmax", 1, 1, {}, 13), {makeTensor<float>({2}, {1000.0f, 1000.0f})})[0].tensor;
        OS_COMPARE_TENSORS(ls, makeTensor<float>({2}, {-std::log(2.0f), -std::log(2.0f)}), 1e-6, 1e-7);
        OS_COMPARE_TENSORS(
            run(makeNode("Hardmax", 1, 1, {}, 13), {makeTensor<float>({2, 3}, {1, 3, 3, 5, 4, 0})})[0].tensor,
            makeTensor<float>({2, 3}, {0, 1, 0, 1, 0, 0}), 0, 0);
        QVERIFY(errorOf(makeNode("Softmax", 1, 1, {intAttr("axis", 2)}, 13), {x})
                    .find("axis 2 is out of range") != std::string::npos);
    }

    void cumsum() {
        auto x = makeTensor<int32_t>({2, 3}, {1, 2, 3, 4, 5, 6});
        auto axis = Value(Tensor::scalar<int64_t>(DataType::Int64, 1));
        OS_COMPARE_TENSORS(run(makeNode("CumSum", 2, 1), {x, axis})[0].tensor,
                           makeTensor<int32_t>({2, 3}, {1, 3, 6, 4, 9, 15}), 0, 0);
        OS_COMPARE_TENSORS(
            run(makeNode("CumSum", 2, 1, {intAttr("exclusive", 1), intAttr("reverse", 1)}), {x, axis})[0]
                .tensor,
            makeTensor<int32_t>({2, 3}, {5, 3, 0, 11, 6, 0}), 0, 0);
        OS_COMPARE_TENSORS(
            run(makeNode("CumSum", 2, 1), {x, Value(Tensor::scalar<int32_t>(DataType::Int32, -2))})[0].tensor,
            makeTensor<int32_t>({2, 3}, {1, 2, 3, 5, 7, 9}), 0, 0);
    }

    void reductions() {
        auto x = makeTensor<float>({2, 3, 2}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        auto axes = [](std::vector<int64_t> v) { return makeTensor<int64_t>({int64_t(v.size())}, v); };
        // Non-adjacent axes (0 and 2) take the ordered general path.
        OS_COMPARE_TENSORS(
            run(makeNode("ReduceSum", 2, 1, {intAttr("keepdims", 0)}, 13), {x, axes({0, -1})})[0].tensor,
            makeTensor<float>({3}, {1 + 2 + 7 + 8, 3 + 4 + 9 + 10, 5 + 6 + 11 + 12}), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("ReduceMax", 1, 1, {intsAttr("axes", {1})}, 13), {x})[0].tensor,
                           makeTensor<float>({2, 1, 2}, {5, 6, 11, 12}), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("ReduceMean", 2, 1, {}, 18), {x, axes({1, 2})})[0].tensor,
                           makeTensor<float>({2, 1, 1}, {3.5f, 9.5f}), 0, 0);
        // No axes: everything, unless noop_with_empty_axes (then the per-element part only).
        OS_COMPARE_TENSORS(run(makeNode("ReduceProd", 1, 1, {intAttr("keepdims", 0)}, 13),
                               {makeTensor<int64_t>({4}, {1, 2, 3, 4})})[0]
                               .tensor,
                           Tensor::scalar<int64_t>(DataType::Int64, 24), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("ReduceSumSquare", 2, 1, {intAttr("noop_with_empty_axes", 1)}, 18),
                               {makeTensor<float>({2}, {-2, 3}), axes({})})[0]
                               .tensor,
                           makeTensor<float>({2}, {4, 9}), 0, 0);
        // Empty set: the identity of each op.
        Tensor empty(DataType::Float, {2, 0});
        auto reduceEmpty = [&](const char* op) {
            return run(makeNode(op, 2, 1, {}, 18), {empty, axes({1})})[0].tensor.data<float>()[0];
        };
        QCOMPARE(reduceEmpty("ReduceSum"), 0.0f);
        QCOMPARE(reduceEmpty("ReduceProd"), 1.0f);
        QCOMPARE(reduceEmpty("ReduceMax"), -std::numeric_limits<float>::infinity());
        QCOMPARE(reduceEmpty("ReduceLogSumExp"), -std::numeric_limits<float>::infinity());
        QVERIFY(std::isnan(reduceEmpty("ReduceMean")));
        // LogSumExp does not overflow on large inputs.
        OS_COMPARE_TENSORS(run(makeNode("ReduceLogSumExp", 1, 1, {intAttr("keepdims", 0)}, 13),
                               {makeTensor<float>({2}, {1000, 1000})})[0]
                               .tensor,
                           Tensor::scalar<float>(DataType::Float, 1000 + std::log(2.0f)), 1e-6, 1e-7);
        OS_COMPARE_TENSORS(
            run(makeNode("ReduceL2", 1, 1, {intsAttr("axes", {0})}, 13), {halfTensor({2, 1}, {3, 4})})[0]
                .tensor,
            halfTensor({1, 1}, {5}), 0, 0);
        QVERIFY(errorOf(makeNode("ReduceSum", 2, 1, {}, 13), {x, axes({3})})
                    .find("axes value 3 is out of range") != std::string::npos);
    }

    void reductionThreadsAgree() {
        Tensor x = randomFloats({16, 64, 96}, 7);
        for (std::vector<int64_t> axes : {std::vector<int64_t>{1}, {2}, {0}, {0, 2}, {0, 1, 2}}) {
            NodeDesc node = makeNode("ReduceLogSumExp", 1, 1, {intsAttr("axes", axes)}, 13);
            auto one = runNode(cpuRegistry(), node, {x}, 1);
            auto four = runNode(cpuRegistry(), node, {x}, 4);
            QVERIFY(one.ok() && four.ok());
            OS_COMPARE_TENSORS((*four)[0].tensor, (*one)[0].tensor, 1e-6, 0);
        }
    }

    void argMinMax() {
        auto x = makeTensor<int32_t>({2, 3}, {4, 9, 9, 1, 1, 0});
        OS_COMPARE_TENSORS(run(makeNode("ArgMax", 1, 1, {intAttr("axis", 1)}), {x})[0].tensor,
                           makeTensor<int64_t>({2, 1}, {1, 0}), 0, 0);
        OS_COMPARE_TENSORS(
            run(makeNode("ArgMax", 1, 1,
                         {intAttr("axis", 1), intAttr("select_last_index", 1), intAttr("keepdims", 0)}),
                {x})[0]
                .tensor,
            makeTensor<int64_t>({2}, {2, 1}), 0, 0);
        OS_COMPARE_TENSORS(run(makeNode("ArgMin", 1, 1, {intAttr("axis", 0)}), {x})[0].tensor,
                           makeTensor<int64_t>({1, 3}, {1, 1, 1}), 0, 0);
        QVERIFY(errorOf(makeNode("ArgMax", 1, 1), {Tensor(DataType::Float, {0, 2})}).find("empty axis") !=
                std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestMathKernels)
#include "tst_math_kernels.moc"
