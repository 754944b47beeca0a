// Differential tests of the oneDNN fast paths against the reference kernels: Conv (1-D to 3-D,
// groups and depthwise, strides, dilations, pads, auto_pad, bias), MatMul (1-D operands, batch
// broadcasting), Gemm (transposes, alpha/beta, every C broadcast) and pooling (pads, ceil_mode,
// dilations, count_include_pad, global). Each case asserts that the fast path took the inputs
// itself (or, for the cases it must decline, that the reference ran) and that both agree.
#include "kernel_test_util.h"

#include "exec/cpu/channels_last.h"
#include "exec/cpu/dnnl_kernels.h"
#include "exec/cpu/vector_math.h"
#include "exec/fast_path.h"

using namespace onnxscope;
using namespace onnxscope::test;

namespace {

// Inputs by position, outputs kept: enough to ask a fast path whether it handles them.
class InputsContext final : public KernelContext {
public:
    explicit InputsContext(const std::vector<Value>& inputs)
        : m_inputs(inputs) {}
    int inputCount() const override { return static_cast<int>(m_inputs.size()); }
    const Value* input(int index) const override {
        return index >= 0 && index < inputCount() && !m_inputs[index].isNone() ? &m_inputs[index] : nullptr;
    }
    int outputCount() const override { return 2; }
    Tensor& allocateOutput(int, DataType type, Shape shape) override { return m_out = Tensor(type, shape); }
    void setOutput(int, Value) override {}
    int threadCount() const override { return 2; }

private:
    const std::vector<Value>& m_inputs;
    Tensor m_out;
};

// Inputs by position with the last one (a residual) offered for reuse, as a session offers a
// value at its last read; the output is kept.
class ReuseContext final : public KernelContext {
public:
    explicit ReuseContext(std::vector<Value> inputs)
        : m_inputs(std::move(inputs)) {}
    int inputCount() const override { return static_cast<int>(m_inputs.size()); }
    const Value* input(int index) const override {
        return index >= 0 && index < inputCount() && !m_inputs[index].isNone() ? &m_inputs[index] : nullptr;
    }
    int outputCount() const override { return 1; }
    Tensor& allocateOutput(int, DataType type, Shape shape) override {
        m_out = Value(Tensor(type, shape));
        return m_out.tensor;
    }
    void setOutput(int, Value value) override { m_out = std::move(value); }
    int threadCount() const override { return 2; }
    Tensor takeInputForReuse(int index) override {
        if (index != inputCount() - 1 || m_inputs[index].isNone())
            return {};
        taken = true;
        Tensor t = std::move(m_inputs[index].tensor);
        m_inputs[index] = Value();
        return t;
    }
    const Tensor& output() const { return m_out.tensor; }
    bool taken = false;

private:
    std::vector<Value> m_inputs;
    Value m_out;
};

struct Implementations {
    std::unique_ptr<Kernel> fast, reference;
};

Implementations kernelsFor(const NodeDesc& node) {
    Implementations k;
    for (const KernelDef* def : cpuRegistry().findAll(node.opType, node.domain, node.opsetVersion)) {
        auto kernel = def->create(node);
        if (!kernel.ok())
            continue;
        if (def->implementation == "dnnl" && !k.fast)
            k.fast = std::move(kernel).value();
        else if (def->implementation == "reference" && !k.reference)
            k.reference = std::move(kernel).value();
    }
    return k;
}

// Outputs of the node's reference kernel (the registry would pick the fast path under test).
Result<std::vector<Value>> runReference(const NodeDesc& node, const std::vector<Value>& inputs, int threads) {
    const Implementations k = kernelsFor(node);
    if (!k.reference)
        return Status::error(node.opType + ": no reference kernel");
    return runKernel(*k.reference, node, inputs, threads);
}

// A padded 3x3 Conv with a residual input, and Relu(Conv(x, w, b) + residual) by the reference
// kernel: what the Conv with Sum and Relu post-ops must give.
struct ResidualReluCase {
    NodeDesc conv = makeNode("Conv", 3, 1, {intsAttr("pads", {1, 1, 1, 1})}, 11);
    Tensor x, w, b, residual, expected;
};

Result<ResidualReluCase> residualReluCase(unsigned seed, int64_t channels, int64_t height, int64_t width) {
    std::mt19937 rng(seed);
    ResidualReluCase c;
    c.x = randomTensor({1, channels, height, width}, rng);
    c.w = randomTensor({channels, channels, 3, 3}, rng);
    c.b = randomTensor({channels}, rng);
    c.residual = randomTensor({1, channels, height, width}, rng);
    OS_ASSIGN_OR_RETURN(auto outputs, runReference(c.conv, {c.x, c.w, c.b}, 2));
    c.expected = outputs[0].tensor.clone();
    float* e = c.expected.data<float>();
    for (int64_t i = 0; i < c.expected.elementCount(); ++i)
        e[i] = std::max(e[i] + c.residual.data<float>()[i], 0.0f);
    return c;
}

enum class Expect { FastPath, Reference };

// Runs node through the fast path and the reference on the same inputs and compares.
void differential(const NodeDesc& node, const std::vector<Value>& inputs, Expect expect = Expect::FastPath,
                  double tolerance = 1e-4) {
    Implementations k = kernelsFor(node);
    QVERIFY2(k.fast && k.reference, node.opType.c_str());
    auto* fast = dynamic_cast<FastPathKernel*>(k.fast.get());
    QVERIFY(fast);
    InputsContext probe(inputs);
    QCOMPARE(fast->handles(probe), expect == Expect::FastPath);
    for (int threads : {1, 2}) {
        auto expected = runKernel(*k.reference, node, inputs, threads);
        auto actual = runKernel(*k.fast, node, inputs, threads);
        QVERIFY2(expected.ok(), expected.message().c_str());
        QVERIFY2(actual.ok(), actual.message().c_str());
        double magnitude = 0;
        for (int64_t i = 0; i < (*expected)[0].tensor.elementCount(); ++i)
            magnitude = std::max(magnitude, std::fabs((*expected)[0].tensor.elementAsDouble(i)));
        OS_COMPARE_TENSORS((*actual)[0].tensor, (*expected)[0].tensor, tolerance,
                           tolerance * (1 + magnitude));
    }
}

// The fast path against the reference on a MatMul or Gemm of one row, with B bound as a constant
// or not, and whether it took the matrix-vector route.
void expectVectorProduct(const NodeDesc& node, const std::vector<Value>& inputs, bool constantB,
                         bool vectorRoute, const std::string& what) {
    Implementations k = kernelsFor(node);
    auto* fast = dynamic_cast<FastPathKernel*>(k.fast.get());
    QVERIFY2(fast && k.reference, what.c_str());
    if (constantB)
        fast->bindConstantInput(1, inputs[1].tensor);
    InputsContext probe(inputs);
    QVERIFY2(fast->handles(probe), what.c_str());
    QVERIFY2((fast->implementation(probe) == "matrix-vector") == vectorRoute, what.c_str());
    for (int threads : {1, 2}) {
        auto expected = runKernel(*k.reference, node, inputs, threads);
        auto actual = runKernel(*fast, node, inputs, threads);
        QVERIFY2(expected.ok() && actual.ok(), what.c_str());
        OS_COMPARE_TENSORS((*actual)[0].tensor, (*expected)[0].tensor, 1e-4, 1e-4);
    }
}

std::string describe(const std::vector<Attribute>& attrs, const Shape& x) {
    std::string s = "x" + shapeToString(x);
    for (const Attribute& a : attrs) {
        s += " " + a.name + "=";
        if (a.type == Attribute::Type::Ints)
            s += shapeToString(a.ints);
        else if (a.type == Attribute::Type::String)
            s += a.s;
        else
            s += std::to_string(a.i);
    }
    return s;
}

} // namespace

