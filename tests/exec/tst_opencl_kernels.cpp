// The OpenCL kernels against the CPU reference kernels over sweeps of shapes and attributes with
// seeded random inputs (each node must run on the device, not fall back), whole models run
// through a Session on the OpenCL backend against the CPU, and layer comparison isolating an
// OpenCL node. Skips when no OpenCL device is present (PoCL counts). tst_opencl_backend covers
// device selection, the program cache and errors.
#include "kernel_test_util.h"

#include "core/model.h"
#include "core/tensor_file_io.h"
#include "exec/layer_compare.h"
#include "exec/session.h"

#ifdef ONNXSCOPE_HAVE_OPENCL
#include "exec/opencl/opencl_backend.h"
#endif

#include <QTest>

#include <filesystem>
#include <random>
#include <set>

using namespace onnxscope;
using namespace onnxscope::test;

#ifdef ONNXSCOPE_HAVE_OPENCL
namespace {

std::string shapesText(const std::vector<Value>& inputs) {
    std::string text;
    for (const Value& v : inputs)
        text += (text.empty() ? "" : " ") +
                (v.isTensor() ? shapeToString(v.tensor.shape()) : std::string("none"));
    return text;
}

std::string attrsText(const NodeDesc& node) {
    std::string text;
    for (const Attribute& a : node.attributes) {
        text += " " + a.name + "=";
        if (a.type == Attribute::Type::Int)
            text += std::to_string(a.i);
        else if (a.type == Attribute::Type::Float)
            text += std::to_string(a.f);
        else if (a.type == Attribute::Type::String)
            text += a.s;
        else if (a.type == Attribute::Type::Ints)
            text += shapeToString(a.ints);
    }
    return text;
}

} // namespace
#endif

class TestOpenClKernels : public QObject {
    Q_OBJECT

#ifdef ONNXSCOPE_HAVE_OPENCL
    std::shared_ptr<OpenClBackend> m_backend;
    std::mt19937 m_rng{20261126};
    int m_checked = 0;