class TestDnnlKernels : public QObject {
    Q_OBJECT
private slots:
    void init() {
        if (!dnnlAvailable())
            QSKIP("built without oneDNN");
    }

    void convSweep2d() {
        std::mt19937 rng(1);
        int cases = 0;
        for (int64_t group : {1, 2, 8})
            for (int64_t stride : {1, 2})
                for (int64_t dilation : {1, 2})
                    for (auto pads :
                         std::vector<std::vector<int64_t>>{{0, 0, 0, 0}, {1, 1, 1, 1}, {0, 1, 2, 1}})
                        for (bool bias : {false, true}) {
                            const int64_t c = 8, m = group == 8 ? 8 : 6;
                            const Shape x{2, c, 9, 11}, w{m, c / group, 3, 3};
                            std::vector<Attribute> attrs{
                                intAttr("group", group), intsAttr("strides", {stride, stride}),
                                intsAttr("dilations", {dilation, dilation}), intsAttr("pads", pads)};
                            std::vector<Value> in{randomTensor(x, rng), randomTensor(w, rng)};
                            if (bias)
                                in.emplace_back(randomTensor({m}, rng));
                            const std::string what = describe(attrs, x);
                            differential(makeNode("Conv", bias ? 3 : 2, 1, attrs, 11), in);
                            if (QTest::currentTestFailed())
                                QFAIL(what.c_str());
                            ++cases;
                        }
        QCOMPARE(cases, 72);
    }

    void convAutoPadAndRanks() {
        std::mt19937 rng(2);
        for (const char* autoPad : {"SAME_UPPER", "SAME_LOWER", "VALID"})
            for (int64_t stride : {1, 2, 3}) {
                std::vector<Attribute> attrs{stringAttr("auto_pad", autoPad),
                                             intsAttr("strides", {stride, stride})};
                differential(makeNode("Conv", 2, 1, attrs, 11),
                             {randomTensor({1, 4, 10, 7}, rng), randomTensor({5, 4, 3, 2}, rng)});
                if (QTest::currentTestFailed())
                    QFAIL(describe(attrs, {1, 4, 10, 7}).c_str());
            }
        // 1-D and 3-D, with groups and dilations.
        differential(makeNode("Conv", 3, 1,
                              {intAttr("group", 2), intsAttr("dilations", {2}), intsAttr("pads", {1, 2})}),
                     {randomTensor({2, 4, 20}, rng), randomTensor({6, 2, 3}, rng), randomTensor({6}, rng)});
        differential(
            makeNode("Conv", 2, 1, {intsAttr("strides", {1, 2, 2}), intsAttr("pads", {1, 0, 1, 1, 1, 0})}),
            {randomTensor({1, 3, 5, 8, 6}, rng), randomTensor({4, 3, 3, 3, 2}, rng)});
        // Depthwise 3x3 stride 2, as in MobileNet; a pointwise conv with many channels.
        differential(
            makeNode("Conv", 3, 1,
                     {intAttr("group", 32), intsAttr("strides", {2, 2}), intsAttr("pads", {1, 1, 1, 1})}),
            {randomTensor({1, 32, 28, 28}, rng), randomTensor({32, 1, 3, 3}, rng), randomTensor({32}, rng)});
        differential(makeNode("Conv", 2, 1, {}),
                     {randomTensor({1, 96, 14, 14}, rng), randomTensor({128, 96, 1, 1}, rng)});
    }