    // Runs node on the CPU registry and on the OpenCL backend and compares every output. The
    // node must have run on the device (no CPU fallback).
    void check(const NodeDesc& node, const std::vector<Value>& inputs, double rtol = 1e-4,
               double atol = 1e-5) {
        const std::string label = node.opType + attrsText(node) + " inputs " + shapesText(inputs);
        auto expected = runNode(cpuRegistry(), node, inputs);
        QVERIFY2(expected.ok(), (label + ": CPU: " + expected.message()).c_str());
        QVERIFY2(m_backend->canRun(node), (label + ": canRun is false").c_str());
        auto kernel = m_backend->createKernel(node);
        QVERIFY2(kernel.ok(), (label + ": " + kernel.message()).c_str());
        auto actual = runKernel(**kernel, node, inputs);
        QVERIFY2(actual.ok(), (label + ": " + actual.message()).c_str());
        auto timing = m_backend->takeNodeTiming();
        QVERIFY2(timing.ok(), (label + ": " + timing.message()).c_str());
        QVERIFY2(timing->has_value(), (label + ": no timing").c_str());
        QVERIFY2(!(*timing)->ranOnHost, (label + ": fell back to the CPU").c_str());
        QCOMPARE(actual->size(), expected->size());
        for (Value& v : *actual) {
            auto host = m_backend->toHost(v); // outputs stay on the device until asked for
            QVERIFY2(host.ok(), (label + ": " + host.message()).c_str());
            v = std::move(host).value();
        }
        for (size_t i = 0; i < actual->size(); ++i) {
            std::string why;
            const bool close = allClose((*actual)[i].tensor, (*expected)[i].tensor, rtol, atol, &why);
            QVERIFY2(close, (label + ": output " + std::to_string(i) + ": " + why).c_str());
        }
        ++m_checked;
    }
#define CHECK(...)                                                                                           \
    do {                                                                                                     \
        check(__VA_ARGS__);                                                                                  \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (0)
#endif

private slots:
    void initTestCase() {
#ifdef ONNXSCOPE_HAVE_OPENCL
        const std::string cache = std::string(ONNXSCOPE_BINARY_DIR) + "/opencl-cache";
        auto backend = OpenClBackend::create("opencl", cache);
        if (!backend.ok()) {
            const std::string why = "no usable OpenCL device: " + backend.message();
            QSKIP(why.c_str());
        }
        m_backend = std::move(backend).value();
        qInfo("OpenCL device: %s (%s)", m_backend->device().name.c_str(),
              m_backend->device().platformName.c_str());
#else
        QSKIP("built without OpenCL");
#endif
    }

#ifdef ONNXSCOPE_HAVE_OPENCL
    void cleanupTestCase() {
        qInfo("%d node/input combinations compared", m_checked);
    }

    void unary() {
        const std::vector<Shape> shapes = {{7}, {2, 3, 5}, { 1, 4, 9, 9 }};
        const std::vector<std::pair<std::string, std::vector<Attribute>>> ops = {
            {"Relu", {}},
            {"Sigmoid", {}},
            {"Tanh", {}},
            {"LeakyRelu", {}},
            {"LeakyRelu",
             { floatAttr("alpha", 0.3f) }},
            {"HardSigmoid", {}},
            {"HardSigmoid",
             { floatAttr("alpha", 0.3f),
               floatAttr("beta", 0.4f) }},
            {"HardSwish", {}},
            {"Erf", {}},
            {"Exp", {}},
            {"Abs", {}},
            {"Neg", {}},
            {"Elu",
             { floatAttr("alpha", 0.7f) }},
            {"Selu", {}},
            {"Softplus", {}},
            {"Softsign", {}},
            {"Floor", {}},
            {"Ceil", {}},
            {"Sin", {}},
            {"Cos", {}},
            {"Identity", {}},
            {"Mish", {}},
            {"Sign", {}},
            {"Round", {}},
            {"ThresholdedRelu",
             { floatAttr("alpha", 0.5f) }},
            { "Celu",
              { floatAttr("alpha", 1.5f) } }};
        for (const auto& [op, attrs] : ops)
            for (const Shape& shape : shapes)
                CHECK(makeNode(op, 1, 1, attrs, 18), {Value(randomTensor(shape, m_rng, -3.0f, 3.0f))}, 1e-4,
                      1e-5);
        for (const char* op : {"Log", "Sqrt", "Reciprocal"})
            for (const Shape& shape : shapes)
                CHECK(makeNode(op, 1, 1, {}, 18), {Value(randomTensor(shape, m_rng, 0.1f, 3.0f))}, 1e-4,
                      1e-5);
        for (const Shape& shape : shapes) {
            CHECK(makeNode("Gelu", 1, 1, {}, 20), {Value(randomTensor(shape, m_rng, -3.0f, 3.0f))}, 1e-4,
                  1e-5);
            CHECK(makeNode("Gelu", 1, 1, {stringAttr("approximate", "tanh")}, 20),
                  {Value(randomTensor(shape, m_rng, -3.0f, 3.0f))}, 1e-4, 1e-5);
            // Clip: attributes before opset 11, optional inputs since.
            CHECK(makeNode("Clip", 1, 1, {floatAttr("min", -0.5f), floatAttr("max", 0.7f)}, 6),
                  {Value(randomTensor(shape, m_rng))});
            CHECK(makeNode("Clip", 3, 1, {}, 13),
                  {Value(randomTensor(shape, m_rng)), Value(Tensor::scalar<float>(DataType::Float, -0.2f)),
                   Value(Tensor::scalar<float>(DataType::Float, 0.4f))});
            CHECK(makeNode("Clip", 1, 1, {}, 13), {Value(randomTensor(shape, m_rng))});
        }
    }

    void binary() {
        // clang-format off
        const std::vector<std::pair<Shape, Shape>> pairs = {
            {{2, 3, 4}, {2, 3, 4}}, {{2, 3, 4}, {4}}, {{2, 1, 4}, {3, 1}}, {{1}, {5, 2}}, {{}, {3, 2}},
            {{4, 1, 3, 1}, {1, 5, 1, 6}}, {{1, 8, 7, 7}, {8, 1, 1}}, {{2, 3, 4}, {3, 1}}, {{2, 3, 4}, {}}};
        // clang-format on
        for (const char* op : {"Add", "Sub", "Mul", "Div", "Max", "Min", "Pow", "PRelu"})
            for (const auto& [a, b] : pairs) {
                bool slopeFits = b.size() <= a.size();
                for (size_t i = 0; slopeFits && i < b.size(); ++i)
                    slopeFits = b[i] == 1 || b[i] == a[a.size() - b.size() + i];
                if (std::string(op) == "PRelu" && !slopeFits)
                    continue; // the slope broadcasts to X only
                const bool positive = std::string(op) == "Pow" || std::string(op) == "Div";
                CHECK(makeNode(op, 2, 1, {}, 14),
                      {Value(randomTensor(a, m_rng, positive ? 0.5f : -2.0f, 2.0f)),
                       Value(randomTensor(b, m_rng, positive ? 0.5f : -2.0f, 2.0f))},
                      1e-4, 1e-5);
            }
    }

    void conv_data() {
        QTest::addColumn<QList<int>>("p"); // N C H W M k stride pad dilation group bias
        QTest::newRow("3x3 pad 1") << QList<int>{1, 3, 8, 8, 4, 3, 1, 1, 1, 1, 1};
        QTest::newRow("pointwise (CLBlast)") << QList<int>{2, 8, 5, 6, 16, 1, 1, 0, 1, 1, 1};
        QTest::newRow("pointwise no bias") << QList<int>{1, 5, 4, 4, 3, 1, 1, 0, 1, 1, 0};
        QTest::newRow("stride 2") << QList<int>{2, 4, 9, 9, 6, 3, 2, 1, 1, 1, 1};
        QTest::newRow("dilation 2") << QList<int>{1, 3, 10, 10, 2, 3, 1, 2, 2, 1, 0};
        QTest::newRow("depthwise") << QList<int>{1, 8, 7, 7, 8, 3, 1, 1, 1, 8, 1};
        QTest::newRow("depthwise stride 2") << QList<int>{2, 6, 8, 8, 6, 3, 2, 1, 1, 6, 0};
        QTest::newRow("grouped") << QList<int>{1, 6, 6, 6, 4, 3, 1, 0, 1, 2, 1};
        QTest::newRow("5x5 stride 2 1x1-sized input") << QList<int>{1, 2, 5, 5, 3, 5, 2, 2, 1, 1, 1};
        // im2col + GEMM (group 1, not pointwise): stems, strided, dilated, padded past the kernel.
        QTest::newRow("7x7 stride 2 pad 3 (stem)") << QList<int>{2, 3, 20, 19, 8, 7, 2, 3, 1, 1, 1};
        QTest::newRow("3x3 stride 2 no pad, batch 3") << QList<int>{3, 5, 9, 10, 7, 3, 2, 0, 1, 1, 0};
        QTest::newRow("3x3 dilation 3 pad 3") << QList<int>{1, 4, 12, 12, 6, 3, 1, 3, 3, 1, 1};
        QTest::newRow("1x1 stride 2 (not pointwise)") << QList<int>{2, 6, 9, 9, 5, 1, 2, 0, 1, 1, 1};
        QTest::newRow("1x1 pad 1 (not pointwise)") << QList<int>{1, 3, 4, 4, 2, 1, 1, 1, 1, 1, 1};
        QTest::newRow("2x2 pad 2 wider than input") << QList<int>{1, 2, 3, 3, 3, 2, 1, 2, 1, 1, 1};
        // Columns over 64 MiB: GEMMs over slices of the output pixels, then one image per GEMM.
        QTest::newRow("im2col in pixel slices") << QList<int>{1, 64, 176, 176, 4, 3, 1, 1, 1, 1, 1};
        QTest::newRow("im2col one image per GEMM") << QList<int>{2, 64, 128, 128, 4, 3, 1, 1, 1, 1, 1};
        // Depthwise (group == C == M): tiles of 4 outputs along a row, ragged last tiles.
        QTest::newRow("depthwise 5x5 stride 2") << QList<int>{2, 5, 11, 9, 5, 5, 2, 2, 1, 5, 1};
        QTest::newRow("depthwise dilation 2") << QList<int>{1, 4, 9, 10, 4, 3, 1, 2, 2, 4, 1};
        QTest::newRow("depthwise 1-wide output") << QList<int>{1, 3, 5, 3, 3, 3, 2, 0, 1, 3, 0};
        QTest::newRow("depthwise stride 3 pad 1") << QList<int>{1, 6, 13, 14, 6, 3, 3, 1, 1, 6, 1};
        // Grouped and channel-multiplier convolutions stay on the direct kernel.
        QTest::newRow("depthwise multiplier 2") << QList<int>{1, 4, 6, 6, 8, 3, 1, 1, 1, 4, 1};
        QTest::newRow("grouped stride 2") << QList<int>{2, 8, 9, 9, 8, 3, 2, 1, 1, 4, 0};
    }
    void conv() {
        QFETCH(QList<int>, p);
        const int64_t N = p[0], C = p[1], H = p[2], W = p[3], M = p[4], k = p[5], group = p[9];
        NodeDesc node = makeNode("Conv", p[10] ? 3 : 2, 1,
                                 {intsAttr("kernel_shape", {k, k}), intsAttr("strides", {p[6], p[6]}),
                                  intsAttr("pads", {p[7], p[7], p[7], p[7]}),
                                  intsAttr("dilations", {p[8], p[8]}), intAttr("group", group)},
                                 11);
        std::vector<Value> inputs = {Value(randomTensor({N, C, H, W}, m_rng)),
                                     Value(randomTensor({M, C / group, k, k}, m_rng))};
        if (p[10])
            inputs.push_back(Value(randomTensor({M}, m_rng)));
        CHECK(node, inputs, 1e-4, 1e-4);
    }

    void convMore() {
        // auto_pad and 1-D convolutions, asymmetric pads.
        CHECK(makeNode("Conv", 2, 1,
                       {intsAttr("kernel_shape", {3, 3}), stringAttr("auto_pad", "SAME_UPPER"),
                        intsAttr("strides", {2, 2})},
                       11),
              {Value(randomTensor({1, 3, 7, 8}, m_rng)), Value(randomTensor({4, 3, 3, 3}, m_rng))}, 1e-4,
              1e-4);
        CHECK(makeNode("Conv", 3, 1, {intsAttr("pads", {2, 1})}, 11),
              {Value(randomTensor({2, 3, 11}, m_rng)), Value(randomTensor({5, 3, 4}, m_rng)),
               Value(randomTensor({5}, m_rng))},
              1e-4, 1e-4);
        CHECK(makeNode("Conv", 2, 1, {intsAttr("pads", {0, 1, 2, 0})}, 11),
              {Value(randomTensor({1, 2, 6, 5}, m_rng)), Value(randomTensor({3, 2, 2, 3}, m_rng))}, 1e-4,
              1e-4);
        // Non-square kernels, strides and dilations through im2col and the depthwise kernel.
        CHECK(makeNode("Conv", 2, 1,
                       {intsAttr("strides", {1, 2}), intsAttr("dilations", {2, 1}),
                        intsAttr("pads", {1, 0, 2, 1})},
                       11),
              {Value(randomTensor({2, 3, 9, 11}, m_rng)), Value(randomTensor({4, 3, 3, 2}, m_rng))}, 1e-4,
              1e-4);
        CHECK(makeNode("Conv", 3, 1,
                       {intAttr("group", 5), intsAttr("strides", {2, 1}), intsAttr("pads", {0, 2, 1, 2})},
                       11),
              {Value(randomTensor({1, 5, 8, 7}, m_rng)), Value(randomTensor({5, 1, 1, 5}, m_rng)),
               Value(randomTensor({5}, m_rng))},
              1e-4, 1e-4);
        // A 1-D depthwise convolution (run as H = 1).
        CHECK(makeNode("Conv", 2, 1, {intAttr("group", 4), intsAttr("pads", {1, 1})}, 11),
              {Value(randomTensor({2, 4, 10}, m_rng)), Value(randomTensor({4, 1, 3}, m_rng))}, 1e-4, 1e-4);
    }

    void convTranspose_data() {
        QTest::addColumn<QList<int>>("p"); // N C H W M k stride pad outpad group bias
        QTest::newRow("stride 1") << QList<int>{1, 3, 5, 5, 2, 3, 1, 0, 0, 1, 1};
        QTest::newRow("stride 2 pad 1") << QList<int>{2, 4, 4, 4, 3, 3, 2, 1, 0, 1, 0};
        QTest::newRow("stride 2 output_padding") << QList<int>{1, 2, 3, 4, 2, 3, 2, 1, 1, 1, 1};
        QTest::newRow("grouped") << QList<int>{1, 4, 4, 4, 6, 2, 2, 0, 0, 2, 1};
    }
    void convTranspose() {
        QFETCH(QList<int>, p);
        const int64_t N = p[0], C = p[1], H = p[2], W = p[3], M = p[4], k = p[5], group = p[9];
        NodeDesc node = makeNode("ConvTranspose", p[10] ? 3 : 2, 1,
                                 {intsAttr("kernel_shape", {k, k}), intsAttr("strides", {p[6], p[6]}),
                                  intsAttr("pads", {p[7], p[7], p[7], p[7]}),
                                  intsAttr("output_padding", {p[8], p[8]}), intAttr("group", group)},
                                 11);
        std::vector<Value> inputs = {Value(randomTensor({N, C, H, W}, m_rng)),
                                     Value(randomTensor({C, M / group, k, k}, m_rng))};
        if (p[10])
            inputs.push_back(Value(randomTensor({M}, m_rng)));
        CHECK(node, inputs, 1e-4, 1e-4);
    }

    void matMul() {
        // clang-format off
        const std::vector<std::pair<Shape, Shape>> pairs = {
            {{3, 4}, {4, 5}}, {{2, 3, 4}, {4, 5}}, {{2, 3, 4}, {2, 4, 5}}, {{2, 1, 3, 4}, {3, 4, 5}},
            {{4}, {4, 5}}, {{3, 4}, {4}}, {{1, 17, 33}, {33, 9}}, {{1, 3, 4}, {2, 1, 4, 6}},
            {{2, 1, 3, 4}, {1, 5, 4, 2}}, {{64, 128}, {128, 96}}};
        // clang-format on
        for (const auto& [a, b] : pairs)
            CHECK(makeNode("MatMul", 2, 1, {}, 13),
                  {Value(randomTensor(a, m_rng)), Value(randomTensor(b, m_rng))}, 1e-4, 1e-4);
    }

    void gemm() {
        for (int transA = 0; transA < 2; ++transA)
            for (int transB = 0; transB < 2; ++transB)
                for (const Shape& c : std::vector<Shape>{{5, 6}, {6}, {1}, {5, 1}, {}}) {
                    const bool hasC = !(c.empty());
                    const Shape a = transA ? Shape{7, 5} : Shape{5, 7};
                    const Shape b = transB ? Shape{6, 7} : Shape{7, 6};
                    std::vector<Value> inputs = {Value(randomTensor(a, m_rng)),
                                                 Value(randomTensor(b, m_rng))};
                    if (hasC)
                        inputs.push_back(Value(randomTensor(c, m_rng)));
                    CHECK(makeNode("Gemm", hasC ? 3 : 2, 1,
                                   {intAttr("transA", transA), intAttr("transB", transB),
                                    floatAttr("alpha", 0.7f), floatAttr("beta", 1.3f)},
                                   13),
                          inputs, 1e-4, 1e-4);
                }
    }

    void pools() {
        struct Case {
            const char* op;
            std::vector<Attribute> attrs;
            Shape shape;
        };
        const std::vector<Case> cases = {
            {"MaxPool",
             {intsAttr("kernel_shape", {2, 2}), intsAttr("strides", {2, 2})},
             { 1,
               3,
               8,
               8 }},
            {"MaxPool",
             {intsAttr("kernel_shape", {3, 3}), intsAttr("strides", {2, 2}), intsAttr("pads", {1, 1, 1, 1})},
             { 2,
               4,
               9,
               9 }},
            {"MaxPool",
             {intsAttr("kernel_shape", {3, 3}), intsAttr("strides", {2, 2}), intAttr("ceil_mode", 1)},
             { 1,
               2,
               8,
               8 }},
            {"MaxPool",
             {intsAttr("kernel_shape", {2, 2}), intsAttr("dilations", {2, 2})},
             { 1,
               2,
               7,
               7 }},
            {"MaxPool",
             {intsAttr("kernel_shape", {3})},
             { 2,
               3,
               10 }},
            {"AveragePool",
             {intsAttr("kernel_shape", {2, 2}), intsAttr("strides", {2, 2})},
             { 1,
               3,
               8,
               8 }},
            {"AveragePool",
             {intsAttr("kernel_shape", {3, 3}), intsAttr("pads", {1, 1, 1, 1})},
             { 1,
               2,
               6,
               6 }},
            {"AveragePool",
             {intsAttr("kernel_shape", {3, 3}), intsAttr("pads", {1, 1, 1, 1}),
              intAttr("count_include_pad", 1)},
             { 1,
               2,
               6,
               6 }},
            {"AveragePool",
             {intsAttr("kernel_shape", {3, 3}), intsAttr("strides", {2, 2}), intAttr("ceil_mode", 1)},
             { 1,
               2,
               8,
               8 }},
            {"AveragePool",
             {intsAttr("kernel_shape", {3, 3}), stringAttr("auto_pad", "SAME_UPPER")},
             { 1,
               1,
               5,
               7 }},
        };
        for (const Case& c : cases)
            CHECK(makeNode(c.op, 1, 1, c.attrs, 19), {Value(randomTensor(c.shape, m_rng))});
        for (const char* op : {"GlobalAveragePool", "GlobalMaxPool"})
            for (const Shape& s : std::vector<Shape>{{1, 8, 7, 7}, {2, 3, 5}, { 1, 2, 3, 4, 5 }})
                CHECK(makeNode(op, 1, 1, {}, 13), {Value(randomTensor(s, m_rng))});
    }

    void normalization() {
        for (const Shape& s : std::vector<Shape>{{2, 4, 5, 5}, {3, 6}, { 1, 3, 7 }}) {
            const int64_t C = s[1];
            CHECK(makeNode("BatchNormalization", 5, 1, {floatAttr("epsilon", 1e-3f)}, 15),
                  {Value(randomTensor(s, m_rng)), Value(randomTensor({C}, m_rng)),
                   Value(randomTensor({C}, m_rng)), Value(randomTensor({C}, m_rng)),
                   Value(randomTensor({C}, m_rng, 0.5f, 2.0f))});
        }
        for (int axis : {-1, 1, 2}) {
            const Shape s = {2, 5, 16};
            Shape norm(s.begin() + (axis < 0 ? 2 : axis), s.end());
            CHECK(makeNode("LayerNormalization", 3, 1, {intAttr("axis", axis)}, 17),
                  {Value(randomTensor(s, m_rng)), Value(randomTensor(norm, m_rng)),
                   Value(randomTensor(norm, m_rng))});
            CHECK(makeNode("LayerNormalization", 2, 1, {intAttr("axis", axis), floatAttr("epsilon", 1e-3f)},
                           17),
                  {Value(randomTensor(s, m_rng)), Value(randomTensor(norm, m_rng))});
        }
        for (const char* op : {"Softmax", "LogSoftmax"}) {
            for (int axis : {-1, 0, 1, 2})
                CHECK(makeNode(op, 1, 1, {intAttr("axis", axis)}, 13),
                      {Value(randomTensor({3, 4, 5}, m_rng, -5, 5))});
            for (int axis : {0, 1, 2})
                CHECK(makeNode(op, 1, 1, {intAttr("axis", axis)}, 11),
                      {Value(randomTensor({3, 4, 5}, m_rng, -5, 5))});
        }
    }

    void reductions() {
        const char* ops[] = {"ReduceSum", "ReduceMean", "ReduceMax",    "ReduceMin",       "ReduceProd",
                             "ReduceL1",  "ReduceL2",   "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare"};
        const std::vector<std::vector<int64_t>> axesSets = {{}, {0}, {1}, {-1}, {0, 2}, { 1, 2, 3 }};
        for (const char* op : ops) {
            const bool positive = std::string(op) == "ReduceLogSum";
            for (const auto& axes : axesSets)
                for (int keep : {0, 1}) {
                    const Tensor x = randomTensor({2, 3, 4, 5}, m_rng, positive ? 0.1f : -1.0f, 1.0f);
                    // Axes as an attribute (opset 13) and as an input (opset 18).
                    std::vector<Attribute> attrs = {intAttr("keepdims", keep)};
                    if (!axes.empty())
                        attrs.push_back(intsAttr("axes", axes));
                    if (std::string(op) != "ReduceSum")
                        CHECK(makeNode(op, 1, 1, attrs, 13), {Value(x)}, 1e-4, 1e-5);
                    std::vector<Value> inputs = {Value(x)};
                    if (!axes.empty())
                        inputs.push_back(Value(ints({static_cast<int64_t>(axes.size())}, axes)));
                    CHECK(makeNode(op, static_cast<int>(inputs.size()), 1, {intAttr("keepdims", keep)}, 18),
                          inputs, 1e-4, 1e-5);
                }
        }
    }

    void movement() {
        for (const auto& perm : std::vector<std::vector<int64_t>>{{}, {0, 2, 1}, {2, 0, 1}, { 1, 0, 2 }})
            CHECK(makeNode("Transpose", 1, 1,
                           perm.empty() ? std::vector<Attribute>{} : std::vector{intsAttr("perm", perm)}),
                  {Value(randomTensor({3, 4, 5}, m_rng))});
        CHECK(makeNode("Transpose", 1, 1, {intsAttr("perm", {0, 3, 1, 2})}),
              {Value(randomTensor({2, 3, 4, 5}, m_rng))});
        for (int axis : {0, 1, -1})
            CHECK(makeNode("Concat", 3, 1, {intAttr("axis", axis)}),
                  {Value(randomTensor({2, 3, 4}, m_rng)), Value(randomTensor({2, 3, 4}, m_rng)),
                   Value(randomTensor({2, 3, 4}, m_rng))});
        CHECK(makeNode("Concat", 3, 1, {intAttr("axis", 1)}),
              {Value(randomTensor({2, 1, 4}, m_rng)), Value(randomTensor({2, 0, 4}, m_rng)),
               Value(randomTensor({2, 5, 4}, m_rng))});
        struct SliceCase {
            std::vector<int64_t> starts, ends, axes, steps;
        };
        const std::vector<SliceCase> slices = {
            {{1}, {3}, {0}, { 1 }},      {{0, 1}, {100, -1}, {1, 2}, { 1, 2 }},
            {{-1}, {-100}, {2}, { -1 }}, {{3, 0}, {0, 5}, {1, 0}, { -2, 3 }},
            {{2}, {2}, {0}, { 1 }},      { {-3, 1}, {-1, 1000}, {-1, -2}, { 1, 1 } }};
        for (const SliceCase& c : slices) {
            const auto n = static_cast<int64_t>(c.starts.size());
            CHECK(makeNode("Slice", 5, 1, {}, 13),
                  {Value(randomTensor({4, 5, 6}, m_rng)), Value(ints({n}, c.starts)),
                   Value(ints({n}, c.ends)), Value(ints({n}, c.axes)), Value(ints({n}, c.steps))});
        }
        for (int axis : {0, 1, 2})
            for (const auto& [shape, idx] : std::vector<std::pair<Shape, std::vector<int64_t>>>{{{3},
                                                                                                 { 0,
                                                                                                   2,
                                                                                                   -1 }},
                                                                                                {{2, 2},
                                                                                                 { 1,
                                                                                                   0,
                                                                                                   -2,
                                                                                                   1 }},
                                                                                                { {},
                                                                                                  { 1 } }})
                CHECK(makeNode("Gather", 2, 1, {intAttr("axis", axis)}, 13),
                      {Value(randomTensor({3, 4, 5}, m_rng)), Value(ints(shape, idx))});
        for (const char* mode : {"constant", "reflect", "edge", "wrap"})
            for (const auto& pads : std::vector<std::vector<int64_t>>{{0, 1, 2, 0, 2, 1},
                                                                      { 1,
                                                                        0,
                                                                        0,
                                                                        1,
                                                                        3,
                                                                        3 }}) {
                std::vector<Value> inputs = {Value(randomTensor({3, 4, 5}, m_rng)), Value(ints({6}, pads))};
                if (std::string(mode) == "constant")
                    inputs.push_back(Value(Tensor::scalar<float>(DataType::Float, 1.5f)));
                CHECK(makeNode("Pad", static_cast<int>(inputs.size()), 1, {stringAttr("mode", mode)}, 19),
                      inputs);
            }
    }

    void resize() {
        const std::vector<std::string> coords = {"half_pixel", "pytorch_half_pixel", "align_corners",
                                                 "asymmetric"};
        const std::vector<std::vector<float>> scaleSets = {{1, 1, 2, 2},
                                                           {1, 1, 0.5f, 0.5f},
                                                           { 1,
                                                             1,
                                                             1.5f,
                                                             3 }};
        for (const char* mode : {"nearest", "linear"})
            for (const std::string& coord : coords)
                for (const auto& scales : scaleSets) {
                    std::vector<Attribute> attrs = {stringAttr("mode", mode),
                                                    stringAttr("coordinate_transformation_mode", coord)};
                    CHECK(makeNode("Resize", 3, 1, attrs, 19),
                          {Value(randomTensor({1, 2, 5, 6}, m_rng)), Value(),
                           Value(makeTensor<float>({4}, scales))},
                          1e-4, 1e-5);
                }
        for (const char* nearest : {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil"})
            CHECK(
                makeNode("Resize", 4, 1,
                         {stringAttr("mode", "nearest"), stringAttr("nearest_mode", nearest),
                          stringAttr("coordinate_transformation_mode", "asymmetric")},
                         19),
                {Value(randomTensor({1, 3, 4, 4}, m_rng)), Value(), Value(), Value(ints({4}, {1, 3, 7, 9}))});
        CHECK(makeNode("Resize", 4, 1, {stringAttr("mode", "linear")}, 13),
              {Value(randomTensor({2, 3, 6, 6}, m_rng)), Value(), Value(), Value(ints({4}, {2, 3, 4, 9}))},
              1e-4, 1e-5);
    }

    void views() {
        const Tensor x = randomTensor({2, 3, 4}, m_rng);
        CHECK(makeNode("Reshape", 2, 1, {}, 14), {Value(x), Value(ints({2}, {6, -1}))});
        CHECK(makeNode("Flatten", 1, 1, {intAttr("axis", 2)}, 13), {Value(x)});
        CHECK(makeNode("Unsqueeze", 2, 1, {}, 13), {Value(x), Value(ints({1}, {1}))});
        CHECK(makeNode("Squeeze", 2, 1, {}, 13),
              {Value(randomTensor({2, 1, 4}, m_rng)), Value(ints({1}, {1}))});
    }

    void models_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("example_cnn") << "example_cnn";
        QTest::newRow("mobilenet_v2") << "mobilenet_v2";
        QTest::newRow("resnet18") << "resnet18";
    }
    void models() {
        QFETCH(QString, name);
        const std::filesystem::path dir = ONNXSCOPE_TEST_MODELS_DIR;
        const std::string base = name.toStdString();
        if (!std::filesystem::exists(dir / (base + ".onnx")))
            QSKIP("test model not generated");
        auto model = Model::load(dir / (base + ".onnx"));
        QVERIFY2(model.ok(), model.message().c_str());
        auto input = readNpy(dir / (base + ".input.npy"));
        QVERIFY2(input.ok(), input.message().c_str());
        std::shared_ptr<const Model> shared = std::move(model).value();

        auto cpu = Session::create(shared);
        QVERIFY2(cpu.ok(), cpu.message().c_str());
        SessionOptions options;
        options.backends = {m_backend};
        auto gpu = Session::create(shared, options);
        QVERIFY2(gpu.ok(), gpu.message().c_str());
        const std::map<std::string, Value> inputs = {{(*cpu)->inputs().at(0).name, Value(*input) }};
        auto expected = (*cpu)->runAll(inputs);
        QVERIFY2(expected.ok(), expected.message().c_str());
        m_backend->context()->resetTransferStats();
        auto actual = (*gpu)->runAll(inputs);
        QVERIFY2(actual.ok(), actual.message().c_str());
        const OpenClTransferStats transfers = m_backend->context()->transferStats();

        int onDevice = 0, fellBack = 0;
        std::set<std::string> onHost;
        for (const PlannedNode& n : (*gpu)->plan().nodes) {
            const bool device = n.backend && n.backend->name() == "opencl";
            onDevice += device;
            if (!device)
                onHost.insert(n.desc.opType);
        }
        int64_t deviceNs = 0, queueNs = 0, transferNs = 0, wallNs = 0;
        for (const NodeSample& s : (*gpu)->profiler().samples()) {
            if (s.backend == "opencl") {
                QVERIFY2(s.deviceNs >= 0 && s.queueNs >= 0 && s.transferNs >= 0, s.name.c_str());
                deviceNs += s.deviceNs;
                queueNs += s.queueNs;
                transferNs += s.transferNs;
            }
            wallNs += s.durationNs;
            fellBack += s.backend.find("fallback") != std::string::npos;
        }
        std::string hostOps;
        for (const std::string& op : onHost)
            hostOps += " " + op;
        qInfo("%s: %d of %zu nodes planned on OpenCL, %d fell back to the CPU; CPU ops:%s", base.c_str(),
              onDevice, (*gpu)->plan().nodes.size(), fellBack, hostOps.c_str());
        qInfo("%s: wall %.2f ms, device %.2f ms, queue %.2f ms, transfers %.2f ms", base.c_str(),
              wallNs / 1e6, deviceNs / 1e6, queueNs / 1e6, transferNs / 1e6);
        QVERIFY(onDevice > static_cast<int>((*gpu)->plan().nodes.size()) / 2);
        // Only values leaving the device come back: those a host node reads and the outputs.
        std::set<std::string> crossing;
        for (const PlannedNode& n : (*gpu)->plan().nodes)
            if (n.backend->name() != "opencl")
                crossing.insert(n.desc.inputs.begin(), n.desc.inputs.end());
        for (const ValueInfo& out : (*gpu)->outputs())
            crossing.insert(out.name);
        qInfo("%s: %llu downloads (%.2f MB), %llu uploads (%.2f MB); %zu values read on the host",
              base.c_str(), static_cast<unsigned long long>(transfers.downloads),
              transfers.downloadBytes / 1e6, static_cast<unsigned long long>(transfers.uploads),
              transfers.uploadBytes / 1e6, crossing.size());
        QVERIFY(transfers.downloads <= crossing.size());
        QCOMPARE(fellBack, 0);
        for (const auto& [outName, value] : *expected) {
            const Tensor& e = value.tensor;
            const Tensor& a = actual->at(outName).tensor;
            QCOMPARE(a.shape(), e.shape());
            double scale = 1.0, worst = 0.0;
            for (int64_t i = 0; i < e.elementCount(); ++i)
                scale = std::max(scale, std::fabs(e.elementAsDouble(i)));
            for (int64_t i = 0; i < e.elementCount(); ++i)
                worst = std::max(worst, std::fabs(a.elementAsDouble(i) - e.elementAsDouble(i)));
            QVERIFY2(worst <= 1e-3 * scale, (outName + ": max difference " + std::to_string(worst) +
                                             " over 1e-3 x " + std::to_string(scale))
                                                .c_str());
        }
        // The chrome trace carries the device times.
        QVERIFY((*gpu)->profiler().chromeTraceJson().find("\"device_ms\"") != std::string::npos);
    }

    // Layer comparison re-runs the first divergent node on the reference's inputs; an OpenCL
    // node's outputs come back to the host for that comparison.
    void layerCompareIsolatesDeviceNodes() {
        const std::filesystem::path dir = ONNXSCOPE_TEST_MODELS_DIR;
        if (!std::filesystem::exists(dir / "example_cnn.onnx"))
            QSKIP("test model not generated");
        auto model = Model::load(dir / "example_cnn.onnx");
        QVERIFY2(model.ok(), model.message().c_str());
        auto input = readNpy(dir / "example_cnn.input.npy");
        QVERIFY2(input.ok(), input.message().c_str());
        std::shared_ptr<const Model> shared = std::move(model).value();
        SessionOptions options;
        options.backends = {m_backend};
        auto device = Session::create(shared, options);
        QVERIFY2(device.ok(), device.message().c_str());
        const ExecutionPlan& plan = (*device)->plan();
        size_t first = 0;
        while (first < plan.nodes.size() && plan.nodes[first].desc.opType != "Conv")
            ++first;
        QVERIFY(first < plan.nodes.size());
        QCOMPARE(plan.nodes[first].backend->name(), std::string("opencl"));
        const std::string convOut = plan.nodes[first].desc.outputs[0];

        // The reference has the first Conv's output off by one everywhere, so the divergence
        // starts there and the node's own result (on the same inputs) is off by exactly one.
        options.backends.clear();
        options.keepIntermediates = true;
        auto cpu = Session::create(shared, options);
        QVERIFY2(cpu.ok(), cpu.message().c_str());
        const std::map<std::string, Value> inputs = {{ plan.inputs.at(0).name, Value(*input) }};
        QVERIFY((*cpu)->begin(inputs).ok());
        QVERIFY((*cpu)->resume().ok());
        Tensor shifted = (*cpu)->value(convOut)->tensor.clone();
        for (float& v : shifted.mutableValues<float>())
            v += 1.0f;
        auto reference = FileReference::fromValues({{ convOut, Value(shifted) }}, "shifted " + convOut);
        auto report = compareLayers(**device, inputs, *reference, {});
        QVERIFY2(report.ok(), report.message().c_str());
        QCOMPARE(report->firstDivergence, static_cast<int>(first));
        QVERIFY(report->isolation);
        QVERIFY2(report->isolation->ran(), report->isolation->error.c_str());
        QCOMPARE(report->isolation->outputs.size(), size_t(1));
        QVERIFY(report->isolation->ownError());
        QVERIFY(std::fabs(report->isolation->outputs.front().second.maxAbs - 1.0) < 1e-3);
    }
#endif
};

QTEST_GUILESS_MAIN(TestOpenClKernels)
#include "tst_opencl_kernels.moc"