    void convTransposeSweep() {
        // Groups, strides, dilations, pads and output_padding in 2-D; output_shape, auto_pad,
        // 1-D and 3-D below. W is [C_in, C_out / group, k...].
        std::mt19937 rng(19);
        int cases = 0;
        for (int64_t group : {1, 2})
            for (int64_t stride : {1, 2})
                for (int64_t dilation : {1, 2})
                    for (auto pads :
                         std::vector<std::vector<int64_t>>{{0, 0, 0, 0}, {1, 1, 1, 1}, {0, 1, 2, 1}})
                        for (int64_t outputPadding : {0, 1}) {
                            if (outputPadding >= stride && outputPadding >= dilation)
                                continue; // ONNX requires output_padding below stride or dilation
                            const Shape x{2, 4, 5, 6}, w{4, 6 / group, 3, 3};
                            std::vector<Attribute> attrs{
                                intAttr("group", group), intsAttr("strides", {stride, stride}),
                                intsAttr("dilations", {dilation, dilation}), intsAttr("pads", pads),
                                intsAttr("output_padding", {outputPadding, outputPadding})};
                            // Output padding past the end pads is left to the reference.
                            const bool fast = outputPadding <= std::min(pads[2], pads[3]);
                            differential(makeNode("ConvTranspose", 3, 1, attrs, 11),
                                         {randomTensor(x, rng), randomTensor(w, rng), randomTensor({6}, rng)},
                                         fast ? Expect::FastPath : Expect::Reference);
                            if (QTest::currentTestFailed())
                                QFAIL(describe(attrs, x).c_str());
                            ++cases;
                        }
        QCOMPARE(cases, 42);
        for (const char* autoPad : {"SAME_UPPER", "SAME_LOWER"})
            differential(makeNode("ConvTranspose", 2, 1,
                                  {stringAttr("auto_pad", autoPad), intsAttr("strides", {2, 2})}, 11),
                         {randomTensor({1, 3, 7, 5}, rng), randomTensor({3, 4, 3, 3}, rng)});
        for (const auto& [outputShape, expect] : std::vector<std::pair<std::vector<int64_t>, Expect>>{
                 {{16, 12}, Expect::FastPath}, {{17, 13}, Expect::Reference}}) {
            // 17 x 13 is one row and column past the full result: output padding.
            differential(makeNode("ConvTranspose", 2, 1,
                                  {intsAttr("strides", {2, 2}), intsAttr("output_shape", outputShape)}, 11),
                         {randomTensor({1, 3, 7, 5}, rng), randomTensor({3, 4, 4, 4}, rng)}, expect);
        }
        differential(
            makeNode("ConvTranspose", 3, 1, {intsAttr("strides", {3}), intsAttr("pads", {1, 2})}, 11),
            {randomTensor({2, 4, 9}, rng), randomTensor({4, 5, 4}, rng), randomTensor({5}, rng)});
        differential(
            makeNode("ConvTranspose", 2, 1, {intsAttr("strides", {2, 1, 2}), intAttr("group", 2)}, 11),
            {randomTensor({1, 4, 3, 4, 5}, rng), randomTensor({4, 3, 2, 3, 2}, rng)});
        // Constant weights are packed once and give what weights passed each run give.
        const NodeDesc node = makeNode("ConvTranspose", 2, 1, {intsAttr("strides", {2, 2})}, 11);
        Implementations k = kernelsFor(node);
        const Tensor w = randomTensor({8, 4, 2, 2}, rng);
        dynamic_cast<FastPathKernel*>(k.fast.get())->bindConstantInput(1, w);
        for (int run = 0; run < 2; ++run) {
            const std::vector<Value> in{randomTensor({1, 8, 6, 6}, rng), w};
            auto expected = runKernel(*k.reference, node, in, 2);
            auto actual = runKernel(*k.fast, node, in, 2);
            QVERIFY(expected.ok() && actual.ok());
            OS_COMPARE_TENSORS((*actual)[0].tensor, (*expected)[0].tensor, 1e-4, 1e-4);
        }
    }

    void convDeclinesWhatItCannotRunExactly() {
        std::mt19937 rng(3);
        // Double precision and 4-D spatial (rank 6) stay on the reference.
        Tensor xd(DataType::Double, {1, 2, 5, 5}), wd(DataType::Double, {3, 2, 3, 3});
        for (int64_t i = 0; i < xd.elementCount(); ++i)
            xd.data<double>()[i] = 0.1 * static_cast<double>(i % 7);
        for (int64_t i = 0; i < wd.elementCount(); ++i)
            wd.data<double>()[i] = 0.2 * static_cast<double>(i % 5) - 0.3;
        differential(makeNode("Conv", 2, 1), {xd, wd}, Expect::Reference);
        differential(makeNode("Conv", 2, 1),
                     {randomTensor({1, 2, 3, 3, 3, 3}, rng), randomTensor({2, 2, 2, 2, 2, 2}, rng)},
                     Expect::Reference);
    }

    void matMulBroadcasting() {
        std::mt19937 rng(4);
        const std::vector<std::pair<Shape, Shape>> shapes{{{5, 7}, {7, 3}},
                                                          {{7}, {7, 4}},
                                                          {{6, 7}, {7}},
                                                          {{2, 3, 5, 7}, {7, 4}},
                                                          {{5, 7}, {2, 7, 4}},
                                                          {{2, 1, 5, 7}, {1, 3, 7, 4}},
                                                          {{1, 5, 7}, {4, 1, 7, 6}},
                                                          {{3, 64, 32}, {3, 32, 64}},
                                                          {{1, 128, 256}, {256, 1024}},
                                                          {{16, 1, 32}, {32, 48}}};
        for (const auto& [a, b] : shapes) {
            differential(makeNode("MatMul", 2, 1, {}, 13), {randomTensor(a, rng), randomTensor(b, rng)});
            if (QTest::currentTestFailed())
                QFAIL((shapeToString(a) + " x " + shapeToString(b)).c_str());
        }
    }

    void gemmAttributesAndBias() {
        std::mt19937 rng(5);
        const int64_t M = 6, K = 5, N = 4;
        for (int transA : {0, 1})
            for (int transB : {0, 1})
                for (const Shape& c : std::vector<Shape>{{}, {N}, {1, N}, {M, 1}, {M, N}, {1}}) {
                    std::vector<Value> in{randomTensor(transA ? Shape{K, M} : Shape{M, K}, rng),
                                          randomTensor(transB ? Shape{N, K} : Shape{K, N}, rng)};
                    if (!c.empty())
                        in.emplace_back(randomTensor(c, rng));
                    differential(makeNode("Gemm", static_cast<int>(in.size()), 1,
                                          {intAttr("transA", transA), intAttr("transB", transB)}, 13),
                                 in);
                    if (QTest::currentTestFailed())
                        QFAIL(("C" + shapeToString(c)).c_str());
                }
        // alpha alone is an output scale; alpha or beta other than 1 with C go to the reference.
        differential(makeNode("Gemm", 2, 1, {floatAttr("alpha", 0.5f)}, 13),
                     {randomTensor({M, K}, rng), randomTensor({K, N}, rng)});
        differential(makeNode("Gemm", 3, 1, {floatAttr("alpha", 0.5f), floatAttr("beta", 2.0f)}, 13),
                     {randomTensor({M, K}, rng), randomTensor({K, N}, rng), randomTensor({N}, rng)},
                     Expect::Reference);
        differential(makeNode("Gemm", 3, 1, {floatAttr("beta", 0.0f)}, 13),
                     {randomTensor({M, K}, rng), randomTensor({K, N}, rng), randomTensor({M, N}, rng)});
    }

    void vectorProductsMatchTheReference() {
        // One row of A against B's columns read as rows: under transB, or a constant B
        // transposed once. K = 37 leaves a partial vector; 1280 x 1000 splits over threads.
        std::mt19937 rng(17);
        struct Case {
            int64_t k, n;
            int transA, transB;
            Shape c;
            float alpha, beta;
            bool constantB;
        };
        std::vector<Case> cases;
        for (int transA : {0, 1})
            for (int transB : {0, 1})
                for (bool constantB : {false, true})
                    for (const Shape& c : std::vector<Shape>{{}, {29}, {1, 29}, {1}})
                        cases.push_back({37, 29, transA, transB, c, 1.0f, 1.0f, constantB});
        cases.push_back({37, 29, 0, 1, {}, 0.5f, 1.0f, false});
        cases.push_back({37, 29, 0, 1, {1, 29}, 1.0f, 0.0f, false});
        cases.push_back({37, 29, 0, 1, {29}, 0.5f, 2.0f, false});
        cases.push_back({37, 29, 1, 0, {1}, 0.5f, 2.0f, true});
        cases.push_back({1280, 1000, 0, 1, {1000}, 1.0f, 1.0f, true});
        for (const Case& t : cases) {
            const NodeDesc gemm = makeNode("Gemm", t.c.empty() ? 2 : 3, 1,
                                           {intAttr("transA", t.transA), intAttr("transB", t.transB),
                                            floatAttr("alpha", t.alpha), floatAttr("beta", t.beta)},
                                           13);
            const Tensor b = randomTensor(t.transB ? Shape{t.n, t.k} : Shape{t.k, t.n}, rng);
            std::vector<Value> in{randomTensor(t.transA ? Shape{t.k, 1} : Shape{1, t.k}, rng), b};
            if (!t.c.empty())
                in.emplace_back(randomTensor(t.c, rng));
            const std::string what = "transA=" + std::to_string(t.transA) +
                                     " transB=" + std::to_string(t.transB) + " C" + shapeToString(t.c) +
                                     (t.constantB ? " constant B" : "");
            expectVectorProduct(gemm, in, t.constantB, t.transB || t.constantB, what);
            if (QTest::currentTestFailed())
                return;
        }
        // MatMul of a vector (or [1, 1, K]) by a constant [K, N], with a fused addend.
        const NodeDesc mm = makeNode("MatMul", 2, 1, {}, 13);
        for (const Shape& a : std::vector<Shape>{{37}, {1, 1, 37}}) {
            std::vector<Value> in{randomTensor(a, rng), randomTensor({37, 29}, rng)};
            expectVectorProduct(mm, in, true, true, "MatMul " + shapeToString(a));
            for (const Shape& addend : std::vector<Shape>{{29}, {}}) {
                auto product = runReference(mm, in, 1);
                QVERIFY(product.ok());
                const Tensor add = randomTensor(addend, rng);
                auto expected =
                    runNode(cpuRegistry(), makeNode("Add", 2, 1, {}, 14), {(*product)[0], add}, 1);
                auto fused = makeDnnlMatMul(mm, true);
                fused->bindConstantInput(1, in[1].tensor);
                std::vector<Value> withAddend{in[0], in[1], Value(), add};
                InputsContext probe(withAddend);
                QCOMPARE(fused->implementation(probe), std::string("matrix-vector"));
                auto actual = runKernel(*fused, mm, withAddend, 2);
                QVERIFY(expected.ok() && actual.ok());
                OS_COMPARE_TENSORS((*actual)[0].tensor, (*expected)[0].tensor, 1e-5, 1e-5);
            }
        }
    }

    void poolingSweep() {
        std::mt19937 rng(6);
        for (const char* op : {"MaxPool", "AveragePool"})
            for (int64_t stride : {1, 2})
                for (auto pads : std::vector<std::vector<int64_t>>{{0, 0, 0, 0}, {1, 1, 1, 1}, {0, 1, 1, 0}})
                    for (int64_t ceil : {0, 1})
                        for (int64_t includePad : {0, 1}) {
                            std::vector<Attribute> attrs{intsAttr("kernel_shape", {3, 2}),
                                                         intsAttr("strides", {stride, stride}),
                                                         intsAttr("pads", pads), intAttr("ceil_mode", ceil),
                                                         intAttr("count_include_pad", includePad)};
                            const Shape x{2, 3, 9, 8};
                            // Averages counting padding decline where ceil_mode adds padding the
                            // attributes do not list.
                            Implementations k = kernelsFor(makeNode(op, 1, 1, attrs, 19));
                            std::vector<Value> in{randomTensor(x, rng)};
                            InputsContext probe(in);
                            const bool handled = dynamic_cast<FastPathKernel*>(k.fast.get())->handles(probe);
                            if (std::string(op) == "MaxPool" || !includePad)
                                QVERIFY2(handled, describe(attrs, x).c_str());
                            differential(makeNode(op, 1, 1, attrs, 19), in,
                                         handled ? Expect::FastPath : Expect::Reference);
                            if (QTest::currentTestFailed())
                                QFAIL((std::string(op) + " " + describe(attrs, x)).c_str());
                        }
        differential(
            makeNode("MaxPool", 1, 1, {intsAttr("kernel_shape", {2, 2}), intsAttr("dilations", {2, 2})}, 12),
            {randomTensor({1, 2, 7, 7}, rng)});
        differential(makeNode("AveragePool", 1, 1,
                              {intsAttr("kernel_shape", {3}), stringAttr("auto_pad", "SAME_UPPER"),
                               intsAttr("strides", {2})},
                              11),
                     {randomTensor({1, 4, 11}, rng)});
        differential(makeNode("MaxPool", 1, 1,
                              {intsAttr("kernel_shape", {2, 2, 2}), intsAttr("strides", {2, 2, 2})}, 12),
                     {randomTensor({1, 2, 4, 6, 5}, rng)});
        for (const Shape& x : std::vector<Shape>{{1, 8, 7, 7}, {2, 3, 10}, {1, 2, 3, 4, 5}})
            differential(makeNode("GlobalAveragePool", 1, 1), {randomTensor(x, rng)});
    }

    void maxPoolIndicesStayOnTheReference() {
        NodeDesc node = makeNode("MaxPool", 1, 2, {intsAttr("kernel_shape", {2, 2})}, 12);
        const KernelDef* def = cpuRegistry().find(node);
        QVERIFY(def);
        QCOMPARE(def->implementation, std::string("reference"));
        node.outputs.resize(1);
        QCOMPARE(cpuRegistry().find(node)->implementation, std::string("dnnl"));
        std::mt19937 rng(7);
        auto out = run(makeNode("MaxPool", 1, 2, {intsAttr("kernel_shape", {2, 2})}, 12),
                       {randomTensor({1, 1, 4, 4}, rng)});
        QCOMPARE(out.size(), size_t(2));
        QCOMPARE(out[1].tensor.dataType(), DataType::Int64);
    }

    void constantWeightsArePackedOnce() {
        std::mt19937 rng(8);
        const NodeDesc conv = makeNode("Conv", 3, 1, {intsAttr("pads", {1, 1, 1, 1})}, 11);
        Implementations k = kernelsFor(conv);
        auto* fast = dynamic_cast<FastPathKernel*>(k.fast.get());
        Tensor w = randomTensor({16, 16, 3, 3}, rng), b = randomTensor({16}, rng);
        fast->bindConstantInput(1, w);
        fast->bindConstantInput(2, b);
        for (int run = 0; run < 3; ++run) {
            std::vector<Value> in{randomTensor({1, 16, 12, 12}, rng), w, b};
            auto expected = runKernel(*k.reference, conv, in, 2);
            auto actual = runKernel(*k.fast, conv, in, 2);
            QVERIFY(expected.ok() && actual.ok());
            OS_COMPARE_TENSORS((*actual)[0].tensor, (*expected)[0].tensor, 1e-4, 1e-4);
        }
        // A MatMul whose constant B is packed, against the same B passed each run.
        const NodeDesc mm = makeNode("MatMul", 2, 1, {}, 13);
        Implementations m = kernelsFor(mm);
        Tensor bm = randomTensor({64, 48}, rng);
        dynamic_cast<FastPathKernel*>(m.fast.get())->bindConstantInput(1, bm);
        for (int run = 0; run < 2; ++run) {
            std::vector<Value> in{randomTensor({2, 10, 64}, rng), bm};
            auto expected = runKernel(*m.reference, mm, in, 2);
            auto actual = runKernel(*m.fast, mm, in, 2);
            QVERIFY(expected.ok() && actual.ok());
            OS_COMPARE_TENSORS((*actual)[0].tensor, (*expected)[0].tensor, 1e-4, 1e-4);
        }
    }

    void fusedAddendOnBatchedRowsMatchesMatMulThenAdd() {
        // [S, 1, K] x [K, N] runs as one [S, K] GEMM when the addend varies along N only; a
        // per-row addend keeps the batched form. Both must equal MatMul then Add.
        std::mt19937 rng(12);
        const NodeDesc mm = makeNode("MatMul", 2, 1, {}, 13);
        for (const Shape& addShape : std::vector<Shape>{{6}, {1, 1, 6}, {4, 1, 6}, {}}) {
            Tensor a = randomTensor({4, 1, 5}, rng), b = randomTensor({5, 6}, rng);
            Tensor addend = randomTensor(addShape, rng);
            auto product = runNode(cpuRegistry(), mm, {a, b}, 2);
            QVERIFY(product.ok());
            auto expected = runNode(cpuRegistry(), makeNode("Add", 2, 1, {}, 14), {(*product)[0], addend}, 2);
            auto fast = makeDnnlMatMul(mm, true);
            QVERIFY(fast);
            std::vector<Value> in{a, b, Value(), addend};
            auto actual = runKernel(*fast, mm, in, 2);
            QVERIFY(expected.ok() && actual.ok());
            OS_COMPARE_TENSORS((*actual)[0].tensor, (*expected)[0].tensor, 1e-5, 1e-5);
        }
    }

    void fusedPostOpsMatchTheUnfusedOps() {
        std::mt19937 rng(9);
        const NodeDesc conv =
            makeNode("Conv", 3, 1, {intsAttr("pads", {1, 1, 1, 1}), intAttr("group", 2)}, 11);
        const Shape x{1, 8, 10, 10};
        Tensor in = randomTensor(x, rng), w = randomTensor({8, 4, 3, 3}, rng), b = randomTensor({8}, rng);
        Tensor residual = randomTensor(x, rng);
        auto reference = runNode(cpuRegistry(), conv, {in, w, b}, 2);
        QVERIFY(reference.ok());
        Tensor expected = (*reference)[0].tensor.clone();
        float* e = expected.data<float>();
        for (int64_t i = 0; i < expected.elementCount(); ++i)
            e[i] = std::min(std::max(e[i] + residual.data<float>()[i], 0.0f), 0.5f);
        auto fused = makeDnnlConv(conv, {{PostOp::Kind::Sum}, {PostOp::Kind::Clip, 0.0f, 0.5f}});
        std::vector<Value> inputs{in, w, b, residual};
        InputsContext probe(inputs);
        QVERIFY(fused->handles(probe));
        auto actual = runKernel(*fused, conv, inputs, 2);
        QVERIFY2(actual.ok(), actual.message().c_str());
        OS_COMPARE_TENSORS((*actual)[0].tensor, expected, 1e-4, 1e-4);
        // A residual of another shape is declined (the fused group then runs unfused).
        std::vector<Value> broadcast{in, w, b, randomTensor({8, 1, 1}, rng)};
        InputsContext probeBroadcast(broadcast);
        QVERIFY(!fused->handles(probeBroadcast));
    }

    void channelsLastActivationsMatchTheReference() {
        std::mt19937 rng(10);
        const NodeDesc conv =
            makeNode("Conv", 3, 1, {intsAttr("pads", {1, 1, 1, 1}), intAttr("group", 4)}, 11);
        Tensor x = randomTensor({2, 8, 9, 7}, rng), w = randomTensor({8, 2, 3, 3}, rng),
               b = randomTensor({8}, rng);
        Tensor residual = randomTensor({2, 8, 9, 7}, rng);
        auto reference = runNode(cpuRegistry(), conv, {x, w, b}, 2);
        QVERIFY(reference.ok());
        Tensor expected = (*reference)[0].tensor.clone();
        for (int64_t i = 0; i < expected.elementCount(); ++i)
            expected.data<float>()[i] += residual.data<float>()[i];
        // Every combination of source, residual and destination layouts.
        for (int mask = 0; mask < 8; ++mask) {
            const ChannelsLast layout{(mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0};
            auto fused = makeDnnlConv(conv, {{PostOp::Kind::Sum}}, layout);
            std::vector<Value> in{layout.src ? toChannelsLast(x) : x, w, b,
                                  layout.residual ? toChannelsLast(residual) : residual};
            InputsContext probe(in);
            QVERIFY(fused->handles(probe));
            auto actual = runKernel(*fused, conv, in, 2);
            QVERIFY2(actual.ok(), actual.message().c_str());
            const Tensor y = layout.dst ? fromChannelsLast((*actual)[0].tensor) : (*actual)[0].tensor;
            OS_COMPARE_TENSORS(y, expected, 1e-4, 1e-4);
        }
        const NodeDesc pool =
            makeNode("MaxPool", 1, 1, {intsAttr("kernel_shape", {3, 3}), intsAttr("strides", {2, 2})}, 12);
        auto expectedPool = runNode(cpuRegistry(), pool, {x}, 2);
        auto fastPool = makeDnnlPool(pool, {true, false, true});
        auto actualPool = runKernel(*fastPool, pool, {toChannelsLast(x)}, 2);
        QVERIFY(expectedPool.ok() && actualPool.ok());
        OS_COMPARE_TENSORS(fromChannelsLast((*actualPool)[0].tensor), (*expectedPool)[0].tensor, 1e-6, 1e-6);
        QVERIFY(!makeDnnlPool(pool, {true, false, false})); // pools keep their source's layout
    }

    void onePixelConvolutionsMatchTheReferenceWithEveryPostOp() {
        // Squeeze-and-excitation's fully connected layers: a 1x1 kernel over a 1x1 input, which
        // the fast path computes as a matrix-vector product.
        std::mt19937 rng(14);
        const NodeDesc conv = makeNode("Conv", 3, 1, {}, 11);
        const Tensor x = randomTensor({1, 40, 1, 1}, rng), w = randomTensor({24, 40, 1, 1}, rng),
                     b = randomTensor({24}, rng), residual = randomTensor({1, 24, 1, 1}, rng);
        auto reference = runReference(conv, {x, w, b}, 1);
        QVERIFY2(reference.ok(), reference.message().c_str());
        const std::vector<std::vector<PostOp>> chains{
            {},
            {{PostOp::Kind::Sum}, {PostOp::Kind::Clip, -0.5f, 0.5f}},
            {{PostOp::Kind::Swish}},
            {{PostOp::Kind::LeakyRelu, 0.1f}, {PostOp::Kind::Sigmoid}},
            {{PostOp::Kind::Relu}, {PostOp::Kind::Tanh}}};
        for (const auto& chain : chains) {
            Tensor expected = (*reference)[0].tensor.clone();
            for (int64_t i = 0; i < expected.elementCount(); ++i) {
                float& v = expected.data<float>()[i];
                for (const PostOp& op : chain) {
                    switch (op.kind) {
                    case PostOp::Kind::Sum:
                        v += residual.data<float>()[i];
                        break;
                    case PostOp::Kind::Relu:
                        v = std::max(v, 0.0f);
                        break;
                    case PostOp::Kind::LeakyRelu:
                        v = v < 0 ? op.alpha * v : v;
                        break;
                    case PostOp::Kind::Clip:
                        v = std::min(std::max(v, op.alpha), op.beta);
                        break;
                    case PostOp::Kind::Sigmoid:
                        v = 1.0f / (1.0f + std::exp(-v));
                        break;
                    case PostOp::Kind::Tanh:
                        v = std::tanh(v);
                        break;
                    case PostOp::Kind::Swish:
                        v = v / (1.0f + std::exp(-v));
                        break;
                    }
                }
            }
            for (bool channelsLast : {false, true}) {
                auto fused = makeDnnlConv(conv, chain, {channelsLast, channelsLast, channelsLast});
                fused->bindConstantInput(1, w);
                std::vector<Value> in{x, w, b, residual};
                auto actual = runKernel(*fused, conv, in, 2);
                QVERIFY2(actual.ok(), actual.message().c_str());
                OS_COMPARE_TENSORS((*actual)[0].tensor, expected, 1e-5, 1e-5);
            }
        }
    }

    void residualSumWritesIntoTheResidualWhenOffered() {
        auto made = residualReluCase(12, 8, 9, 7);
        QVERIFY2(made.ok(), made.message().c_str());
        const auto& [conv, x, w, b, residual, expected] = *made;
        // Taken exactly where the residual has the output's layout and oneDNN writes that layout
        // itself. Which layout oneDNN computes in depends on the CPU (with AVX-512 it writes
        // channels-last in place; capped to AVX2 it may compute blocked and reorder), so the
        // test asks the kernel what oneDNN chose instead of assuming it.
        int takenCount = 0;
        for (int mask = 0; mask < 8; ++mask) {
            const ChannelsLast layout{(mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0};
            auto fused = makeDnnlConv(conv, {{PostOp::Kind::Sum}, {PostOp::Kind::Relu}}, layout);
            Tensor offered = layout.residual ? toChannelsLast(residual) : residual.clone();
            const void* address = offered.rawData();
            ReuseContext ctx({layout.src ? toChannelsLast(x) : x, w, b, std::move(offered)});
            QVERIFY(fused->handles(ctx));
            const std::string implementation = fused->implementation(ctx);
            const bool reordered = implementation.find(kReorderedOutput) != std::string::npos;
            const Status status = fused->compute(ctx);
            QVERIFY2(status.ok(), status.message().c_str());
            const bool inPlace = layout.residual && layout.dst && !reordered;
            QVERIFY2(ctx.taken == inPlace, implementation.c_str());
            takenCount += ctx.taken;
            QCOMPARE(ctx.output().rawData() == address, inPlace);
            const Tensor y = layout.dst ? fromChannelsLast(ctx.output()) : ctx.output();
            OS_COMPARE_TENSORS(y, expected, 1e-4, 1e-4);
        }
        qInfo("residual taken over in place in %d of 8 layouts", takenCount);
    }

    void winogradConvolutionsMatchTheReference() {
        // Large enough for Winograd (a 3x3 stride-1 convolution of 29 million multiply-adds),
        // in every combination of layouts, with a residual sum and an activation after it.
        auto made = residualReluCase(15, 64, 28, 28);
        QVERIFY2(made.ok(), made.message().c_str());
        const auto& [conv, x, w, b, residual, expected] = *made;
        const float magnitude =
            *std::max_element(expected.data<float>(), expected.data<float>() + expected.elementCount());
        for (int mask = 0; mask < 8; ++mask) {
            const ChannelsLast layout{(mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0};
            auto fused = makeDnnlConv(conv, {{PostOp::Kind::Sum}, {PostOp::Kind::Relu}}, layout);
            fused->bindConstantInput(1, w);
            std::vector<Value> in{layout.src ? toChannelsLast(x) : x, w, b,
                                  layout.residual ? toChannelsLast(residual) : residual};
            InputsContext probe(in);
            QVERIFY(fused->handles(probe));
            // Whether oneDNN has a Winograd kernel depends on the CPU (2.6 has them for AVX-512
            // only); where it has none the direct one runs. Either must give these numbers.
            auto actual = runKernel(*fused, conv, in, 2);
            QVERIFY2(actual.ok(), actual.message().c_str());
            const Tensor y = layout.dst ? fromChannelsLast((*actual)[0].tensor) : (*actual)[0].tensor;
            OS_COMPARE_TENSORS(y, expected, 1e-5 * magnitude, 1e-5 * magnitude);
        }
        // Below the size where it pays, and strided, the direct convolution runs.
        std::mt19937 rng(16);
        const NodeDesc strided =
            makeNode("Conv", 3, 1, {intsAttr("pads", {1, 1, 1, 1}), intsAttr("strides", {2, 2})}, 11);
        for (const auto& [node, input] : std::vector<std::pair<NodeDesc, Tensor>>{
                 {conv, randomTensor({1, 64, 7, 7}, rng)}, {strided, x}}) {
            auto kernel = makeDnnlConv(node, {});
            std::vector<Value> in{input, w, b};
            InputsContext probe(in);
            QVERIFY(kernel->handles(probe));
            QVERIFY(kernel->implementation(probe).find("wino") == std::string::npos);
            differential(node, in);
        }
    }

    void channelBinaryMatchesTheReferenceInBothLayouts() {
        std::mt19937 rng(12);
        // The last four are blocked in blocked mode (28x28 pixels or more, channels a multiple of 8).
        const std::vector<Shape> activations{{1, 8, 5, 5},    {2, 6, 4, 3},      {2, 5, 3, 2, 2},
                                             {1, 16, 1, 1},   {3, 4, 7},         {1, 16, 28, 29},
                                             {2, 24, 28, 28}, {2, 16, 7, 8, 14}, {1, 16, 48, 48}};
        for (const char* op : {"Mul", "Add"}) {
            const NodeDesc node = makeNode(op, 2, 1, {}, 14);
            for (const Shape& shape : activations) {
                Shape perBatch(shape.size(), 1), shared(shape.size(), 1);
                perBatch[0] = shape[0];
                perBatch[1] = shared[1] = shape[1];
                for (const Shape& operandShape : {perBatch, shared, shape}) {
                    Tensor x = randomTensor(shape, rng), operand = randomTensor(operandShape, rng);
                    for (bool operandFirst : {false, true}) {
                        const std::vector<Value> plain =
                            operandFirst ? std::vector<Value>{operand, x} : std::vector<Value>{x, operand};
                        auto expected = runNode(cpuRegistry(), node, plain, 2);
                        QVERIFY(expected.ok());
                        for (int mode = 0; mode < 3; ++mode) {
                            const bool channelsLast = mode > 0, blocked = mode == 2;
                            const std::string what =
                                std::string(op) + " x" + shapeToString(shape) + " operand" +
                                shapeToString(operandShape) + (operandFirst ? " first" : " second") +
                                (channelsLast ? " channels-last" : "") + (blocked ? " blocked" : "");
                            auto fast =
                                makeDnnlChannelBinary(node, {channelsLast, false, channelsLast, blocked});
                            QVERIFY(fast);
                            std::vector<Value> in;
                            for (const Value& v : plain)
                                in.push_back(channelsLast ? toChannelsLast(v.tensor, blocked) : v.tensor);
                            InputsContext probe(in);
                            QVERIFY2(fast->handles(probe), what.c_str());
                            for (int threads : {1, 2}) {
                                auto actual = runKernel(*fast, node, in, threads);
                                QVERIFY2(actual.ok(), actual.message().c_str());
                                const Tensor& y = (*actual)[0].tensor;
                                OS_COMPARE_TENSORS(channelsLast ? fromChannelsLast(y, blocked) : y,
                                                   (*expected)[0].tensor, 0, 0);
                            }
                        }
                    }
                }
            }
        }
        // Broadcasts other than per channel, lower-rank operands and other types stay unfused.
        auto fast = makeDnnlChannelBinary(makeNode("Mul", 2, 1, {}, 14), {true, false, true});
        Tensor x = randomTensor({1, 4, 3, 3}, rng);
        for (const Value& operand :
             {Value(randomTensor({1, 4, 3, 1}, rng)), Value(randomTensor({4, 1, 1}, rng)),
              Value(randomTensor({1, 1, 3, 3}, rng))}) {
            const std::vector<Value> in{x, operand};
            InputsContext probe(in);
            QVERIFY(!fast->handles(probe));
        }
        const std::vector<Value> integers{ints({1, 2, 1, 1}, {1, 2}), ints({1, 2, 1, 1}, {3, 4})};
        InputsContext probe(integers);
        QVERIFY(!fast->handles(probe));
        QVERIFY(!makeDnnlChannelBinary(makeNode("Mul", 2, 1, {}, 14), {true, false, false}));
        QVERIFY(!makeDnnlChannelBinary(makeNode("Sub", 2, 1, {}, 14), {}));
    }

    void channelsLastConversionsRoundTrip() {
        std::mt19937 rng(11);
        for (const Shape& shape : std::vector<Shape>{{2, 3, 5}, {1, 4, 3, 2}, {2, 2, 2, 3, 2}}) {
            Tensor t = randomTensor(shape, rng);
            Tensor last = toChannelsLast(t);
            QCOMPARE(last.shape(), t.shape());
            // Element [n, c, s...] of the plain tensor sits at ((n * S + s) * C + c).
            const int64_t c = shape[1], spatial = t.elementCount() / (shape[0] * c);
            QCOMPARE(last.data<float>()[1 * c + 0], t.data<float>()[1]);
            QCOMPARE(last.data<float>()[0 * c + 1], t.data<float>()[spatial]);
            OS_COMPARE_TENSORS(fromChannelsLast(last), t, 0, 0);
        }
        Tensor matrix = randomTensor({3, 4}, rng);
        QCOMPARE(toChannelsLast(matrix).rawData(), matrix.rawData()); // below rank 3: unchanged
        // Blocked: element [n, c, s] at ((n * C/8 + c/8) * S + s) * 8 + c % 8, where 8 divides C
        // and the image has 28x28 pixels or more.
        const Shape shape{2, 16, 28, 28};
        Tensor t = randomTensor(shape, rng);
        Tensor blocked = toChannelsLast(t, true);
        const int64_t spatial = 28 * 28;
        for (int64_t n = 0; n < 2; ++n)
            for (int64_t c = 0; c < 16; ++c)
                for (int64_t i = 0; i < spatial; ++i)
                    QCOMPARE(blocked.data<float>()[((n * 2 + c / 8) * spatial + i) * 8 + c % 8],
                             t.data<float>()[(n * 16 + c) * spatial + i]);
        OS_COMPARE_TENSORS(fromChannelsLast(blocked, true), t, 0, 0);
        QCOMPARE(channelBlock(shape, true), int64_t(8));
        QCOMPARE(channelBlock(shape, false), int64_t(16));
        QCOMPARE(channelBlock({1, 12, 28, 28}, true), int64_t(12));       // 8 does not divide 12: NHWC
        QCOMPARE(channelBlock({1, 16, 27, 28}, true), int64_t(16));       // a smaller image: NHWC
        QCOMPARE(channelBlock({1, 16, 28, 28, 1, 1}, true), int64_t(16)); // 4 spatial dims: NHWC
    }

    void blockedLayoutsMatchTheReference() {
        // Blocked mode: 16 channels of 28x30 in 8-channel blocks; 12 channels (not a multiple of
        // 8), or a smaller image (stride 2), NHWC: source and destination laid out differently.
        std::mt19937 rng(18);
        for (const auto& [outChannels, stride] :
             std::vector<std::pair<int64_t, int64_t>>{{16, 1}, {12, 1}, {16, 2}}) {
            const NodeDesc conv = makeNode(
                "Conv", 3, 1, {intsAttr("pads", {1, 1, 1, 1}), intsAttr("strides", {stride, stride})}, 11);
            const Tensor x = randomTensor({2, 16, 28, 30}, rng),
                         w = randomTensor({outChannels, 16, 3, 3}, rng), b = randomTensor({outChannels}, rng),
                         residual = randomTensor({2, outChannels, 28 / stride, 30 / stride}, rng);
            auto reference = runReference(conv, {x, w, b}, 2);
            QVERIFY(reference.ok());
            Tensor expected = (*reference)[0].tensor.clone();
            for (int64_t i = 0; i < expected.elementCount(); ++i)
                expected.data<float>()[i] += residual.data<float>()[i];
            for (int mask = 0; mask < 8; ++mask) {
                const ChannelsLast layout{(mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0, true};
                auto fused = makeDnnlConv(conv, {{PostOp::Kind::Sum}}, layout);
                std::vector<Value> in{layout.src ? toChannelsLast(x, true) : x, w, b,
                                      layout.residual ? toChannelsLast(residual, true) : residual};
                InputsContext probe(in);
                QVERIFY(fused->handles(probe));
                auto actual = runKernel(*fused, conv, in, 2);
                QVERIFY2(actual.ok(), actual.message().c_str());
                const Tensor y =
                    layout.dst ? fromChannelsLast((*actual)[0].tensor, true) : (*actual)[0].tensor;
                OS_COMPARE_TENSORS(y, expected, 1e-4, 1e-4);
            }
        }
        // Pools keep their source's layout; global averages of channels-last data are our own loop
        // (the last two shapes large enough for threads: blocks, or slices of NHWC channels).
        for (const char* op : {"MaxPool", "GlobalAveragePool"}) {
            const NodeDesc pool = std::string(op) == "MaxPool"
                                      ? makeNode(op, 1, 1, {intsAttr("kernel_shape", {3, 3})}, 12)
                                      : makeNode(op, 1, 1, {}, 1);
            for (const Shape& shape : std::vector<Shape>{
                     {2, 16, 28, 29}, {1, 24, 29, 28}, {2, 12, 28, 28}, {1, 40, 30, 30}, {1, 12, 60, 60}}) {
                const Tensor x = randomTensor(shape, rng);
                auto expected = runReference(pool, {x}, 1);
                QVERIFY(expected.ok());
                for (bool blocked : {false, true}) {
                    auto fast = makeDnnlPool(pool, {true, false, true, blocked});
                    auto actual = runKernel(*fast, pool, {toChannelsLast(x, blocked)}, 2);
                    QVERIFY2(actual.ok(), actual.message().c_str());
                    OS_COMPARE_TENSORS(fromChannelsLast((*actual)[0].tensor, blocked), (*expected)[0].tensor,
                                       1e-5, 1e-5);
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDnnlKernels)
#include "tst_dnnl_kernels.moc"
